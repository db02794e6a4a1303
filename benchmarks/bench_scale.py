"""Throughput of ``marsad scale run`` with 1 and 2 Dask workers, beside the serial local path.

    python benchmarks/bench_scale.py [--articles 20000] [--partition-size 500] [--workers 1,2]

Takes the first ``--articles`` records of the shared multi-source corpus (a .jsonl.gz cut into
record ranges), runs the serial baseline (``marsad.extract`` + ``marsad.tables.collect``, what
``marsad extract`` does) and then ``marsad.scale.run`` on a LocalCluster of 1, 2, … worker
processes (one thread each; cluster start-up and model loading are not timed).  Prints one line
per mode: wall seconds, articles per second, speed-up over 1 worker and over the serial baseline,
CPU seconds spent (serial: the process; dask: the sum over tasks, so the Dask path's overhead
shows even on a busy machine), and the peak resident memory of each worker process.  The load
average is printed too: other work on the machine makes the speed-up meaningless.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant-multisource.jsonl.gz"


def head(source: Path, dest: Path, count: int) -> int:
    """Write the first ``count`` lines of ``source`` to ``dest`` (gzipped); returns the lines written."""
    n = 0
    with gzip.open(source, "rb") as f, gzip.open(dest, "wb", compresslevel=6) as g:
        for line in itertools.islice(f, count):
            g.write(line)
            n += 1
    return n


def serial(path: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and articles of the local path (read → extract → analyse → rows)."""
    import marsad
    from marsad.errors import Refusal
    from marsad.scale.task import warm_up
    from marsad.tables import collect

    warm_up()
    started, cpu = time.perf_counter(), time.process_time()
    analyses = [a for a in marsad.extract(str(path)) if not isinstance(a, Refusal)]
    collect(analyses)
    return time.perf_counter() - started, time.process_time() - cpu, len(analyses)


def scaled(path: Path, out: Path, workers: int, size: int) -> tuple[float, float, int, dict[str, float]]:
    """Wall seconds, CPU seconds of the tasks, articles, and peak memory (MiB) per worker process."""
    from distributed import Client, LocalCluster

    from marsad.scale.run import run
    from marsad.scale.task import warm_up

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(warm_up)
        started = time.perf_counter()
        result = run([str(path)], str(out), client=client, partition_size=size)
        seconds = time.perf_counter() - started
    if result.failed:
        raise SystemExit(f"partitions failed: {result.failed}")
    peak: dict[str, float] = defaultdict(float)
    for p in result.manifest["partitions"]:
        peak[p["worker"]] = max(peak[p["worker"]], p["peak_rss_mb"])
    cpu = sum(p["cpu_seconds"] for p in result.manifest["partitions"])
    return seconds, cpu, result.manifest["totals"]["rows"]["articles"], dict(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--partition-size", type=int, default=500)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts to run")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--no-serial", action="store_true", help="skip the serial baseline")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")

    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        path = Path(tmp) / "corpus.jsonl.gz"
        lines = head(args.corpus, path, args.articles)
        print(f"corpus: first {lines} records of {args.corpus.name}, partitions of {args.partition_size}")
        rows: list[tuple[str, int | None, float, float, int, dict[str, float]]] = []
        print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        if not args.no_serial:
            from marsad.scale.task import peak_rss_mb

            seconds, cpu, n = serial(path)
            rows.append(("serial", None, seconds, cpu, n, {"driver": peak_rss_mb()}))
        for w in (int(x) for x in args.workers.split(",")):
            seconds, cpu, n, peak = scaled(path, Path(tmp) / f"out-{w}", w, args.partition_size)
            rows.append(("dask", w, seconds, cpu, n, peak))
        print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

    one = next((r[2] for r in rows if r[1] == 1), None)
    base = next((r[2] for r in rows if r[0] == "serial"), None)
    head_ = ("mode", "workers", "wall s", "articles", "art/s", "x 1 wkr", "x serial", "cpu s")
    print("{:<7}{:>8}{:>9}{:>10}{:>8}{:>9}{:>10}{:>8}  peak MiB per process".format(*head_))
    for mode, w, seconds, cpu, n, peak in rows:
        vs_one = f"{one / seconds:.2f}" if one else "-"
        vs_base = f"{base / seconds:.2f}" if base else "-"
        mem = " ".join(f"{v:.0f}" for v in sorted(peak.values()))
        workers = "-" if w is None else str(w)
        rate = n / seconds
        print(f"{mode:<7}{workers:>8}{seconds:>9.2f}{n:>10}{rate:>8.0f}{vs_one:>9}{vs_base:>10}{cpu:>8.1f}  {mem}")


if __name__ == "__main__":
    main()
