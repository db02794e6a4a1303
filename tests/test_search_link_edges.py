"""Edges of search through links in the full-text index (marsad/store/search_links.py, search_plan.py,
sqlite_fts.py): a linked search must give the hits, totals and order of the row-by-row definition (the
plan with ``search_plan._link_groups`` giving no groups) for odd outlets and dates, kinds, long names,
merges, paging and upgraded stores."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from marsad.models import Analysis
from marsad.store import Query, Store, open_store, search_plan, sqlite_fts
from marsad.store.sqlite_migrate import migrate, migrations
from tests.entity_samples import person_says
from tests.store_samples import all_samples, entity, make_article, statement
from tests.test_store_search_links import _copy_at_schema_003, _hits, _samples

Hit = tuple[int, bool, list[object]]


def _page(store: Store, q: Query) -> Hit:
    if q.what == "articles":
        page = store.search_articles(q)
        return page.total, page.total_capped, [h.id for h in page.items]
    spage = store.search_statements(q)
    return spage.total, spage.total_capped, [(h.article_id, h.index) for h in spage.items]


def _linked_and_row_by_row(
    store: Store, queries: list[Query], monkeypatch: pytest.MonkeyPatch
) -> tuple[list[tuple[Query, Hit]], list[tuple[Query, Hit]]]:
    """Each query's page with links, and as the row-by-row definition gives it."""
    linked = [(q, _page(store, q)) for q in queries]
    with monkeypatch.context() as m:
        m.setattr(search_plan, "_link_groups", lambda q, names, kind: ([], [False] * len(names)))
        rows = [(q, _page(store, q)) for q in queries]
    return linked, rows


SAYINGS = [
    "الاقتصاد يتحسن ببطء هذا العام",
    "المفاوضات مستمرة بين الطرفين منذ الصيف",
    "الموازنة الجديدة تحمي الفقراء من الغلاء",
    "الطرق الريفية تحتاج إلى صيانة عاجلة",
    "المدارس تفتح أبوابها في موعدها",
    "الميناء يستقبل السفن رغم العاصفة",
    "الكهرباء تعود إلى الأحياء الشرقية غدا",
    "المستشفى الميداني جاهز لاستقبال الجرحى",
    "المطار يعمل بكامل طاقته بعد الإصلاح",
    "الحدود تبقى مغلقة أمام الشاحنات",
]


def _said(name: str, i: int, outlet: str | None, published: str | None, kind: str = "indirect") -> Analysis:
    """An article in which ``name`` says ``SAYINGS[i]`` (every statement holds the word الحكومة)."""
    said = "الحكومة ترى أن " + SAYINGS[i % len(SAYINGS)]
    a = make_article(
        f"قال الوزير {name} إن {said}.\nوجاء ذلك في لقاء رقم {i} مع الصحفيين.",
        f"الوزير {name} يتحدث {i}",
        outlet=outlet,
        published=published,
        record_id=f"said-{name}-{i}",
    )
    person = entity(a, "e1", "PER", name, (), name)
    st = statement(a, name, "قال", said, canonical=name, entity="e1", kind=kind)
    return Analysis(a, entities=(person,), statements=(st,))


