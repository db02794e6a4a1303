"""Planning a scale run: inputs cut into record ranges, whole files and Parquet row ranges."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

pytest.importorskip("fsspec")

from marsad.scale.partitions import Partition, line_offsets, plan


def _record(n: int) -> dict[str, str]:
    return {"id": f"r{n}", "title": f"خبر رقم {n}", "text": f"قال المتحدث إن الاجتماع رقم {n} انتهى مساء أمس."}


def _write_jsonl(path: Path, count: int, *, compressed: bool = False, blank_every: int = 0) -> Path:
    lines = []
    for n in range(count):
        lines.append(json.dumps(_record(n), ensure_ascii=False))
        if blank_every and n % blank_every == blank_every - 1:
            lines.append("")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if compressed else data)
    return path


def test_line_offsets_point_at_the_first_line_of_each_range() -> None:
    data = b"".join(f"line {n}\n".encode() for n in range(25))
    lines, offsets, error = line_offsets(io.BytesIO(data), 10, 1 << 30)
    assert (lines, error) == (25, None)
    assert [data[o:].split(b"\n", 1)[0] for o in offsets] == [b"line 0", b"line 10", b"line 20"]


def test_line_offsets_count_a_last_line_without_newline_and_no_empty_range_at_the_end() -> None:
    assert line_offsets(io.BytesIO(b"a\nb\nc"), 2, 100)[:2] == (3, [0, 4])
    assert line_offsets(io.BytesIO(b"a\nb\n"), 2, 100)[:2] == (2, [0])
    assert line_offsets(io.BytesIO(b""), 2, 100)[:2] == (0, [0])


def test_line_offsets_find_boundaries_across_read_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.scale.partitions as partitions

    monkeypatch.setattr(partitions, "BLOCK", 7)
    data = b"".join(f"{n:03d}\n".encode() for n in range(50))
    lines, offsets, _ = line_offsets(io.BytesIO(data), 6, 1 << 30)
    assert lines == 50
    assert [int(data[o : o + 3]) for o in offsets] == list(range(0, 50, 6))


def test_line_offsets_stop_past_the_limit_with_a_reason() -> None:
    _, _, error = line_offsets(io.BytesIO(b"x" * 100 + b"\n"), 10, 50)
    assert error is not None and "limit" in error


def test_a_gzipped_jsonl_file_is_cut_into_record_ranges(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "news.jsonl.gz", 23, compressed=True)
    result = plan([str(path)], 10)
    assert [(p.kind, p.start, p.end, p.gzip) for p in result.partitions] == [
        ("jsonl", 0, 10, True),
        ("jsonl", 10, 20, True),
        ("jsonl", 20, 23, True),
    ]
    assert result.inputs[0]["partitions"] == 3 and not result.refusals


def test_partition_ids_are_stable_and_change_with_the_range(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "news.jsonl", 30)
    first = [p.id for p in plan([str(path)], 10).partitions]
    assert first == [p.id for p in plan([str(path)], 10).partitions]
    assert set(first).isdisjoint(p.id for p in plan([str(path)], 15).partitions)


def test_a_partition_survives_a_round_trip_through_its_dict(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "news.jsonl", 5)
    p = plan([str(path)], 2).partitions[1]
    assert Partition.from_dict(json.loads(json.dumps(p.to_dict()))) == p


def test_small_files_of_a_folder_are_grouped_and_warc_files_stand_alone(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(5):
        (folder / f"a{n}.txt").write_text(f"عنوان {n}\nنص الخبر {n}.", encoding="utf-8")
    (folder / "crawl.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    result = plan([str(folder)], 2)
    groups = [[Path(n).name for n in p.inputs] for p in result.partitions]
    assert ["crawl.warc"] in groups
    assert sorted(n for g in groups if g != ["crawl.warc"] for n in g) == [f"a{n}.txt" for n in range(5)]
    assert all(len(g) <= 2 for g in groups)
    assert all(p.kind == "files" for p in result.partitions)


def test_a_json_file_not_named_jsonl_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(_record(1), ensure_ascii=False), encoding="utf-8")
    (only,) = plan([str(path)], 10).partitions
    assert only.kind == "files" and only.inputs == (str(path),)


def test_parquet_files_are_cut_into_row_ranges(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist([_record(n) for n in range(7)]), path)
    assert [(p.kind, p.start, p.end) for p in plan([str(path)], 3).partitions] == [
        ("parquet", 0, 3),
        ("parquet", 3, 6),
        ("parquet", 6, 7),
    ]


def test_missing_inputs_and_standard_input_are_refused_with_a_reason(tmp_path: Path) -> None:
    result = plan([str(tmp_path / "nothing.jsonl"), "-"], 10)
    assert not result.partitions
    reasons = {r.source: r.reason for r in result.refusals}
    assert reasons[str(tmp_path / "nothing.jsonl")] == "no such file or directory"
    assert "standard input" in reasons["-"]


def test_a_truncated_gzip_is_planned_up_to_where_it_breaks_and_refused(tmp_path: Path) -> None:
    good = _write_jsonl(tmp_path / "full.jsonl.gz", 400, compressed=True)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    result = plan([str(cut)], 100)
    assert result.partitions and result.partitions[-1].end < 400
    assert any("compressed stream" in r.reason for r in result.refusals)


def test_glob_patterns_are_expanded(tmp_path: Path) -> None:
    for name in ("a.jsonl", "b.jsonl", "c.txt"):
        _write_jsonl(tmp_path / name, 3)
    result = plan([str(tmp_path / "*.jsonl")], 10)
    assert sorted(Path(p.inputs[0]).name for p in result.partitions) == ["a.jsonl", "b.jsonl"]


def test_partition_size_below_one_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        plan([str(tmp_path)], 0)
