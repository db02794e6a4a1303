"""Counting how outlets differ: a pure aggregation over an iterable of :class:`~marsad.models.Analysis`.

For each outlet, and apart for its own voice and for the words it quotes (:mod:`marsad.report.voice`):

- which wording it chose for each concept of the framing lexicon (``find_terms``: neutral wordings included);
- framing markers by kind, loaded-term categories, scare-quoted terms;
- who gets which honorific (السيد، الشهيد …) and how often the outlet names that person at all;
- statement kinds, quoted speakers, anonymous attribution;
- who it quotes about each entity (the entities mentioned inside statement contents).

Nothing here reads a store or a file: the caller passes analyses in (``marsad report`` reads them from the store or
analyses files).  The tool takes no side: it counts.  :mod:`marsad.report.views` turns the counts into shares.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.models import Analysis, Article, Statement
from marsad.nlp.document import Doc
from marsad.nlp.framing import TermHit, entry, find_terms, lexicon
from marsad.nlp.honorifics import strip_honorifics
from marsad.report.voice import VOICES, Quoted, Voice, field_of, honoured_entities
from marsad.text import fold, fold_key

UNKNOWN_OUTLET = "—"
STATEMENT_KINDS = ("direct", "indirect", "mixed", "headline")
MARKER_KINDS = ("loaded-term", "scare-quotes", "honorific")
ABOUT_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "EVENT"})  # MISC (a work, a phrase) is not whom one speaks about


@dataclass(frozen=True, slots=True)
class Filters:
    """Which articles count (empty = all) and which concepts the wording tables show."""

    outlets: frozenset[str] = frozenset()  # compared case-insensitively
    since: str | None = None  # ISO date prefix, inclusive
    until: str | None = None
    concepts: frozenset[str] = frozenset()  # concept names of the lexicon (see resolve_concepts)

    def admits(self, article: Article) -> str | None:
        """Why the article is left out (``"outlet"``, ``"date"``, ``"no date"``), or None when it counts."""
        if self.outlets and outlet_of(article).casefold() not in {o.casefold() for o in self.outlets}:
            return "outlet"
        if self.since or self.until:
            day = (article.published or "")[:10]
            if not day:
                return "no date"
            if (self.since and day < self.since[:10]) or (self.until and day > self.until[:10]):
                return "date"
        return None


def resolve_concepts(names: Iterable[str]) -> frozenset[str]:
    """Concept names from what a user typed: a concept (any case) or an Arabic wording of one.

    Raises ``ValueError`` naming what matched nothing.
    """
    concepts = {e.concept.casefold(): e.concept for e in lexicon()}
    wordings = {fold_key(w): e.concept for e in lexicon() for w in (e.term, *e.variants)}
    out: set[str] = set()
    unknown: list[str] = []
    for name in names:
        found = concepts.get(name.strip().casefold()) or wordings.get(fold_key(name))
        if found:
            out.add(found)
        else:
            unknown.append(name)
    if unknown:
        raise ValueError(f"unknown concept {', '.join(map(repr, unknown))}")
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Options:
    """How many rows the tables keep and when a share is too thin to trust."""

    min_mentions: int = 20  # a share over fewer mentions than this is marked low-confidence
    top_terms: int = 6
    top_speakers: int = 10
    top_people: int = 15
    top_entities: int = 8
    top_concepts: int = 12


def _voices() -> dict[Voice, Counter[str]]:
    return {v: Counter() for v in VOICES}


@dataclass
class OutletFigures:
    """Everything counted for one outlet."""

    outlet: str
    articles: int = 0
    first: str | None = None  # earliest publication day seen
    last: str | None = None
    statement_kinds: Counter[str] = field(default_factory=Counter)
    speakers: Counter[str] = field(default_factory=Counter)  # person/organisation key → statements
    anonymous: int = 0  # statements without a named speaker
    markers: dict[Voice, Counter[str]] = field(default_factory=_voices)  # marker kind → count
    categories: dict[Voice, Counter[str]] = field(default_factory=_voices)  # loaded-term category → count
    scare_quoted: dict[Voice, Counter[str]] = field(default_factory=_voices)  # quoted term → count
    honorifics: dict[Voice, Counter[str]] = field(default_factory=_voices)  # honorific → count
    unattributed_honorifics: int = 0  # honorifics before no entity the entities layer found

    @property
    def statements(self) -> int:
        return sum(self.statement_kinds.values())

    def see_day(self, published: str | None) -> None:
        day = (published or "")[:10] or None
        if day is None:
            return
        self.first = day if self.first is None or day < self.first else self.first
        self.last = day if self.last is None or day > self.last else self.last


Nested = defaultdict[str, defaultdict[str, dict[Voice, Counter[str]]]]


def _nested() -> Nested:
    return defaultdict(lambda: defaultdict(_voices))


@dataclass
class Comparison:
    """The counts of :func:`compare` (``views`` turns them into tables of shares)."""

    filters: Filters
    options: Options
    outlets: dict[str, OutletFigures] = field(default_factory=dict)
    terms: Nested = field(default_factory=_nested)  # concept → outlet → voice → term → count
    person_honorifics: Nested = field(default_factory=_nested)  # person → outlet → voice → honorific → count
    person_mentions: defaultdict[str, defaultdict[str, Counter[Voice]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counter))
    )  # person → outlet → voice → mentions
    person_honoured: defaultdict[str, defaultdict[str, Counter[Voice]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counter))
    )  # person → outlet → voice → mentions with at least one honorific
    about: defaultdict[str, defaultdict[str, Counter[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counter))
    )  # entity → outlet → speaker → statements mentioning the entity
    names: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # key → spellings
    types: dict[str, str] = field(default_factory=dict)  # entity key → entity type
    left_out: Counter[str] = field(default_factory=Counter)  # reason → articles not counted

    @property
    def articles(self) -> int:
        return sum(o.articles for o in self.outlets.values())

    def name(self, key: str) -> str:
        """The most frequent spelling of a person, speaker or entity key."""
        spellings = self.names.get(key)
        return spellings.most_common(1)[0][0] if spellings else key

    def add(self, analysis: Analysis, terms: Sequence[TermHit]) -> None:
        """Count one analysis (already admitted by the filters) and its lexicon hits."""
        article = analysis.article
        outlet = outlet_of(article)
        fig = self.outlets.get(outlet) or self.outlets.setdefault(outlet, OutletFigures(outlet))
        fig.articles += 1
        fig.see_day(article.published)
        quoted = Quoted.of(analysis)
        for hit in terms:
            concept = hit.entry.concept
            if not self.filters.concepts or concept in self.filters.concepts:
                self.terms[concept][outlet][quoted.voice(hit.span)][hit.entry.term] += 1
        for marker in analysis.framing:
            voice = quoted.voice(marker.span)
            fig.markers[voice][marker.marker] += 1
            term = marker.term or marker.span.text
            if marker.marker == "loaded-term":
                e = entry(term)
                fig.categories[voice][e.category if e else "other"] += 1
            elif marker.marker == "scare-quotes":
                fig.scare_quoted[voice][term] += 1
            else:
                fig.honorifics[voice][term] += 1
        self._honorifics(analysis, outlet, quoted, fig)
        for s in analysis.statements:
            self._statement(analysis, outlet, s, fig)

    def _honorifics(self, analysis: Analysis, outlet: str, quoted: Quoted, fig: OutletFigures) -> None:
        for e in analysis.entities:  # every type: an honorific may stand before a name typed ORG
            key = self._key(e.canonical)
            for m in e.mentions:
                self.person_mentions[key][outlet][quoted.voice(m)] += 1
        anchors: set[tuple[str, int]] = set()
        for h in honoured_entities(analysis):
            if h.entity is None:
                fig.unattributed_honorifics += 1
                continue
            key = self._key(h.entity.canonical)
            self.types.setdefault(key, h.entity.type)
            voice = quoted.voice(h.marker.span)
            self.person_honorifics[key][outlet][voice][h.marker.term or h.marker.span.text] += 1
            if h.anchor not in anchors:
                anchors.add(h.anchor)
                self.person_honoured[key][outlet][voice] += 1

    def _statement(self, analysis: Analysis, outlet: str, s: Statement, fig: OutletFigures) -> None:
        fig.statement_kinds[s.kind] += 1
        who = s.speaker.canonical or s.speaker.name
        speaker = self._key(who) if who and s.speaker.type != "ANON" else None
        if speaker is None:
            fig.anonymous += 1
        else:
            fig.speakers[speaker] += 1
        content = s.content
        seen: set[str] = set()
        for e in analysis.entities:
            if (
                e.type not in ABOUT_TYPES
                or e.id == s.speaker.entity
                or not any(
                    field_of(m) == field_of(content) and m.start < content.end and content.start < m.end
                    for m in e.mentions
                )
            ):
                continue
            key = self._key(e.canonical)
            if key in seen or key == speaker:
                continue
            seen.add(key)
            self.types.setdefault(key, e.type)
            self.about[key][outlet][speaker or ANONYMOUS] += 1

    def _key(self, name: str) -> str:
        key, bare = name_key(name)
        self.names[key][bare] += 1
        return key


@lru_cache(maxsize=65536)
def name_key(name: str) -> tuple[str, str]:
    """The key that groups spellings of a name across articles, and the name without its honorifics."""
    bare = strip_honorifics(name.strip())
    return fold_key(bare) or fold(name), bare


ANONYMOUS = "\u0000anonymous"  # the speaker key of statements without a named speaker


def outlet_of(article: Article) -> str:
    return (article.outlet or "").strip() or UNKNOWN_OUTLET


def article_terms(analysis: Analysis) -> tuple[TermHit, ...]:
    """Every lexicon wording of the article, neutral ones included (the store keeps only the marked ones)."""
    doc = Doc(analysis.article)
    doc.found["entities"] = analysis.entities
    return find_terms(doc)


def compare(
    analyses: Iterable[Analysis],
    filters: Filters | None = None,
    options: Options | None = None,
    terms: Callable[[Analysis], Sequence[TermHit]] = article_terms,
) -> Comparison:
    """Count every admitted analysis; ``terms`` gives an article's lexicon hits (re-found from its text by default)."""
    result = Comparison(filters or Filters(), options or Options())
    for analysis in analyses:
        reason = result.filters.admits(analysis.article)
        if reason:
            result.left_out[reason] += 1
            continue
        result.add(analysis, terms(analysis))
    return result


__all__ = [
    "ANONYMOUS",
    "MARKER_KINDS",
    "STATEMENT_KINDS",
    "UNKNOWN_OUTLET",
    "Comparison",
    "Filters",
    "Options",
    "OutletFigures",
    "article_terms",
    "compare",
    "name_key",
    "outlet_of",
    "resolve_concepts",
]
