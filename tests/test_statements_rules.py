"""Statement rules added for dev-set error classes, each on an own short sentence."""

from __future__ import annotations

from marsad.models import Article, Statement
from marsad.nlp.document import Doc
from marsad.nlp.statements import find_statements


def statements(text: str, title: str | None = None) -> tuple[Statement, ...]:
    found = find_statements(Doc(Article("t", text, title)))
    for st in found:
        assert text[st.content.start : st.content.end] == st.content.text
    return found


def test_verb_after_fronted_phrase_reports_when_subject_and_complementiser_follow() -> None:
    (st,) = statements("من جهته أكد سمير الخطيب أن المشروع سيكتمل في الربيع.")
    assert st.speaker.name == "سمير الخطيب"
    assert st.content.text == "المشروع سيكتمل في الربيع"


def test_verb_after_fronted_phrase_reports_across_a_wahuwa_apposition() -> None:
    text = "وفي رد على المنتقدين قال سمير الخطيب، وهو رئيس النقابة، إن الإضراب سيستمر."
    (st,) = statements(text)
    assert st.speaker.name == "سمير الخطيب"
    assert st.content.text == "الإضراب سيستمر"


def test_verb_after_fronted_phrase_without_complementiser_does_not_report() -> None:
    assert statements("وبعد الاجتماع الطويل أكد سمير الخطيب استمرار الحوار.") == ()


def test_verb_after_fronted_phrase_with_an_unknown_word_after_it_does_not_report() -> None:
    assert statements("وفي ختام الزيارة قال علنا إن الموقف ثابت.") == ()


def test_preverbal_subject_starts_after_comma_and_lakin() -> None:
    text = "ولم يكشف المدير تفاصيل الخطة، لكن صحيفة محلية نقلت عن مصادر في الوزارة أنها ستبدأ قريبا."
    found = statements(text)
    assert [s.content.text for s in found] == ["ستبدأ قريبا"]
    assert found[0].speaker.name == "مصادر في الوزارة"


def test_noun_phrase_content_ends_before_a_time_adverbial_after_a_comma() -> None:
    (st,) = statements("طالب النائب كريم سالم، الحكومة بالاستقالة، صباح الأحد، على خلفية الأزمة.")
    assert st.content.text.endswith("بالاستقالة")
    assert "صباح" not in st.content.text


def test_verbal_noun_with_subject_and_its_preposition_reports_a_noun_phrase() -> None:
    found = statements("وجاء ذلك بعد إعلان الحكومة عن خطة لرفع الأجور في القطاع العام.")
    assert [(s.cue.text, s.content.text) for s in found] == [("إعلان", "خطة لرفع الأجور في القطاع العام")]
    assert found[0].speaker.name == "الحكومة"


def test_verbal_noun_with_a_pronoun_noun_is_not_a_speaker() -> None:
    assert statements("وجاء ذلك بعد إعلان مسؤوليته عن الهجوم على المعسكر.") == ()


def test_short_quotation_after_a_naming_noun_is_not_reported_content() -> None:
    found = statements('وأطلق ناشط يدعى سليم على الحملة اسم "ربيع الماء" خلال البث.')
    assert all("ربيع الماء" not in s.content.text for s in found)


def test_clause_verb_with_its_preposition_takes_the_phrase_around_a_short_quote() -> None:
    (st,) = statements('وكان عدد من السكان قد أبلغوا عن انقطاع المياه عندما تكون المضخات "معطلة".')
    assert st.content.text.startswith("انقطاع المياه")


def test_verbal_noun_inside_mixed_content_is_not_a_second_statement() -> None:
    found = statements('واتهم النائب سامي فرح الوزير، بالإدلاء بتصريحات "متهورة وخاطئة" أمام الصحفيين.')
    assert [s.cue.text for s in found] == ["اتهم"]


def test_biqawlihi_inside_content_speaks_for_the_subject_that_content_opens_with() -> None:
    text = (
        'قالت المتحدثة ليلى حداد إن الوزير سامي فرح "كان حازما" في خطابه الأخير، '
        '"بقوله إن على الشركات أن تدفع الضرائب كاملة".'
    )
    found = statements(text)
    nested = [s for s in found if s.cue.text.endswith("قوله")]
    assert len(nested) == 1
    assert nested[0].speaker.name == "سامي فرح"
    assert [s.speaker.name.endswith("حداد") for s in found if s is not nested[0]] == [True]


def test_short_quoted_name_with_apposition_after_verb_is_the_speaker() -> None:
    (st,) = statements('أعلن "مجلس الشورى"، الهيئة العليا للحزب، استعداده الأحد للحوار مع الحكومة.')
    assert st.speaker.name == "مجلس الشورى"
    assert st.speaker.type == "ORG"
    assert st.content.text.startswith("استعداده")


def test_whole_quotation_after_participle_is_not_continued_by_narration() -> None:
    text = 'ورحبت الهيئة في بيان بالقرار مؤكدة "الالتزام بالحوار دون أي شروط مسبقة" ونظرت بإيجابية إلى المبادرة.'
    found = statements(text)
    quoted = [s for s in found if s.cue.text == "مؤكدة"]
    assert [s.content.text for s in quoted] == ['"الالتزام بالحوار دون أي شروط مسبقة"']


def test_preposition_of_the_cue_is_not_read_as_the_name_ali() -> None:
    (st,) = statements("وفي اللقاء، أكد الملك الأردني على أهمية الحوار بين الأطراف.")
    assert st.speaker.name == "الملك الأردني"
    assert st.content.text == "أهمية الحوار بين الأطراف"


def test_cue_preposition_ali_keeps_a_real_name_before_a_complementiser() -> None:
    (st,) = statements("وأكد الوزير علي حسن أن الخطة جاهزة.")
    assert st.speaker.name == "علي حسن"


def test_participle_after_fronted_phrase_takes_the_main_verb_subject() -> None:
    text = "وأمام لجنة البرلمان في العاصمة، دافع وزير المالية سامر العلي، عن الموازنة، مؤكدا أن العجز سينخفض."
    found = statements(text)
    assert [(s.speaker.name, s.content.text) for s in found] == [("سامر العلي", "العجز سينخفض")]


def test_name_set_off_after_a_role_noun_is_the_subject_of_the_next_verb() -> None:
    (st,) = statements("نشرت الحركة تسجيلا مصورا لقائدها، سالم الدباغ، يحث فيه أنصاره على التظاهر.")
    assert st.speaker.name == "سالم الدباغ"
    assert st.content.text == "أنصاره على التظاهر"


def test_quotation_before_bihadhihi_alkalimat_is_what_the_subject_after_the_verb_said() -> None:
    (st,) = statements('"لقد انتهى الأمر".. بهذه الكلمات علق المدرب سامي فرح على خسارة فريقه.')
    assert st.speaker.name == "سامي فرح"
    assert st.content.text == '"لقد انتهى الأمر"'
    assert st.kind == "direct"


def test_name_in_apposition_after_a_construct_role_with_a_name_is_the_speaker() -> None:
    (st,) = statements("وقال وكيل اللاعب المصري سامي فرح، كريم عادل، إن العقد سيجدد.")
    assert st.speaker.name == "كريم عادل"
    assert st.content.text == "العقد سيجدد"


def test_description_in_apposition_after_a_name_is_not_the_speaker() -> None:
    (st,) = statements("وأبدى الأرجنتيني سامي فرح، مدافع النادي، خوفه من الإصابة.")
    assert st.speaker.name == "سامي فرح"
