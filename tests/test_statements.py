"""Statement extraction end to end, one construction of Arabic news per test (own sentences)."""

from __future__ import annotations

from marsad.models import Article, Statement
from marsad.nlp.document import Doc
from marsad.nlp.statements import find_statements


def statements(text: str, title: str | None = None) -> tuple[Statement, ...]:
    return find_statements(Doc(Article("t", text, title)))


def only(text: str, title: str | None = None) -> Statement:
    found = statements(text, title)
    assert len(found) == 1, [s.content.text for s in found]
    return found[0]


def test_statement_vso_subject_splits_role_and_name() -> None:
    st = only("قال وزير الزراعة المغربي عادل بنسعيد إن المحصول سيرتفع هذا العام.")
    assert st.speaker.name == "عادل بنسعيد"
    assert st.speaker.role == "وزير الزراعة المغربي"
    assert st.speaker.type == "PER"
    assert st.cue.text == "قال"
    assert st.content.text == "المحصول سيرتفع هذا العام"
    assert st.kind == "indirect"


def test_statement_apposition_after_role_names_the_speaker() -> None:
    st = only("وقال رئيس بلدية المدينة، كريم الحداد، خلال مؤتمر صحفي الأحد، إن الطرق ستفتح قريبا.")
    assert st.speaker.name == "كريم الحداد"
    assert st.speaker.role == "رئيس بلدية المدينة"
    assert st.content.text == "الطرق ستفتح قريبا"


def test_statement_speaker_carries_over_to_wa_adafa_and_kama_akkada() -> None:
    found = statements(
        "قال المدير التنفيذي سامر العلي إن الأرباح تضاعفت. وأضاف أن الشركة ستوظف مئة عامل. كما أكد أن الأسعار لن ترتفع."
    )
    assert [s.cue.text for s in found] == ["قال", "أضاف", "أكد"]
    assert {s.speaker.canonical for s in found} == {"سامر العلي"}
    assert found[1].speaker.mention is None and found[2].speaker.mention is None


def test_statement_feminine_cue_carries_over_to_the_last_feminine_speaker() -> None:
    found = statements(
        "قالت الوزيرة هدى الخطيب إن الخطة جاهزة. وقال النائب فادي سلوم إن الخطة ناقصة. "
        "وأضافت أن التنفيذ يبدأ الشهر المقبل."
    )
    assert found[-1].cue.text == "أضافت"
    assert found[-1].speaker.canonical == "هدى الخطيب"


def test_statement_masculine_verb_does_not_take_a_feminine_noun_as_subject() -> None:
    found = statements("قال النائب فادي سلوم إن الخطة ناقصة. وأكد الحاجة إلى مراجعة شاملة للخطة.")
    assert found[-1].speaker.canonical == "فادي سلوم"
    assert found[-1].content.text.startswith("الحاجة")


def test_statement_anonymous_sources_are_anon_with_their_description() -> None:
    found = statements("وقال مصدر أمني إن الهجوم وقع فجرا. وأفاد شهود عيان بأن النيران اشتعلت في المبنى.")
    assert [(s.speaker.name, s.speaker.type) for s in found] == [("مصدر أمني", "ANON"), ("شهود عيان", "ANON")]
    assert found[1].content.text == "النيران اشتعلت في المبنى"


def test_statement_passive_report_has_no_speaker() -> None:
    st = only("ويقال إن المفاوضات توقفت منذ أسابيع.")
    assert st.speaker.name is None and st.speaker.type == "ANON"


def test_statement_relayed_by_an_outlet_belongs_to_the_original_speaker() -> None:
    st = only("ونقلت صحيفة محلية عن وزير المالية ماهر الصافي قوله إن العجز سينخفض.")
    assert st.speaker.name == "ماهر الصافي"
    assert st.content.text == "العجز سينخفض"


def test_statement_noun_cue_before_the_content() -> None:
    st = only("وبحسب وزارة الصحة، ارتفع عدد الإصابات إلى ثلاثين حالة.")
    assert st.speaker.name == "وزارة الصحة" and st.speaker.type == "ORG"
    assert st.content.text == "ارتفع عدد الإصابات إلى ثلاثين حالة"


