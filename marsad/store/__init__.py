"""Storage: :func:`open_store` turns a database URL into a :class:`~marsad.store.base.Store`.

``sqlite:///path.db`` (the default, ``Settings.db``), ``sqlite:///:memory:``, or a plain file path;
``postgresql://user:pass@host:port/db`` opens the PostgreSQL backend (:mod:`marsad.store.postgres`).
"""

from __future__ import annotations

from marsad.errors import MarsadError
from marsad.settings import Settings
from marsad.store.base import AddResult, ArticleHit, EntitySummary, Page, Query, StatementHit, Store


class StoreURLError(MarsadError):
    """A database URL that marsad cannot open (a usage error)."""


def sqlite_path(url: str) -> str:
    """The file path of a ``sqlite:///`` URL (``sqlite:////abs/path.db`` for an absolute path)."""
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///") :]
    elif url.startswith("sqlite://"):
        path = url[len("sqlite://") :]
    else:
        path = url
    path = path.split("?", 1)[0]
    if not path:
        raise StoreURLError(f"no file path in database URL {url!r} (write sqlite:///path.db)")
    return path


def open_store(url: str | None = None, settings: Settings | None = None) -> Store:
    """Open (and create or migrate) the store at ``url``, default ``settings.db``."""
    settings = settings or Settings.from_env()
    url = url or settings.db
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme in ("postgresql", "postgres") or scheme.startswith("postgresql+"):
        from marsad.store.postgres import PostgresStore

        return PostgresStore(url.replace("postgresql+psycopg://", "postgresql://", 1), settings)
    if scheme not in ("", "sqlite"):
        raise StoreURLError(f"unknown database URL scheme {scheme!r}: use sqlite:///path.db or postgresql://…")
    from marsad.store.sqlite import SqliteStore

    return SqliteStore(sqlite_path(url), settings, url=url if scheme else f"sqlite:///{url}")


__all__ = [
    "AddResult",
    "ArticleHit",
    "EntitySummary",
    "Page",
    "Query",
    "StatementHit",
    "Store",
    "StoreURLError",
    "open_store",
    "sqlite_path",
]
