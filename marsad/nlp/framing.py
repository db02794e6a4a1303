"""Framing markers (issue: "Dates, framing and stories").  Not built yet."""

from __future__ import annotations

from marsad.models import FramingMarker
from marsad.nlp.document import Doc


def find_framing(doc: Doc) -> tuple[FramingMarker, ...]:
    return ()