def test_statement_noun_cue_after_the_content() -> None:
    st = only("ارتفع عدد الإصابات إلى ثلاثين حالة، وفقا لوزارة الصحة.")
    assert st.speaker.name == "وزارة الصحة"
    assert st.content.text == "ارتفع عدد الإصابات إلى ثلاثين حالة"


def test_statement_headline_source_colon_content_indexes_the_title() -> None:
    st = only("نص قصير لا يقول شيئا.", title="الحداد للصحفيين: الطرق ستفتح قريبا")
    assert st.kind == "headline" and st.cue.text == ":"
    assert st.speaker.name == "الحداد"
    assert st.content.zone == "title" and st.content.text == "الطرق ستفتح قريبا"
    assert "الحداد للصحفيين: الطرق ستفتح قريبا"[st.content.start : st.content.end] == st.content.text


def test_statement_read_also_line_is_a_headline() -> None:
    st = only("نص الخبر الأول.\nاقرأ أيضا: سلوم: الخطة ناقصة وتحتاج مراجعة")
    assert st.kind == "headline" and st.speaker.name == "سلوم"
    assert st.content.text == "الخطة ناقصة وتحتاج مراجعة"


def test_statement_preverbal_subject_in_a_title() -> None:
    st = only("نص.", title="الحداد يؤكد أن الطرق ستفتح قريبا")
    assert st.speaker.name == "الحداد" and st.cue.text == "يؤكد"


def test_statement_participle_continues_the_speaker_and_splits_the_content() -> None:
    found = statements("وقال المدير سامر العلي إن الأرباح تضاعفت، مشيرا إلى أن الشركة ستتوسع.")
    assert [(s.cue.text, s.content.text) for s in found] == [
        ("قال", "الأرباح تضاعفت"),
        ("مشيرا", "الشركة ستتوسع"),
    ]
    assert found[1].speaker.canonical == "سامر العلي"


def test_statement_canonical_is_the_fullest_naming_in_the_article() -> None:
    found = statements("قال المدير التنفيذي سامر العلي إن الأرباح تضاعفت.\nوأكد العلي أن الشركة ستتوسع.")
    assert found[1].speaker.name == "العلي"
    assert found[1].speaker.canonical == "سامر العلي"


def test_statement_role_only_mention_resolves_to_the_named_holder() -> None:
    found = statements(
        "قال المتحدث باسم الوزارة أحمد سعيد إن القرار مؤقت.\nوأكد المتحدث باسم الوزارة أن المراجعة ستتم قريبا."
    )
    assert found[1].speaker.canonical == "أحمد سعيد"


def test_statement_nested_quote_is_a_statement_inside_the_outer_one() -> None:
    found = statements('وقال الوزير سامي نعمة: "أبلغني المدير أن المشروع تأخر، وقال لي إن التمويل لم يصل".')
    outer, inner = found
    assert outer.kind == "direct"
    assert outer.content.start <= inner.content.start < inner.content.end <= outer.content.end
    assert inner.content.text == "التمويل لم يصل"


def test_statement_quote_over_several_sentences_is_whole() -> None:
    st = only('وقالت المتحدثة ريم العتيبي: "نحن مستعدون للحوار. لكننا لن نقبل الشروط المسبقة. هذا موقفنا".')
    assert st.kind == "direct"
    assert st.content.text == '"نحن مستعدون للحوار. لكننا لن نقبل الشروط المسبقة. هذا موقفنا"'


def test_statement_guillemets_and_mixed_content() -> None:
    st = only("وأكد الوزير سامي نعمة أن الاتفاق «خطوة مهمة نحو الاستقرار» في المنطقة.")
    assert st.kind == "mixed"
    assert st.content.text == "الاتفاق «خطوة مهمة نحو الاستقرار» في المنطقة"


def test_statement_unbalanced_quote_runs_to_the_line_end() -> None:
    st = only('وقال الوزير سامي نعمة: "سنواصل العمل حتى النهاية\nخبر آخر في سطر جديد.')
    assert st.content.text == '"سنواصل العمل حتى النهاية'


