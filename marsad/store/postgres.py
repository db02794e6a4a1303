"""The PostgreSQL store: numbered migrations, COPY bulk loads, tsvector('simple') over the folded text.

``postgresql://user:pass@host:port/db`` (``postgres://`` too).  Connections come from a
``psycopg_pool.ConnectionPool`` (several threads of ``serve`` share one store).  One ``add`` call is
one transaction holding an exclusive lock on ``articles``: the duplicate check and the COPYs run
under it, so two processes ingesting into one database never store an article twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from marsad.models import Analysis
from marsad.search import name_forms, name_key
from marsad.settings import Settings
from marsad.store import entity_aliases, postgres_links, postgres_search, search_links, stories_postgres
from marsad.store.base import AddResult, ArticleHit, EntitySummary, Page, Query, StatementHit, Store
from marsad.store.indexing import index_statement, words
from marsad.store.postgres_migrate import migrate
from marsad.store.sqlite import _Prepared, prepare, store_batch, stored_analysis
from marsad.stories import StoryCopy, StoryView

CHUNK = 500
POOL_MAX = 8


def _words(folded: str) -> str:
    """Folded text as the index splits it (FTS5's tokens), so that PostgreSQL's parser sees the same words."""
    return " ".join(words(folded))


class PostgresStore(Store):
    """A :class:`~marsad.store.base.Store` in a PostgreSQL database."""

    def __init__(self, url: str, settings: Settings | None = None, pool_size: int = POOL_MAX) -> None:
        self.settings = settings or Settings()
        self.url = url
        dsn = "postgresql://" + url.split("://", 1)[1]
        try:
            conn = psycopg.connect(dsn, autocommit=True, connect_timeout=10)
        except psycopg.OperationalError as e:
            from marsad.store import StoreURLError

            where = url.split("@")[-1]  # never the password
            raise StoreURLError(f"cannot connect to PostgreSQL at {where}: {str(e).strip().splitlines()[-1]}") from e
        with conn:
            migrate(conn)
            with conn.transaction():
                entity_aliases.sync(conn, "%s")  # entities stored before the alias table (migration 002)
                if search_links.pending(conn):  # rows stored before migration 004
                    search_links.backfill(conn, "%s")
                if postgres_links.pending(conn):  # rows stored before migration 005
                    postgres_links.backfill(conn)
        self._pool = ConnectionPool(dsn, min_size=1, max_size=pool_size, open=True, kwargs={"autocommit": True})
        self.story_state = stories_postgres.PostgresStories()  # near-duplicates and stories (one writer at a time)

    # ---- writing ---------------------------------------------------------------------------------

    def add(self, analyses: Iterable[Analysis]) -> AddResult:
        return self.add_prepared([prepare(a) for a in analyses])

    def preparer(self) -> Callable[[Analysis], _Prepared]:
        return prepare

    def add_prepared(self, prepared: list[Any]) -> AddResult:
        if not all(isinstance(p, _Prepared) for p in prepared):
            raise TypeError("add_prepared takes what marsad.store.sqlite.prepare makes")
        if not prepared:
            return AddResult()
        with self._pool.connection() as conn, self.story_state.writing(conn) as st, conn.transaction():
            conn.execute("LOCK TABLE articles IN EXCLUSIVE MODE")  # readers go on; one writer at a time
            existing, index = _existing(conn, prepared), partial(postgres_links.write, conn)
            return store_batch(conn, "%s", st, prepared, existing, lambda new: _Copy(conn).load(new), index)

    # ---- reading ---------------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        with self._pool.connection() as conn:
            return conn.execute("SELECT 1 FROM articles WHERE id = %s", (article_id,)).fetchone() is not None

    def stored_ids(self, article_ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(article_ids))
        with self._pool.connection() as conn:
            return {r[0] for r in conn.execute("SELECT id FROM articles WHERE id = ANY(%s)", (wanted,))}

    def get(self, article_id: str) -> Analysis | None:
        with self._pool.connection() as conn:
            row = conn.execute("SELECT doc, source FROM articles WHERE id = %s", (article_id,)).fetchone()
        return stored_analysis(row[0], row[1]) if row else None

    def count(self) -> dict[str, int]:
        out: dict[str, int] = {}
        with self._pool.connection() as conn:
            for table in ("articles", "statements", "entities", "mentions", "dates", "framing"):
                row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
                out[table] = int(row[0]) if row else 0
        return out

    def outlets(self) -> list[tuple[str, int]]:
        sql = "SELECT coalesce(outlet, '') COLLATE \"C\", count(*) AS n FROM articles GROUP BY 1 ORDER BY n DESC, 1"
        with self._pool.connection() as conn:
            return [(str(r[0]), int(r[1])) for r in conn.execute(sql)]

    def iter_analyses(self) -> Iterator[Analysis]:
        last = 0
        while True:
            with self._pool.connection() as conn:
                rows = conn.execute(
                    "SELECT rowid, doc, source FROM articles WHERE rowid > %s ORDER BY rowid LIMIT %s", (last, CHUNK)
                ).fetchall()
            if not rows:
                return
            for _, doc, source in rows:
                yield stored_analysis(doc, source)
            last = rows[-1][0]

    def search_articles(self, query: Query) -> Page[ArticleHit]:
        with self._pool.connection() as conn:
            return postgres_search.search_articles(conn, query)

    def search_statements(self, query: Query) -> Page[StatementHit]:
        with self._pool.connection() as conn:
            return postgres_search.search_statements(conn, query)

    def entities(self, name: str | None = None, limit: int = 50, offset: int = 0) -> Page[EntitySummary]:
        with self._pool.connection() as conn:
            return postgres_search.entity_summaries(conn, name, limit, offset)

    def stories(self, text: str = "", limit: int = 20, offset: int = 0, min_outlets: int = 1) -> Page[StoryView]:
        with self._pool.connection() as conn:
            return stories_postgres.stories(conn, text, limit, offset, min_outlets)

    def story(self, story_id: str) -> StoryView | None:
        with self._pool.connection() as conn:
            return stories_postgres.story(conn, story_id)

    def near_duplicates(self, of: str | None = None, limit: int = 50, offset: int = 0) -> Page[StoryCopy]:
        with self._pool.connection() as conn:
            return stories_postgres.near_duplicates(conn, of, limit, offset)

    def merge_entities(self, a: str, b: str) -> int:
        with self._pool.connection() as conn, conn.transaction():
            conn.execute("LOCK TABLE articles IN EXCLUSIVE MODE")
            return entity_aliases.merge(conn, "%s", a, b)

    def split_entity(self, name: str) -> int:
        with self._pool.connection() as conn, conn.transaction():
            conn.execute("LOCK TABLE articles IN EXCLUSIVE MODE")
            return entity_aliases.split(conn, "%s", name)

    def entity_aliases(self, name: str) -> list[str]:
        with self._pool.connection() as conn:
            return entity_aliases.aliases(conn, "%s", name)

    def close(self) -> None:
        self._pool.close()


def _existing(conn: psycopg.Connection, prepared: list[_Prepared]) -> tuple[set[str], set[str], set[str]]:
    found: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for column, values, into in (
        ("id", [p.analysis.article.id for p in prepared], found[0]),
        ("url_key", [p.url_key for p in prepared if p.url_key], found[1]),
        ("text_hash", [p.index.text_hash for p in prepared], found[2]),
    ):
        if values:
            sql = f"SELECT {column} FROM articles WHERE {column} = ANY(%s)"
            into.update(r[0] for r in conn.execute(sql, (values,)))
    return found


class _Copy:
    """Flat rows of new articles, loaded with one ``COPY … FROM STDIN`` per table."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn
        self.next_ids: dict[str, int] = {}
        for t in ("articles", "statements", "entities"):
            row = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {t}").fetchone()
            self.next_ids[t] = (int(row[0]) if row else 0) + 1
        self.firsts = search_links.Firsts(*(self.next_ids[t] for t in ("articles", "statements", "entities")))
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _COLUMNS}

    def _id(self, table: str) -> int:
        value = self.next_ids[table]
        self.next_ids[table] = value + 1
        return value

    def load(self, new: list[_Prepared]) -> search_links.Firsts:
        """COPY ``new`` in; returns the row ids of the first new rows (for :func:`search_links.update`)."""
        for p in new:
            self._article(p)
        with self.conn.cursor() as cur:
            for table, columns in _COLUMNS.items():
                rows = self.rows[table]
                if not rows:
                    continue
                with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        return self.firsts

    def _article(self, p: _Prepared) -> None:
        an, a = p.analysis, p.analysis.article
        rowid = self._id("articles")
        pub_date = a.published[:10] if a.published else None
        ix = p.index
        self.rows["articles"].append(
            (
                rowid,
                a.id,
                p.url_key,
                ix.text_hash,
                a.url,
                a.outlet,
                a.published,
                pub_date,
                a.title,
                a.language,
                a.source,
                p.doc,
                _words(ix.title),
                _words(ix.body),
                ix.readings,
            )
        )
        names_of = {e.id: (e.canonical, *e.aliases) for e in an.entities}
        for i, s in enumerate(an.statements):
            sid = self._id("statements")
            sp, m = s.speaker, s.speaker.mention
            key = name_key([sp.name, sp.canonical, m.text if m else None, *names_of.get(sp.entity or "", ())])
            folded, rd = index_statement(s.content.text)
            self.rows["statements"].append(
                (sid, rowid, i, sp.name, sp.canonical, sp.entity, sp.type, sp.role, key)
                + ((m.text, m.start, m.end, m.zone) if m else (None, None, None, None))
                + (s.cue.text, s.cue.start, s.cue.end, s.cue.zone)
                + (s.content.text, s.content.start, s.content.end, s.content.zone, s.kind, _words(folded), rd)
            )
        for i, e in enumerate(an.entities):
            eid = self._id("entities")
            canonical_key = name_forms(e.canonical)[0] or e.canonical
            self.rows["entities"].append(
                (eid, rowid, i, e.id, e.type, e.canonical, canonical_key, name_key(names_of[e.id]))
            )
            self.rows["aliases"].extend((eid, alias) for alias in e.aliases)
            self.rows["mentions"].extend((eid, rowid, m.text, m.start, m.end, m.zone) for m in e.mentions)
        for d in an.dates:
            sp2 = d.span
            self.rows["dates"].append(
                (rowid, sp2.text, sp2.start, sp2.end, sp2.zone, d.value, d.calendar, int(d.relative))
            )
        for f in an.framing:
            self.rows["framing"].append((rowid, f.span.text, f.span.start, f.span.end, f.span.zone, f.marker, f.term))


_COLUMNS: dict[str, str] = {
    "articles": "rowid, id, url_key, text_hash, url, outlet, published, pub_date, title, language, source, doc,"
    " ix_title, ix_body, ix_rd",
    "statements": "rowid, article_rowid, idx, speaker_name, speaker_canonical, speaker_entity, speaker_type,"
    " speaker_role, speaker_key, mention_text, mention_start, mention_end, mention_zone, cue_text, cue_start,"
    " cue_end, cue_zone, content_text, content_start, content_end, zone, kind, ix_content, ix_rd",
    "entities": "rowid, article_rowid, idx, entity_id, type, canonical, canonical_key, name_key",
    "aliases": "entity_rowid, alias",
    "mentions": 'entity_rowid, article_rowid, text, start, "end", zone',
    "dates": 'article_rowid, text, start, "end", zone, value, calendar, relative',
    "framing": 'article_rowid, text, start, "end", zone, marker, term',
}
