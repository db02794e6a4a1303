"""Statement errors from a third sample of outlets outside the dev gold, one class per test (own
sentences): the verb's object read into the subject, names in apposition after a role, words that
look like cues, subjects that a later verb or a verbal noun goes on with, country labels in
headlines, and relayed sayings."""

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


def speakers(text: str) -> list[str | None]:
    return [s.speaker.name for s in statements(text)]


def pairs(text: str) -> list[tuple[str | None, str]]:
    return [(s.speaker.name, s.content.text) for s in statements(text)]


# the verb's object read into the subject


def test_plural_object_after_a_body_is_not_part_of_it() -> None:
    assert speakers("وحذرت الشرطة المتظاهرين من الاقتراب من المبنى.") == ["الشرطة"]
    assert speakers("وناشدت الشرطة الناس طلبا لشهود عيان.") == ["الشرطة"]


def test_second_body_after_a_place_phrase_is_the_object() -> None:
    found = speakers("ودعت السفارة الفرنسية في المملكة المغربية الحكومة المحلية إلى التعاون.")
    assert found == ["السفارة الفرنسية في المملكة المغربية"]


def test_indefinite_body_after_a_definite_one_is_the_object() -> None:
    assert speakers("وطالب الائتلاف مجلس الأمن بالتدخل الفوري.") == ["الائتلاف"]


def test_adjective_that_is_also_a_role_noun_stays_in_the_phrase() -> None:
    assert speakers("وتشير التقارير الصحفية إلى أن الصفقة اكتملت.") == ["التقارير الصحفية"]


def test_military_title_after_a_body_leads_to_the_name() -> None:
    assert speakers("وقال المتحدث باسم الجيش العقيد سامر حداد إن الهجوم فشل.") == ["سامر حداد"]


def test_verbal_noun_after_a_name_is_the_object() -> None:
    found = pairs("وأعلن كارلوس منديز تعليق المناورات مع الجيران التي أكدت أنها لم تبلغ بالقرار.")
    assert found == [("كارلوس منديز", "تعليق المناورات مع الجيران التي أكدت أنها لم تبلغ بالقرار")]


def test_country_after_a_name_is_the_object() -> None:
    found = pairs("وطالب الرئيس جورج بوش كوريا الجنوبية بدفع المزيد.")
    assert found == [("جورج بوش", "كوريا الجنوبية بدفع المزيد")]


def test_counterpart_with_a_pronoun_is_the_object() -> None:
    assert speakers('واتهم سالم حداد خصمه كريم "بأنه يكذب على الناخبين دائما وفي كل مناسبة".') == ["سالم حداد"]


def test_journalists_spoken_to_are_not_part_of_the_name() -> None:
    assert speakers("وأبلغ الوزير خالد منصور الصحفيين أن الاتفاق قريب.") == ["خالد منصور"]


def test_repeated_adverb_is_not_a_speaker() -> None:
    assert speakers("وقال الرئيس إن الوضع صعب. ووصفها مرارا بأنها أزمة عابرة.") == ["الرئيس", "الرئيس"]


# names in apposition after a role


def test_demonstrative_inside_a_role_leads_to_the_name() -> None:
    assert speakers("وقال رئيس هذه الهيئة سمير داود إن التحقيق مستمر.") == ["سمير داود"]


def test_apposition_with_an_honorific_and_name_links_is_the_name() -> None:
    found = speakers("وقالت رئيسة الهيئة، الشيخة هند بنت خالد آل سالم، إن المعرض ناجح.")
    assert found == ["هند بنت خالد آل سالم"]


def test_company_named_in_a_role_is_not_the_speaker() -> None:
    assert speakers("أقر المدير التنفيذي لشركة نوفا، سامي حداد، بأن الشركة أخطأت.") == ["سامي حداد"]


def test_sister_and_player_roles_lead_to_the_name() -> None:
    assert speakers('تقول الأخت مريم "العمل في الدير طويل ومتعب جدا".') == ["مريم"]
    assert speakers("قال المدافع الدولي كريم سالم إن الفريق جاهز.") == ["كريم سالم"]


def test_quoted_outlet_name_may_open_with_any_word() -> None:
    found = pairs('قالت صحيفة "ذا نيويورك ديلي نيوز" إن الحكومة ستستقيل.')
    assert found == [("صحيفة ذا نيويورك ديلي نيوز", "الحكومة ستستقيل")]
    assert speakers('ذكرت مجلة "المدار" الأسبوعية، أن الشركة تمتلك ثروة كبيرة.') == ["مجلة المدار الأسبوعية"]


def test_short_quoted_outlet_name_before_its_source() -> None:
    text = 'ونقلت وكالة الأنباء الوطنية "نبأ" عن نائب الوزير، العقيد سالم حداد، قوله "نجحت الخطة في تحقيق أهدافها".'
    assert speakers(text) == ["سالم حداد"]


def test_participle_describing_a_name_ends_it() -> None:
    text = 'أما الباحث سامي حداد المتخصص في الاقتصاد فيقول "الأسعار سترتفع كثيرا هذا العام".'
    assert speakers(text) == ["سامي حداد"]


def test_accusative_noun_after_a_role_is_not_a_name() -> None:
    assert speakers("وطرح المدير مثالا على النجاح، وأشار إلى أهمية التدريب.") == ["المدير"]


