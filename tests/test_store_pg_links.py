"""PostgreSQL's ``links`` column (marsad/store/postgres_links.py, migration 005): text searches with a name,
outlet, dates or kind find the same hits as SQLite's, every row holds its links, and a store written at schema
004 finds the same after it is migrated as a store written now (article search by speaker included)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from marsad.models import Analysis
from marsad.store import Query, Store, open_store, postgres_search, search_links, search_plan
from tests.entity_samples import person_says
from tests.store_samples import all_samples, entity, make_article, statement

PROBES = [
    Query(text="الاقتصاد", speaker="سمير الخطيب"),
    Query(text="الاقتصاد", entity="سمير الخطيب"),
    Query(text="الاقتصاد", speaker="ليلى حداد", kind="direct"),
    Query(text="الاقتصاد", outlet="ALPHA", since="2024-01-01", until="2024-02-28"),
    Query(text="الاقتصاد", since="2024-02", until="2024-02"),
    Query(text="الاقتصاد", kind="indirect"),
    Query(text="الاقتصاد", what="articles", speaker="ليلى حداد"),
    Query(text="الاقتصاد", what="articles", entity="سمير الخطيب", outlet="alpha"),
    Query(text="الاقتصاد", what="articles", speaker="سمير الخطيب", kind="indirect"),
    Query(text="الاقتصاد", what="articles", since="2024-02-01", until="2024-03-31"),
    Query(what="articles", speaker="ليلى حداد"),
    Query(what="articles", speaker="سمير الخطيب", since="2024-02"),
    Query(speaker="سمير الخطيب"),
    Query(text="الخطة"),
]


def _samples() -> list[Analysis]:
    return [
        *all_samples(),
        person_says("سمير الخطيب", "الاقتصاد يتحسن ببطء", "alpha", "2024-01-05"),
        person_says("سمير الخطيب", "الميزانية جاهزة", "beta", "2024-02-10"),
        person_says("ليلى حداد", "الاقتصاد بحاجة إلى إصلاح", "alpha", "2024-02-11"),
        person_says("ليلى حداد", "المدارس مفتوحة", "gamma", "2024-03-01"),
        _about("سمير الخطيب", "الاقتصاد", "beta", "2024-02-20"),
    ]


def _about(name: str, topic: str, outlet: str, day: str) -> Analysis:
    """An anonymous source saying something about ``name`` (mentioned inside the content)."""
    a = make_article(f"قال مصدر إن {name} تحدث عن {topic} أمس.", f"خبر عن {topic}", outlet=outlet, published=day)
    person = entity(a, "e1", "PER", name, (), name)
    st = statement(a, "مصدر", "قال", f"{name} تحدث عن {topic} أمس", type="ANON")
    return Analysis(a, entities=(person,), statements=(st,))


Hits = list[tuple[int, list[str]]]


def _hits(store: Store) -> Hits:
    out: Hits = []
    for q in PROBES:
        if q.what == "articles":
            page = store.search_articles(q)
            out.append((page.total, [h.id for h in page.items]))
        else:
            spage = store.search_statements(q)
            out.append((spage.total, [f"{h.article_id}#{h.index}" for h in spage.items]))
    return out


@pytest.fixture
def pg_url(pg_server: str) -> str:
    from tests import pg

    return pg.fresh_database(pg_server)


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    with open_store(pg_url) as store:
        store.add(_samples()[:5])  # two batches: the second links rows after stored ones
        store.add(_samples()[5:])
        yield store


def test_text_searches_with_names_and_facets_find_what_sqlite_finds(pg_store: Store, tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'lite.db'}") as lite:
        lite.add(_samples()[:5])
        lite.add(_samples()[5:])
        expected = _hits(lite)
    got = _hits(pg_store)
    assert [(total, sorted(ids)) for total, ids in got] == [(total, sorted(ids)) for total, ids in expected]
    assert got[0][0] == 1 and got[1][0] == 2  # he says it once; once more he is spoken about
    assert got[6][0] == 1 and got[10][0] == 2  # her article with the word; both of her articles


def _column_links(url: str, table: str) -> dict[int, set[str]]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(f"SELECT rowid, links FROM {table}".encode()).fetchall()
    return {int(r[0]): set(r[1] or ()) for r in rows}


def _expected_links(url: str) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    with psycopg.connect(url) as conn:
        links = search_links.links_between(conn, "%s", (0, search_links.END), (0, search_links.END))
    return {k: set(v) for k, v in links.statements.items()}, {k: set(v) for k, v in links.articles.items()}


def test_every_added_row_holds_its_name_and_facet_terms(pg_store: Store, pg_url: str) -> None:
    statements, articles = _expected_links(pg_url)
    assert _column_links(pg_url, "statements") == statements
    stored = _column_links(pg_url, "articles")
    assert stored == {rowid: articles.get(rowid, set()) for rowid in stored}  # an article without terms: none
    assert any(t.startswith("s:") for terms in articles.values() for t in terms)  # speakers reach their articles


def _back_to_schema_004(url: str, links_pending: bool) -> None:
    """Make the database what migration 004 left (article terms without speakers, no links); with
    ``links_pending``, as it was before 004's own backfill ran (its link tables empty)."""
    sql = [
        "DELETE FROM article_terms WHERE term LIKE 's:%' OR term LIKE 'p:%'",
        "DROP TABLE links_backfill",
        "ALTER TABLE statements DROP COLUMN links",
        "ALTER TABLE articles DROP COLUMN links",
        "DROP INDEX name_keys_trgm",
        "CREATE INDEX name_keys_trgm ON name_keys USING gin (key gin_trgm_ops)",
        "CREATE INDEX statements_speaker_key ON statements USING gin (speaker_key gin_trgm_ops)",
        "DELETE FROM schema_migrations WHERE version = 5",
    ]
    if links_pending:
        for table in ("statement_terms", "article_terms", "name_key_entities", "statement_facets", "article_facets"):
            sql.append(f"DELETE FROM {table}")
        sql += ["DELETE FROM name_keys", "INSERT INTO search_links_backfill (pending) VALUES (1)"]
    with psycopg.connect(url) as conn:
        for s in sql:
            conn.execute(s.encode())


