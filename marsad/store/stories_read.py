"""Reading stories and near-duplicates from a SQL store (written by :mod:`marsad.store.stories_store`).

One implementation for SQLite and PostgreSQL: every function takes the connection and the backend's
:class:`~marsad.store.stories_dialect.Dialect`.  Stories are listed newest first (last publication
date, then the most recently opened), each with its articles, the statements each outlet carried,
and the near-copies that were not stored.  A page is read in one snapshot where the backend has them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from marsad.store.base import Page
from marsad.store.stories_dialect import Conn, Dialect
from marsad.stories import StoryArticle, StoryCopy, StoryStatement, StoryView, stems

STORY_COLUMNS = "s.rowid, s.id, s.label, s.first_date, s.last_date, s.size"


def _newest_first(d: Dialect) -> str:
    return f"ORDER BY s.last_date IS NULL, s.last_date{d.collate} DESC, s.rowid DESC"


def _statements(
    conn: Conn, d: Dialect, article_rowids: Sequence[int], per_outlet: int
) -> dict[str, list[StoryStatement]]:
    out: dict[str, list[StoryStatement]] = {}
    if not article_rowids or per_outlet <= 0:
        return out
    sql = (
        "SELECT a.outlet, a.id, coalesce(st.speaker_canonical, st.speaker_name), st.content_text, st.kind"
        " FROM statements st JOIN articles a ON a.rowid = st.article_rowid"
        f" WHERE st.article_rowid IN ({d.marks(len(article_rowids))})"
        f" ORDER BY a.pub_date{d.collate} NULLS FIRST, a.rowid, st.idx"
    )
    for outlet, aid, speaker, content, kind in conn.execute(sql, list(article_rowids)):
        got = out.setdefault(outlet or "", [])
        if len(got) < per_outlet:
            got.append(StoryStatement(aid, speaker, content, kind))
    return out


def _view(conn: Conn, d: Dialect, row: Sequence[Any], per_outlet: int) -> StoryView:
    srow, sid, label, first, last, size = row
    members = conn.execute(
        "SELECT a.rowid, a.id, a.title, a.outlet, a.published, a.url, m.score FROM story_members m"
        f" JOIN articles a ON a.rowid = m.article_rowid WHERE m.story_rowid = {d.mark}"
        f" ORDER BY a.pub_date{d.collate} NULLS FIRST, m.rowid",
        (srow,),
    ).fetchall()
    articles = [StoryArticle(r[1], r[2], r[3], r[4], r[5], float(r[6])) for r in members]
    rowids = [int(r[0]) for r in members]
    copies: list[StoryCopy] = []
    if rowids:
        sql = (
            "SELECT d.id, a.id, d.similarity, d.outlet, d.title, d.url, d.published FROM near_duplicates d"
            f" JOIN articles a ON a.rowid = d.of_rowid WHERE d.of_rowid IN ({d.marks(len(rowids))})"
            f" ORDER BY d.id{d.collate}"
        )
        copies = [StoryCopy(r[0], r[1], float(r[2]), r[3], r[4], r[5], r[6]) for r in conn.execute(sql, rowids)]
    outlets = sorted({a.outlet for a in articles if a.outlet} | {c.outlet for c in copies if c.outlet})
    return StoryView(
        sid, label, first, last, int(size), outlets, articles, _statements(conn, d, rowids, per_outlet), copies
    )


def list_stories(
    conn: Conn,
    d: Dialect,
    limit: int = 20,
    offset: int = 0,
    *,
    min_outlets: int = 1,
    min_size: int = 1,
    statements_per_outlet: int = 5,
) -> Page[StoryView]:
    """Stories, newest first; ``min_outlets=2`` keeps the ones reported by two outlets or more."""
    m = d.mark
    where = f"s.outlets >= {m} AND s.size >= {m}"
    params: list[Any] = [min_outlets, min_size]
    with d.snapshot(conn):
        total = int(conn.execute(f"SELECT count(*) FROM stories s WHERE {where}", params).fetchone()[0])
        rows = conn.execute(
            f"SELECT {STORY_COLUMNS} FROM stories s WHERE {where} {_newest_first(d)} LIMIT {m} OFFSET {m}",
            [*params, limit, offset],
        ).fetchall()
        return Page([_view(conn, d, r, statements_per_outlet) for r in rows], total, limit, offset)


def get_story(conn: Conn, d: Dialect, story_id: str, statements_per_outlet: int = 50) -> StoryView | None:
    with d.snapshot(conn):
        row = conn.execute(f"SELECT {STORY_COLUMNS} FROM stories s WHERE s.id = {d.mark}", (story_id,)).fetchone()
        return _view(conn, d, row, statements_per_outlet) if row else None


def story_of(conn: Conn, d: Dialect, article_id: str) -> str | None:
    """The story of a stored article, or of the stored article a near-duplicate copies."""
    row = conn.execute(
        "SELECT s.id FROM articles a JOIN story_members m ON m.article_rowid = a.rowid"
        f" JOIN stories s ON s.rowid = m.story_rowid WHERE a.id = {d.mark}"
        " UNION ALL SELECT s.id FROM near_duplicates d JOIN story_members m ON m.article_rowid = d.of_rowid"
        f" JOIN stories s ON s.rowid = m.story_rowid WHERE d.id = {d.mark} LIMIT 1",
        (article_id, article_id),
    ).fetchone()
    return str(row[0]) if row else None


def search_stories(
    conn: Conn, d: Dialect, text: str, limit: int = 20, offset: int = 0, statements_per_outlet: int = 5
) -> Page[StoryView]:
    """Stories whose titles hold every word of ``text`` (folded, clitics removed, like the clustering), newest first."""
    terms = sorted(set(stems(text)))
    if not terms:
        return list_stories(conn, d, limit, offset, statements_per_outlet=statements_per_outlet)
    found, params = d.title_match(terms)
    with d.snapshot(conn):
        total = int(conn.execute(f"SELECT count(*) {found}", params).fetchone()[0])
        rows = conn.execute(
            f"SELECT {STORY_COLUMNS} {found} {_newest_first(d)} LIMIT {d.mark} OFFSET {d.mark}",
            [*params, limit, offset],
        ).fetchall()
        return Page([_view(conn, d, r, statements_per_outlet) for r in rows], total, limit, offset)


def stories(
    conn: Conn, d: Dialect, text: str = "", limit: int = 20, offset: int = 0, min_outlets: int = 1
) -> Page[StoryView]:
    """``Store.stories``: a title search when ``text`` has words, else the list."""
    if text.strip():
        return search_stories(conn, d, text, limit, offset)
    return list_stories(conn, d, limit, offset, min_outlets=min_outlets)


def near_duplicates(conn: Conn, d: Dialect, of: str | None = None, limit: int = 50, offset: int = 0) -> Page[StoryCopy]:
    """Near-copies that were not stored (of one stored article when ``of`` is given), newest first."""
    where, params = (f"a.id = {d.mark}", [of]) if of else ("TRUE", [])
    base = f"FROM near_duplicates d JOIN articles a ON a.rowid = d.of_rowid WHERE {where}"
    with d.snapshot(conn):
        total = int(conn.execute(f"SELECT count(*) {base}", params).fetchone()[0])
        rows = conn.execute(
            f"SELECT d.id, a.id, d.similarity, d.outlet, d.title, d.url, d.published {base}"
            f" ORDER BY d.added_at DESC, d.id{d.collate} LIMIT {d.mark} OFFSET {d.mark}",
            [*params, limit, offset],
        ).fetchall()
    return Page([StoryCopy(r[0], r[1], float(r[2]), r[3], r[4], r[5], r[6]) for r in rows], total, limit, offset)


__all__ = ["get_story", "list_stories", "near_duplicates", "search_stories", "stories", "story_of"]
