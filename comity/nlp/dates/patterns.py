"""Compiled regular expressions for date expressions, built once at import.

Month and weekday names are matched case-sensitively (news text capitalises them, and
this keeps "may" the verb and "Mar" in "Marles" out); the small words around them
("on", "last", "early") are case-insensitive through scoped `(?i:...)` groups.
"""
from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
                       "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Words that turn a weekday into a name: "Good Friday", "Black Monday".
WEEKDAY_NAME_PREFIXES = frozenset({"good", "black", "super", "holy", "easter", "ash", "cyber",
                                   "maundy", "palm", "bloody", "shrove"})
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "fifteen", "twenty", "thirty", "fifty", "a few", "few",
                "several", "many", "couple of", "a couple of")


def month_number(name: str) -> int:
    name = name.rstrip(".")
    if name in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS[name]
    return MONTHS.index(name) + 1


_FULL = "|".join(MONTHS)
_ABBR = "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))


def month(n: int) -> str:
    """A month name before a day or a year: full, or abbreviated with or without a period."""
    return rf"(?P<mon{n}>(?:{_FULL})\b|(?:{_ABBR})(?:\.|\b))"


def month_solo(n: int) -> str:
    """A month name standing alone ("in Dec."): abbreviations need their period ("Jan" is a name)."""
    return rf"(?P<mon{n}>(?:{_FULL})\b|(?:{_ABBR})\.)"


def day(n: int) -> str:
    return rf"(?<![\d.,])(?P<day{n}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"


def year(n: int) -> str:
    # Not part of a longer number ("2,337", "US$2024", "2025.5") nor the end of "2020-24".
    return rf"(?<![\w$€£¥#])(?<!\d[-–—/.,])(?P<year{n}>(?:1[89]|20)\d{{2}})(?![\w])(?![.,]\d)"


WEEKDAY = rf"(?P<wd>{'|'.join(WEEKDAYS)})\b"
DASH = r"[-–—]"
ON = r"(?:(?i:on)\s+)?"
IN = r"(?:(?i:in)\s+)?"
FROM = r"(?:(?P<pre>(?i:from|between))\s+)?"
# "early", "mid-", "late", "the end of" before a month or a year.
MOD = r"(?:(?i:early|late)\s+|(?i:mid)(?:-|\s+)|(?i:the\s+)?(?i:end|beginning|start|middle)\s+of\s+)"
_TO = r"(?:\s*" + DASH + r"\s*|\s+(?P<sep>(?i:to|through|till|until|and))\s+)"
# After a month that stands alone: "until April 12" is a day, not "until April".
_NO_DAY = r"(?![ \t]*\d)"
_PART_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night))?"

ISO_DAY = (r"(?<![\w-])(?P<year1>(?:1[89]|20)\d{2})-(?P<monn1>0[1-9]|1[0-2])-(?P<day1>0[1-9]|[12]\d|3[01])"
           r"(?![\d-])")

# "Friday, June 14, 2024", "on December 18", "Dec. 15", "March 19 (Yonhap)"
DATE_MDY = ON + rf"(?:{WEEKDAY},?\s+)?{month(1)}\s+{day(1)}(?:,?\s+{year(1)})?"
# "18 December 2024", "the 18th of December", "on Friday, 14 June 2024"
DATE_DMY = (ON + rf"(?:{WEEKDAY},?\s+)?(?:(?i:the)\s+)?{day(1)}(?:\s+of)?\s+{month(1)}"
            rf"(?:,?\s+{year(1)})?")
# "on Tuesday (March 11)": the written date wins over the weekday.
WEEKDAY_PAREN = (ON + rf"{WEEKDAY}\s*\(\s*(?:{month(1)}\s+{day(1)}|{day(2)}(?:\s+of)?\s+{month(2)})"
                 rf"(?:,?\s+{year(1)})?\s*\)")
# "from June 8-11", "Dec. 15 to 17", "June 28 to July 2, 2025"
RANGE_MDY = (FROM + rf"{month(1)}\s+{day(1)}(?:,?\s+{year(1)})?{_TO}"
             rf"(?:{month(2)}\s+)?{day(2)}(?:,?\s+{year(2)})?")
# "between 3 and 5 March", "8-11 June 2025", "28 June to 2 July"
RANGE_DMY = (FROM + rf"(?:(?i:the)\s+)?{day(1)}(?:(?:\s+of)?\s+{month(1)}(?:,?\s+{year(1)})?)?{_TO}"
             rf"(?:(?i:the)\s+)?{day(2)}(?:\s+of)?\s+{month(2)}(?:,?\s+{year(2)})?")
# "from June to August 2024"
RANGE_MONTHS = (rf"(?P<pre>(?i:from|between))\s+{month_solo(1)}{_TO}{month_solo(2)}"
                rf"(?:,?\s+{year(1)})?")
# "in October 2024", "September last year", "mid-March 2025"
MONTH_YEAR = (IN + rf"{MOD}?{month(1)}(?:,?\s+(?:of\s+)?{year(1)}|\s+(?:of\s+)?"
              r"(?P<rel>(?i:last|this|next))\s+(?i:year)\b)")
# "last December", "next March"
REL_MONTH = IN + rf"(?P<rel>(?i:last|this|next|past))\s+{month_solo(1)}{_NO_DAY}"
# "in October", "since December", "early May": a bare month needs a word before it.
MONTH_ONLY = (rf"(?:(?i:in|since|until|till|by|during|from|through|throughout|before|after)\s+{MOD}?"
              rf"|{MOD}){month_solo(1)}{_NO_DAY}")
