"""marsad (مرصد): an observatory for Arabic news — who said what, about whom, when, and how
each outlet frames it.

The typed Python API::

    import marsad
    for article in marsad.read("news.jsonl.gz"):
        analysis = marsad.analyse(article)
    store = marsad.open_store("sqlite:///marsad.db")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.api import analyse, extract, read
from marsad.errors import Refusal, Skip
from marsad.models import Analysis, Article
from marsad.settings import Settings

if TYPE_CHECKING:
    from marsad.store.base import Store

__version__ = "0.1.0"


def open_store(url: str | None = None, settings: Settings | None = None) -> Store:
    """Open (creating and migrating) the store at ``url`` (``sqlite:///path.db`` or ``postgresql://…``)."""
    from marsad.store import open_store as _open

    return _open(url, settings)


__all__ = ["Analysis", "Article", "Refusal", "Settings", "Skip", "analyse", "extract", "open_store", "read"]
