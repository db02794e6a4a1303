"""marsad.store.indexing: what the full-text index holds (shared by every store backend)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from store_samples import make_article

from marsad.ids import text_hash as ids_text_hash
from marsad.store.indexing import (
    index_article,
    join_compounds,
    original_offset,
    readings,
    split_compound,
    text_hash,
    words,
)
from marsad.text import fold

ARABIC_AND_MORE = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىة") + list("ًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩ \n\t\u00a0\u200fﻻﷲAbZ.,،؛«»") + ["\U0001f600"]
    ),
    max_size=60,
)


def test_text_hash_of_folded_text_equals_ids_text_hash() -> None:
    text = "أعلنَ الوزيرُ  عن خطةٍ\nجديدة"
    assert text_hash(fold(text)) == ids_text_hash(text)


def test_compounds_written_apart_are_joined_and_joined_ones_split() -> None:
    assert join_compounds(["حسن", "نصر", "الله"]) == ["حسن", "نصرالله"]
    assert join_compounds(["عبد", "العزيز"]) == ["عبدالعزيز"]
    assert join_compounds(["نور", "الدين", "قال"]) == ["نورالدين", "قال"]
    assert split_compound("نصرالله") == ("نصر", "الله")
    assert split_compound("عبدالرحمن") in {("عبد", "الرحمن")}
    assert split_compound("الله") == ("الله",)
    assert split_compound("كتاب") == ("كتاب",)


def test_readings_hold_stems_of_clitic_fused_words() -> None:
    terms = set(readings(fold("وإسرائيل للميادين بالخطة")).split())
    assert "اسراييل" in terms
    assert {"الميادين", "ميادين"} <= terms
    assert "الخطه" in terms


def test_readings_join_compound_names_written_apart_even_after_a_clitic() -> None:
    terms = set(readings(fold("قال حسن نصر الله وعبد الله")).split())
    assert "نصرالله" in terms
    assert "عبدالله" in terms
    joined = set(readings(fold("قال حسن نصرالله")).split())
    assert {"نصر", "الله"} <= joined


def test_readings_leave_out_words_already_in_the_text() -> None:
    terms = readings(fold("قال الوزير")).split()
    assert "قال" not in terms
    assert "وزير" in terms


def test_index_article_drops_related_links_from_the_body_but_hashes_the_whole_text() -> None:
    text = "أعلن الوزير عن خطة جديدة.\nاقرأ أيضا: مباراة الفريق الأول"
    article = make_article(text, "عنوان")
    assert any(z.kind == "related" for z in article.zones)
    indexed = index_article(article)
    assert "مباراه" not in indexed.body
    assert "الوزير" in indexed.body
    assert indexed.text_hash == ids_text_hash(text)
    assert indexed.title == "عنوان"


def test_words_split_like_the_full_text_tokenizer() -> None:
    assert words(fold("قال: «إسرائيل»، و_أضاف")) == ["قال", "اسراييل", "و", "اضاف"]


@given(ARABIC_AND_MORE, st.data())
@settings(max_examples=100, deadline=None)
def test_original_offset_maps_folded_positions_back_to_the_original(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    if not folded:
        return
    pos = data.draw(st.integers(0, len(folded) - 1))
    k = original_offset(text, pos)
    assert len(fold(text[:k])) <= pos < len(fold(text[: k + 1]))
