"""The tables a report shows, made from a :class:`~marsad.report.compare.Comparison`: counts beside shares.

Every share carries its count and the total it was computed on; a share over fewer than ``Options.min_mentions``
mentions is ``low`` (shown as low-confidence).  Rates are per 100 articles of the outlet.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from marsad.nlp.framing import entry
from marsad.report.compare import ANONYMOUS, STATEMENT_KINDS, Comparison, OutletFigures
from marsad.report.voice import Voice

OTHER = "أخرى"  # the column of the wordings left out of a table


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """Where the analyses came from and when the report was made (shown in its header and footer)."""

    source: str  # the database URL or the inputs
    generated: str  # ISO date and time
    seconds: float | None = None  # time spent reading, analysing and counting


@dataclass(frozen=True, slots=True)
class Share:
    """``count`` of ``total``, and whether the total is too small to trust."""

    count: int
    total: int
    low: bool

    @property
    def value(self) -> float | None:
        return self.count / self.total if self.total else None

    def percent(self) -> str:
        v = self.value
        return "—" if v is None else f"{100 * v:.0f}%"

    def to_dict(self) -> dict[str, object]:
        v = self.value
        return {"count": self.count, "total": self.total, "share": None if v is None else round(v, 4), "low": self.low}


def share(c: Comparison, count: int, total: int) -> Share:
    return Share(count, total, total < c.options.min_mentions)


def per_100(count: int, articles: int) -> float:
    return 100 * count / articles if articles else 0.0


def outlets(c: Comparison) -> list[OutletFigures]:
    """The outlets, most articles first."""
    return sorted(c.outlets.values(), key=lambda o: (-o.articles, o.outlet))


# --- wording per concept ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConceptRow:
    outlet: str
    total: int  # mentions of the concept in the outlet's own voice
    shares: tuple[Share, ...]  # one a column of ConceptTable.terms
    marked: Share  # the share of non-neutral wordings
    quoted_total: int  # mentions inside quotations (not in the shares)
    quoted_marked: Share


@dataclass(frozen=True, slots=True)
class ConceptTable:
    concept: str
    terms: tuple[str, ...]  # the most used wordings, then OTHER where some are left out
    categories: tuple[str, ...]  # the lexicon category of each column ("" for OTHER)
    rows: tuple[ConceptRow, ...]

    @property
    def total(self) -> int:
        return sum(r.total for r in self.rows)


def _marked(counts: Counter[str]) -> int:
    return sum(n for term, n in counts.items() if (e := entry(term)) is not None and e.marked)


def concept_table(c: Comparison, concept: str, voice: Voice = "own") -> ConceptTable:
    by_outlet: dict[str, dict[Voice, Counter[str]]] = c.terms.get(concept, {})
    overall: Counter[str] = Counter()
    for voices in by_outlet.values():
        overall.update(voices[voice])
    shown = [t for t, _ in overall.most_common(c.options.top_terms)]
    other = len(overall) > len(shown)
    columns = (*shown, OTHER) if other else tuple(shown)
    rows: list[ConceptRow] = []
    for fig in outlets(c):
        found = by_outlet.get(fig.outlet)
        counts = found[voice] if found else Counter[str]()
        quoted = found["quoted" if voice == "own" else "own"] if found else Counter[str]()
        total = sum(counts.values())
        cells = [share(c, counts[t], total) for t in shown]
        if other:
            cells.append(share(c, total - sum(counts[t] for t in shown), total))
        q_total = sum(quoted.values())
        rows.append(
            ConceptRow(
                fig.outlet,
                total,
                tuple(cells),
                share(c, _marked(counts), total),
                q_total,
                share(c, _marked(quoted), q_total),
            )
        )
    categories = tuple((e.category if (e := entry(t)) else "") for t in columns)
    return ConceptTable(concept, columns, categories, tuple(rows))


def concept_tables(c: Comparison, voice: Voice = "own", top: int | None = None) -> list[ConceptTable]:
    """The concepts asked for (all of them with ``Filters.concepts``), else the most mentioned ones, each a table.

    Concepts that only one wording was ever used for are left out unless asked for: there is no choice to compare.
    """
    tables = [concept_table(c, k, voice) for k in c.terms]
    if not c.filters.concepts:
        tables = [t for t in tables if len([x for x in t.terms if x]) > 1]
    tables.sort(key=lambda t: (-t.total, t.concept))
    limit = top if top is not None else None if c.filters.concepts else c.options.top_concepts
    return tables if limit is None else tables[:limit]


# --- outlets at a glance ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutletRow:
    outlet: str
    articles: int
    first: str | None
    last: str | None
    statements: int
    anonymous: Share  # of statements
    kinds: tuple[Share, ...]  # of statements, in STATEMENT_KINDS order
    own_markers: dict[str, float]  # marker kind → per 100 articles, own voice
    quoted_markers: dict[str, float]
    own_counts: dict[str, int]
    quoted_counts: dict[str, int]


def outlet_rows(c: Comparison) -> list[OutletRow]:
    out = []
    for o in outlets(c):
        n = o.statements
        out.append(
            OutletRow(
                o.outlet,
                o.articles,
                o.first,
                o.last,
                n,
                share(c, o.anonymous, n),
                tuple(share(c, o.statement_kinds[k], n) for k in STATEMENT_KINDS),
                {k: per_100(v, o.articles) for k, v in o.markers["own"].items()},
                {k: per_100(v, o.articles) for k, v in o.markers["quoted"].items()},
                dict(o.markers["own"]),
                dict(o.markers["quoted"]),
            )
        )
    return out


def category_rates(c: Comparison, voice: Voice = "own") -> tuple[list[str], list[tuple[str, list[float], list[int]]]]:
    """Loaded-term categories (most frequent first) and, per outlet, rates per 100 articles and counts."""
    overall: Counter[str] = Counter()
    for o in c.outlets.values():
        overall.update(o.categories[voice])
    cats = [k for k, _ in overall.most_common()]
    rows = [
        (o.outlet, [per_100(o.categories[voice][k], o.articles) for k in cats], [o.categories[voice][k] for k in cats])
        for o in outlets(c)
    ]
    return cats, rows


def top_counts(counts: Counter[str], n: int) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


# --- honorifics per person ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonCell:
    outlet: str
    mentions: int  # the person's mentions in the outlet, own voice
    honoured: Share  # own-voice mentions with an honorific, of all own-voice mentions
    honorifics: tuple[tuple[str, int], ...]  # own voice
    quoted: tuple[tuple[str, int], ...]  # honorifics inside quotations


@dataclass(frozen=True, slots=True)
class PersonRow:
    key: str
    name: str
    total: int  # honorifics before the person, every outlet and voice
    cells: tuple[PersonCell, ...]  # one an outlet, outlets() order


def person_aliases(c: Comparison) -> dict[str, str]:
    """Person keys merged into the key of the same person written in full across articles.

    Keys equal but for spaces (نصرالله، نصر الله) are one person; a name of three words or more that begins
    another (تميم بن حمد → تميم بن حمد آل ثاني) is that name, the most mentioned one where several begin with it.
    Shorter names are left alone: «محمد» or «بن سلمان» may be anyone.
    """
    weight = Counter({k: sum(sum(v.values()) for v in per.values()) for k, per in c.person_mentions.items()})
    keys = set(weight) | set(c.person_honorifics)
    by_joined: dict[str, str] = {}
    for k in sorted(keys, key=lambda k: (-weight[k], k)):
        by_joined.setdefault(k.replace(" ", ""), k)
    index: dict[tuple[str, ...], list[str]] = {}
    for k in set(by_joined.values()):
        split = tuple(k.split())
        if len(split) >= 3:
            index.setdefault(split[:3], []).append(k)
    out: dict[str, str] = {}
    for k in keys:
        target = by_joined[k.replace(" ", "")]
        words = target.split()
        if len(words) >= 3:
            longer = [
                x
                for x in index.get(tuple(words[:3]), ())
                if len(x.split()) > len(words) and x.split()[: len(words)] == words
            ]
            if longer:
                target = max(longer, key=lambda x: (weight[x], x))
        if target != k:
            out[k] = target
    return out


def people(c: Comparison) -> list[PersonRow]:
    """The persons given the most honorifics, and what each outlet calls them and how often it names them."""
    aliases = person_aliases(c)
    honorifics: dict[str, dict[str, dict[Voice, Counter[str]]]] = {}
    mentions: dict[str, Counter[tuple[str, Voice]]] = {}
    honoured: dict[str, Counter[tuple[str, Voice]]] = {}
    for key, per in c.person_honorifics.items():
        target = honorifics.setdefault(aliases.get(key, key), {})
        for outlet, voices in per.items():
            for voice, counts in voices.items():
                target.setdefault(outlet, {}).setdefault(voice, Counter()).update(counts)
    for source, into in ((c.person_mentions, mentions), (c.person_honoured, honoured)):
        for key, per_outlet in source.items():
            k = aliases.get(key, key)
            if k not in honorifics:
                continue
            bucket = into.setdefault(k, Counter())
            for outlet, by_voice in per_outlet.items():
                for voice, n in by_voice.items():
                    bucket[(outlet, voice)] += n
    figs = outlets(c)

    def rank(k: str) -> tuple[int, int, str]:
        total = sum(sum(v.values()) for vs in honorifics[k].values() for v in vs.values())
        named_by = sum(1 for o in figs if mentions.get(k, Counter())[(o.outlet, "own")])
        return (-total, -named_by, k)

    rows = []
    for key in sorted(honorifics, key=rank)[: c.options.top_people]:
        cells = []
        for o in figs:
            voices = honorifics[key].get(o.outlet, {})
            own = voices.get("own", Counter())
            n_honoured = honoured.get(key, Counter())[(o.outlet, "own")]
            n_mentions = max(mentions.get(key, Counter())[(o.outlet, "own")], n_honoured)
            cells.append(
                PersonCell(
                    o.outlet,
                    n_mentions,
                    share(c, n_honoured, n_mentions),
                    tuple(top_counts(own, 3)),
                    tuple(top_counts(voices.get("quoted", Counter()), 3)),
                )
            )
        total = -rank(key)[0]
        rows.append(PersonRow(key, c.name(key), total, tuple(cells)))
    return rows


def honorific_rates(c: Comparison, top: int = 10) -> list[tuple[str, list[tuple[int, float, int]]]]:
    """The honorifics most used in outlets' own voice: per outlet (own count, per 100 articles, quoted count)."""
    overall: Counter[str] = Counter()
    for o in c.outlets.values():
        overall.update(o.honorifics["own"])
    return [
        (
            term,
            [
                (
                    o.honorifics["own"][term],
                    per_100(o.honorifics["own"][term], o.articles),
                    o.honorifics["quoted"][term],
                )
                for o in outlets(c)
            ],
        )
        for term, _ in top_counts(overall, top)
    ]


