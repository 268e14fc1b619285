"""The record `find_dates` returns: one date expression, its offsets and its resolution."""
from __future__ import annotations

from dataclasses import dataclass

# What the expression *is*, independent of whether it could be resolved.
# "stamp": a byline, crawl or caption date (dates/stamps.py), which dates no act
KINDS = ("point", "range", "period", "relative_past", "future", "year_ref", "stamp")
GRANULARITIES = ("day", "month", "year")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text.

    `start`/`end` are half-open character offsets into the text that was searched, so
    `text == searched[start:end]` always holds. `value` is ISO at the expression's
    granularity ("2025-12-02", "2024-10", "2026") or None when the expression cannot be
    resolved (a weekday or a year-less date in a report without a publication date, or a
    vague span such as "in recent years"). `granularity` is None only when both `value`
    and `end_value` are None.
    """

    start: int
    end: int
    text: str
    value: str | None
    granularity: str | None
    end_value: str | None = None
    kind: str = "point"

    @property
    def is_resolved(self) -> bool:
        return self.value is not None or self.end_value is not None
