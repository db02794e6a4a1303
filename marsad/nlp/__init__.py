"""Analysis: Article → Analysis, a pipeline of plain functions over one :class:`Doc`.

Each analyser takes the ``Doc`` and returns a tuple of items for one list of the document;
what it returns is left in ``doc.found[name]`` for later analysers.  Order matters:
entities → statements → dates → framing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from marsad.models import Analysis, Article
from marsad.nlp.document import Doc
from marsad.nlp.linking import link_speakers

Analyser = Callable[[Doc], tuple[Any, ...]]


@lru_cache(maxsize=1)
def pipeline() -> tuple[tuple[str, Analyser], ...]:
    """The analysers, in order, each named after the list of the document it fills."""
    from marsad.nlp.dates import find_dates
    from marsad.nlp.entities import find_entities
    from marsad.nlp.framing import find_framing
    from marsad.nlp.statements import find_statements

    return (
        ("entities", find_entities),
        ("statements", find_statements),
        ("dates", find_dates),
        ("framing", find_framing),
    )


def analyse(article: Article) -> Analysis:
    """Everything marsad finds in one article."""
    doc = Doc(article)
    results: dict[str, tuple[Any, ...]] = {}
    for name, step in pipeline():
        results[name] = step(doc)
        doc.found[name] = results[name]
    results["statements"] = link_speakers(results.get("statements", ()), results.get("entities", ()))
    return Analysis(article, **results)


__all__ = ["Doc", "analyse", "pipeline"]