# --- who is quoted ------------------------------------------------------------------------------------------------


def speaker_name(c: Comparison, key: str) -> str:
    return "مصدر غير مسمّى" if key == ANONYMOUS else c.name(key)


@dataclass(frozen=True, slots=True)
class AboutRow:
    key: str
    name: str
    type: str
    outlets: int  # outlets that quote someone about it
    statements: int
    cells: tuple[tuple[str, int, tuple[tuple[str, int], ...]], ...]  # (outlet, statements, top speakers)


def about(c: Comparison, n_speakers: int = 3) -> list[AboutRow]:
    """The entities most quoted about, across most outlets: who each outlet quotes about each."""
    ranked = sorted(c.about.items(), key=lambda kv: (-len(kv[1]), -sum(sum(x.values()) for x in kv[1].values()), kv[0]))
    rows = []
    for key, per in ranked[: c.options.top_entities]:
        cells = tuple(
            (o.outlet, sum(per[o.outlet].values()), tuple(top_counts(per[o.outlet], n_speakers)))
            for o in outlets(c)
            if o.outlet in per
        )
        rows.append(AboutRow(key, c.name(key), c.types.get(key, ""), len(per), sum(x[1] for x in cells), cells))
    return rows


__all__ = [
    "OTHER",
    "AboutRow",
    "ConceptRow",
    "ConceptTable",
    "OutletRow",
    "PersonCell",
    "PersonRow",
    "ReportMeta",
    "Share",
    "about",
    "category_rates",
    "concept_table",
    "concept_tables",
    "honorific_rates",
    "outlet_rows",
    "outlets",
    "people",
    "per_100",
    "person_aliases",
    "share",
    "speaker_name",
    "top_counts",
]
