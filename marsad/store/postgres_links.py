"""The ``links`` column of PostgreSQL's statements and articles (migration 005): each row's name and facet terms
(:class:`marsad.store.search_links.Links`) as a ``text[]`` with a GIN index, so that a text search with a name,
outlet, months or kind is a BitmapAnd of the tsvector index and the links index (:mod:`postgres_search`).

:func:`write` sets the links of the rows one ``add`` inserted (two UPDATEs, inside its transaction);
:func:`backfill` sets those of a store stored before migration 005, once, when it is opened.
"""

from __future__ import annotations

import logging

import psycopg

from marsad.store import search_links
from marsad.store.search_links import Links

log = logging.getLogger(__name__)

STEP = 20_000  # rows linked at once by :func:`backfill`

# One UPDATE per table: the terms come flat (row id repeated once per term) and are put back together in SQL,
# so that any term (whatever it holds) is passed as a plain parameter.
_UPDATE = (
    "UPDATE {table} t SET links = v.links FROM (SELECT r, array_agg(term ORDER BY o) AS links"
    " FROM unnest(%s::bigint[], %s::text[]) WITH ORDINALITY AS u(r, term, o) GROUP BY r) v WHERE t.rowid = v.r"
)


def _set(conn: psycopg.Connection, table: str, links: dict[int, list[str]]) -> None:
    rowids = [rowid for rowid, terms in links.items() for _ in terms]
    terms = [term for ts in links.values() for term in ts]
    if terms:
        conn.execute(_UPDATE.format(table=table).encode(), (rowids, terms))


def write(conn: psycopg.Connection, links: Links) -> None:
    """Set the ``links`` of the statements and articles in ``links`` (rows without terms keep NULL)."""
    _set(conn, "statements", links.statements)
    _set(conn, "articles", links.articles)


def pending(conn: psycopg.Connection) -> bool:
    """True while the rows of a store stored before migration 005 wait for :func:`backfill`."""
    return conn.execute("SELECT 1 FROM links_backfill LIMIT 1").fetchone() is not None


def backfill(conn: psycopg.Connection, step: int = STEP) -> int:
    """Set the links of every stored statement and article (inside the caller's transaction, after the link
    tables are filled), ``step`` rows at a time; returns the rows linked."""
    conn.execute("SET LOCAL jit = off")  # the link queries of a big store cost enough to be compiled, every time
    done = 0
    for table in ("statements", "articles"):
        last = search_links.max_rowid(conn, table)
        for lo in range(0, last + 1, step):
            span = (lo, lo + step)
            if table == "statements":
                links = search_links.links_between(conn, "%s", span, (0, 0))
                _set(conn, table, links.statements)
                done += len(links.statements)
            else:
                links = search_links.links_between(conn, "%s", (0, 0), span)
                _set(conn, table, links.articles)
                done += len(links.articles)
            if last >= step:
                log.info("search links of %s: %d of about %d rows", table, min(lo + step, last), last)
    conn.execute("DELETE FROM links_backfill")
    return done


__all__ = ["backfill", "pending", "write"]
