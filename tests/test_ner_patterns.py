"""Descriptive organisation names: head word, complement, nationality adjective or place."""

from __future__ import annotations

from marsad.nlp.ner.patterns import add_descriptive_orgs, demonym_place, descriptive_orgs
from marsad.text import fold


def words(text: str) -> list[str]:
    return [fold(w) for w in text.split()]


def test_nationality_adjectives_lead_to_their_country() -> None:
    assert demonym_place(fold("السورية")) == fold("سوريا")
    assert demonym_place(fold("الإيراني")) == fold("إيران")
    assert demonym_place(fold("الأمريكية")) is not None
    assert demonym_place(fold("الجديدة")) is None


def test_head_complement_and_adjective_make_an_organisation() -> None:
    assert descriptive_orgs(words("قالت وزارة الخارجية الفرنسية إن")) == [(1, 4)]
    assert descriptive_orgs(words("وأعلنت الحكومة السورية أمس")) == [(1, 3)]
    assert descriptive_orgs(words("فاز منتخب مصر أمس")) == [(1, 3)]


def test_a_head_without_adjective_or_place_is_not_an_organisation() -> None:
    assert descriptive_orgs(words("قالت الحكومة إن الوضع هادئ")) == []
    assert descriptive_orgs(words("اجتمع المجلس الجديد")) == []


def test_tags_keep_what_the_tagger_found_but_may_widen_a_place() -> None:
    ws = words("قال الجيش اللبناني إن حماس")
    assert add_descriptive_orgs(ws, ["O", "O", "O", "O", "B-ORG"]) == ["O", "B-ORG", "I-ORG", "O", "B-ORG"]
    ws = words("فاز منتخب مصر أمس")
    assert add_descriptive_orgs(ws, ["O", "O", "B-LOC", "O"]) == ["O", "B-ORG", "I-ORG", "O"]
    assert add_descriptive_orgs(ws, ["O", "B-PERS", "I-PERS", "O"]) == ["O", "B-PERS", "I-PERS", "O"]
