"""How a search runs, for both backends: name filters resolved to index terms, then one ordered read.

* **Names** (speaker, entity filters): the name's patterns (:func:`marsad.search.name_patterns`) find their
  few name keys in ``name_keys`` through a word index, checked exactly (the pattern's words, in order,
  inside the key); the entity keys carrying them, and every key merged with those (the alias table of
  :mod:`marsad.store.entity_aliases`), give the index terms of :mod:`marsad.store.search_links`.
* **Without text**, hits are read newest first in index order: from ``statement_terms`` /
  ``article_terms`` under a name filter, else from the statements' / articles' date (and outlet) index.
* **With text**, the full-text index gives the matches, most recently stored first; the first
  :data:`RANKED` of them that pass the filters are ranked (bm25 / ts_rank: title above body above
  readings), ties newest first.  When more than :data:`RANKED` hits match, the ranking is over the
  :data:`RANKED` most recently stored ones, followed by the older matches, most recently stored first
  (with fewer, the same order as ranking everything): ranking every one of tens of thousands of matches
  is what made a common word slow.
* **Links**: with text, the name terms and the facets asked for (outlet, months of the date range, kind) are
  given to the backend's full-text source as *link groups* (:mod:`marsad.store.search_links`): a match must
  carry one term of each group, so the index intersects its lists instead of every word match being checked
  against the name's rows.  Dates, outlet and kind are still compared exactly on the facets.
* **Totals** are exact up to :data:`CAP`; past it ``Page.total`` is ``CAP`` and ``Page.total_capped`` is set.

Backends give a :class:`Dialect`: their parameter marker, full-text source and name-key lookup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from marsad.models import Span, Speaker, Statement
from marsad.search import ParsedQuery, name_patterns, parse_query, snippet
from marsad.store import entity_aliases
from marsad.store.base import ArticleHit, Page, Query, StatementHit
from marsad.store.search_links import ABOUT, ODD_MONTH, SPEAKER_KEY, SPEAKS, kind_term, month_term, outlet_term

CAP = 10_000  # hits counted at most
RANKED = 2_000  # full-text matches ranked at most: the most recently stored ones
CHUNK = 500
LINKED_MAX = 1_000  # terms of a name given to the full-text index at most (more: checked row by row)
MONTHS_MAX = 60  # months of a date range given to the full-text index at most


@dataclass(frozen=True, slots=True)
class TextSource:
    """Where the full-text matches of one query come from, and how they rank (lower is better)."""

    source: str  # FROM … (the full-text match) without WHERE
    cond: str
    params: list[Any]
    rank: str
    rank_params: list[Any]
    newest: str  # the row id of a match: its descending order is "most recently stored first"
    order: str  # ``newest`` as ORDER BY and the "older than" bound should name it (PostgreSQL: an expression, so
    # that the matches are found through the full-text index and then sorted, not looked for along the primary key)
    linked: bool = False  # the match requires one term of every link group it was given
    # with links: the condition of the words alone, to rank by (a rank over the links' index lists would read
    # each of them whole: FTS5's bm25 counts every phrase's rows, and a name may have dozens of terms)
    text_cond: str = ""
    text_params: tuple[Any, ...] = ()
    text_source: str = ""  # where ``text_cond`` and ``rank`` are read (default: ``source``), and its row id
    text_newest: str = ""
    # what ``rank`` reads, selected as ``m.…`` by a subquery that takes the first RANKED matches, so that the rank
    # is computed for these only (PostgreSQL: ``a.tsv AS tsv``, a TOAST pointer until ``ts_rank`` reads it)
    rank_input: str = ""
    # matches ranked at most when below RANKED (0: RANKED); PostgreSQL's articles: ranking reads each one's tsvector
    # from TOAST, so fewer are ranked there (a semantic difference from SQLite past that many matches)
    ranked: int = 0


@dataclass(frozen=True, slots=True)
class Dialect:
    mark: str
    nulls_last: str  # after DESC: where rows without a date go (last, as SQLite puts NULLs)
    outlet_eq: Callable[[str], str]  # a column -> a case-insensitive equality with one parameter
    find_keys: Callable[[Any, str], list[tuple[int, str]]]  # name_keys rows that may hold a pattern
    # conn, parsed query, "statements" | "articles", link groups (each: terms of which a match must carry one)
    text: Callable[[Any, ParsedQuery, str, Sequence[Sequence[str]]], TextSource]
    doc_text: str  # the article text out of ``a.doc``
    join: str  # joins the facets to a full-text source, keeping the match as the outer loop
    no_index: str  # before a column: do not use an index for this condition (SQLite ``+``)
    doc_freq: Callable[[Any], Callable[[str], int]]


class _Where:
    """SQL conditions (written with ``?``) and their parameters."""

    def __init__(self) -> None:
        self.conds: list[str] = []
        self.params: list[Any] = []

    def add(self, cond: str, *params: Any) -> None:
        self.conds.append(cond)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.conds) if self.conds else "1 = 1"


# ---- names ---------------------------------------------------------------------------------------


def _in(values: Sequence[Any]) -> str:
    return "(" + ",".join("?" * len(values)) + ")"


def name_terms(conn: Any, d: Dialect, name: str) -> tuple[list[int], list[str]]:
    """``(name key ids, entity keys)`` a name filter stands for: the name keys holding one of its patterns
    (in-order words), and the entity keys carrying those keys with every key merged with them."""
    ids: set[int] = set()
    for pattern in name_patterns(name):
        ids.update(i for i, key in d.find_keys(conn, pattern) if pattern in key)
    ordered = sorted(ids)
    keys: set[str] = set()
    for i in range(0, len(ordered), CHUNK):
        part = ordered[i : i + CHUNK]
        sql = f"SELECT DISTINCT entity_key FROM name_key_entities WHERE name_key_id IN {_in(part)}"
        keys.update(str(r[0]) for r in conn.execute(_mark(sql, d), part))
    keys.update(entity_aliases.group_keys(conn, d.mark, sorted(keys)))
    return ordered, sorted(keys)


def speaker_terms(conn: Any, d: Dialect, name: str) -> list[str]:
    ids, keys = name_terms(conn, d, name)
    return [f"{SPEAKER_KEY}{i}" for i in ids] + [f"{SPEAKS}{k}" for k in keys]


def entity_terms(conn: Any, d: Dialect, name: str) -> list[str]:
    return [f"{ABOUT}{k}" for k in name_terms(conn, d, name)[1]]


def _mark(sql: str, d: Dialect) -> str:
    return sql if d.mark == "?" else sql.replace("?", d.mark)


# ---- shared filters ------------------------------------------------------------------------------

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _dates(where: _Where, column: str, q: Query, not_empty: bool = False) -> None:
    """Publication-date filters on ``column``: ``until`` is a prefix (``2018-09`` takes all September);
    a bound the index can use is added for ISO dates.  ``not_empty``: the column holds '' for no date."""
    if q.since:
        where.add(f"{column} >= ?", q.since)
    if q.until:
        if not_empty:
            where.add(f"{column} <> ''")
        if _DATE_RE.match(q.until):
            where.add(f"{column} <= ?", q.until + "-99-99"[: 10 - len(q.until)] if len(q.until) < 10 else q.until)
        where.add(f"substr({column}, 1, ?) <= ?", len(q.until), q.until)


def _months(since: str | None, until: str | None) -> list[str] | None:
    """The ``YYYY-MM`` months a date range touches (both bounds ISO), or None."""
    if not since or not until or not _DATE_RE.match(since) or not _DATE_RE.match(until):
        return None
    y, m = int(since[:4]), int(since[5:7]) if len(since) >= 7 else 1
    end_y, end_m = int(until[:4]), int(until[5:7]) if len(until) >= 7 else 12
    out: list[str] = []
    while (y, m) <= (end_y, end_m) and len(out) <= MONTHS_MAX:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out if 0 < len(out) <= MONTHS_MAX else None


def _link_groups(q: Query, names: Sequence[list[str] | None], kind: bool) -> tuple[list[list[str]], list[bool]]:
    """The link groups of a text search (:mod:`marsad.store.search_links`): each name's terms (when not too
    many), the outlet, the months of the date range and (for statements) the kind; and for each of ``names``
    whether it is among them."""
    groups: list[list[str]] = []
    given: list[bool] = []
    for terms in names:
        ok = bool(terms) and len(terms or ()) <= LINKED_MAX
        if ok and terms:
            groups.append(terms)
        given.append(ok)
    if q.outlet and q.outlet.strip():
        groups.append([outlet_term(q.outlet)])
    months = _months(q.since, q.until)
    if months is not None:
        groups.append([*dict.fromkeys(month_term(m) for m in months), ODD_MONTH])
    if kind and q.kind is not None:
        groups.append([kind_term(q.kind)])
    return groups, given


def _lowered(conn: Any, d: Dialect, q: Query) -> Query:
    """``q`` with its outlet as the backend's ``lower()`` gives it (for its link, :func:`outlet_term`)."""
    if not (q.outlet and q.outlet.strip()):
        return q
    row = conn.execute(_mark("SELECT lower(CAST(? AS TEXT))", d), [q.outlet.strip()]).fetchone()
    return replace(q, outlet=str(row[0]))


