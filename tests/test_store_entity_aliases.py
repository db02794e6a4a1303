"""The entity alias table (marsad/store/entity_aliases.py) on both backends."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.store import Query, Store, open_store
from tests.entity_samples import person_says


def test_same_name_in_two_outlets_is_one_entity(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add([person_says("قاسم سليماني", "الوضع خطير", "alpha", "2024-01-01")])
        store.add([person_says("قاسم سليمانى", "الرد قادم", "beta", "2024-01-02")])
        assert sorted(store.entity_aliases("قاسم سليماني")) == sorted(["قاسم سليماني", "قاسم سليمانى"])


def test_merge_joins_two_names_and_split_parts_them(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add([person_says("أبو مهدي المهندس", "القوات جاهزة", "alpha", "2024-01-01")])
        store.add([person_says("جمال جعفر الإبراهيمي", "المعركة طويلة", "beta", "2024-01-02")])
        assert store.entity_aliases("أبو مهدي المهندس") == ["أبو مهدي المهندس"]
        assert store.merge_entities("جمال جعفر الإبراهيمي", "أبو مهدي المهندس") == 1
        assert sorted(store.entity_aliases("أبو مهدي المهندس")) == sorted(["أبو مهدي المهندس", "جمال جعفر الإبراهيمي"])
        assert sorted(store.entity_aliases("جمال جعفر الإبراهيمي")) == sorted(store.entity_aliases("أبو مهدي المهندس"))
        assert store.split_entity("جمال جعفر الإبراهيمي") == 1
        assert store.entity_aliases("جمال جعفر الإبراهيمي") == ["جمال جعفر الإبراهيمي"]
        assert store.entity_aliases("أبو مهدي المهندس") == ["أبو مهدي المهندس"]


def test_merging_an_unknown_name_raises_lookup_error(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add([person_says("أبو مهدي المهندس", "القوات جاهزة", "alpha", "2024-01-01")])
        with pytest.raises(LookupError):
            store.merge_entities("شخص لا وجود له", "أبو مهدي المهندس")
        with pytest.raises(LookupError):
            store.split_entity("شخص لا وجود له")


def test_a_split_name_stays_apart_when_its_entity_is_seen_again(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add([person_says("رائد سعد", "الخطة جاهزة", "alpha", "2024-01-01")])
        store.add([person_says("رائد سعد الدين", "لا تعليق", "beta", "2024-01-02")])
        store.merge_entities("رائد سعد الدين", "رائد سعد")
        store.split_entity("رائد سعد الدين")
        store.add([person_says("رائد سعد الدين", "الاجتماع غدا", "gamma", "2024-01-03")])
        assert store.entity_aliases("رائد سعد الدين") == ["رائد سعد الدين"]


def test_a_database_from_before_the_alias_table_is_filled_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(f"sqlite:///{path}") as store:
        store.add([person_says("قاسم سليماني", "الوضع خطير", "alpha", "2024-01-01")])
    _forget_aliases(path)
    with open_store(f"sqlite:///{path}") as store:
        assert store.entity_aliases("قاسم سليماني") == ["قاسم سليماني"]
    conn = sqlite3.connect(path)
    keys = conn.execute("SELECT entity_key FROM entities").fetchall()
    conn.close()
    assert len(keys) == 1 and str(keys[0][0]).startswith("PER:")


def _forget_aliases(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE entities SET entity_key = NULL")
        conn.execute("DELETE FROM entity_aliases")
        conn.execute("DELETE FROM global_entities")
    conn.close()


def test_hand_merges_are_kept_when_the_alias_table_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with open_store(f"sqlite:///{path}") as store:
        store.add([person_says("أبو مهدي المهندس", "القوات جاهزة", "alpha", "2024-01-01")])
        store.add([person_says("جمال جعفر الإبراهيمي", "المعركة طويلة", "beta", "2024-01-02")])
        store.add([person_says("رائد سعد", "الخطة جاهزة", "gamma", "2024-01-03")])
        store.merge_entities("جمال جعفر الإبراهيمي", "أبو مهدي المهندس")
    _forget_aliases(path)
    with open_store(f"sqlite:///{path}") as store:
        assert sorted(store.entity_aliases("أبو مهدي المهندس")) == sorted(["أبو مهدي المهندس", "جمال جعفر الإبراهيمي"])
        assert store.entity_aliases("رائد سعد") == ["رائد سعد"]


def _merged_pair(store: Store) -> None:
    store.add([person_says("أبو مهدي المهندس", "القوات جاهزة", "alpha", "2024-01-01")])
    store.add([person_says("جمال جعفر الإبراهيمي", "المعركة طويلة", "beta", "2024-01-02")])


def test_speaker_and_entity_filters_find_the_statements_of_merged_names(store_url: str) -> None:
    with open_store(store_url) as store:
        _merged_pair(store)
        assert [h.statement.content.text for h in store.search_statements(Query(speaker="أبو مهدي المهندس")).items] == [
            "القوات جاهزة"
        ]
        store.merge_entities("جمال جعفر الإبراهيمي", "أبو مهدي المهندس")
        for q in (Query(speaker="أبو مهدي المهندس"), Query(entity="أبو مهدي المهندس"), Query(speaker="الإبراهيمي")):
            found = {h.statement.content.text for h in store.search_statements(q).items}
            assert found == {"القوات جاهزة", "المعركة طويلة"}, q
        assert store.search_articles(Query(what="articles", entity="المهندس")).total == 2
        assert store.search_articles(Query(what="articles", speaker="المهندس")).total == 2


def test_entities_lists_merged_names_as_one_entity_with_aliases(store_url: str) -> None:
    with open_store(store_url) as store:
        _merged_pair(store)
        assert store.entities().total == 2
        store.merge_entities("جمال جعفر الإبراهيمي", "أبو مهدي المهندس")
        page = store.entities("جمال جعفر الإبراهيمي")
        assert page.total == 1 and store.entities().total == 1
        (summary,) = page.items
        assert {summary.canonical, *summary.aliases} >= {"أبو مهدي المهندس", "جمال جعفر الإبراهيمي"}
        assert (summary.articles, summary.statements) == (2, 2)


def test_a_later_article_naming_a_merged_name_is_found_by_the_other(store_url: str) -> None:
    with open_store(store_url) as store:
        _merged_pair(store)
        store.merge_entities("جمال جعفر الإبراهيمي", "أبو مهدي المهندس")
        store.add([person_says("جمال جعفر الإبراهيمي", "الهدنة انتهت", "gamma", "2024-02-01")])
        found = {h.statement.content.text for h in store.search_statements(Query(speaker="أبو مهدي المهندس")).items}
        assert "الهدنة انتهت" in found
