"""What a reader hands to extraction: one document's bytes or decoded fields, and where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RawKind = Literal["text", "html", "record"]


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One document as found in an input, before extraction.

    ``kind`` says how to read it: ``text`` (first line = title), ``html`` (a page), or
    ``record`` (fields already known: a JSONL record, a feed entry without its page).
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