@pytest.mark.parametrize("links_pending", [False, True], ids=["linked", "before-its-backfill"])
def test_a_store_written_at_schema_004_finds_the_same_once_migrated(
    pg_store: Store, pg_url: str, links_pending: bool
) -> None:
    expected = _hits(pg_store)
    assert expected[10][0] == 2  # article search by speaker finds her articles
    pg_store.close()
    _back_to_schema_004(pg_url, links_pending)
    with open_store(pg_url) as store:
        assert _hits(store) == expected
        statements, _ = _expected_links(pg_url)
        assert _column_links(pg_url, "statements") == statements
        store.add([person_says("ليلى حداد", "الاقتصاد أولا", "beta", "2024-03-09")])
        assert store.search_articles(Query(what="articles", speaker="ليلى حداد")).total == 3
        assert store.search_statements(Query(text="الاقتصاد", speaker="ليلى حداد")).total == 2


def test_rows_without_links_are_not_found_by_a_text_search_with_a_name(pg_store: Store, pg_url: str) -> None:
    """The links column is what answers text + name (not a row-by-row check of the name)."""
    q = Query(text="الاقتصاد", speaker="سمير الخطيب")
    assert pg_store.search_statements(q).total == 1
    with psycopg.connect(pg_url) as conn:
        conn.execute("UPDATE statements SET links = NULL")
    assert pg_store.search_statements(q).total == 0
    assert pg_store.search_statements(Query(speaker="سمير الخطيب")).total == 2  # no text: the link tables


def _article_pages(store: Store, text: str) -> list[tuple[int, list[str]]]:
    pages = [store.search_articles(Query(text=text, what="articles", limit=2, offset=o)) for o in range(0, 10, 2)]
    return [(p.total, [h.id for h in p.items]) for p in pages]


def test_articles_past_their_ranked_limit_page_as_a_smaller_ranked_limit_would(
    pg_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL ranks at most ``ARTICLES_RANKED`` article matches (the most recently stored), then lists the older
    ones: the pages (and totals) ``search_plan.RANKED`` that small would give."""
    everything = _article_pages(pg_store, "قال")
    monkeypatch.setattr(postgres_search, "ARTICLES_RANKED", 2)
    capped = _article_pages(pg_store, "قال")
    monkeypatch.setattr(postgres_search, "ARTICLES_RANKED", 500)
    monkeypatch.setattr(search_plan, "RANKED", 2)
    assert capped == _article_pages(pg_store, "قال")
    assert everything[0][0] >= 5 and [t for t, _ in capped] == [t for t, _ in everything]
    assert sorted(i for _, ids in capped for i in ids) == sorted(i for _, ids in everything for i in ids)
    assert capped != everything  # only the two latest matches were ranked
