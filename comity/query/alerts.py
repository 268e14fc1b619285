"""Alerts and alert rules, read from the store (issue 18; docs/alerts.md): what `comity alerts`, the
web view and the Atom feed show."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from ..alert_rules import describe, rules_of
from ..errors import Errors, StoreError
from ..storage import schema as s
from .filters import parse_date


@dataclass(frozen=True, slots=True)
class AlertRow:
    id: int
    rule: str
    kind: str  # agreement | meeting | event | person
    fact_id: int  # the agreement's, meeting's, event's or person's id in the store
    status: str  # an agreement's status; "story N" for a person; "" otherwise
    date: str | None  # the fact's date (an agreement's signing, the event's day...)
    summary: str
    sources: int  # reports (and copies of them) telling the fact so far
    article_id: int  # the report that raised the alert: its store id (the web view's /report/ID)
    report: str  # and its id as read
    source: str | None  # its agency
    url: str | None
    evidence: str
    created_at: str
    updated_at: str
    delivery: str | None = None  # its POST to the rule's webhook: None (no webhook), pending, delivered
    delivery_error: str | None = None  # why the last try failed, while pending


@dataclass(frozen=True, slots=True)
class RuleRow:
    name: str
    watches: str  # alert_rules.describe: "agreement between LAO and VNM"
    on: list[str]
    dyad: str | None
    country: str | None
    types: list[str]
    statuses: list[str]
    person: str | None
    min_sources: int
    origin: str
    alerts: int
    created_at: str
    updated_at: str
    webhook: str | None = None


def parse_since(value: str) -> str:
    """A day, month or year (YYYY-MM-DD, YYYY-MM, YYYY) or an ISO time (2026-12-06T17:00, UTC unless it
    says): the alerts created from then (creation times are ISO strings in UTC, compared as text)."""
    value = value.strip()
    if len(value) <= 10:
        return parse_date(value)
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise StoreError(Errors.E208.format(value=value)) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def list_alerts(conn: Connection, *, since: str | None = None, rule: str | None = None,
                limit: int = 100) -> list[AlertRow]:
    """Alerts, newest first; `since` from parse_since, `rule` a rule's name (StoreError if none is)."""
    a, r = s.alerts.c, s.alert_rules.c
    query = _alert_select()
    if rule is not None:
        if conn.execute(select(r.id).where(r.name == rule)).first() is None:
            raise StoreError(Errors.E210.format(name=rule))
        query = query.where(r.name == rule)
    if since is not None:
        query = query.where(a.created_at >= since)
    rows = conn.execute(query.order_by(a.created_at.desc(), a.id.desc()).limit(limit)).all()
    return [AlertRow(*row) for row in rows]


def alerts_by_id(conn: Connection, ids: list[int]) -> dict[int, AlertRow]:
    """These alerts, by id (what a webhook is sent)."""
    rows = conn.execute(_alert_select().where(s.alerts.c.id.in_(ids))).all() if ids else []
    return {row[0]: AlertRow(*row) for row in rows}


def _alert_select():  # type: ignore[no-untyped-def]
    a, r, ar = s.alerts.c, s.alert_rules.c, s.articles.c
    return (select(a.id, r.name, a.kind, a.fact_id, a.status, a.fact_date, a.summary, a.sources, ar.id,
                   ar.input_id, ar.source, ar.url, a.evidence, a.created_at, a.updated_at, a.delivery,
                   a.delivery_error)
            .join(s.alert_rules, r.id == a.rule_id).join(s.articles, ar.id == a.article_id))


def list_rules(conn: Connection) -> list[RuleRow]:
    counts = dict(conn.execute(select(s.alerts.c.rule_id, func.count()).group_by(s.alerts.c.rule_id)).all())
    rows = conn.execute(select(s.alert_rules).order_by(s.alert_rules.c.name)).mappings().all()
    out = []
    for (rid, rule), row in zip(rules_of(rows), rows):
        out.append(RuleRow(name=rule.name, watches=describe(rule), on=list(rule.on),
                           dyad="-".join(rule.dyad) if rule.dyad else None, country=rule.country,
                           types=list(rule.types), statuses=list(rule.statuses), person=rule.person,
                           min_sources=rule.min_sources, origin=rule.origin, alerts=counts.get(rid, 0),
                           created_at=row["created_at"], updated_at=row["updated_at"], webhook=rule.webhook))
    return out
