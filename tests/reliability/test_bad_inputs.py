"""Bad input from the web, generated into tmp_path: each is read or refused with a clear reason.

One input at a time through :func:`marsad.ingest.read`, then the whole corpus as one batch
through ``marsad ingest``: the batch goes on, exit status 1, and what was stored earlier stays.
"""

from __future__ import annotations

import gzip
import json
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from bad_corpus import CASES, SECOND, SENTENCE, TITLE, Case

from marsad.errors import Refusal
from marsad.ingest import read
from marsad.models import Article
from marsad.settings import Settings


def _outcome(path: Path, settings: Settings | None = None) -> tuple[list[Article], list[Refusal]]:
    out = list(read([str(path)], settings or Settings()))
    return [a for a in out if isinstance(a, Article)], [r for r in out if isinstance(r, Refusal)]


def _spans_valid(article: Article) -> None:
    for zone in article.zones:
        assert 0 <= zone.start <= zone.end <= len(article.text)
    assert all(link.text.strip() for link in article.related)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_bad_input_is_read_or_refused_naming_the_input_and_reason(case: Case, tmp_path: Path) -> None:
    path = tmp_path / case.name
    case.make(path)
    articles, refusals = _outcome(path)
    assert articles or refusals, "an input must end as articles or refusals"
    for r in refusals:
        assert r.source.startswith(str(path)), r
        assert r.reason.strip() and "Traceback" not in r.reason
    for a in articles:
        _spans_valid(a)
        assert "\x00" not in a.text
    if case.expect == "article":
        assert articles, refusals
        assert any(case.words in a.text for a in articles)
    elif case.expect == "refused":
        assert refusals and not articles
        assert any(case.words.lower() in r.reason.lower() for r in refusals)


def test_windows_1256_and_iso_8859_6_pages_without_charset_decode_to_the_arabic_text(tmp_path: Path) -> None:
    for name in ("cp1256.html", "iso8859-6.html", "cp1256.txt", "utf16-bom.html", "invalid-utf8.txt"):
        case = next(c for c in CASES if c.name == name)
        case.make(tmp_path / name)
        (article,), _ = _outcome(tmp_path / name)
        assert SENTENCE[:20] in article.text, name
        assert "<html" not in article.text and "ط§" not in article.text  # no markup, no mojibake


def test_an_escaped_script_in_page_text_stays_text_and_a_real_script_is_dropped(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "script.html")
    case.make(tmp_path / "s.html")
    (article,), _ = _outcome(tmp_path / "s.html")
    assert "<script>alert(1)</script>" in article.text
    assert "alert(2)" not in article.text


def test_jsonl_with_broken_lines_keeps_the_good_records_and_names_each_bad_line(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "broken.jsonl")
    case.make(tmp_path / "b.jsonl")
    articles, refusals = _outcome(tmp_path / "b.jsonl")
    assert {a.text for a in articles} == {SENTENCE, SECOND}
    assert {r.source.rsplit(":", 1)[1] for r in refusals} >= {"2", "3", "4", "5", "6"}
    assert any("should be a string" in r.reason for r in refusals)


def test_a_ten_megabyte_line_is_refused_and_the_next_line_read(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "long-line.jsonl")
    case.make(tmp_path / "l.jsonl")
    articles, refusals = _outcome(tmp_path / "l.jsonl")
    assert [r.source.rsplit(":", 1)[1] for r in refusals] == ["2"]
    assert "longer than" in refusals[0].reason
    assert any(SECOND in a.text for a in articles)


def test_a_jsonl_gzip_bomb_is_cut_at_the_decompression_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    record = json.dumps({"docno": "a", "title": TITLE, "text": SENTENCE}, ensure_ascii=False).encode() + b"\n"
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb") as gz:
        gz.write(record)
        for _ in range(64):
            gz.write(b" " * (1 << 20) + b"\n")
    articles, refusals = _outcome(path, Settings(max_decompressed_bytes=8_000_000))
    assert len(articles) == 1
    assert len(refusals) == 1 and "larger than the limit" in refusals[0].reason


def test_the_50_megabyte_file_and_the_bombs_are_refused_without_reading_them_into_memory(tmp_path: Path) -> None:
    for name in ("big.txt", "bomb.gz", "bomb.html.gz"):
        next(c for c in CASES if c.name == name).make(tmp_path / name)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for name in ("big.txt", "bomb.gz", "bomb.html.gz"):
        articles, refusals = _outcome(tmp_path / name)
        assert not articles and refusals
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100, f"peak memory grew by {grown_mb:.0f} MB"


def _ingest(db: Path, *inputs: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "marsad", "ingest", "--quiet", "--db", f"sqlite:///{db}", *map(str, inputs)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def _rows(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT * FROM articles").fetchall(), key=repr)


def test_the_whole_bad_corpus_as_one_batch_goes_on_exits_1_and_leaves_earlier_articles_alone(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"docno": "g1", "src": "alpha", "title": TITLE, "text": SENTENCE + " " + SECOND}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    assert _ingest(db, good).returncode == 0
    before = _rows(db)
    bad = tmp_path / "bad"
    bad.mkdir()
    for case in CASES:
        if case.name != "big.txt":  # the size refusal is tested above; skip writing 50 MB twice
            case.make(bad / case.name)
    done = _ingest(db, bad, good)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    for name in ("empty.html", "random.bin", "bomb.gz", "truncated.html.gz", "broken.jsonl"):
        assert name in done.stderr, f"{name} not named in: {done.stderr}"
    after = _rows(db)
    assert set(before) <= set(after), "an article stored earlier was changed or lost"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored > len(before)  # the readable bad inputs were stored too
