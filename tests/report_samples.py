"""Small analyses built by hand from our own short Arabic sentences, for the report tests."""

from __future__ import annotations

from marsad.models import Analysis, Article, Entity, EntityType, FramingMarker, Speaker, Statement, StatementKind
from marsad.nlp.document import Doc
from marsad.nlp.framing import find_framing


def article(
    aid: str, outlet: str | None, text: str, published: str | None = "2018-03-01", title: str | None = None
) -> Article:
    return Article(id=aid, text=text, title=title, outlet=outlet, published=published)


def entity(a: Article, eid: str, canonical: str, *surfaces: str, type: EntityType = "PER") -> Entity:
    """An entity with a mention at every occurrence of each surface form in the text."""
    mentions = []
    for surface in surfaces or (canonical,):
        i = a.text.find(surface)
        while i >= 0:
            mentions.append(a.span(i, i + len(surface)))
            i = a.text.find(surface, i + 1)
    return Entity(eid, type, canonical, (), tuple(sorted(mentions, key=lambda m: m.start)))


def statement(
    a: Article,
    content: str,
    speaker: str | None,
    cue: str = "قال",
    kind: StatementKind = "indirect",
    entity: str | None = None,
) -> Statement:
    """A statement whose content is the first occurrence of ``content`` (and cue the first of ``cue``)."""
    c = a.text.index(content)
    k = a.text.index(cue)
    who = Speaker(speaker, "PER" if speaker else "ANON", speaker, entity)
    return Statement(who, a.span(k, k + len(cue)), a.span(c, c + len(content)), kind)


def analysis(
    a: Article,
    entities: tuple[Entity, ...] = (),
    statements: tuple[Statement, ...] = (),
    framing: tuple[FramingMarker, ...] | None = None,
) -> Analysis:
    """The analysis, with the framing markers the framing analyser finds unless given."""
    if framing is None:
        doc = Doc(a)
        doc.found["entities"] = entities
        framing = find_framing(doc)
    return Analysis(a, entities, statements, (), framing)
