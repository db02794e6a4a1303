"""``marsad ingest`` killed with SIGKILL at random points of a large batch, then rerun: the store
passes ``PRAGMA integrity_check``, holds every article exactly once and matches a clean run."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from ingest_helpers import digest, ingest_cmd, integrity, run_ingest, write_batch

N = 2000
KILLS = 3


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_sigkill_at_random_points_then_rerun_matches_a_clean_run(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, N)
    clean_db = tmp_path / "clean.db"
    assert run_ingest(clean_db, batch).returncode == 0
    clean = digest(clean_db)
    assert clean["articles"] == N

    db = tmp_path / "killed.db"
    rng = random.Random(20240601)
    counts = []
    for _ in range(KILLS):
        # kill once the store has grown past a random share of what is left (mid-batch, mid-transaction)
        target = _count(db) + rng.randint(50, (N - _count(db)) // KILLS)
        proc = subprocess.Popen(ingest_cmd(db, batch), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while proc.poll() is None and _count(db) < target and time.monotonic() < deadline:
            time.sleep(rng.uniform(0.01, 0.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        counts.append(_count(db))
        print(f"killed at {counts[-1]} of {N} articles stored")
        assert not integrity(db), integrity(db)
    assert counts == sorted(counts) and 0 < counts[-1] < N, f"kills did not land mid-batch: {counts}"

    rerun = run_ingest(db, batch)
    assert rerun.returncode == 0, rerun.stderr
    assert not integrity(db)
    killed = digest(db)
    assert killed["articles"] == killed["ids_distinct"] == N
    assert killed == clean
    again = run_ingest(db, batch)  # a third run adds nothing
    assert again.returncode == 0 and digest(db) == clean
