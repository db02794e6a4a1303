"""Text searches with a name, outlet, dates or kind on PostgreSQL: with the ``links`` column (migration 005: the
tsvector index and the links index ANDed as bitmaps) beside without it (each word match checked against the
name's rows, as before 005), on one store of realistic size.

usage: python benchmarks/bench_pg_links.py --from-db SAMPLE.db [--statements 200000] [--repeat 10] [--pg URL]

The store is built as bench_search_pg.py builds it (the SQLite sample of bench_search_1m.py added with
``PostgresStore.add``, then copied in SQL up to ``--statements``); the copies' links are then set by
``postgres_links.backfill`` (timed: what opening a store stored before 005 costs), VACUUM ANALYZE
(``bench_search_pg.scale``).  Each query of
bench_search_1m.py runs ``--repeat`` times after a warm-up, with links ("links") and with the link groups not
given to the full-text source ("no links"); both must give the same totals.  Prints p50/p95 (ms) per kind and
the EXPLAIN of the full-text query of a text + speaker and a text + entity search.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import psycopg  # noqa: E402
from bench_search_1m import QUERIES, pct, run_queries  # noqa: E402
from bench_search_pg import arguments, sample_store, scale_store  # noqa: E402

from marsad.search import ParsedQuery  # noqa: E402
from marsad.store import postgres_search, search_plan  # noqa: E402
from marsad.store.base import Query  # noqa: E402

LINKED = postgres_search.DIALECT


def _unlinked_text(
    conn: Any, parsed: ParsedQuery, what: str, groups: Sequence[Sequence[str]] = ()
) -> search_plan.TextSource:
    return dataclasses.replace(postgres_search._text(conn, parsed, what, ()), linked=False)


UNLINKED = dataclasses.replace(LINKED, text=_unlinked_text)


class _Recorder:
    """A connection that remembers the statements it runs."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn, self.seen = conn, list[tuple[str, list[Any]]]()

    def execute(self, sql: str, params: Any = None) -> Any:
        self.seen.append((sql, list(params or ())))
        return self.conn.execute(sql, params)


def explain(url: str, q: Query) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        rec = _Recorder(conn)
        search = search_plan.search_articles if q.what == "articles" else search_plan.search_statements
        search(rec, LINKED, q)
        sql, params = next((s, p) for s, p in rec.seen if "tsv @@" in s and "ORDER BY" in s)
        print(f"\nEXPLAIN ANALYZE of {q}:")
        for (line,) in conn.execute(("EXPLAIN (ANALYZE, COSTS OFF) " + sql).encode(), params):
            print("   ", line)


def report(results: dict[str, dict[str, list[float]]]) -> None:
    print(f"\n{'kind':<20}{'no links p50':>13}{'p95':>8}{'links p50':>11}{'p95':>8}{'p95 ratio':>10}")
    for kind in results["links"]:
        before, after = results["no links"][kind], results["links"][kind]
        b50, b95, a50, a95 = pct(before, 0.5), pct(before, 0.95), pct(after, 0.5), pct(after, 0.95)
        print(f"{kind:<20}{b50:>13.1f}{b95:>8.1f}{a50:>11.1f}{a95:>8.1f}{a95 / b95:>10.2f}")


def main() -> None:
    ns = arguments(__doc__)
    with sample_store(ns) as (url, store):
        scale_store(url, store, ns.statements)
        results: dict[str, dict[str, list[float]]] = {"no links": {}, "links": {}}
        totals: dict[str, list[int]] = {}
        for name in ("no links", "links", "links", "no links"):  # each twice, alternated
            postgres_search.DIALECT = LINKED if name == "links" else UNLINKED
            lat, totals[name], _ = run_queries(store, ns.repeat)  # type: ignore[arg-type]
            for kind, values in lat.items():
                results[name].setdefault(kind, []).extend(values)
        postgres_search.DIALECT = LINKED
        print("hits:", totals["links"])
        assert totals["links"] == totals["no links"], totals
        report(results)
        for q in (
            Query(text="إسرائيل", speaker="نصر الله"),
            Query(text="الاتفاق", entity="إيران"),
            Query(text="الرئيس", outlet="alarabia", since="2019-01-01", until="2019-12"),
        ):
            explain(url, q)
    assert {k for k, _ in QUERIES} == set(results["links"])


if __name__ == "__main__":
    main()
