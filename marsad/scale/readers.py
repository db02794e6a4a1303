"""Reading one partition with marsad's own readers: the same RawDocs, sources and refusals as
``marsad extract`` gives for the same records."""

from __future__ import annotations

import datetime as dt
import zlib
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from itertools import chain, islice, repeat
from threading import Lock
from typing import IO, Any

import fsspec

from marsad.errors import Refusal, Skip
from marsad.ingest import extract_all, iter_raw, raw_from_bytes
from marsad.ingest.jsonl import FIELDS, read_jsonl, record_to_raw
from marsad.ingest.limits import bounded_lines, bounded_read
from marsad.ingest.rawdoc import RawDoc
from marsad.models import Article
from marsad.scale.partitions import Partition, open_stream
from marsad.settings import Settings

KEEP_OPEN = 4  # gzip streams a worker process keeps open between partitions
_OPEN: OrderedDict[tuple[str, str], tuple[ExitStack, IO[bytes]]] = OrderedDict()
_LOCK = Lock()


def articles(p: Partition, settings: Settings) -> Iterator[Article | Refusal]:
    """The articles of a partition, in record order; a record that cannot be read is a refusal."""
    return extract_all(raw_docs(p, settings))


def raw_docs(p: Partition, settings: Settings) -> Iterator[RawDoc | Refusal]:
    """The RawDocs of a partition, in record order."""
    name = p.inputs[0]
    try:
        if p.kind == "jsonl":
            yield from _jsonl(p, settings)
        elif p.kind == "parquet":
            yield from _parquet(p)
        else:
            for name in p.inputs:
                yield from _whole_file(name, settings)
    except Skip as e:
        yield Refusal(e.source or name, e.reason)
    except (OSError, EOFError, zlib.error) as e:
        yield Refusal(name, f"cannot read: {e}")
    except Exception as e:  # e.g. a broken Parquet file: refuse the input, finish the partition
        yield Refusal(name, f"could not read ({type(e).__name__}: {e})")


def _jsonl(p: Partition, settings: Settings) -> Iterator[RawDoc | Refusal]:
    name = p.inputs[0]
    with _positioned(p) as stream:
        lines: Iterator[bytes] = iter(stream)
        if p.gzip:
            lines = bounded_lines(stream, name, settings.max_decompressed_bytes - p.offset)
        # blank lines in front keep the line numbers of the sources ("file:123") those of the whole file
        numbered = chain(repeat(b"", p.start), islice(lines, p.end - p.start))
        yield from read_jsonl(name, numbered, settings.max_line_chars)


@contextmanager
def _positioned(p: Partition) -> Iterator[IO[bytes]]:
    """The stream of a JSONL partition's file, at the partition's first line.

    A gzip stream cannot seek but by decompressing everything before the offset, so a worker
    keeps its last few gzip streams open: the next partition of the same file usually starts a
    little after where the previous one ended, and seeking forward from there is cheap.
    """
    key = (p.inputs[0], p.fingerprint)
    with _LOCK:
        entry = _OPEN.pop(key, None) if p.gzip else None
    if entry is not None and entry[1].tell() > p.offset:
        entry[0].close()
        entry = None
    if entry is None:
        stack = ExitStack()
        entry = (stack, stack.enter_context(open_stream(p.inputs[0], p.gzip)))
    finished = False
    try:
        entry[1].seek(p.offset)
        yield entry[1]
        finished = True
    finally:
        if finished and p.gzip:
            with _LOCK:
                _OPEN[key] = entry
                while len(_OPEN) > KEEP_OPEN:
                    _OPEN.popitem(last=False)[1][0].close()
        else:
            entry[0].close()


def close_streams() -> None:
    """Close the gzip streams this process keeps open."""
    with _LOCK:
        while _OPEN:
            _OPEN.popitem()[1][0].close()


def _parquet(p: Partition) -> Iterator[RawDoc | Refusal]:
    import pyarrow.parquet as pq

    name = p.inputs[0]
    fs, path = fsspec.core.url_to_fs(name)
    with fs.open(path, "rb") as fh:
        pf = pq.ParquetFile(fh)
        wanted = {k for spellings in FIELDS.values() for k in spellings} | {"article_id"}
        columns = [c for c in pf.schema_arrow.names if c in wanted]
        first = 0
        for group in range(pf.num_row_groups):
            count = pf.metadata.row_group(group).num_rows
            lo, hi = max(first, p.start), min(first + count, p.end)
            if lo < hi:
                table = pf.read_row_group(group, columns=columns).slice(lo - first, hi - lo)
                for row, rec in enumerate(table.to_pylist(), lo):
                    where = f"{name}:{row + 1}"
                    try:
                        yield record_to_raw(_record(rec), where)
                    except Skip as e:
                        yield Refusal(where, e.reason)
            first += count
            if first >= p.end:
                break


def _record(rec: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row as a JSONL record: times as ISO strings; ``article_id`` (marsad's own
    ``articles`` table) read as the id."""
    out = {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in rec.items()}
    if out.get("id") is None and out.get("article_id") is not None:
        out["id"] = out["article_id"]
    return out


def _whole_file(name: str, settings: Settings) -> Iterator[RawDoc | Refusal]:
    """A file read whole by marsad's ordinary readers (local paths and http(s) URLs exactly as
    ``marsad extract`` reads them; other URLs through fsspec)."""
    fs, path = (None, name) if name.startswith(("http://", "https://")) else fsspec.core.url_to_fs(name)
    if fs is None or "file" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)):
        yield from iter_raw(path, settings)
        return
    with fs.open(path, "rb") as fh:
        data = bounded_read(fh, settings.max_bytes)
    yield from raw_from_bytes(name, data, settings)
