"""Searches of the SQLite store: a :class:`~marsad.search.ParsedQuery` as FTS5, filters as SQL.

Ranking is bm25 (title weighs more than the body, exact words more than readings), then the
most recent first.  Without query text, hits are listed newest first.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from marsad.models import Span, Speaker, Statement
from marsad.search import ParsedQuery, name_patterns, parse_query, snippet
from marsad.store import entity_aliases
from marsad.store.base import ArticleHit, EntitySummary, Page, Query, StatementHit

ARTICLE_WEIGHTS = (3.0, 1.0, 0.5)  # title, body, rd
# names resolve through the alias table too (marsad.store.entity_aliases): merged names find each other
_RESOLVED = entity_aliases.RESOLVED_KEYS.format(mark="?")
_SPEAKER = (
    "(s.speaker_key LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM entities e WHERE e.article_rowid = s.article_rowid"
    f" AND e.entity_id = s.speaker_entity AND e.entity_key IN {_RESOLVED}))"
)
STATEMENT_WEIGHTS = (1.0, 0.5)  # content, rd


def fts_match(parsed: ParsedQuery, exact_columns: tuple[str, ...]) -> str:
    """An FTS5 MATCH expression.  Words come from :func:`marsad.search.words` (no quotes in them)."""
    clauses: list[str] = []
    for clause in parsed.clauses:
        alts: list[str] = []
        for alt in clause.alternatives:
            expr = '"' + " ".join(alt.words) + '"' + (" *" if alt.prefix else "")
            if alt.exact:
                expr = "{" + " ".join(exact_columns) + "} : " + expr
            alts.append(expr)
        clauses.append("(" + " OR ".join(alts) + ")")
    return " AND ".join(clauses)


def _doc_freq(conn: sqlite3.Connection) -> Any:
    def doc_freq(term: str) -> int:
        row = conn.execute("SELECT doc FROM articles_vocab WHERE term = ?", (term,)).fetchone()
        return int(row[0]) if row else 0

    return doc_freq


def _like(pattern: str) -> str:
    return "%" + pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class _Where:
    """SQL conditions and their parameters, built from a query's filters."""

    def __init__(self) -> None:
        self.conds: list[str] = []
        self.params: list[Any] = []

    def add(self, cond: str, *params: Any) -> None:
        self.conds.append(cond)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.conds) if self.conds else "1"


def _article_filters(q: Query, where: _Where) -> None:
    if q.outlet:
        where.add("a.outlet = ? COLLATE NOCASE", q.outlet.strip())
    if q.since:
        where.add("a.pub_date >= ?", q.since)
    if q.until:
        where.add("substr(a.pub_date, 1, ?) <= ?", len(q.until), q.until)


def _name_filter(where: _Where, cond: str, name: str) -> None:
    """``cond`` with the LIKE pattern of ``name`` (any of them, for a Latin-letter name and its Arabic
    spellings); a name without words matches nothing."""
    patterns = name_patterns(name)
    if not patterns:
        where.add("0")
        return
    where.add(
        "(" + " OR ".join([cond] * len(patterns)) + ")",
        *[_like(p) for p in patterns for _ in range(cond.count("?"))],
    )


def search_articles(conn: sqlite3.Connection, q: Query) -> Page[ArticleHit]:
    where = _Where()
    _article_filters(q, where)
    if q.entity is not None:
        _name_filter(
            where,
            "a.rowid IN (SELECT article_rowid FROM entities WHERE name_key LIKE ? ESCAPE '\\'"
            f" OR entity_key IN {_RESOLVED})",
            q.entity,
        )
    if q.speaker is not None or q.kind is not None:
        sub = _Where()
        if q.speaker is not None:
            _name_filter(sub, _SPEAKER, q.speaker)
        if q.kind is not None:
            sub.add("s.kind = ?", q.kind)
        where.add(f"a.rowid IN (SELECT s.article_rowid FROM statements s WHERE {sub.sql()})", *sub.params)
    parsed = parse_query(q.text, _doc_freq(conn))
    if q.text.strip() and not parsed:  # text with no word in it (punctuation): nothing to find
        where.add("0")
    if parsed:
        match = fts_match(parsed, ("title", "body"))
        base = (
            # CROSS JOIN keeps the full-text match as the outer loop (SQLite never reorders it): with a
            # plain JOIN the planner may walk an index on the filter and re-run the match for each row
            "FROM articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid"
            f" WHERE articles_fts MATCH ? AND {where.sql()}"
        )
        params = [match, *where.params]
        weights = ", ".join(str(w) for w in ARTICLE_WEIGHTS)
        order = f"bm25(articles_fts, {weights}), a.pub_date DESC, a.rowid"
    else:
        base = f"FROM articles a WHERE {where.sql()}"
        params = list(where.params)
        order = "a.pub_date DESC, a.rowid DESC"
    total = int(conn.execute(f"SELECT count(*) {base}", params).fetchone()[0])
    rowids = [
        r[0]
        for r in conn.execute(f"SELECT a.rowid {base} ORDER BY {order} LIMIT ? OFFSET ?", [*params, q.limit, q.offset])
    ]
    items: list[ArticleHit] = []
    if rowids:
        marks = ",".join("?" * len(rowids))
        found = {
            r[0]: r
            for r in conn.execute(
                "SELECT rowid, id, title, outlet, published, url, json_extract(doc, '$.text') FROM articles"
                f" WHERE rowid IN ({marks})",
                rowids,
            )
        }
        for rowid in rowids:
            _, aid, title, outlet, published, url, text = found[rowid]
            items.append(ArticleHit(aid, title, outlet, published, url, snippet(text or "", parsed.terms)))
    return Page(items, total, q.limit, q.offset)


