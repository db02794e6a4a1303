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
* ``article_terms``: ``e:<entity key>`` of every entity of an article, and (migration 005) the ``s:`` and
  ``p:`` terms of the speakers of its statements.

The same terms, with the row's facets (``o:`` outlet, ``m:`` month, ``k:`` statement kind), are the
row's *links* (:class:`Links`): the backends put them into their full-text index next to the text
(:func:`link_token`), so that a query combining words with a name, outlet or dates is answered by
intersecting index lists instead of checking every word match.

:func:`update` fills them for the rows one ``add`` inserted (after :func:`entity_aliases.sync` gave the
entities their keys) and returns the new rows' links; :func:`backfill` does it once for a store stored
before migration 004, and :func:`links_between` reads the links of stored rows (to rebuild an index).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from marsad.store.entity_aliases import Conn

SPEAKER_KEY = "s:"
SPEAKS = "p:"
ABOUT = "e:"
OUTLET = "o:"
MONTH = "m:"
KIND = "k:"
END = 2**62  # past every row id
STEP = 20_000  # rows linked at once by :func:`backfill`

TermRow = tuple[str, str, int]  # (term, pub_date or '', owner row id)


@dataclass(frozen=True, slots=True)
class Firsts:
    """The first row ids of the rows to link (everything from there on)."""

    article: int = 0
    statement: int = 0
    entity: int = 0


@dataclass(slots=True)
class Links:
    """What rows are found by: owner row id → terms (name terms and facet terms), for statements and articles."""

    statements: dict[int, list[str]] = field(default_factory=dict)
    articles: dict[int, list[str]] = field(default_factory=dict)


LINK_MARK = "\ue000"  # a private-use character: a word character for FTS5's unicode61, never in a query's words


def link_token(term: str) -> str:
    """The one full-text word standing for a term: :data:`LINK_MARK` and 16 hex digits of its BLAKE2b hash (one
    token for the tokenizer; a collision between two of the terms of a store is a chance of about n²/2⁶⁵).  No
    word of a query starts with the mark, so a prefix query (``ab*``) never reads the links' index lists."""
    return LINK_MARK + hashlib.blake2b(term.encode("utf-8"), digest_size=8).hexdigest()


ODD_MONTH = MONTH + "?"  # a date not starting with an ISO year and month: in every date range's link group
_ISO_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def outlet_term(lowered: str) -> str:
    """The term of an outlet: ``o:`` and the name as the backend's ``lower()`` gives it (the function its outlet
    filter compares with: SQLite's NOCASE and ``lower`` fold ASCII only, PostgreSQL's ``lower`` follows the
    locale), so that two names the filter takes as equal have one term; the exact comparison is still made on
    the facets."""
    return OUTLET + lowered.strip()


def month_term(pub_date: str) -> str:
    """``m:`` and the date's ``YYYY-MM``; :data:`ODD_MONTH` for a date that does not start so (a year alone,
    an unpadded or impossible month), which a date range can still hold."""
    return MONTH + pub_date[:7] if _ISO_MONTH.match(pub_date) else ODD_MONTH


def kind_term(kind: str) -> str:
    return KIND + kind


_ABOUT = (
    "e.entity_id = s.speaker_entity OR EXISTS (SELECT 1 FROM mentions mn WHERE mn.entity_rowid = e.rowid"
    ' AND mn.zone = s.zone AND mn.start >= s.content_start AND mn."end" <= s.content_end)'
)


def _index_sql(mark: str) -> list[tuple[str, str]]:
    """``(statement, which first id it takes)``: the facets and name keys of the new rows, in order."""
    ignore = " ON CONFLICT DO NOTHING"
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
    ]


def _statement_terms_sql(mark: str) -> list[str]:
    """SELECTs of ``(term, pub_date, statement row id)`` for the statements with row ids in ``[lo, hi)``."""
    within = f"s.rowid >= {mark} AND s.rowid < {mark}"
    date = "coalesce(f.pub_date, '')"
    facets = "JOIN statement_facets f ON f.rowid = s.rowid"
    return [
        f"SELECT '{SPEAKER_KEY}' || n.id, {date}, s.rowid FROM statements s"
        f" JOIN name_keys n ON n.key = s.speaker_key {facets} WHERE {within}",
        f"SELECT DISTINCT '{SPEAKS}' || e.entity_key, {date}, s.rowid FROM statements s {facets} JOIN entities e"
        f" ON e.article_rowid = s.article_rowid AND e.entity_id = s.speaker_entity"
        f" WHERE {within} AND e.entity_key IS NOT NULL",
        f"SELECT DISTINCT '{ABOUT}' || e.entity_key, {date}, s.rowid FROM statements s {facets} JOIN entities e"
        f" ON e.article_rowid = s.article_rowid WHERE {within} AND e.entity_key IS NOT NULL AND ({_ABOUT})",
    ]


