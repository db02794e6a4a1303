"""Numbered PostgreSQL migrations (``migrations/postgres/NNN_name.sql``), each applied in its own
transaction and recorded in ``schema_migrations``; an advisory lock makes concurrent openers wait."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import psycopg

_NAME_RE = re.compile(r"^(\d{3})_(\w+)\.sql$")
_LOCK_KEY = 0x6D617273  # "mars": one advisory lock for schema changes


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every PostgreSQL migration shipped with marsad, in version order."""
    folder = resources.files("marsad.store.migrations.postgres")
    found: list[Migration] = []
    for entry in folder.iterdir():
        m = _NAME_RE.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text("utf-8")))
    found.sort(key=lambda x: x.version)
    versions = [x.version for x in found]
    if len(set(versions)) != len(versions):
        raise ValueError(f"two PostgreSQL migrations share a number: {versions}")
    return found


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
