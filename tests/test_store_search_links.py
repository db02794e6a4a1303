"""Search through the link tables (marsad/store/search_links.py, search_plan.py) on both backends: the same hits
as the filters' definitions, capped totals, links in the full-text index finding what the row-by-row checks find,
and stores from before migrations 004 and 005 filled in when opened."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from marsad.models import Analysis, analysis_from_dict
from marsad.store import Query, Store, open_store, search_plan, sqlite_fts
from marsad.store.indexing import index_article, index_statement
from marsad.store.sqlite_migrate import migrate, migrations
from tests.entity_samples import person_says
from tests.store_samples import all_samples, entity, make_article, statement

PROBES = [
    Query(speaker="نصر الله"),
    Query(speaker="نصرالله"),
    Query(entity="إسرائيل"),
    Query(entity="إسرائيل", what="articles"),
    Query(speaker="قاسم سليماني", what="articles"),
    Query(entity="قاسم سليماني", since="2024-01-02"),
    Query(entity="قاسم سليماني", until="2024-01"),
    Query(outlet="ALPHA"),
    Query(outlet="beta", what="articles", since="2024-01-01", until="2024-01-02"),
    Query(text="الخطة"),
    Query(text="الخطة", what="articles"),
    Query(text="الرد", entity="قاسم سليماني"),
    Query(kind="direct"),
    Query(),
    Query(what="articles"),
    Query(text="الرد", speaker="قاسم سليماني"),
    Query(text="الوضع", speaker="قاسم سليماني", outlet="ALPHA", since="2024-01-01", until="2024-01"),
    Query(text="الوضع", speaker="قاسم سليماني", outlet="beta"),
    Query(text="وصل", entity="قاسم سليماني"),
    Query(text="وصل", entity="قاسم سليماني", what="articles"),
    Query(text="قال", speaker="قاسم سليماني", what="articles", since="2024-01-02", until="2024-02"),
    Query(text="قال", speaker="قاسم سليماني", what="articles", kind="direct"),
    Query(text="جاهزة", kind="direct", outlet="gamma"),
    Query(text="قال", what="articles", since="2023-12", until="2024-01-02"),
]


def _samples() -> list[Analysis]:
    return [
        *all_samples(),
        person_says("قاسم سليماني", "الوضع خطير", "alpha", "2024-01-01"),
        person_says("قاسم سليمانى", "الرد قادم", "beta", "2024-01-02"),
        person_says("رائد سعد", "الخطة جاهزة", "gamma", "2024-02-03"),
        _about("قاسم سليماني", "beta", "2024-01-03"),
    ]


def _about(name: str, outlet: str, day: str) -> Analysis:
    """An anonymous speaker talking about ``name`` (mentioned inside the content)."""
    a = make_article(f"قال مصدر إن {name} وصل أمس.", f"خبر في {outlet}", outlet=outlet, published=day)
    person = entity(a, "e1", "PER", name, (), name)
    st = statement(a, "مصدر", "قال", f"{name} وصل أمس", type="ANON")
    return Analysis(a, entities=(person,), statements=(st,))


def _hits(store: Store) -> list[tuple[int, list[tuple[str, int]]]]:
    out = []
    for q in PROBES:
        if q.what == "articles":
            page = store.search_articles(q)
            out.append((page.total, [(h.id, 0) for h in page.items]))
        else:
            spage = store.search_statements(q)
            out.append((spage.total, [(h.article_id, h.index) for h in spage.items]))
    return out


def test_entity_filter_finds_the_speaker_and_the_entities_named_in_the_content(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(_samples())
        about = store.search_statements(Query(entity="قاسم سليماني"))
        spoken = store.search_statements(Query(speaker="قاسم سليماني"))
        assert about.total == 3 and spoken.total == 2  # both spellings speak; the third is about him
        assert {h.statement.speaker.type for h in about.items} == {"PER", "ANON"}
        newest = [h.published for h in about.items]
        assert newest == sorted(newest, reverse=True)


def test_text_with_a_name_outlet_dates_or_kind_finds_exactly_the_matching_rows(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(_samples())
        said = store.search_statements(Query(text="الرد", speaker="قاسم سليماني"))
        assert [h.statement.content.text for h in said.items] == ["الرد قادم"]
        dated = Query(text="الوضع", speaker="قاسم سليماني", outlet="ALPHA", since="2024-01-01", until="2024-01")
        assert store.search_statements(dated).total == 1
        assert store.search_statements(Query(text="الوضع", speaker="قاسم سليماني", outlet="beta")).total == 0
        assert store.search_statements(Query(text="الوضع", speaker="قاسم سليماني", until="2023-12")).total == 0
        about = store.search_articles(Query(text="وصل", entity="قاسم سليماني", what="articles"))
        assert [h.outlet for h in about.items] == ["beta"]
        spoke = store.search_articles(Query(text="قال", speaker="قاسم سليماني", what="articles"))
        assert spoke.total == 2  # both spellings; the article that only mentions him is not one he speaks in


def test_links_in_the_full_text_index_find_what_the_row_by_row_checks_find(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_url) as store:
        store.add(_samples())
        linked = _hits(store)
        monkeypatch.setattr(search_plan, "_link_groups", lambda q, names, kind: ([], [False] * len(names)))
        assert _hits(store) == linked
    assert any(total for total, _ in linked[-9:])


def test_a_merge_reaches_the_statements_of_both_names(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add([person_says("أبو مهدي المهندس", "القوات جاهزة", "alpha", "2024-01-01")])
        store.add([person_says("جمال جعفر الإبراهيمي", "المعركة طويلة", "beta", "2024-01-02")])
        assert store.search_statements(Query(speaker="أبو مهدي المهندس")).total == 1
        store.merge_entities("جمال جعفر الإبراهيمي", "أبو مهدي المهندس")
        assert store.search_statements(Query(speaker="أبو مهدي المهندس")).total == 2
        assert store.search_articles(Query(entity="جمال جعفر الإبراهيمي", what="articles")).total == 2
        store.split_entity("جمال جعفر الإبراهيمي")
        assert store.search_statements(Query(entity="أبو مهدي المهندس")).total == 1


def test_totals_past_the_cap_are_capped_and_say_so(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_plan, "CAP", 2)
    with open_store(store_url) as store:
        store.add(_samples())
        for q in (Query(), Query(entity="قاسم سليماني"), Query(what="articles"), Query(text="قال", what="articles")):
            page = store.search_articles(q) if q.what == "articles" else store.search_statements(q)
            assert (page.total, page.total_capped) == (2, True)
        small = store.search_statements(Query(speaker="نصر الله"))
        assert small.total == 1 and not small.total_capped


def test_a_store_filled_again_from_scratch_finds_the_same(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(_samples())
        before = _hits(store)
    _forget_links(store_url)
    with open_store(store_url) as store:
        assert _hits(store) == before


def _forget_links(url: str) -> None:
    wipe = [
        "DELETE FROM statement_terms",
        "DELETE FROM article_terms",
        "DELETE FROM name_key_entities",
        "DELETE FROM statement_facets",
        "DELETE FROM article_facets",
        "DELETE FROM name_keys",
        "INSERT INTO search_links_backfill (pending) VALUES (1)",
    ]
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url[len("sqlite:///") :])
        with conn:
            conn.execute("INSERT INTO name_keys_fts (name_keys_fts) VALUES ('delete-all')")
            for sql in wipe:
                conn.execute(sql)
        conn.close()
        return
    import psycopg

    with psycopg.connect(url) as pg:
        for sql in wipe:
            pg.execute(sql.encode())


_OLD_TABLES = ("articles", "statements", "entities", "aliases", "mentions", "dates", "framing")


def test_a_store_built_at_schema_003_is_filled_in_when_opened(tmp_path: Path) -> None:
    new_path, old_path = tmp_path / "new.db", tmp_path / "old.db"
    with open_store(f"sqlite:///{new_path}") as store:
        store.add(_samples())
        expected = _hits(store)
    _copy_at_schema_003(new_path, old_path)
    with open_store(f"sqlite:///{old_path}") as store:
        assert _hits(store) == expected
        store.add([person_says("قاسم سليماني", "لا تراجع", "gamma", "2024-01-04")])
        assert store.search_statements(Query(speaker="قاسم سليماني")).total == 3


def _copy_at_schema_003(source: Path, path: Path, version: int = 3) -> None:
    """A database at schema 003 (migrations 001–003 only; or 004) holding the rows of ``source``, written as the
    code of that schema wrote them (no column or table of migration 004; at 004: no links, and no speakers in
    ``article_terms``)."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, [m for m in migrations() if m.version <= version])
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    conn.execute("BEGIN")
    for table in _OLD_TABLES:
        columns = ", ".join(f'"{r[1]}"' for r in conn.execute(f"PRAGMA main.table_info({table})"))
        rowid = "rowid, " if table in ("aliases", "mentions", "dates", "framing") else ""
        conn.execute(f"INSERT INTO main.{table} ({rowid}{columns}) SELECT {rowid}{columns} FROM src.{table}")
    for name in ("global_entities", "entity_aliases", "entity_overrides"):
        conn.execute(f"INSERT INTO main.{name} SELECT * FROM src.{name}")
    if version >= 4:
        for name in ("statement_facets", "article_facets", "name_keys", "name_key_entities", "statement_terms"):
            conn.execute(f"INSERT INTO main.{name} SELECT * FROM src.{name}")
        conn.execute("INSERT INTO main.article_terms SELECT * FROM src.article_terms WHERE term LIKE 'e:%'")
        conn.execute("DELETE FROM search_links_backfill")
    for rowid, doc in conn.execute("SELECT rowid, doc FROM main.articles").fetchall():
        analysis = analysis_from_dict(json.loads(doc))
        ix = index_article(analysis.article)
        row = (rowid, ix.title, ix.body, ix.readings)
        conn.execute("INSERT INTO articles_fts (rowid, title, body, rd) VALUES (?, ?, ?, ?)", row)
    for rowid, content in conn.execute("SELECT rowid, content_text FROM main.statements").fetchall():
        fts = (rowid, *index_statement(content))
        conn.execute("INSERT INTO statements_fts (rowid, content, rd) VALUES (?, ?, ?)", fts)
    conn.execute("COMMIT")
    has_terms = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'statement_terms'").fetchone()
    assert has_terms == ((1,) if version >= 4 else (0,))
    conn.close()


