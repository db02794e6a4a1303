"""The JSON API under ``/api``: articles, statements, entities, speakers, outlets, search, ingest, health."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Request, Response
from fastapi import Query as QueryParam
from fastapi.responses import JSONResponse

import marsad
from marsad.server import serialize
from marsad.server.deps import (
    DateParam,
    KindParam,
    LimitParam,
    NameParam,
    OffsetParam,
    ServerConfig,
    TextParam,
    build_query,
    get_config,
    get_settings,
    get_store,
    refuse_unknown_params,
)
from marsad.server.ingest import IngestRequest, ingest
from marsad.server.security import require_api_key
from marsad.server.stats import OutletComparison, kind_counts, outlet_counts, statements_sample, timeline
from marsad.settings import Settings
from marsad.store.base import Query, Store


def json_response(content: dict[str, Any]) -> JSONResponse:
    """The document as JSON as it is: the store's documents are JSON types already, so FastAPI's encoder (about
    ten times the cost of reading an article from the store) is skipped."""
    return JSONResponse(content)


router = APIRouter(prefix="/api", dependencies=[Depends(refuse_unknown_params)])
StoreDep = Annotated[Store, Depends(get_store)]
ConfigDep = Annotated[ServerConfig, Depends(get_config)]
NamePath = Annotated[str, Path(min_length=1, max_length=200)]


@router.get("/health", tags=["meta"], summary="Liveness and the store's counts")
def health(store: StoreDep, config: ConfigDep) -> JSONResponse:
    return json_response(
        {"status": "ok", "version": marsad.__version__, "counts": store.count(), "writable": config.writable}
    )


@router.get("/search", tags=["search"], summary="Search statements or articles (Arabic-aware)")
def search(
    store: StoreDep,
    what: Literal["statements", "articles"] = "statements",
    q: TextParam = "",
    speaker: NameParam = None,
    entity: NameParam = None,
    outlet: NameParam = None,
    since: DateParam = None,
    until: DateParam = None,
    kind: KindParam = None,
    limit: LimitParam = 20,
    offset: OffsetParam = 0,
) -> JSONResponse:
    query = build_query(what, q, speaker, entity, outlet, since, until, kind, limit, offset)
    if what == "articles":
        return json_response({"what": what, **serialize.page_dict(store.search_articles(query), serialize.article_hit)})
    return json_response({"what": what, **serialize.page_dict(store.search_statements(query), serialize.statement_hit)})


@router.get("/statements", tags=["statements"], summary="Statements: who said what, filtered")
def statements(
    store: StoreDep,
    q: TextParam = "",
    speaker: NameParam = None,
    entity: NameParam = None,
    outlet: NameParam = None,
    since: DateParam = None,
    until: DateParam = None,
    kind: KindParam = None,
    limit: LimitParam = 20,
    offset: OffsetParam = 0,
) -> JSONResponse:
    query = build_query("statements", q, speaker, entity, outlet, since, until, kind, limit, offset)
    return json_response(serialize.page_dict(store.search_statements(query), serialize.statement_hit))


@router.get("/articles", tags=["articles"], summary="Articles, filtered")
def articles(
    store: StoreDep,
    q: TextParam = "",
    speaker: NameParam = None,
    entity: NameParam = None,
    outlet: NameParam = None,
    since: DateParam = None,
    until: DateParam = None,
    limit: LimitParam = 20,
    offset: OffsetParam = 0,
) -> JSONResponse:
    query = build_query("articles", q, speaker, entity, outlet, since, until, None, limit, offset)
    return json_response(serialize.page_dict(store.search_articles(query), serialize.article_hit))


@router.get("/articles/{article_id:path}", tags=["articles"], summary="One article with its analysis (CONTRACT.md)")
def article(store: StoreDep, article_id: Annotated[str, Path(min_length=1, max_length=300)]) -> JSONResponse:
    analysis = store.get(article_id)
    if analysis is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return json_response(analysis.to_dict())


@router.get("/entities", tags=["entities"], summary="Entities with their aliases and counts")
def entities(
    store: StoreDep,
    name: NameParam = None,
    q: Annotated[str | None, QueryParam(max_length=200, description="the same as name, like the other lists")] = None,
    limit: LimitParam = 20,
    offset: OffsetParam = 0,
) -> JSONResponse:
    page = store.entities((name or q or "").strip() or None, limit, offset)
    return json_response(serialize.page_dict(page, serialize.entity_summary))


@router.get("/entities/{name:path}", tags=["entities"], summary="One entity: aliases, statements by it and about it")
def entity(store: StoreDep, name: NamePath, limit: LimitParam = 20, offset: OffsetParam = 0) -> JSONResponse:
    found = find_entity(store, name)
    if found is None:
        raise HTTPException(404, f"no entity named {name!r}")
    by = store.search_statements(Query(speaker=found.canonical, limit=limit, offset=offset))
    about = store.search_statements(Query(entity=found.canonical, limit=limit, offset=offset))
    return json_response(
        {
            **serialize.entity_summary(found),
            "statements_by": serialize.page_dict(by, serialize.statement_hit),
            "statements_about": serialize.page_dict(about, serialize.statement_hit),
        }
    )


def find_entity(store: Store, name: str) -> Any:
    """The entity whose canonical name (else an alias) is ``name``, else the store's best match."""
    page = store.entities(name, 20, 0)
    for e in page.items:
        if e.canonical == name:
            return e
    for e in page.items:
        if name in e.aliases:
            return e
    return page.items[0] if page.items else None


