"""Searches of the PostgreSQL store: a :class:`~marsad.search.ParsedQuery` as a ``tsquery('simple')``.

Matching is the same as SQLite's FTS5 (same folded words and readings, same query reading); ranking
is ``ts_rank`` with the title above the body above the readings, then the most recent first, then
insertion order.  Without query text, hits are listed newest first exactly as SQLite lists them.
"""

from __future__ import annotations

from typing import Any

import psycopg

from marsad.models import Span, Speaker, Statement
from marsad.search import ParsedQuery, name_patterns, parse_query, snippet
from marsad.store import entity_aliases
from marsad.store.base import ArticleHit, EntitySummary, Page, Query, StatementHit

ARTICLE_RANK = "{0.05, 0.1667, 0.3333, 1.0}"  # D, C (readings), B (body), A (title): 0.5 : 1 : 3 as SQLite
STATEMENT_RANK = "{0.05, 0.5, 0.5, 1.0}"  # B (readings), A (content): 0.5 : 1 as SQLite
# names resolve through the alias table too (marsad.store.entity_aliases): merged names find each other
_RESOLVED = entity_aliases.RESOLVED_KEYS.format(mark="%s")
_SPEAKER = (
    "(s.speaker_key LIKE %s OR EXISTS (SELECT 1 FROM entities e WHERE e.article_rowid = s.article_rowid"
    f" AND e.entity_id = s.speaker_entity AND e.entity_key IN {_RESOLVED}))"
)


def tsquery(parsed: ParsedQuery, exact_weights: str) -> str:
    """The ``to_tsquery('simple', …)`` text.  Words come from :func:`marsad.search.words` (letters and digits)."""
    clauses: list[str] = []
    for clause in parsed.clauses:
        alts: list[str] = []
        for alt in clause.alternatives:
            marks = exact_weights if alt.exact else ""
            lexemes = [f"'{w}':{marks}" if marks else f"'{w}'" for w in alt.words]
            if alt.prefix:
                lexemes[-1] = f"'{alt.words[-1]}':*{marks}"
            alts.append("(" + " <-> ".join(lexemes) + ")")
        clauses.append("(" + " | ".join(alts) + ")")
    return " & ".join(clauses)


def _doc_freq(conn: psycopg.Connection) -> Any:
    def doc_freq(term: str) -> int:
        row = conn.execute(
            "SELECT count(*) FROM articles WHERE tsv @@ to_tsquery('simple', %s)", (f"'{term}'",)
        ).fetchone()
        return int(row[0]) if row else 0

    return doc_freq


def _like(pattern: str) -> str:
    return "%" + pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class _Where:
    def __init__(self) -> None:
        self.conds: list[str] = []
        self.params: list[Any] = []

    def add(self, cond: str, *params: Any) -> None:
        self.conds.append(cond)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.conds) if self.conds else "TRUE"


def _article_filters(q: Query, where: _Where) -> None:
    if q.outlet:
        where.add("lower(a.outlet) = lower(%s)", q.outlet.strip())
    if q.since:
        where.add("a.pub_date >= %s", q.since)
    if q.until:
        where.add("substr(a.pub_date, 1, %s) <= %s", len(q.until), q.until)


def _name_filter(where: _Where, cond: str, name: str) -> None:
    """``cond`` with the LIKE pattern of ``name`` (any of them, for a Latin-letter name and its Arabic
    spellings); a name without words matches nothing."""
    patterns = name_patterns(name)
    if not patterns:
        where.add("FALSE")
        return
    where.add(
        "(" + " OR ".join([cond] * len(patterns)) + ")",
        *[_like(p) for p in patterns for _ in range(cond.count("%s"))],
    )


