"""Statement extraction throughput on ANT news articles, beside the read + normalise pass.

usage: python benchmarks/bench_statements.py [N] [--corpus PATH]

Reads the first N articles (default 5,000) of ``../shared/data/news/ant-multisource.jsonl.gz``
on one core (CPU time of this process, so that other load on the machine does not count), then times:

- baseline: ``marsad.read`` + ``marsad.text.normalize`` of title and text;
- statements: ``find_statements`` on a fresh ``Doc`` per article (its normalisation included);

and prints articles/s for each, their ratio, and the peak RSS of the process after each pass.
Speed is measured here, never asserted by a test.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from common import DEFAULT_CORPUS, peak_rss_mb, read_and_normalise

from marsad.nlp.document import Doc
from marsad.nlp.statements import find_statements


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=5000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    articles, t_base = read_and_normalise(args.corpus, args.n)
    rss_base = peak_rss_mb()
    n = len(articles)
    base_rate = n / t_base

    t0 = time.process_time()
    found = 0
    for a in articles:
        found += len(find_statements(Doc(a)))
    t_st = time.process_time() - t0
    rss_st = peak_rss_mb()
    st_rate = n / t_st

    print(f"articles: {n}  statements found: {found}  ({found / max(n, 1):.1f}/article)")
    print(f"read+normalise : {base_rate:8.1f} articles/s  ({t_base:.2f}s CPU)  peak RSS {rss_base:.0f} MB")
    print(
        f"statements     : {st_rate:8.1f} articles/s  ({t_st:.2f}s, normalisation included)  peak RSS {rss_st:.0f} MB"
    )
    print(f"ratio statements/read+normalise: {st_rate / base_rate:.2f}  (time ratio {t_st / t_base:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
