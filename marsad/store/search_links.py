"""The tables that let name filters and "newest first" be read through indexes (migration 004), written
for both backends by the same SQL (``mark`` is the backend's parameter marker).

* ``statement_facets`` / ``article_facets``: the publication date, outlet (and kind) of each row, narrow,
  with indexes in "newest first" order;
* ``name_keys``: every distinct name key (:func:`marsad.search.name_key`) of a speaker or an entity, with
  a word index (SQLite FTS5, PostgreSQL pg_trgm);
* ``name_key_entities``: which entity keys (``entities.entity_key``) carry each name key;
* ``statement_terms``: what a statement is found by, with its date so that a term's statements are
  read newest first: ``s:<name key id>`` (its speaker's name key), ``p:<entity key>`` (the entity
  that speaks it), ``e:<entity key>`` (an entity it is about: the speaker, or one mentioned inside
  its content — the semantics of the entity filter);
* ``article_terms``: ``e:<entity key>`` of every entity of an article.

:func:`update` fills them for the rows one ``add`` inserted (after :func:`entity_aliases.sync` gave the
entities their keys); :func:`backfill` does it once for a store stored before migration 004.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.store.entity_aliases import Conn

SPEAKER_KEY = "s:"
SPEAKS = "p:"
ABOUT = "e:"


@dataclass(frozen=True, slots=True)
class Firsts:
    """The first row ids of the rows to link (everything from there on)."""

    article: int = 0
    statement: int = 0
    entity: int = 0


_ABOUT = (
    "e.entity_id = s.speaker_entity OR EXISTS (SELECT 1 FROM mentions mn WHERE mn.entity_rowid = e.rowid"
    ' AND mn.zone = s.zone AND mn.start >= s.content_start AND mn."end" <= s.content_end)'
)


def _sql(mark: str) -> list[tuple[str, str]]:
    """``(statement, which first id it takes)`` in order."""
    ignore = " ON CONFLICT DO NOTHING"
    st_terms = "INSERT INTO statement_terms (term, pub_date, statement_rowid)"
    return [
        (
            "INSERT INTO article_facets (rowid, pub_date, outlet) SELECT rowid, pub_date, outlet FROM articles"
            f" WHERE rowid >= {mark}{ignore}",
            "article",
        ),
        (
            "INSERT INTO statement_facets (rowid, pub_date, outlet, kind) SELECT s.rowid, a.pub_date, a.outlet, s.kind"
            f" FROM statements s JOIN articles a ON a.rowid = s.article_rowid WHERE s.rowid >= {mark}{ignore}",
            "statement",
        ),
        (
            "INSERT INTO name_keys (key) SELECT DISTINCT speaker_key FROM statements"
            f" WHERE rowid >= {mark} AND speaker_key <> ''{ignore}",
            "statement",
        ),
        (
            f"INSERT INTO name_keys (key) SELECT DISTINCT name_key FROM entities WHERE rowid >= {mark}"
            f" AND name_key <> ''{ignore}",
            "entity",
        ),
        (
            "INSERT INTO name_key_entities (name_key_id, entity_key) SELECT DISTINCT n.id, e.entity_key"
            f" FROM entities e JOIN name_keys n ON n.key = e.name_key WHERE e.rowid >= {mark}"
            f" AND e.entity_key IS NOT NULL{ignore}",
            "entity",
        ),
        (
            f"{st_terms} SELECT '{SPEAKER_KEY}' || n.id, coalesce(f.pub_date, ''), s.rowid FROM statements s"
            " JOIN name_keys n ON n.key = s.speaker_key JOIN statement_facets f ON f.rowid = s.rowid"
            f" WHERE s.rowid >= {mark}{ignore}",
            "statement",
        ),
        (
            f"{st_terms} SELECT DISTINCT '{SPEAKS}' || e.entity_key, coalesce(f.pub_date, ''), s.rowid"
            " FROM statements s JOIN statement_facets f ON f.rowid = s.rowid JOIN entities e"
            " ON e.article_rowid = s.article_rowid AND e.entity_id = s.speaker_entity"
            f" WHERE s.rowid >= {mark} AND e.entity_key IS NOT NULL{ignore}",
            "statement",
        ),
        (
            f"{st_terms} SELECT DISTINCT '{ABOUT}' || e.entity_key, coalesce(f.pub_date, ''), s.rowid"
            " FROM statements s JOIN statement_facets f ON f.rowid = s.rowid JOIN entities e"
            f" ON e.article_rowid = s.article_rowid WHERE s.rowid >= {mark} AND e.entity_key IS NOT NULL"
            f" AND ({_ABOUT}){ignore}",
            "statement",
        ),
        (
            f"INSERT INTO article_terms (term, pub_date, article_rowid) SELECT DISTINCT '{ABOUT}' || e.entity_key,"
            " coalesce(a.pub_date, ''), a.rowid FROM entities e JOIN articles a ON a.rowid = e.article_rowid"
            f" WHERE e.rowid >= {mark} AND e.entity_key IS NOT NULL{ignore}",
            "entity",
        ),
    ]


def update(conn: Conn, mark: str, firsts: Firsts) -> None:
    """Link the articles, statements and entities from ``firsts`` on."""
    for sql, which in _sql(mark):
        conn.execute(sql, (getattr(firsts, which),))


def pending(conn: Conn) -> bool:
    """True while rows stored before migration 004 wait for :func:`backfill`."""
    return conn.execute("SELECT 1 FROM search_links_backfill LIMIT 1").fetchone() is not None


def backfill(conn: Conn, mark: str) -> None:
    """Fill the search tables from every stored row (once, inside one transaction; idempotent)."""
    update(conn, mark, Firsts())
    conn.execute("DELETE FROM search_links_backfill")


__all__ = ["ABOUT", "SPEAKER_KEY", "SPEAKS", "Firsts", "backfill", "pending", "update"]