def search_articles(conn: psycopg.Connection, q: Query) -> Page[ArticleHit]:
    where = _Where()
    _article_filters(q, where)
    if q.entity is not None:
        _name_filter(
            where,
            f"a.rowid IN (SELECT article_rowid FROM entities WHERE name_key LIKE %s OR entity_key IN {_RESOLVED})",
            q.entity,
        )
    if q.speaker is not None or q.kind is not None:
        sub = _Where()
        if q.speaker is not None:
            _name_filter(sub, _SPEAKER, q.speaker)
        if q.kind is not None:
            sub.add("s.kind = %s", q.kind)
        where.add(f"a.rowid IN (SELECT s.article_rowid FROM statements s WHERE {sub.sql()})", *sub.params)
    parsed = parse_query(q.text, _doc_freq(conn))
    if q.text.strip() and not parsed:
        where.add("FALSE")
    params: list[Any]
    if parsed:
        base = f"FROM articles a WHERE a.tsv @@ to_tsquery('simple', %s) AND {where.sql()}"
        params = [tsquery(parsed, "AB"), *where.params]
        order = f"ts_rank('{ARTICLE_RANK}', a.tsv, to_tsquery('simple', %s)) DESC, a.pub_date DESC NULLS LAST, a.rowid"
        order_params: list[Any] = [params[0]]
    else:
        base = f"FROM articles a WHERE {where.sql()}"
        params = list(where.params)
        order = "a.pub_date DESC NULLS LAST, a.rowid DESC"
        order_params = []
    row = conn.execute(f"SELECT count(*) {base}", params).fetchone()
    total = int(row[0]) if row else 0
    sql = (
        f"SELECT a.id, a.title, a.outlet, a.published, a.url, a.doc::json->>'text' {base}"
        f" ORDER BY {order} LIMIT %s OFFSET %s"
    )
    rows = conn.execute(sql, [*params, *order_params, q.limit, q.offset]).fetchall()
    items = [ArticleHit(r[0], r[1], r[2], r[3], r[4], snippet(r[5] or "", parsed.terms)) for r in rows]
    return Page(items, total, q.limit, q.offset)


_STATEMENT_COLUMNS = (
    "s.rowid, s.idx, a.id, a.title, a.outlet, a.published, s.speaker_name, s.speaker_canonical, s.speaker_entity,"
    " s.speaker_type, s.speaker_role, s.mention_text, s.mention_start, s.mention_end, s.mention_zone,"
    " s.cue_text, s.cue_start, s.cue_end, s.cue_zone, s.content_text, s.content_start, s.content_end, s.zone, s.kind"
)

_ABOUT_ENTITY = (
    "EXISTS (SELECT 1 FROM entities e WHERE e.article_rowid = s.article_rowid AND (e.name_key LIKE %s"
    f" OR e.entity_key IN {_RESOLVED})"
    " AND (e.entity_id = s.speaker_entity OR EXISTS (SELECT 1 FROM mentions m WHERE m.entity_rowid = e.rowid"
    ' AND m.zone = s.zone AND m.start >= s.content_start AND m."end" <= s.content_end)))'
)


def search_statements(conn: psycopg.Connection, q: Query) -> Page[StatementHit]:
    where = _Where()
    _article_filters(q, where)
    if q.speaker is not None:
        _name_filter(where, _SPEAKER, q.speaker)
    if q.entity is not None:
        _name_filter(where, _ABOUT_ENTITY, q.entity)
    if q.kind is not None:
        where.add("s.kind = %s", q.kind)
    parsed = parse_query(q.text, _doc_freq(conn))
    if q.text.strip() and not parsed:
        where.add("FALSE")
    params: list[Any]
    base = "FROM statements s JOIN articles a ON a.rowid = s.article_rowid WHERE "
    if parsed:
        base += f"s.tsv @@ to_tsquery('simple', %s) AND {where.sql()}"
        params = [tsquery(parsed, "A"), *where.params]
        order = (
            f"ts_rank('{STATEMENT_RANK}', s.tsv, to_tsquery('simple', %s)) DESC, a.pub_date DESC NULLS LAST, s.rowid"
        )
        order_params: list[Any] = [params[0]]
    else:
        base += where.sql()
        params = list(where.params)
        order = "a.pub_date DESC NULLS LAST, s.rowid"
        order_params = []
    row = conn.execute(f"SELECT count(*) {base}", params).fetchone()
    total = int(row[0]) if row else 0
    sql = f"SELECT {_STATEMENT_COLUMNS} {base} ORDER BY {order} LIMIT %s OFFSET %s"
    rows = conn.execute(sql, [*params, *order_params, q.limit, q.offset]).fetchall()
    return Page([_statement_hit(r) for r in rows], total, q.limit, q.offset)


def _statement_hit(r: tuple[Any, ...]) -> StatementHit:
    mention = Span(r[12], r[13], r[11], r[14]) if r[11] is not None else None
    speaker = Speaker(r[6], r[9], r[7], r[8], r[10], mention)
    statement = Statement(speaker, Span(r[16], r[17], r[15], r[18]), Span(r[20], r[21], r[19], r[22]), r[23])
    return StatementHit(r[2], r[1], r[3], r[4], r[5], statement)


def entity_summaries(conn: psycopg.Connection, name: str | None, limit: int, offset: int) -> Page[EntitySummary]:
    """Global entities (marsad.store.entity_aliases), most articles first, names ordered as SQLite orders them."""
    return entity_aliases.summaries(conn, "%s", name, limit, offset, collate=' COLLATE "C"')
