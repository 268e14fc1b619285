"""Alert rules kept in the store, and evaluated on what a batch adds (issue 18; docs/alerts.md).

`Store.save` calls `evaluate` in the batch's transaction, after the batch's rows and counts are
written: so every intake that stores through `Store.save` (`comity ingest`, `--workers`, Dask, the
library) raises alerts, and a batch is stored with its alerts or not at all. An alert is one fact for
one rule, keyed (rule, kind, fact id, status):

- event: an event (one real-world happening: date, code and dyad), status '';
- meeting: a meeting, status '';
- agreement: an instrument at one status: its first sighting raises one, each status it reaches later
  another;
- person: a person in one story (a report and its retellings), status "story N".

A later report of the same fact, or another copy of a report telling it (an aggregator's repost),
updates the alert's `sources` (and `updated_at`); it never adds a row. A rule with `min_sources: N`
raises its alert when the Nth source of the fact is stored. Rules are
evaluated on what is added after they are stored, not on what the store held before.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..alert_rules import AlertRule, Fact, rule_row, rules_of
from . import schema as s

_EVIDENCE_CHARS = 400


def save_rules(conn: Connection, rules: Sequence[AlertRule], now: str) -> dict[str, str]:
    """Store rules by name: a new name is added, a known one has its definition replaced (its alerts
    stay). Returns {name: "added" | "replaced" | "unchanged"}."""
    r = s.alert_rules.c
    known = {row["name"]: row for row in conn.execute(select(s.alert_rules)).mappings()}
    done: dict[str, str] = {}
    for rule in rules:
        row = rule_row(rule)
        old = known.get(rule.name)
        if old is None:
            conn.execute(s.alert_rules.insert().values(**row, created_at=now, updated_at=now))
            done[rule.name] = "added"
        elif any(old[k] != v for k, v in row.items() if k != "origin"):
            conn.execute(update(s.alert_rules).where(r.name == rule.name).values(**row, updated_at=now))
            done[rule.name] = "replaced"
        else:
            done[rule.name] = "unchanged"
    return done


def evaluate(conn: Connection, article_ids: Sequence[int], now: str) -> int:
    """Raise or update the alerts of every stored rule for the facts these reports tell (the new
    ones, and those a new copy was stored of); returns how many alerts were raised."""
    if not article_ids:
        return 0
    rules = rules_of(conn.execute(select(s.alert_rules).order_by(s.alert_rules.c.id)).mappings())
    if not rules:
        return 0
    kinds = {k for _, rule in rules for k in rule.on}
    ids = sorted(set(article_ids))
    facts: list[tuple[Fact, dict[str, Any]]] = []  # (what rules match, what the alert stores)
    if "event" in kinds:
        facts += _events(conn, ids)
    if "meeting" in kinds:
        facts += _meetings(conn, ids)
    if "agreement" in kinds:
        facts += _agreements(conn, ids)
    if "person" in kinds:
        facts += _persons(conn, ids)
    wanted = [{**alert, "rule_id": rid, "delivery": "pending" if rule.webhook else None}
              for fact, alert in facts for rid, rule in rules
              if rule.matches(fact) and alert["sources"] >= rule.min_sources]
    if not wanted:
        return 0
    a = s.alerts.c
    key = lambda x: (x["rule_id"], x["kind"], x["fact_id"], x["status"])  # noqa: E731
    existing = {key(row): row["sources"] for row in conn.execute(
        select(a.rule_id, a.kind, a.fact_id, a.status, a.sources).where(
            a.fact_id.in_(sorted({w["fact_id"] for w in wanted})))).mappings()}
    new = [{**w, "created_at": now, "updated_at": now} for w in wanted if key(w) not in existing]
    changed = [{"b_" + k: w[k] for k in ("rule_id", "kind", "fact_id", "status", "sources")}
               for w in wanted if key(w) in existing and existing[key(w)] != w["sources"]]
    if new:
        dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
        conn.execute(dialect.insert(s.alerts).on_conflict_do_nothing(), new)
    if changed:
        conn.execute(update(s.alerts).where(
            a.rule_id == bindparam("b_rule_id"), a.kind == bindparam("b_kind"),
            a.fact_id == bindparam("b_fact_id"), a.status == bindparam("b_status"),
        ).values(sources=bindparam("b_sources"), updated_at=now), changed)
    return len(new)


# ---- the facts a batch tells ---------------------------------------------------------------------------

def _person_keys(conn: Connection, person_ids: set[int]) -> dict[int, str]:
    if not person_ids:
        return {}
    p = s.persons.c
    return dict(conn.execute(select(p.id, p.key).where(p.id.in_(sorted(person_ids)))).all())


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EVIDENCE_CHARS else text[:_EVIDENCE_CHARS - 1] + "…"


def _events(conn: Connection, ids: list[int]) -> list[tuple[Fact, dict[str, Any]]]:
    mm, e = s.event_mentions.c, s.events.c
    rows = conn.execute(select(mm.event_id, mm.article_id, mm.evidence, mm.source_person_id,
                               mm.target_person_id, e.cameo, e.plover_type, e.source_country,
                               e.target_country, e.date, e.num_articles)
                        .join(s.events, e.id == mm.event_id).where(mm.article_id.in_(ids))
                        .order_by(mm.article_id, mm.id)).mappings().all()
    keys = _person_keys(conn, {r[c] for r in rows for c in ("source_person_id", "target_person_id") if r[c]})
    sources = _sources(conn, conn.execute(select(mm.event_id, mm.article_id).where(
        mm.event_id.in_(sorted({r["event_id"] for r in rows})))).all())
    first: dict[int, Any] = {}
    people: dict[int, set[str]] = defaultdict(set)
    for r in rows:
        first.setdefault(r["event_id"], r)
        people[r["event_id"]].update(keys[r[c]] for c in ("source_person_id", "target_person_id")
                                     if r[c] in keys)
    out = []
    for eid, r in first.items():
        dyad = f"{r['source_country'] or '?'}>{r['target_country'] or '?'}"
        fact = Fact("event", countries=frozenset(c for c in (r["source_country"], r["target_country"]) if c),
                    person_keys=frozenset(people[eid]), cameo=r["cameo"], plover=r["plover_type"])
        out.append((fact, {"kind": "event", "fact_id": eid, "status": "", "fact_date": r["date"],
                           "summary": " ".join(x for x in ("event", r["cameo"], r["plover_type"], dyad) if x),
                           "sources": sources[eid], "article_id": r["article_id"],
                           "evidence": _clip(r["evidence"])}))
    return out


def _meetings(conn: Connection, ids: list[int]) -> list[tuple[Fact, dict[str, Any]]]:
    mt, m = s.meeting_mentions.c, s.meetings.c
    rows = conn.execute(select(mt.meeting_id, mt.article_id, mt.participants, mt.events, m.date, m.kind,
                               m.countries, m.place_name)
                        .join(s.meetings, m.id == mt.meeting_id).where(mt.article_id.in_(ids))
                        .order_by(mt.article_id, mt.id)).mappings().all()
    if not rows:
        return []
    mids = sorted({r["meeting_id"] for r in rows})
    sources = _sources(conn, conn.execute(select(mt.meeting_id, mt.article_id)
                                          .where(mt.meeting_id.in_(mids))).all())
    keys = _person_keys(conn, {p for r in rows for p in r["participants"] if isinstance(p, int)})
    em = s.event_mentions.c
    quotes = {(q["article_id"], q["event_id"]): q["evidence"] for q in conn.execute(
        select(em.article_id, em.event_id, em.evidence).where(em.article_id.in_(ids))).mappings()}
    first: dict[int, Any] = {}
    people: dict[int, set[str]] = defaultdict(set)
    for r in rows:
        first.setdefault(r["meeting_id"], r)
        people[r["meeting_id"]].update(keys[p] for p in r["participants"] if p in keys)
    titles = _titles(conn, {r["article_id"] for r in first.values()})
    out = []
    for mid, r in first.items():
        quote = next((quotes[(r["article_id"], ev)] for ev in r["events"] if (r["article_id"], ev) in quotes),
                     titles.get(r["article_id"], ""))
        where = f" in {r['place_name']}" if r["place_name"] else ""
        fact = Fact("meeting", countries=frozenset(c for c in r["countries"].split("-") if c),
                    person_keys=frozenset(people[mid]))
        out.append((fact, {"kind": "meeting", "fact_id": mid, "status": "", "fact_date": r["date"],
                           "summary": f"meeting ({r['kind']}) {r['countries']}{where}",
                           "sources": sources[mid],
                           "article_id": r["article_id"], "evidence": _clip(quote)}))
    return out


def _agreements(conn: Connection, ids: list[int]) -> list[tuple[Fact, dict[str, Any]]]:
    ao, ag = s.agreement_observations.c, s.agreements.c
    rows = conn.execute(select(ao.agreement_id, ao.article_id, ao.status, ao.evidence, ao.signatories,
                               ao.witnesses,
                               ao.signed_on, ao.observed_on, ag.kind, ag.name, ag.parties)
                        .join(s.agreements, ag.id == ao.agreement_id).where(ao.article_id.in_(ids))
                        .order_by(ao.article_id, ao.id)).mappings().all()
    if not rows:
        return []
    aids = sorted({r["agreement_id"] for r in rows})
    sources = _sources(conn, (((i, st), art) for i, st, art in conn.execute(
        select(ao.agreement_id, ao.status, ao.article_id).where(ao.agreement_id.in_(aids))).all()))
    keys = _person_keys(conn, {p for r in rows for c in ("signatories", "witnesses") for p in r[c]
                               if isinstance(p, int)})
    first: dict[tuple[int, str], Any] = {}
    people: dict[tuple[int, str], set[str]] = defaultdict(set)
    for r in rows:
        k = (r["agreement_id"], r["status"])
        first.setdefault(k, r)
        people[k].update(keys[p] for c in ("signatories", "witnesses") for p in r[c] if p in keys)
    out = []
    for (aid, status), r in first.items():
        day = r["signed_on"] if status == "signed" and r["signed_on"] else r["observed_on"]
        fact = Fact("agreement", countries=frozenset(c for c in r["parties"].split("-") if c),
                    person_keys=frozenset(people[(aid, status)]), status=status)
        out.append((fact, {"kind": "agreement", "fact_id": aid, "status": status,
                           "fact_date": day,
                           "summary": f"{r['kind']} {status}: {r['name']} ({r['parties']})",
                           "sources": sources[(aid, status)], "article_id": r["article_id"],
                           "evidence": _clip(r["evidence"])}))
    return out


def _persons(conn: Connection, ids: list[int]) -> list[tuple[Fact, dict[str, Any]]]:
    """A person's appearance: the person in one story (a report and its retellings, store.py), so that
    every report of one visit is one appearance, and the next visit another."""
    po, p, a = s.person_observations.c, s.persons.c, s.articles.c
    rows = conn.execute(select(po.person_id, po.article_id, po.mentions, po.name.label("written"),
                               a.story_id, a.text, a.body_start, a.published, p.key,
                               p.name, p.country)
                        .join(s.persons, p.id == po.person_id).join(s.articles, a.id == po.article_id)
                        .where(po.article_id.in_(ids)).order_by(po.article_id, po.id)).mappings().all()
    if not rows:
        return []
    pids = sorted({r["person_id"] for r in rows})
    stories = sorted({r["story_id"] for r in rows})
    sources = _sources(conn, (((i, st), art) for i, st, art in conn.execute(
        select(po.person_id, a.story_id, po.article_id).join(s.articles, a.id == po.article_id)
        .where(po.person_id.in_(pids), a.story_id.in_(stories))).all()))
    first: dict[tuple[int, int], Any] = {}
    for r in rows:
        first.setdefault((r["person_id"], r["story_id"]), r)
    out = []
    for (pid, story), r in first.items():
        fact = Fact("person", countries=frozenset([r["country"]] if r["country"] else []),
                    person_keys=frozenset([r["key"]]))
        who = f"{r['name']} ({r['country']})" if r["country"] else r["name"]
        out.append((fact, {"kind": "person", "fact_id": pid, "status": f"story {story}",
                           "fact_date": r["published"], "summary": f"{who} in the news",
                           "sources": sources.get((pid, story), 1), "article_id": r["article_id"],
                           "evidence": _clip(_sentence(r["text"], r["mentions"], r["written"],
                                                       r["body_start"]))}))
    return out


def _sources(conn: Connection, pairs: Iterable[tuple[Any, int]]) -> dict[Any, int]:
    """Each fact's sources, from (fact, report) pairs: the copies of every report telling it (a
    report reposted by an aggregator is two sources, as the event pages count agencies)."""
    reports: dict[Any, set[int]] = defaultdict(set)
    for fact, article_id in pairs:
        reports[fact].add(article_id)
    ids = sorted(set().union(*reports.values())) if reports else []
    one, other = s.articles.alias("one"), s.articles.alias("other")
    copies: dict[int, int] = {}
    for i in range(0, len(ids), 500):
        copies.update(conn.execute(
            select(one.c.id, func.count(other.c.id)).join(other, other.c.content_hash == one.c.content_hash)
            .where(one.c.id.in_(ids[i:i + 500])).group_by(one.c.id)).all())
    return {fact: sum(copies.get(i, 1) for i in found) for fact, found in reports.items()}


def _titles(conn: Connection, ids: set[int]) -> dict[int, str]:
    a = s.articles.c
    return {i: t or "" for i, t in conn.execute(select(a.id, a.title).where(a.id.in_(sorted(ids)))).all()}


def _sentence(text: str, mentions: Sequence[Sequence[int]], name: str, body_start: int = 0) -> str:
    """The sentence around a person's first mention (the store keeps mentions as character spans;
    failing them, where the name is written)."""
    if mentions:
        start, end = mentions[0][0], mentions[0][1]
    elif (start := text.find(name, body_start)) >= 0:
        end = start + len(name)
    else:
        return ""
    left = max(text.rfind(". ", 0, start) + 1, text.rfind("\n", 0, start) + 1, min(body_start, start))
    right = min([i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0] or [len(text)])
    return text[left:right + 1].strip()
