"""The store interface: the only contract between storage backends and everything above them.

SQLite (default) and PostgreSQL implement :class:`Store`; the CLI, the HTTP API, reports and
exports talk to this interface only.  SQL lives under ``marsad/store/`` and nowhere else.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from marsad.models import Analysis, Statement, StatementKind

if TYPE_CHECKING:  # marsad.stories imports marsad.search, which imports this package
    from marsad.stories import StoryCopy, StoryView

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Query:
    """A search.  ``text`` is matched Arabic-aware (spelling variants, diacritics, clitics);
    every other field filters.  Dates are ISO ``YYYY-MM-DD`` compared with the publication date."""

    text: str = ""
    what: Literal["statements", "articles"] = "statements"
    speaker: str | None = None
    entity: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    kind: StatementKind | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ArticleHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    snippet: str  # a short piece of the text around the match, as written


@dataclass(frozen=True, slots=True)
class StatementHit:
    article_id: str
    index: int  # position of the statement in its article's `statements`
    title: str | None
    outlet: str | None
    published: str | None
    statement: Statement


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of hits.  ``total`` counts the hits; searches count at most 10,000 and then set
    ``total_capped`` (the total is "10,000 or more")."""

    items: list[T]
    total: int
    limit: int
    offset: int
    total_capped: bool = False


@dataclass(frozen=True, slots=True)
class EntitySummary:
    canonical: str
    type: str
    aliases: list[str]
    articles: int
    statements: int  # statements spoken by it


@dataclass(frozen=True, slots=True)
class AddResult:
    stored: int = 0
    duplicates: int = 0
    duplicate_ids: list[str] = field(default_factory=list)


class Store(ABC):
    """Analyses in, searches out.  Adding is idempotent: the same article (same id, canonical
    URL or normalised text) is stored once; each ``add`` call is one transaction."""

    url: str

    @abstractmethod
    def add(self, analyses: Iterable[Analysis]) -> AddResult: ...

    @abstractmethod
    def has(self, article_id: str) -> bool: ...

    def preparer(self) -> Callable[[Analysis], Any] | None:
        """A picklable function doing the part of ``add`` that needs no database (JSON, index text), so
        that ingest can run it in worker processes and hand its results to :meth:`add_prepared`;
        None when the backend has no such part."""
        return None

    def add_prepared(self, prepared: list[Any]) -> AddResult:
        """``add`` for what :meth:`preparer`'s function made (only called when it is not None)."""
        raise NotImplementedError

    def stored_ids(self, article_ids: Iterable[str]) -> set[str]:
        """Which of ``article_ids`` are stored (ingest asks before analysing; backends answer in one query)."""
        return {i for i in article_ids if self.has(i)}

    @abstractmethod
    def get(self, article_id: str) -> Analysis | None: ...

    @abstractmethod
    def count(self) -> dict[str, int]:
        """Counts of articles, statements, entities, dates, framing markers."""

    @abstractmethod
    def search_articles(self, query: Query) -> Page[ArticleHit]: ...

    @abstractmethod
    def search_statements(self, query: Query) -> Page[StatementHit]: ...

    @abstractmethod
    def entities(self, name: str | None = None, limit: int = 50, offset: int = 0) -> Page[EntitySummary]: ...

    @abstractmethod
    def outlets(self) -> list[tuple[str, int]]:
        """``(outlet, articles)`` pairs, most articles first."""

    @abstractmethod
    def iter_analyses(self) -> Iterator[Analysis]:
        """Every stored analysis, in a stable order (exports)."""

    def stories(self, text: str = "", limit: int = 20, offset: int = 0, min_outlets: int = 1) -> Page[StoryView]:
        """Stories (articles about one event across outlets), newest first; ``text`` searches their titles;
        ``min_outlets=2`` keeps those reported by two outlets or more.  Each lists its articles, the
        statements each outlet carried and the near-copies that were not stored."""
        raise NotImplementedError(f"{type(self).__name__} keeps no stories")

    def story(self, story_id: str) -> StoryView | None:
        raise NotImplementedError(f"{type(self).__name__} keeps no stories")

    def near_duplicates(self, of: str | None = None, limit: int = 50, offset: int = 0) -> Page[StoryCopy]:
        """Articles not stored because they copy a stored one (``of``: that article's id), newest first."""
        raise NotImplementedError(f"{type(self).__name__} keeps no near-duplicates")

    def merge_entities(self, a: str, b: str) -> int:
        """Make the entity named ``a`` one with the entity named ``b`` (across articles; later ingests
        follow); returns how many entity keys moved.  Raises LookupError for a name not stored."""
        raise NotImplementedError(f"{type(self).__name__} keeps no entity aliases")

    def split_entity(self, name: str) -> int:
        """Take the entity named ``name`` out of any merge (kept for later ingests); returns how many
        entity keys left a merged entity.  Raises LookupError for a name not stored."""
        raise NotImplementedError(f"{type(self).__name__} keeps no entity aliases")

    def entity_aliases(self, name: str) -> list[str]:
        """The canonical names of the entity ``name`` stands for, merged names included, most used first."""
        raise NotImplementedError(f"{type(self).__name__} keeps no entity aliases")

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
