"""The date lexicon: month names of every region and calendar, and the date words, folded for matching.

Month names come from ``marsad/data/months.json`` (built by ``scripts/build_months.py`` from CLDR,
hijridate and dateparser); weekdays, relative words, numbers and ordinals from
``marsad/data/date_words.tsv``.  Every key is folded (:func:`marsad.text.fold`) as the text is.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.text import fold


@dataclass(frozen=True)
class Event:
    """A named event known by its day and month ("أحداث 11 سبتمبر")."""

    day: int
    month: int
    year: int
    nouns: frozenset[str]


@dataclass(frozen=True)
class DateLexicon:
    gregorian: dict[str, int]
    hijri: dict[str, int]
    hijri_notation: tuple[str, ...]
    gregorian_notation: tuple[str, ...]
    words: dict[str, dict[str, str]]  # kind → folded word → value
    events: tuple[Event, ...]

    def kind(self, kind: str) -> dict[str, str]:
        return self.words.get(kind, {})

    def ints(self, kind: str) -> dict[str, int]:
        return {w: int(v) for w, v in self.kind(kind).items()}


def _folded(word: str) -> str:
    return " ".join(fold(word).split())


@lru_cache(maxsize=1)
def lexicon() -> DateLexicon:
    data = resources.files("marsad.data")
    months = json.loads(data.joinpath("months.json").read_text("utf-8"))
    gregorian = {_folded(n["name"]): int(row["month"]) for row in months["gregorian"] for n in row["names"]}
    hijri = {_folded(n): int(row["month"]) for row in months["hijri"] for n in row["names"]}
    words: dict[str, dict[str, str]] = defaultdict(dict)
    events: list[Event] = []
    lines = data.joinpath("date_words.tsv").read_text("utf-8").splitlines()
    for line in lines:
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, word, value = line.split("\t")[:3]
        if kind == "event":
            d, m, y = (int(x) for x in word.split())
            events.append(Event(d, m, y, frozenset(_folded(n) for n in value.split("|"))))
        else:
            words[kind][_folded(word)] = value
    return DateLexicon(
        gregorian=gregorian,
        hijri=hijri,
        hijri_notation=tuple(_folded(x) for x in months["hijri_notation"]),
        gregorian_notation=tuple(_folded(x) for x in months["gregorian_notation"]),
        words=dict(words),
        events=tuple(events),
    )
