"""Near-duplicates and stories in the PostgreSQL store (tables of migration ``postgres/003_stories.sql``).

The logic is SQLite's (:class:`~marsad.store.stories_store.StoryState`, :mod:`marsad.store.stories_read`)
with the PostgreSQL dialect.  :class:`PostgresStories` is the state of one ``PostgresStore``: its threads
share it (``serve``), so :meth:`PostgresStories.writing` lends it one pooled connection at a time and
forgets the in-memory state when the write fails (commit included)::

    with pool.connection() as conn, stories.writing(conn) as st, conn.transaction():
        ...  # LOCK articles, exact duplicates
        near = st.screen(candidates)
        ...  # COPY the articles that are not near-copies
        st.record(near, candidates)
        st.assign(stored)

Several processes may write one database at once: inside the transaction each step takes the articles
table lock and then the story writers' advisory lock (``pg_advisory_xact_lock``), so screening and
clustering run one writer at a time, and each writer first loads what the others committed (members
are numbered in commit order; ``story_meta 'docs'`` tells when the document frequencies moved).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from marsad.dedup import THRESHOLD as DEDUP_THRESHOLD
from marsad.store import stories_read
from marsad.store.base import Page
from marsad.store.stories_dialect import POSTGRES
from marsad.store.stories_store import StoryState
from marsad.stories import THRESHOLD, WINDOW_DAYS, StoryCopy, StoryView


class PostgresStories(StoryState):
    """Near-duplicate screening and story clustering for a PostgreSQL store (one per store object)."""

    def __init__(
        self,
        *,
        dedup_threshold: float = DEDUP_THRESHOLD,
        window_days: int = WINDOW_DAYS,
        threshold: float = THRESHOLD,
    ) -> None:
        super().__init__(POSTGRES, None, dedup_threshold=dedup_threshold, window_days=window_days, threshold=threshold)
        self._thread_lock = threading.Lock()

    @contextmanager
    def writing(self, conn: psycopg.Connection) -> Iterator[PostgresStories]:
        """Use ``conn`` for the calls of this block (open the transaction inside it); one thread at a time.

        When the block raises (a failed commit too), the in-memory state is reset: it may hold what was
        rolled back, and the next write rebuilds it from the database."""
        with self._thread_lock:
            self._conn = conn
            try:
                yield self
            except BaseException:
                self.reset()
                raise
            finally:
                self._conn = None

    def backfill_with(self, conn: psycopg.Connection, batch: int = 500) -> int:
        """:meth:`backfill` over ``conn`` (articles stored before migration 003 get signatures and stories)."""
        with self.writing(conn):
            return self.backfill(batch)


def stories(
    conn: psycopg.Connection, text: str = "", limit: int = 20, offset: int = 0, min_outlets: int = 1
) -> Page[StoryView]:
    return stories_read.stories(conn, POSTGRES, text, limit, offset, min_outlets)


def story(conn: psycopg.Connection, story_id: str) -> StoryView | None:
    return stories_read.get_story(conn, POSTGRES, story_id)


def near_duplicates(
    conn: psycopg.Connection, of: str | None = None, limit: int = 50, offset: int = 0
) -> Page[StoryCopy]:
    return stories_read.near_duplicates(conn, POSTGRES, of, limit, offset)


__all__ = ["PostgresStories", "near_duplicates", "stories", "story"]
