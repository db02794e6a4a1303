"""The store hook of a scale run: each partition's analyses handed to a store."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

pytest.importorskip("fsspec")

import marsad
from marsad.models import Analysis, Article
from marsad.scale.sinks import StoreSink


class _FakeStore:
    added: list[Analysis] = []  # noqa: RUF012

    def __enter__(self) -> _FakeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def add(self, analyses: Any) -> None:
        self.added.extend(analyses)


def test_store_sink_adds_the_partition_analyses_to_the_store_it_names(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def fake_open(url: str) -> _FakeStore:
        opened.append(url)
        return _FakeStore()

    monkeypatch.setattr(marsad, "open_store", fake_open)
    analyses = [Analysis(Article(id=f"a{n}", text="نص الخبر.")) for n in range(3)]
    StoreSink("postgresql://u@db/marsad")("part-00001-abc", analyses)
    assert opened == ["postgresql://u@db/marsad"]
    assert [a.article.id for a in _FakeStore.added] == ["a0", "a1", "a2"]


def test_store_sink_is_picklable_for_the_workers() -> None:
    sink = StoreSink("postgresql://u@db/marsad")
    assert pickle.loads(pickle.dumps(sink)) == sink
