"""Statement errors first seen on outlets outside the dev gold, one class per test (own sentences):
speaker runs that swallow the verb's object, outlets after a name, time adverbs, relayed sources,
documents as sources, datelines, bodies named in quotation marks."""

from __future__ import annotations

from marsad.models import Article, Statement
from marsad.nlp.document import Doc
from marsad.nlp.statements import find_statements


def statements(text: str, title: str | None = None) -> tuple[Statement, ...]:
    found = find_statements(Doc(Article("t", text, title)))
    for s in found:
        for span in (s.cue, s.content, s.speaker.mention):
            if span is not None:
                field = title if span.zone == "title" else text
                assert field is not None and field[span.start : span.end] == span.text
    return found


def speakers(text: str, title: str | None = None) -> list[tuple[str | None, str]]:
    return [(s.speaker.name, s.content.text) for s in statements(text, title)]


# a speaker name run swallowing what follows it


def test_masdar_after_a_name_opens_the_content() -> None:
    text = "قال المستشار رامي داود إن الموعد تغير. وأعلن داود إلغاء الاجتماع مع الوفد."
    assert ("داود", "إلغاء الاجتماع مع الوفد") in speakers(text)


def test_place_before_the_cue_preposition_is_the_object() -> None:
    text = "قالت الوزيرة منى زكي إن الحدود مغلقة. واتهمت زكي طهران بدعم المهربين."
    found = speakers(text)
    assert ("زكي", "طهران بدعم المهربين") in found


def test_definite_verbal_noun_after_a_body_is_the_content() -> None:
    (s,) = statements("أعلنت الشرطة المحلية القبض على ثلاثة مشتبه بهم.")
    assert s.speaker.name == "الشرطة المحلية"
    assert s.content.text == "القبض على ثلاثة مشتبه بهم"


def test_indefinite_accusative_after_a_body_is_the_content() -> None:
    (s,) = statements("وتتهم لائحة الدعوى عددا من المديرين بالتقاعس.")
    assert s.speaker.name == "لائحة الدعوى"
    assert s.content.text.startswith("عددا من المديرين")


def test_body_noun_after_a_name_is_the_object() -> None:
    (s,) = statements("وانتقد الوزير سامي حداد مكتب التحقيقات بسبب أدائه.")
    assert s.speaker.name == "سامي حداد"
    assert s.content.text.startswith("مكتب التحقيقات")


def test_name_beginning_with_the_cue_preposition_letter_is_the_subject() -> None:
    found = speakers("وقال الوزير بشير سعد إن الخطة جاهزة. واتهم بشير المعارضة بعرقلة الخطة.")
    assert ("بشير", "المعارضة بعرقلة الخطة") in found


# ل + outlet after a name


def test_outlet_spoken_to_is_not_part_of_the_name() -> None:
    (s,) = statements("وقال سامي نادر لسكاي نيوز عربية إن الوضع صعب.")
    assert s.speaker.name == "سامي نادر"
    (s,) = statements("وقال المتحدث باسم الجيش لوكالة رويترز إن الهجوم فشل.")
    assert s.speaker.name == "المتحدث باسم الجيش"


def test_name_that_begins_with_lam_is_kept_whole() -> None:
    (s,) = statements("وأكد سليم لطفي أن الخطة جاهزة.")
    assert s.speaker.name == "سليم لطفي"


def test_genitive_with_lam_of_a_role_is_kept() -> None:
    (s,) = statements("وقال المدير العام لوكالة الطاقة الذرية إن التفتيش مستمر.")
    assert s.speaker.name == "المدير العام لوكالة الطاقة الذرية"


# time adverbs are not speakers


def test_time_adverb_after_the_verb_is_not_a_speaker() -> None:
    found = speakers("وقال الوزير إن الزيارة مهمة. وقال آنذاك إن الأمر انتهى. وأكد وقتها أن الاتفاق قريب.")
    assert [name for name, _ in found] == ["الوزير", "الوزير", "الوزير"]


# relayed sources: بحسب، وفق


def test_source_that_relayed_a_quotation_is_not_a_statement_of_its_own() -> None:
    found = statements('وجاء في البيان: "نرفض الاتهامات. وسنرد عليها"، وفق ما ذكرت وكالة الأنباء.')
    assert len(found) == 1 and found[0].cue.text == "جاء في"


