"""Searches of the SQLite store: a :class:`~marsad.search.ParsedQuery` as FTS5, the rest by
:mod:`marsad.store.search_plan` (shared with PostgreSQL).

Ranking is bm25 (title weighs more than the body, exact words more than readings), then the most
recent first, over the first 10,000 matches most recently stored (see search_plan).  Without query
text, hits are listed newest first.  Name keys are found through the FTS5 index ``name_keys_fts``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from marsad.search import ParsedQuery
from marsad.store import entity_aliases, search_plan
from marsad.store.base import ArticleHit, EntitySummary, Page, Query, StatementHit
from marsad.store.indexing import words
from marsad.store.search_links import link_token

ARTICLE_WEIGHTS = (3.0, 1.0, 0.5, 0.0)  # title, body, rd, links
STATEMENT_WEIGHTS = (1.0, 0.5)  # content, rd (statements_fts: no links)


def fts_match(
    parsed: ParsedQuery, exact_columns: tuple[str, ...], columns: tuple[str, ...], groups: Sequence[Sequence[str]] = ()
) -> str:
    """An FTS5 MATCH expression: the query's words in the text ``columns`` (exact ones in ``exact_columns``),
    and one link of each of ``groups`` in the ``links`` column.  Words come from :func:`marsad.search.words` (no
    quotes in them)."""
    clauses: list[str] = []
    for clause in parsed.clauses:
        alts: list[str] = []
        for alt in clause.alternatives:
            expr = '"' + " ".join(alt.words) + '"' + (" *" if alt.prefix else "")
            if alt.exact:
                expr = "{" + " ".join(exact_columns) + "} : " + expr
            alts.append(expr)
        clauses.append("(" + " OR ".join(alts) + ")")
    text = "{" + " ".join(columns) + "} : (" + " AND ".join(clauses) + ")"
    links = ["{links} : (" + " OR ".join(f'"{link_token(t)}"' for t in group) + ")" for group in groups if group]
    return " AND ".join([text, *links])


def _doc_freq(conn: sqlite3.Connection) -> Callable[[str], int]:
    def doc_freq(term: str) -> int:
        row = conn.execute("SELECT doc FROM articles_vocab WHERE term = ?", (term,)).fetchone()
        return int(row[0]) if row else 0

    return doc_freq


def _find_keys(conn: sqlite3.Connection, pattern: str) -> list[tuple[int, str]]:
    """Name keys holding the pattern's words as a phrase (checked exactly by the caller)."""
    phrase = words(pattern)
    if not phrase:
        return []
    sql = "SELECT rowid, key FROM name_keys_fts WHERE name_keys_fts MATCH ?"
    return [(int(r[0]), str(r[1])) for r in conn.execute(sql, ('"' + " ".join(phrase) + '"',))]


def _text(
    conn: sqlite3.Connection, parsed: ParsedQuery, what: str, groups: Sequence[Sequence[str]] = ()
) -> search_plan.TextSource:
    """Articles: ``articles_fts`` (words and links).  Statements: ``statements_fts`` (words) without links,
    ``statement_links_fts`` (words and links) with them, ranked by ``statements_fts``."""
    table, exact, columns, weights = (
        ("articles_fts", ("title", "body"), ("title", "body", "rd"), ARTICLE_WEIGHTS)
        if what == "articles"
        else ("statements_fts", ("content",), ("content", "rd"), STATEMENT_WEIGHTS)
    )
    rank = f"bm25({table}, {', '.join(str(w) for w in weights)})"
    if not groups:
        return search_plan.TextSource(
            table, f"{table} MATCH ?", [fts_match(parsed, exact, columns)], rank, [], f"{table}.rowid", f"{table}.rowid"
        )
    linked = "statement_links_fts" if what == "statements" else table
    return search_plan.TextSource(
        linked,
        f"{linked} MATCH ?",
        [fts_match(parsed, exact, columns, groups)],
        rank,
        [],
        f"{linked}.rowid",
        f"{linked}.rowid",
        linked=True,
        text_cond=f"{table} MATCH ?",
        text_params=(fts_match(parsed, exact, columns),),
        text_source=table,
        text_newest=f"{table}.rowid",
    )


DIALECT = search_plan.Dialect(
    mark="?",
    nulls_last="",
    outlet_eq=lambda column: f"{column} = ? COLLATE NOCASE",
    find_keys=_find_keys,
    text=_text,
    doc_text="json_extract(a.doc, '$.text')",
    doc_freq=_doc_freq,
    # CROSS JOIN keeps the full-text match as the outer loop (SQLite never reorders it): with a plain
    # JOIN the planner may walk an index on the filter and re-run the match for each row
    join="CROSS JOIN",
    no_index="+",
)


def search_articles(conn: sqlite3.Connection, q: Query) -> Page[ArticleHit]:
    return search_plan.search_articles(conn, DIALECT, q)


def search_statements(conn: sqlite3.Connection, q: Query) -> Page[StatementHit]:
    return search_plan.search_statements(conn, DIALECT, q)


def entity_summaries(conn: sqlite3.Connection, name: str | None, limit: int, offset: int) -> Page[EntitySummary]:
    """Global entities (marsad.store.entity_aliases), most articles first."""
    keys = None if name is None else search_plan.name_terms(conn, DIALECT, name)[1]
    return entity_aliases.summaries(conn, "?", keys, limit, offset)
