"""Sinks: where a partition's analyses go besides the Parquet tables — the hook for loading a
store (PostgreSQL on a cluster) as the run goes.

A sink is a picklable callable ``sink(partition_id, analyses)`` run on the worker after the
partition's tables are written and before its marker; a sink that raises fails the partition
(it is retried, and rerun by the next run).  What it returns (counts, or None) is kept in the
partition's marker and summed in the manifest.  ``Store.add`` is idempotent, so a partition
loaded twice is stored once: the second time its articles count as duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.models import Analysis
from marsad.settings import Settings


@dataclass(frozen=True, slots=True)
class StoreSink:
    """Adds each partition's analyses to the store at ``url`` (``postgresql://…``; SQLite only
    with one worker: it takes one writer at a time)."""

    url: str
    # the settings the store opens with on the workers (those of the machine that starts the run);
    # None: each worker's own MARSAD_* environment
    settings: Settings | None = None

    def __call__(self, partition_id: str, analyses: list[Analysis]) -> dict[str, int]:
        """Adds the analyses in one transaction; returns how many articles were stored and how many
        were not because the store already had them (same id, URL or text; near-copies where the
        store screens them)."""
        from marsad import open_store

        with open_store(self.url, self.settings) as store:
            added = store.add(analyses)
        return {"stored": added.stored, "duplicates": added.duplicates}


def store_available() -> bool:
    """True once marsad's store package (``marsad.store.open_store``) is installed."""
    try:
        from marsad.store import open_store  # noqa: F401
    except ImportError:
        return False
    return True
