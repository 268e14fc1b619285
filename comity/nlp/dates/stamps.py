"""Dates that only stamp the page: a byline or crawl line ("Added On November 12, 2017",
"Ahram Online, Tuesday 30 Jul 2013", "Reuters January 25, 2020") and photo captions
("... in Quito, Saturday, April 6, 2024. (AP Photo/...)").

Real reports arrive with the page around them. Such a date says when the page or the photo
was made, not when the encounter the story tells took place, so comity's rules must not
date events or signings by it (the annotation guide: "a site banner, a timestamp or a 'last
updated' line is not the event date unless the body supports it"). `mark_stamps` gives those
mentions the kind "stamp"; every rule that dates an act reads only points and ranges.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .mention import DateMention

# A line is a stamp when, without its date, at most this many words are left ("Added On",
# an outlet's name, "Updated:") and it does not read as a sentence.
STAMP_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+(?:[.'’-][^\W\d_]+)*")
# Photo credits that end or open a caption: "(AP Photo/Name)", "PHOTO: REUTERS", "(Photo: Reuters)",
# "Photo credit:", "(File photo)", "/AFP)".
PHOTO_CREDIT = re.compile(r"\((?:[A-Z]{2,8}\s+)?(?:File\s+)?Photo\b|\bPHOTO\s*:|\bPhoto\s*(?:credit)?\s*:|"
                          r"/\s*(?:AFP|Getty Images|Reuters|AP)\s*\)|\bFile photo\b", re.I)


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (between newlines) that holds [start, end)."""
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1


# "14:14 | Lima, Jun. 28.": a place, a comma and the date is a dateline, which dates the story
_DATELINE_REST = re.compile(r"(?P<place>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,3})\s*,\s*\.?\s*$")


def is_stamp_line(line: str, mentions: list[DateMention], offset: int, is_place=lambda name: False) -> bool:
    """Whether a line is a date with at most a few words around it ("Added On November 12, 2017"),
    and not a dateline ("Lima, Jun. 28.", when `is_place("Lima")`)."""
    rest = line
    for m in sorted(mentions, key=lambda m: m.start, reverse=True):
        a, b = m.start - offset, m.end - offset
        rest = rest[:a] + " " + rest[b:]
    rest = rest.strip()
    words = len(_WORD.findall(rest))
    if words > STAMP_WORDS:
        return False  # most lines: text around the date (checked first: the rest is cheap on short lines only)
    dateline = _DATELINE_REST.search(rest)
    if dateline and is_place(dateline["place"]):
        return False
    return not (rest.endswith((".", "!", "?")) and words > 1)  # "They met on Monday." is a sentence


def mark_stamps(text: str, mentions: list[DateMention], is_place=lambda name: False) -> list[DateMention]:
    """The mentions, with those on stamp lines and in photo captions of kind "stamp". `is_place`
    tells a city or country name, so that a dateline on a line of its own stays a date."""
    by_line: dict[tuple[int, int], list[DateMention]] = {}
    for m in mentions:
        by_line.setdefault(_line(text, m.start, m.end), []).append(m)
    stamped: set[tuple[int, int]] = set()
    for (a, b), ms in by_line.items():
        line = text[a:b]
        if PHOTO_CREDIT.search(line) or is_stamp_line(line, ms, a, is_place):
            stamped.update((m.start, m.end) for m in ms)
    return [replace(m, kind="stamp") if (m.start, m.end) in stamped else m for m in mentions]
