"""Reading stories and near-duplicates from the SQLite store: :mod:`marsad.store.stories_read` with the SQLite dialect.

Stories are listed newest first (last publication date, then the most recently opened), each with
its articles, the statements each outlet carried, and the near-copies that were not stored.
"""

from __future__ import annotations

import sqlite3

from marsad.store import stories_read
from marsad.store.base import Page
from marsad.store.stories_dialect import SQLITE
from marsad.stories import StoryCopy, StoryView


def list_stories(
    conn: sqlite3.Connection,
    limit: int = 20,
    offset: int = 0,
    *,
    min_outlets: int = 1,
    min_size: int = 1,
    statements_per_outlet: int = 5,
) -> Page[StoryView]:
    """Stories, newest first; ``min_outlets=2`` keeps the ones reported by two outlets or more."""
    return stories_read.list_stories(
        conn,
        SQLITE,
        limit,
        offset,
        min_outlets=min_outlets,
        min_size=min_size,
        statements_per_outlet=statements_per_outlet,
    )


def get_story(conn: sqlite3.Connection, story_id: str, statements_per_outlet: int = 50) -> StoryView | None:
    return stories_read.get_story(conn, SQLITE, story_id, statements_per_outlet)


def story_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The story of a stored article, or of the stored article a near-duplicate copies."""
    return stories_read.story_of(conn, SQLITE, article_id)


def search_stories(
    conn: sqlite3.Connection, text: str, limit: int = 20, offset: int = 0, statements_per_outlet: int = 5
) -> Page[StoryView]:
    """Stories whose titles hold every word of ``text`` (folded, clitics removed, like the clustering), newest first."""
    return stories_read.search_stories(conn, SQLITE, text, limit, offset, statements_per_outlet)


def near_duplicates(
    conn: sqlite3.Connection, of: str | None = None, limit: int = 50, offset: int = 0
) -> Page[StoryCopy]:
    """Near-copies that were not stored (of one stored article when ``of`` is given), newest first."""
    return stories_read.near_duplicates(conn, SQLITE, of, limit, offset)


__all__ = ["get_story", "list_stories", "near_duplicates", "search_stories", "story_of"]
