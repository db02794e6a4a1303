"""Arabic normalisation that keeps a map back to the original offsets.

All matching (patterns, gazetteers, search) runs on the normalised form; every span reported
points into the original.  The character tables live in ``marsad/data/normalization.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from bisect import bisect_right
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
    """A normalised string and the map back to the original it came from.

    The map is kept as segments: a *plain* segment maps normalised ``[n, n+k)`` to original
    ``[o, o+k)``; an *expansion* segment maps the characters a ligature became (ﻻ → لا) to that one
    original character.  Deleted characters (tashkeel, tatweel) fall between segments.
    """

    text: str
    original: str
    seg_norm: list[int]
    seg_orig: list[int]
    seg_expanded: list[bool]

    def start_of(self, i: int) -> int:
        """Original offset of normalised character ``i``."""
        k = bisect_right(self.seg_norm, i) - 1
        return self.seg_orig[k] if self.seg_expanded[k] else self.seg_orig[k] + (i - self.seg_norm[k])

    def end_of(self, i: int) -> int:
        """Original end offset of normalised character ``i``."""
        return self.start_of(i) + 1

    @property
    def starts(self) -> array[int]:
        """``start_of(i)`` for every normalised character, built segment by segment."""
        out = array("i")
        bounds = [*self.seg_norm[1:], len(self.text)]
        for a, b, o, expanded in zip(self.seg_norm, bounds, self.seg_orig, self.seg_expanded, strict=True):
            if b > a:  # an empty segment maps nothing (the next one at the same offset wins, as in start_of)
                out.extend(array("i", [o]) * (b - a) if expanded else array("i", range(o, o + b - a)))
        return out

    @property
    def ends(self) -> array[int]:
        return array("i", [s + 1 for s in self.starts])

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map normalised ``[start, end)`` to original ``[start, end)``."""
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span [{start}, {end}) outside normalised text of length {n}")
        if start == end:
            pos = self.start_of(start) if start < n else len(self.original)
            return pos, pos
        return self.start_of(start), self.end_of(end - 1)

    def original_text(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]


@dataclass(frozen=True)
class _FastFold:
    """``fold`` as a few C-speed passes: delete marks, lower-case, replace the common letters, then
    the rare characters (presentation forms, odd spaces) one by one.  Equal to ``_fold_char`` per
    character (a property test checks it)."""

    delete: re.Pattern[str]
    replace: tuple[tuple[str, str], ...]
    # the replacements as one str.translate table, when applying them in order equals applying them at once
    # (no replacement writes a character a later one replaces); faster than the loop on short strings only
    table: dict[int, str] | None
    rare: re.Pattern[str]
    changes_length: re.Pattern[str]


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


@lru_cache(maxsize=1)
def _fast() -> _FastFold:
    t = _tables()
    rare: set[str] = set()
    expanding: set[str] = set()
    for code in (*range(0x3000), *range(0xFB50, 0xFF00)):
        ch = chr(code)
        folded = _fold_char(ch)
        if len(folded) != 1:
            expanding.add(ch)
        if ch in t.delete or ch in t.replace or folded == ch.lower():
            continue
        rare.add(ch)
    rare_re = _char_class(rare) if rare else "(?!)"
    replace = tuple(sorted(t.replace.items()))
    chained, later = False, set()
    for src, dst in reversed(replace):
        chained = chained or any(c in later for c in dst)
        later.add(src)
    return _FastFold(
        delete=re.compile(_char_class(set(t.delete))),
        replace=replace,
        table=None if chained else {ord(src): dst for src, dst in replace},
        rare=re.compile(rare_re),
        changes_length=re.compile(_char_class(expanding | set(t.delete))),
    )


SHORT = 48  # strings up to this length are folded through a cache: words and names recur


def fold(text: str) -> str:
    """The normalised string alone (for matching keys, search queries, lexicon entries)."""
    return _fold_short(text) if len(text) <= SHORT else _fold(text)


@lru_cache(maxsize=65536)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    f = _fast()
    text = f.delete.sub("", text).lower()
    if f.table is not None and len(text) <= SHORT:
        text = text.translate(f.table)
    else:
        for src, dst in f.replace:
            if src in text:
                text = text.replace(src, dst)
    if f.rare.search(text):
        text = f.rare.sub(lambda m: _fold_char(m.group()), text)
    return text


def normalize(text: str) -> Normalized:
    """Fold alef/hamza forms, ى→ي, ة→ه, drop tashkeel and tatweel, unify spaces and digits.

    Returns the folded text with its map back to ``text``.  The map is built from the few
    characters that change length (deleted marks, ligatures); everything between them maps 1:1.
    """
    out = fold(text)
    seg_norm, seg_orig, seg_expanded = [0], [0], [False]
    npos = opos = 0  # where the current plain segment starts, normalised and original
    for m in _fast().changes_length.finditer(text):
        i = m.start()
        at = npos + (i - opos)
        width = len(_fold_char(text[i]))
        if width > 1:
            seg_norm.append(at)
            seg_orig.append(i)
            seg_expanded.append(True)
        npos, opos = at + width, i + 1
        seg_norm.append(npos)
        seg_orig.append(opos)
        seg_expanded.append(False)
    if npos + (len(text) - opos) != len(out):  # a character outside the tables changed length
        return _normalize_slow(text)
    return Normalized(out, text, seg_norm, seg_orig, seg_expanded)


def _normalize_slow(text: str) -> Normalized:
    """One segment per original character (correct for any character, slower)."""
    parts: list[str] = []
    seg_norm: list[int] = []
    seg_orig: list[int] = []
    seg_expanded: list[bool] = []
    npos = 0
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        seg_norm.append(npos)
        seg_orig.append(i)
        seg_expanded.append(len(folded) > 1)
        parts.append(folded)
        npos += len(folded)
    if not seg_norm:
        seg_norm, seg_orig, seg_expanded = [0], [0], [False]
    return Normalized("".join(parts), text, seg_norm, seg_orig, seg_expanded)


def fold_key(text: str) -> str:
    """A matching key: folded, whitespace collapsed, surrounding punctuation dropped."""
    return _fold_key_short(text) if len(text) <= SHORT else _fold_key(text)


@lru_cache(maxsize=65536)
def _fold_key_short(text: str) -> str:
    return _fold_key(text)


def _fold_key(text: str) -> str:
    return " ".join(_fold(text).split()).strip(" .,:;!?\"'«»“”‘’()[]{}،؛؟-–—")