def test_according_to_his_words_ends_the_content() -> None:
    (s, _) = statements('وأكد الوزير أن البلاد "محصنة جيدا،" وفق قوله، مضيفا أن الجيش مستعد.')
    assert s.content.text == 'البلاد "محصنة جيدا،"'


def test_noun_cue_with_lam_takes_the_role_and_its_holder_and_drops_fa_inna() -> None:
    (s,) = statements("ووفقا للخبير في الشؤون المالية سامر خليل، فإن الأسعار سترتفع.")
    assert s.speaker.name == "سامر خليل"
    assert s.speaker.mention is not None and s.speaker.mention.text.startswith("للخبير")
    assert s.content.text == "الأسعار سترتفع"


def test_pointer_before_ala_lisan_is_not_content() -> None:
    assert statements("التهديد الأشد جاء على لسان القائد سامر فاضل في مهرجان.") == ()


# a document as the source


def test_document_that_a_body_issued_speaks_for_the_body() -> None:
    (s,) = statements('وأصدرت الوزارة بيانا جاء فيه: "نرفض هذه الاتهامات".')
    assert s.speaker.name == "الوزارة"
    assert s.content.text == '"نرفض هذه الاتهامات"'
    (s,) = statements('وجاء في تصريح أصدرته شركة النور للطاقة نقلته الصحف أن "الشركة تبيع أصولها".')
    assert s.speaker.name == "شركة النور للطاقة"


# datelines


def test_dateline_is_not_a_headline_source() -> None:
    assert statements("نص.", title="واشنطن - (وكالات) : الاتفاق النووي في خطر") == ()
    assert statements("نص.", title="بيروت (رويترز): الحكومة تستقيل اليوم") == ()
    (s,) = statements("نص.", title="الوزير: الاتفاق النووي في خطر")
    assert s.kind == "headline" and s.speaker.name == "الوزير"


# bodies named in quotation marks


def test_body_named_in_quotation_marks_is_the_speaker() -> None:
    (s,) = statements('قالت وكالة "سبأ" الرسمية إن الوزير وصل.')
    assert s.speaker.name == "وكالة سبأ الرسمية"
    assert s.speaker.mention is not None and s.speaker.mention.text == 'وكالة "سبأ" الرسمية'
    (s,) = statements('قال "مجلس الحكماء"، في بيان، إن الاجتماع تأجل.')
    assert s.speaker.name == "مجلس الحكماء" and s.content.text == "الاجتماع تأجل"


def test_body_named_in_quotation_marks_before_a_noun_phrase_content() -> None:
    (s,) = statements('وأعلنت شركة "نور" لتقنيات الطاقة، الأحد، ارتفاع أرباحها.')
    assert s.speaker.name == "شركة نور لتقنيات الطاقة"
    assert s.content.text == "ارتفاع أرباحها"


# other readings seen on other outlets


def test_verb_voweled_as_passive_has_no_speaker() -> None:
    (s,) = statements("واتُهمت الشركة بالتلاعب في الأسعار.")
    assert s.speaker.type == "ANON" and s.speaker.name is None
    (s,) = statements("ويُؤكد الوزير أن الخطة جاهزة.")
    assert s.speaker.name == "الوزير"


def test_second_bayn_of_between_is_not_a_cue() -> None:
    (s,) = statements("وأعلن الوزير أن اللقاء بينه وبين نظيره سيعقد غدا.")
    assert s.content.text == "اللقاء بينه وبين نظيره سيعقد غدا"


def test_dotted_abbreviation_does_not_end_the_sentence() -> None:
    (s,) = statements("وانتقد الوزير سامي حداد مكتب التحقيقات (إف.بي.آي) بسبب أدائه.")
    assert s.content.text.endswith("بسبب أدائه")


def test_hyphenated_name_in_apposition_is_the_speaker() -> None:
    (s,) = statements("وقال وزير الخارجية، جان-لوك ماري، الأربعاء، إن الوضع خطير.")
    assert s.speaker.name == "جان-لوك ماري"


def test_relative_clause_set_off_by_commas_is_left_out_of_the_content() -> None:
    (s,) = statements("ورحب المركز، الذي قدم الشكوى، بخطوة الادعاء.")
    assert s.content.text == "خطوة الادعاء"


