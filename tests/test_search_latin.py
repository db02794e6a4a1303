"""Latin-letter queries and name filters (marsad.search with the ANETAC pairs) find Arabic names."""

from __future__ import annotations

from marsad.search import arabic_spellings, name_patterns, parse_query
from marsad.store import Query, open_store
from tests.entity_samples import person_says


def test_a_latin_query_word_is_also_searched_as_its_arabic_spelling() -> None:
    (clause,) = parse_query("Soleimani").clauses
    assert ("سليماني",) in [alt.words for alt in clause.alternatives]


def test_an_arabic_query_word_gets_no_latin_lookup() -> None:
    (clause,) = parse_query("سليماني").clauses
    assert [alt.words for alt in clause.alternatives] == [("سليماني",)]
    assert arabic_spellings("سليماني") == []


def test_a_latin_name_filter_has_the_patterns_of_its_arabic_spellings() -> None:
    assert " سليماني " in name_patterns("Soleimani")
    assert name_patterns("حسن نصر الله") == [" حسن نصرالله "]


def test_latin_query_and_filters_find_the_arabic_statements(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add([person_says("قاسم سليماني", "القوات مستعدة", "alpha", "2024-01-01")])
        store.add([person_says("رائد سعد", "لا تعليق", "beta", "2024-01-02")])
        for q in (Query(speaker="Soleimani"), Query(entity="Soleimani"), Query(speaker="Qassem Soleimani")):
            assert [h.statement.content.text for h in store.search_statements(q).items] == ["القوات مستعدة"], q
        assert store.search_articles(Query(text="Soleimani", what="articles")).total == 1
        assert store.search_articles(Query(text="Nosuchnamehere", what="articles")).total == 0
        (summary,) = store.entities("Soleimani").items
        assert summary.canonical == "قاسم سليماني"