@router.get("/speakers/{name:path}", tags=["statements"], summary="A speaker: statements, timeline, outlets quoting")
def speaker(store: StoreDep, name: NamePath, limit: LimitParam = 20, offset: OffsetParam = 0) -> JSONResponse:
    page = store.search_statements(Query(speaker=name, limit=limit, offset=offset))
    if page.total == 0:
        raise HTTPException(404, f"no statements by a speaker named {name!r}")
    sample, total = statements_sample(store, Query(speaker=name))
    unit, periods = timeline(sample)
    return json_response(
        {
            "name": name,
            "statements": serialize.page_dict(page, serialize.statement_hit),
            "sampled": len(sample),
            "total": total,
            "total_capped": page.total_capped,
            "kinds": kind_counts(sample),
            "timeline": {"unit": unit, "periods": [{"period": p, "count": c} for p, c in periods]},
            "outlets": [{"outlet": o, "count": c} for o, c in outlet_counts(sample)],
        }
    )


@router.get("/outlets", tags=["outlets"], summary="Outlets and their article counts")
def outlets(store: StoreDep) -> JSONResponse:
    return json_response({"items": [{"outlet": o, "articles": n} for o, n in store.outlets()]})


@router.get("/outlets/compare", tags=["outlets"], summary="Statements and framing markers compared across outlets")
def outlets_compare(request: Request, store: StoreDep) -> JSONResponse:
    comparison: OutletComparison = request.app.state.comparison
    return json_response({"items": [s.as_dict() for s in comparison.get(store)]})


@router.get("/stories", tags=["stories"], summary="Stories across outlets, newest first; q searches their titles")
def stories(
    store: StoreDep,
    q: TextParam = "",
    min_outlets: Annotated[int, QueryParam(ge=1, le=50)] = 1,
    limit: LimitParam = 20,
    offset: OffsetParam = 0,
) -> JSONResponse:
    with _stories_kept():
        return json_response(serialize.page_dict(store.stories(q, limit, offset, min_outlets), asdict))


@router.get(
    "/stories/{story_id:path}", tags=["stories"], summary="One story: its articles, statements per outlet, copies"
)
def story(store: StoreDep, story_id: Annotated[str, Path(min_length=1, max_length=300)]) -> JSONResponse:
    with _stories_kept():
        found = store.story(story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return json_response(asdict(found))


@router.get("/duplicates", tags=["stories"], summary="Near-copies that were not stored, and what they copy")
def duplicates(
    store: StoreDep,
    of: Annotated[str | None, QueryParam(max_length=300)] = None,
    limit: LimitParam = 20,
    offset: OffsetParam = 0,
) -> JSONResponse:
    with _stories_kept():
        return json_response(serialize.page_dict(store.near_duplicates(of, limit, offset), asdict))


@contextmanager
def _stories_kept() -> Iterator[None]:
    """A store that keeps no stories answers 501, not 500."""
    try:
        yield
    except NotImplementedError as e:
        raise HTTPException(501, str(e)) from None


@router.post(
    "/ingest",
    tags=["ingest"],
    summary="Analyse and store documents or URLs (needs the API key)",
    dependencies=[Depends(require_api_key)],
)
def ingest_route(
    request: Request,
    body: IngestRequest,
    response: Response,
    store: StoreDep,
    config: ConfigDep,
    settings: Annotated[Settings, Depends(get_settings)],
) -> dict[str, Any]:
    if not body.documents and not body.urls:
        raise HTTPException(400, "nothing to ingest: send documents or urls")
    if len(body.documents) > config.max_ingest_documents:
        raise HTTPException(413, f"too many documents: at most {config.max_ingest_documents} a request")
    if len(body.urls) > config.max_ingest_urls:
        raise HTTPException(413, f"too many urls: at most {config.max_ingest_urls} a request")
    result = ingest(body, store, settings)
    response.status_code = 201 if result["stored"] else 200
    if result["stored"]:
        request.app.state.cache.clear()  # the search page's facets count the new articles at once
    return result
