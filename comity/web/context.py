"""Page contexts: what each page shows, as typed records with a description per field.

Each HTML page renders one of these, and its JSON twin (`/api/...`) returns the very same
object, built by the same function in pages.py; FastAPI turns them into the OpenAPI
schema, descriptions included (a test checks that every field has one). The records
inside come from comity.query unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from ..query.alerts import AlertRow
from ..query.alerts import RuleRow as AlertRuleRow
from ..rules import RuleRow
from ..query.results import EventRow, MeetingRow, Office, PersonDetail, PersonRow, SearchHit
from ..query.views import (
    ActivityCount,
    AgreementDetail,
    AgreementRow,
    Counterpart,
    EventDetail,
    MechanismRow,
    MeetingItem,
    PersonRef,
    ReportDetail,
)


def doc(text: str) -> object:
    return Field(description=text)


Names = Annotated[dict[str, str], doc("Display names of the country codes on the page (ISO 3166-1 alpha-3 -> name)")]


@dataclass(frozen=True, slots=True)
class DyadCount:
    a: Annotated[str, doc("First country (ISO alpha-3), alphabetically")]
    b: Annotated[str, doc("Second country")]
    events: Annotated[int, doc("Events between them, either direction")]


@dataclass(frozen=True, slots=True)
class OverviewContext:
    store: Annotated[str, doc("The store shown (URL without password)")]
    counts: Annotated[dict[str, int], doc(
        "Rows in the store: reports (stories), copies (every copy read), events, meetings, agreements, "
        "mechanisms, persons")]
    dyads: Annotated[list[DyadCount], doc("The country pairs with most events, most first")]
    meetings: Annotated[list[MeetingItem], doc("The latest meetings, newest first")]
    agreements: Annotated[list[AgreementRow], doc("The agreements most recently reported on, newest first")]
    bucket: Annotated[str, doc("Period of the activity chart: month or year")]
    periods: Annotated[list[str], doc("Every period of the chart, in order, including empty ones")]
    activity: Annotated[list[ActivityCount], doc("Events per period and PLOVER type (the chart's data)")]
    first_date: Annotated[str | None, doc("Earliest event date in the store")]
    last_date: Annotated[str | None, doc("Latest event date in the store")]
    names: Names


@dataclass(frozen=True, slots=True)
class DyadContext:
    a: Annotated[str, doc("First country of the dyad, as asked (ISO alpha-3)")]
    b: Annotated[str, doc("Second country of the dyad")]
    events: Annotated[int, doc("Events between the two, either direction")]
    first_date: Annotated[str | None, doc("Earliest dated event of the dyad")]
    last_date: Annotated[str | None, doc("Latest dated event of the dyad")]
    bucket: Annotated[str, doc("Period of the timeline chart: month (spans up to six years) or year")]
    periods: Annotated[list[str], doc("Every period of the chart, in order, including empty ones")]
    activity: Annotated[list[ActivityCount], doc("Events per period and PLOVER type: the timeline chart's data")]
    meetings: Annotated[list[MeetingItem], doc("The latest meetings of the two (both among those meeting), "
                                               "newest first, with place, participants and reports")]
    meetings_total: Annotated[int, doc("All their meetings (the list shows the latest)")]
    agreements: Annotated[list[AgreementRow], doc(
        "The agreement ladder: instruments whose parties include both, protocols first, then plans, MoUs "
        "and the rest, each with its period, status marks and relations")]
    mechanisms: Annotated[list[MechanismRow], doc("Recurring mechanisms with both as members, and their occurrences")]
    persons: Annotated[list[PersonRef], doc(
        "People acting in the dyad's latest 500 events and the meetings listed; count = how often")]
    recent_events: Annotated[list[EventRow], doc("The latest events (the events page lists them all)")]
    names: Names


@dataclass(frozen=True, slots=True)
class AgreementContext:
    detail: Annotated[AgreementDetail, doc(
        "The instrument, its status observations (each quote with the report text around it), "
        "contradictions between reports, and related instruments")]
    names: Names


@dataclass(frozen=True, slots=True)
class PersonContext:
    id: Annotated[int, doc("The person's store id")]
    detail: Annotated[PersonDetail, doc("Name, spellings, offices and ranks over time, meetings")]
    counterparts: Annotated[list[Counterpart], doc("Who they met or acted towards, most often first")]
    events: Annotated[list[EventRow], doc("The latest events they act in")]
    names: Names


@dataclass(frozen=True, slots=True)
class ReportContext:
    report: Annotated[ReportDetail, doc(
        "The report's text as given and every record extracted from it, with half-open character offsets "
        "into that text")]
    kinds: Annotated[dict[str, int], doc("How many records of each kind (event, agreement, mechanism, person)")]
    names: Names


@dataclass(frozen=True, slots=True)
class EventContext:
    detail: Annotated[EventDetail, doc("The event and every report's sentence about it")]
    cameo_name: Annotated[str, doc("The CAMEO code's name")]
    meetings: Annotated[list[MeetingRow], doc("Meetings this event belongs to")]
    names: Names


@dataclass(frozen=True, slots=True)
class RuleContext:
    id: Annotated[str, doc("The rule's id, as records carry it in `rule` (docs/extraction.md)")]
    rows: Annotated[list[RuleRow], doc(
        "The data rows that define it: file under comity/nlp/resources, first line (from 1) and text as "
        "written. Several rows share a `<family>.<lemma>` name until they are given ids of their own")]
    code: Annotated[str | None, doc("For a rule written in code, not data: the module that holds it")]


@dataclass(frozen=True, slots=True)
class EventQuery:
    dyad: Annotated[str | None, doc("Two country codes, e.g. VNM-LAO (either direction)")] = None
    country: Annotated[str | None, doc("One country code, as actor or recipient")] = None
    type: Annotated[str | None, doc("A PLOVER type (CONSULT) or CAMEO digits (04, 042)")] = None
    since: Annotated[str | None, doc("From this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive")] = None
    until: Annotated[str | None, doc("Up to this date, inclusive")] = None
    person: Annotated[str | None, doc("A person's name, diacritics optional")] = None
    text: Annotated[str | None, doc("Words in the quoted sentence, diacritics optional")] = None


@dataclass(frozen=True, slots=True)
class EventsContext:
    query: Annotated[EventQuery, doc("The filters applied (all combined)")]
    page: Annotated[int, doc("This page, from 1")]
    per_page: Annotated[int, doc("Events per page")]
    pages: Annotated[int, doc("Number of pages")]
    total: Annotated[int, doc("Events matching the filters")]
    events: Annotated[list[EventRow], doc("This page's events, newest first")]
    names: Names


@dataclass(frozen=True, slots=True)
class SearchContext:
    q: Annotated[str, doc("The words searched for")]
    dyad: Annotated[str | None, doc("The dyad page to go to, when the query is two country codes")]
    reports: Annotated[list[SearchHit], doc("Reports containing every word, best first")]
    persons: Annotated[list[PersonRow], doc("People whose name contains the query")]
    agreements: Annotated[list[AgreementRow], doc("Agreements whose name contains every word")]
    names: Names


@dataclass(frozen=True, slots=True)
class AlertsContext:
    rule: Annotated[str | None, doc("The rule whose alerts are shown (none: every rule's)")]
    rules: Annotated[list[AlertRuleRow], doc("The alert rules kept in the store, by name (docs/alerts.md)")]
    alerts: Annotated[list[AlertRow], doc("The alerts raised, newest first (at most 200)")]


@dataclass(frozen=True, slots=True)
class ErrorBody:
    detail: Annotated[str, doc("What was wrong with the request")]


CONTEXTS = (OverviewContext, DyadContext, AgreementContext, PersonContext, ReportContext, EventContext,
            EventsContext, SearchContext, AlertsContext)
__all__ = [c.__name__ for c in CONTEXTS] + ["DyadCount", "ErrorBody", "EventQuery", "MeetingRow", "Office"]
