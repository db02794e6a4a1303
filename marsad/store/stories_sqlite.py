"""Near-duplicates and stories in the SQLite store (tables of migration ``002_stories.sql``).

The logic is :class:`~marsad.store.stories_store.StoryState`, shared with PostgreSQL;
:class:`SqliteStories` binds it to the SQLite dialect and the store's one connection.  Call
:meth:`~SqliteStories.screen` before the articles are inserted and :meth:`~SqliteStories.record` and
:meth:`~SqliteStories.assign` after, all inside the store's write transaction (``SqliteStore.add`` does);
:func:`add` does the same around :meth:`SqliteStore.add <marsad.store.sqlite.SqliteStore.add>` for a
store whose ``add`` does not do it itself.  Reading is :mod:`marsad.store.stories_sqlite_read`.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from marsad.dedup import THRESHOLD as DEDUP_THRESHOLD
from marsad.models import Analysis
from marsad.store.base import AddResult
from marsad.store.stories_dialect import SQLITE
from marsad.store.stories_store import StoryState, iso_day
from marsad.stories import THRESHOLD, WINDOW_DAYS

if TYPE_CHECKING:  # marsad.store.sqlite imports this module
    from marsad.store.sqlite import SqliteStore

T = TypeVar("T")


def in_transaction(conn: sqlite3.Connection, fn: Callable[[], T]) -> T:
    """Run ``fn`` inside ``BEGIN IMMEDIATE … COMMIT`` (rolled back when it raises)."""
    with SQLITE.transaction(conn):
        return fn()


class SqliteStories(StoryState):
    """Near-duplicate screening and incremental story clustering over one SQLite connection."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        dedup_threshold: float = DEDUP_THRESHOLD,
        window_days: int = WINDOW_DAYS,
        threshold: float = THRESHOLD,
    ) -> None:
        super().__init__(SQLITE, conn, dedup_threshold=dedup_threshold, window_days=window_days, threshold=threshold)


_STORIES: weakref.WeakKeyDictionary[SqliteStore, SqliteStories] = weakref.WeakKeyDictionary()


def stories_of(store: SqliteStore) -> SqliteStories:
    """The :class:`SqliteStories` of ``store`` (one per store object, so the clustering state is kept)."""
    found = _STORIES.get(store)
    if found is None:
        found = _STORIES[store] = SqliteStories(store._conn)
    return found


def add(store: SqliteStore, analyses: Iterable[Analysis]) -> AddResult:
    """``store.add`` with near-duplicates screened out and recorded, and the stored articles put into stories.

    The ingest loop's hook (call it instead of ``store.add``).  Near-copies count as duplicates in the
    result; the screening is a read before ``store.add``'s transaction and the indexing a second
    transaction after it (:class:`SqliteStore` may do all three in one; see docs/stories.md)."""
    from marsad.store.sqlite import retry_busy

    todo = list(analyses)
    if not todo:
        return AddResult()
    st = stories_of(store)
    with store._lock:
        near = retry_busy(lambda: st.screen(todo))
    kept = [a for i, a in enumerate(todo) if i not in near]
    result = store.add(kept)
    rejected = set(result.duplicate_ids)
    stored = [a for a in kept if a.article.id not in rejected]

    def write() -> None:
        try:
            in_transaction(store._conn, lambda: (st.record(near, todo), st.assign(stored)))
        except BaseException:
            st.reset()  # the in-memory state may hold what was rolled back: rebuild it on the next try
            raise

    with store._lock:
        retry_busy(write)
    near_ids = [d.id for _, d in sorted(near.items())]
    return AddResult(
        stored=result.stored,
        duplicates=result.duplicates + len(near_ids),
        duplicate_ids=[*result.duplicate_ids, *near_ids],
    )


__all__ = ["SqliteStories", "add", "in_transaction", "iso_day", "stories_of"]
