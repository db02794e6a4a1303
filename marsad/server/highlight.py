"""Highlighted article text: the original text split at span offsets, each piece escaped.

Spans may nest or overlap (an entity inside a quote, a date inside a cue), so the text is cut at every
span boundary and each piece carries the classes of all the spans covering it.  Nothing of the article
is ever emitted unescaped: articles can contain markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from marsad.models import Analysis, Span, Statement

PALETTE_SIZE = 8
_CLASS_SAFE = re.compile(r"[^A-Za-z0-9-]")


def css_name(value: str) -> str:
    return _CLASS_SAFE.sub("", value)[:30] or "x"


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span of one field: its classes, its tooltip, and an optional anchor id."""

    start: int
    end: int
    classes: tuple[str, ...]
    title: str = ""
    anchor: str | None = None


def speaker_key(s: Statement) -> str | None:
    """The name a statement's speaker is known by (canonical first); None for an anonymous source."""
    return s.speaker.canonical or s.speaker.name


class SpeakerColours:
    """Each distinct speaker of an article gets the next colour of a fixed palette, in order of appearance."""

    def __init__(self, statements: tuple[Statement, ...]) -> None:
        self.index: dict[str, int] = {}
        for s in statements:
            key = speaker_key(s) or ""
            if key not in self.index:
                self.index[key] = len(self.index) % PALETTE_SIZE
        self.order = list(self.index)

    def css(self, s: Statement) -> str:
        return f"spk-{self.index.get(speaker_key(s) or '', 0)}"


def _field_marks(span: Span, field: str, classes: tuple[str, ...], title: str, anchor: str | None = None) -> list[Mark]:
    in_field = (span.zone == "title") == (field == "title")
    return [Mark(span.start, span.end, classes, title, anchor)] if in_field else []


def marks_of(analysis: Analysis, field: str, colours: SpeakerColours) -> list[Mark]:
    """Every highlight of ``field`` (``title`` or ``text``) in an analysis."""
    marks: list[Mark] = []
    if field == "text":
        for z in analysis.article.zones:
            if z.kind != "body":
                marks.append(Mark(z.start, z.end, (f"zone-{css_name(z.kind)}",)))
    for n, s in enumerate(analysis.statements):
        who = speaker_key(s) or "مصدر غير مسمّى"
        colour = colours.css(s)
        marks += _field_marks(s.content, field, ("st", f"st-{n}", colour), f"{who} — {s.kind}", f"st-{n}")
        marks += _field_marks(s.cue, field, ("cue", f"st-{n}"), f"{who}: {s.cue.text}")
        if s.speaker.mention:
            marks += _field_marks(s.speaker.mention, field, ("who", colour), who)
    for e in analysis.entities:
        for m in e.mentions:
            marks += _field_marks(m, field, ("ent", f"ent-{css_name(e.type)}"), f"{e.canonical} ({e.type})")
    for d in analysis.dates:
        marks += _field_marks(d.span, field, ("date",), d.value or "")
    for f in analysis.framing:
        marks += _field_marks(f.span, field, ("frame", f"frame-{css_name(f.marker)}"), f.term or f.marker)
    return marks


def valid(text: str, mark: Mark) -> bool:
    return 0 <= mark.start < mark.end <= len(text)


def render(text: str, marks: list[Mark]) -> Markup:
    """``text`` as escaped HTML with ``<span>`` elements for the marks that fit in it (others dropped)."""
    marks = [m for m in marks if valid(text, m)]
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    anchors: dict[int, list[str]] = {}
    for m in marks:
        if m.anchor:
            anchors.setdefault(m.start, []).append(m.anchor)
    out: list[str] = []
    for a, b in pairwise(bounds):
        for anchor in anchors.get(a, []):
            out.append(f'<span class="anchor" id="{escape(anchor)}"></span>')
        piece = escape(text[a:b])
        covering = [m for m in marks if m.start <= a and b <= m.end]
        if not covering:
            out.append(str(piece))
            continue
        classes = " ".join(dict.fromkeys(c for m in covering for c in m.classes))
        titles = " · ".join(dict.fromkeys(m.title for m in covering if m.title))
        out.append(f'<span class="{escape(classes)}" title="{escape(titles)}">{piece}</span>')
    return Markup("".join(out))
