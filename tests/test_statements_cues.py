"""The cue lexicon (marsad/data/cues.tsv) inflected, and the word lists of reporting clauses."""

from __future__ import annotations

import pytest

from marsad.nlp.cues import candidate_indices, lexicon, match_word, match_words
from marsad.nlp.wordlists import clause_words, headline_prefixes, speaker_noun
from marsad.text import fold


@pytest.mark.parametrize(
    ("word", "lemma", "kind", "gender"),
    [
        ("قال", "قال", "verb", "m"),
        ("قالت", "قال", "verb", "f"),
        ("قالوا", "قال", "verb", "p"),
        ("يقول", "قال", "verb", "m"),
        ("تقول", "قال", "verb", "f"),
        ("قائلا", "قال", "participle", "m"),
        ("قائلة", "قال", "participle", "f"),
        ("رأت", "رأى", "verb", "f"),
        ("دعوا", "دعا", "verb", "p"),
        ("مشيراً", "أشار", "participle", "m"),
        ("لافتةً", "لفت", "participle", "f"),
        ("يؤكّد", "أكد", "verb", "m"),
        ("وصفته", "وصف", "verb", "f"),
        ("اتهمها", "اتهم", "verb", "m"),
    ],
)
def test_cue_forms_are_inflected_for_tense_gender_and_number(word: str, lemma: str, kind: str, gender: str) -> None:
    found = match_word(fold(word))
    assert found is not None
    prefix, cue = found
    assert prefix == 0
    assert (cue.lemma, cue.kind, cue.gender) == (fold(lemma), kind, gender)


def test_cue_takes_wa_and_fa_prefixes() -> None:
    for word in ("وأضاف", "فقالت", "وتابع"):
        found = match_word(fold(word))
        assert found is not None and found[0] == 1


def test_present_and_suffixed_forms_are_marked() -> None:
    present = match_word(fold("تؤكد"))
    suffixed = match_word(fold("وصفه"))
    assert present is not None and present[1].present
    assert suffixed is not None and suffixed[1].suffixed


def test_several_word_noun_cues_match() -> None:
    words = fold("على لسان الوزير").split()
    found = match_words(words, 0)
    assert found is not None and found[1] == 2 and found[2].kind == "noun"


def test_belief_verbs_are_not_cues() -> None:
    for word in ("يعتقد", "يخشى", "يشتبه"):
        assert match_word(fold(word)) is None
        assert fold(word) in clause_words().belief


def test_candidate_pass_keeps_every_cue_and_skips_plain_words() -> None:
    words = fold("وقال الوزير إن الطقس جميل بحسب المصادر").split()
    assert [words[i] for i in candidate_indices(words)] == [fold("وقال"), fold("بحسب")]


def test_lexicon_has_the_issue_cues() -> None:
    single = lexicon().single
    for word in ("صرح", "شدد", "نفى", "حذر", "كشف", "ختم", "أفاد", "زعم", "ندد", "أشاد", "تساءل", "غرد", "معتبرا"):
        assert fold(word) in single, word


def test_speaker_nouns_are_found_through_clitics() -> None:
    role = speaker_noun(fold("للرئيس"))
    org = speaker_noun(fold("بالمنظمة"))
    anon = speaker_noun(fold("مصادر"))
    assert role is not None and role.category == "role"
    assert org is not None and org.category == "org"
    assert anon is not None and anon.category == "anon"
    assert speaker_noun(fold("سليماني")) is None


def test_headline_lead_ins_and_labels_are_listed() -> None:
    rows = dict(headline_prefixes())
    assert rows[tuple(fold("اقرأ أيضا").split())] == "lead"
    assert rows[(fold("عاجل"),)] == "label"
