"""The framing lexicon and cue words, loaded: documented entries, every concept comparable, clitic surfaces."""

from __future__ import annotations

from collections import defaultdict

import pytest

from marsad.nlp import framing_lexicon
from marsad.nlp.framing_lexicon import clitic_surfaces, concept_of, cues, entry, lexicon, lexicon_markdown, load
from marsad.text import fold
from tests.conftest import ROOT

CATEGORIES = {
    "neutral",
    "official-self-designation",
    "self-designation",
    "delegitimising",
    "criminalising",
    "sanctifying",
    "legitimising",
    "occupation-framing",
    "euphemising",
    "dehumanising",
    "sectarian-derogatory",
    "periphrasis",
    "homonym",
}


def test_lexicon_is_large_and_spans_many_concepts() -> None:
    entries = [e for e in lexicon() if e.category != "homonym"]
    assert len(entries) >= 120
    assert len({e.concept for e in entries}) >= 10


def test_every_concept_has_a_neutral_wording_to_compare_with() -> None:
    categories: dict[str, set[str]] = defaultdict(set)
    for e in lexicon():
        if e.category != "homonym":
            categories[e.concept].add(e.category)
    assert [c for c, cats in categories.items() if "neutral" not in cats] == []


def test_every_entry_is_documented_with_a_known_category_and_usage() -> None:
    for e in lexicon():
        assert e.category in CATEGORIES, e.term
        assert e.concept, e.term
        if e.category != "homonym":
            assert e.typical_usage, e.term


def test_docs_list_every_lexicon_entry_as_the_tsv_has_it() -> None:
    docs = (ROOT / "docs" / "framing.md").read_text("utf-8")
    assert lexicon_markdown() in docs, "regenerate with: python -m marsad.nlp.framing_lexicon"


def test_concept_of_gives_the_concept_of_a_canonical_term() -> None:
    assert concept_of("كيان الاحتلال") == "Israel (state)"
    assert concept_of("الجيش الإسرائيلي") == "Israeli army"
    assert concept_of("no such term") is None


def test_entry_finds_an_entry_by_its_canonical_term() -> None:
    e = entry("استشهد")
    assert e is not None and e.category == "sanctifying" and "استشهاد" in e.variants


def test_clitic_surfaces_give_the_span_start_after_conjunction_and_preposition() -> None:
    surfaces = clitic_surfaces(["مقاومه"])
    assert surfaces["مقاومه"] == (("مقاومه", 0),)
    assert surfaces["والمقاومه"] == (("مقاومه", 1),)  # the written article stays in the span
    assert surfaces["للمقاومه"] == (("مقاومه", 2),)  # ل + ال spelled لل: the span starts at the stem
    assert surfaces["وبمقاومه"] == (("مقاومه", 2),)


def test_clitic_surfaces_without_article_do_not_add_one() -> None:
    assert "السماحه" not in clitic_surfaces(["سماحه"], article=False)
    assert "وسماحه" in clitic_surfaces(["سماحه"], article=False)


def test_cue_words_are_folded_by_kind() -> None:
    assert fold("معركة") in cues().introducer
    assert fold("بأنه") in cues().complementiser
    assert fold("دولة") in cues().ambiguous


def test_a_form_listed_under_two_entries_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [["حرب", "", "war", "neutral", "wire", ""], ["عدوان", "الحرب|حرب", "war", "criminalising", "x", ""]]
    monkeypatch.setattr(framing_lexicon, "_rows", lambda name: rows)
    load.cache_clear()
    try:
        with pytest.raises(ValueError, match="both"):
            load()
    finally:
        load.cache_clear()
