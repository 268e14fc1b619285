"""The wire layout: `date YYYY-MM-DD`, a dateline, a dash, the body, an agency sign-off.

    " date 2024-12-18 HÀ NỘI — Defence Minister ... defence law. — VNS"
    "SEOUL, March 19 (Yonhap) -- South Korea and Vietnam agreed ... (END)"

`parse_wire` finds these parts and returns where the body lies inside the text; it never
edits the text, so offsets into the body are offsets into the text as given. What it
tolerates:

- the `date` line may stand on its own line and be spelt `Date:`;
- the dash after the dateline may be `—`, `–`, `--` or ` - ` (a lone hyphen needs a space
  before it, so "Ba Ria-Vung Tau" stays one place);
- the dateline may be mixed case ("Hà Nội") after a `date` line. Without one, only an
  agency-style dateline (upper-case place, or `(Agency)` before the dash) is taken, so an
  ordinary first sentence with a dash in it is not mistaken for a dateline;
- `PLACE, Month Day (Agency) --`: the dateline is the place; the agency is the source
  unless a sign-off names one; TASS's `PLACE, Month Day. /TASS/.` likewise, and the day may
  come first ("3 October");
- sign-offs `— VNS`, `— VNA/VNS`, `-- AFP`, `(VNA)`, after the last sentence or on a
  line of their own; an end marker such as Yonhap's `(END)` is left out of the body but
  is not a source.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import Errors, InputError

_DATE_LINE = re.compile(r"\s*(?i:date)\s*:?\s+(?P<date>\d{4}-\d{1,2}-\d{1,2})\b\s*")

# Letters with spaces, dots, hyphens or apostrophes inside: "HÀ NỘI", "ST. PETERSBURG".
_PLACE = r"[^\W\d_]+(?:(?:[ .'’-]|\.\s)[^\W\d_]+){0,5}\.?"
_DASH = r"(?:\s*[—–―]+|\s*--+|\s+-|(?<=\))\s*-)\s*"
# "March 19", "3 October", "Jan 15, 2024", "15th January, 2024"
_WHEN = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})"
    rf"(?:,\s*(?P<when>{_WHEN}))?"
    r"(?:\s*\((?P<agency>[^()\n]{2,40})\))?"
    rf"{_DASH}(?:(?=\S)|\Z)"
)
# TASS: "MOSCOW, October 3. /TASS/. Russian Foreign Minister ..."; Montsame: "ULAANBAATAR, January 15
# (MONTSAME). The President ..." (an upper-case place and a day: not an ordinary sentence's bracket)
_DATELINE_SLASHED = re.compile(
    rf"(?P<place>{_PLACE}),\s*(?P<when>{_WHEN})"
    r"(?:\.?\s*/(?P<agency>[A-Z][\w ]{1,20})/\.?|\s*\((?P<agency_p>[A-Z][\w ]{1,20})\)\.)\s+(?=\S)"
)

# An agency is one to three capitalised words, possibly joined by "/" ("VNA/VNS"), or dpa.
_AGENCY = r"(?:dpa|[A-Z][\w&]*(?:/[A-Z][\w&]*)*(?: [A-Z][\w&]*){0,2})"
# A sign-off follows the end of a sentence (or stands on its own line).
_AFTER_SENTENCE = r"(?:(?<=[.!?\"'”’)\]])|(?<=\n))"
_SIGN_OFF = re.compile(
    rf"{_AFTER_SENTENCE}(?P<sep>\s*(?:[—–―]+|--+|(?<=\s)-))\s*(?P<agency>{_AGENCY})\s*\Z"
    rf"|{_AFTER_SENTENCE}\s*\((?P<agency2>{_AGENCY})\)\s*\Z"
)
# An upper-case place and a colon ("BEIJING: Chinese Defence Minister ..."); a place and its
# country before an agency or a dash ("MANILA, Philippines (AP) —"); a place and a long bracket
# ("ABU DHABI, (UrduPoint / WAM - 24th Nov, 2019) Mohammed ...").
_DATELINE_COLON = re.compile(rf"(?P<place>{_PLACE}):[ \t]+(?=[\"“A-Z])")
_DATELINE_COUNTRY = re.compile(
    rf"(?P<place>{_PLACE}),\s*(?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    rf"(?:,\s*(?P<when>{_WHEN}))?"
    r"(?:\s*\((?P<agency>[^()\n]{2,40})\))?"
    rf"(?:{_DASH}(?=\S)|(?<=\d)[ \t]*\n)"
)
# A day and an agency without a dash ("New Delhi, May 25 (IANS) US President ..."); an agency
# between slashes without a day ("Ulaanbaatar /MONTSAME/. ...").
_DATELINE_NO_DASH = re.compile(
    rf"(?P<place>{_PLACE}),\s*(?P<when>{_WHEN})\s*\((?P<agency>[A-Z][\w ]{{1,20}})\)[ \t]+(?=[A-Z])"
    rf"|(?P<place2>{_PLACE})\s*/(?P<agency2>[A-Z][A-Z ]{{1,20}})/\.?[ \t]+(?=[A-Z])"
)
_DATELINE_BRACKET = re.compile(rf"(?P<place>{_PLACE}),?\s*\((?P<agency>[^()\n]{{2,80}})\)[ \t]+(?=[A-Z])")
# A dateline on a line of its own, followed by an empty line ("NEW YORK\n\nTurkish ...").
_DATELINE_ALONE = re.compile(r"(?P<place>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,2})[ \t]*\n[ \t]*\n")
# Banner, headline, byline and photo-caption lines come before the dateline in pages taken off
# the web; a dateline that opens a line this far into the body is still the report's.
_HEADER_SPAN = 1500
_TAIL = 200
_END_MARK = re.compile(r"(?:\(\s*(?:END|ENDS|ENDIT)\s*\)|-+\s*(?:END|ENDS)\s*-+|#{3,})\s*\Z", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Wire:
    """What the wire layout says about one text; `body_start`/`body_end` are half-open."""

    published: dt.date | None
    dateline: str | None
    source: str | None
    body_start: int
    body_end: int


def _parse_date(value: str, where: str) -> dt.date:
    try:
        year, month, day = (int(part) for part in value.split("-"))
        return dt.date(year, month, day)
    except ValueError as e:
        # A header with an impossible date is a typo to fix, not a report with no date.
        raise InputError(where, Errors.E011.format(value=value)) from e


def _dateline(text: str, pos: int, *, after_date_line: bool) -> tuple[re.Match[str] | None, int]:
    match = _DATELINE.match(text, pos) or _DATELINE_SLASHED.match(text, pos)
    if match is None or len(match["place"]) > 40:
        return None, pos
    place = match["place"]
    agency_style = match["agency"] is not None or match["when"] is not None
    if not after_date_line and not agency_style and place != place.upper():
        return None, pos
    return match, match.end()


def _upper(place: str) -> bool:
    return place == place.upper() and sum(c.isalpha() for c in place) >= 3


def _sign_off(text: str, end: int) -> tuple[str | None, int]:
    """Return (agency, new end) after removing an end marker and a sign-off before `end`."""
    # Both sit in the last few words; searching only there keeps long texts cheap.
    marker = _END_MARK.search(text, max(0, end - _TAIL), end)
    if marker:
        end = len(text[: marker.start()].rstrip())
    match = _SIGN_OFF.search(text, max(0, end - _TAIL), end)
    if match is None:
        return None, end
    agency = match["agency"] or match["agency2"]
    return agency, len(text[: match.start()].rstrip())


def parse_wire(text: str, *, where: str = "text") -> Wire:
    """Find the wire header and sign-off in `text`; absent parts come back as None.

    Raises InputError (E011) for a `date` line with an impossible date, and (E013) when
    nothing is left between header and sign-off.
    """
    pos = len(text) - len(text.lstrip())
    published = None
    date_line = _DATE_LINE.match(text)
    if date_line:
        published = _parse_date(date_line["date"], where)
        pos = date_line.end()
    match, pos = _dateline(text, pos, after_date_line=date_line is not None)
    end = len(text.rstrip())
    source, end = _sign_off(text, end)
    if match is not None and source is None:
        source = match["agency"] or match.groupdict().get("agency_p")
    if pos >= end:
        raise InputError(where, Errors.E013)
    dateline = match["place"] if match is not None else None
    return Wire(published, dateline, source, pos, end)



def dateline_when(article_text: str, body_start: int) -> str | None:
    """The day a wire dateline writes, as written ("August 1" in "MOSCOW, August 1. /TASS/.", "Nov 6"
    in "BERLIN, Nov 6 (Reuters) -"), or None when the header has no dateline or it names no day.
    Resolving it is the date finder's work (`comity.pipeline.dateline_day`)."""
    if body_start <= 0:
        return None  # no header was recognised, so no dateline either
    date_line = _DATE_LINE.match(article_text, 0, body_start)
    pos = date_line.end() if date_line else len(article_text) - len(article_text.lstrip())
    # matched on the whole text, as parse_wire does: a dateline's pattern looks at what follows it
    match = _DATELINE.match(article_text, pos) or _DATELINE_SLASHED.match(article_text, pos)
    if match is None or not match["when"] or match.start("when") >= body_start:
        return None
    return match["when"]