def _facet_conds(where: _Where, d: Dialect, q: Query, dates: bool = True, kind: bool = True) -> None:
    """Outlet, date (and statement kind) filters on the facets table ``f``."""
    if q.outlet:
        where.add(d.outlet_eq("f.outlet"), q.outlet.strip())
    if dates:
        _dates(where, "f.pub_date", q)
    if kind and q.kind is not None:
        where.add("f.kind = ?", q.kind)


def _in_terms(where: _Where, d: Dialect, rowid: str, terms: list[str], table: str, own: str) -> None:
    """``rowid`` is one with one of ``terms`` (the set is built once, then each row is looked up in it)."""
    where.add(f"{d.no_index}{rowid} IN (SELECT {own} FROM {table} WHERE term IN {_in(terms)})", *terms)


def _capped(conn: Any, d: Dialect, body: str, params: list[Any], distinct: str = "1") -> tuple[int, bool]:
    sql = f"SELECT count(*) FROM (SELECT {distinct} {body} LIMIT ?) capped"
    row = conn.execute(_mark(sql, d), [*params, CAP + 1]).fetchone()
    n = int(row[0]) if row else 0
    return (CAP, True) if n > CAP else (n, False)


def _text_hits(
    conn: Any, d: Dialect, q: Query, src: TextSource, facets: str, where: _Where, filtered: bool
) -> tuple[list[int], int, bool]:
    """Full-text matches passing ``where`` (on the match, and on the facets ``f`` when ``filtered``), counted up
    to :data:`CAP`; the page of the first :data:`RANKED` of them (most recently stored first) by rank, then
    newest first, then the older matches, most recently stored first.  One walk of the matches, most recently
    stored first: the first :data:`RANKED` with their rank, then the rest counted on from there; the dates
    that break ties are read only for the matches that can reach the page."""
    most = min(RANKED, src.ranked) if src.ranked else RANKED
    counted: int | None = None  # the matches, counted up to CAP + 1 by the query that ranks them (if it does)
    join = f" {d.join} {facets} f ON f.rowid = {src.newest}" if filtered else ""
    body = f"FROM {src.source}{join} WHERE {where.sql()}"
    if src.linked and src.text_cond:
        sql = f"SELECT {src.newest} {body} ORDER BY {src.order} DESC LIMIT ?"
        ranked = _ranks(conn, d, src, [int(r[0]) for r in conn.execute(_mark(sql, d), [*where.params, most])])
    elif src.rank_input:  # the sort reads every match: they are counted there, and the first ranked after it
        sql = f"SELECT {src.newest} AS match_id, {src.rank_input}, count(*) OVER () AS matches {body}"
        sql = f"SELECT m.match_id, {src.rank}, m.matches FROM ({sql} ORDER BY {src.order} DESC LIMIT ?) m"
        sql = f"{sql} ORDER BY m.match_id DESC"
        rows = conn.execute(_mark(sql, d), [*src.rank_params, *where.params, most]).fetchall()
        ranked = [(r[0], r[1]) for r in rows]
        counted = min(int(rows[0][2]), CAP + 1) if rows else 0
    else:
        sql = f"SELECT {src.newest}, {src.rank} {body} ORDER BY {src.order} DESC LIMIT ?"
        ranked = conn.execute(_mark(sql, d), [*src.rank_params, *where.params, most]).fetchall()
    total = len(ranked) if counted is None else counted
    if counted is None and total == most:
        sql = f"SELECT count(*) FROM (SELECT 1 {body} AND {src.order} < ? LIMIT ?) rest"
        row = conn.execute(_mark(sql, d), [*where.params, ranked[-1][0], CAP + 1 - most]).fetchone()
        total += int(row[0]) if row else 0
    capped = total > CAP
    total = min(total, CAP)
    if total <= q.offset and not capped:
        return [], total, capped
    n_ranked, end, page = len(ranked), q.offset + q.limit, list[int]()
    oldest = int(ranked[-1][0]) if ranked else 0
    if q.offset < n_ranked:
        ranked.sort(key=lambda r: r[1])
        if end < n_ranked:  # only the matches ranked as well as the last one on the page can reach it
            ranked = [r for r in ranked if r[1] <= ranked[end - 1][1]]
        dates = _dates_of(conn, d, facets, [int(r[0]) for r in ranked])
        ranked.sort(key=lambda r: int(r[0]))
        ranked.sort(key=lambda r: dates.get(int(r[0])) or "", reverse=True)  # newest first, no date last (stable)
        ranked.sort(key=lambda r: r[1])
        page = [int(r[0]) for r in ranked[q.offset : end]]
    if len(page) < q.limit and n_ranked == most:  # past the ranked ones: older matches, latest stored first
        sql = f"SELECT {src.newest} {body} AND {src.order} < ? ORDER BY {src.order} DESC LIMIT ? OFFSET ?"
        rest = [*where.params, oldest, q.limit - len(page), max(0, q.offset - n_ranked)]
        page += [int(r[0]) for r in conn.execute(_mark(sql, d), rest)]
    return page, total, capped


