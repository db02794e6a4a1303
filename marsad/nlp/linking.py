"""Speakers linked to the article's entities: ``Speaker.entity`` and the fullest ``canonical``."""

from __future__ import annotations

from dataclasses import replace

from marsad.models import Entity, Speaker, Statement
from marsad.nlp.honorifics import strip_honorifics
from marsad.text import fold_key


def _key(name: str) -> str:
    return fold_key(strip_honorifics(name)).replace(" ", "")


def entity_index(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    """Every folded naming of every PER/ORG-like entity → the entity (the first one wins)."""
    index: dict[str, Entity] = {}
    for e in entities:
        for name in (e.canonical, *e.aliases):
            index.setdefault(_key(name), e)
    return index


def link_speaker(speaker: Speaker, index: dict[str, Entity]) -> Speaker:
    if speaker.type == "ANON" or not index:
        return speaker
    for name in (speaker.canonical, speaker.name, speaker.mention.text if speaker.mention else None):
        if not name:
            continue
        entity = index.get(_key(name))
        if entity is None:
            continue
        canonical = speaker.canonical
        if not canonical or len(_key(entity.canonical)) > len(_key(canonical)):
            canonical = entity.canonical
        return replace(speaker, entity=entity.id, canonical=canonical)
    return speaker


def link_speakers(statements: tuple[Statement, ...], entities: tuple[Entity, ...]) -> tuple[Statement, ...]:
    """The statements with each speaker linked to its entity where the article names it."""
    index = entity_index(entities)
    if not index:
        return statements
    return tuple(replace(s, speaker=link_speaker(s.speaker, index)) for s in statements)
