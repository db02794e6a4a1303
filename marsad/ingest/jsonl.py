"""JSON Lines of article records (plain or gzipped), with the field spellings of the shared corpora."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from marsad.errors import Refusal, Skip
from marsad.ingest.rawdoc import RawDoc

# contract field → the spellings read for it, first found wins
FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "docno"),
    "url": ("url", "link"),
    "outlet": ("outlet", "src", "source"),
    "published": ("published", "time", "date", "date_extracted"),
    "title": ("title", "headline"),
    "text": ("text", "content", "body"),
}


def _field(rec: dict[str, Any], name: str) -> str | None:
    for key in FIELDS[name]:
        value = rec.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool) and name == "id":
            return str(value)
        if not isinstance(value, str):
            raise Skip(f"field {key!r} should be a string, found {type(value).__name__}")
        return value
    return None


def record_to_raw(rec: Any, source: str) -> RawDoc:
    if not isinstance(rec, dict):
        raise Skip(f"a record should be a JSON object, found {type(rec).__name__}")
    text = _field(rec, "text")
    if text is None or not text.strip():
        raise Skip("record has no text (fields text/content/body)")
    return RawDoc(
        source=source,
        kind="record",
        text=text,
        id=_field(rec, "id"),
        url=_field(rec, "url"),
        outlet=_field(rec, "outlet"),
        published=_field(rec, "published"),
        title=_field(rec, "title"),
    )


def records_from_json(source: str, value: Any) -> Iterator[RawDoc | Refusal]:
    """Records of one parsed JSON document: an object, or a list of objects (``source#n``)."""
    items = value if isinstance(value, list) else [value]
    for n, rec in enumerate(items, 1):
        where = f"{source}#{n}" if isinstance(value, list) else source
        try:
            yield record_to_raw(rec, where)
        except Skip as e:
            yield Refusal(where, e.reason)


def read_jsonl(source: str, lines: Iterable[bytes], max_line_chars: int) -> Iterator[RawDoc | Refusal]:
    """One RawDoc per line; a broken line is refused on its own and reading goes on."""
    for n, raw in enumerate(lines, 1):
        where = f"{source}:{n}"
        if not raw.strip():
            continue
        if len(raw) > max_line_chars:
            yield Refusal(where, f"line longer than {max_line_chars} bytes")
            continue
        try:
            rec = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            yield Refusal(where, f"line {n} is not valid JSON: {e}")
            continue
        try:
            yield record_to_raw(rec, where)
        except Skip as e:
            yield Refusal(where, e.reason)