def header_datelines(article_text: str, body_start: int, body_end: int) -> Iterator[str]:
    """Places that may be the dateline of a report whose text does not open with one: a dateline
    opening a line of the body's first `_HEADER_SPAN` characters, after banner, headline, byline or
    photo-caption lines of a page taken off the web ("...Counterparts\n\nSINGAPORE, June 1, 2013 –").
    An upper-case place is offered before a dash, a colon, a bracket or an empty line; a mixed-case
    one only before a day, an agency or its country ("Tokyo, Nov. 17 (Jiji Press)--"), or before a
    colon where the body opens ("Muscat: An official session ..."). They come in
    the order written; which of them is a place is the gazetteer's to say (`comity.pipeline`)."""
    text = article_text[: min(body_end, body_start + _HEADER_SPAN)]
    starts = (line.end() for line in re.finditer(r"^[ \t]*(?=\S)", text, re.MULTILINE))
    for pos in [body_start, *(p for p in starts if p > body_start)]:
        match = _DATELINE_COUNTRY.match(text, pos) or _DATELINE.match(text, pos) \
            or _DATELINE_SLASHED.match(text, pos)
        if match is not None and len(match["place"]) <= 40:
            evidence = match.groupdict().get("country") or match["when"] or match["agency"]
            if evidence or _upper(match["place"]):
                yield match["place"]
                continue
        match = _DATELINE_NO_DASH.match(text, pos)
        if match is not None:
            yield match["place"] or match["place2"]
            continue
        for pattern in (_DATELINE_COLON, _DATELINE_BRACKET, _DATELINE_ALONE):
            match = pattern.match(text, pos)
            # where the body opens, a mixed-case place before a colon is a dateline too ("Muscat: An ...")
            opening = pos == body_start and pattern is _DATELINE_COLON
            if match is not None and (_upper(match["place"]) or opening) and len(match["place"]) <= 40:
                yield match["place"]
                break
