"""Small hand-written articles naming one person, for the entity-alias tests (our own sentences)."""

from __future__ import annotations

from marsad.models import Analysis
from tests.store_samples import entity, make_article, statement


def person_says(name: str, said: str, outlet: str, day: str, etype: str = "PER") -> Analysis:
    """An article in which ``name`` (one entity) says ``said``."""
    a = make_article(
        f"قال {name} إن {said}.",
        f"تصريح جديد في {outlet}",
        outlet=outlet,
        published=day,
        record_id=f"{outlet}-{name}-{day}",
    )
    person = entity(a, "e1", etype, name, (), name)
    st = statement(a, name, "قال", said, canonical=name, entity="e1")
    return Analysis(a, entities=(person,), statements=(st,))
