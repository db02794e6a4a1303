"""Proclitics (و ف ب ل ك س, the article ال, and ل+ال → لل) in one place.

Works on folded text (see :func:`marsad.text.normalize.fold`).  ``للميادين`` is ``ل`` +
``الميادين``: the ``ال`` that the spelling swallows is given back.
"""

from __future__ import annotations

from functools import lru_cache

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
MIN_STEM = 2


@lru_cache(maxsize=131072)
def proclitic_readings(word: str, min_stem: int = MIN_STEM) -> tuple[tuple[str, str], ...]:
    """Every ``(prefix, stem)`` reading of a folded word, the word itself first.

    >>> proclitic_readings("للميادين")[:3]
    (('', 'للميادين'), ('ل', 'الميادين'), ('لل', 'ميادين'))
    """
    readings: list[tuple[str, str]] = [("", word)]
    seen = {word}

    def add(prefix: str, stem: str) -> None:
        if len(stem) >= min_stem and stem not in seen:
            seen.add(stem)
            readings.append((prefix, stem))

    rest, conj = word, ""
    if rest[:1] in CONJUNCTIONS and len(rest) > min_stem + 1:
        conj, rest = rest[0], rest[1:]
        add(conj, rest)
    prep = ""
    if rest[:1] in PREPOSITIONS and len(rest) > min_stem + 1:
        prep, after = rest[0], rest[1:]
        if prep == "ل" and after.startswith("ل"):
            # ل + ال spelled لل: give the article back, then also the bare stem
            add(conj + prep, ARTICLE + after[1:])
            add(conj + "لل", after[1:])
            return tuple(readings)
        add(conj + prep, after)
        rest = after
    if rest.startswith(ARTICLE) and len(rest) >= len(ARTICLE) + min_stem:
        add(conj + prep + ARTICLE, rest[len(ARTICLE) :])
    return tuple(readings)


@lru_cache(maxsize=131072)
def strip_proclitics(word: str) -> str:
    """The stem with conjunction and preposition removed, the article kept (``وللميادين`` → ``الميادين``)."""
    best = word
    for prefix, stem in proclitic_readings(word):
        if prefix and not prefix.endswith(ARTICLE) and not prefix.endswith("لل"):
            best = stem
    return best


def bare(word: str) -> str:
    """The stem with every proclitic, the article included, removed (``وللميادين`` → ``ميادين``)."""
    return proclitic_readings(word)[-1][1]
