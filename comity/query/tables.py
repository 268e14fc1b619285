"""The export tables: fixed columns with types, rows read in chunks (a store of millions of
events is never held in memory).

`events` follows GDELT 2.0's event table names (what GDELT and ICEWS users load), `plover`
follows POLECAT's PLOVER JSON (one object per event, with its sources and quotes), and the
others are comity's own: agreements with their status timeline, persons with their offices
over time, meetings, mechanisms with their occurrences.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import Connection, func, select

from ..storage import schema as s
from .filters import EventFilter, event_conditions, member

CHUNK = 5000
Row = dict[str, Any]


@dataclass(frozen=True)
class ExportTable:
    name: str
    columns: tuple[tuple[str, str], ...]  # (name, type): str | int | float | list | json
    rows: Callable[[Connection, EventFilter], Iterator[Row]]


def _keyset(conn: Connection, table: Any, where: list[Any] = ()) -> Iterator[list[Any]]:  # type: ignore[assignment]
    """The table's rows in id order, CHUNK at a time."""
    last = 0
    while True:
        rows = conn.execute(select(table).where(table.c.id > last, *where).order_by(table.c.id).limit(CHUNK)
                            ).mappings().all()
        if not rows:
            return
        yield list(rows)
        last = rows[-1]["id"]


def _sources(conn: Connection, event_ids: list[int]) -> dict[int, list[Any]]:
    """Each event's mentions with their article, first report first."""
    mm, a = s.event_mentions.c, s.articles.c
    out: dict[int, list[Any]] = defaultdict(list)
    for m in conn.execute(select(mm.event_id, mm.sentence, mm.start_char, mm.end_char, mm.evidence, a.input_id,
                                 a.story_id, a.source, a.published, a.url, a.origin, a.ingested_at)
                          .join(s.articles, a.id == mm.article_id).where(member(conn, mm.event_id))
                          .order_by(mm.event_id, a.published, mm.id), {"ids": event_ids}):
        out[m.event_id].append(m)
    return out


def _agencies(conn: Connection, story_ids: set[int]) -> dict[int, set[str]]:
    a = s.articles.c
    out: dict[int, set[str]] = defaultdict(set)
    if story_ids:
        for sid, src in conn.execute(select(a.story_id, a.source).where(member(conn, a.story_id)),
                                     {"ids": sorted(story_ids)}):
            out[sid].add(src or "")
    return out


def _event_chunks(conn: Connection, f: EventFilter) -> Iterator[tuple[Any, list[Any], int]]:
    for chunk in _keyset(conn, s.events, event_conditions(f)):
        sources = _sources(conn, [r["id"] for r in chunk])
        agencies = _agencies(conn, {m.story_id for ms in sources.values() for m in ms})
        for r in chunk:
            ms = sources.get(r["id"], [])
            yield r, ms, len({x for m in ms for x in agencies.get(m.story_id, ())})


def _code(country: str | None, sector: str | None) -> str | None:
    return (country or "") + (sector or "") or None


EVENT_COLUMNS = (
    ("GlobalEventID", "int"), ("SQLDATE", "int"), ("MonthYear", "int"), ("Year", "int"), ("EventDate", "str"),
    ("DateGranularity", "str"), ("Actor1Code", "str"), ("Actor1Name", "str"), ("Actor1CountryCode", "str"),
    ("Actor1Type1Code", "str"), ("Actor2Code", "str"), ("Actor2Name", "str"), ("Actor2CountryCode", "str"),
    ("Actor2Type1Code", "str"), ("IsRootEvent", "int"), ("EventCode", "str"), ("EventBaseCode", "str"),
    ("EventRootCode", "str"), ("QuadClass", "int"), ("GoldsteinScale", "float"), ("NumMentions", "int"),
    ("NumSources", "int"), ("NumArticles", "int"), ("ActionGeo_FullName", "str"), ("ActionGeo_CountryCode", "str"),
    ("DATEADDED", "str"), ("SOURCEURL", "str"), ("PloverType", "str"), ("PloverMode", "str"), ("Evidence", "str"),
)


