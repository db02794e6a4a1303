"""Throughput of the dates analyser on 2,000 ANT articles, with a baseline run side by side.

usage: python benchmarks/bench_dates.py [N]

Prints articles/s on one core for ``find_dates`` (Doc built fresh, so normalisation is counted),
for normalisation alone (the floor any analyser over folded text pays), and the ratio.  The whole
analysis goal is >= 300 articles/s/core, so dates should stay well above that.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.extract import iso_datetime  # noqa: E402
from marsad.models import Article  # noqa: E402
from marsad.nlp.dates import find_dates  # noqa: E402
from marsad.nlp.document import Doc  # noqa: E402
from marsad.text import normalize  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant-multisource.jsonl.gz"


def load(n: int) -> list[Article]:
    out: list[Article] = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out.append(
                Article(
                    id=r["docno"], text=r["text"] or "", title=r.get("title"), published=iso_datetime(r.get("time"))
                )
            )
            if len(out) >= n:
                break
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    arts = load(n)
    find_dates(Doc(arts[0]))  # compile the lexicon and patterns once
    chars = sum(len(a.text) + len(a.title or "") for a in arts)

    t0 = time.perf_counter()
    for a in arts:
        normalize(a.text)
        normalize(a.title or "")
    base = time.perf_counter() - t0

    t0 = time.perf_counter()
    count = sum(len(find_dates(Doc(a))) for a in arts)
    secs = time.perf_counter() - t0

    docs = [Doc(a) for a in arts]
    for d in docs:
        _ = d.norm_text, d.norm_title  # as in the pipeline, where earlier analysers fold the text first
    t0 = time.perf_counter()
    for d in docs:
        find_dates(d)
    cached = time.perf_counter() - t0

    print(f"articles={len(arts)} chars={chars} dates={count}")
    print(f"normalise only : {len(arts) / base:8.1f} articles/s")
    print(f"find_dates     : {len(arts) / secs:8.1f} articles/s ({secs / base:.2f}x normalise-only time)")
    print(f"find_dates, text already folded (as in the pipeline): {len(arts) / cached:8.1f} articles/s")


if __name__ == "__main__":
    main()
