"""``POST /api/ingest``: documents (JSON records) and URLs, analysed and stored."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from marsad.api import analyse, read
from marsad.errors import Refusal, Skip
from marsad.extract import extract
from marsad.ingest.jsonl import record_to_raw
from marsad.models import Analysis, Article
from marsad.settings import Settings
from marsad.store.base import Store


class IngestDocument(BaseModel):
    """One article record: the fields of a JSONL record of CONTRACT.md."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=40)
    title: str | None = Field(None, max_length=2000)
    text: str = Field(min_length=1)


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[IngestDocument] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list, description="http(s) pages or feeds, fetched by marsad.read")

    @field_validator("urls")
    @classmethod
    def _http_only(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not url.lower().startswith(("http://", "https://")) or len(url) > 2000:
                raise ValueError(f"only http:// and https:// URLs can be ingested, got {url[:100]!r}")
        return urls


def _analyse_into(article: Article, source: str, analyses: list[Analysis], refused: list[dict[str, str]]) -> None:
    try:
        analyses.append(analyse(article))
    except Exception as e:  # one document that breaks an analyser is refused, the others go on
        refused.append({"source": source, "reason": f"could not analyse ({type(e).__name__})"})


def ingest(body: IngestRequest, store: Store, settings: Settings) -> dict[str, Any]:
    """Analyse and store everything in ``body``; refusals are reported one by one, never fatal."""
    analyses: list[Analysis] = []
    refused: list[dict[str, str]] = []
    for n, doc in enumerate(body.documents):
        source = f"documents[{n}]"
        try:
            article = extract(record_to_raw(doc.model_dump(), source))
        except Skip as e:
            refused.append({"source": source, "reason": e.reason})
            continue
        _analyse_into(article, source, analyses, refused)
    if body.urls:
        try:
            items = list(read(body.urls, settings))
        except Exception as e:  # the reader is best effort: a failure refuses the URLs, not the request
            items = [Refusal(url, f"could not read ({type(e).__name__})") for url in body.urls]
        for item in items:
            if isinstance(item, Refusal):
                refused.append({"source": item.source, "reason": item.reason})
            else:
                _analyse_into(item, item.source or item.url or "url", analyses, refused)
    result = store.add(analyses)
    return {
        "stored": result.stored,
        "duplicates": result.duplicates,
        "duplicate_ids": result.duplicate_ids,
        "ids": [a.article.id for a in analyses],
        "refused": refused,
    }
