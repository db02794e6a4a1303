"""Whose words a span is (own voice / quoted) and which name an honorific stands before."""

from __future__ import annotations

from report_samples import analysis, article, entity, statement

from marsad.models import FramingMarker, Span
from marsad.report.voice import Quoted, honoured_entities


def _marker(a_text: str, word: str, kind: str = "honorific", zone: str = "body") -> FramingMarker:
    i = a_text.index(word)
    return FramingMarker(Span(i, i + len(word), word, zone), kind, word)  # type: ignore[arg-type]


def test_span_inside_statement_content_is_quoted_and_outside_is_own_voice() -> None:
    a = article("v1", "X", "هاجمت ميليشيا الحوثي مأرب. وقال الوزير إن الحوثيين خرقوا الهدنة.")
    q = Quoted.of(analysis(a, statements=(statement(a, "الحوثيين خرقوا الهدنة", "الوزير"),)))
    inside = a.text.index("الحوثيين")
    outside = a.text.index("ميليشيا")
    assert q.voice(a.span(inside, inside + 8)) == "quoted"
    assert q.voice(a.span(outside, outside + 7)) == "own"


def test_title_span_is_not_compared_with_content_spans_of_the_text() -> None:
    a = article("v2", "X", "الهدنة انهارت، قال الوزير.", title="الهدنة انهارت")
    q = Quoted.of(analysis(a, statements=(statement(a, "الهدنة انهارت", "الوزير"),)))
    in_text = a.span(0, 6)
    in_title = a.span(0, 6, "title")
    assert in_text.text == in_title.text == "الهدنة"
    assert q.voice(in_text) == "quoted"
    assert q.voice(in_title) == "own"


def test_honorific_is_given_to_the_person_named_after_it() -> None:
    a = article("v3", "X", "استقبل السيد حسن نصر الله الوفد.")
    person = entity(a, "e1", "حسن نصر الله")
    found = honoured_entities(analysis(a, entities=(person,), framing=(_marker(a.text, "السيد"),)))
    assert [(h.marker.term, h.entity.canonical if h.entity else None) for h in found] == [("السيد", "حسن نصر الله")]


def test_chained_honorifics_honour_one_name_once() -> None:
    a = article("v4", "X", "زار سماحة آية الله علي السيستاني المدينة.")
    person = entity(a, "e1", "علي السيستاني")
    markers = (_marker(a.text, "سماحة"), _marker(a.text, "آية الله"))
    found = honoured_entities(analysis(a, entities=(person,), framing=markers))
    assert {h.entity.canonical for h in found if h.entity} == {"علي السيستاني"}
    assert len({h.anchor for h in found}) == 1


def test_title_word_inside_a_name_is_not_an_honorific_of_it() -> None:
    a = article("v5", "X", "غنى الفنان قيس الشيخ نجيب في الحفل.")
    person = entity(a, "e1", "قيس الشيخ نجيب")
    found = honoured_entities(analysis(a, entities=(person,), framing=(_marker(a.text, "الشيخ"),)))
    assert [h.entity for h in found] == [None]


def test_honorific_before_no_known_name_is_left_unattributed() -> None:
    a = article("v6", "X", "وصل الشيخ إلى القاعة.")
    found = honoured_entities(analysis(a, framing=(_marker(a.text, "الشيخ"),)))
    assert [h.entity for h in found] == [None]
