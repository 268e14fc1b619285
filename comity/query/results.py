"""What queries return: small frozen records, the same for the CLI (table, JSON, CSV) and the web UI.

`ids` are store ids, stable for the life of a store; `reports` counts the distinct stored
reports (stories' primary copies) behind a row, `sources` names the agencies of every copy.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    date: str | None
    cameo: str
    plover_type: str
    quad_class: int | None
    goldstein: float | None
    source_country: str | None
    source_sector: str | None
    target_country: str | None
    target_sector: str | None
    place: str | None
    mentions: int
    reports: int
    sources: tuple[str, ...]
    persons: tuple[str, ...]
    evidence: str  # the first report's sentence
    report: str  # the first report's id (file stem or JSONL id)


@dataclass(frozen=True, slots=True)
class TimelineItem:
    date: str | None
    kind: str  # meeting | event | agreement
    code: str  # meeting kind, CAMEO code, or agreement kind
    summary: str
    countries: str
    place: str | None
    reports: int
    id: int


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: int
    name: str
    country: str | None
    titles: tuple[str, ...]  # as last reported
    rank: str | None
    first_seen: str | None
    last_seen: str | None
    reports: int


@dataclass(frozen=True, slots=True)
class Office:
    """A title (or rank) and when reports gave it: first and last report dates, and how many."""

    title: str
    first_seen: str | None
    last_seen: str | None
    reports: int


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: int
    date: str | None
    kind: str
    countries: str
    place: str | None
    host_country: str | None
    reports: int


@dataclass(frozen=True, slots=True)
class PersonDetail:
    person: PersonRow
    names: tuple[str, ...]  # every spelling reports used
    offices: tuple[Office, ...]
    ranks: tuple[Office, ...]
    meetings: tuple[MeetingRow, ...]
    events: int  # events the person acts in, as source or target


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: int
    report: str
    published: str | None
    source: str | None
    copies: int
    snippet: str
    score: float
