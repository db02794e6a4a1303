"""Near-duplicates and stories in a SQL store (SQLite or PostgreSQL), written once with the dialect as a parameter.

:class:`StoryState` holds the clustering state of one store (:class:`~marsad.stories.StoryIndex`) and keeps it
in step with the database incrementally: each write first loads the story members stored since the last
call (by another process too: members are numbered in commit order, writers being serialised) and, when
the stored document count moved, the document-frequency table.  ``story_meta 'docs'`` is the version
counter: every write that stores articles raises it, so a state whose count differs from the stored one
was overtaken by another writer.  Near-duplicates are found through the ``minhash_bands`` index (LSH
band keys), confirmed on the stored signatures.

Call :meth:`StoryState.screen` before the articles are inserted and :meth:`StoryState.record` and
:meth:`StoryState.assign` after, all inside the store's write transaction, and :meth:`StoryState.reset`
when that transaction fails.  The tables are those of ``migrations/sqlite/002_stories.sql`` and
``migrations/postgres/003_stories.sql``; reading is :mod:`marsad.store.stories_read`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np

from marsad.dedup import THRESHOLD as DEDUP_THRESHOLD
from marsad.dedup import DedupIndex, NearDuplicate, article_text, band_keys, best_match, from_bytes, signature, to_bytes
from marsad.models import Analysis, analysis_from_dict
from marsad.store.stories_dialect import Conn, Dialect
from marsad.stories import (
    THRESHOLD,
    WINDOW_DAYS,
    Assignment,
    DocFreq,
    Member,
    StoryIndex,
    StoryItem,
    item_of,
    stems,
    vector,
)

CHUNK = 500
VECTOR_DIGITS = 5  # story_members.vector keeps each weight to this many decimals
EPOCH = date(1970, 1, 1)


# (column, PostgreSQL type) of the tables written in bulk (Dialect.insert_many)
NEAR_COLUMNS = (
    ("id", "text"),
    ("of_rowid", "bigint"),
    ("similarity", "float8"),
    ("url", "text"),
    ("outlet", "text"),
    ("published", "text"),
    ("title", "text"),
)
STORY_COLUMNS = (
    ("rowid", "bigint"),
    ("id", "text"),
    ("label", "text"),
    ("first_date", "text"),
    ("last_date", "text"),
    ("size", "integer"),
    ("outlets", "integer"),
)
MEMBER_COLUMNS = (
    ("rowid", "bigint"),
    ("article_rowid", "bigint"),
    ("story_rowid", "bigint"),
    ("day", "integer"),
    ("score", "float8"),
    ("vector", "text"),
)
DF_COLUMNS = (("term", "text"), ("df", "integer"))
SIG_COLUMNS = (("article_rowid", "bigint"), ("sig", "bytea"))
BAND_COLUMNS = (("band", "integer"), ("key", "bigint"), ("article_rowid", "bigint"))


def iso_day(day: int | None) -> str | None:
    return (EPOCH + timedelta(days=day)).isoformat() if day is not None else None


def _next_rowid(conn: Conn, table: str) -> int:
    row = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()
    return int(row[0]) + 1


def assign_as_stored(index: StoryIndex, item: StoryItem) -> Assignment:
    """:meth:`StoryIndex.assign <marsad.stories.StoryIndex.assign>`, the member placed with its vector rounded as
    stored (:data:`VECTOR_DIGITS`): the state in memory is then exactly what any writer reloads from the
    database, so writers taking turns cluster as one writer would."""
    if item.id in index.story_of:
        return Assignment(item.id, index.story_of[item.id], 1.0, False)
    index.docfreq.add(item.counts)
    vec = vector(item.counts, index.docfreq)
    hit = index.best(vec, item.day)
    sid, score, new = (hit[0], hit[1], False) if hit else (item.id, 1.0, True)
    stored = {t: round(w, VECTOR_DIGITS) for t, w in vec.items()}
    index.place(Member(item.id, item.day, item.outlet, item.title, stored, round(score, 6)), sid)
    return Assignment(item.id, sid, round(score, 6), new)


class StoryState:
    """Near-duplicate screening and incremental story clustering over one database.

    ``conn`` is the connection the calls use: fixed for SQLite's one connection, set per write
    transaction for a pool (:class:`~marsad.store.stories_postgres.PostgresStories`)."""

    def __init__(
        self,
        dialect: Dialect,
        conn: Conn | None = None,
        *,
        dedup_threshold: float = DEDUP_THRESHOLD,
        window_days: int = WINDOW_DAYS,
        threshold: float = THRESHOLD,
    ) -> None:
        self.dialect = dialect
        self._conn = conn
        self.dedup_threshold = dedup_threshold
        self.index = StoryIndex(window_days, threshold)
        self._members_seen = 0  # highest story_members.rowid placed in self.index
        self._docs_seen = -1  # story_meta 'docs' that self.index.docfreq reflects
        self._rowids: dict[str, int] = {}  # story id → stories.rowid
        self._sigs: dict[str, np.ndarray | None] = {}  # signatures computed by screen(), used by assign()

    @property
    def conn(self) -> Conn:
        if self._conn is None:
            raise RuntimeError("StoryState used outside a write (no connection)")
        return self._conn

    def reset(self) -> None:
        """Forget the in-memory state (after a failed write): the next call rebuilds it from the database."""
        self.index = StoryIndex(self.index.window_days, self.index.threshold)
        self._members_seen, self._docs_seen = 0, -1
        self._rowids.clear()
        self._sigs.clear()

    # ---- near-duplicates -------------------------------------------------------------------------

    def _stored_matches(self, keys_of: Sequence[list[int] | None]) -> dict[tuple[int, int], list[tuple[str, bytes]]]:
        """The stored articles (id, signature) sharing each ``(band, key)`` of the given band keys."""
        pairs = sorted({(b, k) for keys in keys_of if keys for b, k in enumerate(keys)})
        found: dict[tuple[int, int], list[tuple[str, bytes]]] = {}
        for band, key, aid, sig in self.dialect.band_matches(self.conn, pairs):
            found.setdefault((int(band), int(key)), []).append((str(aid), bytes(sig)))
        return found

    def screen(self, analyses: Sequence[Analysis]) -> dict[int, NearDuplicate]:
        """Which of ``analyses`` (by position) are near-copies of a stored article or of an earlier one here.

        Candidates: the stored articles sharing an LSH band key (one lookup for the batch) and the earlier
        articles of the batch (an in-memory LSH); the most similar at or above the threshold wins."""
        self.dialect.lock(self.conn)
        sigs = [signature(article_text(an.article.title, an.article.text)) for an in analyses]
        keys_of = [band_keys(sig, self.dedup_threshold) if sig is not None else None for sig in sigs]
        stored = self._stored_matches(keys_of)
        batch = DedupIndex(self.dedup_threshold)
        found: dict[int, NearDuplicate] = {}
        for i, (analysis, sig, keys) in enumerate(zip(analyses, sigs, keys_of, strict=True)):
            a = analysis.article
            self._sigs[a.id] = sig
            if sig is None or keys is None:
                continue
            seen = {aid: blob for b, k in enumerate(keys) for aid, blob in stored.get((b, k), ())}
            candidates = [(aid, from_bytes(blob)) for aid, blob in seen.items()]
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
        m = self.dialect.mark
        rows = []
        for i, dup in sorted(near.items()):
            found = self.conn.execute(f"SELECT rowid FROM articles WHERE id = {m}", (dup.of,)).fetchone()
            if not found:
                continue
            a = analyses[i].article
            rows.append((dup.id, found[0], round(dup.similarity, 4), a.url, a.outlet, a.published, a.title))
        self.dialect.insert_many(self.conn, "near_duplicates", NEAR_COLUMNS, rows, "ON CONFLICT DO NOTHING")
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
            f" WHERE m.rowid > {self.dialect.mark} ORDER BY m.rowid"
        )
        for mrow, sid, srow, aid, day, outlet, title, vec, score in conn.execute(sql, (self._members_seen,)):
            self.index.place(Member(aid, day, outlet, title, json.loads(vec), score), sid)
            self._rowids[sid] = int(srow)
            self._members_seen = int(mrow)

    def assign(self, analyses: Sequence[Analysis]) -> list[Assignment]:
        """Signatures, band keys and story membership of ``analyses``, which must be stored already."""
        if not analyses:
            self._sigs.clear()
            return []
        conn = self.conn
        self.dialect.lock(conn)
        self.sync()
        ids = [a.article.id for a in analyses]
        rowid_of: dict[str, int] = {}
        for i in range(0, len(ids), CHUNK):
            part = ids[i : i + CHUNK]
            sql = f"SELECT id, rowid FROM articles WHERE id IN ({self.dialect.marks(len(part))})"
            rowid_of.update((str(r[0]), int(r[1])) for r in conn.execute(sql, part))
        placed = set(self.index.story_of)
        todo = [a for a in analyses if a.article.id in rowid_of and a.article.id not in placed]
        self._signatures(todo, rowid_of)
        items = [item_of(a) for a in todo]
        placed_now: list[tuple[Assignment, Member]] = []
        for item in items:
            x = assign_as_stored(self.index, item)
            placed_now.append((x, self.index.stories[x.story_id].members[-1]))
        df: Counter[str] = Counter()
        for item in items:
            df.update(set(item.counts))
        m = self.dialect.mark
        self.dialect.insert_many(
            conn,
            "story_df",
            DF_COLUMNS,
            sorted(df.items()),
            "ON CONFLICT (term) DO UPDATE SET df = story_df.df + excluded.df",
        )
        self._docs_seen = self.index.docfreq.n
        conn.execute(
            f"INSERT INTO story_meta (key, value) VALUES ('docs', {m}) ON CONFLICT (key) DO UPDATE SET value = {m}",
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
        self.dialect.insert_many(self.conn, "minhash", SIG_COLUMNS, sig_rows, "ON CONFLICT DO NOTHING")
        self.dialect.insert_many(self.conn, "minhash_bands", BAND_COLUMNS, band_rows)
        self._sigs.clear()

    def _write_stories(self, placed: list[tuple[Assignment, Member]], rowid_of: dict[str, int]) -> None:
        conn, d = self.conn, self.dialect
        updates: list[tuple[Any, ...]] = []
        inserts: list[tuple[Any, ...]] = []
        titles: list[tuple[int, str]] = []
        replaced: list[int] = []
        next_story = _next_rowid(conn, "stories") if any(x.story_id not in self._rowids for x, _ in placed) else 0
        for sid in sorted({x.story_id for x, _ in placed}):
            story = self.index.stories[sid]
            first, last = story.days
            values = (story.label(), iso_day(first), iso_day(last), len(story.members), len(story.outlets))
            if sid in self._rowids:
                updates.append((*values, self._rowids[sid]))
                replaced.append(self._rowids[sid])
            else:
                self._rowids[sid] = next_story
                next_story += 1
                inserts.append((self._rowids[sid], sid, *values))
            titles.append((self._rowids[sid], " ".join(" ".join(stems(mb.title or "")) for mb in story.members)))
        d.update_many(conn, "stories", STORY_COLUMNS[2:], ("rowid", "bigint"), updates, f"updated_at = {d.now}")
        d.insert_many(conn, "stories", STORY_COLUMNS, inserts)
        d.set_titles(conn, titles, replaced)
        member_rows: list[tuple[Any, ...]] = []
        next_member = _next_rowid(conn, "story_members")
        for x, member in placed:
            vec = json.dumps(member.vector, ensure_ascii=False)  # rounded already: reloading gives the same floats
            member_rows.append(
                (next_member, rowid_of[x.article_id], self._rowids[x.story_id], member.day, x.score, vec)
            )
            self._members_seen = max(self._members_seen, next_member)
            next_member += 1
        d.insert_many(conn, "story_members", MEMBER_COLUMNS, member_rows)

    def backfill(self, batch: int = CHUNK) -> int:
        """Index the stored articles that have no story yet (stored before these tables existed), in rowid order;
        one transaction per ``batch`` articles."""
        done = 0
        while True:
            rows = self.conn.execute(
                "SELECT doc FROM articles WHERE rowid NOT IN (SELECT article_rowid FROM story_members)"
                f" ORDER BY rowid LIMIT {self.dialect.mark}",
                (batch,),
            ).fetchall()
            if not rows:
                return done
            analyses = [analysis_from_dict(json.loads(r[0])) for r in rows]
            try:
                with self.dialect.transaction(self.conn):
                    self.assign(analyses)
            except BaseException:
                self.reset()
                raise
            done += len(analyses)


__all__ = ["CHUNK", "VECTOR_DIGITS", "StoryState", "assign_as_stored", "iso_day"]
