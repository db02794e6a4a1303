"""The data model: frozen, slotted, typed dataclasses, and their JSON made in one place.

One rule, stated once: a :class:`Span` is ``[start, end)`` in code points into the field its
``zone`` names (``title`` for the article title, every other zone for ``text``), never into
normalised text.  ``Article.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

Zone = Literal["title", "lede", "body", "related", "boilerplate", "caption"]
ZoneKind = Literal["lede", "body", "related", "boilerplate", "caption"]
EntityType = Literal["PER", "ORG", "GPE", "LOC", "EVENT", "MISC"]
SpeakerType = Literal["PER", "ORG", "ANON"]
StatementKind = Literal["direct", "indirect", "mixed", "headline"]
Calendar = Literal["gregorian", "hijri"]
MarkerKind = Literal["scare-quotes", "loaded-term", "honorific"]


@dataclass(frozen=True, slots=True)
class Span:
    """``[start, end)`` in code points into the field that ``zone`` names."""

    start: int
    end: int
    text: str
    zone: Zone = "body"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "zone": self.zone}


@dataclass(frozen=True, slots=True)
class ZoneSpan:
    """A region of ``Article.text`` and what kind of region it is."""

    kind: ZoneKind
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """A "read also" line or the like, moved out of the body."""

    text: str
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "url": self.url}


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read: text never normalised; zones partition it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str = "ar"
    zones: tuple[ZoneSpan, ...] = ()
    related: tuple[RelatedLink, ...] = ()
    source: str | None = None  # where it was read from (file path, URL, "-"); not in the contract

    def field_text(self, zone: Zone) -> str:
        """The field a span of ``zone`` points into."""
        return (self.title or "") if zone == "title" else self.text

    def zone_at(self, offset: int) -> ZoneKind:
        """The kind of the zone holding ``offset`` of ``text`` (``body`` where none does)."""
        for z in self.zones:
            if z.start <= offset < z.end:
                return z.kind
        return "body"

    def span(self, start: int, end: int, zone: Zone | None = None) -> Span:
        """A span into the right field; the zone is looked up for text offsets when not given."""
        if zone is None:
            zone = self.zone_at(start)
        return Span(start, end, self.field_text(zone)[start:end], zone)


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: EntityType
    canonical: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "canonical": self.canonical,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    type: SpeakerType
    canonical: str | None = None
    entity: str | None = None
    role: str | None = None
    mention: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "canonical": self.canonical,
            "entity": self.entity,
            "type": self.type,
            "role": self.role,
            "mention": self.mention.to_dict() if self.mention else None,
        }


@dataclass(frozen=True, slots=True)
class Statement:
    speaker: Speaker
    cue: Span
    content: Span
    kind: StatementKind

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict(),
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class DateMention:
    span: Span
    value: str | None
    calendar: Calendar = "gregorian"
    relative: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            "value": self.value,
            "calendar": self.calendar,
            "relative": self.relative,
        }


@dataclass(frozen=True, slots=True)
class FramingMarker:
    span: Span
    marker: MarkerKind
    term: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "marker": self.marker, "term": self.term}


@dataclass(frozen=True, slots=True)
class Analysis:
    """An article and everything found in it."""

    article: Article
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    dates: tuple[DateMention, ...] = ()
    framing: tuple[FramingMarker, ...] = ()

    def with_(self, **changes: Any) -> Analysis:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The article document of CONTRACT.md."""
        a = self.article
        return {
            "id": a.id,
            "url": a.url,
            "outlet": a.outlet,
            "published": a.published,
            "title": a.title,
            "text": a.text,
            "language": a.language,
            "zones": [z.to_dict() for z in a.zones],
            "related": [r.to_dict() for r in a.related],
            "entities": [e.to_dict() for e in self.entities],
            "statements": [s.to_dict() for s in self.statements],
            "dates": [d.to_dict() for d in self.dates],
            "framing": [f.to_dict() for f in self.framing],
        }


def span_from_dict(d: dict[str, Any]) -> Span:
    return Span(int(d["start"]), int(d["end"]), str(d["text"]), d.get("zone", "body"))


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    """Rebuild an :class:`Analysis` from its document (the inverse of ``to_dict``)."""
    article = Article(
        id=d["id"],
        text=d["text"],
        title=d.get("title"),
        url=d.get("url"),
        outlet=d.get("outlet"),
        published=d.get("published"),
        language=d.get("language") or "ar",
        zones=tuple(ZoneSpan(z["kind"], z["start"], z["end"]) for z in d.get("zones", [])),
        related=tuple(RelatedLink(r["text"], r.get("url")) for r in d.get("related", [])),
    )
    entities = tuple(
        Entity(
            e["id"],
            e["type"],
            e["canonical"],
            tuple(e.get("aliases", [])),
            tuple(span_from_dict(m) for m in e.get("mentions", [])),
        )
        for e in d.get("entities", [])
    )
    statements = tuple(
        Statement(
            Speaker(
                s["speaker"].get("name"),
                s["speaker"].get("type", "ANON"),
                s["speaker"].get("canonical"),
                s["speaker"].get("entity"),
                s["speaker"].get("role"),
                span_from_dict(s["speaker"]["mention"]) if s["speaker"].get("mention") else None,
            ),
            span_from_dict(s["cue"]),
            span_from_dict(s["content"]),
            s["kind"],
        )
        for s in d.get("statements", [])
    )
    dates = tuple(
        DateMention(span_from_dict(x), x.get("value"), x.get("calendar", "gregorian"), bool(x.get("relative")))
        for x in d.get("dates", [])
    )
    framing = tuple(FramingMarker(span_from_dict(x), x["marker"], x.get("term")) for x in d.get("framing", []))
    return Analysis(article, entities, statements, dates, framing)


__all__ = [
    "Analysis",
    "Article",
    "Calendar",
    "DateMention",
    "Entity",
    "EntityType",
    "FramingMarker",
    "MarkerKind",
    "RelatedLink",
    "Span",
    "Speaker",
    "SpeakerType",
    "Statement",
    "StatementKind",
    "Zone",
    "ZoneKind",
    "ZoneSpan",
    "analysis_from_dict",
    "span_from_dict",
]
