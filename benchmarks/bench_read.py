"""Reading throughput and peak memory on the full ANT corpus, with a baseline run side by side.

usage: python benchmarks/bench_read.py [--limit N] [FILE ...]

Runs, in one process and in this order:
  baseline   gzip + json.loads over the same files (the floor any JSONL reader pays);
  read       ``marsad.ingest.read``: sniffing, field spellings, dates to ISO, ids, zones, related links;
  read+norm  the same plus ``marsad.text.normalize`` of every text (what analysis starts with).
Prints articles/s for each, the ratios to the baseline, and the peak RSS after each phase (ru_maxrss
is a high-water mark, so a phase's figure includes the ones before it; reading streams, so it stays flat).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common import peak_rss_mb  # noqa: E402

from marsad.errors import Refusal  # noqa: E402
from marsad.ingest import read  # noqa: E402
from marsad.text import normalize  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news"
DEFAULT = [NEWS / "ant-multisource.jsonl.gz", NEWS / "ant-jawharafm.jsonl.gz"]


def baseline(files: list[Path], limit: int) -> int:
    n = 0
    for path in files:
        with gzip.open(path, "rb") as f:
            for line in f:
                json.loads(line)
                n += 1
                if n >= limit:
                    return n
    return n


def marsad_read(files: list[Path], limit: int, norm: bool) -> int:
    n = 0
    for item in read([str(p) for p in files]):
        if isinstance(item, Refusal):
            print(f"  refused: {item}", file=sys.stderr)
            continue
        if norm:
            normalize(item.text)
        n += 1
        if n >= limit:
            break
    return n


def timed(label: str, fn: Callable[[], int]) -> float:
    t0 = time.perf_counter()
    n = fn()
    dt = time.perf_counter() - t0
    rate = n / dt if dt else float("inf")
    print(f"{label:<10} {n:>7} articles in {dt:7.2f} s = {rate:9.0f} articles/s   peak RSS {peak_rss_mb():7.1f} MB")
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=10**9, help="stop after N articles")
    args = ap.parse_args()
    files: list[Path] = args.files
    print(f"files: {', '.join(p.name for p in files)}")
    base = timed("baseline", lambda: baseline(files, args.limit))
    plain = timed("read", lambda: marsad_read(files, args.limit, norm=False))
    norm = timed("read+norm", lambda: marsad_read(files, args.limit, norm=True))
    print(f"ratio read/baseline      = {plain / base:.3f}  (baseline is {base / plain:.1f}x faster)")
    print(f"ratio read+norm/baseline = {norm / base:.3f}  (baseline is {base / norm:.1f}x faster)")


if __name__ == "__main__":
    main()
