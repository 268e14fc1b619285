"""The events, filtered and paginated (the CLI's `comity events`)."""
from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from .. import pages
from ..context import EventQuery, EventsContext
from ..deps import COUNTRY, DATE, DYAD, EVENT_TYPE, build, clean, render
from ._common import ERRORS

router = APIRouter()


@dataclass
class EventParams:
    dyad: str = Query("", pattern=DYAD, description="Two states (names or codes), e.g. VNM-LAO, "
                      "Vietnam-Laos (either direction)")
    country: str = Query("", pattern=COUNTRY, description="One state (a name or code), as actor or "
                         "recipient")
    type: str = Query("", pattern=EVENT_TYPE, description="A PLOVER type (CONSULT) or CAMEO digits (04, 042)")
    since: str = Query("", pattern=DATE, description="From this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive")
    until: str = Query("", pattern=DATE, description="Up to this date, inclusive")
    person: str = Query("", max_length=100, description="A person's name, diacritics optional")
    text: str = Query("", max_length=200, description="Words in the quoted sentence, diacritics optional")
    page: int = Query(1, ge=1, le=pages.MAX_PAGE, description="Page, from 1")
    per_page: int = Query(pages.PER_PAGE, ge=1, le=200, description="Events per page")

    def query(self) -> EventQuery:
        return EventQuery(dyad=self.dyad or None, country=self.country or None, type=self.type or None,
                          since=self.since or None, until=self.until or None, person=clean(self.person),
                          text=clean(self.text))


def _events(request: Request, params: EventParams) -> EventsContext:
    return build(request, pages.events, params.query(), page=params.page, per_page=params.per_page)


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def events_page(request: Request, params: EventParams = Depends()) -> HTMLResponse:
    return render(request, "events.html", _events(request, params))


@router.get("/api/events", response_model=EventsContext, responses=ERRORS, tags=["pages"],
            summary="Events matching the filters, newest first, a page at a time")
def events_api(request: Request, params: EventParams = Depends()) -> EventsContext:
    return _events(request, params)
