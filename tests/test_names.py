"""Name variants: honorifics, clitics, spelling folds, cross-article keys, English→Arabic lookup."""

from __future__ import annotations

from marsad.nlp.names import entity_key, latin_to_arabic, light_stem, name_words, strip_name_clitic
from marsad.text import fold


def test_name_words_drop_honorifics_and_fold_spelling() -> None:
    assert name_words("سماحة السيد حسن نصر الله") == ["حسن", "نصر", "الله"]
    assert name_words("الشهيد القائد قاسم سليماني") == ["قاسم", "سليماني"]
    assert name_words("قاآني") == name_words("قااني")


def test_a_fused_preposition_before_the_article_is_dropped_and_the_article_given_back() -> None:
    assert strip_name_clitic("للميادين") == "الميادين"
    assert strip_name_clitic("وللميادين") == "الميادين"
    assert strip_name_clitic("بالجيش اللبناني") == "الجيش اللبناني"


def test_a_name_that_begins_with_a_clitic_letter_is_kept_whole() -> None:
    for name in ("بيروت", "لبنان", "فلسطين", "كندا"):
        assert strip_name_clitic(name) == name


def test_a_conjunction_before_a_known_name_is_dropped() -> None:
    assert strip_name_clitic("ولبنان") == "لبنان"
    assert strip_name_clitic("وفلسطين") == "فلسطين"


def test_clitic_stripping_keeps_marks_of_the_rest_as_written() -> None:
    assert strip_name_clitic("والقُدس") == "القُدس"


def test_light_stem_meets_noun_and_adjective() -> None:
    assert light_stem(fold("الثورة")) == light_stem(fold("الثوري")) == "ثور"
    assert light_stem(fold("الإيرانية")) == "ايران"


def test_entity_key_folds_spaces_spelling_and_honorifics() -> None:
    assert entity_key("نصرالله", "PER") == entity_key("نصر الله", "PER") == entity_key("السيد نصر الله", "PER")
    assert entity_key("قاآني", "PER") == entity_key("قااني", "PER")
    assert entity_key("حرس الثورة الإيراني", "ORG") == entity_key("الحرس الثوري الإيراني", "ORG")


def test_entity_key_keeps_types_apart() -> None:
    assert entity_key("الأردن", "GPE") != entity_key("الأردن", "PER")


def test_latin_to_arabic_spells_each_known_word() -> None:
    assert "سليماني" in latin_to_arabic("Soleimani")
    assert "قاسم سليماني" in latin_to_arabic("Qasem Soleimani")


def test_latin_to_arabic_ignores_case_and_accents_and_returns_nothing_for_unknown_words() -> None:
    assert latin_to_arabic("SOLEIMANI") == latin_to_arabic("soleïmani")
    assert latin_to_arabic("xqzzvv") == []
