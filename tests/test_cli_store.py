"""``marsad ingest / search / export / stats`` through the Typer app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_samples import all_samples, speech
from typer.testing import CliRunner

import marsad.cli.store  # noqa: F401  (registers the commands until marsad.cli imports it)
from marsad import ingest_job
from marsad.cli.app import app
from marsad.models import Analysis, Article
from marsad.store import open_store
from marsad.tables import COLUMNS

runner = CliRunner()

TEXTS = [
    ("خطة جديدة", "أعلنت إسرائيل عن خطة جديدة للمدن الساحلية."),
    ("خطاب", "ألقى حسن نصر الله خطابا مساء أمس."),
    ("تقرير", "نقل مراسل للميادين أن الوفد وصل إلى العاصمة."),
]


@pytest.fixture(autouse=True)
def plain_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI is tested apart from the analysers (built elsewhere): articles are stored as read."""

    def bare(article: Article) -> Analysis:
        return Analysis(article)

    monkeypatch.setattr(ingest_job, "analyse", bare)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i, (title, text) in enumerate(TEXTS):
            rec = {"docno": f"d{i}", "src": "beta" if i else "alpha", "title": title, "text": text}
            rec["time"] = f"2024-0{i + 1}-15"
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def db(store_url: str) -> str:
    """A new empty database, once per backend (SQLite, PostgreSQL)."""
    return store_url


def test_ingest_then_ingest_again_stores_each_article_once(tmp_path: Path, corpus: Path, db: str) -> None:
    first = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert first.exit_code == 0, first.output
    assert "stored 3" in first.stderr
    second = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert second.exit_code == 0
    assert "stored 0, already stored 3" in second.stderr


def test_ingest_names_refused_inputs_and_exits_1_after_processing_the_rest(
    tmp_path: Path, corpus: Path, db: str
) -> None:
    missing = tmp_path / "nowhere.jsonl"
    result = runner.invoke(app, ["ingest", str(missing), str(corpus), "--db", db])
    assert result.exit_code == 1
    assert f"refused {missing}: no such file or directory" in result.stderr
    with open_store(db) as store:
        assert store.count()["articles"] == 3


def test_ingest_limit(tmp_path: Path, corpus: Path, db: str) -> None:
    result = runner.invoke(app, ["ingest", str(corpus), "--limit", "2", "--db", db])
    assert result.exit_code == 0
    with open_store(db) as store:
        assert store.count()["articles"] == 2


def test_usage_errors_exit_2(tmp_path: Path, corpus: Path, db: str) -> None:
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    pg = runner.invoke(app, ["ingest", str(corpus), "--db", "postgresql://marsad@127.0.0.1:1/marsad"])
    assert pg.exit_code == 2 and "cannot connect" in pg.stderr
    bad_date = runner.invoke(app, ["search", "خطة", "--since", "yesterday", "--db", db])
    assert bad_date.exit_code == 2
    assert runner.invoke(app, ["export", "--format", "parquet", "--db", db]).exit_code == 2


def test_search_articles_arabic_aware(tmp_path: Path, corpus: Path, db: str) -> None:
    runner.invoke(app, ["ingest", str(corpus), "--db", db])
    result = runner.invoke(app, ["search", "اسرائيل", "--what", "articles", "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["total"] == 1 and doc["items"][0]["id"] == "d0"
    for query in ("نصرالله", "ميادين"):
        out = runner.invoke(app, ["search", query, "--what", "articles", "-f", "jsonl", "--db", db])
        assert len(out.stdout.splitlines()) == 1, query
    url = db
    filtered = runner.invoke(
        app,
        ["search", "", "--what", "articles", "--outlet", "beta", "--since", "2024-03", "-f", "jsonl", "--db", url],
    )
    assert [json.loads(x)["id"] for x in filtered.stdout.splitlines()] == ["d2"]


def test_search_statements_by_speaker_prints_text(tmp_path: Path, db: str) -> None:
    with open_store(db) as store:
        store.add(all_samples())
    result = runner.invoke(app, ["search", "--speaker", "نصرالله", "--db", db])
    assert result.exit_code == 0
    assert speech().statements[0].content.text in result.stdout
    assert "حسن نصر الله" in result.stdout  # the canonical name shown


def test_export_statements_csv_and_articles_jsonl(tmp_path: Path, db: str) -> None:
    with open_store(db) as store:
        store.add(all_samples())
    csv_out = runner.invoke(app, ["export", "--what", "statements", "--format", "csv", "--db", db])
    assert csv_out.exit_code == 0
    lines = csv_out.stdout.splitlines()
    assert lines[0] == ",".join(COLUMNS["statements"]) and len(lines) == 4
    target = tmp_path / "a.jsonl"
    out = runner.invoke(app, ["export", "-o", str(target), "--db", db])
    assert out.exit_code == 0
    assert [json.loads(x)["id"] for x in target.read_text("utf-8").splitlines()] == [
        a.article.id for a in all_samples()
    ]


def test_stats_prints_counts_per_outlet(tmp_path: Path, corpus: Path, db: str) -> None:
    runner.invoke(app, ["ingest", str(corpus), "--db", db])
    text = runner.invoke(app, ["stats", "--db", db])
    assert text.exit_code == 0
    assert "beta" in text.stdout and "alpha" in text.stdout
    doc = json.loads(runner.invoke(app, ["stats", "-f", "json", "--db", db]).stdout)
    assert doc["counts"]["articles"] == 3
    assert doc["outlets"] == [{"outlet": "beta", "articles": 2}, {"outlet": "alpha", "articles": 1}]
