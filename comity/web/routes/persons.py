"""One person: offices and ranks over time, meetings, counterparts."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import pages
from ..context import PersonContext
from ..deps import build, render
from ._common import ERRORS, id_param

router = APIRouter()


@router.get("/person/{person_id}", response_class=HTMLResponse, include_in_schema=False)
def person_page(request: Request, person_id: int = id_param("person")) -> HTMLResponse:
    return render(request, "person.html", build(request, pages.person, person_id))


@router.get("/api/person/{person_id}", response_model=PersonContext, responses=ERRORS, tags=["pages"],
            summary="A person: offices and ranks over time, meetings, counterparts, latest events")
def person_api(request: Request, person_id: int = id_param("person")) -> PersonContext:
    return build(request, pages.person, person_id)
