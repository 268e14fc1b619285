"""`find_dates` and `resolve`: run every pattern, keep the longest non-overlapping matches,
resolve each against the publication date."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from . import patterns as P
from . import rules as R
from .mention import DateMention

# (value, granularity, end_value, kind)
Resolution = tuple[str | None, str | None, str | None, str]


class _Ctx:
    __slots__ = ("text", "published", "tense")

    def __init__(self, text: str, published: date | None, tense: str | None) -> None:
        self.text = text
        self.published = published
        self.tense = tense  # None: detect from the clause before each expression

    def tense_at(self, start: int) -> str | None:
        if self.tense is not None:
            return self.tense
        return "future" if future_context(self.text, start) else None


def future_context(text: str, start: int) -> bool:
    """True when the clause before `start` announces something to come ("is scheduled to
    meet ... on Wednesday", "would be held in May"). The clause ends at punctuation, so
    "..., the ministry said on Thursday" is never future."""
    window = text[max(0, start - 160):start]
    breaks = list(P.CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end():] if breaks else window
    if P.REPORTING_VERB_BEFORE.search(clause):
        return False
    return any(not P.PAST_PERFECT_CUE.search(clause[:cue.start()]) for cue in P.FUTURE_CUE.finditer(clause))


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _sep(m: re.Match[str]) -> str:
    return (_g(m, "sep") or "").lower()


def _month(m: re.Match[str], n: int) -> int | None:
    name = _g(m, f"mon{n}")
    return P.month_number(name) if name else None


def _int(m: re.Match[str], name: str) -> int | None:
    value = _g(m, name)
    return int(value) if value else None


def _day_value(d: date | None) -> Resolution:
    return (R.iso_day(d), "day", None, "point") if d else (None, None, None, "point")


def _month_value(ym: tuple[int, int] | None, kind: str = "point") -> Resolution:
    return (R.iso_month(*ym), "month", None, kind) if ym else (None, None, None, kind)


def _year_value(y: int | None, kind: str) -> Resolution:
    return (R.iso_year(y), "year", None, kind) if y is not None else (None, None, None, kind)


def _iso_day(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    d = R.safe_date(int(m["year1"]), int(m["monn1"]), int(m["day1"]))
    return _day_value(d) if d else None


def _date(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    """A written day, with or without its year; a weekday before it is ignored."""
    n = 1 if _g(m, "mon1") else 2
    month, day_ = _month(m, n), _int(m, f"day{n}")
    if month is None or day_ is None:
        return None
    year = _int(m, "year1")
    if year is not None:
        d = R.safe_date(year, month, day_)
        return _day_value(d) if d else None
    if R.safe_date(2024, month, day_) is None:  # "February 30": not a date in any year
        return None
    return _day_value(R.place_day(month, day_, ctx.published, ctx.tense_at(m.start())))


def _range(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    # "and" joins a span after "between", or two days of one written month ("June 8 and 9");
    # "3 and 5 March" without "between" is a count and a date.
    joined_days = _g(m, "mon1") is not None and _g(m, "mon2") is None and _g(m, "year1") is None
    if _sep(m) == "and" and (m["pre"] or "").lower() != "between" and not joined_days:
        return None
    m1, m2 = _month(m, 1), _month(m, 2)
    m1 = m1 or m2
    m2 = m2 or m1
    d1, d2 = _int(m, "day1"), _int(m, "day2")
    if m1 is None or m2 is None or d1 is None or d2 is None:
        return None
    if (m2, d2) == (m1, d1) or (m1 == m2 and d2 < d1):
        return None
    wraps = (m2, d2) < (m1, d1)  # "Dec. 30 to Jan. 2"
    y1, y2 = _int(m, "year1"), _int(m, "year2")
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if wraps else y2
    if y1 is None:
        if R.safe_date(2024, m1, d1) is None:
            return None
        start = R.place_day(m1, d1, ctx.published, ctx.tense_at(m.start()))
        y1 = start.year if start else None
    if y1 is None:  # no year written and none to place it with
        return (None, None, None, "range") if R.safe_date(2024, m2, d2) else None
    if y2 is None:
        y2 = y1 + 1 if wraps else y1
    first, last = R.safe_date(y1, m1, d1), R.safe_date(y2, m2, d2)
    if first is None or last is None or last <= first:
        return None
    return R.iso_day(first), "day", R.iso_day(last), "range"


def _range_months(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    m1, m2 = _month(m, 1), _month(m, 2)
    if m1 is None or m2 is None or m1 == m2 or (_sep(m) == "and" and m["pre"].lower() != "between"):
        return None
    year = _int(m, "year1")
    wraps = m2 < m1
    if year is not None:
        y1, y2 = (year - 1, year) if wraps else (year, year)
    elif (start := R.place_month(m1, ctx.published, ctx.tense_at(m.start()))) is not None:
        y1 = start[0]
        y2 = y1 + 1 if wraps else y1
    else:
        return None, None, None, "range"
    return R.iso_month(y1, m1), "month", R.iso_month(y2, m2), "range"


def _rel_year(rel: str, published: date | None) -> int | None:
    if published is None:
        return None
    return published.year + {"last": -1, "this": 0, "next": 1}[rel.lower()]


def _month_year(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    month = _month(m, 1)
    if month is None:
        return None
    year = _int(m, "year1")
    if year is None:
        year = _rel_year(m["rel"], ctx.published)
    return _month_value((year, month) if year is not None else None)


def _rel_month(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    month, rel, pub = _month(m, 1), m["rel"].lower(), ctx.published
    if month is None:
        return None
    if pub is None:
        return None, None, None, "future" if rel == "next" else "point"
    if rel == "next":
        return _month_value(R.month_after(month, pub), "future")
    if rel == "this":
        return _month_value((pub.year, month))
    return _month_value(R.month_before(month, pub))


def _month_only(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    month = _month(m, 1)
    if month is None:
        return None
    return _month_value(R.place_month(month, ctx.published, ctx.tense_at(m.start())))


def _weekday(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    before = ctx.text[max(0, m.start() - 12):m.start()].split()
    if before and before[-1].lower() in P.WEEKDAY_NAME_PREFIXES:
        return None
    rel = m["rel"].lower() if m["rel"] else None
    weekday = P.WEEKDAYS.index(m["wd"])
    d = R.place_weekday(weekday, ctx.published, rel, ctx.tense_at(m.start()))
    value, gran, _, _ = _day_value(d)
    return value, gran, None, "future" if rel in ("next", "coming") else "point"


_RELATIVE_DAYS = {"the day before yesterday": -2, "yesterday": -1, "last night": -1,
                  "tomorrow": 1, "the day after tomorrow": 2}


def _relative_day(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    words = " ".join(m[0].lower().split())
    if m[0][0] == "T" and words in ("today", "tonight") and not _sentence_start(ctx.text, m.start()):
        return None  # "USA Today", "China Tonight": a title, not a day
    key = next((k for k in _RELATIVE_DAYS if words.startswith(k)), None)
    offset = _RELATIVE_DAYS.get(key, 0) if key else 0
    kind = "future" if offset > 0 else "point"
    if ctx.published is None:
        return None, None, None, kind
    return R.iso_day(date.fromordinal(ctx.published.toordinal() + offset)), "day", None, kind


def _sentence_start(text: str, start: int) -> bool:
    head = text[:start].rstrip(" \t\"'“‘(")
    return not head or head[-1] in ".!?\n—:"


def _relative_unit(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    mod = " ".join(m["mod"].lower().split()) if m["mod"] else ""
    if rel == "last":
        kind = "relative_past"
    elif rel == "next":
        kind = "future"
    elif mod == "earlier":
        kind = "relative_past"
    elif mod in ("later", "late", "the end of", "the second half of"):
        kind = "future"
    else:
        kind = "point"
    pub = ctx.published
    if pub is None:
        return None, None, None, kind
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "year":
        return _year_value(pub.year + step, kind)
    if unit == "month":
        return _month_value(R.shift_month(pub, step), kind)
    # A week is reported at month granularity: the month holding its Thursday, except
    # "this week", whose events sit next to the publication day.
    return _month_value(R.week_month(pub, step) if step else (pub.year, pub.month), kind)


def _vague(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    direction = (m["dir"] or "").lower()
    if m["single"] and direction in ("next", "previous"):
        return None  # "ratified the next year": anaphoric, not a span around publication
    future = direction in ("coming", "next") or m["near"] is not None
    return None, None, None, "future" if future else "relative_past"


def _period(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    start = int(m["year1"])
    sep = _sep(m)
    if sep == "and" and (m["pre"] or "").lower() != "between":
        return None
    if sep and len(m["end"]) == 2:
        return None  # "2026 to 30 June" is not a period
    end = R.expand_end_year(start, m["end"])
    if end is None:
        return None
    return R.iso_year(start), "year", R.iso_year(end), "period"


def _period_open(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    return None, "year", m["year1"], "period"


def _year_ref(m: re.Match[str], ctx: _Ctx) -> Resolution | None:
    return m["year1"], "year", None, "year_ref"


_HANDLERS: dict[str, Callable[[re.Match[str], _Ctx], Resolution | None]] = {
    "iso_day": _iso_day, "weekday_paren": _date, "date": _date, "range_mdy": _range,
    "range_dmy": _range, "range_months": _range_months, "month_year": _month_year,
    "rel_month": _rel_month, "month_only": _month_only, "weekday": _weekday,
    "relative_day": _relative_day, "relative_unit": _relative_unit, "vague": _vague,
    "period": _period, "period_open": _period_open, "year_ref": _year_ref,
}


def _as_date(published: date | datetime | None) -> date | None:
    # A timestamp keeps its own (local) calendar day: "2024-03-19T10:32:00+09:00" is the 19th.
    return published.date() if isinstance(published, datetime) else published


def _find(text: str, published: date | None, tense: str | None) -> list[DateMention]:
    if not text:
        return []
    ctx = _Ctx(text, _as_date(published), tense)
    gates = {gate for gate, pattern in P.GATES.items() if pattern.search(text)}
    candidates: list[tuple[int, int, int, re.Match[str], str]] = []
    for rank, (name, gate, pattern) in enumerate(P.PATTERNS):
        if gate not in gates:
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), rank, m, name))
    # Longest first, then the more specific pattern, then leftmost; a handler may reject
    # its match, which lets a shorter reading of the same words through.
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for start, end, _, m, name in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        resolution = _HANDLERS[name](m, ctx)
        if resolution is None:
            continue
        value, granularity, end_value, kind = resolution
        if value is None and end_value is None:
            granularity = None
        taken.append((start, end))
        found.append(DateMention(start, end, text[start:end], value, granularity, end_value, kind))
    found.sort(key=lambda mention: mention.start)
    return found


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in `text`, in order, resolved against `published`.

    `published` is the report's own date (a `datetime` counts by its own calendar day);
    with None, only expressions that carry their year are resolved.
    """
    return _find(text, published, None)


LEAD_CHARS = 300  # how far into a report its lead may write the report's own date


def lead_date(mentions: list[DateMention], within: int = LEAD_CHARS) -> date | None:
    """The date a report's lead writes with its year ("Australia on Friday, June 14, 2024, handed
    over ..."): the first resolved day in the first `within` characters that `find_dates` found
    without a publication date (so it was written out in full). For reports that come undated."""
    for m in mentions:
        if m.start >= within:
            break
        if m.value and m.granularity == "day" and m.kind in ("point", "range"):
            return date.fromisoformat(m.value)
    return None


def find_dates_undated(text: str) -> list[DateMention]:
    """`find_dates` for a report without a publication date. Months and years written relative to
    the report ("last December", "last year", "in March") are placed from the date its lead writes
    out (`lead_date`), when there is one: they are weeks or months wide, and a report is published
    within days of the events its lead dates. Days ("on Tuesday", "yesterday") stay unresolved: a
    day off would date an event wrongly, and a null date says what is known."""
    found = _find(text, None, None)
    lead = lead_date(found)
    if lead is None:
        return found
    by_lead = {(m.start, m.end): m for m in _find(text, lead, None)}
    out = []
    for m in found:
        placed = by_lead.get((m.start, m.end))
        keep = m.is_resolved or placed is None or placed.granularity not in ("month", "year")
        out.append(m if keep else placed)
    return out


def resolve(expression: str, published: date | None, *, tense: str | None = None) -> DateMention | None:
    """Resolve one expression ("on Tuesday", "Dec. 15 to 17", "October"); offsets are into
    `expression`. Returns the longest date expression found in it, or None.

    `tense` ("future" or "past") overrides the context detection used by `find_dates`.
    """
    if tense not in (None, "future", "past"):
        raise ValueError(f"tense must be 'future', 'past' or None, not {tense!r}")
    found = _find(expression, published, tense)
    if not found:
        # A month name on its own is a date when the caller says it is one.
        bare = re.fullmatch(r"\s*" + P.month_solo(1) + r"\s*", expression)
        if bare is None:
            return None
        ctx = _Ctx(expression, _as_date(published), tense)
        value, granularity, end_value, kind = _month_only(bare, ctx) or (None, None, None, "point")
        return DateMention(bare.start("mon1"), bare.end("mon1"), bare["mon1"], value,
                           granularity if value else None, end_value, kind)
    return max(found, key=lambda mention: (mention.end - mention.start, -mention.start))