def gdelt_quad_class(cameo: str | None) -> int | None:
    """GDELT's own QuadClass of a CAMEO code, by its root, as GDELT's users read it: 1 verbal
    cooperation (01-05: statements and appeals too), 2 material cooperation (06-08), 3 verbal
    conflict (09-13), 4 material conflict (14-20). comity's records keep the Phoenix classes
    (comity/nlp/coding.py: 0 neutral for 01-02, 16 verbal conflict...)."""
    if not cameo or not cameo[:2].isdigit() or not 1 <= int(cameo[:2]) <= 20:
        return None
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def event_rows(conn: Connection, f: EventFilter) -> Iterator[Row]:
    for r, ms, n_sources in _event_chunks(conn, f):
        date = r["date"] or ""
        first = ms[0] if ms else None
        yield {
            "GlobalEventID": r["id"], "SQLDATE": int(date.replace("-", "")) if len(date) == 10 else None,
            "MonthYear": int(date[:7].replace("-", "")) if len(date) >= 7 else None,
            "Year": int(date[:4]) if len(date) >= 4 else None, "EventDate": r["date"],
            "DateGranularity": r["date_granularity"],
            "Actor1Code": _code(r["source_country"], r["source_sector"]),
            "Actor1Name": r["source_name"] or r["source_country"], "Actor1CountryCode": r["source_country"],
            "Actor1Type1Code": r["source_sector"], "Actor2Code": _code(r["target_country"], r["target_sector"]),
            "Actor2Name": r["target_name"] or r["target_country"], "Actor2CountryCode": r["target_country"],
            "Actor2Type1Code": r["target_sector"],
            # GDELT's "in the lead paragraph": here, told in some report's first sentence
            "IsRootEvent": int(any(m.sentence == 0 for m in ms)),
            "EventCode": r["cameo"], "EventBaseCode": r["cameo"][:3], "EventRootCode": r["cameo_root"],
            "QuadClass": gdelt_quad_class(r["cameo"]), "GoldsteinScale": r["goldstein"], "NumMentions": r["num_mentions"],
            "NumSources": n_sources, "NumArticles": r["num_articles"], "ActionGeo_FullName": r["place_name"],
            "ActionGeo_CountryCode": r["place_country"], "DATEADDED": first.ingested_at if first else None,
            "SOURCEURL": (first.url or first.origin or first.input_id) if first else None,
            "PloverType": r["plover_type"], "PloverMode": r["plover_mode"],
            "Evidence": first.evidence if first else None,
        }


PLOVER_COLUMNS = (
    ("event_id", "int"), ("event_date", "str"), ("event_type", "str"), ("event_mode", "str"), ("contexts", "list"),
    ("quad_code", "int"), ("goldstein", "float"), ("cameo", "str"), ("actor_name", "str"), ("actor_country", "str"),
    ("actor_sector", "str"), ("recipient_name", "str"), ("recipient_country", "str"), ("recipient_sector", "str"),
    ("location", "json"), ("num_mentions", "int"), ("num_sources", "int"), ("sources", "json"),
)


def plover_rows(conn: Connection, f: EventFilter) -> Iterator[Row]:
    for r, ms, n_sources in _event_chunks(conn, f):
        yield {
            "event_id": r["id"], "event_date": r["date"], "event_type": r["plover_type"],
            "event_mode": r["plover_mode"], "contexts": list(r["plover_context"]), "quad_code": r["quad_class"],
            "goldstein": r["goldstein"], "cameo": r["cameo"],
            "actor_name": r["source_name"] or r["source_country"], "actor_country": r["source_country"],
            "actor_sector": r["source_sector"], "recipient_name": r["target_name"] or r["target_country"],
            "recipient_country": r["target_country"], "recipient_sector": r["target_sector"],
            "location": {"name": r["place_name"], "country": r["place_country"]} if r["place_name"] else None,
            "num_mentions": r["num_mentions"], "num_sources": n_sources,
            "sources": [{"report": m.input_id, "source": m.source, "published": m.published, "url": m.url,
                         "sentence": m.sentence, "start": m.start_char, "end": m.end_char, "quote": m.evidence}
                        for m in ms],
        }


AGREEMENT_COLUMNS = (
    ("id", "int"), ("key", "str"), ("kind", "str"), ("name", "str"), ("parties", "list"), ("domain", "str"),
    ("period_start", "int"), ("period_end", "int"), ("signed_on", "str"), ("status", "str"),
    ("first_seen", "str"), ("last_seen", "str"), ("reports", "int"), ("successor_of", "str"),
    ("successor", "str"), ("parent", "str"), ("children", "list"),
)