def test_speaker_carried_after_a_relay_is_the_relayed_person() -> None:
    text = (
        "وقال مسؤول عسكري إن الجيش مستعد. ونقلت وكالة الأنباء عن رئيس الأركان محمد صالح قوله إن القوات "
        "جاهزة. وقال إن الخصم لا يجرؤ."
    )
    assert [s.speaker.name for s in statements(text)] == ["مسؤول عسكري", "محمد صالح", "محمد صالح"]


def test_quotation_before_these_two_words_is_what_the_subject_said() -> None:
    (s,) = statements('"شراكات جديدة".. بهاتين الكلمتين تحدث الأمير سالم عن جولته.')
    assert s.speaker.name == "سالم" and s.content.text == '"شراكات جديدة"'


def test_verb_after_min_janibiha_takes_the_sentence_subject() -> None:
    text = 'وقالت الحركة إن الهجوم نفذ. من جانبها ألقت وسائل الإعلام الرسمية مسؤولية الحادث، على ما وصفتها بـ"جماعة".'
    assert statements(text)[-1].speaker.name == "وسائل الإعلام الرسمية"


def test_princess_title_before_a_name() -> None:
    (s,) = statements("وقالت الأميرة نورة بنت فيصل، وهي الرئيسة الفخرية للحدث، إن الإقبال كبير.")
    assert s.speaker.name == "نورة بنت فيصل"


def test_headquarters_word_is_not_a_cue_and_a_set_off_description_is_not_content() -> None:
    (s,) = statements("وأعلن المركز الأوروبي للدستور وحقوق الإنسان، ومقره برلين، إن المذكرة صدرت.")
    assert s.speaker.name == "المركز الأوروبي للدستور وحقوق الإنسان"
    assert s.content.text == "المذكرة صدرت"


def test_participle_predicate_of_a_nominal_sentence_is_not_a_cue() -> None:
    assert statements("والمرأة الروسية متهمة بالتآمر على الدولة.") == ()


def test_verbal_noun_after_a_verb_is_not_its_subject() -> None:
    found = statements('وقالت الحركة إن الهجوم نفذ، فيما أعلنت إطلاق "حملة احتجاج" واسعة.')
    assert [s.speaker.name for s in found] == ["الحركة", "الحركة"]
    assert found[1].content.text.startswith("إطلاق")


def test_pronoun_on_lakin_is_the_subject_and_the_noun_phrase_the_object() -> None:
    found = statements('وأقر الوزير بأن الخطة تأخرت، ولكنه وصف العديد من الانتقادات بأنها "افتراءات".')
    assert [s.speaker.name for s in found] == ["الوزير", "الوزير"]


def test_nearer_verbal_noun_before_the_complementiser_reports() -> None:
    (s,) = statements("وجاءت تصريحات باقر بعد يومين من قول وزير الخارجية، كمال نور، إن العقوبات ستفرض.")
    assert s.cue.text == "قول" and s.speaker.name == "كمال نور"


def test_newspaper_named_in_quotation_marks_before_its_verb() -> None:
    (s,) = statements('وكانت صحيفة "الأيام"، ذكرت، السبت، أن الوزير استقال.')
    assert s.speaker.name == "صحيفة الأيام" and s.content.text == "الوزير استقال"


def test_preposition_with_complementiser_is_not_read_as_a_name() -> None:
    (s,) = statements("هدد الرئيس كريم نادر خلال القمة رئيس الوزراء بأنه سيرسل مهاجرين.")
    assert s.speaker.name == "كريم نادر"


def test_relative_pronoun_speaker_is_the_noun_phrase_right_before_it() -> None:
    (s,) = statements("قامت الممثلة سارة دانيال التي تزعم أنها كانت على علاقة بالرئيس بتمثيل دورها في عرض.")
    assert s.speaker.name == "سارة دانيال"


def test_title_inside_a_comma_apposition_is_not_part_of_the_name() -> None:
    (s,) = statements("وقال العاهل السعودي، الملك سلمان، الذي زار المدينة، إن المملكة ستحقق.")
    assert s.speaker.name == "سلمان" and s.content.text == "المملكة ستحقق"
