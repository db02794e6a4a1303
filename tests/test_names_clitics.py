"""A proclitic is taken off a name only where what is left is a word: وكالة is not و + ك + الة."""

from __future__ import annotations

from marsad.nlp.names import strip_name_clitic


def test_a_word_whose_letters_look_like_clitics_keeps_them() -> None:
    assert strip_name_clitic("وكالة الأنباء السعودية") == "وكالة الأنباء السعودية"
    assert strip_name_clitic("بالغ") == "بالغ"


def test_fused_clitics_are_still_taken_off() -> None:
    assert strip_name_clitic("للميادين") == "الميادين"
    assert strip_name_clitic("والحرس الثوري") == "الحرس الثوري"
