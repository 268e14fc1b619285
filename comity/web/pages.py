"""One function per page: a connection and the request's values in, the page's context out.

The HTML route and its JSON twin both call these, so the page and the API cannot drift
apart. All the querying is in comity.query (service.py, shared with the CLI, and
views.py); here the results are only put together.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from sqlalchemy import Connection

from ..errors import StoreError
from ..source_yaml import load_source
from ..query import (
    EventFilter,
    count_events,
    dyads,
    list_events,
    list_persons,
    parse_dyad,
    search,
    views,
)
from .context import (
    AgreementContext,
    AlertsContext,
    DyadContext,
    DyadCount,
    EventContext,
    EventQuery,
    EventsContext,
    OverviewContext,
    PersonContext,
    ReportContext,
    RuleContext,
    SearchContext,
)

MONTHS_MAX = 72  # a chart spanning more months than this counts by year


class NotFound(LookupError):
    """No record with this id in the store (404)."""


@cache
def cameo_names() -> dict[str, str]:
    """CAMEO code -> name, from the codebook shipped with comity (read directly: no spaCy import)."""
    path = resources.files("comity") / "nlp" / "resources" / "cameo.yaml"
    data = load_source(path.read_text(encoding="utf-8"))
    return {str(code): str(entry.get("name", "")) for code, entry in (data.get("codes") or {}).items()}


@cache
def country_name(code: str) -> str:
    import pycountry

    if code == "IGO":
        return "intergovernmental organisation"
    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return code
    return getattr(found, "common_name", None) or found.name


_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")


def names_of(values: Iterable[str | None]) -> dict[str, str]:
    """Names of the country codes found in these strings ("VNM", "KHM-LAO-VNM", "040 CONSULT VNM → LAO")."""
    out = {}
    for value in values:
        for code in _CODE.findall(value or ""):
            name = country_name(code)
            if name != code:
                out[code] = name
    return dict(sorted(out.items()))


def periods_between(first: str | None, last: str | None, bucket: str) -> list[str]:
    if not first or not last:
        return []
    if bucket == "year":
        return [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]
    y, m = int(first[:4]), int(first[5:7]) if len(first) >= 7 else 1
    y1, m1 = int(last[:4]), int(last[5:7]) if len(last) >= 7 else 12
    out = []
    while (y, m) <= (y1, m1):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _month(date: str, default: int) -> int:
    return int(date[:4]) * 12 + (int(date[5:7]) if len(date) >= 7 else default) - 1


def bucket_for(first: str | None, last: str | None) -> str:
    if not first or not last:
        return "month"
    return "month" if _month(last, 12) - _month(first, 1) < MONTHS_MAX else "year"


def _chart_span(conn: Connection, dyad: tuple[str, str] | None) -> tuple[str | None, str | None, str, list[str],
                                                                          list[views.ActivityCount]]:
    first, last = views.date_range(conn, dyad)
    bucket = bucket_for(first, last)
    activity = views.activity(conn, dyad=dyad, bucket=bucket)
    return first, last, bucket, periods_between(first, last, bucket), activity


# ---- pages -------------------------------------------------------------------------------------------

def overview(conn: Connection, *, store: str) -> OverviewContext:
    first, last, bucket, periods, activity = _chart_span(conn, None)
    meetings, _ = views.meetings(conn, limit=10)
    agreements = views.agreements(conn, limit=10, latest_first=True)
    pairs = [DyadCount(a=x, b=y, events=n) for x, y, n in dyads(conn, limit=12)]
    codes = [c for d in pairs for c in (d.a, d.b)] + [m.meeting.countries for m in meetings] + \
        [c for ag in agreements for c in ag.parties]
    return OverviewContext(store=store, counts=views.counts(conn), dyads=pairs, meetings=meetings,
                           agreements=agreements, bucket=bucket, periods=periods, activity=activity,
                           first_date=first, last_date=last, names=names_of(codes))


def dyad(conn: Connection, pair: str) -> DyadContext:
    x, y = parse_dyad(pair)  # names or codes; UnknownCountry (404), SameCountry (422: VNM-VNM)
    f = EventFilter(dyad=(x, y), limit=10)
    first, last, bucket, periods, activity = _chart_span(conn, (x, y))
    meetings, total = views.meetings(conn, dyad=(x, y), limit=40)
    agreements = views.ladder_order(views.agreements(conn, dyad=(x, y), limit=200))
    mechanisms = views.mechanisms(conn, (x, y))
    recent = list_events(conn, f)
    codes = [x, y] + [c for ag in agreements for c in ag.parties] + [c for m in mechanisms for c in m.countries] + \
        [m.meeting.countries for m in meetings] + [r.source_country for r in recent] + [r.target_country for r in recent]
    return DyadContext(
        a=x, b=y, events=views.dyad_total(conn, (x, y)), first_date=first, last_date=last, bucket=bucket, periods=periods,
        activity=activity, meetings=meetings, meetings_total=total, agreements=agreements, mechanisms=mechanisms,
        persons=views.dyad_persons(conn, (x, y), meetings), recent_events=recent, names=names_of(codes))


def agreement(conn: Connection, agreement_id: int) -> AgreementContext:
    detail = views.get_agreement(conn, agreement_id)
    if detail is None:
        raise NotFound(f"no agreement {agreement_id} in the store")
    return AgreementContext(detail=detail, names=names_of(detail.agreement.parties))


def person(conn: Connection, person_id: int) -> PersonContext:
    detail = views.get_person_by_id(conn, person_id)  # what the CLI's `comity person` shows
    if detail is None:
        raise NotFound(f"no person {person_id} in the store")
    counterparts = views.counterparts(conn, person_id)
    events = views.person_events(conn, person_id)
    codes = [detail.person.country] + [c.person.country for c in counterparts] + \
        [m.countries for m in detail.meetings] + [e.source_country for e in events] + [e.target_country for e in events]
    return PersonContext(id=person_id, detail=detail, counterparts=counterparts, events=events, names=names_of(codes))


def report(conn: Connection, article_id: int) -> ReportContext:
    detail = views.get_report(conn, article_id, cameo_names=cameo_names())
    if detail is None:
        raise NotFound(f"no report {article_id} in the store")
    kinds: dict[str, int] = {}
    for h in detail.records:
        kinds[h.kind] = kinds.get(h.kind, 0) + 1
    codes = [m.meeting.countries for m in detail.meetings] + [h.label for h in detail.records]
    return ReportContext(report=detail, kinds=kinds, names=names_of(codes))


ALERTS_SHOWN = 200


def alerts(conn: Connection, rule: str | None = None) -> AlertsContext:
    """The alert rules and the alerts they raised (of one rule: NotFound if no rule has that name)."""
    from ..query.alerts import list_alerts, list_rules

    rules = list_rules(conn)
    if rule is not None and rule not in {r.name for r in rules}:
        raise NotFound(f"no alert rule is named {rule!r}")
    return AlertsContext(rule=rule, rules=rules, alerts=list_alerts(conn, rule=rule, limit=ALERTS_SHOWN))


def rule(rule_id: str) -> RuleContext:
    """A rule by id: read from comity's own data files, not the store (no connection)."""
    from ..rules import rule_source

    found = rule_source(rule_id)
    if not found.known:
        raise NotFound(f"no rule {rule_id} in comity's trigger table or code")
    return RuleContext(id=found.id, rows=list(found.rows), code=found.code)