def test_outlet_spoken_to_before_the_subject_and_a_description_before_the_complementiser() -> None:
    found = pairs("وتوضح لفرانس24 سلمى حداد وهي إحدى المنظمات، أن الحملة مستمرة.")
    assert found == [("سلمى حداد", "الحملة مستمرة")]


def test_relative_clause_before_the_complementiser_is_not_content() -> None:
    found = pairs("وأكد سامي حداد الذي تعرض لانتقادات، أن الشركة ستتغير.")
    assert found == [("سامي حداد", "الشركة ستتغير")]


# words that look like cues


def test_withheld_name_is_not_a_statement() -> None:
    assert pairs("وقال مسؤولون، رفضوا الكشف عن هوياتهم، إن القرار نهائي.") == [("مسؤولون", "القرار نهائي")]


def test_declining_to_comment_is_not_a_statement() -> None:
    assert statements("ورفض المتحدث التعليق على التقرير.") == ()


def test_moving_is_not_relaying() -> None:
    assert statements("وأظهر الفيديو لحظة نقل الجرحى إلى المستشفى.") == ()


def test_noun_after_without_is_not_a_cue() -> None:
    text = 'وقال الرئيس إنه سيوقع "بدون تردد" على القرار الجديد.'
    assert [s.cue.text for s in statements(text)] == ["قال"]


def test_participle_with_only_a_pronoun_after_it_describes() -> None:
    text = "وقالت الوزيرة إن كل مهمة صغيرة معترفا بها في الوزارة."
    assert [s.cue.text for s in statements(text)] == ["قالت"]


def test_renewed_shelling_is_not_a_cue() -> None:
    assert statements("وتجدد القصف على المدينة أمس.") == ()


def test_tightening_is_not_emphasis() -> None:
    assert speakers("وطالبت الحكومة بتشديد القيود على الحدود.") == ["الحكومة"]


# subjects that a later verb or a verbal noun goes on with


def test_present_continuation_after_and_goes_on_with_the_speaker() -> None:
    text = 'وقال الباحث سامي حداد "العمل شاق جدا في هذا المجال". ويضيف أن التمويل قليل.'
    assert speakers(text) == ["سامي حداد", "سامي حداد"]


def test_expectation_in_the_present_is_narration() -> None:
    assert speakers("وقال الوزير إن الوضع صعب. ويتوقع أن تهطل الأمطار غدا.") == ["الوزير"]


def test_sentence_lead_gives_a_noun_phrase_cue_its_subject() -> None:
    assert speakers("أما الأخت سلمى فتشير إلى نقص كبير في الأدوية.") == ["سلمى"]


def test_the_same_words_are_what_is_said() -> None:
    text = 'أما الوزيرة هدى فتقول نفس الكلام "لا نريد الحرب في المنطقة أبدا".'
    assert speakers(text) == ["هدى"]


def test_subject_after_a_negated_verb_goes_on() -> None:
    text = "ولم يدل سامي حداد بأي تصريحات، وقد قال حينها إن القرار خاطئ."
    assert speakers(text) == ["سامي حداد"]


def test_participle_after_a_particle_takes_the_clause_subject() -> None:
    text = "وقال الوزير إن الوضع صعب. كما أصدرت وكالة موديز تحذيرا بشأن الديون، قائلة إن التصنيف قد ينخفض."
    assert speakers(text) == ["الوزير", "وكالة موديز"]


def test_by_saying_takes_the_main_clause_subject() -> None:
    text = 'وقال الوزير إن الوضع صعب. وواصل الرئيس التركي هجومه بالقول إن "الغرب يتآمر علينا دائما".'
    assert speakers(text) == ["الوزير", "الرئيس التركي"]


def test_relay_of_his_saying_is_carried_over() -> None:
    text = "وقال الوزير سامي حداد إن الوضع صعب. ونقلت وسائل إعلام عن قوله إن الاتفاق قريب."
    assert speakers(text) == ["سامي حداد", "سامي حداد"]


def test_emphasis_with_a_pronoun_reports() -> None:
    text = "وقال الوزير إن الوضع صعب، وجاء ذلك في تشديده على ضرورة وقف القتال."
    assert pairs(text) == [("الوزير", "الوضع صعب"), ("الوزير", "ضرورة وقف القتال")]


def test_place_name_keeps_its_own_canonical_name() -> None:
    text = 'وقالت إذاعة "صوت بغداد" المستقلة إن "الأزمة تتفاقم يوما بعد يوم". ونددت بغداد بالقرار الأمريكي.'
    assert [s.speaker.canonical for s in statements(text)] == ["إذاعة صوت بغداد المستقلة", "بغداد"]


# country labels in headlines


def test_country_label_over_a_news_item_is_not_a_statement() -> None:
    assert statements("", title="فرنسا: توقيف رجل أعمال بتهمة الفساد") == ()


def test_country_headline_in_the_first_person_is_a_statement() -> None:
    found = statements("", title="واشنطن: إخراج المقاتلين الأجانب على رأس أولوياتنا")
    assert [(s.speaker.name, s.kind) for s in found] == [("واشنطن", "headline")]


def test_country_headline_with_a_reporting_verb_is_a_statement() -> None:
    found = statements("", title="قطر تطالب برفع الحصار: استمرار الأزمة يهدد المنطقة")
    assert [s.speaker.name for s in found] == ["قطر"]
