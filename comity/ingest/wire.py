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
