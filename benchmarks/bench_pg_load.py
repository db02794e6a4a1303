"""Bulk-load rate: PostgreSQL (COPY) beside SQLite (executemany), the same analysed articles.

usage: python benchmarks/bench_pg_load.py [--articles N] [--batch B] [--pg URL] [FILE]

Reads and analyses N articles of FILE once (not timed), then times ``Store.add`` in batches of B
into a new SQLite file and a new PostgreSQL database (``--pg`` names a server to create it in;
without it a throwaway server is started as tests/pg.py does, fsync off on both sides' defaults:
SQLite WAL + synchronous=NORMAL; PostgreSQL fsync=off, synchronous_commit=off).
Prints articles/s for each and the ratio PostgreSQL / SQLite.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.ingest import read  # noqa: E402
from marsad.models import Analysis, Article  # noqa: E402
from marsad.nlp import analyse  # noqa: E402
from marsad.store import open_store  # noqa: E402
from tests import pg  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "news" / "ant-multisource.jsonl.gz"


def load(url: str, analyses: list[Analysis], batch: int) -> tuple[float, dict[str, int]]:
    with open_store(url) as store:
        start = time.perf_counter()
        for i in range(0, len(analyses), batch):
            store.add(analyses[i : i + batch])
        seconds = time.perf_counter() - start
        return seconds, store.count()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--pg", default=None, help="a PostgreSQL server URL to create the database in")
    args = ap.parse_args()
    t = time.perf_counter()
    articles = [a for a in itertools.islice(read([args.file]), args.articles) if isinstance(a, Article)]
    analyses = [analyse(a) for a in articles]
    print(f"analysed {len(analyses)} articles in {time.perf_counter() - t:.1f}s (not timed below)")
    with tempfile.TemporaryDirectory() as tmp, nullcontext(args.pg) if args.pg else pg.server() as server:
        if server is None:
            sys.exit("no PostgreSQL here: apt-get install postgresql, or pass --pg URL")
        lite_s, lite_counts = load(f"sqlite:///{tmp}/bench.db", analyses, args.batch)
        pg_s, pg_counts = load(pg.fresh_database(server), analyses, args.batch)
    assert lite_counts == pg_counts, (lite_counts, pg_counts)
    n = lite_counts["articles"]
    print(f"rows: {lite_counts}")
    print(f"sqlite      {n / lite_s:8.1f} articles/s  ({lite_s:.2f}s)")
    print(f"postgresql  {n / pg_s:8.1f} articles/s  ({pg_s:.2f}s, COPY)")
    print(f"ratio postgresql/sqlite: {lite_s / pg_s:.2f}")


if __name__ == "__main__":
    main()
