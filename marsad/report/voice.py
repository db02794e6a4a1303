"""Whose words a span is: the outlet's own voice, or a speaker's quoted in a statement's content.

A loaded term inside ``statements[].content`` is the speaker's choice, not the outlet's (docs/framing.md), so
reports count the two apart.  Spans of the title and spans of the text live in different fields: a span is only
compared with content spans of the same field.  Also here: which person an honorific stands before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from marsad.models import Analysis, Entity, FramingMarker, Span

Voice = Literal["own", "quoted"]
VOICES: tuple[Voice, ...] = ("own", "quoted")
MAX_GAP = 3  # characters (spaces, a tatweel, a dash) allowed between an honorific and the name after it


def field_of(span: Span) -> str:
    """The field a span points into: ``title`` or ``text``."""
    return "title" if span.zone == "title" else "text"


@dataclass(frozen=True, slots=True)
class Quoted:
    """The statement content spans of one article, by field, for voice look-ups."""

    by_field: dict[str, tuple[tuple[int, int], ...]]

    @classmethod
    def of(cls, analysis: Analysis) -> Quoted:
        spans: dict[str, list[tuple[int, int]]] = {"title": [], "text": []}
        for s in analysis.statements:
            spans[field_of(s.content)].append((s.content.start, s.content.end))
        return cls({k: tuple(sorted(v)) for k, v in spans.items()})

    def voice(self, span: Span) -> Voice:
        """``quoted`` when the span overlaps a statement's content, else ``own``."""
        for start, end in self.by_field[field_of(span)]:
            if start >= span.end:
                break
            if span.start < end:
                return "quoted"
        return "own"


@dataclass(frozen=True, slots=True)
class Honoured:
    """An honorific marker, the entity it stands before (None where none was found), and the name it honours:
    ``(field, end of the honorific chain)``, the same for every honorific of one chain."""

    marker: FramingMarker
    entity: Entity | None
    anchor: tuple[str, int]


def honoured_entities(analysis: Analysis) -> list[Honoured]:
    """Each honorific marker of the article and the entity it stands before.

    The name is the entity mention that starts with the honorific (the entities layer may take the title in) or that
    starts right after it or after the honorifics chained to it (سماحة آية الله العظمى السيد + name); persons are
    preferred over other types at the same place.
    """
    honorifics = [m for m in analysis.framing if m.marker == "honorific"]
    if not honorifics:
        return []
    mentions = _mentions_by_field(analysis.entities)
    out: list[Honoured] = []
    for marker in honorifics:
        fld = field_of(marker.span)
        chain = sorted((m.span for m in honorifics if field_of(m.span) == fld), key=lambda s: s.start)
        end = _chain_end(marker.span, chain)
        out.append(Honoured(marker, _entity_at(mentions.get(fld, ()), marker.span.start, end), (fld, end)))
    return out


def _mentions_by_field(entities: Iterable[Entity]) -> dict[str, list[tuple[Span, Entity]]]:
    out: dict[str, list[tuple[Span, Entity]]] = {}
    for e in entities:
        for m in e.mentions:
            out.setdefault(field_of(m), []).append((m, e))
    return out


def _chain_end(span: Span, chain: Sequence[Span]) -> int:
    """Where the run of honorifics starting at ``span`` ends (each next one within ``MAX_GAP`` of the last)."""
    end = span.end
    for other in chain:
        if other.start >= span.start and end <= other.start <= end + MAX_GAP:
            end = other.end
    return end


def _entity_at(mentions: Sequence[tuple[Span, Entity]], start: int, end: int) -> Entity | None:
    best: tuple[int, Entity] | None = None  # (rank, entity): lower is better
    for m, e in mentions:
        inside = m.start == start  # the entities layer took the title into the name
        if m.start < start < m.end:
            return None  # a word inside a name (قيس الشيخ نجيب): not a title before it
        after = end <= m.start <= end + MAX_GAP
        if not (inside or after):
            continue
        rank = (0 if e.type == "PER" else 2) + (0 if after else 1)
        if best is None or rank < best[0]:
            best = (rank, e)
    return best[1] if best else None


__all__ = ["MAX_GAP", "VOICES", "Honoured", "Quoted", "Voice", "field_of", "honoured_entities"]
