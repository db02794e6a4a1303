"""Search latency on PostgreSQL: the queries of bench_search_1m.py on a store scaled from the same sample.

usage: python benchmarks/bench_search_pg.py --from-db SAMPLE.db [--statements 200000] [--repeat 10] [--pg URL]

1. the analyses of the SQLite sample store (``--from-db``, as bench_search_1m.py makes it) are added to a new
   PostgreSQL database with ``PostgresStore.add`` (a throwaway server is started as tests/pg.py does, unless
   ``--pg`` names one); the queries are timed there (the baseline);
2. the rows are copied in SQL until the store holds ``--statements`` statements (copy ``k``: new ids, URLs
   and text hashes, dates ``k`` weeks later; the sample has one outlet), VACUUM ANALYZE (until then every
   full-text query reads the GIN pending list of the bulk copies), after the copies' links are set
   (``postgres_links.backfill``, timed: what opening a store stored before migration 005 costs), and the queries
   timed again.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_search_1m import pct, run_queries  # noqa: E402

from marsad.models import analysis_from_dict  # noqa: E402
from marsad.store import postgres_links  # noqa: E402
from marsad.store.postgres import PostgresStore  # noqa: E402
from tests import pg  # noqa: E402

SHIFT = "to_char(to_date(pub_date, 'YYYY-MM-DD') + %s, 'YYYY-MM-DD')"  # pub_date k weeks later
COPIES = {
    "articles": (
        "rowid, id, url_key, text_hash, url, outlet, published, pub_date, title, language, source, doc, ix_title,"
        " ix_body, ix_rd",
        "rowid + {a}, id || '~{k}', url_key || '~{k}', text_hash || '~{k}', url || '#copy{k}', outlet, published,"
        f" {SHIFT.replace('%s', '{days}')}, title, language, source, doc, ix_title, ix_body, ix_rd",
    ),
    "statements": (
        "rowid, article_rowid, idx, speaker_name, speaker_canonical, speaker_entity, speaker_type, speaker_role,"
        " speaker_key, mention_text, mention_start, mention_end, mention_zone, cue_text, cue_start, cue_end,"
        " cue_zone, content_text, content_start, content_end, zone, kind, ix_content, ix_rd",
        "rowid + {s}, article_rowid + {a}, idx, speaker_name, speaker_canonical, speaker_entity, speaker_type,"
        " speaker_role, speaker_key, mention_text, mention_start, mention_end, mention_zone, cue_text, cue_start,"
        " cue_end, cue_zone, content_text, content_start, content_end, zone, kind, ix_content, ix_rd",
    ),
    "entities": (
        "rowid, article_rowid, idx, entity_id, type, canonical, canonical_key, name_key, entity_key",
        "rowid + {e}, article_rowid + {a}, idx, entity_id, type, canonical, canonical_key, name_key, entity_key",
    ),
    "mentions": (
        'entity_rowid, article_rowid, text, start, "end", zone',
        'entity_rowid + {e}, article_rowid + {a}, text, start, "end", zone',
    ),
    "statement_facets": (
        "rowid, pub_date, outlet, kind",
        f"rowid + {{s}}, {SHIFT.replace('%s', '{days}')}, outlet, kind",
    ),
    "article_facets": ("rowid, pub_date, outlet", f"rowid + {{a}}, {SHIFT.replace('%s', '{days}')}, outlet"),
    "statement_terms": (
        "term, pub_date, statement_rowid",
        f"term, CASE WHEN pub_date = '' THEN '' ELSE {SHIFT.replace('%s', '{days}')} END, statement_rowid + {{s}}",
    ),
    "article_terms": (
        "term, pub_date, article_rowid",
        f"term, CASE WHEN pub_date = '' THEN '' ELSE {SHIFT.replace('%s', '{days}')} END, article_rowid + {{a}}",
    ),
}


def load_sample(sample: str, store: PostgresStore) -> None:
    conn = sqlite3.connect(sample)
    rows = conn.execute("SELECT doc FROM articles ORDER BY rowid").fetchall()
    analyses = [analysis_from_dict(json.loads(doc)) for (doc,) in rows]
    conn.close()
    for i in range(0, len(analyses), 200):
        store.add(analyses[i : i + 200])


def scale(url: str, target: int) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        maxes = {
            t: int(conn.execute(f"SELECT max(rowid) FROM {t}").fetchone()[0])  # type: ignore[index]
            for t in ("articles", "statements", "entities")
        }
        n = int(conn.execute("SELECT count(*) FROM statements").fetchone()[0])  # type: ignore[index]
        copies = -(-target // n)
        for k in range(1, copies):
            shifts = {
                "a": maxes["articles"] * k,
                "s": maxes["statements"] * k,
                "e": maxes["entities"] * k,
                "k": k,
                "days": 7 * k,
            }
            with conn.transaction():
                for table, (columns, select) in COPIES.items():
                    limit = {"articles": "a", "statements": "s", "entities": "e", "statement_facets": "s"}
                    own = {"article_facets": "a", "mentions": "e", "statement_terms": "s", "article_terms": "a"}
                    key = limit.get(table) or own[table]
                    column = {
                        "mentions": "entity_rowid",
                        "statement_terms": "statement_rowid",
                        "article_terms": "article_rowid",
                    }.get(table, "rowid")
                    bound = {"a": maxes["articles"], "s": maxes["statements"], "e": maxes["entities"]}[key]
                    conn.execute(
                        f"INSERT INTO {table} ({columns}) SELECT {select.format(**shifts)} FROM {table}"  # type: ignore[arg-type]
                        f" WHERE {column} <= {bound}"
                    )
            if k % 10 == 0:
                print(f"  copy {k + 1}/{copies}", flush=True)
        t = time.perf_counter()
        with conn.transaction():  # the copies' links (their own months): as opening a store of migration 004 does
            rows = postgres_links.backfill(conn)
        print(f"links backfill: {rows} rows in {time.perf_counter() - t:.0f}s", flush=True)
        conn.execute("VACUUM ANALYZE")  # as autovacuum would: flushes the GIN pending lists the bulk copies filled
        return copies


def report(title: str, results: dict[str, list[float]]) -> None:
    print(f"\n{title}\n{'kind':<17}{'runs':>5}{'p50':>8}{'p95':>8}  goal")
    for kind, lat in results.items():
        p95 = pct(lat, 0.95)
        print(f"{kind:<17}{len(lat):>5}{pct(lat, 0.5):>8.1f}{p95:>8.1f}  {'ok' if p95 < 50 else 'MISS'}")


def arguments(doc: str | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--from-db", required=True)
    p.add_argument("--statements", type=int, default=200_000)
    p.add_argument("--repeat", type=int, default=10)
    p.add_argument("--pg", help="a server URL to create the database in (default: a throwaway server)")
    return p.parse_args()


@contextmanager
def sample_store(ns: argparse.Namespace) -> Iterator[tuple[str, PostgresStore]]:
    """A new database (on ``--pg`` or a throwaway server) holding the sample ``--from-db``: its URL and store."""
    with nullcontext(ns.pg) if ns.pg else pg.server() as server:
        if server is None:
            raise SystemExit("no PostgreSQL here (initdb not found) and no --pg")
        url = pg.fresh_database(server)
        store = PostgresStore(url)
        try:
            t = time.perf_counter()
            load_sample(ns.from_db, store)
            print(f"sample loaded in {time.perf_counter() - t:.0f}s: {store.count()}")
            yield url, store
        finally:
            store.close()


def scale_store(url: str, store: PostgresStore, statements: int) -> None:
    t = time.perf_counter()
    copies = scale(url, statements)
    print(f"scaled: {copies} copies in {time.perf_counter() - t:.0f}s: {store.count()}")


def main() -> None:
    ns = arguments(__doc__)
    with sample_store(ns) as (url, store):
        base, _, _ = run_queries(store, ns.repeat)  # type: ignore[arg-type]
        scale_store(url, store, ns.statements)
        scaled, totals, _ = run_queries(store, ns.repeat)  # type: ignore[arg-type]
        print("hits:", totals)
        report("sample (baseline)", base)
        report("scaled", scaled)


if __name__ == "__main__":
    main()
