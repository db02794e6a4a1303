"""Near-duplicates and stories in the SQLite store (tables of migration ``002_stories.sql``).

Writing goes through :class:`SqliteStories`, which holds the clustering state of one connection
(:class:`~marsad.stories.StoryIndex`) and keeps it in step with the database incrementally: each
call first loads the story members stored since the last call (by another process too) and, when
the stored document count moved, the document-frequency table.  Near-duplicates are found through
the ``minhash_bands`` index (LSH band keys), confirmed on the stored signatures.

Call :meth:`SqliteStories.screen` before the articles are inserted and :meth:`SqliteStories.record`
and :meth:`SqliteStories.assign` after, all inside the store's write transaction; :func:`add` does the
same around :meth:`SqliteStore.add <marsad.store.sqlite.SqliteStore.add>` for a store whose ``add``
does not do it itself.  Reading (lists, one story, search, duplicates) is in
:mod:`marsad.store.stories_sqlite_read`.
"""

from __future__ import annotations

import json
import sqlite3
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from marsad.dedup import THRESHOLD as DEDUP_THRESHOLD
from marsad.dedup import DedupIndex, NearDuplicate, article_text, band_keys, best_match, from_bytes, signature, to_bytes
from marsad.models import Analysis, analysis_from_dict
from marsad.store.base import AddResult

if TYPE_CHECKING:  # marsad.store.sqlite imports this module
    from marsad.store.sqlite import SqliteStore
from marsad.stories import THRESHOLD, WINDOW_DAYS, Assignment, DocFreq, Member, StoryIndex, item_of, stems

T = TypeVar("T")
CHUNK = 500
EPOCH = date(1970, 1, 1)


def iso_day(day: int | None) -> str | None:
    return (EPOCH + timedelta(days=day)).isoformat() if day is not None else None


def _marks(n: int) -> str:
    return ",".join("?" * n)


