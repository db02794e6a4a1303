"""Store results as JSON-ready dicts (articles themselves use ``Analysis.to_dict``, the contract's document)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TypeVar

from marsad.store.base import ArticleHit, EntitySummary, Page, StatementHit

T = TypeVar("T")


def page_dict(page: Page[T], item: Callable[[T], dict[str, Any]]) -> dict[str, Any]:
    """``items``, ``total``, ``total_capped`` (true: the total is 10,000 or more, searches count no further),
    ``limit``, ``offset`` and ``next_offset`` (null on the last page)."""
    following = page.offset + len(page.items)
    return {
        "items": [item(x) for x in page.items],
        "total": page.total,
        "total_capped": page.total_capped,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": following if following < page.total and page.items else None,
    }


def article_hit(hit: ArticleHit) -> dict[str, Any]:
    return asdict(hit)


def statement_hit(hit: StatementHit) -> dict[str, Any]:
    return {
        "article_id": hit.article_id,
        "index": hit.index,
        "title": hit.title,
        "outlet": hit.outlet,
        "published": hit.published,
        **hit.statement.to_dict(),
    }


def entity_summary(e: EntitySummary) -> dict[str, Any]:
    return asdict(e)
