"""Near-duplicates: MinHash over folded shingles, LSH lookup, band keys for the database."""

from __future__ import annotations

import numpy as np

from marsad.dedup import (
    DedupIndex,
    band_keys,
    dedup_words,
    from_bytes,
    lsh_params,
    shingles,
    signature,
    similarity,
    to_bytes,
)

REPORT = (
    "أعلن الأمين العام لحزب الله حسن نصر الله مساء الأحد أن الحزب سيواصل دعم المفاوضات الجارية "
    "حول ترسيم الحدود البحرية، وقال في كلمة متلفزة إن لبنان لن يتنازل عن حقوقه في المياه الإقليمية. "
    "وأضاف أن الحكومة اللبنانية تملك وحدها قرار التفاوض، داعيا الأطراف السياسية إلى الوحدة في هذه "
    "المرحلة الحساسة. وتأتي تصريحاته بعد أيام من زيارة الموفد الأمريكي إلى بيروت ولقائه رئيس الجمهورية."
)
# the same report with other spellings: joined compound, bare alefs, alef maqsura, diacritics and tatweel
RESPELLED = (
    "اعلن الامين العام لحزب الله حسن نصرالله مساء الاحد ان الحزب سيواصل دعم المفاوضات الجارية "
    "حول ترسيم الحدود البحرية، وقال في كلمة متلفزة ان لبنان لن يتنازل عن حقوقه في المياه الاقليمية. "
    "وأضاف أن الحكومة اللبنانيـة تملك وحدها قرار التفاوض، داعيا الأطراف السياسية الي الوحدة في هذه "
    "المرحلة الحسّاسة. وتأتي تصريحاته بعد أيام من زيارة الموفد الأمريكي إلى بيروت ولقائه رئيس الجمهورية."
)
UNRELATED = (
    "افتتحت وزارة الزراعة معرضا للتمور في مدينة الأحساء بمشاركة مئة وعشرين مزارعا من مختلف المناطق، "
    "وعرض المشاركون أصنافا نادرة من النخيل إلى جانب منتجات الألبان والعسل المحلي. وقال مدير المعرض إن "
    "الإقبال فاق التوقعات في يومه الأول، وإن المعرض سيستمر أسبوعا كاملا مع ورش تدريبية للشباب."
)


def test_compound_names_fold_the_same_way_however_written() -> None:
    assert dedup_words("حسن نصرالله") == dedup_words("حسن نصر الله") == ["حسن", "نصر", "الله"]


def test_spelling_variants_give_the_same_signature() -> None:
    a, b = signature(REPORT), signature(RESPELLED)
    assert a is not None and b is not None
    assert shingles(REPORT) == shingles(RESPELLED)
    assert similarity(a, b) == 1.0


def test_signature_is_deterministic_and_survives_storage() -> None:
    a = signature(REPORT)
    assert a is not None
    assert np.array_equal(a, signature(REPORT))
    assert np.array_equal(from_bytes(to_bytes(a)), a)
    assert len(to_bytes(a)) == 4 * len(a)


def test_short_text_gets_no_signature() -> None:
    assert signature("قال الوزير إن الاجتماع انتهى") is None


def test_lightly_edited_copy_is_found_and_unrelated_text_is_not() -> None:
    index = DedupIndex()
    assert index.check_and_add("first", REPORT) is None
    edited = REPORT.replace("مساء الأحد", "مساء الأحد الماضي")
    hit = index.check_and_add("copy", edited)
    assert hit is not None and hit.of == "first" and hit.id == "copy" and hit.similarity >= index.threshold
    assert "copy" not in index  # a near-duplicate is not indexed itself
    assert index.check_and_add("other", UNRELATED) is None
    assert len(index) == 2


def test_rewritten_text_below_the_threshold_is_kept() -> None:
    index = DedupIndex()
    index.check_and_add("first", REPORT)
    half = REPORT[: len(REPORT) // 2] + " " + UNRELATED
    assert index.check_and_add("mixed", half) is None


def test_best_match_prefers_the_most_similar_then_the_smaller_key() -> None:
    index = DedupIndex()
    sig = signature(REPORT)
    assert sig is not None
    index.add("b", sig)
    index.add("a", sig)
    assert index.near_duplicate_of(sig) == ("a", 1.0)


def test_band_keys_are_equal_exactly_when_a_band_is_equal() -> None:
    a, b = signature(REPORT), signature(UNRELATED)
    assert a is not None and b is not None
    bands, rows = lsh_params()
    assert bands * rows <= len(a)
    assert band_keys(a) == band_keys(a.copy())
    assert len(band_keys(a)) == bands
    changed = a.copy()
    changed[0] ^= 1  # only the first band differs
    ka, kc = band_keys(a), band_keys(changed)
    assert ka[0] != kc[0] and ka[1:] == kc[1:]
    assert not set(band_keys(a)) & set(band_keys(b))
    assert all(0 <= k < 2**63 for k in ka)
