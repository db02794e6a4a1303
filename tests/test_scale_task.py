"""One partition's task, run in-process: tables as marsad.tables makes them, refusals instead of crashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fsspec")
pq = pytest.importorskip("pyarrow.parquet")

import marsad.scale.task as task  # noqa: E402
from marsad.models import (  # noqa: E402
    Analysis,
    Article,
    DateMention,
    Entity,
    FramingMarker,
    Speaker,
    Statement,
)
from marsad.scale.output import Output  # noqa: E402
from marsad.scale.partitions import plan  # noqa: E402
from marsad.settings import Settings  # noqa: E402
from marsad.tables import TABLES, collect  # noqa: E402

TEXT = "قال وزير الخارجية إن المحادثات ستستأنف يوم 12 مارس في ما سماه «الحل العادل»."


def _span(article: Article, piece: str):  # type: ignore[no-untyped-def]
    start = article.text.index(piece)
    return article.span(start, start + len(piece))


def rich_analysis(article: Article) -> Analysis:
    """An analysis with an item in every list, built from spans of the article's own text."""
    minister = _span(article, "وزير الخارجية")
    entity = Entity(f"{article.id}-e1", "PER", "وزير الخارجية", ("الوزير",), (minister,))
    speaker = Speaker("وزير الخارجية", "PER", "وزير الخارجية", entity.id, "وزير", minister)
    statement = Statement(speaker, _span(article, "قال"), _span(article, "المحادثات ستستأنف"), "indirect")
    date = DateMention(_span(article, "12 مارس"), None, "gregorian", True)
    framing = FramingMarker(_span(article, "«الحل العادل»"), "scare-quotes", None)
    return Analysis(article, (entity,), (statement,), (date,), (framing,))


def _corpus(tmp_path: Path, count: int = 9) -> Path:
    path = tmp_path / "news.jsonl"
    recs = [{"id": f"a{n}", "title": f"عنوان {n}", "text": TEXT, "outlet": "وكالة"} for n in range(count)]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    return path


def test_partition_tables_equal_the_rows_of_marsad_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(task, "analyse", rich_analysis)
    (p,) = plan([str(_corpus(tmp_path))], 100).partitions
    out = tmp_path / "out"
    result = task.run_partition(p, str(out), Settings())
    import marsad

    want = collect(rich_analysis(a) for a in marsad.read(str(tmp_path / "news.jsonl")))
    for table in TABLES:
        assert pq.read_table(out / table).to_pylist() == want[table], table
    assert result.rows == {t: len(want[t]) for t in TABLES}
    assert result.read == 9 and not result.refusals
    assert Output(str(out)).finished(p) == result


def test_an_article_whose_analysis_raises_is_a_refusal_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fragile(article: Article) -> Analysis:
        if article.id == "a4":
            raise RuntimeError("analyser bug")
        return rich_analysis(article)

    monkeypatch.setattr(task, "analyse", fragile)
    (p,) = plan([str(_corpus(tmp_path))], 100).partitions
    result = task.run_partition(p, str(tmp_path / "out"), Settings())
    assert result.rows["articles"] == 8 and result.read == 9
    (refusal,) = result.refusals
    assert refusal.source.endswith("news.jsonl:5")
    assert "RuntimeError: analyser bug" in refusal.reason


def test_the_sink_gets_the_partition_analyses_before_the_marker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(task, "analyse", rich_analysis)
    (p,) = plan([str(_corpus(tmp_path, 3))], 100).partitions
    out = Output(str(tmp_path / "out"))
    seen: list[tuple[str, int, bool]] = []

    def sink(partition_id: str, analyses: list[Analysis]) -> None:
        seen.append((partition_id, len(analyses), out.finished(p) is not None))

    task.run_partition(p, str(tmp_path / "out"), Settings(), sink)
    assert seen == [(p.id, 3, False)]
    assert out.finished(p) is not None


def test_what_the_sink_reports_is_kept_in_the_marker_with_the_task_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(task, "analyse", rich_analysis)
    (p,) = plan([str(_corpus(tmp_path, 4))], 100).partitions

    def sink(partition_id: str, analyses: list[Analysis]) -> dict[str, int]:
        return {"stored": len(analyses) - 1, "duplicates": 1}

    result = task.run_partition(p, str(tmp_path / "out"), Settings(), sink)
    assert result.stored == {"stored": 3, "duplicates": 1}
    assert 0 < result.started_at <= result.finished_at
    assert Output(str(tmp_path / "out")).finished(p) == result  # read back from the marker
    assert task.run_partition(p, str(tmp_path / "again"), Settings()).stored is None


def test_a_partition_can_be_written_to_an_fsspec_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(task, "analyse", rich_analysis)
    fsspec = pytest.importorskip("fsspec")
    (p,) = plan([str(_corpus(tmp_path, 4))], 100).partitions
    try:
        result = task.run_partition(p, "memory://scale-task-test", Settings())
        fs = fsspec.filesystem("memory")
        with fs.open(f"/scale-task-test/articles/{p.id}.parquet", "rb") as f:
            assert pq.read_table(f).num_rows == result.rows["articles"] == 4
    finally:
        fsspec.filesystem("memory").rm("/scale-task-test", recursive=True)


def test_warm_up_runs_the_pipeline_once_on_a_sample_article(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Article] = []
    monkeypatch.setattr(task, "analyse", lambda article: seen.append(article) or Analysis(article))
    task.warm_up()
    assert len(seen) == 1 and seen[0].text


def test_peak_memory_is_reported_in_mebibytes() -> None:
    assert 1 < task.peak_rss_mb() < 1 << 20


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux only")
def test_a_process_spawned_by_a_big_one_reports_its_own_peak_memory_not_its_parents() -> None:
    import subprocess
    import sys

    ballast = bytearray(400 << 20)  # 400 MiB, touched: resident in this process
    ballast[:: 1 << 12] = b"x" * len(ballast[:: 1 << 12])
    code = "from marsad.scale.task import peak_rss_mb; print(peak_rss_mb())"
    child = float(subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, text=True).stdout)
    assert task.peak_rss_mb() > 400
    assert child < 300  # a fresh interpreter with marsad.scale imported
    del ballast
