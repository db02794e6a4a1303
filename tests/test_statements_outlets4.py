"""Statement errors from a fourth sample of outlets outside the dev gold, one class per test (own
sentences): outlet names in quotation marks after a media noun or a reporter, source phrases that
only relay a reporting clause, adverbials and words before the subject's verb, لفت with أن, the first
name آن, ل kept on a source's name, and headline sources with a verb that is not a cue, profiles
and questions under a country label."""

from __future__ import annotations

from marsad.models import Article, Statement
from marsad.nlp.document import Doc
from marsad.nlp.statements import find_statements


def statements(text: str, title: str = "") -> tuple[Statement, ...]:
    found = find_statements(Doc(Article("t", text, title=title)))
    for s in found:
        for span in (s.cue, s.content, s.speaker.mention):
            if span is not None:
                field = title if span.zone == "title" else text
                assert field[span.start : span.end] == span.text
    return found


def pairs(text: str) -> list[tuple[str | None, str]]:
    return [(s.speaker.name, s.content.text) for s in statements(text)]


def headline(title: str) -> list[tuple[str | None, str]]:
    return [(s.speaker.name, s.content.text) for s in statements("", title=title) if s.kind == "headline"]


# an outlet's name in quotation marks


def test_quoted_outlet_after_a_media_noun_is_not_the_quotation() -> None:
    found = pairs('وقال المدير لقناة "سي بي إس نيوز" الأمريكية إن "الشركة ستعتذر للزبائن".')
    assert found == [("المدير", '"الشركة ستعتذر للزبائن"')]


def test_quoted_outlet_after_a_reporter_belongs_to_the_source_phrase() -> None:
    found = pairs('وبحسب مراسل "قناة المستقبل"، وصلت القافلة إلى المدينة صباحا.')
    assert [content for _, content in found] == ["وصلت القافلة إلى المدينة صباحا"]


def test_quoted_newspaper_after_according_to_names_the_source() -> None:
    found = pairs('ووفقا لصحيفة "الأيام" المحلية، ارتفعت أسعار الخبز بنسبة كبيرة هذا الشهر.')
    assert found == [("صحيفة الأيام المحلية", "ارتفعت أسعار الخبز بنسبة كبيرة هذا الشهر")]


# a source phrase before a reporting clause


def test_source_phrase_before_its_own_reporting_verb_gives_no_second_statement() -> None:
    found = pairs("وحسب وكالة الأنباء، قال القاضي إن المتهم سيبقى في السجن.")
    assert found == [("القاضي", "المتهم سيبقى في السجن")]


def test_source_phrase_before_a_plain_clause_still_reports() -> None:
    found = pairs("وحسب وكالة الأنباء، سيبقى المتهم في السجن حتى المحاكمة.")
    assert found == [("وكالة الأنباء", "سيبقى المتهم في السجن حتى المحاكمة")]


def test_source_after_according_to_is_named_without_its_lam() -> None:
    found = statements("ووفقا للمجلس المحلي، فإن المدارس ستغلق غدا.")
    assert [s.speaker.name for s in found] == ["المجلس المحلي"]
    assert found[0].speaker.mention is not None and found[0].speaker.mention.text == "للمجلس المحلي"


# words between the subject and its verb or content


def test_long_ago_particle_before_the_verb_is_not_in_the_name() -> None:
    found = pairs("لكن الحزب المعارض لطالما رفض اتهامات الحكومة له بالفساد.")
    assert [speaker for speaker, _ in found] == ["الحزب المعارض"]


def test_after_meeting_adverbial_is_not_the_content() -> None:
    found = pairs("أعلن رئيس الوزراء عقب لقائه وفد المعارضة أن الحوار سيستأنف الأسبوع المقبل.")
    assert found == [("رئيس الوزراء", "الحوار سيستأنف الأسبوع المقبل")]


def test_lafat_with_an_and_no_preposition_reports() -> None:
    assert pairs("ولفتت المتحدثة أن الوفد سيصل مساء الخميس.") == [("المتحدثة", "الوفد سيصل مساء الخميس")]


def test_lafat_intibah_is_not_a_statement() -> None:
    assert pairs("ولفت انتباهه أن الباب كان مفتوحا.") == []


# the first name آن


