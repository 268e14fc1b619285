"""One report with every record found in it highlighted; one event with every report's sentence."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import pages
from ..context import EventContext, ReportContext
from ..deps import build, render
from ..highlight import labels, segments
from ._common import ERRORS, id_param

router = APIRouter()


@router.get("/report/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def report_page(request: Request, article_id: int = id_param("report")) -> HTMLResponse:
    ctx = build(request, pages.report, article_id)
    records = ctx.report.records
    return render(request, "report.html", ctx, segments=segments(ctx.report.text, records), labels=labels(records))


@router.get("/api/report/{article_id}", response_model=ReportContext, responses=ERRORS, tags=["pages"],
            summary="A report: its text as given and every extracted record with its offsets")
def report_api(request: Request, article_id: int = id_param("report")) -> ReportContext:
    return build(request, pages.report, article_id)


@router.get("/event/{event_id}", response_class=HTMLResponse, include_in_schema=False)
def event_page(request: Request, event_id: int = id_param("event")) -> HTMLResponse:
    return render(request, "event.html", build(request, pages.event, event_id))


@router.get("/api/event/{event_id}", response_model=EventContext, responses=ERRORS, tags=["pages"],
            summary="An event: its coding and every report's sentence about it")
def event_api(request: Request, event_id: int = id_param("event")) -> EventContext:
    return build(request, pages.event, event_id)
