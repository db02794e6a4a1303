"""The store hook of a scale run: each partition's analyses handed to a store — with a fake store,
and with a real PostgreSQL server loaded by a Dask LocalCluster of 2 worker processes."""

from __future__ import annotations

import gzip
import itertools
import json
import pickle
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fsspec")

import marsad
from marsad.models import Analysis, Article
from marsad.scale.sinks import StoreSink
from marsad.settings import Settings
from marsad.store.base import AddResult
from marsad.tables import TABLES
from tests.conftest import shared_path

ARTICLES = 200  # the first shared articles loaded into PostgreSQL
COPIES = 5  # of them again under new ids: exact copies the store must keep once


class _FakeStore:
    added: list[Analysis] = []  # noqa: RUF012

    def __enter__(self) -> _FakeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def add(self, analyses: Any) -> AddResult:
        new = [a for a in analyses if a not in self.added]
        self.added.extend(new)
        return AddResult(stored=len(new), duplicates=len(analyses) - len(new))


def test_store_sink_adds_the_partition_analyses_to_the_store_it_names(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[str, Settings | None]] = []

    def fake_open(url: str, settings: Settings | None = None) -> _FakeStore:
        opened.append((url, settings))
        return _FakeStore()

    monkeypatch.setattr(marsad, "open_store", fake_open)
    analyses = [Analysis(Article(id=f"a{n}", text="نص الخبر.")) for n in range(3)]
    settings = Settings(batch_size=7)
    counts = StoreSink("postgresql://u@db/marsad", settings)("part-00001-abc", analyses)
    assert opened == [("postgresql://u@db/marsad", settings)]  # the settings of the machine that started the run
    assert [a.article.id for a in _FakeStore.added] == ["a0", "a1", "a2"]
    assert counts == {"stored": 3, "duplicates": 0}
    assert StoreSink("postgresql://u@db/marsad")("part-00001-abc", analyses[1:]) == {"stored": 0, "duplicates": 2}


def test_store_sink_is_picklable_for_the_workers() -> None:
    sink = StoreSink("postgresql://u@db/marsad", Settings(batch_size=7))
    assert pickle.loads(pickle.dumps(sink)) == sink


# ---- a real PostgreSQL server, loaded from a LocalCluster ----------------------------------------


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The first shared articles, then a few of them again under new ids (same text and URL)."""
    news = shared_path("data", "news", "ant-multisource.jsonl.gz")
    with gzip.open(news, "rt", encoding="utf-8") as f:
        lines = list(itertools.islice(f, ARTICLES))
    copies = []
    for line in lines[3 : 3 + COPIES]:
        record = json.loads(line)
        record["docno"] = f"{record['docno']}-copy"
        copies.append(json.dumps(record, ensure_ascii=False) + "\n")
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as g:
        g.writelines(lines + copies)
    return path


def _rows(out: Path) -> dict[str, list[dict[str, Any]]]:
    pq = pytest.importorskip("pyarrow.parquet")
    return {t: pq.read_table(out / t).to_pylist() for t in TABLES}


def test_a_scale_run_loads_postgres_with_what_the_tables_hold_and_a_rerun_stores_nothing_twice(
    client: Any, pg_server: str, corpus: Path, tmp_path: Path
) -> None:
    from marsad.scale.run import run
    from tests import pg

    url = pg.fresh_database(pg_server)
    out = tmp_path / "out"
    first = run([str(corpus)], str(out), client=client, partition_size=50, sink=StoreSink(url))
    assert first.ok and len(first.computed) == 5
    assert len({p["worker"] for p in first.manifest["partitions"]}) == 2  # two processes loaded it at once
    tables = _rows(out)
    assert len(tables["articles"]) == ARTICLES + COPIES
    totals = first.manifest["totals"]["stored"]
    with marsad.open_store(url) as store:
        counts = store.count()
        kept = store.stored_ids(r["article_id"] for r in tables["articles"])
    # every article is stored once or reported as a duplicate (the copies at least; near-copies too
    # where the store screens them)
    assert totals["stored"] + totals["duplicates"] == len(tables["articles"])
    assert totals["duplicates"] >= COPIES
    assert counts["articles"] == totals["stored"] == len(kept)
    copies = [r["article_id"] for r in tables["articles"] if r["article_id"].endswith("-copy")]
    assert len(copies) == COPIES
    for copy in copies:  # whichever partition came first, one of the two is stored
        assert len({copy, copy.removesuffix("-copy")} & kept) == 1
    for table in TABLES:  # the store holds the rows of the Parquet tables of the stored articles
        assert counts[table] == sum(r["article_id"] in kept for r in tables[table]), table

    # a partition whose marker is lost is computed and loaded again: everything in it is a duplicate now
    again = first.computed[1]
    (out / "_partitions" / f"{again}.json").unlink()
    second = run([str(corpus)], str(out), client=client, partition_size=50, sink=StoreSink(url))
    assert second.computed == [again] and len(second.reused) == 4
    entry = next(p for p in second.manifest["partitions"] if p["id"] == again)
    assert entry["stored"] == {"stored": 0, "duplicates": entry["rows"]["articles"]}
    with marsad.open_store(url) as store:
        assert store.count() == counts
    assert Counter(p["status"] for p in second.manifest["partitions"]) == {"reused": 4, "done": 1}