def agreement_rows(conn: Connection, _f: EventFilter) -> Iterator[Row]:
    """One row per instrument, with successor and parent computed now by comity.link (not stored)."""
    from ..link.agreements import LinkedAgreement, link

    ag, ob = s.agreements.c, s.agreement_observations.c
    reports = select(func.count(func.distinct(ob.article_id))).where(ob.agreement_id == ag.id).scalar_subquery()
    rows = conn.execute(select(s.agreements, reports.label("reports")).order_by(ag.id)).mappings().all()
    linked = [LinkedAgreement(key=r["key"], kind=r["kind"], domain=r["domain"], name=r["name"],
                              parties=tuple(r["parties"].split("-")) if r["parties"] else (),
                              period_start=r["period_start"], period_end=r["period_end"], observations=(),
                              latest_status=r["status"], latest_date=r["last_seen"]) for r in rows]
    relations = link(linked)
    for r in rows:
        rel = relations.get(r["key"], {})
        yield {**{k: r[k] for k, _ in AGREEMENT_COLUMNS if k in r and k != "parties"},
               "parties": r["parties"].split("-") if r["parties"] else [], "reports": r["reports"],
               "successor_of": rel.get("successor_of"), "successor": rel.get("successor"),
               "parent": rel.get("parent"), "children": rel.get("children", [])}


STATUS_COLUMNS = (
    ("agreement_id", "int"), ("key", "str"), ("observed_on", "str"), ("status", "str"), ("signed_on", "str"),
    ("report", "str"), ("source", "str"), ("name", "str"), ("quote", "str"),
)


def status_rows(conn: Connection, _f: EventFilter) -> Iterator[Row]:
    """The status timeline: every report's word on every instrument, in date order."""
    ob, ag, a = s.agreement_observations.c, s.agreements.c, s.articles.c
    for r in conn.execute(select(ob.agreement_id, ag.key, ob.observed_on, ob.status, ob.signed_on, a.input_id,
                                 a.source, ob.name, ob.evidence).join(s.agreements, ag.id == ob.agreement_id)
                          .join(s.articles, a.id == ob.article_id)
                          .order_by(ob.agreement_id, ob.observed_on, ob.id)).mappings():
        yield {"agreement_id": r["agreement_id"], "key": r["key"], "observed_on": r["observed_on"],
               "status": r["status"], "signed_on": r["signed_on"], "report": r["input_id"], "source": r["source"],
               "name": r["name"], "quote": r["evidence"]}


PERSON_COLUMNS = (
    ("id", "int"), ("key", "str"), ("name", "str"), ("country", "str"), ("names", "list"), ("titles", "list"),
    ("ranks", "list"), ("first_seen", "str"), ("last_seen", "str"), ("reports", "int"),
)
OFFICE_COLUMNS = (
    ("person_id", "int"), ("name", "str"), ("kind", "str"), ("title", "str"), ("first_seen", "str"),
    ("last_seen", "str"), ("reports", "int"),
)


def _person_chunks(conn: Connection) -> Iterator[tuple[Any, list[Any]]]:
    po = s.person_observations.c
    for chunk in _keyset(conn, s.persons):
        obs: dict[int, list[Any]] = defaultdict(list)
        for o in conn.execute(select(s.person_observations).where(member(conn, po.person_id))
                              .order_by(po.person_id, po.observed_on, po.id), {"ids": [r["id"] for r in chunk]}
                              ).mappings():
            obs[o["person_id"]].append(o)
        for r in chunk:
            yield r, obs.get(r["id"], [])


def person_rows(conn: Connection, _f: EventFilter) -> Iterator[Row]:
    for r, obs in _person_chunks(conn):
        yield {"id": r["id"], "key": r["key"], "name": r["name"], "country": r["country"],
               "names": list(dict.fromkeys(o["name"] for o in obs)),
               "titles": list(dict.fromkeys(t for o in obs for t in o["titles"])),
               "ranks": list(dict.fromkeys(o["rank"] for o in obs if o["rank"])),
               "first_seen": r["first_seen"], "last_seen": r["last_seen"],
               "reports": len({o["article_id"] for o in obs})}


