"""Statement rules for constructions common outside the dev outlets (Tunisian radio, pan-Arab
channels), each on an own short sentence."""

from __future__ import annotations

from marsad.models import Article, Statement
from marsad.nlp import analyse
from marsad.nlp.document import Doc
from marsad.nlp.statements import find_statements


def statements(text: str) -> tuple[Statement, ...]:
    found = find_statements(Doc(Article("t", text, None)))
    for st in found:
        assert text[st.content.start : st.content.end] == st.content.text
    return found


def test_content_opens_at_complementiser_after_statement_to_an_outlet() -> None:
    (st,) = statements("وأوضح سامي الورتاني في تصريح لإذاعة محلية أن الطريق سيفتح الأسبوع المقبل.")
    assert st.speaker.name == "سامي الورتاني"
    assert st.content.text == "الطريق سيفتح الأسبوع المقبل"


def test_content_opens_at_complementiser_after_a_khilal_adverbial() -> None:
    (st,) = statements("وأكدت المديرة خلال استضافتها في برنامج إذاعي أنها ستعرض الخطة على النواب.")
    assert st.content.text == "ستعرض الخطة على النواب"


def test_content_opens_at_complementiser_after_a_full_date() -> None:
    (st,) = statements("أكد الناشط كمال الزغلامي اليوم الخميس 9 مارس 2017 أن الحوار متواصل بين الأطراف.")
    assert st.speaker.name == "كمال الزغلامي"
    assert st.content.text == "الحوار متواصل بين الأطراف"


def test_cue_preposition_before_complementiser_keeps_the_noun_phrase_content() -> None:
    (st,) = statements("وأكد الوزير في بيانه على ضرورة أن تحترم الأطراف الهدنة.")
    assert st.content.text.startswith("ضرورة")


def analysed(text: str) -> tuple[Statement, ...]:
    found = analyse(Article("t", text, None)).statements
    for st in found:
        assert text[st.content.start : st.content.end] == st.content.text
    return found


def test_place_subject_ends_before_an_indefinite_noun_phrase_content() -> None:
    (st,) = analysed("ونفت موسكو انتهاك الاتفاق التجاري مع جيرانها.")
    assert st.speaker is not None and st.speaker.name == "موسكو"
    assert st.content.text == "انتهاك الاتفاق التجاري مع جيرانها"


def test_place_subject_followed_by_waw_word_stays_a_list_of_states() -> None:
    (st,) = analysed("وطلبت فرنسا وبريطانيا وألمانيا دعم الاتحاد للعقوبات.")
    assert st.speaker is not None and st.speaker.mention is not None
    assert st.speaker.mention.text.startswith("فرنسا وبريطانيا")


def test_place_that_is_also_a_first_name_opens_a_personal_name() -> None:
    (st,) = analysed("وحذرت سارة ساندرز، المتحدثة باسم البيت الأبيض، إيران من مهاجمة السفارة.")
    assert st.speaker is not None and st.speaker.name == "سارة ساندرز"


def test_country_subject_ends_before_a_definite_noun_phrase_content() -> None:
    (st,) = analysed("ورفضت تركيا الاتهامات الموجهة إليها بشأن الحدود.")
    assert st.speaker is not None and st.speaker.name == "تركيا"
    assert st.content.text == "الاتهامات الموجهة إليها بشأن الحدود"


def test_predicate_participle_inside_reported_clause_is_not_a_new_cue() -> None:
    (st,) = statements("وأكد سامي الورتاني أن البلديات المعنية مطالبة بتنظيف الشوارع قبل الشتاء.")
    assert st.content.text == "البلديات المعنية مطالبة بتنظيف الشوارع قبل الشتاء"


def test_adverbial_participle_after_a_comma_still_opens_a_new_statement() -> None:
    found = statements("وأكد سامي الورتاني أن البلديات جاهزة، مطالبا بتنظيف الشوارع قبل الشتاء.")
    assert [s.cue.text for s in found] == ["أكد", "مطالبا"]


def test_complementiser_of_a_later_cue_does_not_end_an_adverbial_lead() -> None:
    found = statements("بعد أن أعلن الوزير سامي الورتاني الخميس إلغاء الزيارة، قال الجمعة إن موعدها قائم.")
    assert [s.content.text for s in found] == ["إلغاء الزيارة", "موعدها قائم"]
