"""The output folder: atomic writes, finished-partition markers, cleaning of stale files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fsspec")
pytest.importorskip("pyarrow")

from marsad.scale.output import Output
from marsad.scale.partitions import Partition
from marsad.scale.result import PartitionResult
from marsad.tables import TABLES


def _partition(index: int = 0, end: int = 10) -> Partition:
    return Partition(index, "jsonl", ("/data/news.jsonl",), 0, end, 0, False, "100:1")


def _finish(out: Output, p: Partition) -> PartitionResult:
    for table in TABLES:
        out.write_table(table, p.id, [])
    result = PartitionResult(p.id, 3, {t: 0 for t in TABLES})
    out.write_marker(p, result)
    return result


def test_an_atomic_write_leaves_no_file_when_it_fails_half_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = Output(str(tmp_path))
    target = out.path("articles", "part-1.parquet")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr("marsad.scale.output.os.replace", broken_replace)
    with pytest.raises(OSError):
        out.write_bytes(target, b"data")
    assert list((tmp_path / "articles").iterdir()) == []


def test_an_atomic_write_replaces_the_whole_file(tmp_path: Path) -> None:
    out = Output(str(tmp_path))
    target = out.path("x", "f.json")
    out.write_json(target, {"a": 1})
    out.write_json(target, {"a": 2})
    assert json.loads(Path(target).read_text()) == {"a": 2}
    assert [p.name for p in (tmp_path / "x").iterdir()] == ["f.json"]


def test_a_partition_counts_as_finished_only_with_its_marker_and_all_its_files(tmp_path: Path) -> None:
    out = Output(str(tmp_path))
    p = _partition()
    assert out.finished(p) is None
    result = _finish(out, p)
    assert out.finished(p) == result
    (tmp_path / "dates" / f"{p.id}.parquet").unlink()
    assert out.finished(p) is None


def test_a_marker_of_another_plan_is_not_trusted(tmp_path: Path) -> None:
    out = Output(str(tmp_path))
    p = _partition()
    _finish(out, p)
    marker = tmp_path / "_partitions" / f"{p.id}.json"
    doc = json.loads(marker.read_text())
    doc["partition"]["end"] = 99
    marker.write_text(json.dumps(doc))
    assert out.finished(p) is None


def test_clean_removes_temporary_files_and_partitions_of_other_plans(tmp_path: Path) -> None:
    out = Output(str(tmp_path))
    kept, stale = _partition(0), _partition(1, 20)
    _finish(out, kept)
    _finish(out, stale)
    (tmp_path / "articles" / ".part-x.parquet.tmp-0123").write_bytes(b"half")
    (tmp_path / "articles" / "notes.txt").write_text("mine")
    removed = out.clean({kept.id})
    assert removed == len(TABLES) + 1 + 1
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == sorted([f"{kept.id}.parquet", "notes.txt"])
    assert out.finished(kept) is not None


def test_output_works_on_any_fsspec_filesystem() -> None:
    fsspec = pytest.importorskip("fsspec")
    out = Output("memory://scale-output-test")
    try:
        p = _partition()
        result = _finish(out, p)
        assert out.finished(p) == result
    finally:
        fsspec.filesystem("memory").rm("/scale-output-test", recursive=True)
