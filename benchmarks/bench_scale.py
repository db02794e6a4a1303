"""Throughput of ``marsad scale run`` with 1 and 2 Dask workers, beside the serial local path.

    python benchmarks/bench_scale.py [--articles 20000] [--partition-size 500] [--workers 1,2]

Takes the first ``--articles`` records of the shared multi-source corpus (a .jsonl.gz cut into
record ranges), runs the serial baseline (``marsad.extract`` + ``marsad.tables.rows`` per article, streamed as
``marsad extract`` does) and then ``marsad.scale.run`` on a LocalCluster of 1, 2, … worker
processes (one thread each; cluster start-up and model loading are not timed).  Prints one line
per mode: wall seconds, articles per second, speed-up over 1 worker and over the serial baseline,
CPU seconds spent (serial: the process; dask: the sum over tasks, so the Dask path's overhead
shows even on a busy machine) and per article — the load-independent figure —, and the peak
resident memory of each worker process.  A second table says where a Dask run's wall time went:
before the first task started (planning, submitting), tasks running, workers idle at the tail
(waiting for the last partition), after the last task (manifest); and the utilisation (task
seconds / (wall seconds × workers)).  The load average is printed too: other work on the machine
makes the speed-up meaningless.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import multiprocessing
import os
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def serial(path: Path) -> tuple[float, float, int, float]:
    """Wall seconds, CPU seconds, articles and peak memory (MiB) of the local path (read → extract →
    analyse → rows), in a process of its own: a fresh one, like a Dask worker, and one whose caches
    do not stay behind in the process that then runs the Dask scheduler."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_serial, path).result()


def _serial(path: Path) -> tuple[float, float, int, float]:
    import marsad
    from marsad.errors import Refusal
    from marsad.scale.task import peak_rss_mb, warm_up
    from marsad.tables import rows

    warm_up()
    started, cpu = time.perf_counter(), time.process_time()
    n = 0
    for a in marsad.extract(str(path)):  # streamed, as `marsad extract` does: one article in memory at a time
        if not isinstance(a, Refusal):
            rows(a)
            n += 1
    return time.perf_counter() - started, time.process_time() - cpu, n, peak_rss_mb()


@dataclass
class Timeline:
    """Where a Dask run's wall time went (seconds)."""

    lead_in: float  # run() called → first task started: planning, cleaning, submitting
    tail: float  # the first worker idle for good → the last task finished
    wrap_up: float  # last task finished → run() returned: the final manifest
    utilisation: float  # task seconds / (wall seconds × workers)
    tasks: int
    driver_cpu: float = 0.0  # CPU seconds of this process (client and scheduler) during run()
    per_worker: dict[str, float] = field(default_factory=dict)  # busy seconds per worker process


def timeline(partitions: list[dict[str, Any]], began: float, ended: float, workers: int) -> Timeline:
    last: dict[str, float] = defaultdict(float)
    busy: dict[str, float] = defaultdict(float)
    for p in partitions:
        last[p["worker"]] = max(last[p["worker"]], p["finished_at"])
        busy[p["worker"]] += p["seconds"]
    first = min(p["started_at"] for p in partitions)
    end = max(last.values())
    idle_from = min(last.values()) if len(last) == workers else first  # a worker that got no task idled throughout
    return Timeline(
        lead_in=first - began,
        tail=end - idle_from,
        wrap_up=ended - end,
        utilisation=sum(busy.values()) / ((ended - began) * workers),
        tasks=len(partitions),
        per_worker=dict(busy),
    )


def scaled(path: Path, out: Path, workers: int, size: int) -> tuple[float, float, int, dict[str, float], Timeline]:
    """Wall seconds, CPU seconds of the tasks, articles, peak memory (MiB) per worker process, and
    where the wall time went."""
    import dask
    from distributed import Client, LocalCluster

    from marsad.scale.run import LOCAL_CLUSTER_CONFIG, run
    from marsad.scale.task import warm_up

    with (
        dask.config.set(LOCAL_CLUSTER_CONFIG),  # as `marsad scale run --workers N` starts it
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(warm_up)
        began, started, driver = time.time(), time.perf_counter(), time.process_time()
        result = run([str(path)], str(out), client=client, partition_size=size)
        seconds, ended, driver = time.perf_counter() - started, time.time(), time.process_time() - driver
    if result.failed:
        raise SystemExit(f"partitions failed: {result.failed}")
    peak: dict[str, float] = defaultdict(float)
    for p in result.manifest["partitions"]:
        peak[p["worker"]] = max(peak[p["worker"]], p["peak_rss_mb"])
    cpu = sum(p["cpu_seconds"] for p in result.manifest["partitions"])
    spent = timeline(result.manifest["partitions"], began, ended, workers)
    spent.driver_cpu = driver
    return seconds, cpu, result.manifest["totals"]["rows"]["articles"], dict(peak), spent


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
            seconds, cpu, n, alone = serial(path)
            rows.append(("serial", None, seconds, cpu, n, {"serial": alone}))
        timelines: dict[int, Timeline] = {}
        for w in (int(x) for x in args.workers.split(",")):
            seconds, cpu, n, peak, timelines[w] = scaled(path, Path(tmp) / f"out-{w}", w, args.partition_size)
            rows.append(("dask", w, seconds, cpu, n, peak))
        print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

    one = next((r[2] for r in rows if r[1] == 1), None)
    base = next((r[2] for r in rows if r[0] == "serial"), None)
    head_ = ("mode", "workers", "wall s", "articles", "art/s", "x 1 wkr", "x serial", "cpu s", "cpu ms/art")
    print("{:<7}{:>8}{:>9}{:>10}{:>8}{:>9}{:>10}{:>8}{:>11}  peak MiB per process".format(*head_))
    for mode, count, seconds, cpu, n, peak in rows:
        vs_one = f"{one / seconds:.2f}" if one else "-"
        vs_base = f"{base / seconds:.2f}" if base else "-"
        mem = " ".join(f"{v:.0f}" for v in sorted(peak.values()))
        workers = "-" if count is None else str(count)
        rate = n / seconds
        per = 1000 * cpu / max(n, 1)
        ratios = f"{vs_one:>9}{vs_base:>10}"
        print(f"{mode:<7}{workers:>8}{seconds:>9.2f}{n:>10}{rate:>8.0f}{ratios}{cpu:>8.1f}{per:>11.2f}  {mem}")
    for mode, count, _, _, n, _ in rows:
        if n != lines:  # a broken analyser or record: the figures above cover fewer articles
            print(f"note: {mode} {count or ''} analysed {n} of {lines} records; the rest were refused")
    print("where the wall time of each Dask run went (seconds):")
    names = ("workers", "tasks", "lead-in", "tail", "wrap-up", "util", "driver cpu")
    print("{:>8}{:>7}{:>9}{:>7}{:>9}{:>7}{:>12}  busy s per worker".format(*names))
    for w, t in timelines.items():
        busy = " ".join(f"{v:.1f}" for v in sorted(t.per_worker.values()))
        spans = f"{t.lead_in:>9.2f}{t.tail:>7.2f}{t.wrap_up:>9.2f}"
        print(f"{w:>8}{t.tasks:>7}{spans}{t.utilisation:>7.0%}{t.driver_cpu:>12.2f}  {busy}")


if __name__ == "__main__":
    main()
