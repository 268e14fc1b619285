"""Find date expressions in report text and resolve them against the report's own date.

Pure Python and regex-driven: no spaCy, no dateparser, no wall clock. All patterns are
compiled at import; `find_dates` runs every pattern over the text, keeps the longest
non-overlapping matches (a more specific pattern wins a tie) and resolves each one
against `published`.

    >>> from datetime import date
    >>> [m.value for m in find_dates("They met on Tuesday.", date(2025, 12, 2))]
    ['2025-12-02']

Values are ISO at the expression's granularity: "2025-12-02" (day), "2024-10" (month),
"2026" (year). `value` is None when the expression cannot be resolved; `granularity` is
None only when neither `value` nor `end_value` is set. Offsets are half-open and
`mention.text == text[mention.start:mention.end]`. A leading "on", "in", "from",
"between", "until", "towards" or "for" that belongs to the expression is part of its
text ("on Tuesday", "in October 2024", "from June 8-11", "for next year").

Resolution rules (`published` is a date; a datetime counts by its own calendar day):

* Written dates ("December 18, 2024", "18th of December 2024", "Friday, June 14, 2024",
  "2024-12-18") resolve without `published`; a weekday written beside a date is ignored,
  and "on Tuesday (March 11)" is resolved from the date in brackets.
* Year-less days ("on December 18", "Dec. 15", "March 11") take the latest year that puts
  them no more than 60 days after `published`: "on December 22" in a report of
  December 16 is six days ahead; "on December 30" on 2 January is last year's.
* Year-less months ("in October", "since December") take the latest year that puts them
  no more than 3 calendar months after the publication month: "in May" in March is this
  May, "in November" in December is that November, "in December" in June is last
  December.
* Weekdays ("on Tuesday", "agreed Saturday", "Saturday's meeting") are the latest such day
  on or before `published` (the publication day itself when it is that weekday).
  "last Friday" is strictly before, "next Friday" strictly after (kind "future"), "this
  Friday" the day of the publication's ISO week.
* Future context: when the clause before a weekday, year-less day or year-less month holds
  a future cue ("will", "would", "is scheduled to", "due to", "plan to", "to be held",
  "is expected at") the
  expression is placed on or after `published` instead: "is scheduled to meet on
  Wednesday" in a Tuesday report is the next day. The clause ends at punctuation; a cue
  after "had" ("had planned to visit in December") or a reporting verb right before the
  date ("said on Thursday") does not count. `resolve(..., tense=...)` overrides this.
* Relative days: "yesterday", "last night" = published - 1; "today", "tonight", "this
  morning", "earlier today" = published; "tomorrow" = published + 1 (kind "future").
* "this year" = the publication year (point); "last year" (kind "relative_past"), "next
  year", "early next year", "for next year", "later this year" (kind "future") at year
  granularity; "earlier this year" is relative_past.
* Months: "last month" (relative_past), "this month", "earlier this month" (relative_past),
  "later this month", "next month" (future) give YYYY-MM. "September last year",
  "October 2024", "mid-March 2025" are month points; "last December" is the latest
  December strictly before the publication month.
* Weeks are given at month granularity (never "week"): "last week" and "next week" are the
  month holding that ISO week's Thursday; "this week" (and "earlier/later this week") is the
  publication month. Kinds: relative_past, future, point.
* Vague spans ("in recent years", "over the past 50 years", "in the coming months", "in
  the near future") have no value; kind relative_past or future.
* Ranges ("from June 8-11", "Dec. 15 to 17", "between 3 and 5 March", "June 28 to July 2",
  "from June to August 2024") have kind "range": `value` is the first day (or month),
  `end_value` the last. The year is placed from the first day; a range that crosses New
  Year ("Dec. 30 to Jan. 2") ends in the next year.
* Periods ("2020–24", "2025-2029", "from 2026 to 2030", "between 2026 and 2030") have kind
  "period" with start and end years; two-digit ends expand ("2020–24" -> 2024). Open
  periods ("until 2030", "towards 2030") have `value` None and `end_value` the year.
* A year alone ("2024", "in 2028", "Expo 2024", "plan for 2026") has kind "year_ref": it is
  resolved, but it usually names a plan or an edition, not when something happened.
* Without `published`, weekdays, year-less days and months and every relative expression
  are still reported, with `value` None. `find_dates_undated` places relative months and years
  ("last December", "last year") from the date a report's lead writes out in full, if any.

Not handled: numeric dates ("18/12/2024"), anaphoric days ("the same day", "the next
day", "earlier in the day"), clock times, and "the end of the year".
"""
from __future__ import annotations

from .finder import find_dates, find_dates_undated, future_context, lead_date, resolve
from .mention import GRANULARITIES, KINDS, DateMention

__all__ = ["DateMention", "GRANULARITIES", "KINDS", "find_dates", "find_dates_undated", "future_context",
           "lead_date", "resolve"]
