"""Date expressions resolved to ISO (issue: "Dates, framing and stories").  Not built yet."""

from __future__ import annotations

from marsad.models import DateMention
from marsad.nlp.document import Doc


def find_dates(doc: Doc) -> tuple[DateMention, ...]:
    return ()
