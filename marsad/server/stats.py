"""Aggregates the pages and the API show: a speaker's timeline and outlets, and the outlet comparison.

The store answers searches and single articles; the figures here are counted from bounded samples of
those answers (the size of each sample is reported with it), never from an unbounded scan.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar, cast

from marsad.store.base import Query, StatementHit, Store

T = TypeVar("T")
SPEAKER_SAMPLE = 1000  # statements read for a speaker's timeline
PAGE = 100
MARKERS = ("scare-quotes", "loaded-term", "honorific")


def statements_sample(store: Store, query: Query, cap: int = SPEAKER_SAMPLE) -> tuple[list[StatementHit], int]:
    """Up to ``cap`` hits of ``query`` (read a page at a time) and the total the store reports."""
    hits: list[StatementHit] = []
    total = 0
    offset = 0
    while len(hits) < cap:
        page = store.search_statements(replace(query, limit=PAGE, offset=offset))
        total = page.total
        hits.extend(page.items)
        offset += len(page.items)
        if not page.items or offset >= page.total:
            break
    return hits[:cap], total


def day_of(published: str | None) -> date | None:
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def timeline(hits: list[StatementHit]) -> tuple[str, list[tuple[str, int]]]:
    """Counts by day (dates within a month), week (within ~6 months, keyed by Monday) or month, gaps listed."""
    days = sorted(d for d in (day_of(h.published) for h in hits) if d)
    if not days:
        return "month", []
    first, last = days[0], days[-1]
    if (last - first).days <= 31 or (last - first).days <= 190:
        weekly = (last - first).days > 31
        step = 7 if weekly else 1

        def key(d: date) -> date:
            return date.fromordinal(d.toordinal() - d.weekday()) if weekly else d

        counts = Counter(key(d) for d in days)
        out = []
        d = key(first)
        while d <= key(last):
            out.append((d.isoformat(), counts.get(d, 0)))
            d = date.fromordinal(d.toordinal() + step)
        return ("week" if weekly else "day"), out
    months = Counter(d.isoformat()[:7] for d in days)
    out = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        month = f"{y:04d}-{m:02d}"
        out.append((month, months.get(month, 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return "month", out


def outlet_counts(hits: list[StatementHit]) -> list[tuple[str, int]]:
    return Counter(h.outlet or "—" for h in hits).most_common()


def kind_counts(hits: list[StatementHit]) -> dict[str, int]:
    counts = Counter(h.statement.kind for h in hits)
    return {k: counts.get(k, 0) for k in ("direct", "indirect", "mixed", "headline")}


@dataclass
class OutletStats:
    outlet: str
    articles: int  # in the store
    sampled: int = 0  # articles read for the figures below
    statements: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    markers: Counter[str] = field(default_factory=Counter)
    terms: Counter[str] = field(default_factory=Counter)
    speakers: Counter[str] = field(default_factory=Counter)

    def per_article(self, n: int) -> float:
        return n / self.sampled if self.sampled else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "outlet": self.outlet,
            "articles": self.articles,
            "sampled_articles": self.sampled,
            "statements": self.statements,
            "statements_per_article": round(self.per_article(self.statements), 3),
            "statement_kinds": {k: self.kinds.get(k, 0) for k in ("direct", "indirect", "mixed", "headline")},
            "framing_markers": {k: self.markers.get(k, 0) for k in MARKERS},
            "framing_per_article": round(self.per_article(sum(self.markers.values())), 3),
            "top_terms": [{"term": t, "count": c} for t, c in self.terms.most_common(10)],
            "top_speakers": [{"speaker": s, "count": c} for s, c in self.speakers.most_common(10)],
        }


def outlet_stats(store: Store, outlet: str, articles: int, sample: int) -> OutletStats:
    stats = OutletStats(outlet, articles)
    offset = 0
    while stats.sampled < sample:
        page = store.search_articles(
            Query(what="articles", outlet=outlet, limit=min(PAGE, sample - stats.sampled), offset=offset)
        )
        for hit in page.items:
            analysis = store.get(hit.id)
            if analysis is None:
                continue
            stats.sampled += 1
            stats.statements += len(analysis.statements)
            for s in analysis.statements:
                stats.kinds[s.kind] += 1
                who = s.speaker.canonical or s.speaker.name
                if who:
                    stats.speakers[who] += 1
            for f in analysis.framing:
                stats.markers[f.marker] += 1
                stats.terms[f.term or f.span.text] += 1
        offset += len(page.items)
        if not page.items or offset >= page.total:
            break
    return stats


class TtlCache:
    """A small cache of derived figures (facet samples, outlet lists) kept ``ttl`` seconds, at most ``size`` keys."""

    def __init__(self, ttl: float = 60.0, size: int = 256) -> None:
        self.ttl = ttl
        self.size = size
        self._items: dict[Hashable, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
        if hit and now - hit[0] < self.ttl:
            return cast(T, hit[1])
        value = make()
        with self._lock:
            if len(self._items) >= self.size:
                self._items.clear()
            self._items[key] = (now, value)
        return value


class OutletComparison:
    """The outlet comparison, recomputed at most every ``ttl`` seconds or when the store's counts change."""

    def __init__(self, sample: int, ttl: float, max_outlets: int = 12) -> None:
        self.sample = sample
        self.ttl = ttl
        self.max_outlets = max_outlets
        self._cached: tuple[float, dict[str, int], list[OutletStats]] | None = None

    def get(self, store: Store) -> list[OutletStats]:
        counts = store.count()
        now = time.monotonic()
        if self._cached and self._cached[1] == counts and now - self._cached[0] < self.ttl:
            return self._cached[2]
        stats = [outlet_stats(store, o, n, self.sample) for o, n in store.outlets()[: self.max_outlets]]
        self._cached = (now, counts, stats)
        return stats
