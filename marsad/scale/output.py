"""The output folder of a scale run (a local path or any fsspec URL)::

    DIR/manifest.json                     inputs, partitions, totals, refusals
    DIR/<table>/<partition id>.parquet    one file per table and partition (TABLES of marsad.tables)
    DIR/_partitions/<partition id>.json   the marker of a finished partition: its counts and refusals

Every file is written under a temporary name (``.<name>.tmp-<random>``, which Parquet readers
skip) and then renamed, so a task killed half-way never leaves a file that looks finished.  The
marker is written last: a partition counts as done only when its marker matches its plan and all
of its table files exist.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from typing import Any

import fsspec

from marsad.scale.partitions import Partition
from marsad.scale.result import PartitionResult
from marsad.tables import TABLES

MARKERS = "_partitions"
MANIFEST = "manifest.json"


class Output:
    """Paths and atomic writes under one output folder."""

    def __init__(self, url: str, storage_options: dict[str, Any] | None = None) -> None:
        self.url = url
        self.fs, self.root = fsspec.core.url_to_fs(url, **(storage_options or {}))
        self.root = self.root.rstrip("/")
        protocol = self.fs.protocol if isinstance(self.fs.protocol, tuple) else (self.fs.protocol,)
        self.local = "file" in protocol

    def path(self, *parts: str) -> str:
        return "/".join((self.root, *parts))

    def table_file(self, table: str, partition_id: str) -> str:
        return self.path(table, f"{partition_id}.parquet")

    def marker_file(self, partition_id: str) -> str:
        return self.path(MARKERS, f"{partition_id}.json")

    # writing

    def write_bytes(self, path: str, data: bytes) -> None:
        """Write ``data`` to ``path`` atomically: a temporary name, then a rename."""
        folder, name = path.rsplit("/", 1)
        self.fs.makedirs(folder, exist_ok=True)
        tmp = f"{folder}/.{name}.tmp-{uuid.uuid4().hex[:12]}"
        try:
            with self.fs.open(tmp, "wb") as f:
                f.write(data)
            if self.local:
                os.replace(tmp, path)
            else:
                self.fs.mv(tmp, path)
        except BaseException:
            self._remove(tmp)
            raise

    def write_json(self, path: str, doc: dict[str, Any]) -> None:
        self.write_bytes(path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")

    def write_table(self, table: str, partition_id: str, items: list[dict[str, Any]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from marsad.tables import to_arrow

        sink = pa.BufferOutputStream()
        pq.write_table(to_arrow(table, items), sink, compression="zstd")
        self.write_bytes(self.table_file(table, partition_id), sink.getvalue().to_pybytes())

    def write_marker(self, partition: Partition, result: PartitionResult) -> None:
        self.write_json(self.marker_file(partition.id), {"partition": partition.to_dict(), "result": result.to_dict()})

    # reading

    def finished(self, partition: Partition) -> PartitionResult | None:
        """The result of an earlier run of this partition, if it finished and its files are all there."""
        marker = self.marker_file(partition.id)
        try:
            with self.fs.open(marker, "rb") as f:
                doc = json.loads(f.read())
        except (FileNotFoundError, ValueError):
            return None
        if doc.get("partition") != partition.to_dict():
            return None
        if not all(self.fs.exists(self.table_file(t, partition.id)) for t in TABLES):
            return None
        return PartitionResult.from_dict(doc["result"])

    def read_manifest(self) -> dict[str, Any] | None:
        try:
            with self.fs.open(self.path(MANIFEST), "rb") as f:
                doc = json.loads(f.read())
        except (FileNotFoundError, ValueError):
            return None
        return doc if isinstance(doc, dict) else None

    # cleaning

    def clean(self, keep: set[str]) -> int:
        """Remove temporary files, and partition files and markers of partitions not in ``keep``
        (an earlier run with other inputs or another partition size).  Returns how many went."""
        removed = 0
        for folder in (*TABLES, MARKERS):
            try:
                names = self.fs.ls(self.path(folder), detail=False)
            except FileNotFoundError:
                continue
            for full in names:
                name = full.rstrip("/").rsplit("/", 1)[-1]
                stem = name.rsplit(".", 1)[0]
                stale = name.startswith("part-") and stem not in keep
                if (name.startswith(".") and ".tmp-" in name) or stale:
                    self._remove(full)
                    removed += 1
        return removed

    def _remove(self, path: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.fs.rm(path)
