"""The ingest loop: batched, idempotent, resumable, with counts and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad import ingest_job
from marsad.ingest_job import ingest
from marsad.models import Analysis, Article
from marsad.settings import Settings
from marsad.store.sqlite import SqliteStore

SENTENCES = [
    "أعلن الوزير عن خطة جديدة للطرق في المدينة.",
    "قالت الشركة إن أرباحها ارتفعت هذا العام.",
    "وصل الوفد إلى العاصمة صباح اليوم لبدء المحادثات.",
    "افتتح المعرض أبوابه أمام الزوار مساء الخميس.",
    "أكد المدرب أن الفريق مستعد للمباراة المقبلة.",
    "ناقش البرلمان مشروع القانون في جلسة طويلة.",
    "أطلقت الجامعة برنامجا لتعليم اللغات.",
]


def write_jsonl(path: Path, records: list[dict[str, str] | str]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")
    return path


def records(n: int = len(SENTENCES)) -> list[dict[str, str] | str]:
    return [
        {"id": f"r{i}", "url": f"https://example.org/a/{i}", "src": "alpha", "title": s.split()[1], "text": s}
        for i, s in enumerate(SENTENCES[:n])
    ]


class Counting:
    def __init__(self, fail_on: str | None = None, interrupt_after: int | None = None) -> None:
        self.seen: list[str] = []
        self.fail_on = fail_on
        self.interrupt_after = interrupt_after

    def __call__(self, article: Article) -> Analysis:
        if self.interrupt_after is not None and len(self.seen) >= self.interrupt_after:
            raise KeyboardInterrupt
        self.seen.append(article.id)
        if article.id == self.fail_on:
            raise ValueError("analyser bug")
        return Analysis(article)


def test_ingest_stores_counts_and_names_refusals(tmp_path: Path) -> None:
    recs = records(4)
    recs.insert(2, "{not json")
    recs.append({"id": "dup", "url": "https://EXAMPLE.org/a/0/", "text": "نص آخر مختلف."})
    path = write_jsonl(tmp_path / "in.jsonl", recs)
    store = SqliteStore(str(tmp_path / "m.db"))
    refused: list[str] = []
    report = ingest(
        [path, tmp_path / "missing.jsonl"], store, on_refusal=lambda r: refused.append(r.source), analyser=Counting()
    )
    assert (report.read, report.stored, report.duplicates, report.skipped) == (5, 4, 1, 0)
    assert report.refused == 2
    assert refused == [f"{path}:3", str(tmp_path / "missing.jsonl")]
    assert store.count()["articles"] == 4


def test_a_second_ingest_skips_stored_articles_without_analysing_them(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", records())
    store = SqliteStore(str(tmp_path / "m.db"))
    ingest([path], store, analyser=Counting())
    again = Counting()
    report = ingest([path], store, analyser=again)
    assert again.seen == []
    assert (report.stored, report.skipped) == (0, len(SENTENCES))


def test_plain_text_inputs_are_skipped_on_a_second_ingest_too(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("عنوان الخبر\n" + SENTENCES[0], encoding="utf-8")
    store = SqliteStore(str(tmp_path / "m.db"))
    assert ingest([tmp_path / "one.txt"], store, analyser=Counting()).stored == 1
    again = Counting()
    assert ingest([tmp_path / "one.txt"], store, analyser=again).skipped == 1
    assert again.seen == []


def test_limit_takes_the_first_n_articles(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", records())
    store = SqliteStore(str(tmp_path / "m.db"))
    report = ingest([path], store, limit=3, analyser=Counting())
    assert report.read == 3 and store.stored_ids(["r0", "r1", "r2", "r3"]) == {"r0", "r1", "r2"}


def test_an_interrupted_ingest_resumes_where_it_stopped(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", records())
    store = SqliteStore(str(tmp_path / "m.db"))
    settings = Settings(batch_size=2)
    with pytest.raises(KeyboardInterrupt):
        ingest([path], store, settings, analyser=Counting(interrupt_after=3))
    assert store.count()["articles"] == 2  # the first batch was committed, the second was not
    second = Counting()
    report = ingest([path], store, settings, analyser=second)
    assert report.skipped == 2 and report.stored == len(SENTENCES) - 2
    assert sorted(second.seen) == [f"r{i}" for i in range(2, len(SENTENCES))]
    assert store.count()["articles"] == len(SENTENCES)


def test_an_analyser_failure_refuses_that_article_only(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", records(3))
    store = SqliteStore(str(tmp_path / "m.db"))
    report = ingest([path], store, analyser=Counting(fail_on="r1"))
    assert report.stored == 2
    assert [r.reason for r in report.refusals] == ["could not analyse (ValueError: analyser bug)"]


def test_the_default_analyser_is_marsad_nlp_analyse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", records(2))
    calls = Counting()
    monkeypatch.setattr(ingest_job, "analyse", calls)
    ingest([path], SqliteStore(str(tmp_path / "m.db")))
    assert calls.seen == ["r0", "r1"]


def bare_analysis(article: Article) -> Analysis:
    if article.id == "r2":
        raise ValueError("analyser bug")
    return Analysis(article)


def test_worker_processes_give_the_same_result_as_one_process(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", records())
    store = SqliteStore(str(tmp_path / "m.db"))
    report = ingest([path], store, Settings(batch_size=3), analyser=bare_analysis, jobs=2)
    assert report.stored == len(SENTENCES) - 1
    assert [r.source for r in report.refusals] == [f"{path}:3"]
    assert [a.article.id for a in store.iter_analyses()] == [f"r{i}" for i in range(len(SENTENCES)) if i != 2]
