"""Reading partitions gives exactly what ``marsad extract`` reads from the same inputs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("fsspec")

import marsad
from marsad.errors import Refusal
from marsad.scale.partitions import plan
from marsad.scale.readers import articles
from marsad.settings import Settings


def _lines(count: int) -> list[str]:
    out = []
    for n in range(count):
        rec = {"id": f"r{n}", "title": f"خبر {n}", "text": f"أعلن الوزير أن المشروع رقم {n} سيكتمل العام المقبل."}
        out.append(json.dumps(rec, ensure_ascii=False))
        if n % 7 == 3:
            out.append("")  # blank lines are skipped but still count in the line numbers
        if n % 11 == 5:
            out.append("{not json")
        if n % 13 == 8:
            out.append(json.dumps({"id": f"e{n}", "title": "بلا نص"}, ensure_ascii=False))
    return out


def _everything(inputs: list[str], size: int) -> list[marsad.Article | Refusal]:
    settings = Settings()
    return [item for p in plan(inputs, size, settings).partitions for item in articles(p, settings)]


@pytest.mark.parametrize("compressed", [False, True])
def test_jsonl_partitions_read_the_same_articles_and_refusals_as_the_local_reader(
    tmp_path: Path, compressed: bool
) -> None:
    data = ("\n".join(_lines(60)) + "\n").encode("utf-8")
    path = tmp_path / ("news.jsonl.gz" if compressed else "news.jsonl")
    path.write_bytes(gzip.compress(data) if compressed else data)
    local = list(marsad.read(str(path)))
    assert any(isinstance(x, Refusal) for x in local)
    for size in (1, 9, 1000):
        assert _everything([str(path)], size) == local


def test_record_sources_keep_their_line_numbers_in_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(_lines(30)) + "\n", encoding="utf-8")
    p = plan([str(path)], 10).partitions[2]
    first = next(iter(articles(p, Settings())))
    assert first.source == f"{path}:21"


def test_parquet_rows_are_read_as_article_records(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    recs = [json.loads(line) for line in _lines(20) if line.startswith('{"id": "r')]
    path = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist(recs), path, row_group_size=4)
    got = _everything([str(path)], 6)
    assert [a.id for a in got if isinstance(a, marsad.Article)] == [r["id"] for r in recs]
    assert got[0].source == f"{path}:1"


def test_parquet_rows_without_text_are_refused_with_their_row(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "news.parquet"
    pq.write_table(
        pa.Table.from_pylist([{"article_id": "a1", "text": "نص قصير عن الخبر."}, {"article_id": "a2"}]), path
    )
    got = _everything([str(path)], 10)
    assert isinstance(got[0], marsad.Article) and got[0].id == "a1"
    assert isinstance(got[1], Refusal) and got[1].source == f"{path}:2"


def test_whole_files_are_read_by_the_ordinary_readers(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"عنوان الخبر {n}\nقال الناطق إن الوفد وصل.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    assert _everything([str(folder)], 2) == list(marsad.read(str(folder)))


def test_inputs_behind_an_fsspec_url_are_read(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    data = ("\n".join(_lines(12)) + "\n").encode("utf-8")
    fs = fsspec.filesystem("memory")
    fs.pipe("/scale-readers/news.jsonl", data)
    try:
        local = tmp_path / "news.jsonl"
        local.write_bytes(data)
        got = _everything(["memory://scale-readers/news.jsonl"], 5)
        want = list(marsad.read(str(local)))
        assert [_id(x) for x in got] == [_id(x) for x in want]
    finally:
        fs.rm("/scale-readers", recursive=True)


def _id(item: marsad.Article | Refusal) -> str:
    return item.id if isinstance(item, marsad.Article) else item.reason


def test_gzip_partitions_read_in_any_order_give_the_same_records(tmp_path: Path) -> None:
    from marsad.scale.readers import close_streams

    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(_lines(80)) + "\n").encode("utf-8")))
    settings = Settings()
    parts = plan([str(path)], 7, settings).partitions
    by_order = {p.index: list(articles(p, settings)) for p in [*parts[::2], *reversed(parts[1::2])]}
    close_streams()
    assert [x for i in sorted(by_order) for x in by_order[i]] == list(marsad.read(str(path)))


def test_an_unreadable_parquet_file_is_refused_without_stopping_the_partition(tmp_path: Path) -> None:
    from marsad.scale.partitions import Partition

    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not parquet at all")
    (refusal,) = list(articles(Partition(0, "parquet", (str(path),), 0, 5), Settings()))
    assert isinstance(refusal, Refusal) and refusal.source == str(path)
    assert "could not read" in refusal.reason
