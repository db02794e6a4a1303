"""Scale-out: the same ``analyse()`` as ``marsad extract``, mapped over partitions by Dask.

``marsad scale run INPUT... --out DIR`` — inputs (JSONL / JSONL.gz, Parquet, WARC and other files,
local or any fsspec URL) are cut into partitions (:mod:`marsad.scale.partitions`); each partition
is one task (:mod:`marsad.scale.task`) writing its Parquet tables atomically under ``DIR``
(:mod:`marsad.scale.output`); ``DIR/manifest.json`` lists inputs, partitions, totals and refusals
(:mod:`marsad.scale.manifest`).  A rerun skips finished partitions.

Dask is imported only by :mod:`marsad.scale.run` (install the ``scale`` extra).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marsad.scale.partitions import Partition, Plan, plan
from marsad.scale.result import PartitionResult

if TYPE_CHECKING:
    from marsad.scale.run import RunResult


def run(inputs: Any, out: str, **options: Any) -> RunResult:
    """See :func:`marsad.scale.run.run`."""
    from marsad.scale.run import run as _run

    return _run(inputs, out, **options)


__all__ = ["Partition", "PartitionResult", "Plan", "plan", "run"]
