"""Tokens with offsets into the original text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalize import fold

# letters/digits plus the marks that sit inside Arabic words (tashkeel, tatweel, ZWNJ)
_WORD = r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d]+"
TOKEN_RE = re.compile(rf"{_WORD}(?:[.,٫٬]\d+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    norm: str

    @property
    def is_word(self) -> bool:
        return bool(self.norm) and (self.norm[0].isalnum() or self.norm[0] == "_")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    return list(iter_tokens(text, start, end))


@lru_cache(maxsize=262144)
def _fold_word(word: str) -> str:
    """``fold`` of one token, cached: news text repeats its words, and folding short strings is costly."""
    return fold(word)


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    stop = len(text) if end is None else end
    for m in TOKEN_RE.finditer(text, start, stop):
        word = m.group()
        yield Token(word, m.start(), m.end(), _fold_word(word))