_STATEMENT_COLUMNS = (
    "s.rowid, s.idx, a.id, a.title, a.outlet, a.published, s.speaker_name, s.speaker_canonical, s.speaker_entity,"
    " s.speaker_type, s.speaker_role, s.mention_text, s.mention_start, s.mention_end, s.mention_zone,"
    " s.cue_text, s.cue_start, s.cue_end, s.cue_zone, s.content_text, s.content_start, s.content_end, s.zone, s.kind"
)

# a statement is about an entity when it speaks, or when one of its mentions lies inside the content
_ABOUT_ENTITY = (
    "EXISTS (SELECT 1 FROM entities e WHERE e.article_rowid = s.article_rowid AND (e.name_key LIKE ? ESCAPE '\\'"
    f" OR e.entity_key IN {_RESOLVED})"
    " AND (e.entity_id = s.speaker_entity OR EXISTS (SELECT 1 FROM mentions m WHERE m.entity_rowid = e.rowid"
    ' AND m.zone = s.zone AND m.start >= s.content_start AND m."end" <= s.content_end)))'
)


def search_statements(conn: sqlite3.Connection, q: Query) -> Page[StatementHit]:
    where = _Where()
    _article_filters(q, where)
    if q.speaker is not None:
        _name_filter(where, _SPEAKER, q.speaker)
    if q.entity is not None:
        _name_filter(where, _ABOUT_ENTITY, q.entity)
    if q.kind is not None:
        where.add("s.kind = ?", q.kind)
    parsed = parse_query(q.text, _doc_freq(conn))
    if q.text.strip() and not parsed:
        where.add("0")
    if parsed:
        base = (
            "FROM statements_fts CROSS JOIN statements s ON s.rowid = statements_fts.rowid"
            f" CROSS JOIN articles a ON a.rowid = s.article_rowid WHERE statements_fts MATCH ? AND {where.sql()}"
        )
        params = [fts_match(parsed, ("content",)), *where.params]
        weights = ", ".join(str(w) for w in STATEMENT_WEIGHTS)
        order = f"bm25(statements_fts, {weights}), a.pub_date DESC, s.rowid"
    else:
        base = f"FROM statements s JOIN articles a ON a.rowid = s.article_rowid WHERE {where.sql()}"
        params = list(where.params)
        order = "a.pub_date DESC, s.rowid"
    total = int(conn.execute(f"SELECT count(*) {base}", params).fetchone()[0])
    sql = f"SELECT {_STATEMENT_COLUMNS} {base} ORDER BY {order} LIMIT ? OFFSET ?"
    items = [_statement_hit(r) for r in conn.execute(sql, [*params, q.limit, q.offset])]
    return Page(items, total, q.limit, q.offset)


def _statement_hit(r: tuple[Any, ...]) -> StatementHit:
    mention = Span(r[12], r[13], r[11], r[14]) if r[11] is not None else None
    speaker = Speaker(r[6], r[9], r[7], r[8], r[10], mention)
    statement = Statement(speaker, Span(r[16], r[17], r[15], r[18]), Span(r[20], r[21], r[19], r[22]), r[23])
    return StatementHit(r[2], r[1], r[3], r[4], r[5], statement)


def entity_summaries(conn: sqlite3.Connection, name: str | None, limit: int, offset: int) -> Page[EntitySummary]:
    """Global entities (marsad.store.entity_aliases), most articles first."""
    return entity_aliases.summaries(conn, "?", name, limit, offset)
