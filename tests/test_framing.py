"""Framing markers: loaded terms, scare quotes, honorifics — spans into the original title and text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.models import Article, Entity, FramingMarker, Span, ZoneSpan
from marsad.nlp.document import Doc
from marsad.nlp.framing import entry, find_framing, find_terms
from marsad.nlp.framing_lexicon import UNMARKED


def doc_of(text: str, title: str | None = None, zones: tuple[ZoneSpan, ...] = ()) -> Doc:
    return Doc(Article(id="t", text=text, title=title, zones=zones))


def markers(text: str, title: str | None = None) -> list[FramingMarker]:
    return list(find_framing(doc_of(text, title)))


def of_kind(ms: list[FramingMarker], kind: str) -> list[tuple[str, str | None]]:
    return [(m.span.text, m.term) for m in ms if m.marker == kind]


# --- loaded terms ----------------------------------------------------------------------------------------------


def test_loaded_term_matches_after_a_preposition_clitic() -> None:
    assert of_kind(markers("وجه تحذيرا لكيان الاحتلال من التصعيد"), "loaded-term") == [
        ("كيان الاحتلال", "كيان الاحتلال")
    ]


def test_loaded_term_matches_despite_hamza_and_tashkeel() -> None:
    text = "قال إنّ العدوَّ الصهيونيّ يتراجع"
    found = of_kind(markers(text), "loaded-term")
    assert found == [("العدوَّ الصهيونيّ", "العدو الصهيوني")]


def test_longest_term_wins_over_its_parts() -> None:
    found = of_kind(markers("انسحب جيش الاحتلال الإسرائيلي من البلدة"), "loaded-term")
    assert found == [("جيش الاحتلال الإسرائيلي", "جيش الاحتلال")]


def test_phrase_written_indefinite_matches_its_definite_form() -> None:
    terms = [(t.span.text, t.entry.term) for t in find_terms(doc_of("هاجمت الجماعات المسلحة القرية"))]
    assert terms == [("الجماعات المسلحة", "جماعات مسلحة")]


def test_one_word_term_matches_with_a_pronoun_suffix() -> None:
    found = of_kind(markers("أعلنت العائلة استشهاده صباحا"), "loaded-term")
    assert found == [("استشهاده", "استشهد")]


def test_term_does_not_match_inside_another_word() -> None:
    assert [t.entry.term for t in find_terms(doc_of("شارك الاستشهادي في الحرس الثوري"))] == ["الحرس الثوري"]


def test_conjunction_and_article_span_keeps_the_article() -> None:
    found = of_kind(markers("أشاد بالمقاومة في الجنوب"), "loaded-term")
    assert found == [("المقاومة", "مقاومة")]


def test_neutral_term_is_counted_but_not_a_marker() -> None:
    d = doc_of("قصف الجيش الإسرائيلي موقعا")
    assert of_kind(list(find_framing(d)), "loaded-term") == []
    assert [t.entry.term for t in find_terms(d)] == ["قصف", "الجيش الإسرائيلي"]
    assert all(t.entry.category in UNMARKED for t in find_terms(d))


def test_homonym_phrase_hides_the_word_inside_it() -> None:
    assert find_terms(doc_of("استقال رئيس التحرير أمس")) == ()


def test_terms_from_every_side_name_the_same_concept() -> None:
    d = doc_of("قتل ثلاثة مسلحين. وفي بلدة أخرى استشهد ثلاثة مقاومين على يد الإرهابيين")
    concepts = {t.entry.term: t.entry.concept for t in find_terms(d)}
    assert concepts["قتل"] == concepts["استشهد"] == "deaths of people"
    assert concepts["مسلحون"] == concepts["إرهابيون"] == "armed groups"


# --- scare quotes ----------------------------------------------------------------------------------------------


def test_quoted_name_after_complementiser_with_clause_going_on_is_scare_quotes() -> None:
    assert of_kind(markers('قال المتحدث إن "إسرائيل" تخشى الرد'), "scare-quotes") == [('"إسرائيل"', "إسرائيل")]


def test_guillemets_around_the_start_of_a_name_are_scare_quotes() -> None:
    assert of_kind(markers("سيطر مقاتلو «الدولة» على الحي"), "scare-quotes") == [("«الدولة»", "الدولة")]


def test_quoted_political_adjective_from_the_cue_list_is_scare_quotes() -> None:
    assert of_kind(markers('ندد البيان بالجيش "الإسرائيلي" وحلفائه'), "scare-quotes") == [
        ('"الإسرائيلي"', "الإسرائيلي")
    ]


def test_curly_quotes_with_a_clitic_before_them() -> None:
    assert of_kind(markers("تصدى الجيش لـ“داعش” في الصحراء"), "scare-quotes") == [("“داعش”", "داعش")]


def test_quoted_title_after_battle_or_film_is_not_scare_quotes() -> None:
    assert of_kind(markers('أطلقت الفصائل معركة "الاحتلال" أمس'), "scare-quotes") == []
    assert of_kind(markers('عرض فيلم "المقاومة" في المهرجان'), "scare-quotes") == []
    assert of_kind(markers("صدر كتاب «الاحتلال» هذا العام"), "scare-quotes") == []


def test_quoted_outlet_after_an_interview_noun_and_detached_clitic_is_not_scare_quotes() -> None:
    assert of_kind(markers('قال في تصريح لـ"الدولة" إن الوضع هادئ'), "scare-quotes") == []
    assert of_kind(markers('قدم الدعم لـ"الدولة" في المدينة'), "scare-quotes") == [('"الدولة"', "الدولة")]


def test_short_quotation_closing_the_clause_is_not_scare_quotes() -> None:
    assert of_kind(markers('وصف الوزير الهجوم بأنه "إرهابي".'), "scare-quotes") == []


def test_quote_right_after_a_reporting_verb_is_a_quotation() -> None:
    assert of_kind(markers('أكد "السيطرة" على المدينة'), "scare-quotes") == []


def test_quoted_words_that_are_not_a_name_or_term_are_not_scare_quotes() -> None:
    assert of_kind(markers('تحدث عن "الطقس الجميل" في المدينة'), "scare-quotes") == []


def test_long_quotation_is_not_scare_quotes() -> None:
    assert of_kind(markers('ردد الحشد "إسرائيل إلى زوال قريب جدا" في الساحة'), "scare-quotes") == []


def test_nested_straight_quotes_pair_around_the_name() -> None:
    found = of_kind(markers('قال: "نرى أن "إسرائيل" تتراجع الآن"'), "scare-quotes")
    assert found == [('"إسرائيل"', "إسرائيل")]


def test_scare_quotes_in_the_title_point_into_the_title() -> None:
    title = 'الوزير: "إسرائيل" تتراجع'
    (m,) = [m for m in markers("نص قصير.", title) if m.marker == "scare-quotes"]
    assert m.span.zone == "title"
    assert title[m.span.start : m.span.end] == m.span.text == '"إسرائيل"'


# --- honorifics ------------------------------------------------------------------------------------------------


def test_honorific_before_a_name_is_marked_with_its_table_term() -> None:
    found = of_kind(markers("التقى الوفد سماحة السيد علي الأمين"), "honorific")
    assert found == [("سماحة السيد", "سماحة السيد")]


def test_honorific_with_a_clitic_is_marked_without_it() -> None:
    assert of_kind(markers("وجه التحية للشيخ سالم"), "honorific") == [("شيخ", "الشيخ")]


def test_honorific_before_a_function_word_is_not_marked() -> None:
    assert of_kind(markers("تحدث الشيخ في المسجد"), "honorific") == []


def test_honorific_as_a_surname_before_a_clitic_word_is_not_marked() -> None:
    assert of_kind(markers("اختفت الطفلة هند محمد السيد والبالغة خمس سنوات"), "honorific") == []


def test_honorific_inside_a_place_name_is_not_marked() -> None:
    assert of_kind(markers("اعتصم السكان في حي الشيخ جراح"), "honorific") == []


def test_ambiguous_honorific_needs_a_person_from_the_entities_layer() -> None:
    text = "زار الوفد دولة قطر ثم التقى القائد سليم"
    assert of_kind(markers(text), "honorific") == []
    d = doc_of(text)
    start = text.index("سليم")
    d.found["entities"] = (Entity("e1", "PER", "سليم", (), (Span(start, start + 4, "سليم"),)),)
    assert of_kind(list(find_framing(d)), "honorific") == [("القائد", "القائد")]


def test_martyr_honorific_is_one_marker_not_also_a_loaded_term() -> None:
    ms = markers("أحيا الحزب ذكرى الشهيد سمير")
    assert [(m.marker, m.span.text) for m in ms] == [("honorific", "الشهيد")]


def test_honorific_in_a_football_nickname_is_not_marked() -> None:
    assert of_kind(markers("فازت السيدة العجوز بالمباراة"), "honorific") == []


# --- zones and spans -------------------------------------------------------------------------------------------


def test_related_links_zone_is_skipped() -> None:
    text = "خبر عن كيان الاحتلال.\nاقرأ أيضا: كيان الاحتلال يهدد"
    cut = text.index("\n") + 1
    d = doc_of(text, zones=(ZoneSpan("body", 0, cut - 1), ZoneSpan("related", cut, len(text))))
    ms = list(find_framing(d))
    assert [(m.span.zone, m.span.start) for m in ms] == [("body", text.index("كيان"))]


PIECES = [
    "كيان الاحتلال",
    "لكيان الاحتلال",
    "والمقاومة",
    "للمقاومة",
    "استشهاده",
    "الجماعات المسلحة",
    '"إسرائيل"',
    "«الدولة»",
    "“داعش”",
    'لـ"حزب الله"',
    "سماحة السيد",
    "الشيخ",
    "للشيخ",
    "محمد",
    "قال",
    "إنّ",
    "مُسلَّحين",
    "ـ",
    "\u00a0",
    "\n",
    ".",
    "،",
    '"',
    "«",
    "ﻹ",
    "#الجيش_الإسرائيلي",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=25),
    st.lists(st.sampled_from(PIECES), max_size=6),
)
def test_every_span_is_the_text_it_points_to(body: list[str], head: list[str]) -> None:
    text = " ".join(body)
    title = " ".join(head)
    d = doc_of(text, title)
    for m in find_framing(d):
        field = title if m.span.zone == "title" else text
        assert 0 <= m.span.start < m.span.end <= len(field)
        assert field[m.span.start : m.span.end] == m.span.text
    for t in find_terms(d):
        field = title if t.span.zone == "title" else text
        assert field[t.span.start : t.span.end] == t.span.text
        assert entry(t.entry.term) is t.entry
