"""The Arabic text layer: normalisation keeps a map back to the original, clitics, tokens, sentences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.text import bare, fold, normalize, proclitic_readings, split_sentences, strip_proclitics, tokenize

ARABIC_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
    + list("أإآٱىةؤئء")
    + ["\u064b", "\u064e", "\u0651", "\u0640", "\u00a0"]
    + list("٠١٢٣٤٥٦٧٨٩۰۱۲")
    + ["ﻻ", "ﷲ", "ﺍ", " ", "\n", "«", "»", '"', ".", "،", "؟"]
)


def test_normalize_folds_alef_forms_ya_ta_marbuta_tashkeel_and_tatweel() -> None:
    assert fold("إسرائيل") == "اسراييل"
    assert fold("أكّد") == "اكد"
    assert fold("مستشفى") == "مستشفي"
    assert fold("المقاومة") == "المقاومه"
    assert fold("قـــال") == "قال"
    assert fold("عدةً") == "عده"


def test_normalize_folds_digits_spaces_and_presentation_forms() -> None:
    assert fold("٢٠٢٣") == "2023"
    assert fold("۱۴۰۲") == "1402"
    assert fold("أمام\u00a0المقاومة") == "امام المقاومه"
    assert fold("ﻻ") == "لا"
    assert fold("ﷲ") == "الله"


def test_normalized_span_maps_back_to_original_text() -> None:
    original = "قال الرئيسُ: «إنّ الـمقاومةَ مستمرة»"
    n = normalize(original)
    i = n.text.index("المقاومه")
    start, end = n.to_original(i, i + len("المقاومه"))
    assert original[start:end] == "الـمقاومة"


@given(st.text(alphabet=ARABIC_ALPHABET, max_size=80), st.data())
def test_every_normalised_span_maps_into_the_original(text: str, data: st.DataObject) -> None:
    n = normalize(text)
    if not n.text:
        return
    a = data.draw(st.integers(0, len(n.text)))
    b = data.draw(st.integers(a, len(n.text)))
    s, e = n.to_original(a, b)
    assert 0 <= s <= e <= len(text)
    # a ligature (ﷲ → الله) maps whole: a part of its expansion maps to the whole character
    assert n.text[a:b] in fold(text[s:e])


@given(st.text(max_size=200))
def test_normalize_never_fails_and_maps_every_character(text: str) -> None:
    n = normalize(text)
    assert len(n.starts) == len(n.text) == len(n.ends)
    assert all(0 <= s < e <= len(text) for s, e in zip(n.starts, n.ends, strict=True))


def test_clitic_readings_restore_the_article_swallowed_by_lam() -> None:
    readings = dict((stem, prefix) for prefix, stem in proclitic_readings(fold("للميادين")))
    assert readings["الميادين"] == "ل"
    assert strip_proclitics(fold("وللميادين")) == "الميادين"
    assert bare(fold("وبالمقاومة")) == "مقاومه"
    assert strip_proclitics(fold("وإسرائيل")) == "اسراييل"


def test_short_words_keep_their_first_letter() -> None:
    assert strip_proclitics("وزن") == "وزن"
    assert proclitic_readings("في") == (("", "في"),)


@given(st.text(alphabet=ARABIC_ALPHABET, max_size=120))
def test_token_offsets_point_into_the_original(text: str) -> None:
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
        assert t.norm == fold(t.text)


def test_sentence_splitter_keeps_quotations_whole_and_ignores_comma() -> None:
    text = 'قال الوزير، في مؤتمر صحافي، إن "الوضع صعب. لكننا سننتصر". وأضاف أن الحوار مستمر.'
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences == ['قال الوزير، في مؤتمر صحافي، إن "الوضع صعب. لكننا سننتصر".', "وأضاف أن الحوار مستمر."]


def test_sentence_splitter_keeps_guillemet_quotes_whole_and_breaks_at_lines() -> None:
    text = "أكد «هذا أمر. وذاك أمر آخر» ثم مضى.\nسطر جديد؟ نعم"
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences == ["أكد «هذا أمر. وذاك أمر آخر» ثم مضى.", "سطر جديد؟", "نعم"]


def test_sentence_splitter_does_not_break_inside_decimal_numbers() -> None:
    text = "ارتفع المؤشر 3.5 بالمئة. ثم تراجع."
    assert len(split_sentences(text)) == 2


@given(st.text(alphabet=ARABIC_ALPHABET, max_size=200))
def test_sentences_cover_text_in_order(text: str) -> None:
    last = 0
    for s in split_sentences(text):
        assert last <= s.start < s.end <= len(text)
        last = s.end


@given(st.text(max_size=120) | st.text(alphabet=ARABIC_ALPHABET, max_size=120))
def test_fast_fold_equals_the_per_character_tables(text: str) -> None:
    from marsad.text.normalize import _fold_char

    assert fold(text) == "".join(_fold_char(c) for c in text)


@given(st.text(max_size=120) | st.text(alphabet=ARABIC_ALPHABET, max_size=120))
def test_segment_map_equals_the_per_character_map(text: str) -> None:
    from marsad.text.normalize import _normalize_slow

    fast, slow = normalize(text), _normalize_slow(text)
    assert fast.text == slow.text
    assert list(fast.starts) == list(slow.starts) and list(fast.ends) == list(slow.ends)


@given(st.text(max_size=120) | st.text(alphabet=ARABIC_ALPHABET, max_size=120))
def test_starts_built_by_segment_equal_start_of_each_character(text: str) -> None:
    n = normalize(text)
    assert list(n.starts) == [n.start_of(i) for i in range(len(n.text))]
    assert list(n.ends) == [n.end_of(i) for i in range(len(n.text))]


@given(st.text(alphabet=ARABIC_ALPHABET, max_size=40))
def test_short_and_long_strings_fold_alike(word: str) -> None:
    # short strings take the cached, single-table path; long ones the replacement loop
    padding = " " * 60
    assert fold(word + padding) == fold(word) + padding


def test_an_unclosed_quote_stops_holding_sentences_together_after_max_quote() -> None:
    from marsad.text.sentences import MAX_QUOTE

    short = "قال «إن الوضع صعب. وأضاف أنه سيعود."
    assert len(split_sentences(short)) == 1
    long = "قال «" + "كلمة " * (MAX_QUOTE // 5) + "انتهى. ثم عاد إلى بيته."
    assert len(split_sentences(long)) == 2


def test_straight_quotes_toggle_and_the_sentence_ends_after_the_closing_mark() -> None:
    text = 'قال "لن نتراجع. أبدا." ثم غادر. وصل الوفد.'
    spans = [text[s.start : s.end] for s in split_sentences(text)]
    assert spans == ['قال "لن نتراجع. أبدا." ثم غادر.', "وصل الوفد."]


def test_tokens_are_equal_when_text_offsets_and_folded_form_are() -> None:
    a, b = tokenize("أكد أكد")
    assert (a.text, a.start, a.end, a.norm) == ("أكد", 0, 3, "اكد")
    assert a != b and a == tokenize("أكد")[0] and hash(a) == hash(tokenize("أكد")[0])
    assert a.is_word and not tokenize("،")[0].is_word
