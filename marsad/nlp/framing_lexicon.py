"""The framing lexicon (``marsad/data/framing.tsv``) and the framing cue words (``framing_cues.tsv``), loaded.

Entries are matched on folded text; see :mod:`marsad.nlp.framing` for the matcher and docs/framing.md for the
lexicon itself.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from marsad.text import fold

UNMARKED = frozenset({"neutral", "homonym"})  # categories counted, never reported as markers
PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "نا", "كم")
ARTICLE = "ال"


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the framing lexicon."""

    term: str
    variants: tuple[str, ...]
    concept: str
    category: str
    typical_usage: str
    note: str

    @property
    def marked(self) -> bool:
        """Whether a match is reported as a ``loaded-term`` marker (neutral and homonym entries are not)."""
        return self.category not in UNMARKED


@dataclass(slots=True)
class Node:
    """A word of a form in the trie: the entry whose form ends here, and the words that can follow."""

    entry: Entry | None = None
    next: dict[str, Node] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    """The lexicon ready for matching."""

    entries: tuple[Entry, ...]
    by_term: dict[str, Entry]
    trie: dict[str, Node]  # first word → the forms starting with it, word by word
    names: dict[tuple[str, ...], Entry | None]  # a form, or (None) the definite start of a loaded one: scare-quote gate
    surfaces: dict[str, tuple[tuple[str, int], ...]]  # a first word as written with clitics → (trie key, skip)


@dataclass(frozen=True)
class Cues:
    """The cue words of ``framing_cues.tsv``, folded, by kind."""

    introducer: frozenset[str]
    reporting: frozenset[str]
    complementiser: frozenset[str]
    function: frozenset[str]
    not_name: frozenset[str]
    ambiguous: frozenset[str]
    quotable: frozenset[str]  # folded, words joined by one space


def _rows(name: str) -> list[list[str]]:
    text = resources.files("marsad.data").joinpath(name).read_text("utf-8")
    return [r for r in csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE) if r and r[0][:1] != "#"]


def _generated(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Forms the matcher adds to a written one: ال on every word of a phrase, a pronoun suffix on one word."""
    if len(words) > 1:
        if any(w.startswith(ARTICLE) or w.isdigit() for w in words):
            return []
        return [tuple(ARTICLE + w for w in words)]
    (w,) = words
    if w.startswith(ARTICLE) or len(w) < 4 or w.endswith("ا"):
        return []
    stem = w[:-1] + "ت" if w.endswith("ه") else w[:-1] if w.endswith(("ين", "ون")) else w
    return [(stem + s,) for s in PRONOUN_SUFFIXES]


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Read ``framing.tsv`` and build the matching tables; a form listed under two entries is an error."""
    entries: list[Entry] = []
    for r in _rows("framing.tsv"):
        if len(r) != 6:
            raise ValueError(f"framing.tsv: expected 6 columns, got {len(r)}: {r!r}")
        variants = tuple(dict.fromkeys(v.strip() for v in r[1].split("|") if v.strip() and v.strip() != r[0]))
        entries.append(Entry(r[0], variants, r[2], r[3], r[4], r[5]))
    forms: dict[tuple[str, ...], Entry] = {}
    for e in entries:  # written forms first: they win over generated ones
        for form in (e.term, *e.variants):
            words = tuple(fold(form).split())
            if forms.get(words, e) is not e:
                raise ValueError(f"framing.tsv: {form!r} is both {forms[words].term!r} and {e.term!r}")
            forms[words] = e
    for words, e in list(forms.items()):
        for extra in _generated(words):
            forms.setdefault(extra, e)
    trie: dict[str, Node] = {}
    names: dict[tuple[str, ...], Entry | None] = {}
    for words, e in forms.items():
        node = trie.setdefault(words[0], Node())
        for w in words[1:]:
            node = node.next.setdefault(w, Node())
        node.entry = e
        if e.marked and words[0].startswith(ARTICLE):  # «الدولة» for «الدولة الإسلامية»
            for k in range(1, len(words)):
                names.setdefault(words[:k], None)
    for words, e in forms.items():
        if e.category != "homonym":
            names[words] = e
    return Lexicon(tuple(entries), {e.term: e for e in entries}, trie, names, clitic_surfaces(trie))


CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ل", "ك")


def clitic_surfaces(keys: Iterable[str], article: bool = True) -> dict[str, tuple[tuple[str, int], ...]]:
    """Every way each folded word can be written with proclitics: ``surface → ((word, skip), ...)``.

    ``skip`` is how many leading characters are conjunction/preposition (a span starts after them); the article
    is kept in the span where it is written apart (والمقاومة → المقاومة), not where ل + ال is spelled لل
    (للمقاومة → مقاومة).  With ``article``, a word written without the article also takes it (مقاومة →
    المقاومة).  This is :func:`marsad.text.proclitic_readings` turned around, so that matching costs one
    dictionary look-up a word.
    """
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key in keys:
        for conj in CONJUNCTIONS:
            for prep in PREPOSITIONS:
                for art in ("", ARTICLE) if article and not key.startswith(ARTICLE) else ("",):
                    stem = art + key
                    if prep == "ل" and stem.startswith(ARTICLE):
                        surface, skip = conj + "ل" + stem[1:], len(conj) + 2
                    else:
                        surface, skip = conj + prep + stem, len(conj) + len(prep)
                    if (key, skip) not in out[surface]:
                        out[surface].append((key, skip))
    return {k: tuple(sorted(v, key=lambda x: x[1])) for k, v in out.items()}


@lru_cache(maxsize=1)
def cues() -> Cues:
    kinds: dict[str, set[str]] = defaultdict(set)
    for word, kind in _rows("framing_cues.tsv"):
        kinds[kind].add(fold(word))
    return Cues(
        *(
            frozenset(kinds[k])
            for k in (
                "introducer",
                "reporting",
                "complementiser",
                "function",
                "not-name",
                "ambiguous-honorific",
                "quotable",
            )
        )
    )


def lexicon() -> tuple[Entry, ...]:
    """Every entry of ``framing.tsv``, in file order."""
    return load().entries


def entry(term: str) -> Entry | None:
    """The lexicon entry whose canonical term is ``term``."""
    return load().by_term.get(term)


def concept_of(term: str) -> str | None:
    """The concept a canonical term refers to (``"كيان الاحتلال"`` → ``"Israel (state)"``), for reports."""
    e = entry(term)
    return e.concept if e else None


def lexicon_markdown() -> str:
    """The lexicon as Markdown tables, one per concept (the last section of docs/framing.md)."""
    by_concept: dict[str, list[Entry]] = defaultdict(list)
    for e in lexicon():
        by_concept[e.concept].append(e)
    out: list[str] = []
    for concept, entries in by_concept.items():
        out += [f"### {concept}", "", "| term | variants | category | typical usage | note |", "|---|---|---|---|---|"]
        for e in entries:
            cells = (e.term, "، ".join(e.variants), e.category, e.typical_usage, e.note)
            out.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        out.append("")
    return "\n".join(out)


__all__ = [
    "ARTICLE",
    "PRONOUN_SUFFIXES",
    "UNMARKED",
    "Cues",
    "Entry",
    "Lexicon",
    "Node",
    "clitic_surfaces",
    "concept_of",
    "cues",
    "entry",
    "lexicon",
    "lexicon_markdown",
    "load",
]


if __name__ == "__main__":  # python -m marsad.nlp.framing_lexicon > the tables of docs/framing.md
    print(lexicon_markdown())
