"""``marsad.ingest.read``: every input kind, in input order, refusals named and never stopping the batch."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from marsad.errors import Refusal
from marsad.ingest import read
from marsad.models import Article
from marsad.settings import Settings

BODY = "قال الوزير إن المدرسة الجديدة ستفتح في الخريف.\nوأضاف أن البناء انتهى قبل موعده."


def _record(i: int, **extra: object) -> str:
    return json.dumps({"id": f"r{i}", "title": f"خبر {i}", "text": f"{BODY} {i}", **extra}, ensure_ascii=False)


def _items(paths: list[Path | str], settings: Settings | None = None) -> list[Article | Refusal]:
    return list(read([str(p) for p in paths], settings))


def test_plain_text_first_line_is_the_title(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("\n\nعنوان الخبر\n\n" + BODY, encoding="utf-8")
    (a,) = _items([p])
    assert isinstance(a, Article)
    assert a.title == "عنوان الخبر"
    assert a.text.startswith("قال الوزير")
    assert a.zones[0].kind == "lede"


def test_windows_1256_text_file_comes_out_as_arabic(tmp_path: Path) -> None:
    p = tmp_path / "old.txt"
    p.write_bytes(("عنوان\n" + BODY).encode("cp1256"))
    (a,) = _items([p])
    assert isinstance(a, Article)
    assert a.title == "عنوان"
    assert a.text == BODY


def test_results_come_in_input_order_and_refusals_do_not_stop_the_batch(tmp_path: Path) -> None:
    good1, empty, binary, good2 = (tmp_path / n for n in ("1.txt", "2.txt", "3.bin", "4.txt"))
    good1.write_text("أول\n" + BODY, encoding="utf-8")
    empty.write_bytes(b"  \n")
    binary.write_bytes(b"\x7fELF" + bytes(range(256)))
    good2.write_text("ثان\n" + BODY, encoding="utf-8")
    items = _items([good1, empty, tmp_path / "missing.txt", binary, good2])
    assert [type(x).__name__ for x in items] == ["Article", "Refusal", "Refusal", "Refusal", "Article"]
    reasons = [x.reason for x in items if isinstance(x, Refusal)]
    assert "empty" in reasons[0] and "no such file" in reasons[1] and "binary" in reasons[2]
    assert all(isinstance(x, Refusal) and x.source for x in items[1:4])


def test_a_folder_is_walked_in_sorted_order_skipping_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("ب\n" + BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_text("أ\n" + BODY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي\n" + BODY, encoding="utf-8")
    items = _items([tmp_path])
    assert [a.title for a in items if isinstance(a, Article)] == ["أ", "ب"]


def test_jsonl_reads_both_corpora_spellings_and_refuses_bad_lines_by_number(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"docno": "d1", "src": "قناة", "time": "Sun, 18 Feb 2018 21:35:43 +0400", "title": "ع", "text": BODY}
        ),
        "{not json",
        json.dumps({"id": "d3", "text": 42}),
        json.dumps(["a list"]),
        "",
        _record(6, time="17/05/2015"),
    ]
    p = tmp_path / "x.jsonl"
    p.write_text("\n".join(lines), encoding="utf-8")
    items = _items([p])
    first, bad_json, bad_type, not_object, last = items
    assert isinstance(first, Article) and first.id == "d1" and first.outlet == "قناة"
    assert first.published == "2018-02-18T21:35:43+04:00"
    assert isinstance(bad_json, Refusal) and bad_json.source.endswith(":2") and "line 2" in bad_json.reason
    assert isinstance(bad_type, Refusal) and bad_type.source.endswith(":3") and "string" in bad_type.reason
    assert isinstance(not_object, Refusal) and "object" in not_object.reason
    assert isinstance(last, Article) and last.published == "2015-05-17"


def test_gzipped_jsonl_is_read_as_a_stream(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl.gz"
    p.write_bytes(gzip.compress("\n".join(_record(i) for i in range(5)).encode()))
    assert [a.id for a in _items([p]) if isinstance(a, Article)] == [f"r{i}" for i in range(5)]


def test_truncated_gzip_keeps_the_records_read_and_names_the_reason(tmp_path: Path) -> None:
    import os

    records = [json.dumps({"id": f"n{i}", "text": f"{BODY} {os.urandom(30).hex()}"}) for i in range(400)]
    whole = gzip.compress("\n".join(records).encode())
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(whole[: len(whole) // 2])
    items = _items([p])
    assert sum(isinstance(x, Article) for x in items) > 50
    assert isinstance(items[-1], Refusal) and "truncated" in items[-1].reason


def test_gzip_bomb_is_cut_off_at_the_decompression_limit(tmp_path: Path) -> None:
    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(gzip.compress(b"\xd8\xa7" * 3_000_000))  # 6 MB of one Arabic letter
    (refusal,) = _items([p], Settings(max_bytes=1_000_000))
    assert isinstance(refusal, Refusal) and "limit" in refusal.reason


def test_jsonl_bomb_stops_at_max_decompressed_bytes(tmp_path: Path) -> None:
    p = tmp_path / "bomb.jsonl.gz"
    p.write_bytes(gzip.compress(("\n".join(_record(1) for _ in range(20_000))).encode()))
    items = _items([p], Settings(max_decompressed_bytes=100_000))
    assert isinstance(items[-1], Refusal) and "larger than the limit" in items[-1].reason
    assert 0 < len(items) - 1 < 20_000


def test_json_document_and_json_list_are_read(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "solo", "text": BODY}, indent=2), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "m1", "text": BODY}, {"id": "m2", "text": BODY}]), encoding="utf-8")
    assert [a.id for a in _items([one, many]) if isinstance(a, Article)] == ["solo", "m1", "m2"]


def test_html_file_is_extracted(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    page = f"<html><head><title>عنوان الصفحة</title></head><body><article><p>{BODY}</p></article></body></html>"
    p.write_bytes(page.encode("utf-8"))
    (a,) = _items([p])
    assert isinstance(a, Article) and "المدرسة الجديدة" in a.text and a.title == "عنوان الصفحة"


def test_html_without_text_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "empty.html"
    p.write_text("<html><head><script>var a = 1;</script></head><body><div></div></body></html>")
    (r,) = _items([p])
    assert isinstance(r, Refusal) and "no main text" in r.reason


def test_stdin_is_read_with_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(("من المدخل\n" + BODY).encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", fake)
    (a,) = _items(["-"])
    assert isinstance(a, Article) and a.title == "من المدخل" and a.source == "-"


def test_same_text_from_two_files_gets_the_same_id(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("عنوان\n" + BODY, encoding="utf-8")
    b.write_text("عنوان\n" + BODY.replace("الوزير", "الوزيرُ").replace("إن", "أن"), encoding="utf-8")
    x, y = _items([a, b])
    assert isinstance(x, Article) and isinstance(y, Article)
    assert x.text != y.text and x.id == y.id  # same normalised text: one article


def test_file_over_max_bytes_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("عنوان\n" + BODY * 100, encoding="utf-8")
    (r,) = _items([p], Settings(max_bytes=1000))
    assert isinstance(r, Refusal) and "limit" in r.reason
