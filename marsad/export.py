"""Exports of a store: the article documents as JSON Lines, or a flat table (``marsad.tables``) as
JSON Lines, CSV or Parquet, keyed by ``article_id``.  Streamed: memory stays flat on big stores."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from typing import IO, Any, Literal, get_args

from marsad.errors import MarsadError
from marsad.models import Analysis
from marsad.store.base import Store
from marsad.tables import COLUMNS, TABLES, arrow_schema, rows, to_arrow

ExportFormat = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)
PARQUET_ROWS = 10_000  # rows per Parquet row group


class ExportError(MarsadError):
    """An export that cannot be made as asked (a usage error)."""


def table_rows(analyses: Iterator[Analysis], what: str) -> Iterator[dict[str, Any]]:
    """The rows of one table for every analysis, in store order."""
    if what not in TABLES:
        raise ExportError(f"unknown table {what!r}: choose one of {', '.join(TABLES)}")
    for analysis in analyses:
        yield from rows(analysis)[what]


def write_jsonl(store: Store, what: str, out: IO[str]) -> int:
    """Articles: one article document a line (CONTRACT.md); other tables: one row a line."""
    n = 0
    if what == "articles":
        for analysis in store.iter_analyses():
            out.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
            n += 1
        return n
    for row in table_rows(store.iter_analyses(), what):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(store: Store, what: str, out: IO[str]) -> int:
    """A header line with the table's columns (``marsad.tables.COLUMNS``), then one row per item."""
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS[what]) if what in COLUMNS else [], lineterminator="\n")
    rows_iter = table_rows(store.iter_analyses(), what)
    writer.writeheader()
    n = 0
    for row in rows_iter:
        writer.writerow(row)
        n += 1
    return n


def write_parquet(store: Store, what: str, path: str | os.PathLike[str]) -> int:
    """One Parquet file with the table's schema (``marsad.tables.arrow_schema``), written in row groups."""
    import pyarrow.parquet as pq

    rows_iter = table_rows(store.iter_analyses(), what)
    n = 0
    with pq.ParquetWriter(str(path), arrow_schema(what)) as writer:
        pending: list[dict[str, Any]] = []
        for row in rows_iter:
            pending.append(row)
            if len(pending) >= PARQUET_ROWS:
                writer.write_table(to_arrow(what, pending))
                n += len(pending)
                pending = []
        if pending or n == 0:
            writer.write_table(to_arrow(what, pending))
            n += len(pending)
    return n


def export(store: Store, what: str, fmt: str, output: str | os.PathLike[str] | IO[str]) -> int:
    """Write ``what`` (a table of ``marsad.tables.TABLES``) in ``fmt`` to a path or a text stream;
    returns the number of rows (articles for ``jsonl`` of articles) written."""
    if what not in TABLES:
        raise ExportError(f"unknown table {what!r}: choose one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(output, (str, os.PathLike)):
            raise ExportError("Parquet is binary: give a file with -o FILE")
        return write_parquet(store, what, output)
    writer = write_jsonl if fmt == "jsonl" else write_csv
    if isinstance(output, (str, os.PathLike)):
        with open(output, "w", encoding="utf-8", newline="") as f:
            return writer(store, what, f)
    return writer(store, what, output)


__all__ = ["FORMATS", "ExportError", "ExportFormat", "export", "table_rows", "write_csv", "write_jsonl"]
