"""Plain text: the first non-blank line is the title, the rest the text."""

from __future__ import annotations

from marsad.ingest.decode import decode
from marsad.ingest.rawdoc import RawDoc


def split_title(content: str) -> tuple[str | None, str]:
    """``(title, text)``: the first non-blank line and everything after it (leading blank lines dropped)."""
    stripped = content.lstrip("\ufeff\r\n \t")
    if "\n" not in stripped:
        return None, stripped
    first, rest = stripped.split("\n", 1)
    return first.strip() or None, rest.lstrip("\r\n")


def read_text(source: str, data: bytes, encoding: str | None = None) -> RawDoc:
    """A plain-text document; ``encoding`` is a charset declared outside the bytes, if any."""
    content = decode(data, encoding)
    title, text = split_title(content)
    return RawDoc(source=source, kind="record", text=text, title=title)
