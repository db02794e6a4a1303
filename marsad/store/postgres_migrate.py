"""Numbered PostgreSQL migrations (``migrations/postgres/NNN_name.sql``), each applied in its own
transaction and recorded in ``schema_migrations``; an advisory lock makes concurrent openers wait."""

from __future__ import annotations

from dataclasses import dataclass

import psycopg

from marsad.store.migration_files import read_migrations

_LOCK_KEY = 0x6D617273  # "mars": one advisory lock for schema changes


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every PostgreSQL migration shipped with marsad, in version order."""
    return [Migration(*m) for m in read_migrations("marsad.store.migrations.postgres", "PostgreSQL")]


def migrate(conn: psycopg.Connection, available: list[Migration] | None = None) -> list[int]:
    """Apply the migrations not applied yet (``conn`` in autocommit mode); returns the versions applied now.

    Each migration and its ``schema_migrations`` row commit together: a failing one leaves no trace."""
    todo = available if available is not None else migrations()
    now: list[int] = []
    conn.execute("SELECT pg_advisory_lock(%s)", (_LOCK_KEY,))
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        done = {int(r[0]) for r in conn.execute("SELECT version FROM schema_migrations")}
        for mig in todo:
            if mig.version in done:
                continue
            with conn.transaction():
                conn.execute(mig.sql.encode("utf-8"))  # several statements: simple query protocol, no params
                conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (mig.version, mig.name))
            now.append(mig.version)
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (_LOCK_KEY,))
    return now