def _ranks(conn: Any, d: Dialect, src: TextSource, rowids: list[int]) -> list[tuple[int, Any]]:
    """``(row id, rank)`` of the matches ``rowids`` (most recently stored first), ranked by the words alone: the
    word matches from the oldest of them on are walked (cheap without a rank), and only these are ranked."""
    if not rowids:
        return []
    source, newest = src.text_source or src.source, src.text_newest or src.newest
    sql = (
        f"SELECT {newest}, {src.rank} FROM {source} WHERE {src.text_cond} AND {newest} >= ?"
        f" AND {d.no_index}{newest} IN {_in(rowids)}"
    )
    rank = {
        int(r[0]): r[1] for r in conn.execute(_mark(sql, d), [*src.rank_params, *src.text_params, min(rowids), *rowids])
    }
    return [(i, rank.get(i, 0.0)) for i in rowids]


def _dates_of(conn: Any, d: Dialect, facets: str, rowids: list[int]) -> dict[int, str | None]:
    out: dict[int, str | None] = {}
    for i in range(0, len(rowids), CHUNK):
        part = rowids[i : i + CHUNK]
        sql = f"SELECT rowid, pub_date FROM {facets} WHERE rowid IN {_in(part)}"
        out.update((int(r[0]), r[1]) for r in conn.execute(_mark(sql, d), part))
    return out