# "on Tuesday", "agreed Saturday", "last Friday", "on Monday morning"
WEEKDAY_ONLY = ON + rf"(?:(?P<rel>(?i:last|this|next|past|coming))\s+)?{WEEKDAY}{_PART_OF_DAY}"
RELATIVE_DAY = (r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
                r"|yesterday(?:\s+(?:morning|afternoon|evening))?"
                r"|tomorrow(?:\s+(?:morning|afternoon|evening|night))?"
                r"|today|tonight|last\s+night|(?:earlier|later)\s+today"
                r"|this\s+(?:morning|afternoon|evening))\b")
# "last week", "earlier this month", "early next year", "for next year", "by the end of this year"
# Not after "the": "the next year", "over the last year" are spans or anaphora (see VAGUE).
RELATIVE_UNIT = (r"(?<!the\s)\b(?:(?:for|in|by|during|until|from|since|before)\s+)?"
                 r"(?:(?P<mod>earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of"
                 r"|the\s+start\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"
                 r"(?:-|\s+))?"
                 r"(?P<rel>last|this|next)\s+(?P<unit>week|month|year)\b")
_NUM = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# "in recent years", "over the past 50 years", "in the coming months", "in the near future"
VAGUE = (r"\b(?:(?:in|over|during|for|within|throughout)\s+)?"
         r"(?:recent\s+(?P<recent>years|months|weeks|days|decades|times)"
         r"|the\s+(?P<dir>past|last|coming|next|previous)\s+"
         rf"(?:(?:(?:{_NUM}|\d+)\s+)(?P<unit>years?|months?|weeks?|days?|decades?)"
         r"|(?P<plural>years|months|weeks|decades)|(?P<single>year|month|week|decade))"
         r"|the\s+near\s+(?P<near>future))\b")
# "2020–24", "2025-2029", "from 2026 to 2030", "between 2026 and 2030"
PERIOD = (FROM + rf"{year(1)}(?:\s*(?P<dash>[-–—/])\s*|\s+(?P<sep>(?i:to|through|till|until|and))\s+)"
          r"(?P<end>(?:1[89]|20)\d{2}|\d{2})(?![\w])(?![.,]\d)")
# "until 2030", "towards 2030": a period whose start the text does not give.
PERIOD_OPEN = rf"(?P<pre>(?i:until|till|through|towards?|up\s+to))\s+{year(1)}"
YEAR_REF = IN + year(1)

# (handler name, gate, pattern). Ties between overlapping candidates of equal length go to
# the earlier entry, so the more specific patterns come first. Patterns without month or
# weekday names are compiled case-insensitively. A pattern only runs when its gate finds
# something in the text, which keeps the common sentence without a date cheap.
_I = re.IGNORECASE
GATES: dict[str, re.Pattern[str]] = {
    "month": re.compile(rf"{_ABBR}|May"),
    "weekday": re.compile(r"day\b"),
    "year": re.compile(r"\d\d\d\d"),
    "relative": re.compile(r"day|night|tomorrow|morning|afternoon|evening|week|month|year|recent|decade"
                           r"|times|future", _I),
}
PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    # Every expression starts at the start of a word; saying so first lets the engine
    # skip the other positions cheaply (about twice as fast).
    (name, gate, re.compile(r"(?<!\w)(?=\w)" + src, flags)) for name, gate, src, flags in (
        ("iso_day", "year", ISO_DAY, 0),
        ("weekday_paren", "month", WEEKDAY_PAREN, 0),
        ("range_mdy", "month", RANGE_MDY, 0),
        ("range_dmy", "month", RANGE_DMY, 0),
        ("range_months", "month", RANGE_MONTHS, 0),
        ("date", "month", DATE_MDY, 0),
        ("date", "month", DATE_DMY, 0),
        ("month_year", "month", MONTH_YEAR, 0),
        ("rel_month", "month", REL_MONTH, 0),
        ("month_only", "month", MONTH_ONLY, 0),
        ("weekday", "weekday", WEEKDAY_ONLY, 0),
        ("relative_day", "relative", RELATIVE_DAY, _I),
        ("relative_unit", "relative", RELATIVE_UNIT, _I),
        ("vague", "relative", VAGUE, _I),
        ("period", "year", PERIOD, 0),
        ("period_open", "year", PERIOD_OPEN, 0),
        ("year_ref", "year", YEAR_REF, 0),
    ))

# Future context, looked for in the clause before a year-less expression.
CLAUSE_BREAK = re.compile(r"[.!?;:,()\"“”\n]")
FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|(?:plans?|planned|planning|intends?|going|due|expected|set|slated|"
    r"scheduled)\s+to|to\s+be\s+(?:held|signed|launched|opened)|(?:is|are)\s+to|"
    r"(?:is|are)\s+(?:expected|due)\s+(?:at|in|on|for|back)\b|"
    r"(?:was|were)\s+to\s+(?!(?:the|a|an|his|her|its|their|this|that)\b)(?-i:[a-z])\w*|upcoming|"
    r"(?:ends|begins|starts|concludes|opens|closes|runs\s+(?:until|through|to))|"
    r"forthcoming|scheduled)\b|\w'll\b", re.IGNORECASE)
# "had planned to visit in December": a plan told in the past perfect is not a future.
PAST_PERFECT_CUE = re.compile(r"\bhad\s+(?:been\s+)?(?:\w+\s+)?$", re.IGNORECASE)
REPORTING_VERB_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|noted|confirmed|revealed|disclosed)\s*$",
    re.IGNORECASE)
