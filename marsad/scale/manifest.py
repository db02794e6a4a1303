"""``manifest.json``: what a scale run read, how it cut it, what each partition made, and what it refused.

Partition statuses: ``done`` (computed by this run), ``reused`` (finished by an earlier run: its
marker and files were there), ``failed`` (the task raised; ``error`` says why), ``pending`` (not
finished yet — seen only in the manifest written while a run is going on, or after one was killed).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any, Literal

from marsad.scale.partitions import Plan
from marsad.scale.result import PartitionResult
from marsad.tables import TABLES

Status = Literal["done", "reused", "failed", "pending"]
VERSION = 1


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def build(
    plan: Plan,
    status: dict[str, Status],
    results: dict[str, PartitionResult],
    errors: dict[str, str],
    *,
    settings: dict[str, Any],
    started: str,
    finished: str | None,
) -> dict[str, Any]:
    """The manifest document of a run (``finished`` is None while it is going on)."""
    partitions: list[dict[str, Any]] = []
    refusals: list[dict[str, Any]] = []
    refusals.extend({"source": r.source, "reason": r.reason, "partition": None} for r in plan.refusals)
    totals: Counter[str] = Counter({t: 0 for t in TABLES})
    stored: Counter[str] = Counter()
    records = 0
    for p in plan.partitions:
        entry: dict[str, Any] = {**p.to_dict(), "status": status.get(p.id, "pending")}
        result = results.get(p.id)
        if result is not None:
            entry.update(
                read=result.read,
                rows=result.rows,
                refused=len(result.refusals),
                seconds=result.seconds,
                cpu_seconds=result.cpu_seconds,
                worker=result.worker,
                peak_rss_mb=result.peak_rss_mb,
                started_at=result.started_at,
                finished_at=result.finished_at,
            )
            if result.stored is not None:
                entry["stored"] = result.stored
                stored.update(result.stored)
            totals.update(result.rows)
            records += result.read
            refusals.extend({"source": r.source, "reason": r.reason, "partition": p.id} for r in result.refusals)
        if p.id in errors:
            entry["error"] = errors[p.id]
        partitions.append(entry)
    by_status = Counter(e["status"] for e in partitions)
    return {
        "version": VERSION,
        "marsad_version": _version(),
        "started": started,
        "finished": finished,
        "complete": finished is not None and by_status["done"] + by_status["reused"] == len(partitions),
        "settings": settings,
        "inputs": plan.inputs,
        "partitions": partitions,
        "totals": {
            "records_read": records,
            "refused": len(refusals),
            "partitions": {s: by_status[s] for s in ("done", "reused", "failed", "pending")},
            "rows": dict(totals),
            # what the sink reported, summed (e.g. articles stored / duplicates); {} without a sink
            "stored": dict(stored),
        },
        "refused_by_reason": dict(Counter(r["reason"].split(":")[0] for r in refusals).most_common()),
        "refusals": refusals,
        # the hook for loading the tables into a store (PostgreSQL) — filled by a sink when one ran
        "store": settings.get("store"),
    }


def _version() -> str:
    from marsad import __version__

    return __version__
