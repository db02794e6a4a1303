"""``marsad scale run`` on the command line: exit statuses, refusals on standard error, reruns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

import marsad.cli.scale  # noqa: E402, F401  (registers the command group)
from marsad.cli.app import EXIT_REFUSED, EXIT_USAGE, app  # noqa: E402


def _input(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": f"c{n}", "title": f"عنوان {n}", "text": f"صرح المدير بأن المصنع رقم {n} سيفتتح قريبا."})
        for n in range(12)
    ]
    lines.insert(5, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_scale_run_writes_tables_names_refusals_and_skips_finished_partitions_on_rerun(tmp_path: Path) -> None:
    source, out = _input(tmp_path), tmp_path / "out"
    args = ["scale", "run", str(source), "--out", str(out), "--workers", "1", "--partition-size", "5"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == EXIT_REFUSED, first.output
    assert f"refused {source}:6" in first.stderr
    assert "3 partitions computed, 0 reused" in first.stderr
    assert pq.read_table(out / "articles").num_rows == 12
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] and manifest["totals"]["refused"] == 1
    again = CliRunner().invoke(app, args)
    assert "0 partitions computed, 3 reused" in again.stderr
    assert again.exit_code == EXIT_REFUSED


def test_scheduler_and_workers_together_are_a_usage_error(tmp_path: Path) -> None:
    args = ["scale", "run", str(tmp_path), "--out", str(tmp_path / "o"), "--workers", "2", "--scheduler", "tcp://x:1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == EXIT_USAGE
    assert "either --scheduler or --workers" in result.stderr


def test_out_is_required(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["scale", "run", str(tmp_path)])
    assert result.exit_code == EXIT_USAGE


def test_a_store_url_that_cannot_be_opened_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    source, out = _input(tmp_path), tmp_path / "out"
    for db in ("mysql://u@localhost/marsad", "postgresql://nobody@127.0.0.1:1/marsad"):
        result = CliRunner().invoke(app, ["scale", "run", str(source), "--out", str(out), "--db", db])
        assert result.exit_code == EXIT_USAGE, result.output
        assert "--db" in result.stderr
    assert not out.exists()


def test_a_sqlite_store_on_a_remote_cluster_is_a_usage_error(tmp_path: Path) -> None:
    source, out = _input(tmp_path), tmp_path / "out"
    db = f"sqlite:///{tmp_path / 'm.db'}"
    args = ["scale", "run", str(source), "--out", str(out), "--scheduler", "tcp://127.0.0.1:1", "--db", db]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == EXIT_USAGE
    assert "needs PostgreSQL" in result.stderr and not out.exists()


def test_scale_run_with_db_loads_postgres_and_says_how_many_articles_it_stored(tmp_path: Path, pg_server: str) -> None:
    import marsad
    from tests import pg

    db = pg.fresh_database(pg_server)
    source, out = _input(tmp_path), tmp_path / "out"
    args = ["scale", "run", str(source), "--out", str(out), "--workers", "1", "--partition-size", "5", "--db", db]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == EXIT_REFUSED, result.output  # the broken line
    assert "12 articles stored, 0 not (duplicates)" in result.stderr
    with marsad.open_store(db) as store:
        assert store.count()["articles"] == 12
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["totals"]["stored"] == {"stored": 12, "duplicates": 0}
    assert manifest["settings"]["store"] == {"sink": "StoreSink", "url": db}
