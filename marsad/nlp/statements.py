"""Attributed statements (issue: "Who said what").  Not built yet: finds nothing."""

from __future__ import annotations

from marsad.models import Statement
from marsad.nlp.document import Doc


def find_statements(doc: Doc) -> tuple[Statement, ...]:
    return ()
