"""Speakers are linked to the article's entities, honorifics and spelling aside."""

from __future__ import annotations

from marsad.models import Article, Entity, Speaker, Statement
from marsad.nlp.linking import link_speakers

TEXT = "وأكد السيد نصرالله أن المعركة مستمرة."


def test_speaker_named_with_honorific_and_fused_spelling_links_to_the_fullest_name() -> None:
    art = Article(id="x", text=TEXT)
    ent = Entity("e3", "PER", "حسن نصر الله", ("حسن نصر الله", "نصرالله"), ())
    st = Statement(
        Speaker("السيد نصرالله", "PER", "نصرالله", None, None, art.span(5, 18)),
        art.span(1, 4),
        art.span(22, 36),
        "indirect",
    )
    (linked,) = link_speakers((st,), (ent,))
    assert linked.speaker.entity == "e3"
    assert linked.speaker.canonical == "حسن نصر الله"


def test_anonymous_speakers_stay_unlinked() -> None:
    art = Article(id="x", text=TEXT)
    ent = Entity("e1", "PER", "مصدر", ("مصدر",), ())
    st = Statement(Speaker("مصدر", "ANON"), art.span(1, 4), art.span(22, 36), "indirect")
    assert link_speakers((st,), (ent,))[0].speaker.entity is None
