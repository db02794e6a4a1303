"""The full-text rows of the SQLite store (FTS5, contentless): an article's folded title, body and readings and a
statement's folded content and readings (:mod:`marsad.store.indexing`), each with a last column of *links*
(:mod:`marsad.store.search_links`: name and facet terms, one :func:`~marsad.store.search_links.link_token` word
each), so that FTS5 intersects words with names, outlets and months in its own index lists.

A statement's words are also in ``statements_fts`` without links, to rank by: bm25 counts every word of a row in
its length, and the link words would be a large part of a short statement's (an article's are a few percent).

Rows are written after the link tables (:func:`write`, inside ``add``'s transaction).  A store made before
migration 005 gets all of its rows written again once, when it is opened (:func:`rebuild`).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence

from marsad.models import analysis_from_dict
from marsad.store import search_links
from marsad.store.indexing import index_article, index_statement
from marsad.store.search_links import Links, link_token

log = logging.getLogger(__name__)

ARTICLE_SQL = "INSERT INTO articles_fts (rowid, title, body, rd, links) VALUES (?, ?, ?, ?, ?)"
STATEMENT_SQL = "INSERT INTO statements_fts (rowid, content, rd) VALUES (?, ?, ?)"
STATEMENT_LINKS_SQL = "INSERT INTO statement_links_fts (rowid, content, rd, links) VALUES (?, ?, ?, ?)"
STEP = 5_000  # articles rebuilt at once

ArticleText = tuple[int, str, str, str]  # row id, folded title, folded body, readings
StatementText = tuple[int, str, str]  # row id, folded content, readings


def links_text(terms: Sequence[str] | None) -> str:
    """The links column: one word per term."""
    return " ".join(link_token(t) for t in terms or ())


def write(
    conn: sqlite3.Connection,
    articles: list[ArticleText],
    statements: list[StatementText],
    links: Links,
    words: bool = True,
) -> None:
    """Insert the full-text rows of new articles and statements, with their links (``words``: the statements'
    words-only rows too)."""
    conn.executemany(ARTICLE_SQL, [(*r, links_text(links.articles.get(r[0]))) for r in articles])
    if words:
        conn.executemany(STATEMENT_SQL, statements)
    conn.executemany(STATEMENT_LINKS_SQL, [(*r, links_text(links.statements.get(r[0]))) for r in statements])


def pending(conn: sqlite3.Connection) -> bool:
    """True while the rows of a store made before migration 005 wait for :func:`rebuild`."""
    return conn.execute("SELECT 1 FROM fts_rebuild LIMIT 1").fetchone() is not None


def rebuild(conn: sqlite3.Connection, step: int = STEP) -> int:
    """Write the full-text rows with links of every stored article and statement (inside one transaction, after
    the link tables are filled), :data:`STEP` articles at a time; returns the articles indexed.  Does nothing when
    another process did it first (checked inside the transaction: contentless rows written twice count twice)."""
    if not pending(conn):
        return 0
    last = search_links.max_rowid(conn, "articles")
    done = 0
    for lo in range(0, last + 1, step):
        hi = lo + step
        articles: list[ArticleText] = []
        for rowid, doc in conn.execute("SELECT rowid, doc FROM articles WHERE rowid >= ? AND rowid < ?", (lo, hi)):
            ix = index_article(analysis_from_dict(json.loads(doc)).article)
            articles.append((int(rowid), ix.title, ix.body, ix.readings))
        sql = "SELECT rowid, content_text FROM statements WHERE article_rowid >= ? AND article_rowid < ?"
        statements: list[StatementText] = [(int(r), *index_statement(text)) for r, text in conn.execute(sql, (lo, hi))]
        span = (min(s[0] for s in statements), max(s[0] for s in statements) + 1) if statements else (0, 0)
        links = search_links.links_between(conn, "?", span, (lo, hi))
        write(conn, articles, statements, links, words=False)  # statements_fts was kept
        done += len(articles)
        if last >= step:
            log.info("full-text index: %d of about %d articles", done, last)
    conn.execute("DELETE FROM fts_rebuild")
    return done


__all__ = ["ArticleText", "StatementText", "links_text", "pending", "rebuild", "write"]
