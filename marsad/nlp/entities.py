"""Named entities with canonical names and aliases (issue: "Entities and names").  Not built yet."""

from __future__ import annotations

from marsad.models import Entity
from marsad.nlp.document import Doc


def find_entities(doc: Doc) -> tuple[Entity, ...]:
    return ()
