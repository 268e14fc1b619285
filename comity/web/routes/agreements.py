"""One agreement: its status observations across reports."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import pages
from ..context import AgreementContext
from ..deps import build, render
from ._common import ERRORS, id_param

router = APIRouter()


@router.get("/agreement/{agreement_id}", response_class=HTMLResponse, include_in_schema=False)
def agreement_page(request: Request, agreement_id: int = id_param("agreement")) -> HTMLResponse:
    return render(request, "agreement.html", build(request, pages.agreement, agreement_id))


@router.get("/api/agreement/{agreement_id}", response_model=AgreementContext, responses=ERRORS, tags=["pages"],
            summary="An agreement: status timeline, each quote in its report's words, related instruments")
def agreement_api(request: Request, agreement_id: int = id_param("agreement")) -> AgreementContext:
    return build(request, pages.agreement, agreement_id)