def _ordered(conn: Any, d: Dialect, q: Query, select: str, body: str, params: list[Any], order: str) -> list[int]:
    sql = f"SELECT {select} {body} ORDER BY {order} LIMIT ? OFFSET ?"
    return [int(r[-1]) for r in conn.execute(_mark(sql, d), [*params, q.limit, q.offset])]


# ---- statements ----------------------------------------------------------------------------------


def search_statements(conn: Any, d: Dialect, q: Query) -> Page[StatementHit]:
    parsed = parse_query(q.text, d.doc_freq(conn))
    speaker = speaker_terms(conn, d, q.speaker) if q.speaker is not None else None
    about = entity_terms(conn, d, q.entity) if q.entity is not None else None
    if (q.text.strip() and not parsed) or speaker == [] or about == []:  # nothing can match
        return Page([], 0, q.limit, q.offset)
    where = _Where()
    filtered = bool(q.outlet or q.since or q.until or q.kind is not None)
    if parsed:
        groups, given = _link_groups(_lowered(conn, d, q), (speaker, about), kind=True)
        src = d.text(conn, parsed, "statements", groups)
        where.add(src.cond, *src.params)
        _facet_conds(where, d, q)
        for terms, linked in zip((speaker, about), given, strict=True):
            if terms and not (linked and src.linked):
                _in_terms(where, d, src.newest, terms, "statement_terms", "statement_rowid")
        rowids, total, capped = _text_hits(conn, d, q, src, "statement_facets", where, filtered)
    elif speaker or about:
        driver, other = (speaker, about) if speaker else (about, None)
        assert driver
        where.add(f"t.term IN {_in(driver)}", *driver)
        _dates(where, "t.pub_date", q, not_empty=True)
        join = ""
        if q.outlet or q.kind is not None:
            join = " JOIN statement_facets f ON f.rowid = t.statement_rowid"
            _facet_conds(where, d, q, dates=False)
        if other:
            _in_terms(where, d, "t.statement_rowid", other, "statement_terms", "statement_rowid")
        body = f"FROM statement_terms t{join} WHERE {where.sql()}"
        distinct = "DISTINCT " if len(driver) > 1 else ""
        total, capped = _capped(conn, d, body, where.params, f"{distinct}t.statement_rowid")
        select = f"{distinct}t.pub_date, t.statement_rowid"
        rowids = _ordered(conn, d, q, select, body, where.params, "t.pub_date DESC, t.statement_rowid")
    else:
        _facet_conds(where, d, q)
        body = f"FROM statement_facets f WHERE {where.sql()}"
        total, capped = _capped(conn, d, body, where.params)
        rowids = _ordered(conn, d, q, "f.rowid", body, where.params, f"f.pub_date DESC{d.nulls_last}, f.rowid")
    return Page(_statement_hits(conn, d, rowids), total, q.limit, q.offset, total_capped=capped)


