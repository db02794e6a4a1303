"""Flat tables of CONTRACT.md ("Tables"): one row per item, keyed by ``article_id``.

The one place where an :class:`~marsad.models.Analysis` becomes rows — used by exports, the
Dask scale-out (Parquet datasets) and anything else that needs flat data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marsad.models import Analysis

TABLES = ("articles", "statements", "entities", "mentions", "dates", "framing")

# column order of each table (also the Parquet schema order)
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "url", "outlet", "published", "title", "text", "language", "related"),
    "statements": (
        "article_id",
        "speaker_name",
        "speaker_canonical",
        "speaker_entity",
        "speaker_type",
        "speaker_role",
        "cue_text",
        "content_text",
        "content_start",
        "content_end",
        "zone",
        "kind",
    ),
    "entities": ("article_id", "entity_id", "type", "canonical", "aliases"),
    "mentions": ("article_id", "entity_id", "text", "start", "end", "zone"),
    "dates": ("article_id", "text", "start", "end", "zone", "value", "calendar", "relative"),
    "framing": ("article_id", "text", "start", "end", "zone", "marker", "term"),
}


def rows(analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for one article."""
    a = analysis.article
    aid = a.id
    out: dict[str, list[dict[str, Any]]] = {
        "articles": [
            {
                "article_id": aid,
                "url": a.url,
                "outlet": a.outlet,
                "published": a.published,
                "title": a.title,
                "text": a.text,
                "language": a.language,
                "related": " | ".join(r.text for r in a.related) or None,
            }
        ],
        "statements": [
            {
                "article_id": aid,
                "speaker_name": s.speaker.name,
                "speaker_canonical": s.speaker.canonical,
                "speaker_entity": s.speaker.entity,
                "speaker_type": s.speaker.type,
                "speaker_role": s.speaker.role,
                "cue_text": s.cue.text,
                "content_text": s.content.text,
                "content_start": s.content.start,
                "content_end": s.content.end,
                "zone": s.content.zone,
                "kind": s.kind,
            }
            for s in analysis.statements
        ],
        "entities": [
            {
                "article_id": aid,
                "entity_id": e.id,
                "type": e.type,
                "canonical": e.canonical,
                "aliases": " | ".join(e.aliases),
            }
            for e in analysis.entities
        ],
        "mentions": [
            {
                "article_id": aid,
                "entity_id": e.id,
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "zone": m.zone,
            }
            for e in analysis.entities
            for m in e.mentions
        ],
        "dates": [
            {
                "article_id": aid,
                "text": d.span.text,
                "start": d.span.start,
                "end": d.span.end,
                "zone": d.span.zone,
                "value": d.value,
                "calendar": d.calendar,
                "relative": d.relative,
            }
            for d in analysis.dates
        ],
        "framing": [
            {
                "article_id": aid,
                "text": f.span.text,
                "start": f.span.start,
                "end": f.span.end,
                "zone": f.span.zone,
                "marker": f.marker,
                "term": f.term,
            }
            for f in analysis.framing
        ],
    }
    return out


def collect(analyses: Iterable[Analysis]) -> dict[str, list[dict[str, Any]]]:
    """All tables' rows for many articles."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for analysis in analyses:
        for table, items in rows(analysis).items():
            out[table].extend(items)
    return out


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of a table (so that empty partitions have the same schema)."""
    import pyarrow as pa

    types = {
        "content_start": pa.int64(),
        "content_end": pa.int64(),
        "start": pa.int64(),
        "end": pa.int64(),
        "relative": pa.bool_(),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS[table]])


def to_arrow(table: str, items: list[dict[str, Any]]) -> Any:
    """A pyarrow Table of one table's rows, columns in contract order."""
    import pyarrow as pa

    schema = arrow_schema(table)
    return pa.Table.from_pylist(items, schema=schema)
