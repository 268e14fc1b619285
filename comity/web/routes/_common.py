"""What the routes share: the documented error answers and the id parameter."""
from __future__ import annotations

from typing import Any

from fastapi import Path

from ..context import ErrorBody
from ..deps import MAX_ID

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A value that is not a dyad, date or event type"},
    404: {"model": ErrorBody, "description": "No such record in the store, or no such state"},
}


def id_param(what: str) -> Any:
    return Path(ge=1, le=MAX_ID, description=f"The {what}'s store id")
