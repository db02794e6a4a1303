"""Searches of the PostgreSQL store: a :class:`~marsad.search.ParsedQuery` as a ``tsquery('simple')``, the
rest by :mod:`marsad.store.search_plan` (shared with SQLite).

Matching is the same as SQLite's FTS5 (same folded words and readings, same query reading); ranking
is ``ts_rank`` with the title above the body above the readings, then the most recent first, then
insertion order, over the first :data:`~marsad.store.search_plan.RANKED` matches most recently stored (see
search_plan).  Without query text, hits are listed newest first exactly as SQLite lists them.  Name keys are
found through a pg_trgm index on ``name_keys``.

An article's tsvector is read from TOAST (several KB, ~20 µs each), and that read is the cost of ``ts_rank``:
the matches are chosen and counted first (row ids only, one walk of the GIN indexes' matches) and ranked after
the LIMIT (``TextSource.rank_input``), and only the :data:`ARTICLES_RANKED` most recently stored are ranked
(**a difference from SQLite**, which ranks :data:`~marsad.store.search_plan.RANKED`: past 500 matches, the
order of an article search differs; the matches and totals do not).  The older matches are listed through the GIN
indexes too (``TextSource.order``: ``rowid + 0``, not the primary key, which the planner would walk checking
every row).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import psycopg

from marsad.search import ParsedQuery
from marsad.store import entity_aliases, search_plan
from marsad.store.base import ArticleHit, EntitySummary, Page, Query, StatementHit

ARTICLE_RANK = "{0.05, 0.1667, 0.3333, 1.0}"  # D, C (readings), B (body), A (title): 0.5 : 1 : 3 as SQLite
STATEMENT_RANK = "{0.05, 0.5, 0.5, 1.0}"  # B (readings), A (content): 0.5 : 1 as SQLite
ARTICLES_RANKED = 500  # article matches ranked at most (SQLite: search_plan.RANKED): ~20 µs each to read from TOAST


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


def _doc_freq(conn: psycopg.Connection) -> Callable[[str], int]:
    def doc_freq(term: str) -> int:
        row = conn.execute(
            "SELECT count(*) FROM articles WHERE tsv @@ to_tsquery('simple', %s)", (f"'{term}'",)
        ).fetchone()
        return int(row[0]) if row else 0

    return doc_freq


def _find_keys(conn: psycopg.Connection, pattern: str) -> list[tuple[int, str]]:
    """Name keys holding the pattern (``LIKE '% … %'`` through the trigram index, which is on ``key || ''`` so
    that joins on ``key`` take the unique index: migration 005)."""
    rows = conn.execute("SELECT id, key FROM name_keys WHERE (key || '') LIKE %s", (entity_aliases.like(pattern),))
    return [(int(r[0]), str(r[1])) for r in rows]


def _linked(column: str, groups: Sequence[Sequence[str]]) -> tuple[str, list[list[str]]]:
    """``AND <column> && %s::text[]`` per link group (a match carries one term of each), and their parameters."""
    kept = [list(g) for g in groups if g]
    return "".join(f" AND {column} && %s::text[]" for _ in kept), kept


def _text(
    conn: psycopg.Connection, parsed: ParsedQuery, what: str, groups: Sequence[Sequence[str]] = ()
) -> search_plan.TextSource:
    """The full-text source, with one ``links`` overlap per link group: the planner ANDs the bitmaps of the
    tsvector index and the links index (:mod:`marsad.store.postgres_links`).  Articles are ranked after the
    LIMIT (``rank_input``: ts_rank reads the candidates' tsvectors only), at most :data:`ARTICLES_RANKED`."""
    articles = what == "articles"
    t, weights = ("a", ARTICLE_RANK) if articles else ("s", STATEMENT_RANK)
    query = tsquery(parsed, "AB" if articles else "A")
    links, params = _linked(f"{t}.links", groups)
    return search_plan.TextSource(
        "articles a" if articles else "statements s",
        f"{t}.tsv @@ to_tsquery('simple', %s)" + links,
        [query, *params],
        f"-ts_rank('{weights}', {'m' if articles else t}.tsv, to_tsquery('simple', %s))",
        [query],
        f"{t}.rowid",
        f"{t}.rowid + 0",
        linked=True,
        rank_input="a.tsv AS tsv" if articles else "",
        ranked=ARTICLES_RANKED if articles else 0,
    )


DIALECT = search_plan.Dialect(
    mark="%s",
    nulls_last=" NULLS LAST",
    outlet_eq=lambda column: f"lower({column}) = lower(?)",
    find_keys=_find_keys,
    text=_text,
    doc_text="a.doc::json->>'text'",
    doc_freq=_doc_freq,
    join="JOIN",
    no_index="",
)


def search_articles(conn: psycopg.Connection, q: Query) -> Page[ArticleHit]:
    return search_plan.search_articles(conn, DIALECT, q)


def search_statements(conn: psycopg.Connection, q: Query) -> Page[StatementHit]:
    return search_plan.search_statements(conn, DIALECT, q)


def entity_summaries(conn: psycopg.Connection, name: str | None, limit: int, offset: int) -> Page[EntitySummary]:
    """Global entities (marsad.store.entity_aliases), most articles first, names ordered as SQLite orders them."""
    keys = None if name is None else search_plan.name_terms(conn, DIALECT, name)[1]
    return entity_aliases.summaries(conn, "%s", keys, limit, offset, collate=' COLLATE "C"')
