"""Search latency over the full ANT corpus (31K articles), beside a bare FTS5 baseline.

usage: python benchmarks/bench_search.py [--db PATH] [--analyser pipeline|none] [--repeat N] [FILE]

Builds the store at --db first when it is empty (``marsad.ingest_job.ingest`` of FILE).  Then, for
a set of Arabic queries, with and without filters:
  marsad     ``Store.search_articles`` / ``search_statements``: query folding, compounds, clitic
             expansion, filters, bm25 + date order, the total count and snippets from the original text;
  baseline   a bare ``SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20``
             with the folded words (no expansion, filters, count or snippets).
Prints p50/p95 latency in ms for each, their ratios, and the number of hits.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.ingest_job import ingest  # noqa: E402
from marsad.models import Analysis  # noqa: E402
from marsad.search import words  # noqa: E402
from marsad.store.base import Query  # noqa: E402
from marsad.store.sqlite import SqliteStore  # noqa: E402
from marsad.text import fold  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "news" / "ant-multisource.jsonl.gz"

QUERIES = [
    "اسرائيل",
    "إسرائيل",
    "نصر الله",
    "نصرالله",
    "الميادين",
    "ترامب",
    "الأمم المتحدة",
    '"الأمم المتحدة"',
    "إيران النووي",
    "وزير الخارجية السعودي",
    "والسعودية",
    "كوريا الشمالية",
    "سوري*",
]
FILTERS: list[tuple[str, dict[str, str]]] = [
    ("none", {}),
    ("outlet", {"outlet": "skynews"}),
    ("dates", {"since": "2018-03-01", "until": "2018-06-30"}),
    ("outlet+since", {"outlet": "BBC", "since": "2018-02-01"}),
]
BASE_SQL = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of ``repeat`` calls, after one warm-up call."""
    out: list[float] = []
    fn()
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", nargs="?", default=str(DEFAULT))
    p.add_argument("--db", default="/tmp/marsad-bench-search.db")
    p.add_argument("--analyser", choices=("pipeline", "none"), default="pipeline")
    p.add_argument("--repeat", type=int, default=5)
    ns = p.parse_args()

    store = SqliteStore(ns.db)
    if store.count()["articles"] == 0:
        t = time.perf_counter()
        report = ingest([ns.file], store, analyser=Analysis if ns.analyser == "none" else None)
        print(f"built {ns.db}: {report.summary()} ({time.perf_counter() - t:.0f}s)")
    counts = store.count()
    print(f"store: {counts['articles']} articles, {counts['statements']} statements ({ns.db})")
    conn = store._conn  # the baseline talks to the same SQLite connection

    marsad_ms: list[float] = []
    base_ms: list[float] = []
    print(f"{'query':<26} {'filter':<13} {'hits':>6} {'p50 ms':>8} {'p95 ms':>8} {'base p50':>9}")
    for text in QUERIES:
        folded = " ".join(words(fold(text)))
        match = '"' + folded + '"' if text.startswith('"') else " ".join(f'"{w}"' for w in folded.split())
        if text.endswith("*"):
            match += " *"
        base = timed(lambda m=match: conn.execute(BASE_SQL, (m,)).fetchall(), ns.repeat)
        for fname, filters in FILTERS:
            q = Query(text=text, what="articles", **filters)  # type: ignore[arg-type]
            page = store.search_articles(q)
            lat = timed(lambda q=q: store.search_articles(q), ns.repeat)
            marsad_ms += lat
            if fname == "none":
                base_ms += base
            b50 = f"{statistics.median(base):>9.1f}" if fname == "none" else f"{'':>9}"
            print(f"{text:<26} {fname:<13} {page.total:>6} {pct(lat, 0.5):>8.1f} {pct(lat, 0.95):>8.1f} {b50}")
    st_ms: list[float] = []
    for text in QUERIES[:6]:
        q = Query(text=text, what="statements")
        st_ms += timed(lambda q=q: store.search_statements(q), ns.repeat)
    st_ms += timed(lambda: store.search_statements(Query(speaker="نصر الله")), ns.repeat)
    print(
        f"articles:   marsad p50 {pct(marsad_ms, 0.5):.1f} ms, p95 {pct(marsad_ms, 0.95):.1f} ms"
        f" over {len(marsad_ms)} runs; bare FTS5 p50 {pct(base_ms, 0.5):.1f} ms, p95 {pct(base_ms, 0.95):.1f} ms;"
        f" ratio p50 x{pct(marsad_ms, 0.5) / max(pct(base_ms, 0.5), 1e-6):.1f}"
    )
    print(f"statements: p50 {pct(st_ms, 0.5):.1f} ms, p95 {pct(st_ms, 0.95):.1f} ms over {len(st_ms)} runs")
    store.close()


if __name__ == "__main__":
    main()
