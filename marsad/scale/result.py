"""What one partition task reports back (and leaves in its marker)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from marsad.errors import Refusal


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """Counts of one finished partition."""

    partition_id: str
    read: int  # records met: articles plus refusals
    rows: dict[str, int]  # rows written per table
    refusals: list[Refusal] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of the task (wall time minus waiting, under load)
    worker: str = ""  # host:pid of the process that ran it
    peak_rss_mb: float = 0.0  # peak resident memory of that process when it finished
    started_at: float = 0.0  # Unix time the task started and finished (where the run's time went)
    finished_at: float = 0.0
    stored: dict[str, int] | None = None  # what a sink reported: e.g. {"stored": 480, "duplicates": 20}

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["refusals"] = [{"source": r.source, "reason": r.reason} for r in self.refusals]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PartitionResult:
        return cls(
            partition_id=str(d["partition_id"]),
            read=int(d["read"]),
            rows={str(k): int(v) for k, v in d["rows"].items()},
            refusals=[Refusal(str(r["source"]), str(r["reason"])) for r in d.get("refusals", [])],
            seconds=float(d.get("seconds", 0.0)),
            cpu_seconds=float(d.get("cpu_seconds", 0.0)),
            worker=str(d.get("worker", "")),
            peak_rss_mb=float(d.get("peak_rss_mb", 0.0)),
            started_at=float(d.get("started_at", 0.0)),
            finished_at=float(d.get("finished_at", 0.0)),
            stored={str(k): int(v) for k, v in d["stored"].items()} if d.get("stored") else None,
        )
