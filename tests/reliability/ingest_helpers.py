"""Shared by the crash and concurrency tests: a generated JSONL batch, ``marsad ingest`` as a
subprocess, and a digest of what a SQLite store holds."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

OPENINGS = (
    "قال وزير الزراعة إن موسم القمح كان جيدا هذا العام.",
    "وأكد رئيس البلدية أن أعمال الصيانة ستنتهي قبل الشتاء.",
    "وصرح المتحدث باسم وزارة الصحة بأن حملة التطعيم بدأت في المدارس.",
    "أعلنت شركة الكهرباء عن خطة لتقليل الانقطاعات في الأحياء الشرقية.",
)
COUNTED = ("statements", "entities", "aliases", "mentions", "dates", "framing", "story_members", "near_duplicates")


def write_batch(path: Path, n: int, prefix: str = "d") -> list[str]:
    """``n`` distinct Arabic records (distinct text, so none is a near copy); their docnos."""
    ids = []
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            a, b = OPENINGS[i % 4], OPENINGS[(i // 4) % 4]
            text = f"{a} وذكر التقرير رقم {prefix}{i} أن العدد بلغ {i * 7 + 3} حالة. {b}"
            rec = {"docno": f"{prefix}{i}", "src": ("alpha", "beta")[i % 2], "title": f"خبر {prefix}{i}", "text": text}
            rec["time"] = f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            ids.append(f"{prefix}{i}")
    return ids


def ingest_cmd(db: Path, *inputs: Path, batch_size: int = 100) -> list[str]:
    return [
        sys.executable, "-m", "marsad", "ingest", "--quiet",
        "--batch-size", str(batch_size), "--db", f"sqlite:///{db}", *map(str, inputs),
    ]  # fmt: skip


def run_ingest(db: Path, *inputs: Path, batch_size: int = 100) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ingest_cmd(db, *inputs, batch_size=batch_size), capture_output=True, text=True, timeout=300, check=False
    )


def integrity(db: Path) -> list[str]:
    """Problems SQLite finds: the b-trees and the full-text indexes."""
    with sqlite3.connect(db) as conn:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        for fts in ("articles_fts", "statements_fts", "stories_fts"):
            try:
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as e:
                problems.append(f"{fts}: {e}")
    return problems


def digest(db: Path) -> dict[str, object]:
    """What the store holds, independent of row ids and times: every article document and row counts."""
    with sqlite3.connect(db) as conn:
        docs = conn.execute("SELECT id, doc FROM articles ORDER BY id").fetchall()
        out: dict[str, object] = {"articles": len(docs)}
        out["ids_distinct"] = conn.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0]
        out["docs"] = hashlib.sha256(json.dumps(docs, ensure_ascii=False).encode()).hexdigest()
        for table in COUNTED:
            out[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return out
