"""The Python API: what the CLI, the HTTP API and the Dask jobs call."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from marsad.errors import Refusal
from marsad.ingest import read as _read
from marsad.models import Analysis, Article
from marsad.nlp import analyse as _analyse
from marsad.settings import Settings


def read(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], settings: Settings | None = None
) -> Iterator[Article | Refusal]:
    """Articles (and refusals) from files, folders, URLs or ``-``."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    return _read(inputs, settings)


def analyse(article: Article) -> Analysis:
    """Entities, statements, dates and framing of one article."""
    return _analyse(article)


def extract(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], settings: Settings | None = None
) -> Iterator[Analysis | Refusal]:
    """``read`` then ``analyse``: what ``marsad extract`` prints."""
    for item in read(inputs, settings):
        yield item if isinstance(item, Refusal) else analyse(item)
