"""What differs between SQLite and PostgreSQL for near-duplicates and stories: one small :class:`Dialect` each.

The logic (:mod:`marsad.store.stories_store`, :mod:`marsad.store.stories_read`) is written once; a
dialect gives it the parameter marker, the current-time expression, how text sorts (``COLLATE "C"`` on
PostgreSQL, so ids and dates order by code point as on SQLite whatever the database's locale), where a
story's title stems are kept for search (FTS5 ``stories_fts`` on SQLite, ``stories.titles`` with a
generated ``tsvector('simple')`` on PostgreSQL), how story writers are serialised inside a transaction
and how a read sees one snapshot.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any, Protocol

_STORIES_LOCK = 0x6D617273_73747279  # "mars" "stry": the advisory lock of story writers (PostgreSQL)


class Conn(Protocol):
    """What both ``sqlite3.Connection`` and ``psycopg.Connection`` offer."""

    def execute(self, sql: Any, params: Any = ..., /) -> Any: ...

    def cursor(self) -> Any: ...


BAND_CHUNK = 100  # (band, key) pairs per lookup where the SQL spells them out
_BAND_MATCHES = (
    "SELECT b.band, b.key, a.id, m.sig FROM minhash_bands b JOIN minhash m ON m.article_rowid = b.article_rowid"
    " JOIN articles a ON a.rowid = b.article_rowid"
)


class Dialect:
    """The SQL of one backend that the story code needs; subclasses fill it in."""

    name = ""
    mark = "?"  # parameter marker
    now = ""  # the current UTC time, as the backend stores ``updated_at``
    collate = ""  # appended to a text sort key so that it sorts by code point

    def marks(self, n: int) -> str:
        return ",".join([self.mark] * n)

    def lock(self, conn: Conn) -> None:
        """Serialise story writers (called inside the write transaction, before the state is read)."""

    def transaction(self, conn: Conn) -> AbstractContextManager[object]:
        """A write transaction (commits when the block ends, rolls back when it raises)."""
        raise NotImplementedError

    def snapshot(self, conn: Conn) -> AbstractContextManager[object]:
        """A block whose queries all see the same committed state (a page of stories read at once)."""
        return nullcontext()

    def insert_many(
        self, conn: Conn, table: str, columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]], tail: str = ""
    ) -> None:
        """``INSERT INTO table … tail`` of every row; ``columns`` are ``(name, PostgreSQL type)`` pairs."""
        if rows:
            names = ", ".join(c for c, _ in columns)
            sql = f"INSERT INTO {table} ({names}) VALUES ({self.marks(len(columns))}) {tail}"
            conn.cursor().executemany(sql, list(rows))

    def band_matches(self, conn: Conn, pairs: Sequence[tuple[int, int]]) -> Iterator[Sequence[Any]]:
        """``(band, key, article id, signature)`` of every stored article with one of the LSH band keys ``pairs``."""
        for i in range(0, len(pairs), BAND_CHUNK):
            part = pairs[i : i + BAND_CHUNK]
            cond = " OR ".join(f"(b.band = {self.mark} AND b.key = {self.mark})" for _ in part)
            yield from conn.execute(f"{_BAND_MATCHES} WHERE {cond}", [v for pair in part for v in pair])

    def update_many(
        self,
        conn: Conn,
        table: str,
        columns: Sequence[tuple[str, str]],
        key: tuple[str, str],
        rows: Sequence[Sequence[Any]],
        also: str = "",
    ) -> None:
        """``UPDATE table SET columns…[, also] WHERE key = …`` for every row (the column values, then the key)."""
        if rows:
            sets = ", ".join(f"{c} = {self.mark}" for c, _ in columns) + (f", {also}" if also else "")
            conn.cursor().executemany(f"UPDATE {table} SET {sets} WHERE {key[0]} = {self.mark}", list(rows))

    def set_titles(self, conn: Conn, rows: Sequence[tuple[int, str]], replaced: Sequence[int]) -> None:
        """Keep ``(stories.rowid, title stems)`` for search; ``replaced``: rowids that had stems already."""
        raise NotImplementedError

    def title_match(self, terms: Sequence[str]) -> tuple[str, list[Any]]:
        """``FROM … WHERE …`` (stories as ``s``) of the stories whose titles hold every term, and its parameters."""
        raise NotImplementedError


class SqliteDialect(Dialect):
    name = "sqlite"
    mark = "?"
    now = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
    collate = ""

    def transaction(self, conn: Conn) -> AbstractContextManager[object]:
        return _sqlite_transaction(conn)

    def set_titles(self, conn: Conn, rows: Sequence[tuple[int, str]], replaced: Sequence[int]) -> None:
        cur = conn.cursor()
        if replaced:
            cur.executemany("DELETE FROM stories_fts WHERE rowid = ?", [(r,) for r in replaced])
        if rows:
            cur.executemany("INSERT INTO stories_fts (rowid, titles) VALUES (?, ?)", list(rows))

    def title_match(self, terms: Sequence[str]) -> tuple[str, list[Any]]:
        match = " AND ".join(f'"{t}"' for t in terms)
        return "FROM stories_fts f JOIN stories s ON s.rowid = f.rowid WHERE stories_fts MATCH ?", [match]


@contextmanager
def _sqlite_transaction(conn: Conn) -> Iterator[object]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


class PostgresDialect(Dialect):
    name = "postgres"
    mark = "%s"
    now = "now()"
    collate = ' COLLATE "C"'

    def lock(self, conn: Conn) -> None:
        # the articles lock first, as PostgresStore.add takes it (a no-op there): one lock order, no deadlock
        conn.execute("LOCK TABLE articles IN EXCLUSIVE MODE")
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_STORIES_LOCK,))

    def transaction(self, conn: Conn) -> AbstractContextManager[object]:
        return conn.transaction()  # type: ignore[attr-defined]

    @contextmanager
    def snapshot(self, conn: Conn) -> Iterator[object]:
        if conn.info.transaction_status.name != "IDLE":  # type: ignore[attr-defined]
            yield conn  # inside the caller's transaction already: its snapshot rules
            return
        with conn.transaction():  # type: ignore[attr-defined]
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield conn

    def insert_many(
        self, conn: Conn, table: str, columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]], tail: str = ""
    ) -> None:
        # one statement over column arrays: a round trip per batch, not per row
        if rows:
            names = ", ".join(c for c, _ in columns)
            arrays = ", ".join(f"%s::{t}[]" for _, t in columns)
            params = [list(col) for col in zip(*rows, strict=True)]
            conn.execute(f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}) {tail}", params)

    def band_matches(self, conn: Conn, pairs: Sequence[tuple[int, int]]) -> Iterator[Sequence[Any]]:
        if pairs:
            bands, keys = [p[0] for p in pairs], [p[1] for p in pairs]
            sql = (
                f"{_BAND_MATCHES} JOIN unnest(%s::integer[], %s::bigint[]) AS q (band, key)"
                " ON b.band = q.band AND b.key = q.key"
            )
            yield from conn.execute(sql, (bands, keys))

    def update_many(
        self,
        conn: Conn,
        table: str,
        columns: Sequence[tuple[str, str]],
        key: tuple[str, str],
        rows: Sequence[Sequence[Any]],
        also: str = "",
    ) -> None:
        # one statement over column arrays, as insert_many
        if rows:
            names = [c for c, _ in columns] + [key[0]]
            arrays = ", ".join(f"%s::{t}[]" for _, t in [*columns, key])
            sets = ", ".join(f"{c} = u.{c}" for c, _ in columns) + (f", {also}" if also else "")
            sql = (
                f"UPDATE {table} AS t SET {sets} FROM unnest({arrays}) AS u ({', '.join(names)})"
                f" WHERE t.{key[0]} = u.{key[0]}"
            )
            conn.execute(sql, [list(col) for col in zip(*rows, strict=True)])

    def set_titles(self, conn: Conn, rows: Sequence[tuple[int, str]], replaced: Sequence[int]) -> None:
        titles = [(latin_bare(t), r) for r, t in rows]
        self.update_many(conn, "stories", (("titles", "text"),), ("rowid", "bigint"), titles)

    def title_match(self, terms: Sequence[str]) -> tuple[str, list[Any]]:
        # the same parser on both sides (titles are stems joined by spaces): every stem must be there
        return "FROM stories s WHERE s.tsv @@ plainto_tsquery('simple', %s)", [latin_bare(" ".join(terms))]


def latin_bare(text: str) -> str:
    """Latin letters without their diacritics (``café`` → ``cafe``), as FTS5's ``unicode61`` tokenizer indexes
    them; every other character as it is (Arabic is folded before, by :func:`marsad.text.fold`)."""
    if text.isascii():
        return text
    out: list[str] = []
    for ch in text:
        if ch < "\u0250" and not ch.isascii():  # Latin-1 Supplement and Latin Extended-A/B
            out.append("".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)))
        else:
            out.append(ch)
    return "".join(out)


SQLITE = SqliteDialect()
POSTGRES = PostgresDialect()

__all__ = ["POSTGRES", "SQLITE", "Conn", "Dialect", "PostgresDialect", "SqliteDialect", "latin_bare"]
