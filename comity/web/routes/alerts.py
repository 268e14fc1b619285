"""The alerts the stored rules raised (the CLI's `comity alerts`), and their Atom feed for feed readers."""
from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from .. import pages
from ..context import AlertsContext
from ..deps import build, render
from ..feed import alerts_atom
from ._common import ERRORS

router = APIRouter()
feed_router = APIRouter()  # not a page: no JSON twin (app.py mounts it apart)

RULE = r"^$|^[\w.:-]{1,100}$"


def _rule() -> str:
    return Query("", pattern=RULE, description="Only this rule's alerts (its name)")


@router.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
def alerts_page(request: Request, rule: str = _rule()) -> HTMLResponse:
    return render(request, "alerts.html", build(request, pages.alerts, rule or None))


@router.get("/api/alerts", response_model=AlertsContext, responses=ERRORS, tags=["pages"],
            summary="The alert rules kept in the store and the alerts they raised, newest first")
def alerts_api(request: Request, rule: str = _rule()) -> AlertsContext:
    return build(request, pages.alerts, rule or None)


@feed_router.get("/alerts.atom", include_in_schema=False)
def alerts_feed(request: Request, rule: str = _rule()) -> Response:
    ctx = build(request, pages.alerts, rule or None)
    body = alerts_atom(ctx.alerts, base=str(request.base_url).rstrip("/"), rule=ctx.rule)
    return Response(body, media_type="application/atom+xml; charset=utf-8")
