"""marsad.search: how queries and name filters are read, and snippets (shared by every store backend)."""

from __future__ import annotations

from marsad.search import name_forms, name_key, name_pattern, parse_query, snippet


def test_name_forms_strip_honorifics_and_fold_compounds() -> None:
    assert name_forms("سماحة السيد حسن نصرالله") == ("حسن نصرالله", "حسن نصر الله")
    assert name_forms("حسن نصر الله") == ("حسن نصرالله", "حسن نصر الله")


def test_name_pattern_finds_every_spelling_inside_a_name_key() -> None:
    key = name_key(["السيد حسن نصر الله", None, "نصرالله"])
    for query in ("نصر الله", "نصرالله", "حسن نصرالله", "السيد حسن نصر الله", "حسن"):
        pattern = name_pattern(query)
        assert pattern is not None and pattern in key, query
    other = name_pattern("حسن روحاني")
    assert other is not None and other not in key
    assert name_pattern("  ") is None


def test_parse_query_joins_compounds_across_words() -> None:
    parsed = parse_query("نصر الله")
    assert [alt.words for c in parsed.clauses for alt in c.alternatives] == [("نصرالله",)]


def test_parse_query_keeps_quoted_phrases_exact() -> None:
    parsed = parse_query('"حزب الله" لبنان')
    first, second = parsed.clauses
    assert first.alternatives[0].words == ("حزب", "الله") and first.alternatives[0].exact
    assert second.alternatives[0].words == ("لبنان",) and not second.alternatives[0].exact


def test_parse_query_searches_the_stem_of_a_clitic_fused_word_when_the_stem_is_more_common() -> None:
    freq = {"واسراييل": 3, "اسراييل": 500, "لبنان": 400, "بنان": 2}
    fused = parse_query("وإسرائيل", lambda t: freq.get(t, 0))
    assert [a.words for a in fused.clauses[0].alternatives] == [("واسراييل",), ("اسراييل",)]
    plain = parse_query("لبنان", lambda t: freq.get(t, 0))
    assert [a.words for a in plain.clauses[0].alternatives] == [("لبنان",)]


def test_parse_query_folds_spelling_variants_and_diacritics() -> None:
    assert parse_query("إسرائيلَ").clauses == parse_query("اسرائيل").clauses


def test_parse_query_reads_a_trailing_star_as_a_prefix() -> None:
    (clause,) = parse_query("ميادي*").clauses
    assert clause.alternatives[0].prefix and clause.alternatives[0].words == ("ميادي",)


def test_empty_or_punctuation_only_query_has_no_clauses() -> None:
    assert not parse_query("")
    assert not parse_query(' "" ، . ')


def test_snippet_is_cut_from_the_original_text_around_the_match() -> None:
    text = "مقدمة طويلة " * 20 + "وأعلنَ الوزيرُ أنَّ إسرائيلَ ستنسحب " + "خاتمة " * 30
    piece = snippet(text, parse_query("اسرائيل").terms, width=80)
    assert "إسرائيلَ" in piece
    assert piece.startswith("…") and piece.endswith("…")
    assert piece.strip("…") in " ".join(text.split())


def test_snippet_without_a_match_is_the_start_of_the_text() -> None:
    assert snippet("نص قصير", frozenset({"غيره"})) == "نص قصير"
