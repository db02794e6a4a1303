"""The demo job: a sample of a news corpus analysed into the embedded database, summarised.

``sample_records`` picks records evenly across a JSONL corpus (the shared ANT corpus is grouped
by outlet, so taking the first N would show one outlet only).
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from marsad.store.base import Page, Query, StatementHit, Store


def _open(path: str | os.PathLike[str]) -> IO[bytes]:
    with open(path, "rb") as f:
        gz = f.read(2) == b"\x1f\x8b"
    return cast(IO[bytes], gzip.open(path, "rb") if gz else open(path, "rb"))


def sample_records(path: str | os.PathLike[str], n: int) -> Iterator[bytes]:
    """About ``n`` JSONL lines spread evenly over the file (deterministic: every k-th line)."""
    with _open(path) as f:
        total = sum(1 for line in f if line.strip())
    step = max(1, total // max(n, 1))
    taken = 0
    with _open(path) as f:
        for i, line in enumerate(x for x in f if x.strip()):
            if i % step == 0 and taken < n:
                taken += 1
                yield line


def write_sample(path: str | os.PathLike[str], n: int, out: Path) -> Path:
    """Write the sample to ``out`` (a .jsonl file) and return it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        for line in sample_records(path, n):
            f.write(line if line.endswith(b"\n") else line + b"\n")
    tmp.replace(out)
    return out


def example_queries(store: Store) -> list[tuple[str, Query]]:
    """Searches worth showing on this database: its most quoted speaker, and a spelling-variant query."""
    queries: list[tuple[str, Query]] = []
    top = store.entities(limit=20).items
    speaker = next((e for e in top if e.type == "PER" and e.statements), None)
    if speaker:
        queries.append((f'marsad search --speaker "{speaker.canonical}"', Query(speaker=speaker.canonical, limit=3)))
    place = next((e for e in top if e.type in {"GPE", "LOC"}), None)
    if place:
        queries.append((f'marsad search "{place.canonical}"', Query(text=place.canonical, limit=3)))
    queries.append(('marsad search "اسرائيل" --what articles', Query(text="اسرائيل", what="articles", limit=3)))
    return queries


def describe_statements(page: Page[StatementHit]) -> list[str]:
    lines = []
    for hit in page.items:
        s = hit.statement
        who = s.speaker.canonical or s.speaker.name or "مصدر غير مسمى"
        content = s.content.text if len(s.content.text) < 140 else s.content.text[:137] + "…"
        lines.append(f"\u200f  {who} [{s.cue.text}] {content}  — {hit.outlet or ''} {(hit.published or '')[:10]}")
    return lines