def test_outlets_differing_in_case_spaces_or_punctuation_are_found_as_row_by_row(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    outlets = ["Alpha News", "ALPHA NEWS ", "Al-Quds, Al-Arabi", "alpha  news", None, ""]
    with open_store(store_url) as store:
        assert store.add([_said("سمير حداد", i, o, "2024-03-0" + str(i + 1)) for i, o in enumerate(outlets)]).stored
        queries = [
            Query(text=word, outlet=outlet, what=what)
            for word in ("الحكومة", "الاقتصاد")
            for outlet in ("alpha news", " Alpha News ", "AL-QUDS, AL-ARABI", "al-quds al-arabi", "alpha  NEWS", "  ")
            for what in ("statements", "articles")
        ]
        linked, rows = _linked_and_row_by_row(store, queries, monkeypatch)
    assert linked == rows
    assert rows[0][1][0] == 1 and rows[4][1][0] == 1  # "alpha news": one (no trailing space); the comma one: one


def test_outlets_differing_in_non_ascii_case_are_found_as_row_by_row(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    outlets = ["İstanbul Post", "ΝΕΑ ΟΔΟΣ", "Ärzte Blatt", "نبأ"]
    with open_store(store_url) as store:
        assert store.add([_said("سمير حداد", i, o, "2024-03-0" + str(i + 1)) for i, o in enumerate(outlets)]).stored
        queries = [
            Query(text="الحكومة", outlet=outlet, what=what)
            for outlet in (
                "istanbul post",
                "İSTANBUL POST",
                "νεα οδοσ",
                "νεα οδος",
                "ärzte blatt",
                "ÄRZTE BLATT",
                "نبأ",
            )
            for what in ("statements", "articles")
        ]
        linked, rows = _linked_and_row_by_row(store, queries, monkeypatch)
    assert linked == rows


def test_dates_without_a_month_or_not_zero_padded_are_found_by_a_range_as_row_by_row(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    days = ["2024", "2024-03", "2024-3-5", "2024-03-05", None, "2023-12-31T23:00:00+00:00"]
    with open_store(store_url) as store:
        assert store.add([_said("سمير حداد", i, "alpha", day) for i, day in enumerate(days)]).stored == len(days)
        ranges = [("2024", "2024-06"), ("2024", "2024"), ("2024-01", "2024"), ("2023-12", "2024-03-05")]
        queries = [
            Query(text="الحكومة", since=since, until=until, what=what, limit=20)
            for since, until in ranges
            for what in ("statements", "articles")
        ]
        linked, rows = _linked_and_row_by_row(store, queries, monkeypatch)
    assert rows[0][1][0] >= 2  # the year-only date is inside 2024 for the row-by-row definition
    assert linked == rows


def test_partial_and_reversed_date_bounds_with_words_find_as_row_by_row(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    days = ["2023-11-30", "2024-01-15", "2024-03-01", "2024-03-05", "2024-03-31", "2024-12-31", "2029-06-01"]
    with open_store(store_url) as store:
        store.add([_said("سمير حداد", i, "alpha", day) for i, day in enumerate(days)])
        bounds = [
            ("2024", None),
            (None, "2024-03"),
            ("2024-03", "2024-03"),
            ("2024-03-05", "2024-03-05"),
            ("2024-03-02", "2024-03"),
            ("2024-04", "2024-02"),  # since after until: nothing
            ("2024-03-06", "2024-03-05"),
            ("2023", "2029"),  # more months than MONTHS_MAX: checked row by row
            ("2024-00", "2024-13"),
        ]
        queries = [
            Query(text="الحكومة", since=since, until=until, what=what, limit=20)
            for since, until in bounds
            for what in ("statements", "articles")
        ]
        linked, rows = _linked_and_row_by_row(store, queries, monkeypatch)
        monkeypatch.setattr(search_plan, "MONTHS_MAX", 2)
        short = [(q, _page(store, q)) for q in queries]
    assert linked == rows == short
    totals = [hit[0] for _, hit in rows]
    assert totals[10] == totals[11] == 0 and totals[4] == 3 and totals[14] == 7


def test_a_kind_filter_on_articles_needs_one_statement_of_that_kind_by_the_speaker(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = make_article(
        "قال سمير حداد إن الطرق مغلقة.\nوأكد رائد سعد: المدارس مفتوحة.",
        "الوزير يتحدث عن الطرق",
        outlet="alpha",
        published="2024-02-02",
    )
    people = (entity(a, "e1", "PER", "سمير حداد", (), "سمير حداد"), entity(a, "e2", "PER", "رائد سعد", (), "رائد سعد"))
    said = (
        statement(a, "سمير حداد", "قال", "الطرق مغلقة", canonical="سمير حداد", entity="e1", kind="indirect"),
        statement(a, "رائد سعد", "أكد", "المدارس مفتوحة", canonical="رائد سعد", entity="e2", kind="direct"),
    )
    with open_store(store_url) as store:
        store.add([Analysis(a, entities=people, statements=said), *_samples()])
        queries = [
            Query(text=word, speaker=speaker, kind=kind, what=what)
            for word in ("الطرق", "المدارس")
            for speaker in ("سمير حداد", "رائد سعد", None)
            for kind in ("direct", "indirect", None)
            for what in ("statements", "articles")
        ]
        linked, rows = _linked_and_row_by_row(store, queries, monkeypatch)
        wrong_kind = store.search_articles(Query(text="الطرق", speaker="سمير حداد", kind="direct", what="articles"))
        right_kind = store.search_articles(Query(text="الطرق", speaker="رائد سعد", kind="direct", what="articles"))
    assert linked == rows
    assert wrong_kind.total == 0 and right_kind.total == 1


def test_names_with_more_terms_than_linked_max_are_checked_row_by_row_with_the_same_hits(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_url) as store:
        store.add(_samples())
        store.merge_entities("قاسم سليمانى", "قاسم سليماني")
        queries = [
            Query(text="الرد", speaker="قاسم سليماني"),
            Query(text="الوضع", speaker="قاسم سليماني", outlet="alpha"),
            Query(text="وصل", entity="قاسم سليماني", what="articles"),
            Query(text="قال", speaker="قاسم سليماني", entity="قاسم سليماني", what="articles"),
            Query(text="قال", speaker="قاسم", since="2024-01", until="2024-01-02", what="articles"),
            Query(text='"الرد قادم"', speaker="قاسم سليماني", kind="indirect"),
            Query(text="الر*", entity="قاسم سليماني", outlet="beta"),
        ]
        linked, rows = _linked_and_row_by_row(store, queries, monkeypatch)
        monkeypatch.setattr(search_plan, "LINKED_MAX", 1)
        few = [(q, _page(store, q)) for q in queries]
    assert linked == rows == few
    assert all(hit[0] for _, hit in rows)


def test_merged_and_split_names_are_found_with_words_and_facets(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_url) as store:
        store.add([person_says("أبو مهدي المهندس", "القوات جاهزة للرد", "alpha", "2024-01-01")])
        store.add([person_says("جمال جعفر الإبراهيمي", "القوات في مواقعها", "beta", "2024-01-02")])
        q = Query(text="القوات", speaker="أبو مهدي المهندس", since="2024-01", until="2024-01")
        assert store.search_statements(q).total == 1
        store.merge_entities("جمال جعفر الإبراهيمي", "أبو مهدي المهندس")
        store.add([person_says("جمال جعفر الإبراهيمي", "القوات تنسحب غدا", "gamma", "2024-01-03")])
        merged = [
            q,
            Query(text="القوات", entity="أبو مهدي المهندس", what="articles", outlet="GAMMA"),
            Query(text="القوات", speaker="أبو مهدي المهندس", what="articles"),
        ]
        linked, rows = _linked_and_row_by_row(store, merged, monkeypatch)
        assert [hit[0] for _, hit in linked] == [3, 1, 3]
        assert linked == rows
        store.split_entity("جمال جعفر الإبراهيمي")
        split, split_rows = _linked_and_row_by_row(store, merged, monkeypatch)
    assert [hit[0] for _, hit in split] == [1, 0, 1]
    assert split == split_rows


def test_pages_past_the_ranked_limit_and_the_cap_are_the_same_with_links(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_plan, "RANKED", 3)
    with open_store(store_url) as store:
        store.add([_said("سمير حداد", i, "Alpha" if i % 3 else "beta", f"2024-0{1 + i % 4}-1{i}") for i in range(9)])
        queries = [
            Query(text="الحكومة", outlet=outlet, speaker=speaker, limit=2, offset=offset, what=what)
            for outlet in ("alpha", None)
            for speaker in ("سمير حداد", None)
            for what in ("statements", "articles")
            for offset in range(0, 10, 2)
        ]
        linked, rows = _linked_and_row_by_row(store, queries, monkeypatch)
        monkeypatch.setattr(search_plan, "CAP", 4)
        capped, capped_rows = _linked_and_row_by_row(store, queries, monkeypatch)
    assert linked == rows and capped == capped_rows
    assert rows[0][1][0] == 6 and capped[0][1][:2] == (4, True)
    alpha_statements = [h for _, hit in linked[:5] for h in hit[2]]
    assert len(alpha_statements) == len(set(alpha_statements)) == 6  # every page past RANKED, none twice


def test_null_outlets_and_dates_are_not_found_by_those_filters_with_words(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_url) as store:
        store.add([_said("سمير حداد", 0, None, None), _said("سمير حداد", 1, "alpha", "2024-05-05")])
        queries = [
            Query(text="الحكومة", outlet="alpha"),
            Query(text="الحكومة", since="2000"),
            Query(text="الحكومة", until="2030"),
            Query(text="الحكومة", since="2024", until="2024", what="articles"),
            Query(text="الحكومة", speaker="سمير حداد", kind="indirect"),
        ]
        linked, rows = _linked_and_row_by_row(store, queries, monkeypatch)
    assert linked == rows
    assert [hit[0] for _, hit in rows] == [1, 1, 1, 1, 2]


def test_equal_words_rank_as_ties_newest_first_whatever_the_names_a_statement_carries(store_url: str) -> None:
    """The links column must not change the rank: two statements with the same words are a tie (newest first),
    however many names or entities each is linked to."""
    content = "الأسعار ارتفعت في لبنان وسوريا والأردن والعراق ومصر"
    old = make_article(f"أفاد مصدر مطلع أمس بأن {content}.", "تقرير عن الغلاء", outlet="alpha", published="2024-05-01")
    anonymous = statement(old, None, "أفاد", content, type="ANON")
    new = make_article(
        f"صرح الوزير سمير حداد في مؤتمر صحفي بأن {content}.", "الوزير يتحدث", outlet="beta", published="2024-05-02"
    )
    places = tuple(entity(new, f"g{i}", "GPE", p, (), p) for i, p in enumerate(("لبنان", "سوريا", "الأردن", "العراق")))
    person = entity(new, "e1", "PER", "سمير حداد", (), "سمير حداد")
    named = statement(new, "سمير حداد", "صرح", content, canonical="سمير حداد", entity="e1")
    with open_store(store_url) as store:
        store.add([*all_samples(), Analysis(old, statements=(anonymous,))])
        store.add([Analysis(new, entities=(person, *places), statements=(named,))])
        page = store.search_statements(Query(text="الأسعار"))
    assert [h.published for h in page.items] == ["2024-05-02", "2024-05-01"]


def test_a_store_at_schema_004_rebuilt_one_article_at_a_time_finds_the_same(tmp_path: Path) -> None:
    new_path, old_path = tmp_path / "new.db", tmp_path / "old.db"
    with open_store(f"sqlite:///{new_path}") as store:
        store.add([_weather()])  # an article without statements first: a step with no statements
        store.add(_samples())
        expected = _hits(store)
    _copy_at_schema_003(new_path, old_path, version=4)
    conn = sqlite3.connect(old_path, isolation_level=None)
    migrate(conn)
    assert sqlite_fts.pending(conn)
    conn.execute("BEGIN IMMEDIATE")
    assert sqlite_fts.rebuild(conn, step=1) == len(_samples()) + 1
    conn.execute("COMMIT")
    conn.close()
    with open_store(f"sqlite:///{old_path}") as store:
        assert _hits(store) == expected


def _weather() -> Analysis:
    a = make_article("نشرت الوكالة بيانا عن الطقس البارد.", "بيان الطقس", outlet="delta", published="2023-01-01")
    return Analysis(a)


def test_two_stores_opening_a_pending_store_at_once_index_it_once(tmp_path: Path) -> None:
    new_path, old_path = tmp_path / "new.db", tmp_path / "old.db"
    with open_store(f"sqlite:///{new_path}") as store:
        store.add(_samples())
        expected = _hits(store)
    _copy_at_schema_003(new_path, old_path, version=4)
    barrier = threading.Barrier(2)
    results: list[object] = []

    def open_and_search() -> None:
        barrier.wait()
        try:
            with open_store(f"sqlite:///{old_path}") as s:
                results.append(_hits(s))
        except Exception as e:  # reported by the assertion below
            results.append(e)

    threads = [threading.Thread(target=open_and_search) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results == [expected, expected]
    conn = sqlite3.connect(old_path)
    rows = conn.execute("SELECT count(*) FROM statements_fts").fetchone()
    docs = conn.execute("SELECT count(*) FROM statements").fetchone()
    conn.close()
    assert rows == docs


def test_migration_005_on_an_empty_store_leaves_nothing_to_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, [m for m in migrations() if m.version <= 4])
    conn.execute("DELETE FROM search_links_backfill")
    conn.close()
    with open_store(f"sqlite:///{path}") as store:
        store.add(_samples())
        assert store.search_statements(Query(text="الرد", speaker="قاسم سليماني")).total == 1
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM fts_rebuild").fetchone() == (0,)
    assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone() == (5,)
    conn.close()
