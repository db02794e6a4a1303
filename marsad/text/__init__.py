"""The Arabic text layer: normalisation with offset maps, clitics, tokens, sentences."""

from marsad.text.clitics import bare, proclitic_readings, strip_proclitics
from marsad.text.normalize import Normalized, fold, fold_key, normalize
from marsad.text.sentences import Sentence, paragraphs, split_sentences
from marsad.text.tokenize import Token, tokenize

__all__ = [
    "Normalized",
    "Sentence",
    "Token",
    "bare",
    "fold",
    "fold_key",
    "normalize",
    "paragraphs",
    "proclitic_readings",
    "split_sentences",
    "strip_proclitics",
    "tokenize",
]
