"""The SQLite store: WAL, numbered migrations, batched idempotent adds, FTS5 over the normalised copy.

One ``add`` call is one ``BEGIN IMMEDIATE`` transaction: the duplicate check (id, canonical URL,
normalised-text hash) and the inserts happen under the write lock, so two processes ingesting
into one database never store an article twice; a busy database is waited for and retried.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from marsad.ids import canonical_url
from marsad.models import Analysis, Article, analysis_from_dict
from marsad.search import name_forms, name_key
from marsad.settings import Settings
from marsad.store import entity_aliases, search_links, sqlite_fts, sqlite_search, stories_sqlite_read
from marsad.store.base import AddResult, ArticleHit, EntitySummary, Page, Query, StatementHit, Store
from marsad.store.indexing import IndexedText, index_article, index_statement
from marsad.store.sqlite_migrate import migrate
from marsad.store.stories_sqlite import SqliteStories
from marsad.store.stories_store import StoryState
from marsad.stories import StoryCopy, StoryView

T = TypeVar("T")
CHUNK = 500  # parameters per IN (...) list
BUSY_TIMEOUT_MS = 30_000
RETRIES = 8


def _is_busy(e: sqlite3.OperationalError) -> bool:
    code = getattr(e, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(e) or "busy" in str(e)


def retry_busy(fn: Callable[[], T], attempts: int = RETRIES) -> T:
    """Run ``fn``; when SQLite reports the database busy or locked, wait a little and try again."""
    for attempt in range(attempts):
        try:
            return fn()
        except sqlite3.OperationalError as e:
            if not _is_busy(e) or attempt == attempts - 1:
                raise
            time.sleep(min(2.0, 0.05 * 2**attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")


@dataclass(frozen=True, slots=True)
class _Prepared:
    """An analysis with what storing it needs, computed outside the write lock."""

    analysis: Analysis
    url_key: str | None
    index: IndexedText
    doc: str


def prepare(analysis: Analysis) -> _Prepared:
    a = analysis.article
    doc = json.dumps(analysis.to_dict(), ensure_ascii=False, separators=(",", ":"))
    return _Prepared(analysis, canonical_url(a.url) if a.url else None, index_article(a), doc)


def split_duplicates(
    prepared: list[_Prepared], ids: set[str], urls: set[str], hashes: set[str]
) -> tuple[list[_Prepared], list[str]]:
    """``(new, duplicate ids)``: an article is a duplicate when its id, canonical URL or normalised text
    is stored already (``ids``/``urls``/``hashes``, updated here) or came earlier in ``prepared``."""
    new: list[_Prepared] = []
    dups: list[str] = []
    for p in prepared:
        aid = p.analysis.article.id
        if aid in ids or (p.url_key and p.url_key in urls) or p.index.text_hash in hashes:
            dups.append(aid)
            continue
        ids.add(aid)
        hashes.add(p.index.text_hash)
        if p.url_key:
            urls.add(p.url_key)
        new.append(p)
    return new, dups


def store_batch(
    conn: Any,
    mark: str,
    stories: StoryState,
    prepared: list[_Prepared],
    existing: tuple[set[str], set[str], set[str]],
    write: Callable[[list[_Prepared]], search_links.Firsts],
    index: Callable[[search_links.Links], None] | None = None,
) -> AddResult:
    """The body of one ``add`` transaction, for both backends: drop exact duplicates (``existing``: the stored
    ids, canonical URLs and text hashes) and near-copies, ``write`` the rest (returns the first new row ids),
    key their entities, link them for search (``index`` takes their links, for a full-text index), and record
    copies and stories."""
    new, dups = split_duplicates(prepared, *existing)
    candidates = [p.analysis for p in new]
    near = stories.screen(candidates)  # near-copies of a stored article or of an earlier one here
    if near:
        dups.extend(d.id for _, d in sorted(near.items()))
        new = [p for i, p in enumerate(new) if i not in near]
    if new:
        firsts = write(new)
        entity_aliases.sync(conn, mark)
        links = search_links.update(conn, mark, firsts)
        if index is not None:
            index(links)
    stories.record(near, candidates)
    stories.assign([p.analysis for p in new])
    return AddResult(stored=len(new), duplicates=len(dups), duplicate_ids=dups)


def _chunks(items: list[T], size: int = CHUNK) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class SqliteStore(Store):
    """A :class:`~marsad.store.base.Store` in one SQLite file (``:memory:`` works too)."""

    def __init__(self, path: str, settings: Settings | None = None, url: str | None = None) -> None:
        self.settings = settings or Settings()
        self.path = path
        self.url = url or f"sqlite:///{path}"
        if path != ":memory:" and os.path.dirname(path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        conn.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints; safe under WAL
        conn.execute("PRAGMA cache_size = -16384")  # 16 MiB
        conn.execute("PRAGMA temp_store = MEMORY")
        retry_busy(lambda: migrate(conn))
        retry_busy(self._backfill_entity_keys)
        if search_links.pending(conn):  # rows stored before migration 004
            retry_busy(lambda: self._write(lambda: search_links.backfill(conn, "?")))
        if sqlite_fts.pending(conn):  # rows stored before migration 005
            retry_busy(lambda: self._write(lambda: sqlite_fts.rebuild(conn)))
        self.story_state = SqliteStories(conn)  # near-duplicates and stories, kept in step with the database

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
        with self._lock:
            return retry_busy(lambda: self._insert(prepared))

    def _existing(self, prepared: list[_Prepared]) -> tuple[set[str], set[str], set[str]]:
        ids: set[str] = set()
        urls: set[str] = set()
        hashes: set[str] = set()
        for part in _chunks(prepared):
            for column, values, found in (
                ("id", [p.analysis.article.id for p in part], ids),
                ("url_key", [p.url_key for p in part if p.url_key], urls),
                ("text_hash", [p.index.text_hash for p in part], hashes),
            ):
                if values:
                    marks = ",".join("?" * len(values))
                    sql = f"SELECT {column} FROM articles WHERE {column} IN ({marks})"
                    found.update(r[0] for r in self._conn.execute(sql, values))
        return ids, urls, hashes

    def _insert(self, prepared: list[_Prepared]) -> AddResult:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")  # waits (busy_timeout) for another writer; raises busy after it
        try:
            existing = self._existing(prepared)
            rows = _Rows(conn)
            result = store_batch(conn, "?", self.story_state, prepared, existing, rows.insert, rows.index)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            self.story_state.reset()  # its in-memory state may hold what was rolled back
            raise
        return result

    def _backfill_entity_keys(self) -> None:
        """Entities stored before the alias table (migration 003) get their keys and global entities."""
        conn = self._conn
        if conn.execute("SELECT 1 FROM entities WHERE entity_key IS NULL LIMIT 1").fetchone() is None:
            return
        self._write(lambda: entity_aliases.sync(conn, "?"))

    def _write(self, fn: Callable[[], T]) -> T:
        """``fn`` in one write transaction."""
        conn = self._conn
        with self._lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                out = fn()
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return out

    def merge_entities(self, a: str, b: str) -> int:
        return retry_busy(lambda: self._write(lambda: entity_aliases.merge(self._conn, "?", a, b)))

    def split_entity(self, name: str) -> int:
        return retry_busy(lambda: self._write(lambda: entity_aliases.split(self._conn, "?", name)))

    def entity_aliases(self, name: str) -> list[str]:
        with self._lock:
            return entity_aliases.aliases(self._conn, "?", name)

    # ---- reading ---------------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        with self._lock:
            return self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def stored_ids(self, article_ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(article_ids))
        found: set[str] = set()
        with self._lock:
            for part in _chunks(wanted):
                sql = f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(part))})"
                found.update(r[0] for r in self._conn.execute(sql, part))
        return found

    def get(self, article_id: str) -> Analysis | None:
        with self._lock:
            row = self._conn.execute("SELECT doc, source FROM articles WHERE id = ?", (article_id,)).fetchone()
        return stored_analysis(row[0], row[1]) if row else None

    def count(self) -> dict[str, int]:
        out: dict[str, int] = {}
        with self._lock:
            for table in ("articles", "statements", "entities", "mentions", "dates", "framing"):
                out[table] = int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return out

    def outlets(self) -> list[tuple[str, int]]:
        sql = "SELECT coalesce(outlet, ''), count(*) AS n FROM articles GROUP BY 1 ORDER BY n DESC, 1"
        with self._lock:
            return [(str(r[0]), int(r[1])) for r in self._conn.execute(sql)]

    def iter_analyses(self) -> Iterator[Analysis]:
        last = 0
        while True:
            with self._lock:
                rows = self._conn.execute(
                    "SELECT rowid, doc, source FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, CHUNK)
                ).fetchall()
            if not rows:
                return
            for _, doc, source in rows:
                yield stored_analysis(doc, source)
            last = rows[-1][0]

    def search_articles(self, query: Query) -> Page[ArticleHit]:
        with self._lock:
            return sqlite_search.search_articles(self._conn, query)

    def search_statements(self, query: Query) -> Page[StatementHit]:
        with self._lock:
            return sqlite_search.search_statements(self._conn, query)

    def entities(self, name: str | None = None, limit: int = 50, offset: int = 0) -> Page[EntitySummary]:
        with self._lock:
            return sqlite_search.entity_summaries(self._conn, name, limit, offset)

    def stories(self, text: str = "", limit: int = 20, offset: int = 0, min_outlets: int = 1) -> Page[StoryView]:
        with self._lock:
            if text.strip():
                return stories_sqlite_read.search_stories(self._conn, text, limit, offset)
            return stories_sqlite_read.list_stories(self._conn, limit, offset, min_outlets=min_outlets)

    def story(self, story_id: str) -> StoryView | None:
        with self._lock:
            return stories_sqlite_read.get_story(self._conn, story_id)

    def near_duplicates(self, of: str | None = None, limit: int = 50, offset: int = 0) -> Page[StoryCopy]:
        with self._lock:
            return stories_sqlite_read.near_duplicates(self._conn, of, limit, offset)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def stored_analysis(doc: str, source: str | None) -> Analysis:
    """An analysis from its stored ``doc`` JSON, with the article's ``source`` column put back."""
    analysis = analysis_from_dict(json.loads(doc))
    return analysis.with_(article=replace(analysis.article, source=source)) if source else analysis


