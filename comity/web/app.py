"""The app factory: `create_app(store_or_db_url)` -> a FastAPI app over one store, nothing global.

Every route is a GET, and every page has a JSON twin under /api/ built by the same
function (pages.py); the OpenAPI schema (/openapi.json, browsable at /api/docs) documents
the twins. Assets are shipped in the package (static/): the UI works with no network.
"""
from __future__ import annotations

import html
import os
from collections.abc import Collection
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..about import __version__
from ..errors import ComityError, SameCountry, UnknownCountry
from ..storage import Store
from . import figures
from .deps import PageCache, render
from .pages import NotFound, country_name
from .routes import FEEDS, ROUTERS
from .security import DOCS_PATH, SecurityMiddleware, link_url

SWAGGER_ASSETS = "/api/docs/assets"
API_DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css"><link rel="icon" href="/favicon.ico"></head>
<body><div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script><script src="/static/api-docs.js"></script>
</body></html>
"""


def create_app(store: Store | str | os.PathLike[str] | None = None, *, title: str = "comity",
               allowed_hosts: Collection[str] = ()) -> FastAPI:
    """The web app over `store`: a Store (left open when the app stops), or a URL or path to open
    (closed when the app stops); None means $COMITY_DB or the default store, as for the CLI.

    Requests are answered when their Host is an IP address, `localhost` or one of `allowed_hosts`
    ("*" allows any, e.g. behind a proxy that checks it): see security.py."""
    owned = not isinstance(store, Store)
    opened = Store.open(store) if owned else store

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # type: ignore[no-untyped-def]
        _warm(app.state.templates)
        yield
        if owned:
            opened.close()

    app = FastAPI(title=f"{title} API", version=__version__, lifespan=lifespan, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json",
                  description="Read-only JSON twins of comity's web pages: the same records the pages show. "
                              "Dates are ISO strings (a day, a month or a year); countries are ISO 3166-1 "
                              "alpha-3 codes; offsets are half-open character offsets into a report's text "
                              "as given.")
    app.state.store = opened
    app.state.templates = _templates()
    app.state.cache = PageCache()
    app.mount("/static", StaticFiles(directory=str(resources.files("comity.web") / "static")), name="static")
    # Swagger UI 5 (OpenAPI 3.1) from the package fastapi-swagger, not a CDN: /api/docs works offline
    swagger = resources.files("fastapi_swagger") / "resources"
    app.mount(SWAGGER_ASSETS, StaticFiles(directory=str(swagger)), name="swagger")

    @app.get(DOCS_PATH, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(API_DOCS_PAGE.format(title=html.escape(app.title), assets=SWAGGER_ASSETS))
    for router in (*ROUTERS, *FEEDS):
        app.include_router(router)
    icon = (resources.files("comity.web") / "static" / "favicon.svg").read_bytes()

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:  # browsers ask for it on every page, the JSON ones included
        return Response(icon, media_type="image/svg+xml")

    _errors(app)
    app.add_middleware(SecurityMiddleware, allowed_hosts=allowed_hosts)
    return app


def _warm(env: Environment) -> None:
    """What the first page would otherwise pay for, paid once at start-up: every template compiled,
    the country names (pycountry) and the CAMEO codebook loaded (about 50 ms, more on a busy machine)."""
    from .pages import cameo_names

    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)
    country_name("VNM")
    cameo_names()


def _templates() -> Environment:
    env = Environment(loader=PackageLoader("comity.web", "templates"), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(version=__version__, figures=figures, qs=_qs)
    env.filters.update(country=country_name, kind=lambda k: (k or "").replace("_", " "), link_url=link_url)
    return env


def _qs(**params: Any) -> str:
    """A query string of the non-empty parameters."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _errors(app: FastAPI) -> None:
    def respond(request: Request, status: int, detail: str) -> Any:
        if _is_api(request):
            return JSONResponse({"detail": detail}, status_code=status)
        return render(request, "error.html", {"status": status, "detail": detail}, status_code=status)

    @app.exception_handler(ComityError)
    async def bad_value(request: Request, exc: ComityError) -> Any:  # a bad dyad, date or type
        return respond(request, 400, str(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Any:
        return respond(request, 404, str(exc))

    @app.exception_handler(UnknownCountry)
    async def no_such_state(request: Request, exc: UnknownCountry) -> Any:  # with the closest states
        return respond(request, 404, str(exc))

    @app.exception_handler(SameCountry)
    async def one_state(request: Request, exc: SameCountry) -> Any:  # VNM-VNM: a dyad of one state
        return respond(request, 422, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if exc.status_code == 405:
            detail = "comity's web view is read-only: every page and API answers GET only"
        else:
            detail = str(exc.detail) if exc.status_code != 404 else f"nothing at {request.url.path}"
        response = respond(request, exc.status_code, detail)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Any:
        if _is_api(request):
            return JSONResponse({"detail": _plain(exc.errors())}, status_code=422)
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return respond(request, 422, problems)


def _plain(errors: Any) -> Any:
    """Validation errors as plain JSON (pydantic may put exceptions in `ctx`)."""
    return [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors]
