"""What a reader hands to extraction: one document's bytes or decoded fields, and where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RawKind = Literal["text", "html", "record"]


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One document as found in an input, before extraction.

    ``kind`` says how to read it: ``text`` (first line = title), ``html`` (a page), or
    ``record`` (fields already known: a JSONL record, a feed entry without its page, an HTML
    page after main-text extraction).  Fields given on an ``html`` RawDoc (a feed entry's title
    or date) win over what the page itself says.
    """

    source: str  # names the input for messages: "path", "path:12" (line), "url", "-"
    kind: RawKind
    data: bytes | None = None  # raw bytes (text, html); None for records
    text: str | None = None  # decoded text (records)
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    encoding: str | None = None  # a charset declared outside the bytes (HTTP Content-Type)
    links: tuple[tuple[str, str], ...] = ()  # (anchor text, absolute URL) of a page, to give related lines a URL
    related: tuple[tuple[str, str], ...] = ()  # (text, URL) "read also" links found in the page outside the text
