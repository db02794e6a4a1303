"""Exports: article documents as JSON Lines, flat tables as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from store_samples import all_samples, speech

from marsad.export import ExportError, export
from marsad.store.sqlite import SqliteStore
from marsad.tables import COLUMNS


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    s = SqliteStore(str(tmp_path / "x.db"))
    s.add(all_samples())
    return s


def test_jsonl_of_articles_is_one_article_document_a_line(store: SqliteStore) -> None:
    out = io.StringIO()
    assert export(store, "articles", "jsonl", out) == 4
    docs = [json.loads(line) for line in out.getvalue().splitlines()]
    assert docs == [a.to_dict() for a in all_samples()]


def test_csv_of_statements_has_the_contract_columns_keyed_by_article_id(store: SqliteStore, tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    assert export(store, "statements", "csv", path) == 3
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0].keys()) == COLUMNS["statements"]
    mine = [r for r in rows if r["article_id"] == speech().article.id]
    assert len(mine) == 1
    row = mine[0]
    s = speech().statements[0]
    assert row["content_text"] == s.content.text and row["speaker_canonical"] == "حسن نصر الله"
    text = speech().article.text
    assert text[int(row["content_start"]) : int(row["content_end"])] == row["content_text"]


def test_parquet_of_entities_has_the_table_schema(store: SqliteStore, tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    assert export(store, "entities", "parquet", path) == 4
    table = pq.read_table(path)
    assert tuple(table.column_names) == COLUMNS["entities"]
    assert set(table.column("canonical").to_pylist()) == {"إسرائيل", "حسن نصر الله", "حزب الله", "لبنان"}


def test_parquet_of_an_empty_table_is_a_valid_file(tmp_path: Path) -> None:
    empty = SqliteStore(str(tmp_path / "empty.db"))
    path = tmp_path / "d.parquet"
    assert export(empty, "dates", "parquet", path) == 0
    assert pq.read_table(path).num_rows == 0


def test_jsonl_of_a_flat_table_is_one_row_a_line(store: SqliteStore) -> None:
    out = io.StringIO()
    export(store, "mentions", "jsonl", out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == 5 and set(rows[0]) == set(COLUMNS["mentions"])


def test_parquet_to_a_text_stream_and_unknown_tables_are_refused(store: SqliteStore) -> None:
    with pytest.raises(ExportError, match="-o FILE"):
        export(store, "articles", "parquet", io.StringIO())
    with pytest.raises(ExportError, match="unknown table"):
        export(store, "speakers", "csv", io.StringIO())
    with pytest.raises(ExportError, match="unknown format"):
        export(store, "articles", "xml", io.StringIO())
