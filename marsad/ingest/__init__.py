"""Readers: inputs (files, folders, URLs, stdin) → RawDoc → Article.

``read()`` yields an :class:`~marsad.models.Article` for each document and a
:class:`~marsad.errors.Refusal` for each input (or record) that could not be read; a refusal
never stops the batch.  The kind of an input is sniffed from its content more than its name.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.errors import Refusal, Skip
from marsad.extract import extract
from marsad.ingest.decode import decode
from marsad.ingest.jsonl import read_jsonl, records_from_json
from marsad.ingest.limits import bounded_lines, bounded_read
from marsad.ingest.rawdoc import RawDoc
from marsad.ingest.text import read_text
from marsad.models import Article
from marsad.settings import Settings

GZIP_MAGIC = b"\x1f\x8b"
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)  # UTF-32 LE starts like UTF-16 LE
_HTML_NAMES = (".html", ".htm", ".xhtml", ".shtml")


def read(inputs: Iterable[str | os.PathLike[str]], settings: Settings | None = None) -> Iterator[Article | Refusal]:
    """Read every input; yield Articles and Refusals in input order."""
    settings = settings or Settings()
    for item in inputs:
        yield from extract_all(iter_raw(str(item), settings))


def extract_all(raws: Iterable[RawDoc | Refusal]) -> Iterator[Article | Refusal]:
    """Each RawDoc extracted; a document that cannot be extracted becomes a Refusal naming it."""
    for raw in raws:
        yield raw if isinstance(raw, Refusal) else extract_raw(raw)


def extract_raw(raw: RawDoc) -> Article | Refusal:
    """One RawDoc extracted, or the reason it could not be."""
    try:
        return extract(raw)
    except Skip as e:
        return Refusal(raw.source, e.reason)
    except Exception as e:  # a bug on one document must not stop the batch
        return Refusal(raw.source, f"could not extract ({type(e).__name__}: {e})")


def iter_raw(name: str, settings: Settings) -> Iterator[RawDoc | Refusal]:
    """RawDocs of one input: ``-`` (stdin), a URL, a folder (walked) or a file."""
    try:
        if name == "-":
            yield from raw_from_bytes("-", sys.stdin.buffer.read(settings.max_bytes + 1), settings)
        elif name.startswith(("http://", "https://")):
            from marsad.ingest.fetch import raw_from_url

            yield from raw_from_url(name, settings)
        elif os.path.isdir(name):
            for path in sorted(p for p in Path(name).rglob("*") if p.is_file() and not _hidden(p, name)):
                yield from iter_raw(str(path), settings)
        elif not os.path.exists(name):
            yield Refusal(name, "no such file or directory")
        else:
            yield from raw_from_file(name, settings)
    except Skip as e:
        yield Refusal(e.source or name, e.reason)
    except OSError as e:
        yield Refusal(name, f"cannot read: {e.strerror or e}")
    except Exception as e:  # one broken input must not stop the batch
        yield Refusal(name, f"could not read ({type(e).__name__}: {e})")


def _hidden(path: Path, root: str) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def raw_from_file(path: str, settings: Settings) -> Iterator[RawDoc | Refusal]:
    """Sniff a file by its first bytes (and its name where content is ambiguous) and read it."""
    with open(path, "rb") as f:
        head = f.read(64)
    if head.startswith(GZIP_MAGIC):
        yield from _raw_from_gzip(path, settings)
        return
    if head.startswith(b"WARC/"):
        from marsad.ingest.warc import read_warc

        yield from read_warc(path, settings)
        return
    size = os.path.getsize(path)
    if _is_jsonl_head(head) and (path.endswith((".jsonl", ".ndjson")) or size > settings.max_bytes):
        with open(path, "rb") as f:
            yield from read_jsonl(path, f, settings.max_line_chars)
        return
    if size > settings.max_bytes:
        yield Refusal(path, f"file of {size} bytes is larger than the limit of {settings.max_bytes}")
        return
    with open(path, "rb") as f:
        data = f.read()
    yield from raw_from_bytes(path, data, settings)


def _raw_from_gzip(path: str, settings: Settings) -> Iterator[RawDoc | Refusal]:
    try:
        with gzip.open(path, "rb") as f:
            head = f.peek(64)[:64]
    except (OSError, EOFError, zlib.error) as e:
        yield Refusal(path, f"broken gzip stream: {e}")
        return
    if head.startswith(b"WARC/"):
        from marsad.ingest.warc import read_warc

        yield from read_warc(path, settings)
        return
    inner = path[:-3] if path.endswith(".gz") else path
    with gzip.open(path, "rb") as f:
        if _is_jsonl_head(head) and not inner.endswith(".json"):
            yield from read_jsonl(
                path, bounded_lines(f, path, settings.max_decompressed_bytes), settings.max_line_chars
            )
            return
        try:
            data = bounded_read(f, min(settings.max_bytes, settings.max_decompressed_bytes))
        except Skip as e:
            yield Refusal(path, e.reason)
            return
        except EOFError as e:
            yield Refusal(path, f"truncated gzip stream ({e})")
            return
        except (OSError, zlib.error) as e:
            yield Refusal(path, f"broken gzip stream ({e})")
            return
    yield from raw_from_bytes(path, data, settings)


def raw_from_bytes(
    source: str,
    data: bytes,
    settings: Settings,
    *,
    url: str | None = None,
    encoding: str | None = None,
    html: bool = False,
) -> Iterator[RawDoc | Refusal]:
    """Sniff one in-memory document (stdin, a small file, a fetched body) and read it.

    ``url`` is where the bytes were fetched from (a feed's entries are then fetched too);
    ``encoding`` a charset declared outside the bytes (HTTP ``Content-Type``); ``html`` says the
    bytes were served or named as HTML (a page that opens with a fragment is still a page).
    """
    if len(data) > settings.max_bytes:
        yield Refusal(source, f"input larger than the limit of {settings.max_bytes} bytes")
        return
    if not data.strip():
        yield Refusal(source, "empty input")
        return
    if data.startswith(GZIP_MAGIC):
        try:
            data = bounded_read(gzip.GzipFile(fileobj=io.BytesIO(data)), settings.max_bytes)
        except Skip as e:
            yield Refusal(source, e.reason)
            return
        except EOFError as e:
            yield Refusal(source, f"truncated gzip stream ({e})")
            return
        except (OSError, zlib.error) as e:
            yield Refusal(source, f"broken gzip stream ({e})")
            return
    if data.startswith(_WIDE_BOMS):  # UTF-16/32 with a BOM: sniffed (and read) as UTF-8 from here on
        try:
            data, encoding = decode(data).encode("utf-8"), "utf-8"
        except Skip as e:
            yield Refusal(source, e.reason)
            return
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        from marsad.ingest.warc import read_warc_bytes

        yield from read_warc_bytes(source, data, settings)
    elif head.startswith((b"{", b"[")):
        yield from _raw_from_json(source, data, settings)
    elif _is_feed(head):
        from marsad.ingest.feeds import read_feed

        yield from read_feed(source, data, settings, url=url)
    elif _is_html(head) or (head.startswith(b"<") and (html or source.endswith(_HTML_NAMES))):
        yield RawDoc(source=source, kind="html", data=data, url=url, encoding=encoding)
    else:
        try:
            yield read_text(source, data, encoding)
        except Skip as e:
            yield Refusal(source, e.reason)


def _raw_from_json(source: str, data: bytes, settings: Settings) -> Iterator[RawDoc | Refusal]:
    """One JSON document (an object or a list of them) or JSON Lines."""
    try:
        whole = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        yield from read_jsonl(source, data.splitlines(), settings.max_line_chars)
        return
    yield from records_from_json(source, whole)


def _is_jsonl_head(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _is_feed(head: bytes) -> bool:
    body = head.split(b"?>", 1)[-1] if head.startswith(b"<?xml") else head
    return any(tag in body[:1000] for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def _is_html(head: bytes) -> bool:
    if head.startswith(b"<?xml"):
        head = head.split(b"?>", 1)[-1].lstrip()
    return head.startswith(
        (b"<!doctype html", b"<html", b"<head", b"<body", b"<div", b"<p", b"<article", b"<meta", b"<!--")
    ) or (head.startswith(b"<") and b"<html" in head)


__all__ = ["RawDoc", "extract_all", "extract_raw", "iter_raw", "raw_from_bytes", "read"]
