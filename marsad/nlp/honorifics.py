"""Honorifics and titles before names (السيد، الشهيد، الحاج، سماحة …): stripped for matching,
kept as a framing signal.  The table is ``marsad/data/honorifics.tsv``."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.text import fold


@dataclass(frozen=True, slots=True)
class Honorific:
    term: str
    folded: tuple[str, ...]  # folded tokens
    category: str
    framing: bool


@lru_cache(maxsize=1)
def honorifics() -> tuple[Honorific, ...]:
    """All entries, longest first (so that "سماحة السيد" wins over "سماحة")."""
    text = resources.files("marsad.data").joinpath("honorifics.tsv").read_text("utf-8")
    rows = [r for r in csv.reader(text.splitlines(), delimiter="\t") if r and not r[0].startswith("#")]
    items = [Honorific(r[0], tuple(fold(r[0]).replace(".", "").split()), r[1], r[2] == "yes") for r in rows]
    return tuple(sorted(items, key=lambda h: -len(h.folded)))


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[Honorific, ...]]:
    """The entries by their first folded word, longest first as in :func:`honorifics`."""
    out: dict[str, list[Honorific]] = {}
    for h in honorifics():
        if h.folded:
            out.setdefault(h.folded[0], []).append(h)
    return {word: tuple(hs) for word, hs in out.items()}


def leading_honorifics(tokens: list[str]) -> list[Honorific]:
    """The honorifics at the start of a name given as folded tokens, outermost first."""
    found: list[Honorific] = []
    i = 0
    by_first = _by_first_word()
    while i < len(tokens) - 1:  # a name must keep at least one token
        for h in by_first.get(tokens[i], ()):
            n = len(h.folded)
            if tuple(tokens[i : i + n]) == h.folded and i + n < len(tokens):
                found.append(h)
                i += n
                break
        else:
            break
    return found


@lru_cache(maxsize=65536)
def strip_honorifics(name: str) -> str:
    """The name without its leading honorifics, as written (``سماحة السيد حسن نصر الله`` → ``حسن نصر الله``)."""
    words = name.split()
    folded = [fold(w).replace(".", "") for w in words]
    skip = sum(len(h.folded) for h in leading_honorifics(folded))
    return " ".join(words[skip:]) if skip < len(words) else name
