"""The work of one partition, as a Dask task runs it on a worker: read → extract → analyse →
Parquet tables (→ optional sink), then the marker that says it is done.

No Dask here: :func:`run_partition` is a plain function (tests call it directly); models and
lexicons are loaded once per worker process by :func:`warm_up` and kept in their caches.
"""

from __future__ import annotations

import os
import resource
import socket
import sys
import time
from collections.abc import Callable, Mapping

from marsad.errors import Refusal
from marsad.models import Analysis, Article
from marsad.nlp import analyse
from marsad.scale.output import Output
from marsad.scale.partitions import Partition
from marsad.scale.readers import articles
from marsad.scale.result import PartitionResult
from marsad.settings import Settings
from marsad.tables import TABLES, collect

# called with (partition id, analyses) after the tables are written and before the marker: the
# hook for loading into a store (see marsad.scale.sinks); it must be picklable.  What it returns
# (counts such as {"stored": 480, "duplicates": 20}, or None) goes into the marker and the manifest.
Sink = Callable[[str, list[Analysis]], Mapping[str, int] | None]

_WARM_TEXT = "قال الوزير أمس إن الاجتماع سيعقد في القاهرة يوم ١٢ مارس ٢٠٢٠."


def warm_up() -> None:
    """Load every model and lexicon the analysers use (they stay cached in this process), and
    the Parquet writer."""
    import pyarrow.parquet  # noqa: F401

    from marsad.nlp import pipeline

    pipeline()
    analyse(Article(id="warm-up", text=_WARM_TEXT, title="عنوان"))


def run_partition(
    partition: Partition,
    out: str,
    settings: Settings,
    sink: Sink | None = None,
    storage_options: dict[str, object] | None = None,
) -> PartitionResult:
    """Analyse one partition and write its tables and marker under ``out``.

    A record that cannot be read, extracted or analysed becomes a refusal with its reason; it
    never stops the partition.
    """
    started_at, started, cpu = time.time(), time.perf_counter(), time.process_time()
    analyses: list[Analysis] = []
    refusals: list[Refusal] = []
    for item in articles(partition, settings):
        if isinstance(item, Refusal):
            refusals.append(item)
            continue
        try:
            analyses.append(analyse(item))
        except Exception as e:  # a bug on one article must not stop the partition
            refusals.append(Refusal(item.source or item.id, f"could not analyse ({type(e).__name__}: {e})"))
    tables = collect(analyses)
    output = Output(out, storage_options)
    for table in TABLES:
        output.write_table(table, partition.id, tables[table])
    stored = sink(partition.id, analyses) if sink is not None else None
    result = PartitionResult(
        partition_id=partition.id,
        read=len(analyses) + len(refusals),
        rows={t: len(tables[t]) for t in TABLES},
        refusals=refusals,
        seconds=round(time.perf_counter() - started, 3),
        cpu_seconds=round(time.process_time() - cpu, 3),
        worker=f"{socket.gethostname()}:{os.getpid()}",
        peak_rss_mb=round(peak_rss_mb(), 1),
        started_at=round(started_at, 3),
        finished_at=round(time.time(), 3),
        stored={str(k): int(v) for k, v in stored.items()} if stored else None,
    )
    output.write_marker(partition, result)
    return result


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MiB.

    On Linux the high-water mark of the process's own memory (``VmHWM``): ``ru_maxrss`` would
    also count the process that spawned it (a worker started by fork and exec from a big parent
    reports at least the parent's size)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024
