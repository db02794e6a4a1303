"""What every route needs: the server's options, the store (serialised behind a lock), request parameters."""

from __future__ import annotations

import calendar
import os
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal, cast

from fastapi import HTTPException, Request
from fastapi import Query as Param

from marsad.models import Analysis, StatementKind
from marsad.settings import Settings
from marsad.store.base import AddResult, ArticleHit, EntitySummary, Page, Query, StatementHit, Store
from marsad.stories import StoryCopy, StoryView

MAX_LIMIT = 100  # the largest page any endpoint returns
MAX_OFFSET = 10_000  # deeper pages are refused: narrow the query instead
STATEMENT_KINDS: tuple[StatementKind, ...] = ("direct", "indirect", "mixed", "headline")


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    try:
        return int(value) if value else default
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """Options of the HTTP server.  ``api_key`` empty means the write endpoints are off."""

    api_key: str = ""
    max_request_bytes: int = 2_000_000
    max_ingest_documents: int = 100
    max_ingest_urls: int = 10
    stats_sample: int = 100  # articles per outlet read for the outlet comparison
    stats_ttl: float = 300.0  # seconds the outlet comparison is cached

    @classmethod
    def from_settings(cls, settings: Settings) -> ServerConfig:
        """From ``Settings`` where it has the fields (``api_key``, ``max_request_bytes``), else the environment."""
        key = getattr(settings, "api_key", None) or os.environ.get("MARSAD_API_KEY", "")
        size = getattr(settings, "max_request_bytes", None) or _env_int("MARSAD_MAX_REQUEST_BYTES", 2_000_000)
        return cls(api_key=str(key or ""), max_request_bytes=int(size))

    @property
    def writable(self) -> bool:
        return bool(self.api_key)


class SerialStore(Store):
    """A store whose calls are made one at a time: a backend need not be safe across request threads."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.url = getattr(inner, "url", "")
        self._lock = threading.RLock()

    def add(self, analyses: Iterable[Analysis]) -> AddResult:
        items = list(analyses)
        with self._lock:
            return self.inner.add(items)

    def has(self, article_id: str) -> bool:
        with self._lock:
            return self.inner.has(article_id)

    def get(self, article_id: str) -> Analysis | None:
        with self._lock:
            return self.inner.get(article_id)

    def count(self) -> dict[str, int]:
        with self._lock:
            return self.inner.count()

    def search_articles(self, query: Query) -> Page[ArticleHit]:
        with self._lock:
            return self.inner.search_articles(query)

    def search_statements(self, query: Query) -> Page[StatementHit]:
        with self._lock:
            return self.inner.search_statements(query)

    def entities(self, name: str | None = None, limit: int = 50, offset: int = 0) -> Page[EntitySummary]:
        with self._lock:
            return self.inner.entities(name, limit, offset)

    def outlets(self) -> list[tuple[str, int]]:
        with self._lock:
            return self.inner.outlets()

    def iter_analyses(self) -> Iterator[Analysis]:
        with self._lock:
            items = list(self.inner.iter_analyses())
        return iter(items)

    def stories(self, text: str = "", limit: int = 20, offset: int = 0, min_outlets: int = 1) -> Page[StoryView]:
        with self._lock:
            return self.inner.stories(text, limit, offset, min_outlets)

    def story(self, story_id: str) -> StoryView | None:
        with self._lock:
            return self.inner.story(story_id)

    def near_duplicates(self, of: str | None = None, limit: int = 50, offset: int = 0) -> Page[StoryCopy]:
        with self._lock:
            return self.inner.near_duplicates(of, limit, offset)

    def close(self) -> None:
        with self._lock:
            self.inner.close()


def get_store(request: Request) -> Store:
    return cast(Store, request.app.state.store)


def get_config(request: Request) -> ServerConfig:
    return cast(ServerConfig, request.app.state.config)


def get_settings(request: Request) -> Settings:
    return cast(Settings, request.app.state.settings)


def refuse_unknown_params(request: Request) -> None:
    """A 400 naming a query parameter a read endpoint does not take: a misspelt filter must not be ignored.
    Writes are left to their own checks, the API key's first."""
    if request.method not in ("GET", "HEAD"):
        return
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = sorted(_query_names(dependant))  # a walk of a few fields: cheaper than caching it safely
    unknown = [name for name in request.query_params if name not in known]
    if unknown:
        takes = ", ".join(known) if known else "no query parameters"
        raise HTTPException(400, f"{unknown[0]}: unknown parameter (this endpoint takes {takes})")


def _query_names(dependant: Any) -> set[str]:
    """The query parameters of a route and of everything it depends on."""
    names = {str(p.alias) for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_day(value: str | None, name: str, *, end: bool) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → ``YYYY-MM-DD`` (the first day, or the last where ``end``)."""
    if value is None or not value.strip():
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise HTTPException(400, f"{name}: expected a date as YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    try:
        if day is None:
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            d = date(year, month, last if end else 1)
        else:
            d = date(year, month, int(day))
    except ValueError:
        raise HTTPException(400, f"{name}: {value!r} is not a date on the calendar") from None
    return d.isoformat()


def build_query(
    what: Literal["statements", "articles"],
    q: str = "",
    speaker: str | None = None,
    entity: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Query:
    """A store ``Query`` from request parameters, or a 400 that says which parameter is wrong."""
    if kind is not None and kind not in STATEMENT_KINDS:
        raise HTTPException(400, f"kind: expected one of {', '.join(STATEMENT_KINDS)}, got {kind!r}")
    if not 1 <= limit <= MAX_LIMIT:
        raise HTTPException(400, f"limit: expected 1 to {MAX_LIMIT}, got {limit}")
    if not 0 <= offset <= MAX_OFFSET:
        raise HTTPException(400, f"offset: expected 0 to {MAX_OFFSET}, got {offset}")
    start = parse_day(since, "since", end=False)
    stop = parse_day(until, "until", end=True)
    if start and stop and start > stop:
        raise HTTPException(400, f"since ({start}) is after until ({stop})")
    return Query(
        text=q.strip(),
        what=what,
        speaker=(speaker or "").strip() or None,
        entity=(entity or "").strip() or None,
        outlet=(outlet or "").strip() or None,
        since=start,
        until=stop,
        kind=cast(StatementKind | None, kind),
        limit=limit,
        offset=offset,
    )


TextParam = Annotated[str, Param(max_length=500, description="Arabic-aware full-text query")]
NameParam = Annotated[str | None, Param(max_length=200)]
DateParam = Annotated[str | None, Param(max_length=10, description="YYYY-MM-DD (or YYYY-MM, YYYY)")]
LimitParam = Annotated[int, Param(ge=1, le=MAX_LIMIT, description=f"page size, at most {MAX_LIMIT}")]
OffsetParam = Annotated[int, Param(ge=0, le=MAX_OFFSET, description="items to skip")]
KindParam = Annotated[StatementKind | None, Param(description="statement kind")]
