"""Searches of the PostgreSQL store: a :class:`~marsad.search.ParsedQuery` as a ``tsquery('simple')``.

Matching is the same as SQLite's FTS5 (same folded words and readings, same query reading); ranking
is ``ts_rank`` with the title above the body above the readings, then the most recent first, then
insertion order.  Without query text, hits are listed newest first exactly as SQLite lists them.
"""

from __future__ import annotations

from typing import Any

import psycopg

from marsad.models import Span, Speaker, Statement
from marsad.search import ParsedQuery, name_pattern, parse_query, snippet
from marsad.store.base import ArticleHit, EntitySummary, Page, Query, StatementHit

ARTICLE_RANK = "{0.05, 0.1667, 0.3333, 1.0}"  # D, C (readings), B (body), A (title): 0.5 : 1 : 3 as SQLite
STATEMENT_RANK = "{0.05, 0.5, 0.5, 1.0}"  # B (readings), A (content): 0.5 : 1 as SQLite


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
    pattern = name_pattern(name)
    if pattern is None:
        where.add("FALSE")
    else:
        where.add(cond, _like(pattern))


def search_articles(conn: psycopg.Connection, q: Query) -> Page[ArticleHit]:
    where = _Where()
    _article_filters(q, where)
    if q.entity is not None:
        _name_filter(where, "a.rowid IN (SELECT article_rowid FROM entities WHERE name_key LIKE %s)", q.entity)
    if q.speaker is not None or q.kind is not None:
        sub = _Where()
        if q.speaker is not None:
            _name_filter(sub, "speaker_key LIKE %s", q.speaker)
        if q.kind is not None:
            sub.add("kind = %s", q.kind)
        where.add(f"a.rowid IN (SELECT article_rowid FROM statements WHERE {sub.sql()})", *sub.params)
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
    "EXISTS (SELECT 1 FROM entities e WHERE e.article_rowid = s.article_rowid AND e.name_key LIKE %s"
    " AND (e.entity_id = s.speaker_entity OR EXISTS (SELECT 1 FROM mentions m WHERE m.entity_rowid = e.rowid"
    ' AND m.zone = s.zone AND m.start >= s.content_start AND m."end" <= s.content_end)))'
)


def search_statements(conn: psycopg.Connection, q: Query) -> Page[StatementHit]:
    where = _Where()
    _article_filters(q, where)
    if q.speaker is not None:
        _name_filter(where, "s.speaker_key LIKE %s", q.speaker)
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
    """Entities grouped across articles by their folded canonical name, most articles first."""
    where = _Where()
    if name is not None:
        _name_filter(where, "name_key LIKE %s", name)
    row = conn.execute(
        f"SELECT count(DISTINCT canonical_key) FROM entities WHERE {where.sql()}",
        where.params,
    ).fetchone()
    total = int(row[0]) if row else 0
    groups = conn.execute(
        f"SELECT canonical_key, count(DISTINCT article_rowid) AS n FROM entities WHERE {where.sql()}"
        ' GROUP BY canonical_key ORDER BY n DESC, canonical_key COLLATE "C" LIMIT %s OFFSET %s',
        [*where.params, limit, offset],
    ).fetchall()
    items: list[EntitySummary] = []
    for key, articles in groups:
        canonical = _most_common(conn, "canonical", key)
        etype = _most_common(conn, "type", key)
        aliases = [
            r[0]
            for r in conn.execute(
                'SELECT DISTINCT al.alias COLLATE "C" FROM aliases al JOIN entities e ON e.rowid = al.entity_rowid'
                " WHERE e.canonical_key = %s ORDER BY 1",
                (key,),
            )
        ]
        spoken = conn.execute(
            "SELECT count(*) FROM statements s JOIN entities e"
            " ON e.article_rowid = s.article_rowid AND e.entity_id = s.speaker_entity WHERE e.canonical_key = %s",
            (key,),
        ).fetchone()
        items.append(EntitySummary(canonical, etype, aliases, int(articles), int(spoken[0]) if spoken else 0))
    return Page(items, total, limit, offset)


def _most_common(conn: psycopg.Connection, column: str, key: str) -> str:
    row = conn.execute(
        f"SELECT {column}, count(*) AS n FROM entities WHERE canonical_key = %s"
        f' GROUP BY {column} ORDER BY n DESC, {column} COLLATE "C" LIMIT 1',
        (key,),
    ).fetchone()
    return str(row[0]) if row else key
