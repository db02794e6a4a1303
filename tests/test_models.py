"""The data model: JSON made in one place, in the contract's shape, and read back."""

from __future__ import annotations

from marsad.models import (
    Analysis,
    Article,
    DateMention,
    Entity,
    FramingMarker,
    RelatedLink,
    Speaker,
    Statement,
    ZoneSpan,
    analysis_from_dict,
)

TEXT = "قال الوزير أحمد سالم إن الحوار مستمر."


def _analysis() -> Analysis:
    art = Article(
        id="a1",
        text=TEXT,
        title="سالم: الحوار مستمر",
        zones=(ZoneSpan("lede", 0, len(TEXT)),),
        related=(RelatedLink("خبر آخر", None),),
    )
    mention = art.span(11, 20)
    ent = Entity("e1", "PER", "أحمد سالم", ("أحمد سالم",), (mention,))
    st = Statement(
        Speaker("أحمد سالم", "PER", "أحمد سالم", "e1", "الوزير", mention), art.span(0, 3), art.span(24, 36), "indirect"
    )
    date = DateMention(art.span(0, 3), None, "gregorian", True)
    frame = FramingMarker(art.span(0, 5, "title"), "loaded-term", "سالم")
    return Analysis(art, (ent,), (st,), (date,), (frame,))


def test_document_has_exactly_the_contract_keys() -> None:
    d = _analysis().to_dict()
    assert list(d) == [
        "id",
        "url",
        "outlet",
        "published",
        "title",
        "text",
        "language",
        "zones",
        "related",
        "entities",
        "statements",
        "dates",
        "framing",
    ]
    assert list(d["statements"][0]) == ["speaker", "cue", "content", "kind"]
    assert list(d["statements"][0]["speaker"]) == ["name", "canonical", "entity", "type", "role", "mention"]
    assert set(d["dates"][0]) == {"text", "start", "end", "zone", "value", "calendar", "relative"}
    assert set(d["framing"][0]) == {"text", "start", "end", "zone", "marker", "term"}


def test_spans_index_the_field_their_zone_names() -> None:
    a = _analysis()
    assert a.statements[0].content.text == "الحوار مستمر"
    assert a.statements[0].content.zone == "lede"
    assert a.framing[0].span.zone == "title"
    assert a.framing[0].span.text == (a.article.title or "")[0:5]


def test_document_round_trips() -> None:
    a = _analysis()
    assert analysis_from_dict(a.to_dict()) == a