def event(conn: Connection, event_id: int) -> EventContext:
    detail = views.get_event(conn, event_id)
    if detail is None:
        raise NotFound(f"no event {event_id} in the store")
    meetings = [m.meeting for m in views.meeting_items(conn, _meeting_rows(conn, detail.meetings))]
    ev = detail.event
    return EventContext(detail=detail, cameo_name=cameo_names().get(ev.cameo, ""), meetings=meetings,
                        names=names_of([ev.source_country, ev.target_country]))


def _meeting_rows(conn: Connection, ids: Iterable[int]) -> list:
    from sqlalchemy import func, select

    from ..storage import schema as s

    wanted = list(ids)
    if not wanted:
        return []
    mt, mtm = s.meetings.c, s.meeting_mentions.c
    reports = select(func.count(func.distinct(mtm.article_id))).where(mtm.meeting_id == mt.id).scalar_subquery()
    return list(conn.execute(select(s.meetings, reports.label("reports")).where(mt.id.in_(wanted))
                             .order_by(mt.date, mt.id)).all())


PER_PAGE = 50
MAX_PAGE = 100_000


def events(conn: Connection, query: EventQuery, *, page: int = 1, per_page: int = PER_PAGE) -> EventsContext:
    page, per_page = max(1, min(page, MAX_PAGE)), max(1, min(per_page, 200))
    f = EventFilter.parse(dyad=query.dyad, country=query.country, type=query.type, since=query.since,
                          until=query.until, person=query.person, text=query.text, limit=per_page,
                          offset=(page - 1) * per_page)
    total = count_events(conn, f)
    rows = list_events(conn, f)
    codes = [r.source_country for r in rows] + [r.target_country for r in rows] + [query.dyad, query.country]
    return EventsContext(query=query, page=page, per_page=per_page, pages=max(1, math.ceil(total / per_page)),
                         total=total, events=rows, names=names_of(codes))


def find(conn: Connection, q: str) -> SearchContext:
    q = " ".join(q.split())[:200]
    pair = None
    try:
        x, y = parse_dyad(q)
        pair = f"{x}-{y}" if x != y else None
    except StoreError:
        pass
    if not q:
        return SearchContext(q=q, dyad=None, reports=[], persons=[], agreements=[], names={})
    persons = list_persons(conn, name=q, limit=20)
    agreements = views.find_agreements(conn, q)
    codes = [p.country for p in persons] + [c for ag in agreements for c in ag.parties] + [pair]
    return SearchContext(q=q, dyad=pair, reports=search(conn, q, limit=20), persons=persons, agreements=agreements,
                         names=names_of(codes))