STATEMENT_COLUMNS = (
    "s.rowid, s.idx, a.id, a.title, a.outlet, a.published, s.speaker_name, s.speaker_canonical, s.speaker_entity,"
    " s.speaker_type, s.speaker_role, s.mention_text, s.mention_start, s.mention_end, s.mention_zone,"
    " s.cue_text, s.cue_start, s.cue_end, s.cue_zone, s.content_text, s.content_start, s.content_end, s.zone, s.kind"
)


def _statement_hits(conn: Any, d: Dialect, rowids: list[int]) -> list[StatementHit]:
    if not rowids:
        return []
    sql = f"SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.rowid = s.article_rowid"
    found = {int(r[0]): r for r in conn.execute(_mark(f"{sql} WHERE s.rowid IN {_in(rowids)}", d), rowids)}
    return [statement_hit(found[r]) for r in rowids]


def statement_hit(r: Sequence[Any]) -> StatementHit:
    mention = Span(r[12], r[13], r[11], r[14]) if r[11] is not None else None
    speaker = Speaker(r[6], r[9], r[7], r[8], r[10], mention)
    statement = Statement(speaker, Span(r[16], r[17], r[15], r[18]), Span(r[20], r[21], r[19], r[22]), r[23])
    return StatementHit(r[2], r[1], r[3], r[4], r[5], statement)


# ---- articles ------------------------------------------------------------------------------------


