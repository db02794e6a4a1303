"""The word lists that shape a reporting clause: function words (``clause_words.tsv``), speaker head
nouns (``speaker_nouns.tsv``) and headline lead-ins and labels (``headline_prefixes.tsv``), folded."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.text import fold, proclitic_readings


def _rows(name: str) -> list[list[str]]:
    text = resources.files("marsad.data").joinpath(name).read_text("utf-8")
    return [r for r in csv.reader(text.splitlines(), delimiter="\t") if r and not r[0].startswith("#")]


@dataclass(frozen=True, slots=True)
class ClauseWords:
    comp: frozenset[str]
    neg: frozenset[str]
    adverb: frozenset[str]
    particle: frozenset[str]
    belief: frozenset[str]
    naming: frozenset[str]  # a short quotation after these is a name (اسم "…", بعنوان "…")
    breaks: tuple[tuple[str, ...], ...]  # narration that ends reported content (في حين، وذلك)


@lru_cache(maxsize=1)
def clause_words() -> ClauseWords:
    groups: dict[str, set[str]] = {k: set() for k in ("comp", "neg", "adverb", "particle", "belief", "naming")}
    breaks: list[tuple[str, ...]] = []
    for word, category in _rows("clause_words.tsv"):
        if category == "break":
            breaks.append(tuple(fold(word).split()))
        else:
            groups[category].add(fold(word))
    g = {k: frozenset(v) for k, v in groups.items()}
    return ClauseWords(g["comp"], g["neg"], g["adverb"], g["particle"], g["belief"], g["naming"], tuple(breaks))


@dataclass(frozen=True, slots=True)
class SpeakerNoun:
    category: str  # role | org | doc | anon
    gender: str  # m | f | -


@lru_cache(maxsize=1)
def speaker_nouns() -> dict[str, SpeakerNoun]:
    """Folded head noun as listed (no clitics, no article) → what it names."""
    return {fold(w): SpeakerNoun(c, g) for w, c, g in _rows("speaker_nouns.tsv")}


def speaker_noun(word: str) -> SpeakerNoun | None:
    """The head-noun entry for a folded word with or without clitics (``للمنظمه`` → ``منظمه``)."""
    table = speaker_nouns()
    for _, stem in proclitic_readings(word):
        found = table.get(stem)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=1)
def headline_prefixes() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Folded word sequences of lead-ins and labels, longest first."""
    rows = [(tuple(fold(p).split()), c) for p, c in _rows("headline_prefixes.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))
