"""``create_app``: the FastAPI application over one store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import marsad
from marsad.server import routes_api, routes_web
from marsad.server.deps import SerialStore, ServerConfig
from marsad.server.security import BodyLimit, SecurityHeaders
from marsad.server.stats import OutletComparison, TtlCache
from marsad.settings import Settings
from marsad.store.base import Store

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"
SWAGGER = "/static/vendor/swagger-ui"
API_GUIDE = """\
Every list answers `{items, total, total_capped, limit, offset, next_offset}`: pass `next_offset` back as
`offset` for the next page (null on the last); pages are in a stable order. `limit` is 1 to 100.

Dates are `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (`since` takes the first day, `until` the last).

Errors are JSON `{"detail": "..."}` naming the parameter at fault: 400 for a bad date or an unknown
parameter (a misspelt filter is refused, never ignored), 422 for a value of the wrong type or range (with
`errors: [{location, message}]`), 404 for what does not exist.

`POST /api/ingest` needs the server's API key (`MARSAD_API_KEY`) in the `X-API-Key` header: 401 without it,
403 when the server has none configured.
"""
ERROR_TITLES = {400: "طلب غير صالح", 404: "غير موجود", 405: "طريقة غير مسموحة", 422: "معطيات غير صالحة"}


def create_app(
    store: Store | str | None = None, settings: Settings | None = None, config: ServerConfig | None = None
) -> FastAPI:
    """The app over ``store`` (a Store, or a URL opened at startup and closed at shutdown; default ``settings.db``)."""
    settings = settings or Settings.from_env()
    config = config or ServerConfig.from_settings(settings)
    owned = not isinstance(store, Store)
    opened: Store | None = None if owned else SerialStore(store)  # type: ignore[arg-type]

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if owned:
            app.state.store = SerialStore(marsad.open_store(store or settings.db, settings))  # type: ignore[arg-type]
        try:
            yield
        finally:
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="marsad",
        version=marsad.__version__,
        summary="Arabic news observatory: who said what, about whom, when, and how each outlet frames it.",
        description=API_GUIDE,
        lifespan=lifespan,
        docs_url=None,  # served below from the package's own copy of Swagger UI: works offline
        redoc_url=None,
    )

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="marsad API",
            swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER}/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    app.state.store = opened
    app.state.settings = settings
    app.state.config = config
    app.state.comparison = OutletComparison(config.stats_sample, config.stats_ttl)
    app.state.cache = TtlCache(ttl=60.0)  # facet samples of the search page
    app.include_router(routes_api.router)
    app.include_router(routes_web.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(StarletteHTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, validation_error)  # type: ignore[arg-type]
    app.add_middleware(BodyLimit, max_bytes=config.max_request_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith(("/api", "/static", "/openapi", "/docs"))


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    headers = {"WWW-Authenticate": "X-API-Key"} if exc.status_code == 401 else None
    if wants_json(request):
        return JSONResponse({"detail": exc.detail}, exc.status_code, headers=headers)
    return error_page(request, exc.status_code, str(exc.detail))


async def validation_error(request: Request, exc: RequestValidationError) -> Response:
    """422 with one readable line per problem: where (``query.limit``) and what is wrong."""
    problems = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()))
        problems.append({"location": where, "message": err.get("msg", "invalid")})
    detail = "; ".join(f"{p['location']}: {p['message']}" for p in problems) or "invalid request"
    if wants_json(request):
        return JSONResponse({"detail": detail, "errors": problems}, 422)
    return error_page(request, 400, detail)


def error_page(request: Request, status: int, message: str) -> Response:
    title = ERROR_TITLES.get(status, "خطأ")
    return routes_web.page(request, "error.html", status=status, code=status, title=title, message=message)
