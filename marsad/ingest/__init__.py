"""Readers: inputs (files, folders, URLs, stdin) → RawDoc → Article.

``read()`` yields an :class:`~marsad.models.Article` for each document and a
:class:`~marsad.errors.Refusal` for each input (or record) that could not be read; a refusal
never stops the batch.  The kind of an input is sniffed from its content more than its name.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.errors import Refusal, Skip
from marsad.extract import extract
from marsad.ingest.jsonl import read_jsonl
from marsad.ingest.rawdoc import RawDoc
from marsad.ingest.text import read_text
from marsad.models import Article
from marsad.settings import Settings

GZIP_MAGIC = b"\x1f\x8b"


def read(inputs: Iterable[str | os.PathLike[str]], settings: Settings | None = None) -> Iterator[Article | Refusal]:
    """Read every input; yield Articles and Refusals in input order."""
    settings = settings or Settings()
    for item in inputs:
        name = str(item)
        for raw in iter_raw(name, settings):
            if isinstance(raw, Refusal):
                yield raw
                continue
            try:
                yield extract(raw)
            except Skip as e:
                yield Refusal(raw.source, e.reason)
            except Exception as e:  # a bug on one document must not stop the batch
                yield Refusal(raw.source, f"could not extract ({type(e).__name__}: {e})")


def iter_raw(name: str, settings: Settings) -> Iterator[RawDoc | Refusal]:
    """RawDocs of one input: ``-`` (stdin), a URL, a folder (walked) or a file."""
    try:
        if name == "-":
            yield from raw_from_bytes("-", sys.stdin.buffer.read(), settings)
        elif name.startswith(("http://", "https://")):
            from marsad.ingest.fetch import raw_from_url

            yield from raw_from_url(name, settings)
        elif os.path.isdir(name):
            for path in sorted(p for p in Path(name).rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield from iter_raw(str(path), settings)
        elif not os.path.exists(name):
            yield Refusal(name, "no such file or directory")
        else:
            yield from raw_from_file(name, settings)
    except Skip as e:
        yield Refusal(e.source or name, e.reason)
    except OSError as e:
        yield Refusal(name, f"cannot read: {e.strerror or e}")


def raw_from_file(path: str, settings: Settings) -> Iterator[RawDoc | Refusal]:
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(GZIP_MAGIC):
        yield from _raw_from_gzip(path, settings)
        return
    size = os.path.getsize(path)
    if _looks_like_jsonl_name(path) or _sniff_jsonl(path):
        with open(path, "rb") as f:
            yield from read_jsonl(path, f, settings.max_line_chars)
        return
    if _sniff_warc(path):
        from marsad.ingest.warc import read_warc

        yield from read_warc(path, settings)
        return
    if size > settings.max_bytes:
        yield Refusal(path, f"file of {size} bytes is larger than the limit of {settings.max_bytes}")
        return
    with open(path, "rb") as f:
        data = f.read()
    yield from raw_from_bytes(path, data, settings)


def _raw_from_gzip(path: str, settings: Settings) -> Iterator[RawDoc | Refusal]:
    from marsad.ingest.limits import bounded_lines

    inner = path[:-3] if path.endswith(".gz") else path
    if _sniff_warc(path, gz=True):
        from marsad.ingest.warc import read_warc

        yield from read_warc(path, settings)
        return
    with gzip.open(path, "rb") as f:
        if inner.endswith((".jsonl", ".json", ".ndjson")) or _peek_is_json(f):
            yield from read_jsonl(
                path, bounded_lines(f, path, settings.max_decompressed_bytes), settings.max_line_chars
            )
            return
        data = f.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield Refusal(path, f"decompressed content larger than the limit of {settings.max_bytes} bytes")
        return
    yield from raw_from_bytes(path, data, settings)


def _peek_is_json(f: gzip.GzipFile) -> bool:
    head = f.peek(64)[:64].lstrip()
    return head.startswith(b"{")


def raw_from_bytes(source: str, data: bytes, settings: Settings) -> Iterator[RawDoc | Refusal]:
    """Sniff one in-memory document (stdin, a small file, a fetched body) and read it."""
    if not data.strip():
        yield Refusal(source, "empty input")
        return
    if data.startswith(GZIP_MAGIC):
        from marsad.ingest.limits import bounded_read

        try:
            data = bounded_read(gzip.GzipFile(fileobj=io.BytesIO(data)), settings.max_bytes)
        except (OSError, EOFError) as e:
            yield Refusal(source, f"broken gzip stream: {e}")
            return
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        from marsad.ingest.warc import read_warc_bytes

        yield from read_warc_bytes(source, data, settings)
    elif head.startswith(b"{"):
        yield from read_jsonl(source, data.splitlines(), settings.max_line_chars)
    elif _is_feed(head):
        from marsad.ingest.feeds import read_feed

        yield from read_feed(source, data, settings)
    elif _is_html(head):
        yield RawDoc(source=source, kind="html", data=data)
    else:
        try:
            yield read_text(source, data)
        except Skip as e:
            yield Refusal(source, e.reason)


def _is_feed(head: bytes) -> bool:
    body = head.split(b"?>", 1)[-1] if head.startswith(b"<?xml") else head
    return any(tag in body[:600] for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def _is_html(head: bytes) -> bool:
    return head.startswith(
        (b"<!doctype html", b"<html", b"<head", b"<body", b"<div", b"<p", b"<article", b"<meta")
    ) or (head.startswith(b"<") and b"<html" in head)


def _looks_like_jsonl_name(path: str) -> bool:
    return path.endswith((".jsonl", ".ndjson"))


def _sniff_jsonl(path: str) -> bool:
    with open(path, "rb") as f:
        head = f.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and path.endswith(".json") is False


def _sniff_warc(path: str, gz: bool = False) -> bool:
    opener = gzip.open if gz else open
    try:
        with opener(path, "rb") as f:
            return bool(f.read(5) == b"WARC/")
    except OSError:
        return False


__all__ = ["RawDoc", "iter_raw", "read"]
