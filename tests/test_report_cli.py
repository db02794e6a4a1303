"""``marsad report``: from files (no database) or from the store, as HTML, Markdown or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_samples import analysis, article, statement
from typer.testing import CliRunner

import marsad.cli.report  # noqa: F401  (registers the command until marsad.cli imports it)
from marsad.cli.app import app
from marsad.store import open_store

runner = CliRunner()

RECORDS = [
    ("a1", "alpha", "2018-03-01", "هجوم", "هاجمت ميليشيا الحوثي مدينة مأرب صباح أمس."),
    ("a2", "alpha", "2018-04-01", "هدنة", "قال الوزير إن الحوثيين خرقوا الهدنة."),
    ("b1", "beta", "2018-05-01", "إعلان", "أعلن الحوثيون السيطرة على مأرب."),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for rid, outlet, day, title, text in RECORDS:
            rec = {"id": rid, "outlet": outlet, "published": day, "title": title, "text": text}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def test_report_on_input_files_writes_an_html_page(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in html and "<svg" in html
    assert "alpha" in html and "beta" in html
    assert "3 articles, 2 outlets" in result.stderr


def test_report_json_follows_outlet_date_and_concept_filters(corpus: Path) -> None:
    args = ["report", str(corpus), "-f", "json", "--outlet", "alpha", "--since", "2018-03-15", "--concept", "Houthis"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["articles"] == 1 and doc["left_out"] == {"outlet": 1, "date": 1}
    assert set(doc["concepts"]) == {"Houthis"}
    assert [o["outlet"] for o in doc["outlets"]] == ["alpha"]


def test_report_format_follows_the_suffix_of_out_and_csv_is_written_beside(tmp_path: Path, corpus: Path) -> None:
    out, table = tmp_path / "r.md", tmp_path / "r.csv"
    result = runner.invoke(app, ["report", str(corpus), "--out", str(out), "--csv", str(table)])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").startswith("# marsad")
    assert table.read_text("utf-8").startswith("table,outlet,key,term,voice,count,total,share,low_confidence")


def test_report_reads_analyses_from_the_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    a = article("s1", "gamma", "قال الوزير إن الحوثيين خرقوا الهدنة، وهاجمت ميليشيا الحوثي مأرب.")
    with open_store(url) as store:
        store.add([analysis(a, statements=(statement(a, "الحوثيين خرقوا الهدنة", "الوزير"),))])
    result = runner.invoke(app, ["report", "--db", url, "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["articles"] == 1
    houthis = doc["concepts"]["Houthis"]
    assert houthis["own"]["gamma"]["terms"]["ميليشيا الحوثي"]["count"] == 1
    assert houthis["quoted"]["gamma"]["terms"]["الحوثيون"]["count"] == 1


@pytest.mark.parametrize(
    "args",
    [
        ["--since", "March 2018"],
        ["--concept", "no such concept"],
        ["--db", "sqlite:///{tmp}/missing.db"],
    ],
)
def test_report_usage_errors_exit_with_status_2(tmp_path: Path, args: list[str]) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = runner.invoke(app, ["report", *args, "-f", "md"])
    assert result.exit_code == 2
    assert "marsad:" in result.stderr
    assert not (tmp_path / "missing.db").exists()  # a report never creates a database


def test_report_input_and_db_together_is_a_usage_error(corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(corpus), "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 2
