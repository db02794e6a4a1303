"""Quotation marks: which opening mark each closing one answers, within a line.

Typographic marks nest (« … “ … ” … »); straight double quotes toggle; single curly marks
(‘ ’) pair only when balanced.  An opening mark left unclosed on its line pairs with nothing: the
quotation then runs to the end of the line (a quote running over several sentences stays whole
because sentence ends inside a pair are not ends).
"""

from __future__ import annotations

import re

OPENERS = {"«": "»", "“": "”", "„": "”", "‹": "›", "‘": "’"}
CLOSERS = frozenset(OPENERS.values())
STRAIGHT = '"'
QUOTE_CHARS = frozenset(OPENERS) | CLOSERS | {STRAIGHT}


MARKS_RE = re.compile('[«»“”„‹›‘’"\n]')


def pair_quotes(text: str, start: int = 0, end: int | None = None) -> dict[int, int]:
    """Map the offset of every opening quotation mark in ``text[start:end]`` to the offset of its closing mark."""
    pairs: dict[int, int] = {}
    marks: list[int] = []
    for m in MARKS_RE.finditer(text, start, len(text) if end is None else end):
        i = m.start()
        if text[i] == "\n":
            _pair_line(text, marks, pairs)
            marks = []
        else:
            marks.append(i)
    _pair_line(text, marks, pairs)
    return pairs


def _pair_line(text: str, marks: list[int], pairs: dict[int, int]) -> None:
    stack: list[int] = []
    straight: int | None = None
    end = len(text)
    for i in marks:
        ch = text[i]
        if ch in OPENERS and not (ch == "‘" and _is_apostrophe(text, i, end)):
            stack.append(i)
        elif ch in CLOSERS:
            for k in range(len(stack) - 1, -1, -1):
                if OPENERS[text[stack[k]]] == ch:
                    pairs[stack[k]] = i
                    del stack[k:]
                    break
        elif ch == STRAIGHT:
            if straight is None:
                straight = i
            else:
                pairs[straight] = i
                straight = None


def _is_apostrophe(text: str, i: int, end: int) -> bool:
    return 0 < i < end - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


def quoted_spans(pairs: dict[int, int]) -> list[tuple[int, int]]:
    """The outermost quoted regions ``[open, close]`` (marks included), in order."""
    out: list[tuple[int, int]] = []
    for o in sorted(pairs):
        c = pairs[o]
        if out and o < out[-1][1]:
            continue
        out.append((o, c + 1))
    return out
