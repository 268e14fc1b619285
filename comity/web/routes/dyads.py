"""A relationship at a glance: /dyad/VNM-LAO (or /dyad/Vietnam-Laos: names and aliases too)."""
from __future__ import annotations

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from .. import pages
from ..context import DyadContext
from ..deps import DYAD, build_cached, render
from ._common import ERRORS

router = APIRouter()

PAIR = Path(pattern=DYAD.removeprefix("^$|"),
            description="Two states, each a name, an alias or an ISO alpha-3 code, e.g. VNM-LAO or Vietnam-Laos; "
                        "404 for an unknown state (naming the closest), 422 for a state with itself")


@router.get("/dyad/{pair}", response_class=HTMLResponse, include_in_schema=False)
def dyad_page(request: Request, pair: str = PAIR) -> HTMLResponse:
    return render(request, "dyad.html", build_cached(request, pages.dyad, pair))


@router.get("/api/dyad/{pair}", response_model=DyadContext, responses=ERRORS, tags=["pages"],
            summary="Two countries: events over time, meetings, the agreement ladder, mechanisms, people")
def dyad_api(request: Request, pair: str = PAIR) -> DyadContext:
    return build_cached(request, pages.dyad, pair)