def in_transaction(conn: sqlite3.Connection, fn: Callable[[], T]) -> T:
    """Run ``fn`` inside ``BEGIN IMMEDIATE … COMMIT`` (rolled back when it raises)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        out = fn()
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return out


class SqliteStories:
    """Near-duplicate screening and incremental story clustering over one SQLite connection."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        dedup_threshold: float = DEDUP_THRESHOLD,
        window_days: int = WINDOW_DAYS,
        threshold: float = THRESHOLD,
    ) -> None:
        self.conn = conn
        self.dedup_threshold = dedup_threshold
        self.index = StoryIndex(window_days, threshold)
        self._members_seen = 0  # highest story_members.rowid placed in self.index
        self._docs_seen = -1  # story_meta 'docs' that self.index.docfreq reflects
        self._rowids: dict[str, int] = {}  # story id → stories.rowid
        self._sigs: dict[str, np.ndarray | None] = {}  # signatures computed by screen(), used by assign()

    def reset(self) -> None:
        """Forget the in-memory state (after a failed write): the next call rebuilds it from the database."""
        self.index = StoryIndex(self.index.window_days, self.index.threshold)
        self._members_seen, self._docs_seen = 0, -1
        self._rowids.clear()
        self._sigs.clear()

    # ---- near-duplicates -------------------------------------------------------------------------

    def _stored_candidates(self, sig: np.ndarray) -> list[tuple[str, np.ndarray]]:
        keys = band_keys(sig, self.dedup_threshold)
        cond = " OR ".join("(band = ? AND key = ?)" for _ in keys)
        params = [v for i, k in enumerate(keys) for v in (i, k)]
        sql = (
            "SELECT a.id, m.sig FROM minhash m JOIN articles a ON a.rowid = m.article_rowid"
            f" WHERE m.article_rowid IN (SELECT article_rowid FROM minhash_bands WHERE {cond})"
        )
        return [(str(r[0]), from_bytes(r[1])) for r in self.conn.execute(sql, params)]

    def screen(self, analyses: Sequence[Analysis]) -> dict[int, NearDuplicate]:
        """Which of ``analyses`` (by position) are near-copies of a stored article or of an earlier one here."""
        batch = DedupIndex(self.dedup_threshold)
        found: dict[int, NearDuplicate] = {}
        for i, analysis in enumerate(analyses):
            a = analysis.article
            sig = signature(article_text(a.title, a.text))
            self._sigs[a.id] = sig
            if sig is None:
                continue
            candidates = self._stored_candidates(sig)
            candidates += [(k, batch.signatures[k]) for k in batch.lsh.query(batch._lean(sig))]
            key, sim = best_match(sig, candidates, self.dedup_threshold)
            if key and key != a.id:
                found[i] = NearDuplicate(a.id, key, sim)
            else:
                batch.add(a.id, sig)
        return found

    def record(self, near: dict[int, NearDuplicate], analyses: Sequence[Analysis]) -> int:
        """Store which article each near-duplicate copies; returns how many were recorded (the copied
        article must be stored: one rejected as an exact duplicate leaves its copies unrecorded)."""
        rows = []
        for i, dup in sorted(near.items()):
            found = self.conn.execute("SELECT rowid FROM articles WHERE id = ?", (dup.of,)).fetchone()
            if not found:
                continue
            a = analyses[i].article
            rows.append((dup.id, found[0], round(dup.similarity, 4), a.url, a.outlet, a.published, a.title))
        self.conn.executemany(
            "INSERT OR IGNORE INTO near_duplicates (id, of_rowid, similarity, url, outlet, published, title)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return len(rows)

    # ---- stories ---------------------------------------------------------------------------------

    def sync(self) -> None:
        """Bring the in-memory state up to the database: new members, and the DF table if it moved."""
        conn = self.conn
        row = conn.execute("SELECT value FROM story_meta WHERE key = 'docs'").fetchone()
        docs = int(row[0]) if row else 0
        if docs != self._docs_seen:
            df = Counter({str(t): int(n) for t, n in conn.execute("SELECT term, df FROM story_df")})
            self.index.docfreq = DocFreq(docs, df)
            self._docs_seen = docs
        sql = (
            "SELECT m.rowid, s.id, s.rowid, a.id, m.day, a.outlet, a.title, m.vector, m.score FROM story_members m"
            " JOIN stories s ON s.rowid = m.story_rowid JOIN articles a ON a.rowid = m.article_rowid"
            " WHERE m.rowid > ? ORDER BY m.rowid"
        )
        for mrow, sid, srow, aid, day, outlet, title, vec, score in conn.execute(sql, (self._members_seen,)):
            self.index.place(Member(aid, day, outlet, title, json.loads(vec), score), sid)
            self._rowids[sid] = srow
            self._members_seen = mrow

    def assign(self, analyses: Sequence[Analysis]) -> list[Assignment]:
        """Signatures, band keys and story membership of ``analyses``, which must be stored already."""
        if not analyses:
            self._sigs.clear()
            return []
        conn = self.conn
        self.sync()
        ids = [a.article.id for a in analyses]
        rowid_of: dict[str, int] = {}
        for i in range(0, len(ids), CHUNK):
            part = ids[i : i + CHUNK]
            sql = f"SELECT id, rowid FROM articles WHERE id IN ({_marks(len(part))})"
            rowid_of.update((str(r[0]), int(r[1])) for r in conn.execute(sql, part))
        placed = set(self.index.story_of)
        todo = [a for a in analyses if a.article.id in rowid_of and a.article.id not in placed]
        self._signatures(todo, rowid_of)
        items = [item_of(a) for a in todo]
        placed_now: list[tuple[Assignment, Member]] = []
        for item in items:
            x = self.index.assign(item)
            placed_now.append((x, self.index.stories[x.story_id].members[-1]))
        df: Counter[str] = Counter()
        for item in items:
            df.update(set(item.counts))
        conn.executemany(
            "INSERT INTO story_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
            sorted(df.items()),
        )
        self._docs_seen = self.index.docfreq.n
        conn.execute(
            "INSERT INTO story_meta (key, value) VALUES ('docs', ?) ON CONFLICT (key) DO UPDATE SET value = ?",
            (self._docs_seen, self._docs_seen),
        )
        self._write_stories(placed_now, rowid_of)
        return [x for x, _ in placed_now]

    def _signatures(self, analyses: Sequence[Analysis], rowid_of: dict[str, int]) -> None:
        sig_rows: list[tuple[int, bytes]] = []
        band_rows: list[tuple[int, int, int]] = []
        for an in analyses:
            a = an.article
            sig = self._sigs.pop(a.id) if a.id in self._sigs else signature(article_text(a.title, a.text))
            if sig is None:
                continue
            rowid = rowid_of[a.id]
            sig_rows.append((rowid, to_bytes(sig)))
            band_rows.extend((b, k, rowid) for b, k in enumerate(band_keys(sig, self.dedup_threshold)))
        self.conn.executemany("INSERT OR IGNORE INTO minhash (article_rowid, sig) VALUES (?, ?)", sig_rows)
        self.conn.executemany("INSERT INTO minhash_bands (band, key, article_rowid) VALUES (?, ?, ?)", band_rows)
        self._sigs.clear()

    def _write_stories(self, placed: list[tuple[Assignment, Member]], rowid_of: dict[str, int]) -> None:
        conn = self.conn
        touched = sorted({x.story_id for x, _ in placed})
        for sid in touched:
            story = self.index.stories[sid]
            first, last = story.days
            values = (story.label(), iso_day(first), iso_day(last), len(story.members), len(story.outlets))
            if sid in self._rowids:
                conn.execute(
                    "UPDATE stories SET label = ?, first_date = ?, last_date = ?, size = ?, outlets = ?,"
                    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE rowid = ?",
                    (*values, self._rowids[sid]),
                )
                conn.execute("DELETE FROM stories_fts WHERE rowid = ?", (self._rowids[sid],))
            else:
                cur = conn.execute(
                    "INSERT INTO stories (id, label, first_date, last_date, size, outlets) VALUES (?, ?, ?, ?, ?, ?)",
                    (sid, *values),
                )
                self._rowids[sid] = int(cur.lastrowid or 0)
            titles = " ".join(" ".join(stems(m.title or "")) for m in story.members)
            conn.execute("INSERT INTO stories_fts (rowid, titles) VALUES (?, ?)", (self._rowids[sid], titles))
        for x, member in placed:
            vec = json.dumps({t: round(w, 5) for t, w in member.vector.items()}, ensure_ascii=False)
            cur = conn.execute(
                "INSERT INTO story_members (article_rowid, story_rowid, day, score, vector) VALUES (?, ?, ?, ?, ?)",
                (rowid_of[x.article_id], self._rowids[x.story_id], member.day, x.score, vec),
            )
            self._members_seen = max(self._members_seen, int(cur.lastrowid or 0))

    def backfill(self, batch: int = CHUNK) -> int:
        """Index the stored articles that have no story yet (stored before these tables existed), in rowid order."""
        done = 0
        while True:
            rows = self.conn.execute(
                "SELECT doc FROM articles WHERE rowid NOT IN (SELECT article_rowid FROM story_members)"
                " ORDER BY rowid LIMIT ?",
                (batch,),
            ).fetchall()
            if not rows:
                return done
            analyses = [analysis_from_dict(json.loads(r[0])) for r in rows]

            def step(todo: list[Analysis] = analyses) -> list[Assignment]:
                return self.assign(todo)

            try:
                in_transaction(self.conn, step)
            except BaseException:
                self.reset()
                raise
            done += len(analyses)


_STORIES: weakref.WeakKeyDictionary[SqliteStore, SqliteStories] = weakref.WeakKeyDictionary()


def stories_of(store: SqliteStore) -> SqliteStories:
    """The :class:`SqliteStories` of ``store`` (one per store object, so the clustering state is kept)."""
    found = _STORIES.get(store)
    if found is None:
        found = _STORIES[store] = SqliteStories(store._conn)
    return found


def add(store: SqliteStore, analyses: Iterable[Analysis]) -> AddResult:
    """``store.add`` with near-duplicates screened out and recorded, and the stored articles put into stories.

    The ingest loop's hook (call it instead of ``store.add``).  Near-copies count as duplicates in the
    result; the screening is a read before ``store.add``'s transaction and the indexing a second
    transaction after it (:class:`SqliteStore` may do all three in one; see docs/stories.md)."""
    from marsad.store.sqlite import retry_busy

    todo = list(analyses)
    if not todo:
        return AddResult()
    st = stories_of(store)
    with store._lock:
        near = retry_busy(lambda: st.screen(todo))
    kept = [a for i, a in enumerate(todo) if i not in near]
    result = store.add(kept)
    rejected = set(result.duplicate_ids)
    stored = [a for a in kept if a.article.id not in rejected]

    def write() -> None:
        try:
            in_transaction(store._conn, lambda: (st.record(near, todo), st.assign(stored)))
        except BaseException:
            st.reset()  # the in-memory state may hold what was rolled back: rebuild it on the next try
            raise

    with store._lock:
        retry_busy(write)
    near_ids = [d.id for _, d in sorted(near.items())]
    return AddResult(
        stored=result.stored,
        duplicates=result.duplicates + len(near_ids),
        duplicate_ids=[*result.duplicate_ids, *near_ids],
    )


__all__ = ["SqliteStories", "add", "in_transaction", "iso_day", "stories_of"]
