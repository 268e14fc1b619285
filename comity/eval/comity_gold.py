"""comity's gold format (``../shared/gold/*.jsonl``): one annotated report per line.

Validated with pydantic at the boundary (gold files are input like any other). The fields
kept are those ``../shared/tools/score.py`` scores; others (notes, mechanisms, names as
written) are ignored. Two score.py rules are settled here, at read time:

- a meeting row's countries are its ``countries`` (else its participants' countries) plus
  its ``host_country``;
- an agreement's status is its ``status``, else its ``status_in_article``;
- a report's predicted events are labelled by PLOVER type when one of its gold events has a
  ``type`` key and no ``cameo`` key (``GoldDoc.label_by_plover``).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import Errors, EvalError
from ..ingest.jsonl import parse_published
from .gold import GoldActor, GoldAgreement, GoldDoc, GoldEvent, GoldMeeting, GoldPerson, read_lines


def _as_str(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class _Event(BaseModel):
    model_config = ConfigDict(extra="ignore")
    cameo: str | None = None
    type: str | None = None
    source: str | None = None
    target: str | None = None
    date: str | None = None
    optional: bool = False
    note: str = ""

    @field_validator("source", "target", mode="before")
    @classmethod
    def _country(cls, value: Any) -> Any:
        # FORMAT.md actors are objects; gold files write the bare country code.
        return value.get("country") if isinstance(value, dict) else value


class _Participant(BaseModel):
    model_config = ConfigDict(extra="ignore")
    country: str | None = None


class _Meeting(BaseModel):
    model_config = ConfigDict(extra="ignore")
    date: str | None = None
    place: str | None = None
    countries: list[str] | None = None
    participants: list[_Participant] = []
    host_country: str | None = None
    status: str | None = "held"  # an explicit null is "not held", as in score.py


class _Agreement(BaseModel):
    model_config = ConfigDict(extra="ignore")
    kind: str | None = None
    parties: list[str] | None = None
    period_start: int | None = None
    period_end: int | None = None
    status: str | None = None
    status_in_article: str | None = None
    signed_on: str | None = None


class _Person(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str | None = None
    country: str | None = None
    role: str | None = None


class _Report(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    published: dt.date | None = None
    events: list[_Event] = []
    meetings: list[_Meeting] = []
    agreements: list[_Agreement] = []
    persons: list[_Person] = []

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_str(cls, value: Any) -> Any:
        return _as_str(value)

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> dt.date | None:
        return parse_published(value)


def read_comity_gold(path: str | Path) -> list[GoldDoc]:
    """Read comity-format gold JSON Lines; raises EvalError (E301) naming the file and line."""
    docs = []
    for n, line in enumerate(read_lines(path).splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvalError(Errors.E301.format(where=where, detail=f"not JSON: {e}")) from e
        if not isinstance(data, dict):
            raise EvalError(Errors.E301.format(where=where, detail="expected a JSON object per line"))
        try:
            report = _Report.model_validate(data)
        except ValidationError as e:
            first = e.errors()[0]
            loc = ".".join(str(x) for x in first["loc"])
            raise EvalError(Errors.E301.format(where=where, detail=f"{loc}: {first['msg']}")) from e
        by_plover = any("type" in e and "cameo" not in e for e in data.get("events") or [] if isinstance(e, dict))
        docs.append(_doc(report, by_plover))
    return docs


def _actor(country: str | None) -> tuple[GoldActor, ...]:
    return (GoldActor(country=country, code=country),) if country else ()


def _doc(report: _Report, by_plover: bool) -> GoldDoc:
    events = tuple(
        GoldEvent(cameo=e.cameo or None, plover=e.type, source=_actor(e.source), target=_actor(e.target),
                  date=e.date, optional=e.optional, raw_type=e.type, note=e.note)
        for e in report.events
    )
    meetings = []
    for m in report.meetings:
        countries = list(m.countries) if m.countries else [p.country for p in m.participants]
        if m.host_country:
            countries.append(m.host_country)
        meetings.append(GoldMeeting(date=m.date, countries=tuple(c for c in countries if c),
                                    place=m.place, status=m.status))
    agreements = tuple(
        GoldAgreement(kind=a.kind, parties=tuple(a.parties or ()), period_start=a.period_start,
                      period_end=a.period_end, status=a.status or a.status_in_article,
                      signed_on=a.signed_on)
        for a in report.agreements
    )
    persons = tuple(GoldPerson(name=p.name, country=p.country, role=p.role) for p in report.persons)
    return GoldDoc(id=report.id, format="comity", published=report.published, events=events,
                   meetings=tuple(meetings), agreements=agreements, persons=persons,
                   label_by_plover=by_plover)
