"""Speaker noun phrases: role and name, apposition, organisations, anonymous sources, agreement."""

from __future__ import annotations

from marsad.nlp.preverbal import preverbal_subject
from marsad.nlp.speakers import Subject, agrees, parse_subject, tokenize_folded
from marsad.text import fold


def parse(text: str, np_mode: bool = False) -> tuple[Subject | None, str]:
    folded = fold(text)
    return parse_subject(tokenize_folded(folded), np_mode), folded


def part(folded: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else folded[span[0] : span[1]]


def test_role_then_name_is_split() -> None:
    subj, f = parse("الأمين العام للحزب سماحة السيد علي حمدان في كلمة")
    assert subj is not None
    assert part(f, subj.role) == fold("الأمين العام للحزب")
    assert part(f, subj.name) == fold("سماحة السيد علي حمدان")
    assert subj.speaker_type == "PER"


def test_name_then_role_stops_at_the_role() -> None:
    subj, f = parse("هيفاء منصور المتحدثة باسم الوزارة")
    assert subj is not None and part(f, subj.name) == fold("هيفاء منصور")


def test_apposition_after_a_role() -> None:
    subj, f = parse("وزير الخارجية، سليم داود، الأحد،")
    assert subj is not None and part(f, subj.name) == fold("سليم داود")


def test_organisation_phrase_and_its_end_before_content() -> None:
    subj, f = parse("منظمة الصحة العالمية استعدادها للمساعدة", np_mode=True)
    assert subj is not None and subj.speaker_type == "ORG"
    assert part(f, subj.role) == fold("منظمة الصحة العالمية")


def test_anonymous_source_with_its_qualifier() -> None:
    subj, f = parse("مصدر في الوزارة إن")
    assert subj is not None and subj.speaker_type == "ANON"
    assert f[subj.start : subj.end] == fold("مصدر في الوزارة")


def test_coordinated_names_are_a_group_not_a_person() -> None:
    subj, _ = parse("مصر والأردن وتونس")
    assert subj is not None and subj.speaker_type == "ORG"


def test_adverbials_and_pronouns_are_not_subjects() -> None:
    assert parse("في بيان له")[0] is None
    assert parse("لي إن")[0] is None


def test_gender_agreement_between_cue_and_subject() -> None:
    subj, _ = parse("المتحدثة باسم الوزارة")
    assert subj is not None
    assert agrees(subj, fold("المتحدثة"), "f", False)
    assert not agrees(subj, fold("المتحدثة"), "m", False)
    obj, _ = parse("الضرورة القصوى للحوار", np_mode=True)
    assert obj is not None and not agrees(obj, fold("الضرورة"), "m", True)


def test_preverbal_subject_with_a_description() -> None:
    folded = fold("سمير حداد، وهو خبير اقتصادي،")
    subj = preverbal_subject(tokenize_folded(folded))
    assert subj is not None and part(folded, subj.name) == fold("سمير حداد")
    assert preverbal_subject(tokenize_folded(fold("وفي الوقت نفسه"))) is None
