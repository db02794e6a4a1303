"""The driver of ``marsad scale run``: plan the partitions, skip those an earlier run finished,
map :func:`~marsad.scale.task.run_partition` over the rest with Dask, and write the manifest.

The only module of marsad that talks to Dask.  A worker that dies mid-task is handled by Dask:
the scheduler gives its tasks to another worker; as every file is written atomically and the
marker last, a retried task simply writes its partition again.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import dask
from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from marsad.errors import Refusal
from marsad.scale import manifest as manifest_
from marsad.scale.output import MANIFEST, Output
from marsad.scale.partitions import Partition, plan
from marsad.scale.readers import close_streams
from marsad.scale.result import PartitionResult
from marsad.scale.task import Sink, run_partition, warm_up
from marsad.settings import Settings

DEFAULT_PARTITION_SIZE = 1000
# Dask settings of the local cluster ``run`` starts (and sends to its workers): the housekeeping
# of the scheduler, nannies and workers polls less often and the sampling profiler is off — with
# two cores, the defaults cost the process that runs the scheduler ~5 % of a core, ~1.5 % with these
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "1s",
    "distributed.worker.memory.monitor-interval": "500ms",
    "distributed.worker.profile.enabled": False,
}
MANIFEST_EVERY = 10.0  # seconds between manifest updates while a run goes on

Progress = Callable[[int, int], None]  # (partitions finished, partitions in all)


@dataclass
class RunResult:
    """What a run did: partitions computed now, reused from an earlier run, or failed."""

    out: str
    manifest: dict[str, Any]
    computed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every partition finished and nothing was refused."""
        return not self.failed and not self.refusals


class WarmUp(WorkerPlugin):
    """Loads marsad's models once when a worker starts (and again in a restarted worker)."""

    name = "marsad-warm-up"

    async def setup(self, worker: Any) -> None:
        # in a thread: loading takes seconds, and the worker's event loop must keep answering
        error = await asyncio.get_running_loop().run_in_executor(None, _try_warm_up)
        if error:  # a broken analyser shows up per record, as refusals
            worker.log_event("marsad", {"warm-up failed": error})

    def teardown(self, worker: Any) -> None:
        close_streams()


def run(
    inputs: Iterable[str],
    out: str,
    *,
    client: Client | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    settings: Settings | None = None,
    sink: Sink | None = None,
    storage_options: dict[str, Any] | None = None,
    retries: int = 1,
    progress: Progress | None = None,
) -> RunResult:
    """Analyse ``inputs`` on a Dask cluster into the Parquet tables under ``out``.

    The cluster is ``client`` when given, else the scheduler at ``scheduler``, else a local
    cluster of ``workers`` processes (default: one per core).  A rerun into the same ``out``
    skips the partitions an earlier run finished.
    """
    settings = settings or Settings.from_env()
    started = manifest_.now()
    the_plan = plan(list(inputs), partition_size, settings)
    output = Output(out, storage_options)
    keep = {p.id for p in the_plan.partitions}
    output.clean(keep)
    status: dict[str, manifest_.Status] = {}
    results: dict[str, PartitionResult] = {}
    errors: dict[str, str] = {}
    todo = []
    for p in the_plan.partitions:
        done = output.finished(p)
        if done is None:
            todo.append(p)
        else:
            status[p.id], results[p.id] = "reused", done
    meta: dict[str, Any] = {"partition_size": partition_size, "store": _describe(sink)}

    def write_manifest(finished: str | None) -> dict[str, Any]:
        doc = manifest_.build(the_plan, status, results, errors, settings=meta, started=started, finished=finished)
        output.write_json(output.path(MANIFEST), doc)
        return doc

    write_manifest(None)
    total = len(the_plan.partitions)
    if progress:
        progress(total - len(todo), total)
    if todo:
        with _cluster(client, scheduler, workers) as c:
            meta["scheduler"] = c.scheduler.address if c.scheduler else None
            meta["workers"] = len(c.scheduler_info().get("workers", {}))
            c.register_plugin(WarmUp(), name=WarmUp.name)
            token = uuid.uuid4().hex[:8]
            order = submission_order(todo)
            futures = {
                c.submit(
                    run_partition,
                    p,
                    out,
                    settings,
                    sink,
                    storage_options,
                    key=f"marsad-{p.id}-{token}",
                    retries=retries,
                ): p
                for p in order
            }
            last = time.monotonic()
            for future in as_completed(futures):
                p = futures[future]
                try:
                    results[p.id] = future.result()
                    status[p.id] = "done"
                except Exception as e:  # the task raised on every try: report it, go on
                    status[p.id], errors[p.id] = "failed", f"{type(e).__name__}: {e}"
                future.release()
                if progress:
                    progress(len(status), total)
                if time.monotonic() - last > MANIFEST_EVERY:
                    write_manifest(None)
                    last = time.monotonic()
    output.clean(keep)
    doc = write_manifest(manifest_.now())
    refusals = list(the_plan.refusals)
    for p in the_plan.partitions:
        if p.id in results:
            refusals.extend(results[p.id].refusals)
    return RunResult(
        out=out,
        manifest=doc,
        computed=[p.id for p in todo if status.get(p.id) == "done"],
        reused=[p.id for p in the_plan.partitions if status.get(p.id) == "reused"],
        failed=dict(errors),
        refusals=refusals,
    )


def submission_order(partitions: list[Partition]) -> list[Partition]:
    """The order tasks are handed out: largest first, so that the short ones fill the gaps at the end
    while the last big ones finish.  Partitions of whole files (a WARC file can hold thousands of
    records) come first; then line and row ranges, longest first; plan order otherwise, so that
    consecutive ranges of one file stay together (a worker's open gzip stream only seeks forward)."""
    return sorted(partitions, key=lambda p: (p.kind != "files", -p.records))


@contextmanager
def _cluster(client: Client | None, scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """The client to run on: the one given, one connected to ``scheduler``, or a local cluster."""
    if client is not None:
        yield client
        return
    if scheduler:
        with Client(scheduler) as c:
            yield c
        return
    n = workers or os.cpu_count() or 1
    with (
        dask.config.set(LOCAL_CLUSTER_CONFIG),
        LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as c,
    ):
        yield c


def _try_warm_up() -> str | None:
    try:
        warm_up()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return None


def _describe(sink: Sink | None) -> dict[str, Any] | None:
    """What the manifest says about a sink: its kind and URL (password hidden)."""
    if sink is None:
        return None
    url = getattr(sink, "url", None)
    if isinstance(url, str):
        parts = urlsplit(url)
        if parts.password:
            netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
            url = urlunsplit(parts._replace(netloc=netloc))
    return {"sink": type(sink).__name__, "url": url}
