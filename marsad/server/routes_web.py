"""The web pages: server-rendered, right to left, no JavaScript needed."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi import Query as Param
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.templating import Jinja2Templates

from marsad.server import plots
from marsad.server.deps import MAX_OFFSET, build_query, get_store, parse_day
from marsad.server.highlight import SpeakerColours, marks_of, render, speaker_key
from marsad.server.routes_api import find_entity
from marsad.server.stats import (
    MARKERS,
    OutletComparison,
    TtlCache,
    kind_counts,
    outlet_counts,
    statements_sample,
    timeline,
)
from marsad.store.base import Query, Store

TEMPLATES = Path(__file__).resolve().parents[1] / "web" / "templates"
PAGE_SIZE = 20
FACET_SAMPLE = 100

KIND_AR = {"direct": "مباشر", "indirect": "غير مباشر", "mixed": "مختلط", "headline": "في العنوان"}
TYPE_AR = {"PER": "شخص", "ORG": "منظمة", "GPE": "دولة / كيان سياسي", "LOC": "مكان", "EVENT": "حدث", "MISC": "أخرى"}
MARKER_AR = {"scare-quotes": "علامات تنصيص تشكيكية", "loaded-term": "مصطلح مشحون", "honorific": "لقب تفخيم"}


def _day(value: str | None) -> str:
    return (value or "")[:10]


def _pathpart(value: str) -> str:
    return quote(str(value), safe="")


def _safe_url(value: str | None) -> str | None:
    """Only http(s) links are shown: an article's URL could be ``javascript:``."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def make_templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    env.globals.update(KIND_AR=KIND_AR, TYPE_AR=TYPE_AR, MARKER_AR=MARKER_AR, MARKERS=MARKERS)
    env.filters.update(day=_day, pathpart=_pathpart, safe_url=_safe_url)
    return Jinja2Templates(env=env)


templates = make_templates()
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
StoreDep = Annotated[Store, Depends(get_store)]
Text = Annotated[str, Param(max_length=500)]
Opt = Annotated[str | None, Param(max_length=200)]
Offset = Annotated[int, Param(ge=0, le=MAX_OFFSET)]


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status)


