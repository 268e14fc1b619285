"""The query layer the CLI and the web UI share: filters in, typed rows out, plus exports.

    from comity.storage import Store
    from comity.query import EventFilter, list_events
    with Store.open() as store, store.read() as conn:
        rows = list_events(conn, EventFilter.parse(dyad="VNM-LAO", type="04"))
"""
from .alerts import AlertRow, RuleRow, list_alerts, list_rules, parse_since
from .filters import EventFilter, EventType, parse_country, parse_date, parse_dyad, resolve_country
from .runs import RunRow, list_runs
from .results import EventRow, MeetingRow, Office, PersonDetail, PersonRow, SearchHit, TimelineItem
from .service import (
    count_events, dyads, find_persons, get_person, list_events, list_meetings, list_persons, search, timeline,
)

__all__ = [
    "AlertRow", "RuleRow", "list_alerts", "list_rules", "parse_since", "RunRow", "list_runs",
    "EventFilter", "EventRow", "EventType", "MeetingRow", "Office", "PersonDetail", "PersonRow", "SearchHit",
    "TimelineItem", "count_events", "dyads", "find_persons", "get_person", "list_events", "list_meetings",
    "list_persons", "parse_country", "parse_date", "parse_dyad", "resolve_country", "search", "timeline",
]
