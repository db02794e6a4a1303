"""Arabic normalisation that keeps a map back to the original offsets.

All matching (patterns, gazetteers, search) runs on the normalised form; every span reported
points into the original.  The character tables live in ``marsad/data/normalization.json``.
"""

from __future__ import annotations

import json
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class _Tables:
    delete: frozenset[str]
    replace: dict[str, str]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    raw = json.loads(resources.files("marsad.data").joinpath("normalization.json").read_text("utf-8"))
    delete: set[str] = set()
    for lo, hi in raw["delete_ranges"]:
        delete.update(chr(c) for c in range(int(lo, 16), int(hi, 16) + 1))
    replace: dict[str, str] = {}
    for group in raw["replace"].values():
        for src, dst in group.items():
            for ch in src:
                replace[ch] = dst
    return _Tables(frozenset(delete), replace)


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    """What one original character becomes (possibly nothing, possibly several characters)."""
    t = _tables()
    if ch in t.delete:
        return ""
    if ch in t.replace:
        return t.replace[ch]
    o = ord(ch)
    # Arabic presentation forms (FB50–FDFF, FE70–FEFF) and other compatibility characters
    if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        decomposed = unicodedata.normalize("NFKC", ch)
        return "".join(_fold_char(c) for c in decomposed if c != ch) or decomposed
    if ch.isspace():
        return "\n" if ch in "\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85" else " "
    return ch.lower()


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised string and, for each of its characters, where it came from.

    ``starts[i]``/``ends[i]`` are the original ``[start, end)`` of normalised character ``i``;
    :meth:`to_original` maps a normalised span back to the original text.
    """

    text: str
    original: str
    starts: array[int]
    ends: array[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map normalised ``[start, end)`` to original ``[start, end)``."""
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span [{start}, {end}) outside normalised text of length {n}")
        if start == end:
            pos = self.starts[start] if start < n else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def original_text(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]


def normalize(text: str) -> Normalized:
    """Fold alef/hamza forms, ى→ي, ة→ه, drop tashkeel and tatweel, unify spaces and digits.

    Returns the folded text with its map back to ``text``.
    """
    out: list[str] = []
    starts = array("i")
    ends = array("i")
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        if not folded:
            continue
        out.append(folded)
        for _ in folded:
            starts.append(i)
            ends.append(i + 1)
    return Normalized("".join(out), text, starts, ends)


def fold(text: str) -> str:
    """The normalised string alone (for matching keys, search queries, lexicon entries)."""
    return "".join(_fold_char(ch) for ch in text)


def fold_key(text: str) -> str:
    """A matching key: folded, whitespace collapsed, surrounding punctuation dropped."""
    return " ".join(fold(text).split()).strip(" .,:;!?\"'«»“”‘’()[]{}،؛؟-–—")
