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
