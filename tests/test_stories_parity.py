"""Stories and near-duplicates are the same on SQLite and PostgreSQL (docs/postgres.md, docs/stories.md).

Real articles of ../shared (a stretch of days in the middle of the ANT multi-source corpus, where
several outlets report the same events), analysed once, plus near-copies made of some of them (the
article with one short sentence of ours added, under another outlet and URL; some in the same batch as
their original, some later).  Both backends get the same batches: the same articles are dropped as
near-copies (of the same originals, with the same similarity), and the stories come out equal — every
page, every story, every title search.  The PostgreSQL side needs ``PostgresStore`` hooked to
``marsad.store.stories_postgres``.  Reading the corpus and analysing the sample takes about 15 s.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import replace
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from marsad.errors import Refusal
from marsad.ingest import read
from marsad.models import Analysis, Article
from marsad.nlp import analyse
from marsad.store import open_store
from marsad.store.base import AddResult, Store
from marsad.stories import stems
from tests.conftest import shared_path

ARTICLES = 240
BATCH = 40
COPY_EVERY = 9
ADDED = " وهذا ما أكدته مصادر متطابقة للموقع."


def middle_by_date(limit: int, tmp: Path) -> list[Article]:
    """The ``limit`` articles in the middle of the corpus by date, in date order (read from their raw records)."""
    path = shared_path("data", "news", "ant-multisource.jsonl.gz")
    dated: list[tuple[str, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            when = json.loads(line).get("time")
            if when:
                dated.append((parsedate_to_datetime(when).date().isoformat(), line))
    dated.sort(key=lambda d: d[0])
    mid = len(dated) // 2 - limit // 2
    part = tmp / "part.jsonl"
    part.write_text("".join(line for _, line in dated[mid : mid + limit]), encoding="utf-8")
    articles = [a for a in read([str(part)]) if not isinstance(a, Refusal)]
    return sorted(articles, key=lambda a: (a.published or "")[:10])


def near_copy(analysis: Analysis) -> Analysis:
    """The article republished elsewhere with a sentence added at the end (its spans stay valid)."""
    a = analysis.article
    copy = replace(a, id=f"copy-{a.id}", url=f"https://copy.example/{a.id}", outlet="copy-outlet", text=a.text + ADDED)
    return analysis.with_(article=copy)


@pytest.fixture(scope="module")
def batches(tmp_path_factory: pytest.TempPathFactory) -> list[list[Analysis]]:
    analyses = [analyse(a) for a in middle_by_date(ARTICLES, tmp_path_factory.mktemp("sample"))]
    out: list[list[Analysis]] = []
    later: list[Analysis] = []
    for start in range(0, len(analyses), BATCH):
        batch = analyses[start : start + BATCH]
        copies = [near_copy(a) for a in batch[::COPY_EVERY]]
        out.append(later + batch[: BATCH // 2] + copies[::2] + batch[BATCH // 2 :])  # some with their original
        later = copies[1::2]  # the others in the next batch
    return [*out, later]


@pytest.fixture(scope="module")
def stores(
    batches: list[list[Analysis]], pg_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, Store, list[AddResult], list[AddResult]]]:
    from tests import pg

    lite = open_store(f"sqlite:///{tmp_path_factory.mktemp('stories') / 's.db'}")
    post = open_store(pg.fresh_database(pg_server))
    results = [[s.add(b) for b in batches] for s in (lite, post)]
    yield lite, post, results[0], results[1]
    lite.close()
    post.close()


def test_the_same_articles_are_dropped_as_near_copies(
    stores: tuple[Store, Store, list[AddResult], list[AddResult]],
) -> None:
    lite, post, lite_results, post_results = stores
    assert lite_results == post_results
    lite_dups = sorted(lite.near_duplicates(limit=10_000).items, key=lambda c: c.id)
    assert lite_dups == sorted(post.near_duplicates(limit=10_000).items, key=lambda c: c.id)
    assert any(c.id.startswith("copy-") for c in lite_dups)  # the sample does hold near-copies
    assert lite.count() == post.count()


def test_stories_come_out_the_same(stores: tuple[Store, Store, list[AddResult], list[AddResult]]) -> None:
    lite, post, _, _ = stores
    everything = lite.stories(limit=10_000)
    assert everything == post.stories(limit=10_000)  # order, members, scores, statements and copies
    across = lite.stories(limit=10_000, min_outlets=2)
    assert across == post.stories(limit=10_000, min_outlets=2)
    assert across.total > 0 and everything.total < ARTICLES  # not vacuous: stories join outlets
    for story in everything.items[:40]:
        assert lite.story(story.id) == post.story(story.id)
    assert lite.stories(limit=5, offset=7) == post.stories(limit=5, offset=7)


def test_title_searches_find_the_same_stories(stores: tuple[Store, Store, list[AddResult], list[AddResult]]) -> None:
    lite, post, _, _ = stores
    queries = {" ".join((s.label or "").split()[:2]) for s in lite.stories(limit=30).items if stems(s.label or "")}
    assert queries
    for q in sorted(queries):
        found = lite.stories(q, limit=10_000)
        assert found.total > 0
        assert found == post.stories(q, limit=10_000)