def link(path: str, params: dict[str, Any]) -> str:
    """``path`` with the non-empty ``params`` as a query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "", 0)}
    return f"{path}?{urlencode(kept)}" if kept else path


def total_label(total: int, capped: bool = False) -> str:
    """A hit count as shown: ``10,000+`` when the store stopped counting there."""
    return f"{total:,}+" if capped else str(total)


def pager(
    base: str, params: dict[str, Any], total: int, offset: int, size: int = PAGE_SIZE, capped: bool = False
) -> dict[str, Any]:
    return {
        "prev": link(base, {**params, "offset": max(0, offset - size)}) if offset > 0 else None,
        "next": link(base, {**params, "offset": offset + size}) if offset + size < total else None,
        "first": offset + 1 if total else 0,
        "last": min(total, offset + size),
        "total": total,
        "total_label": total_label(total, capped),
    }


@router.get("/")
def search_page(
    request: Request,
    store: StoreDep,
    q: Text = "",
    what: Literal["statements", "articles"] = "statements",
    speaker: Opt = None,
    entity: Opt = None,
    outlet: Opt = None,
    since: Opt = None,
    until: Opt = None,
    kind: Opt = None,
    offset: Offset = 0,
) -> HTMLResponse:
    if what == "articles":
        kind = None
    params: dict[str, Any] = dict(
        q=q, what=what, speaker=speaker, entity=entity, outlet=outlet, since=since, until=until, kind=kind
    )
    query = build_query(what, q, speaker, entity, outlet, since, until, kind or None, PAGE_SIZE, offset)
    sample_query = replace(query, limit=FACET_SAMPLE, offset=0)
    cache: TtlCache = request.app.state.cache
    facets: dict[str, list[tuple[str, int, str, bool]]] = {}
    if what == "articles":
        result: Any = store.search_articles(query)
        sample: list[Any] = cache.get(sample_query, lambda: store.search_articles(sample_query).items)
    else:
        result = store.search_statements(query)
        sample = cache.get(sample_query, lambda: store.search_statements(sample_query).items)
        speakers = Counter(speaker_key(h.statement) for h in sample if speaker_key(h.statement))
        facets["speaker"] = _facet(speakers, "speaker", params, speaker)
        facets["kind"] = _facet(Counter(h.statement.kind for h in sample), "kind", params, kind)
    facets["outlet"] = _facet(Counter(h.outlet for h in sample if h.outlet), "outlet", params, outlet)
    months = Counter(_day(h.published)[:7] for h in sample if h.published)
    month_facets = (_month_facet(m, n, params, query) for m, n in sorted(months.items(), reverse=True))
    facets["month"] = [f for f in month_facets if f][:12]
    return page(
        request,
        "search.html",
        params=params,
        result=result,
        facets=facets,
        sampled=len(sample),
        total_label=total_label(result.total, result.total_capped),
        pager=pager("/", params, result.total, offset, capped=result.total_capped),
        outlets=cache.get("outlets", store.outlets),
    )


def _month_facet(month: str, n: int, params: dict[str, Any], query: Query) -> tuple[str, int, str, bool] | None:
    """A month as a date range of whole days (what the form's date fields show); choosing it again clears it.
    None for a stored date that is no month on the calendar."""
    try:
        first, last = parse_day(month, "month", end=False), parse_day(month, "month", end=True)
    except HTTPException:
        return None
    on = query.since == first and query.until == last
    chosen = {"since": None, "until": None} if on else {"since": first, "until": last}
    return month, n, link("/", {**params, **chosen, "offset": 0}), on


def _facet(counts: Counter[Any], name: str, params: dict[str, Any], current: str | None) -> list[Any]:
    return [
        (value, n, link("/", {**params, name: None if value == current else value, "offset": 0}), value == current)
        for value, n in counts.most_common(10)
    ]


@router.get("/article/{article_id:path}")
def article_page(request: Request, store: StoreDep, article_id: str) -> HTMLResponse:
    analysis = store.get(article_id)
    if analysis is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    colours = SpeakerColours(analysis.statements)
    art = analysis.article
    title_html = render(art.title or "", marks_of(analysis, "title", colours))
    text_html = render(art.text, marks_of(analysis, "text", colours))
    legend = [(name or "مصدر غير مسمّى", f"spk-{i}") for name, i in colours.index.items()]
    types = sorted({e.type for e in analysis.entities})
    markers = sorted({f.marker for f in analysis.framing})
    return page(
        request,
        "article.html",
        a=analysis,
        art=art,
        title_html=title_html,
        text_html=text_html,
        legend=legend,
        types=types,
        markers=markers,
        colours=colours,
        speaker_key=speaker_key,
    )


@router.get("/speaker/{name:path}")
def speaker_page(request: Request, store: StoreDep, name: str, offset: Offset = 0) -> HTMLResponse:
    result = store.search_statements(Query(speaker=name, limit=PAGE_SIZE, offset=offset))
    if result.total == 0:
        raise HTTPException(404, f"no statements by a speaker named {name!r}")
    sample, total = statements_sample(store, Query(speaker=name))
    unit, periods = timeline(sample)
    kinds = kind_counts(sample)
    return page(
        request,
        "speaker.html",
        name=name,
        result=result,
        sampled=len(sample),
        total=total,
        total_label=total_label(total, result.total_capped),
        unit=unit,
        timeline_svg=plots.column_chart(periods, f"تصريحات {name} عبر الزمن"),
        outlets_svg=plots.bar_chart([(o, float(c)) for o, c in outlet_counts(sample)[:12]], "الوسائل الناقلة"),
        kinds=kinds,
        entity=find_entity(store, name),
        pager=pager(f"/speaker/{_pathpart(name)}", {}, result.total, offset, capped=result.total_capped),
    )


@router.get("/entity/{name:path}")
def entity_page(request: Request, store: StoreDep, name: str) -> HTMLResponse:
    found = find_entity(store, name)
    if found is None:
        raise HTTPException(404, f"no entity named {name!r}")
    by = store.search_statements(Query(speaker=found.canonical, limit=PAGE_SIZE))
    mentioning = store.search_statements(Query(entity=found.canonical, limit=FACET_SAMPLE))
    # statements that name the entity, less those it speaks itself (they are listed beside)
    about = [h for h in mentioning.items if speaker_key(h.statement) != found.canonical]
    more = mentioning.total > len(mentioning.items)
    return page(
        request, "entity.html", e=found, by=by, about=about[:PAGE_SIZE], about_more=more or len(about) > PAGE_SIZE
    )


@router.get("/outlets")
def outlets_page(request: Request, store: StoreDep) -> HTMLResponse:
    comparison: OutletComparison = request.app.state.comparison
    stats = comparison.get(store)
    kinds = ["direct", "indirect", "mixed", "headline"]
    charts = {
        "articles": plots.bar_chart([(s.outlet, float(s.articles)) for s in stats], "عدد المقالات"),
        "statements": plots.bar_chart(
            [(s.outlet, s.per_article(s.statements)) for s in stats], "تصريحات لكل مقال", "bar alt"
        ),
        "framing": plots.bar_chart(
            [(s.outlet, s.per_article(sum(s.markers.values()))) for s in stats], "مؤشرات تأطير لكل مقال", "bar warm"
        ),
        "kinds": plots.stacked_chart(
            [(s.outlet, [float(s.kinds.get(k, 0)) for k in kinds]) for s in stats],
            [KIND_AR[k] for k in kinds],
            "أنواع التصريحات",
            width=1100,
        ),
        "markers": plots.stacked_chart(
            [(s.outlet, [float(s.markers.get(m, 0)) for m in MARKERS]) for s in stats],
            [MARKER_AR[m] for m in MARKERS],
            "أنواع مؤشرات التأطير",
        ),
    }
    return page(request, "outlets.html", stats=stats, charts=charts, kinds=kinds, sample=comparison.sample)
