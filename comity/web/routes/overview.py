"""The front page and search."""
from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from .. import pages
from ..context import OverviewContext, SearchContext
from ..deps import build, build_cached, clean, get_store, render
from ._common import ERRORS

router = APIRouter()


def _overview(request: Request) -> OverviewContext:
    return build_cached(request, pages.overview, store=get_store(request).url)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def overview_page(request: Request) -> HTMLResponse:
    return render(request, "overview.html", _overview(request))


@router.get("/api/overview", response_model=OverviewContext, responses=ERRORS, tags=["pages"],
            summary="The front page: counts, most active dyads, latest meetings and agreements, activity")
def overview_api(request: Request) -> OverviewContext:
    return _overview(request)


Q = Query("", max_length=200, description="Words to look for: in report texts (all of them, diacritics and case "
                                          "optional), people's names, agreement names; or two country codes")


def _search(request: Request, q: str) -> SearchContext:
    return build(request, pages.find, clean(q) or "")


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, q: str = Q) -> HTMLResponse:
    return render(request, "search.html", _search(request, q))


@router.get("/api/search", response_model=SearchContext, responses=ERRORS, tags=["pages"],
            summary="Reports, people and agreements matching the words")
def search_api(request: Request, q: str = Q) -> SearchContext:
    return _search(request, q)
