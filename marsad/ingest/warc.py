"""WARC files (warcio): each HTML response record becomes an ``html`` RawDoc with its target URI.

A truncated or broken archive yields the records read so far, then a Refusal naming the reason.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from marsad.errors import Refusal
from marsad.ingest.rawdoc import RawDoc
from marsad.settings import Settings


def read_warc(path: str, settings: Settings) -> Iterator[RawDoc | Refusal]:
    """The HTML pages of a WARC file (plain or gzipped)."""
    with open(path, "rb") as f:
        yield from _records(path, f, settings)


def read_warc_bytes(source: str, data: bytes, settings: Settings) -> Iterator[RawDoc | Refusal]:
    """The HTML pages of a WARC held in memory (stdin, a fetched body)."""
    yield from _records(source, io.BytesIO(data), settings)


def _records(source: str, stream: IO[bytes], settings: Settings) -> Iterator[RawDoc | Refusal]:
    pages = 0
    end = 0
    try:
        archive = ArchiveIterator(stream)
        for n, record in enumerate(archive, 1):
            found = _page(source, n, record, settings)
            archive.read_to_end(record)
            end = archive.get_record_offset() + archive.get_record_length()
            if isinstance(found, Refusal):
                yield found
                if found.reason.startswith("truncated"):
                    return
            elif found is not None:
                pages += 1
                yield found
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError) as e:
        # warcio raises AttributeError on some cut headers
        yield Refusal(source, f"truncated or broken WARC after {pages} pages: {type(e).__name__}: {e}")
        return
    stream.seek(end)
    if stream.read(4096).strip():  # bytes after the last whole record: a record cut in its header
        yield Refusal(source, f"truncated WARC: a partial record after {pages} pages")
    elif pages == 0:
        yield Refusal(source, "no HTML pages in this WARC")


def _page(source: str, n: int, record: Any, settings: Settings) -> RawDoc | Refusal | None:
    """One record as an HTML RawDoc, a Refusal, or None for a record that is not a page."""
    where = f"{source}#{n}"
    if record.rec_headers.get_header("Content-Length") is None:  # required: a cut header block
        return Refusal(where, "truncated WARC: a record header without Content-Length")
    if record.rec_type not in {"response", "resource"}:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    ctype = _content_type(record)
    payload = record.content_stream().read(settings.max_bytes + 1)
    if len(payload) > settings.max_bytes:
        return Refusal(where, f"record larger than the limit of {settings.max_bytes} bytes")
    if _remaining(record):
        return Refusal(where, "truncated WARC: the record ends before its declared length")
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if not str(status).startswith("2"):
            return None
    if not _is_html(ctype, payload):
        return None
    return RawDoc(source=where, kind="html", data=payload, url=uri or None, encoding=_charset(ctype))


def _remaining(record: Any) -> bool:
    """True when the record's stream stopped short of its declared ``Content-Length``."""
    raw = record.raw_stream
    try:
        rest = raw.read(1)
    except (EOFError, zlib.error, OSError):
        return True
    limit = getattr(raw, "limit", 0)
    return not rest and isinstance(limit, int) and limit > 0


def _content_type(record: Any) -> str | None:
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type")
        if value:
            return str(value)
    value = record.rec_headers.get_header("Content-Type")
    return str(value) if value else None


def _charset(ctype: str | None) -> str | None:
    if not ctype or "charset=" not in ctype.lower():
        return None
    return ctype.lower().split("charset=", 1)[1].split(";", 1)[0].strip().strip("\"'") or None


def _is_html(ctype: str | None, payload: bytes) -> bool:
    if ctype and "html" in ctype.lower():
        return True
    head = payload[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))