def _article_terms_sql(mark: str) -> list[str]:
    """SELECTs of ``(term, pub_date, article row id)`` for the articles with row ids in ``[lo, hi)``."""
    date = "coalesce(a.pub_date, '')"
    return [
        f"SELECT DISTINCT '{ABOUT}' || e.entity_key, {date}, a.rowid FROM entities e"
        f" JOIN articles a ON a.rowid = e.article_rowid WHERE e.article_rowid >= {mark} AND e.article_rowid < {mark}"
        " AND e.entity_key IS NOT NULL",
        f"SELECT DISTINCT '{SPEAKER_KEY}' || n.id, {date}, a.rowid FROM statements s"
        " JOIN name_keys n ON n.key = s.speaker_key JOIN articles a ON a.rowid = s.article_rowid"
        f" WHERE s.article_rowid >= {mark} AND s.article_rowid < {mark}",
        f"SELECT DISTINCT '{SPEAKS}' || e.entity_key, {date}, a.rowid FROM statements s"
        " JOIN entities e ON e.article_rowid = s.article_rowid AND e.entity_id = s.speaker_entity"
        f" JOIN articles a ON a.rowid = s.article_rowid WHERE s.article_rowid >= {mark} AND s.article_rowid < {mark}"
        " AND e.entity_key IS NOT NULL",
    ]


def _rows(conn: Conn, sqls: list[str], lo: int, hi: int) -> list[TermRow]:
    out: list[TermRow] = []
    for sql in sqls:
        out.extend((str(r[0]), str(r[1]), int(r[2])) for r in conn.execute(sql, (lo, hi)))
    return out


def facet_terms(conn: Conn, mark: str, table: str, lo: int, hi: int) -> dict[int, list[str]]:
    """``o:``, ``m:`` (and ``k:``) terms of the rows of a facets table (``statement_facets``,
    ``article_facets``) with row ids in ``[lo, hi)``."""
    kind = ", kind" if table == "statement_facets" else ""
    sql = f"SELECT rowid, pub_date, lower(outlet){kind} FROM {table} WHERE rowid >= {mark} AND rowid < {mark}"
    out: dict[int, list[str]] = {}
    for r in conn.execute(sql, (lo, hi)):
        terms = out.setdefault(int(r[0]), [])
        if r[1]:
            terms.append(month_term(str(r[1])))
        if r[2]:
            terms.append(outlet_term(str(r[2])))
        if kind:
            terms.append(kind_term(str(r[3])))
    return out


def _by_owner(facets: dict[int, list[str]], rows: Iterable[TermRow]) -> dict[int, list[str]]:
    out = facets
    for term, _, owner in rows:
        terms = out.setdefault(owner, [])
        if term not in terms:
            terms.append(term)
    return out


def _insert(conn: Conn, mark: str, table: str, owner: str, rows: list[TermRow]) -> None:
    if rows:
        sql = f"INSERT INTO {table} (term, pub_date, {owner}) VALUES ({mark}, {mark}, {mark}) ON CONFLICT DO NOTHING"
        conn.cursor().executemany(sql, rows)


def _link(conn: Conn, mark: str, statements: tuple[int, int], articles: tuple[int, int], write: bool) -> Links:
    st_rows = _rows(conn, _statement_terms_sql(mark), *statements)
    art_rows = _rows(conn, _article_terms_sql(mark), *articles)
    if write:
        _insert(conn, mark, "statement_terms", "statement_rowid", st_rows)
        _insert(conn, mark, "article_terms", "article_rowid", art_rows)
    return Links(
        _by_owner(facet_terms(conn, mark, "statement_facets", *statements), st_rows),
        _by_owner(facet_terms(conn, mark, "article_facets", *articles), art_rows),
    )


def update(conn: Conn, mark: str, firsts: Firsts) -> Links:
    """Link the articles, statements and entities from ``firsts`` on; their links."""
    for sql, which in _index_sql(mark):
        conn.execute(sql, (getattr(firsts, which),))
    return _link(conn, mark, (firsts.statement, END), (firsts.article, END), write=True)


def links_between(conn: Conn, mark: str, statements: tuple[int, int], articles: tuple[int, int]) -> Links:
    """The links of the stored statements and articles with row ids in the given ``[lo, hi)`` ranges."""
    return _link(conn, mark, statements, articles, write=False)


def max_rowid(conn: Conn, table: str) -> int:
    """The largest row id of ``table`` (0 when empty)."""
    return int(conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0])


def pending(conn: Conn) -> bool:
    """True while rows stored before migration 004 wait for :func:`backfill`."""
    return conn.execute("SELECT 1 FROM search_links_backfill LIMIT 1").fetchone() is not None


def backfill(conn: Conn, mark: str) -> None:
    """Fill the search tables from every stored row (once, inside one transaction; idempotent), :data:`STEP`
    rows at a time."""
    if not pending(conn):  # another process did it while this one waited for the write lock
        return
    for sql, _ in _index_sql(mark):
        conn.execute(sql, (0,))
    for table, sqls, owner, target in (
        ("statements", _statement_terms_sql(mark), "statement_rowid", "statement_terms"),
        ("articles", _article_terms_sql(mark), "article_rowid", "article_terms"),
    ):
        for lo in range(0, max_rowid(conn, table) + 1, STEP):
            _insert(conn, mark, target, owner, _rows(conn, sqls, lo, lo + STEP))
    conn.execute("DELETE FROM search_links_backfill")


__all__ = [
    "ABOUT",
    "KIND",
    "MONTH",
    "ODD_MONTH",
    "OUTLET",
    "SPEAKER_KEY",
    "SPEAKS",
    "Firsts",
    "Links",
    "backfill",
    "facet_terms",
    "kind_term",
    "link_token",
    "links_between",
    "max_rowid",
    "month_term",
    "outlet_term",
    "pending",
    "update",
]