def _spoken_in(where: _Where, d: Dialect, q: Query, speaker: list[str] | None, rowid: str) -> None:
    """The article ``rowid`` holds a statement by the speaker (and of the kind) asked for."""
    if speaker is None and q.kind is None:
        return
    sub = _Where()
    if speaker:
        sub.add(f"s.rowid IN (SELECT statement_rowid FROM statement_terms WHERE term IN {_in(speaker)})", *speaker)
    if q.kind is not None:
        sub.add("s.kind = ?", q.kind)
    where.add(f"{d.no_index}{rowid} IN (SELECT s.article_rowid FROM statements s WHERE {sub.sql()})", *sub.params)


def search_articles(conn: Any, d: Dialect, q: Query) -> Page[ArticleHit]:
    parsed = parse_query(q.text, d.doc_freq(conn))
    speaker = speaker_terms(conn, d, q.speaker) if q.speaker is not None else None
    about = entity_terms(conn, d, q.entity) if q.entity is not None else None
    if (q.text.strip() and not parsed) or speaker == [] or about == []:
        return Page([], 0, q.limit, q.offset)
    where = _Where()
    filtered = bool(q.outlet or q.since or q.until)
    if parsed:
        # an article's speaker terms say nothing of the kind of what they said: with a kind, checked row by row
        by_speaker = speaker if q.kind is None else None
        groups, given = _link_groups(_lowered(conn, d, q), (by_speaker, about), kind=False)
        src = d.text(conn, parsed, "articles", groups)
        where.add(src.cond, *src.params)
        _facet_conds(where, d, q, kind=False)
        _spoken_in(where, d, q, None if given[0] and src.linked else speaker, src.newest)
        if about and not (given[1] and src.linked):
            _in_terms(where, d, src.newest, about, "article_terms", "article_rowid")
        rowids, total, capped = _text_hits(conn, d, q, src, "article_facets", where, filtered)
    elif about or (speaker and q.kind is None):
        by_speaker = speaker if q.kind is None else None  # an article's speaker terms, when no kind is asked for
        driver = about or by_speaker
        assert driver
        where.add(f"t.term IN {_in(driver)}", *driver)
        _dates(where, "t.pub_date", q, not_empty=True)
        join = ""
        if q.outlet:
            join = " JOIN article_facets f ON f.rowid = t.article_rowid"
            _facet_conds(where, d, q, dates=False, kind=False)
        if driver is about and by_speaker:
            _in_terms(where, d, "t.article_rowid", by_speaker, "article_terms", "article_rowid")
        elif driver is about:
            _spoken_in(where, d, q, speaker, "t.article_rowid")
        body = f"FROM article_terms t{join} WHERE {where.sql()}"
        distinct = "DISTINCT " if len(driver) > 1 else ""
        total, capped = _capped(conn, d, body, where.params, f"{distinct}t.article_rowid")
        select = f"{distinct}t.pub_date, t.article_rowid"
        rowids = _ordered(conn, d, q, select, body, where.params, "t.pub_date DESC, t.article_rowid DESC")
    else:
        _facet_conds(where, d, q, kind=False)
        _spoken_in(where, d, q, speaker, "f.rowid")
        body = f"FROM article_facets f WHERE {where.sql()}"
        total, capped = _capped(conn, d, body, where.params)
        rowids = _ordered(conn, d, q, "f.rowid", body, where.params, f"f.pub_date DESC{d.nulls_last}, f.rowid DESC")
    items: list[ArticleHit] = []
    if rowids:
        sql = f"SELECT a.rowid, a.id, a.title, a.outlet, a.published, a.url, {d.doc_text} FROM articles a"
        found = {int(r[0]): r for r in conn.execute(_mark(f"{sql} WHERE a.rowid IN {_in(rowids)}", d), rowids)}
        for rowid in rowids:
            _, aid, title, outlet, published, url, text = found[rowid]
            items.append(ArticleHit(aid, title, outlet, published, url, snippet(text or "", parsed.terms)))
    return Page(items, total, q.limit, q.offset, total_capped=capped)


__all__ = ["CAP", "Dialect", "TextSource", "name_terms", "search_articles", "search_statements", "statement_hit"]
