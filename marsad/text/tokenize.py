"""Tokens with offsets into the original text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from marsad.text.normalize import _fold

# letters/digits plus the marks that sit inside Arabic words (tashkeel, tatweel, ZWNJ)
_WORD = r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d]+"
TOKEN_RE = re.compile(rf"{_WORD}(?:[.,٫٬]\d+)*|[^\w\s]", re.UNICODE)


class Token(NamedTuple):
    """A token as written, its ``[start, end)`` in the text, and its folded form.

    A named tuple rather than a frozen dataclass: an article has hundreds of tokens and a tuple is
    built about 1.5x faster (fields, equality and hashing are the same)."""

    text: str
    start: int
    end: int
    norm: str

    @property
    def is_word(self) -> bool:
        return bool(self.norm) and (self.norm[0].isalnum() or self.norm[0] == "_")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    fold_word = _fold_word
    return [Token(w := m.group(), m.start(), m.end(), fold_word(w)) for m in TOKEN_RE.finditer(text, start, stop)]


@lru_cache(maxsize=262144)
def _fold_word(word: str) -> str:
    """``fold`` of one token, cached: news text repeats its words, and folding short strings is costly."""
    return _fold(word)


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    stop = len(text) if end is None else end
    for m in TOKEN_RE.finditer(text, start, stop):
        word = m.group()
        yield Token(word, m.start(), m.end(), _fold_word(word))