def _tail(a: Article, p: _Prepared) -> tuple[str, str | None, str]:
    return a.language, a.source, p.doc


class _Rows:
    """Flat rows of new articles, inserted with ``executemany`` (one statement per table)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.next_ids = {
            t: int(conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {t}").fetchone()[0]) + 1
            for t in ("articles", "statements", "entities")
        }
        self.firsts = search_links.Firsts(*(self.next_ids[t] for t in ("articles", "statements", "entities")))
        self.rows: dict[str, list[tuple[Any, ...]]] = {}
        self.article_text: list[sqlite_fts.ArticleText] = []
        self.statement_text: list[sqlite_fts.StatementText] = []

    def _id(self, table: str) -> int:
        value = self.next_ids[table]
        self.next_ids[table] = value + 1
        return value

    def _add(self, table: str, row: tuple[Any, ...]) -> None:
        self.rows.setdefault(table, []).append(row)

    def insert(self, new: list[_Prepared]) -> search_links.Firsts:
        """Insert ``new``; returns the row ids of the first new rows (for :func:`search_links.update`)."""
        for p in new:
            self._article(p)
        for table, sql in _INSERT.items():
            rows = self.rows.get(table)
            if rows:
                self.conn.executemany(sql, rows)
        return self.firsts

    def index(self, links: search_links.Links) -> None:
        """The full-text rows of what :meth:`insert` inserted, with their ``links``."""
        sqlite_fts.write(self.conn, self.article_text, self.statement_text, links)

    def _article(self, p: _Prepared) -> None:
        an, a = p.analysis, p.analysis.article
        rowid = self._id("articles")
        pub_date = a.published[:10] if a.published else None
        self._add(
            "articles",
            (rowid, a.id, p.url_key, p.index.text_hash, a.url, a.outlet, a.published, pub_date, a.title, *_tail(a, p)),
        )
        self.article_text.append((rowid, p.index.title, p.index.body, p.index.readings))
        names_of = {e.id: (e.canonical, *e.aliases) for e in an.entities}
        for i, s in enumerate(an.statements):
            sid = self._id("statements")
            sp, m = s.speaker, s.speaker.mention
            key = name_key([sp.name, sp.canonical, m.text if m else None, *names_of.get(sp.entity or "", ())])
            self._add(
                "statements",
                (sid, rowid, i, sp.name, sp.canonical, sp.entity, sp.type, sp.role, key)
                + ((m.text, m.start, m.end, m.zone) if m else (None, None, None, None))
                + (s.cue.text, s.cue.start, s.cue.end, s.cue.zone)
                + (s.content.text, s.content.start, s.content.end, s.content.zone, s.kind),
            )
            self.statement_text.append((sid, *index_statement(s.content.text)))
        for i, e in enumerate(an.entities):
            eid = self._id("entities")
            canonical_key = name_forms(e.canonical)[0] or e.canonical
            self._add("entities", (eid, rowid, i, e.id, e.type, e.canonical, canonical_key, name_key(names_of[e.id])))
            for alias in e.aliases:
                self._add("aliases", (eid, alias))
            for mention in e.mentions:
                self._add("mentions", (eid, rowid, mention.text, mention.start, mention.end, mention.zone))
        for d in an.dates:
            sp2 = d.span
            self._add("dates", (rowid, sp2.text, sp2.start, sp2.end, sp2.zone, d.value, d.calendar, int(d.relative)))
        for f in an.framing:
            self._add("framing", (rowid, f.span.text, f.span.start, f.span.end, f.span.zone, f.marker, f.term))


_INSERT: dict[str, str] = {
    "articles": "INSERT INTO articles (rowid, id, url_key, text_hash, url, outlet, published, pub_date, title,"
    " language, source, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "statements": "INSERT INTO statements (rowid, article_rowid, idx, speaker_name, speaker_canonical,"
    " speaker_entity, speaker_type, speaker_role, speaker_key, mention_text, mention_start, mention_end,"
    " mention_zone, cue_text, cue_start, cue_end, cue_zone, content_text, content_start, content_end, zone, kind)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "entities": "INSERT INTO entities (rowid, article_rowid, idx, entity_id, type, canonical, canonical_key,"
    " name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "aliases": "INSERT INTO aliases (entity_rowid, alias) VALUES (?, ?)",
    "mentions": 'INSERT INTO mentions (entity_rowid, article_rowid, text, start, "end", zone)'
    " VALUES (?, ?, ?, ?, ?, ?)",
    "dates": 'INSERT INTO dates (article_rowid, text, start, "end", zone, value, calendar, relative)'
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "framing": 'INSERT INTO framing (article_rowid, text, start, "end", zone, marker, term)'
    " VALUES (?, ?, ?, ?, ?, ?, ?)",
}