def test_a_store_built_at_schema_004_gets_links_in_its_full_text_index_when_opened(tmp_path: Path) -> None:
    new_path, old_path = tmp_path / "new.db", tmp_path / "old.db"
    with open_store(f"sqlite:///{new_path}") as store:
        store.add(_samples())
        expected = _hits(store)
    _copy_at_schema_003(new_path, old_path, version=4)
    with open_store(f"sqlite:///{old_path}") as store:
        assert _hits(store) == expected
        assert store.search_articles(Query(speaker="رائد سعد", what="articles")).total == 1
    conn = sqlite3.connect(old_path)
    assert conn.execute("SELECT count(*) FROM fts_rebuild").fetchone() == (0,)
    assert sqlite_fts.rebuild(conn) == 0  # a second process opening it after the first did it: nothing twice
    conn.close()
    with open_store(f"sqlite:///{old_path}") as store:
        assert _hits(store) == expected


def test_past_the_ranked_limit_older_matches_follow_the_ranked_ones(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_url) as store:
        store.add(_samples())
        everything = store.search_articles(Query(text="قال", what="articles", limit=50))
        monkeypatch.setattr(search_plan, "RANKED", 2)
        pages = [store.search_articles(Query(text="قال", what="articles", limit=2, offset=o)) for o in range(0, 8, 2)]
    assert everything.total >= 5 and all(p.total == everything.total for p in pages)
    ids = [h.id for p in pages for h in p.items]
    assert sorted(ids) == sorted(h.id for h in everything.items)  # every match once, none lost past the limit
    older = ids[2:]  # after the two ranked ones: stored last first, as the store added them
    order = {a.article.id: i for i, a in enumerate(store_order(store_url))}
    assert [order[i] for i in older] == sorted((order[i] for i in older), reverse=True)


def store_order(url: str) -> list[Analysis]:
    with open_store(url) as store:
        return list(store.iter_analyses())
