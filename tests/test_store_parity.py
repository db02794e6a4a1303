"""Backend parity: the same queries give the same results on SQLite and PostgreSQL (docs/postgres.md).

Over 300 real articles of ../shared (analysed once per session) loaded into both backends:
the totals and the sets of hits are equal for every query; without query text (filters only)
the order is equal too.  Entity summaries, outlets and counts are equal.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.ingest import read
from marsad.models import Analysis, Article
from marsad.nlp import analyse
from marsad.store import open_store
from marsad.store.base import Query, Store
from tests.conftest import shared_path

ARTICLES = 300
TEXTS = [
    "اسرائيل",
    "إسرائيل",
    "نصر الله",
    "نصرالله",
    "الأمم المتحدة",
    '"الأمم المتحدة"',
    "إيران النووي",
    "وزير الخارجية",
    "والسعودية",
    "سوري*",
    "قال",
    "!!",
]


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    path = shared_path("data", "news", "ant-multisource.jsonl.gz")
    articles = [a for a in itertools.islice(read([str(path)]), ARTICLES) if isinstance(a, Article)]
    return [analyse(a) for a in articles]


@pytest.fixture(scope="module")
def stores(
    analyses: list[Analysis], pg_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, Store]]:
    from tests import pg

    lite = open_store(f"sqlite:///{tmp_path_factory.mktemp('parity') / 'p.db'}")
    post = open_store(pg.fresh_database(pg_server))
    for store in (lite, post):
        store.add(analyses[: ARTICLES // 2])  # two batches: the second sees the first as stored
        store.add(analyses[ARTICLES // 2 :])
    yield lite, post
    lite.close()
    post.close()


def _articles(store: Store, q: Query) -> tuple[int, list[str]]:
    page = store.search_articles(q)
    return page.total, [h.id for h in page.items]


def _statements(store: Store, q: Query) -> tuple[int, list[str]]:
    page = store.search_statements(q)
    return page.total, [f"{h.article_id}#{h.index}" for h in page.items]


@pytest.mark.parametrize("text", TEXTS)
def test_text_queries_find_the_same_articles_and_statements(stores: tuple[Store, Store], text: str) -> None:
    lite, post = stores
    for search in (_articles, _statements):
        total, ids = search(lite, Query(text=text, limit=10_000))
        total_pg, ids_pg = search(post, Query(text=text, limit=10_000))
        assert (total, sorted(ids)) == (total_pg, sorted(ids_pg))


def test_queries_match_something_in_the_sample(stores: tuple[Store, Store]) -> None:
    lite, _ = stores
    assert sum(_articles(lite, Query(text=t))[0] > 0 for t in TEXTS) >= len(TEXTS) // 2


def test_filters_give_the_same_hits_in_the_same_order(stores: tuple[Store, Store], analyses: list[Analysis]) -> None:
    lite, post = stores
    outlet = analyses[0].article.outlet
    speaker = next(s.speaker.name for a in analyses for s in a.statements if s.speaker.name)
    entity = next(e.canonical for a in analyses for e in a.entities)
    queries = [
        Query(limit=10_000),
        Query(outlet=outlet, limit=10_000),
        Query(speaker=speaker, limit=10_000),
        Query(entity=entity, limit=10_000),
        Query(since="2015-01-01", until="2016", limit=10_000),
        Query(kind="direct", limit=10_000),
        Query(limit=7, offset=5),
    ]
    for q in queries:
        assert _articles(lite, q) == _articles(post, q)
        assert _statements(lite, q) == _statements(post, q)
    assert lite.entities(limit=200) == post.entities(limit=200)
    assert lite.entities(name=entity) == post.entities(name=entity)
    assert lite.outlets() == post.outlets()
    assert lite.count() == post.count()


def test_stored_documents_round_trip_the_same(stores: tuple[Store, Store], tmp_path: Path) -> None:
    lite, post = stores
    assert [a.article.id for a in lite.iter_analyses()] == [a.article.id for a in post.iter_analyses()]
    first = next(lite.iter_analyses()).article.id
    assert lite.get(first) == post.get(first)
