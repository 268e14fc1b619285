"""Provenance: where in the article a record comes from."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quote from the article: sentence index and half-open character offsets into `Article.text`."""

    sentence: int
    start: int
    end: int
    text: str
