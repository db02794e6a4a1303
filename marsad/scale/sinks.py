"""Sinks: where a partition's analyses go besides the Parquet tables — the hook for loading a
store (PostgreSQL on a cluster) as the run goes.

A sink is a picklable callable ``sink(partition_id, analyses)`` run on the worker after the
partition's tables are written and before its marker; a sink that raises fails the partition
(it is retried, and rerun by the next run).  ``Store.add`` is idempotent, so a partition loaded
twice is stored once.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.models import Analysis


@dataclass(frozen=True, slots=True)
class StoreSink:
    """Adds each partition's analyses to the store at ``url`` (``postgresql://…``; SQLite only
    with one worker: it takes one writer at a time)."""

    url: str

    def __call__(self, partition_id: str, analyses: list[Analysis]) -> None:
        from marsad import open_store

        with open_store(self.url) as store:
            store.add(analyses)


def store_available() -> bool:
    """True once marsad's store package (``marsad.store.open_store``) is installed."""
    try:
        from marsad.store import open_store  # noqa: F401
    except ImportError:
        return False
    return True
