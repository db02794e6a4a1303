"""The ingest loop: read → analyse → store, in batches, idempotent and resumable, with counts.

Each batch is one store transaction.  Before analysing a batch, the ids already stored are looked
up and skipped (a JSONL record's id is known before extraction), so re-running an interrupted
ingest is fast and adds only what is missing; the store's unique keys (id, canonical URL,
normalised text) keep duplicates out even across concurrent ingests.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from marsad.errors import Refusal
from marsad.ids import article_id
from marsad.ingest import extract_raw, iter_raw
from marsad.ingest.rawdoc import RawDoc
from marsad.models import Analysis, Article
from marsad.nlp import analyse
from marsad.settings import Settings
from marsad.store.base import Store


@dataclass
class IngestReport:
    """What an ingest did."""

    read: int = 0  # documents read (refused inputs not counted)
    stored: int = 0  # new articles stored
    skipped: int = 0  # already stored (same id), not analysed again
    duplicates: int = 0  # same canonical URL or normalised text as a stored article, or twice in the input
    refusals: list[Refusal] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def refused(self) -> int:
        return len(self.refusals)

    @property
    def rate(self) -> float:
        """Documents read per second."""
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def refusals_by_reason(self) -> Counter[str]:
        return Counter(r.reason.split(":")[0] for r in self.refusals)

    def summary(self) -> str:
        return (
            f"read {self.read}, stored {self.stored}, already stored {self.skipped}, "
            f"duplicates {self.duplicates}, refused {self.refused} in {self.seconds:.1f}s ({self.rate:.0f}/s)"
        )


def raw_stream(inputs: Iterable[str | os.PathLike[str]], settings: Settings) -> Iterator[RawDoc | Refusal]:
    """Every input's documents (before extraction) and refusals, in input order."""
    for item in inputs:
        yield from iter_raw(str(item), settings)


def known_id(raw: RawDoc) -> str | None:
    """The article id of a document before extraction, where it can be known (JSONL records)."""
    if raw.kind != "record":
        return None
    return article_id(record_id=raw.id, url=raw.url, text=raw.text or "")


Outcome = Any  # what a worker hands back: an Article, an Analysis, a prepared row set, or a refusal reason (str)
Mapper = Callable[[Callable[[Any], Outcome], list[Any]], Iterable[Outcome]]


def _analyse_one(
    analyser: Callable[[Article], Analysis], preparer: Callable[[Analysis], Any] | None, article: Article
) -> Outcome:
    """The analysis (prepared for the store when it can be), or why there is none."""
    try:
        analysis = analyser(article)
    except Exception as e:
        return f"could not analyse ({type(e).__name__}: {e})"
    return preparer(analysis) if preparer else analysis


@contextmanager
def _mapper(jobs: int) -> Iterator[Mapper]:
    """``map`` in this process, or over a pool of ``jobs`` worker processes (order kept; the pool is
    started on the first call with work to do, so that a re-run with everything stored starts none)."""
    if jobs <= 1:
        yield lambda fn, items: map(fn, items)
        return
    import multiprocessing
    from multiprocessing.pool import Pool

    methods = multiprocessing.get_all_start_methods()
    # forkserver: never fork this process, which may run threads (the progress bar refreshes in one)
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    pool: Pool | None = None

    def run(fn: Callable[[Any], Outcome], items: list[Any]) -> Iterable[Outcome]:
        nonlocal pool
        if not items:
            return []
        if pool is None:
            pool = ctx.Pool(jobs)
        return pool.map(fn, items, chunksize=max(1, len(items) // (jobs * 4)))

    try:
        yield run
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


class _Job:
    def __init__(
        self,
        store: Store,
        report: IngestReport,
        on_refusal: Callable[[Refusal], None] | None,
        analyser: Callable[[Article], Analysis],
        mapper: Mapper,
    ) -> None:
        self.store = store
        self.report = report
        self.on_refusal = on_refusal
        self.mapper = mapper
        self.preparer = store.preparer()
        self.analyse = partial(_analyse_one, analyser, self.preparer)

    def refuse(self, refusal: Refusal) -> None:
        self.report.refusals.append(refusal)
        if self.on_refusal:
            self.on_refusal(refusal)

    def flush(self, batch: list[RawDoc]) -> None:
        """Extract, analyse and store one batch; what is stored already is skipped before analysis."""
        report = self.report
        ids = [known_id(raw) for raw in batch]
        stored = self.store.stored_ids(x for x in ids if x)
        fresh = [raw for raw, aid in zip(batch, ids, strict=True) if aid not in stored]
        report.skipped += len(batch) - len(fresh)
        articles: list[Article] = []
        for outcome in self.mapper(extract_raw, fresh):  # runs in a worker when jobs > 1
            if isinstance(outcome, Refusal):
                self.refuse(outcome)
            else:
                articles.append(outcome)
        late = self.store.stored_ids(a.id for a in articles if a.id not in stored)  # ids known only now (HTML)
        todo = [a for a in articles if a.id not in late]
        report.skipped += len(articles) - len(todo)
        done: list[Any] = []
        for article, outcome in zip(todo, self.mapper(self.analyse, todo), strict=True):
            if isinstance(outcome, str):
                self.refuse(Refusal(article.source or article.id, outcome))
            else:
                done.append(outcome)
        if done:
            added = self.store.add_prepared(done) if self.preparer else self.store.add(done)
            report.stored += added.stored
            report.duplicates += added.duplicates


def ingest(
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    settings: Settings | None = None,
    *,
    limit: int | None = None,
    on_refusal: Callable[[Refusal], None] | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    analyser: Callable[[Article], Analysis] | None = None,
    jobs: int = 1,
) -> IngestReport:
    """Read, analyse and store every document of ``inputs`` (the first ``limit`` only, when given).

    Refused inputs are reported (``on_refusal``) and counted, never fatal; ``on_progress`` is
    called after each stored batch; ``analyser`` is :func:`marsad.nlp.analyse` unless given.  With
    ``jobs`` > 1 extraction, analysis and the store's preparation of each batch are spread over that
    many worker processes (the analyser must then be picklable: a module-level function); reading
    and writing to the store stay in this process."""
    settings = settings or Settings.from_env()
    report = IngestReport()
    started = time.perf_counter()
    size = max(1, settings.batch_size)
    with _mapper(jobs) as mapper:
        job = _Job(store, report, on_refusal, analyser or analyse, mapper)
        _run(job, inputs, settings, size, limit, on_progress, started)
    if on_progress:
        on_progress(report)
    return report


def _run(
    job: _Job,
    inputs: Iterable[str | os.PathLike[str]],
    settings: Settings,
    size: int,
    limit: int | None,
    on_progress: Callable[[IngestReport], None] | None,
    started: float,
) -> None:
    report = job.report
    batch: list[RawDoc] = []
    try:
        if limit is not None and limit <= 0:
            return
        for item in raw_stream(inputs, settings):
            if isinstance(item, Refusal):
                job.refuse(item)
                continue
            report.read += 1
            batch.append(item)
            if len(batch) >= size:
                job.flush(batch)
                batch = []
                report.seconds = time.perf_counter() - started
                if on_progress:
                    on_progress(report)
            if limit is not None and report.read >= limit:
                break
        if batch:
            job.flush(batch)
    finally:
        report.seconds = time.perf_counter() - started


__all__ = ["IngestReport", "ingest", "known_id", "raw_stream"]
