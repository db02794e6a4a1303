"""Partitions: the inputs of a scale run cut into pieces that one Dask task analyses.

Three kinds of partition:

* ``jsonl`` — a range of lines ``[start, end)`` of one JSON Lines file (plain or gzipped); ``offset``
  is the byte offset of line ``start`` in the (decompressed) stream, so a task seeks there instead
  of reading the lines before it.  A large ``.jsonl.gz`` becomes many partitions.
* ``parquet`` — a range of rows ``[start, end)`` of one Parquet file of article records.
* ``files`` — whole files read by marsad's ordinary readers (text, HTML, feeds, WARC …): up to
  ``size`` small files in one partition; a WARC file is a partition of its own.

Inputs are local paths or any fsspec URL (``s3://…``, ``gs://…``, ``file://…``); folders are
walked and glob patterns expanded.  Planning reads each JSONL input once to count its lines.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, cast

import fsspec

from marsad.errors import Refusal
from marsad.settings import Settings

PartitionKind = Literal["jsonl", "parquet", "files"]
GZIP_MAGIC = b"\x1f\x8b"
BLOCK = 1 << 20
JSONL_NAMES = (".jsonl", ".ndjson")
PARQUET_NAMES = (".parquet", ".parq")


@dataclass(frozen=True, slots=True)
class Partition:
    """One task's share of the inputs (see the module docstring for the kinds)."""

    index: int
    kind: PartitionKind
    inputs: tuple[str, ...]
    start: int = 0  # first line / row (0-based); 0 for ``files``
    end: int = 0  # past the last line / row; the number of files for ``files``
    offset: int = 0  # byte offset of line ``start`` in the decompressed stream (``jsonl``)
    gzip: bool = False
    fingerprint: str = ""  # size and modification time of the inputs: a changed input is redone

    @property
    def digest(self) -> str:
        """A short hash of everything that decides this partition's output."""
        from marsad import __version__

        key = json.dumps([__version__, *asdict(self).values()], ensure_ascii=False, sort_keys=True)
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]

    @property
    def id(self) -> str:
        return f"part-{self.index:05d}-{self.digest}"

    @property
    def records(self) -> int:
        """Lines, rows or files this partition covers."""
        return self.end - self.start

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **asdict(self), "inputs": list(self.inputs)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Partition:
        return cls(
            index=int(d["index"]),
            kind=d["kind"],
            inputs=tuple(d["inputs"]),
            start=int(d["start"]),
            end=int(d["end"]),
            offset=int(d["offset"]),
            gzip=bool(d["gzip"]),
            fingerprint=str(d["fingerprint"]),
        )


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file found among the inputs, and how it is read."""

    name: str  # local absolute path or full URL
    kind: Literal["jsonl", "parquet", "file", "warc"]
    gzip: bool = False
    size: int | None = None
    fingerprint: str = ""


@dataclass
class Plan:
    """The partitions of a run, the input files they come from, and inputs refused while planning."""

    inputs: list[dict[str, Any]] = field(default_factory=list)
    partitions: list[Partition] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)


def plan(inputs: list[str], size: int, settings: Settings | None = None) -> Plan:
    """Cut ``inputs`` into partitions of at most ``size`` records (lines, rows or files)."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    settings = settings or Settings()
    result = Plan()
    files: list[InputFile] = []
    for name in inputs:
        found, refused = expand(name)
        result.refusals.extend(refused)
        files.extend(found)
    group: list[InputFile] = []

    def flush_group() -> None:
        if group:
            result.partitions.append(
                Partition(
                    len(result.partitions),
                    "files",
                    tuple(f.name for f in group),
                    0,
                    len(group),
                    fingerprint="|".join(f.fingerprint for f in group),
                )
            )
            group.clear()

    for f in files:
        before = len(result.partitions)
        if f.kind == "jsonl":
            _plan_jsonl(f, size, settings, result)
        elif f.kind == "parquet":
            _plan_parquet(f, size, result)
        elif f.kind == "warc":
            result.partitions.append(
                Partition(len(result.partitions), "files", (f.name,), 0, 1, fingerprint=f.fingerprint)
            )
        else:
            group.append(f)
            if len(group) >= size:
                flush_group()
        entry: dict[str, Any] = {"name": f.name, "kind": f.kind, "gzip": f.gzip, "size": f.size}
        if f.kind != "file":
            entry["partitions"] = len(result.partitions) - before
        result.inputs.append(entry)
    flush_group()
    return result


def expand(name: str) -> tuple[list[InputFile], list[Refusal]]:
    """The files an input names: itself, the files of a folder (walked), or a glob's matches."""
    if name == "-":
        return [], [Refusal("-", "standard input cannot be partitioned: save it to a file first")]
    if name.startswith(("http://", "https://")) and not name.endswith((*JSONL_NAMES, ".gz", *PARQUET_NAMES)):
        return [InputFile(name, "file")], []  # a page or feed: fetched by marsad's own reader
    try:
        fs, path = fsspec.core.url_to_fs(name)
        if _is_local(fs):
            return _expand_local(name)
        if fs.isdir(path):
            paths = sorted(p for p in fs.find(path) if not p.rsplit("/", 1)[-1].startswith("."))
        elif any(c in path for c in "*?["):
            paths = sorted(fs.glob(path))
        elif fs.exists(path):
            paths = [path]
        else:
            return [], [Refusal(name, "no such file or directory")]
        return [sniff(fs, p, fs.unstrip_protocol(p)) for p in paths], []
    except (OSError, ValueError, ImportError) as e:
        return [], [Refusal(name, f"cannot read: {e}")]


