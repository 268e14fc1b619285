"""One extraction rule: the YAML row (file, line, text) that a record's `rule` names."""
from __future__ import annotations

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from .. import pages
from ..context import RuleContext
from ..deps import render
from ._common import ERRORS

router = APIRouter()

# ids are family.lemma ("visit.host") or a row's own id: letters, digits and . _ - (lemmas may hold a hyphen)
RULE_ID = r"^[A-Za-z0-9_.\-]{1,100}$"


def _rule_id() -> str:
    return Path(pattern=RULE_ID, description="A rule id as records carry it in `rule`, e.g. visit.host")


@router.get("/rules/{rule_id}", response_class=HTMLResponse, include_in_schema=False)
def rule_page(request: Request, rule_id: str = _rule_id()) -> HTMLResponse:
    return render(request, "rule.html", pages.rule(rule_id))


@router.get("/api/rules/{rule_id}", response_model=RuleContext, responses=ERRORS, tags=["pages"],
            summary="A rule: the data rows (file, line, text) or the code that define it")
def rule_api(rule_id: str = _rule_id()) -> RuleContext:
    return pages.rule(rule_id)
