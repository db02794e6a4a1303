"""Ingest throughput and peak memory into SQLite on the full ANT corpus, beside a baseline.

usage: python benchmarks/bench_ingest.py [--limit N] [--analyser pipeline|none] [--batch-size N] [--jobs N] [FILE ...]

Each phase runs in a fresh child process, so that its peak RSS is its own:
  baseline   gzip + json.loads over the same file (the floor any JSONL reader pays);
  ingest     ``marsad.ingest_job.ingest`` into a new SQLite file: read → extract → analyse → store
             (``--jobs N``: extract, analyse and the store's preparation in N worker processes);
  again      the same ingest once more into the same file (everything already stored: skipped).
Prints articles/s (wall, and per CPU-second of the main process), the ratios to the baseline, the
time spent writing to the store (``Store.add_prepared``: the SQLite transaction), and the peak RSS
of each phase with its ratio to the baseline's.
``--analyser none`` stores articles without analysis (the store's own cost, whatever the analysers do).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import peak_rss_mb

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "news" / "ant-multisource.jsonl.gz"


def phase_baseline(files: list[str], limit: int) -> dict[str, Any]:
    n = 0
    for path in files:
        with gzip.open(path, "rb") as f:
            for line in f:
                json.loads(line)
                n += 1
                if n >= limit:
                    break
    return {"articles": n}


def phase_ingest(files: list[str], limit: int, db: str, analyser: str, batch_size: int, jobs: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from marsad.ingest_job import ingest
    from marsad.models import Analysis
    from marsad.settings import Settings
    from marsad.store.sqlite import SqliteStore

    store = SqliteStore(db)
    in_add = 0.0
    add = store.add_prepared

    def timed_add(prepared: Any) -> Any:
        nonlocal in_add
        t = time.perf_counter()
        try:
            return add(prepared)
        finally:
            in_add += time.perf_counter() - t

    store.add_prepared = timed_add  # type: ignore[method-assign]
    report = ingest(
        files,
        store,
        Settings(batch_size=batch_size),
        limit=limit,
        analyser=Analysis if analyser == "none" else None,
        jobs=jobs,
    )
    store.close()
    return {
        "articles": report.read,
        "stored": report.stored,
        "skipped": report.skipped,
        "duplicates": report.duplicates,
        "refused": report.refused,
        "in_add": in_add,
        "db_mb": os.path.getsize(db) / 2**20,
    }


def run_child(args: list[str]) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def child_main(ns: argparse.Namespace) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    if ns.phase == "baseline":
        result = phase_baseline(ns.files, ns.limit)
    else:
        result = phase_ingest(ns.files, ns.limit, ns.db, ns.analyser, ns.batch_size, ns.jobs)
    result["wall"] = time.perf_counter() - wall
    result["cpu"] = time.process_time() - cpu
    result["rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="*", default=[str(DEFAULT)])
    p.add_argument("--limit", type=int, default=10**9)
    p.add_argument("--analyser", choices=("pipeline", "none"), default="pipeline")
    p.add_argument("--batch-size", type=int, default=500)
    p.add_argument("--jobs", type=int, default=1, help="worker processes for extract/analyse/prepare")
    p.add_argument("--phase", choices=("baseline", "ingest"), help=argparse.SUPPRESS)
    p.add_argument("--db", help=argparse.SUPPRESS)
    ns = p.parse_args()
    if ns.phase:
        child_main(ns)
        return
    common = [*ns.files, "--limit", str(ns.limit), "--analyser", ns.analyser, "--batch-size", str(ns.batch_size)]
    common += ["--jobs", str(ns.jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        base = run_child([*common, "--phase", "baseline"])
        first = run_child([*common, "--phase", "ingest", "--db", db])
        again = run_child([*common, "--phase", "ingest", "--db", db])
    print(
        f"corpus: {', '.join(ns.files)}  analyser: {ns.analyser}  batch: {ns.batch_size}  jobs: {ns.jobs}"
        f"  cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'phase':<10} {'articles':>8} {'wall s':>8} {'art/s':>8} {'cpu s':>8} {'art/cpu-s':>10} {'peak RSS MB':>12}"
    )
    for name, r in (("baseline", base), ("ingest", first), ("again", again)):
        rate = r["articles"] / r["wall"] if r["wall"] else 0.0
        cpu_rate = r["articles"] / r["cpu"] if r["cpu"] else 0.0
        line = f"{name:<10} {r['articles']:>8} {r['wall']:>8.1f} {rate:>8.0f} {r['cpu']:>8.1f} {cpu_rate:>10.0f}"
        print(f"{line} {r['rss_mb']:>12.0f}")
    print(
        f"ingest: stored {first['stored']}, duplicates {first['duplicates']}, refused {first['refused']};"
        f" writing to the store {first['in_add']:.1f}s of {first['wall']:.1f}s"
        f" ({first['articles'] / max(first['in_add'], 1e-9):.0f} articles/s inside the store);"
        f" db {first['db_mb']:.0f} MB"
    )
    print(f"again:  stored {again['stored']}, skipped {again['skipped']} (idempotent re-run)")
    print(
        f"ratios to baseline: ingest wall x{first['wall'] / base['wall']:.1f}, cpu x{first['cpu'] / base['cpu']:.1f},"
        f" peak RSS x{first['rss_mb'] / base['rss_mb']:.2f}; re-run wall x{again['wall'] / base['wall']:.1f}"
    )


if __name__ == "__main__":
    main()