def _expand_local(name: str) -> tuple[list[InputFile], list[Refusal]]:
    fs = fsspec.filesystem("file")
    raw = name.removeprefix("file://")
    path = Path(raw).expanduser()
    if path.is_dir():
        paths = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    elif path.exists():
        paths = [path]
    elif any(c in raw for c in "*?["):
        paths = sorted(Path(p) for p in fs.glob(os.path.abspath(path)) if os.path.isfile(p))
    else:
        return [], [Refusal(name, "no such file or directory")]
    return [sniff(fs, os.path.abspath(p), os.path.abspath(p)) for p in paths], []


def _is_local(fs: Any) -> bool:
    return "file" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,))


def sniff(fs: Any, path: str, name: str) -> InputFile:
    """How a file is read.  Only a file named ``*.jsonl`` / ``*.ndjson`` (optionally ``.gz``) that
    starts with a JSON object is split into line ranges; every other file is read whole by
    :func:`marsad.ingest.iter_raw`, exactly as ``marsad extract`` reads it."""
    info = fs.info(path)
    size = info.get("size")
    stamp = info.get("mtime") or info.get("LastModified") or info.get("ETag") or info.get("created") or ""
    fingerprint = f"{size}:{stamp}"
    if path.endswith(PARQUET_NAMES):
        return InputFile(name, "parquet", False, size, fingerprint)
    compressed = False
    with fs.open(path, "rb") as f:
        head = f.read(64)
        if head.startswith(GZIP_MAGIC):
            compressed = True
            f.seek(0)
            try:
                with gzip.GzipFile(fileobj=f) as g:
                    head = g.read(64)
            except (OSError, EOFError, zlib.error):
                return InputFile(name, "file", True, size, fingerprint)  # the reader refuses it
    if head.startswith(b"WARC/"):
        return InputFile(name, "warc", compressed, size, fingerprint)
    stem = path[:-3] if compressed and path.endswith(".gz") else path
    if stem.endswith(JSONL_NAMES) and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return InputFile(name, "jsonl", compressed, size, fingerprint)
    return InputFile(name, "file", compressed, size, fingerprint)


@contextmanager
def open_stream(name: str, compressed: bool) -> Iterator[IO[bytes]]:
    """A binary stream of a file's (decompressed) content, closed (with the file) on exit."""
    fs, path = fsspec.core.url_to_fs(name)
    with fs.open(path, "rb") as raw:
        if not compressed:
            yield raw
            return
        with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
            yield cast(IO[bytes], stream)


def line_offsets(stream: IO[bytes], every: int, limit: int) -> tuple[int, list[int], str | None]:
    """``(lines, offsets, error)``: the number of lines of ``stream`` (as ``for line in stream``
    counts them), the byte offset of lines ``0, every, 2*every, …``, and why reading stopped early
    (a broken stream, or more than ``limit`` bytes), if it did."""
    offsets = [0]
    lines = 0
    pos = 0
    last = b"\n"
    error: str | None = None
    read = getattr(stream, "read1", stream.read)  # read1: the data before a broken part still comes
    try:
        while block := read(BLOCK):
            at = 0
            while True:
                need = len(offsets) * every - lines  # newlines to pass to reach the next boundary
                nl = at - 1
                for _ in range(need):
                    nl = block.find(b"\n", nl + 1)
                    if nl < 0:
                        break
                if nl < 0:
                    lines += block.count(b"\n", at)
                    break
                lines += need
                offsets.append(pos + nl + 1)
                at = nl + 1
            pos += len(block)
            last = block[-1:]
            if pos > limit:
                error = f"decompressed content larger than the limit of {limit} bytes"
                break
    except (EOFError, OSError, zlib.error) as e:
        error = f"broken compressed stream ({e})"
    if last != b"\n":
        lines += 1  # a last line without a newline
    if offsets[-1] >= pos and len(offsets) > 1:
        offsets.pop()  # a boundary at the very end starts no line
    return lines, offsets, error


def _plan_jsonl(f: InputFile, size: int, settings: Settings, result: Plan) -> None:
    limit = settings.max_decompressed_bytes if f.gzip else 1 << 62
    with open_stream(f.name, f.gzip) as stream:
        lines, offsets, error = line_offsets(stream, size, limit)
    if error:
        result.refusals.append(Refusal(f.name, error))
    for i, offset in enumerate(offsets):
        start = i * size
        end = min(start + size, lines)
        if end > start:
            result.partitions.append(
                Partition(len(result.partitions), "jsonl", (f.name,), start, end, offset, f.gzip, f.fingerprint)
            )


def _plan_parquet(f: InputFile, size: int, result: Plan) -> None:
    import pyarrow.parquet as pq

    fs, path = fsspec.core.url_to_fs(f.name)
    try:
        with fs.open(path, "rb") as fh:
            rows = pq.ParquetFile(fh).metadata.num_rows
    except Exception as e:  # pyarrow raises its own error types for a broken file
        result.refusals.append(Refusal(f.name, f"not a readable Parquet file ({type(e).__name__}: {e})"))
        return
    for start in range(0, rows, size):
        end = min(start + size, rows)
        result.partitions.append(
            Partition(len(result.partitions), "parquet", (f.name,), start, end, fingerprint=f.fingerprint)
        )