def office_rows(conn: Connection, _f: EventFilter) -> Iterator[Row]:
    """Offices and ranks over time: one row per (person, title), with the first and last report dates."""
    from .service import _spans

    for r, obs in _person_chunks(conn):
        for kind, spans in (("office", _spans((t, o) for o in obs for t in o["titles"])),
                            ("rank", _spans((o["rank"], o) for o in obs if o["rank"]))):
            for sp in spans:
                yield {"person_id": r["id"], "name": r["name"], "kind": kind, "title": sp.title,
                       "first_seen": sp.first_seen, "last_seen": sp.last_seen, "reports": sp.reports}


MEETING_COLUMNS = (
    ("id", "int"), ("date", "str"), ("kind", "str"), ("countries", "list"), ("place", "str"),
    ("place_country", "str"), ("host_country", "str"), ("status", "str"), ("reports", "int"),
)


def meeting_rows(conn: Connection, _f: EventFilter) -> Iterator[Row]:
    mt, mm = s.meetings.c, s.meeting_mentions.c
    reports = select(func.count(func.distinct(mm.article_id))).where(mm.meeting_id == mt.id).scalar_subquery()
    for r in conn.execute(select(s.meetings, reports.label("reports")).order_by(mt.date, mt.id)).mappings():
        yield {"id": r["id"], "date": r["date"], "kind": r["kind"], "countries": r["countries"].split("-"),
               "place": r["place_name"], "place_country": r["place_country"], "host_country": r["host_country"],
               "status": r["status"], "reports": r["reports"]}


MECHANISM_COLUMNS = (
    ("id", "int"), ("key", "str"), ("name", "str"), ("countries", "list"), ("level", "str"),
    ("occurrences", "int"), ("reports", "int"),
)
OCCURRENCE_COLUMNS = (
    ("mechanism_id", "int"), ("name", "str"), ("ordinal", "int"), ("status", "str"), ("date", "str"),
    ("level", "str"), ("place", "str"), ("place_country", "str"), ("report", "str"), ("source", "str"),
    ("observed_on", "str"), ("quote", "str"),
)


def mechanism_rows(conn: Connection, _f: EventFilter) -> Iterator[Row]:
    me, oc = s.mechanisms.c, s.mechanism_occurrences.c
    n = select(func.count()).where(oc.mechanism_id == me.id).scalar_subquery()
    reports = select(func.count(func.distinct(oc.article_id))).where(oc.mechanism_id == me.id).scalar_subquery()
    for r in conn.execute(select(s.mechanisms, n.label("n"), reports.label("reports")).order_by(me.id)).mappings():
        yield {"id": r["id"], "key": r["key"], "name": r["name"], "countries": r["countries"].split("-"),
               "level": r["level"], "occurrences": r["n"], "reports": r["reports"]}


def occurrence_rows(conn: Connection, _f: EventFilter) -> Iterator[Row]:
    oc, me, a = s.mechanism_occurrences.c, s.mechanisms.c, s.articles.c
    for r in conn.execute(select(s.mechanism_occurrences, me.name, a.input_id, a.source)
                          .join(s.mechanisms, me.id == oc.mechanism_id).join(s.articles, a.id == oc.article_id)
                          .order_by(oc.mechanism_id, oc.ordinal, oc.date, oc.id)).mappings():
        yield {"mechanism_id": r["mechanism_id"], "name": r["name"], "ordinal": r["ordinal"], "status": r["status"],
               "date": r["date"], "level": r["level"], "place": r["place_name"], "place_country": r["place_country"],
               "report": r["input_id"], "source": r["source"], "observed_on": r["observed_on"],
               "quote": r["evidence"]}


TABLES = {t.name: t for t in (
    ExportTable("events", EVENT_COLUMNS, event_rows),
    ExportTable("events_plover", PLOVER_COLUMNS, plover_rows),
    ExportTable("agreements", AGREEMENT_COLUMNS, agreement_rows),
    ExportTable("agreement_status", STATUS_COLUMNS, status_rows),
    ExportTable("persons", PERSON_COLUMNS, person_rows),
    ExportTable("person_offices", OFFICE_COLUMNS, office_rows),
    ExportTable("meetings", MEETING_COLUMNS, meeting_rows),
    ExportTable("mechanisms", MECHANISM_COLUMNS, mechanism_rows),
    ExportTable("mechanism_occurrences", OCCURRENCE_COLUMNS, occurrence_rows),
)}