def test_statement_noun_phrase_content_of_a_speech_act() -> None:
    st = only("وندد الاتحاد العام للعمال بالقرار الحكومي الجديد.")
    assert st.speaker.name == "الاتحاد العام للعمال"
    assert st.content.text == "القرار الحكومي الجديد"


def test_negated_cue_is_not_a_statement() -> None:
    assert statements("ولم يقل الوزير إن الاتفاق فشل. ولن يعلن الجيش أن العملية انتهت.") == ()


def test_belief_verbs_are_not_statements() -> None:
    assert statements("ويعتقد الخبراء أن الأسعار سترتفع. ويخشى السكان أن تتكرر الفيضانات.") == ()


def test_quotation_marks_around_a_name_are_not_a_statement() -> None:
    assert statements('وتواصل ما يسمى "الهيئة العليا" عملها في المدينة منذ سنوات.') == ()
    assert statements('وأعلنت الحركة معركة "الفجر الجديد"، فاقتحمت المواقع.') == ()


def test_cue_without_content_is_not_a_statement() -> None:
    assert statements("وقال الرئيس في كلمته أمام الحشد.") == ()


def test_statement_spans_point_into_the_original_text_with_diacritics() -> None:
    text = "وقالَ الوزيرُ سامي نعمة إنّ الخطّة «جاهزةٌ تماماً»."
    st = only(text)
    for span in (st.cue, st.content, st.speaker.mention):
        assert span is not None
        assert text[span.start : span.end] == span.text
    assert st.cue.text == "قالَ"


def test_statement_zone_is_the_article_zone_of_the_content() -> None:
    from marsad.models import ZoneSpan

    text = "مقدمة الخبر.\nوقال الوزير سامي نعمة إن الخطة جاهزة."
    article = Article("t", text, None, zones=(ZoneSpan("lede", 0, 12), ZoneSpan("body", 13, len(text))))
    (st,) = find_statements(Doc(article))
    assert st.content.zone == "body"


def test_statement_speaker_reads_entities_found_earlier() -> None:
    from marsad.models import Entity

    doc = Doc(Article("t", "وأكد العلي أن الشركة ستتوسع."))
    doc.found["entities"] = (Entity("e1", "PER", "سامر محمود العلي", ("العلي",)),)
    (st,) = find_statements(doc)
    assert st.speaker.canonical == "سامر محمود العلي"
    assert st.speaker.entity is None


def test_statement_short_verb_with_wa_prefix_is_a_cue() -> None:
    st = only("وحث الوزير سامي نعمة المواطنين على التطوع في الحملة.")
    assert st.cue.text == "حث"
    assert st.content.text == "المواطنين على التطوع في الحملة"


def test_participle_describing_a_noun_is_not_a_cue() -> None:
    assert statements("ورصدت الكاميرات هجمات مهددة للحياة في المدينة.") == ()


def test_subjectless_verb_takes_the_subject_of_its_sentence() -> None:
    found = statements("قالت الوزيرة هدى الخطيب إن الخطة جاهزة. واجتمعت نقابة المعلمين أمس، ووصفت الخطة بأنها متسرعة.")
    assert found[-1].cue.text == "وصفت"
    assert found[-1].speaker.name == "نقابة المعلمين"


def test_relative_clause_speaker_is_the_antecedent() -> None:
    found = statements("قال الوزير سامي نعمة إنه اتصل بالسفير، يوسف حداد، الذي نفى علمه بالحادث.")
    assert found[-1].cue.text == "نفى"
    assert found[-1].speaker.name == "يوسف حداد"


def test_statement_speaker_that_entities_know_as_a_place_is_typed_org() -> None:
    from marsad.models import Entity

    doc = Doc(Article("t", "وقالت سلطانيا إن الحدود ستفتح غدا."))
    doc.found["entities"] = (Entity("e1", "GPE", "سلطانيا", ("سلطانيا",)),)
    (st,) = find_statements(doc)
    assert st.speaker.name == "سلطانيا" and st.speaker.type == "ORG"