def test_first_name_an_after_a_title_is_part_of_the_name() -> None:
    found = pairs("وقالت الأخت آن لوران إن الدير سيفتح أبوابه للزوار.")
    assert found == [("آن لوران", "الدير سيفتح أبوابه للزوار")]


def test_an_before_a_verb_or_inshallah_stays_a_complementiser() -> None:
    assert pairs("وقال الرئيس إن سامي أكد أن الموعد ثابت.")[0][0] == "الرئيس"
    assert pairs("وقال الوزير إن البلاد إن شاء الله ستتجاوز الأزمة.")[0][0] == "الوزير"
    assert pairs("وأوضحت المصادر أن المفاوضين اشترطوا أن يتوقف القصف.")[0] == (
        "المصادر",
        "المفاوضين اشترطوا أن يتوقف القصف",
    )


# headlines


def test_headline_source_with_a_verb_that_is_not_a_cue() -> None:
    assert headline("المدرب يعتذر: لم أقصد إهانة الجماهير") == [("المدرب", "لم أقصد إهانة الجماهير")]


def test_headline_source_with_a_name_like_a_verb_is_kept_whole() -> None:
    assert headline("تيسير تامر: الفريق سيعود أقوى") == [("تيسير تامر", "الفريق سيعود أقوى")]


def test_headline_profile_of_a_person_is_not_a_statement() -> None:
    assert headline("سالم: المرشح الذي يتحدى الحكومة من المنفى") == []


def test_headline_question_under_a_country_is_not_a_statement() -> None:
    assert headline("لبنان: ما أسباب أزمة الكهرباء المستمرة؟") == []
    assert headline("لبنان: لن نقبل بأي تسوية على حساب السيادة") != []


def test_reporter_of_a_quoted_outlet_is_named_with_it() -> None:
    found = pairs('وقال مراسل "قناة الشرق" إن القصف استمر طوال الليل.')
    assert found == [("مراسل قناة الشرق", "القصف استمر طوال الليل")]


# words after the speaker that are not its name


def test_one_of_after_a_name_opens_a_description() -> None:
    found = pairs("وقال حسن كامل أحد سكان الحي إن المياه مقطوعة منذ أيام.")
    assert found == [("حسن كامل", "المياه مقطوعة منذ أيام")]


def test_verbal_noun_with_ba_after_a_role_is_the_object() -> None:
    assert pairs("وطالب المحافظ بإجراء تحقيق عاجل في الحريق.") == [("المحافظ", "إجراء تحقيق عاجل في الحريق")]


def test_student_is_a_speaker_not_the_verb_demanded() -> None:
    assert pairs("وقال طالب إن القاعات مزدحمة.") == [("طالب", "القاعات مزدحمة")]
    assert pairs("وقالت طالبة إن القاعات مزدحمة.") == [("طالبة", "القاعات مزدحمة")]


def test_any_after_a_verb_is_its_object_not_its_subject() -> None:
    found = pairs("وقال المحامي إن موكله بريء. وينفي أي صلة له بالقضية.")
    assert [speaker for speaker, _ in found] == ["المحامي", "المحامي"]


def test_document_with_an_adjective_speaks_after_the_verb() -> None:
    found = pairs("وأوضح بيان مشترك أن الجانبين اتفقا على استئناف المحادثات.")
    assert found == [("بيان مشترك", "الجانبين اتفقا على استئناف المحادثات")]


# words that look like cues


def test_passive_tudaa_names_rather_than_claims() -> None:
    assert pairs('وأسس الفنان فرقة موسيقية تدعى "النجوم" في العاصمة.') == []


def test_expected_after_haythu_is_impersonal() -> None:
    assert pairs("ويلعب الفريق مباراته المقبلة السبت، حيث يتوقع أن يعود قائده إلى التشكيلة.") == []


def test_adverbial_between_a_source_phrase_and_fa_inna_is_left_out() -> None:
    found = pairs("وبحسب تقرير للوزارة، في الشهر الماضي، فإن الصادرات تراجعت.")
    assert [content for _, content in found] == ["الصادرات تراجعت"]


def test_relative_clause_after_a_longer_subject_of_the_content_is_kept() -> None:
    found = pairs("وقال المدير إن موظف الاستقبال في الفندق الكبير، الذي تأخر عن عمله، فُصل من الشركة.")
    assert found == [("المدير", "موظف الاستقبال في الفندق الكبير، الذي تأخر عن عمله، فُصل من الشركة")]
