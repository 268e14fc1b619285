"""Calendar rules: how a year-less or relative expression is placed against `published`.

Pure functions over `datetime.date`; nothing here reads the wall clock. The tense
argument is "future", "past" or None (unknown); see the package docstring for the rules.
"""
from __future__ import annotations

from datetime import date, timedelta

# A year-less day may lie up to this far after publication ("on December 22" in a report of
# December 16); anything later is read as last year's ("on December 30" on 2 January).
DAY_LOOKAHEAD = timedelta(days=60)
# The same window for a year-less month, counted in calendar months: "in May" in March is
# this May ("would be held in May"), "in November" in January is last November.
MONTH_LOOKAHEAD = 3


def iso_day(d: date) -> str:
    return d.isoformat()


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_year(year: int) -> str:
    return f"{year:04d}"


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def place_day(month: int, day: int, published: date | None, tense: str | None) -> date | None:
    """The year for "December 18" written without one."""
    if published is None:
        return None
    # Latest year first; four years back so that "February 29" always finds a leap year.
    candidates = [c for y in range(published.year + 1, published.year - 5, -1)
                  if (c := safe_date(y, month, day)) is not None]
    if tense == "future":
        ahead = [c for c in candidates if c >= published]
        return min(ahead) if ahead else None
    limit = published if tense == "past" else published + DAY_LOOKAHEAD
    before = [c for c in candidates if c <= limit]
    return max(before) if before else None


def place_month(month: int, published: date | None, tense: str | None) -> tuple[int, int] | None:
    """(year, month) for "in November" written without a year."""
    if published is None:
        return None
    here = published.year * 12 + published.month - 1
    ahead = (month - published.month) % 12  # 0..11 months after the publication month
    window = 11 if tense == "future" else 0 if tense == "past" else MONTH_LOOKAHEAD
    index = here + ahead if ahead <= window else here + ahead - 12
    return index // 12, index % 12 + 1


def shift_month(published: date, months: int) -> tuple[int, int]:
    index = published.year * 12 + published.month - 1 + months
    return index // 12, index % 12 + 1


def month_before(month: int, published: date) -> tuple[int, int]:
    """The latest `month` strictly before the publication month: "last December"."""
    return (published.year if month < published.month else published.year - 1), month


def month_after(month: int, published: date) -> tuple[int, int]:
    """The first `month` strictly after the publication month: "next March"."""
    return (published.year if month > published.month else published.year + 1), month


def place_weekday(weekday: int, published: date | None, rel: str | None, tense: str | None) -> date | None:
    """The day a weekday name refers to; `weekday` is 0 for Monday, as `date.weekday()`.

    Bare ("on Tuesday"): the latest such day on or before `published` (the same day when the
    report is dated on a Tuesday), or the first on or after it in a future context
    ("is scheduled to meet on Wednesday"). "last" is strictly before, "next"/"coming" strictly
    after, "this" is the day of the publication's ISO week.
    """
    if published is None:
        return None
    pw = published.weekday()
    if rel in ("last", "past"):
        return published - timedelta(days=(pw - weekday - 1) % 7 + 1)
    if rel in ("next", "coming"):
        return published + timedelta(days=(weekday - pw - 1) % 7 + 1)
    if rel == "this":
        return published + timedelta(days=weekday - pw)
    if tense == "future":
        return published + timedelta(days=(weekday - pw) % 7)
    return published - timedelta(days=(pw - weekday) % 7)


def week_month(published: date, weeks: int) -> tuple[int, int]:
    """The month of a week relative to the publication week: the month holding that week's
    Thursday (the ISO convention for weeks that straddle two months)."""
    thursday = published - timedelta(days=published.weekday()) + timedelta(days=3 + 7 * weeks)
    return thursday.year, thursday.month


def expand_end_year(start: int, end_text: str) -> int | None:
    """End year of a period: "2020–24" -> 2024, "1998–02" -> 2002, "2025–2029" -> 2029.

    Returns None when the result would not be a plausible period (not after the start, or
    more than 50 years long): "2024-12" is a month, not a period.
    """
    if len(end_text) == 2:
        century = start - start % 100
        end = century + int(end_text)
        if end <= start:
            end += 100
    else:
        end = int(end_text)
    return end if 0 < end - start <= 50 else None
