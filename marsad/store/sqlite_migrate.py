"""Numbered SQLite migrations (``migrations/sqlite/NNN_name.sql``), each applied in its own transaction
and recorded in ``schema_migrations``; safe when two processes open a new database at once."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from marsad.store.migration_files import read_migrations


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """The migration's statements, one by one (``executescript`` would commit in the middle)."""
        out: list[str] = []
        buf = ""
        for line in self.sql.splitlines(keepends=True):
            if not buf and (not line.strip() or line.lstrip().startswith("--")):
                continue
            buf += line
            if sqlite3.complete_statement(buf):
                out.append(buf.strip())
                buf = ""
        if buf.strip():
            raise ValueError(f"migration {self.version:03d}_{self.name}: incomplete statement at the end")
        return out


def migrations() -> list[Migration]:
    """Every SQLite migration shipped with marsad, in version order."""
    return [Migration(*m) for m in read_migrations("marsad.store.migrations.sqlite", "SQLite")]


def applied(conn: sqlite3.Connection) -> set[int]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
    )
    return {int(r[0]) for r in conn.execute("SELECT version FROM schema_migrations")}


def migrate(conn: sqlite3.Connection, available: list[Migration] | None = None) -> list[int]:
    """Apply the migrations not applied yet; returns the versions applied now.

    ``conn`` must be in autocommit mode (``isolation_level=None``).  Each migration runs inside
    ``BEGIN IMMEDIATE … COMMIT``: a failing one leaves the schema as it was before it."""
    todo = available if available is not None else migrations()
    done = applied(conn)
    now: list[int] = []
    for mig in todo:
        if mig.version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # another process may have applied it while we waited for the lock
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (mig.version,)).fetchone():
                conn.execute("COMMIT")
                continue
            for stmt in mig.statements():
                conn.execute(stmt)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (mig.version, mig.name))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        now.append(mig.version)
    return now
