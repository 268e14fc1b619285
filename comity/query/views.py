"""The queries behind the web view (`comity serve`) that service.py does not already answer.

Aggregates for charts, one dyad's agreements, mechanisms and people, one agreement, event or
report with the offsets of everything extracted from it. Same rules as service.py: a
Connection in, small frozen records out; user values reach the database only as bound
parameters (codes and dates are validated by filters.py before they get here).

Everything a page shows is bounded (`limit`), so a page costs the same on a store of a
hundred events as on one of a million; the counts beside a list say how much was left out.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, String, bindparam, case, cast, func, or_, select

from ..storage import counts as event_counts
from ..storage import schema as s
from .results import EventRow, MeetingRow, PersonDetail
from .service import _event_rows

e, a, mm = s.events.c, s.articles.c, s.event_mentions.c
ag, ob = s.agreements.c, s.agreement_observations.c
mt, mtm = s.meetings.c, s.meeting_mentions.c
me, oc = s.mechanisms.c, s.mechanism_occurrences.c
p, po = s.persons.c, s.person_observations.c

# The ladder's order: multi-year instruments, then the plans under them, then the rest.
KIND_ORDER = ("protocol", "action_plan", "annual_plan", "mou", "agreement", "treaty", "joint_vision",
              "joint_statement", "minutes", "letter_of_intent", "other")
PEOPLE_WINDOW = 500  # a dyad's people are those of its latest this-many events and the meetings shown
MARKS_MAX = 40  # status marks kept per agreement on lists (the agreement's own page shows them all)
OCCURRENCES_MAX = 20  # occurrences kept per mechanism on lists


def _ids(name: str = "ids") -> Any:
    return bindparam(name, expanding=True)


# ---- records ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ActivityCount:
    period: str  # "2025-12" (month) or "2025" (year)
    plover_type: str  # "" for CAMEO 01/02, which PLOVER leaves out
    events: int


@dataclass(frozen=True, slots=True)
class PersonRef:
    id: int
    name: str
    country: str | None
    title: str | None  # the latest title reported
    count: int = 0  # what the list counts: mentions, meetings, events


@dataclass(frozen=True, slots=True)
class ArticleRef:
    id: int
    report: str  # the input id (file stem or JSONL id)
    source: str | None
    published: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class MeetingItem:
    meeting: MeetingRow
    status: str
    participants: tuple[PersonRef, ...]
    reports: tuple[ArticleRef, ...]


@dataclass(frozen=True, slots=True)
class StatusMark:
    """One report's word on an instrument, placed in time."""

    observation_id: int
    date: str | None  # the signing date for a signing, else the report's date
    status: str
    article_id: int
    report: str
    quote: str


@dataclass(frozen=True, slots=True)
class AgreementRow:
    id: int
    key: str
    kind: str
    name: str
    parties: tuple[str, ...]
    domain: str | None
    period_start: int | None
    period_end: int | None
    signed_on: str | None
    status: str  # the latest observed
    first_seen: str | None
    last_seen: str | None
    reports: int
    observations: int  # status observations in all (marks holds the latest MARKS_MAX)
    marks: tuple[StatusMark, ...]
    successor_of: int | None = None  # store ids, found by comity.link among instruments of the same parties
    successor: int | None = None
    parent: int | None = None
    children: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ObservationRow:
    id: int
    date: str | None
    observed_on: str | None
    status: str
    signed_on: str | None
    name: str  # as this report wrote it
    article: ArticleRef
    sentence: int
    start: int  # offsets into the report's text as given
    end: int
    quote: str
    before: str  # up to CONTEXT_CHARS of the report before and after the quote
    after: str
    signatories: tuple[PersonRef, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class AgreementDetail:
    agreement: AgreementRow
    observations: tuple[ObservationRow, ...]
    conflicts: tuple[str, ...]  # comity.link's contradictions between reports, in words
    related: tuple[AgreementRow, ...]  # predecessor, successor, parent and children


@dataclass(frozen=True, slots=True)
class OccurrenceRow:
    id: int
    ordinal: int | None
    status: str
    date: str | None
    level: str | None
    place: str | None
    article: ArticleRef
    quote: str


@dataclass(frozen=True, slots=True)
class MechanismRow:
    id: int
    name: str
    countries: tuple[str, ...]
    level: str | None
    occurrences_total: int  # occurrences reported in all (occurrences holds the latest OCCURRENCES_MAX)
    occurrences: tuple[OccurrenceRow, ...]


@dataclass(frozen=True, slots=True)
class Counterpart:
    person: PersonRef
    meetings: int  # meetings both attended
    events: int  # events with one as actor and the other as recipient


@dataclass(frozen=True, slots=True)
class EventMention:
    id: int
    article: ArticleRef
    sentence: int
    start: int
    end: int
    quote: str
    trigger: str
    date_text: str | None
    source_person: PersonRef | None
    target_person: PersonRef | None
    confidence: float
    rule: str = ""  # the rule that found it in this report (docs/extraction.md)
    steps: tuple[str, ...] = ()  # the post-steps and guards that changed it


@dataclass(frozen=True, slots=True)
class EventDetail:
    event: EventRow
    plover_mode: str
    plover_context: tuple[str, ...]
    date_granularity: str | None
    mentions: tuple[EventMention, ...]
    meetings: tuple[int, ...]  # store ids of the meetings this event belongs to


@dataclass(frozen=True, slots=True)
class Highlight:
    """One extracted record in a report: where it is (half-open offsets into the text as given) and what it is."""

    id: str  # "event-12": kind and the row id of this report's mention
    kind: str  # event | agreement | mechanism | person
    ref: int  # store id of the event, agreement, mechanism or person
    label: str
    detail: str
    spans: tuple[tuple[int, int], ...]
    quote: str  # the text the record gives for its first span
    verified: bool  # the text at the first span is the quote (always, unless the store is damaged)
    rule: str = ""  # the rule that made the record (docs/extraction.md)
    steps: tuple[str, ...] = ()  # what changed it afterwards


@dataclass(frozen=True, slots=True)
class ReportDetail:
    article: ArticleRef
    text: str
    dateline: str | None
    url: str | None
    origin: str | None
    body_start: int
    body_end: int | None
    primary: ArticleRef | None  # the copy whose records are stored, when this one is a repost
    copies: tuple[ArticleRef, ...]  # other copies of the same body (reposts under another header)
    retellings: tuple[ArticleRef, ...]  # other reports of the same story (same happening, own words)
    records: tuple[Highlight, ...]
    meetings: tuple[MeetingItem, ...]


# ---- counts and charts -------------------------------------------------------------------------------

def store_version(conn: Connection) -> tuple[int, int]:
    """Changes whenever the store does: every save adds a report copy (articles only grow) and every
    ingest a run. Two index lookups, so a cache can ask before each page."""
    return (conn.execute(select(func.max(a.id))).scalar() or 0,
            conn.execute(select(func.max(s.runs.c.id))).scalar() or 0)


COUNTED = {"reports": s.stories, "copies": s.articles, "events": s.events, "meetings": s.meetings,
           "agreements": s.agreements, "mechanisms": s.mechanisms, "persons": s.persons}


def counts(conn: Connection) -> dict[str, int]:
    # one statement, so the figures come from one snapshot
    parts = [select(func.count()).select_from(t).scalar_subquery().label(name) for name, t in COUNTED.items()]
    return dict(conn.execute(select(*parts)).mappings().one())


def _directions(dyad: tuple[str, str]) -> list[Any]:
    """The dyad as two conditions, one per direction: each an equality prefix of ix_events_dyad_date,
    so each is an index range (an OR of the two is not, on SQLite)."""
    x, y = dyad
    return [(e.source_country == x) & (e.target_country == y), (e.source_country == y) & (e.target_country == x)]


def date_range(conn: Connection, dyad: tuple[str, str] | None = None) -> tuple[str | None, str | None]:
    """The first and last event dates (of the dyad, or of the store): min() and max() one at a time,
    each on its own index range, so each reads one index entry (NULL dates are ignored by both)."""
    wheres = _directions(dyad) if dyad else [True]
    firsts = [conn.execute(select(func.min(e.date)).where(w)).scalar() for w in wheres]
    lasts = [conn.execute(select(func.max(e.date)).where(w)).scalar() for w in wheres]
    return min((d for d in firsts if d), default=None), max((d for d in lasts if d), default=None)


def activity(conn: Connection, *, dyad: tuple[str, str] | None = None, bucket: str = "month",
             since: str | None = None) -> list[ActivityCount]:
    """Events per period and PLOVER type (dated to the month at least, for months; a year counts every
    event dated within it). `since` ("2024", "2024-03") drops the earlier periods.

    Read from event_counts (a few rows per month and type), not from the events: a dyad with a
    hundred thousand events costs what a quiet one does."""
    size = 7 if bucket == "month" else 4
    c = s.event_counts.c
    if dyad:
        x, y = dyad
        wheres = [(c.source_country == x) & (c.target_country == y)]
        if x != y:
            wheres.append((c.source_country == y) & (c.target_country == x))
    else:
        wheres = [(c.source_country == event_counts.ALL) & (c.target_country == event_counts.ALL)]
    n: Counter[tuple[str, str]] = Counter()
    for where in wheres:  # each an equality prefix of the primary key: an index range
        for r in conn.execute(select(c.period, c.plover_type, c.events).where(
                where, c.period != event_counts.ALL, c.period != event_counts.NONE)):
            if len(r.period) >= size and (not since or r.period[:size] >= since[:size]):
                n[(r.period[:size], r.plover_type)] += r.events
    return [ActivityCount(period=k[0], plover_type=k[1], events=v) for k, v in sorted(n.items())]


def dyad_total(conn: Connection, dyad: tuple[str, str]) -> int:
    """All of a dyad's events (dated or not, both directions): its directions' totals in event_counts,
    one row each, where count_events would count a busy dyad's index entries one by one."""
    x, y = dyad
    c = s.event_counts.c
    pairs = [(x, y)] if x == y else [(x, y), (y, x)]
    return sum(conn.execute(select(c.events).where(
        c.source_country == src, c.target_country == tgt, c.period == event_counts.ALL,
        c.plover_type == event_counts.ALL)).scalar() or 0 for src, tgt in pairs)


# ---- people and reports as references --------------------------------------------------------------

def person_refs(conn: Connection, ids: Iterable[int], counts: dict[int, int] | None = None, *,
                titles: bool = True) -> dict[int, PersonRef]:
    """Name, country and (unless `titles=False`) latest title of these persons."""
    wanted = sorted({i for i in ids if isinstance(i, int)})
    if not wanted:
        return {}
    if not titles:
        return {r.id: PersonRef(id=r.id, name=r.name, country=r.country, title=None,
                                count=(counts or {}).get(r.id, 0))
                for r in conn.execute(select(p.id, p.name, p.country).where(p.id.in_(_ids())), {"ids": wanted})}
    # the latest report's titles, person by person (an index range each, however often they are reported)
    latest = (select(po.titles).where(po.person_id == p.id, func.length(cast(po.titles, String)) > 2)  # not []
              .order_by(po.observed_on.desc().nulls_last(), po.id.desc()).limit(1).scalar_subquery())
    rows = conn.execute(select(p.id, p.name, p.country, latest.label("titles")).where(p.id.in_(_ids())),
                        {"ids": wanted}).all()
    return {r.id: PersonRef(id=r.id, name=r.name, country=r.country, title=_first_title(r.titles),
                            count=(counts or {}).get(r.id, 0)) for r in rows}


def _first_title(titles: Any) -> str | None:
    if isinstance(titles, str):  # a scalar subquery hands JSON back as text on SQLite
        import json

        titles = json.loads(titles)
    return titles[0] if titles else None


def _article_ref(r: Any) -> ArticleRef:
    return ArticleRef(id=r.id, report=r.input_id, source=r.source, published=r.published, title=r.title)


def article_refs(conn: Connection, ids: Iterable[int]) -> dict[int, ArticleRef]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {r.id: _article_ref(r) for r in conn.execute(
        select(a.id, a.input_id, a.source, a.published, a.title).where(a.id.in_(_ids())), {"ids": wanted})}


# ---- meetings ----------------------------------------------------------------------------------------

def _reports_of_meeting() -> Any:
    return select(func.count(func.distinct(mtm.article_id))).where(mtm.meeting_id == mt.id).scalar_subquery()


def _meeting_row(r: Any) -> MeetingRow:
    return MeetingRow(id=r.id, date=r.date, kind=r.kind, countries=r.countries, place=r.place_name,
                      host_country=r.host_country, reports=r.reports)


def meetings(conn: Connection, *, dyad: tuple[str, str] | None = None, limit: int = 50) -> tuple[list[MeetingItem], int]:
    """The latest meetings (of a dyad: both countries among those meeting), newest first, and how many in all."""
    where = []
    if dyad:
        first, second = s.meeting_countries.alias("c1"), s.meeting_countries.alias("c2")
        both = (select(first.c.meeting_id).join(second, second.c.meeting_id == first.c.meeting_id)
                .where(first.c.country == dyad[0], second.c.country == dyad[1]))
        where.append(mt.id.in_(both))
    total = conn.execute(select(func.count()).select_from(s.meetings).where(*where)).scalar_one()
    rows = conn.execute(select(s.meetings, _reports_of_meeting().label("reports")).where(*where)
                        .order_by(mt.date.desc().nulls_last(), mt.id.desc()).limit(limit)).all()
    return meeting_items(conn, rows), total


def meeting_items(conn: Connection, rows: Sequence[Any]) -> list[MeetingItem]:
    """Meetings with their participants and the reports that tell them."""
    ids = [r.id for r in rows]
    if not ids:
        return []
    people: dict[int, list[int]] = defaultdict(list)
    articles: dict[int, list[int]] = defaultdict(list)
    for m in conn.execute(select(mtm.meeting_id, mtm.article_id, mtm.participants)
                          .where(mtm.meeting_id.in_(_ids())).order_by(mtm.meeting_id, mtm.id), {"ids": ids}):
        articles[m.meeting_id].append(m.article_id)
        for pid in m.participants:
            if isinstance(pid, int) and pid not in people[m.meeting_id]:
                people[m.meeting_id].append(pid)
    refs = person_refs(conn, (i for ps in people.values() for i in ps), titles=False)  # names are what lists show
    reports = article_refs(conn, (i for xs in articles.values() for i in xs))
    return [MeetingItem(meeting=_meeting_row(r), status=r.status,
                        participants=tuple(refs[i] for i in people[r.id] if i in refs),
                        reports=tuple(reports[i] for i in dict.fromkeys(articles[r.id]) if i in reports))
            for r in rows]


# ---- agreements --------------------------------------------------------------------------------------

def _mark_date() -> Any:
    return case((ob.status == "signed", func.coalesce(ob.signed_on, ob.observed_on)), else_=ob.observed_on)


def _parties_both(x: str, y: str) -> Any:
    first, second = s.agreement_parties.alias("p1"), s.agreement_parties.alias("p2")
    return (select(first.c.agreement_id).join(second, second.c.agreement_id == first.c.agreement_id)
            .where(first.c.country == x, second.c.country == y))


def agreements(conn: Connection, *, dyad: tuple[str, str] | None = None, ids: Sequence[int] | None = None,
               parties: str | None = None, kind: str | None = None, status: str | None = None,
               since: str | None = None, limit: int = 200, latest_first: bool = False) -> list[AgreementRow]:
    """Instruments (of a dyad, or with these ids or exactly these parties; of this kind, with this latest
    status, reported on since this date), each with its status marks and its relations to the others of
    the same parties (comity.link.link)."""
    where = []
    if dyad:
        where.append(ag.id.in_(_parties_both(*dyad)))
    if ids is not None:
        where.append(ag.id.in_(list(ids) or [0]))
    if parties is not None:
        where.append(ag.parties == parties)
    if kind is not None:
        where.append(ag.kind == kind)
    if status is not None:
        where.append(ag.status == status)
    if since is not None:
        where.append(ag.last_seen >= since)
    reports = select(func.count(func.distinct(ob.article_id))).where(ob.agreement_id == ag.id).scalar_subquery()
    order = (ag.last_seen.desc().nulls_last(), ag.id.desc()) if latest_first else (ag.id,)
    rows = conn.execute(select(s.agreements, reports.label("reports")).where(*where).order_by(*order)
                        .limit(limit)).all()
    return _agreement_rows(conn, rows)


def _latest(order: Sequence[Any], partition: Any, keep: int | None, cols: Sequence[Any], where: Any,
            joins: Any) -> Any:
    """The rows of `where`, at most `keep` per `partition` (the last ones in `order`), in that order;
    a window function, so a busy agreement or mechanism costs one pass and `keep` records."""
    rank = func.row_number().over(partition_by=partition, order_by=[o.desc() for o in order]).label("rank")
    inner = select(*cols, rank).select_from(joins).where(where).subquery()
    query = select(inner)
    if keep is not None:
        query = query.where(inner.c.rank <= keep)
    return query.order_by(inner.c[partition.name], inner.c.rank.desc())


def _agreement_rows(conn: Connection, rows: Sequence[Any]) -> list[AgreementRow]:
    if not rows:
        return []
    marks: dict[int, list[StatusMark]] = defaultdict(list)
    when = _mark_date().label("when")
    ids = {"ids": [r.id for r in rows]}
    totals = dict(conn.execute(select(ob.agreement_id, func.count()).where(ob.agreement_id.in_(_ids()))
                               .group_by(ob.agreement_id), ids).all())
    query = _latest([when, ob.id], ob.agreement_id, None if len(rows) == 1 else MARKS_MAX,
                    [ob.id, ob.agreement_id, when, ob.status, ob.article_id, a.input_id, ob.evidence],
                    ob.agreement_id.in_(_ids()), s.agreement_observations.join(s.articles, a.id == ob.article_id))
    for m in conn.execute(query, ids):
        marks[m.agreement_id].append(StatusMark(observation_id=m.id, date=m.when, status=m.status,
                                                article_id=m.article_id, report=m.input_id, quote=m.evidence))
    relations = _relations(conn, rows)
    out = []
    for r in rows:
        rel = relations.get(r.id, {})
        out.append(AgreementRow(
            id=r.id, key=r.key, kind=r.kind, name=r.name, parties=tuple(r.parties.split("-")) if r.parties else (),
            domain=r.domain, period_start=r.period_start, period_end=r.period_end, signed_on=r.signed_on,
            status=r.status, first_seen=r.first_seen, last_seen=r.last_seen, reports=r.reports,
            observations=totals.get(r.id, 0), marks=tuple(marks[r.id]), successor_of=rel.get("successor_of"), successor=rel.get("successor"),
            parent=rel.get("parent"), children=tuple(rel.get("children", ()))))
    return out


def _relations(conn: Connection, rows: Sequence[Any]) -> dict[int, dict[str, Any]]:
    """Successor and parent links among all instruments of the same parties as these (comity.link)."""
    from ..link.agreements import LinkedAgreement, link

    parties = sorted({r.parties for r in rows})
    peers = conn.execute(select(ag.id, ag.key, ag.kind, ag.domain, ag.name, ag.parties, ag.period_start,
                                ag.period_end, ag.status, ag.last_seen).where(ag.parties.in_(_ids("parties"))),
                         {"parties": parties}).all()
    by_key = {r.key: r.id for r in peers}
    linked = [LinkedAgreement(key=r.key, kind=r.kind, domain=r.domain, name=r.name,
                              parties=tuple(r.parties.split("-")) if r.parties else (),
                              period_start=r.period_start, period_end=r.period_end, observations=(),
                              latest_status=r.status, latest_date=r.last_seen) for r in peers]
    out: dict[int, dict[str, Any]] = {}
    for key, rel in link(linked).items():
        out[by_key[key]] = {"successor_of": by_key.get(rel["successor_of"]), "successor": by_key.get(rel["successor"]),
                            "parent": by_key.get(rel["parent"]), "children": [by_key[c] for c in rel["children"]]}
    return out


def ladder_order(rows: Iterable[AgreementRow]) -> list[AgreementRow]:
    """Protocols, then plans, MoUs and the rest; in each kind by period, then by first report."""
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    return sorted(rows, key=lambda r: (rank.get(r.kind, len(rank)), r.period_start is None, r.period_start or 0,
                                       r.first_seen or "9999", r.id))


CONTEXT_CHARS = 160


def get_agreement(conn: Connection, agreement_id: int) -> AgreementDetail | None:
    found = agreements(conn, ids=[agreement_id], limit=1)
    if not found:
        return None
    row = found[0]
    obs = conn.execute(select(s.agreement_observations, a.input_id, a.source, a.published, a.title, a.text)
                       .join(s.articles, a.id == ob.article_id).where(ob.agreement_id == agreement_id)
                       .order_by(ob.observed_on.asc().nulls_last(), ob.id)).mappings().all()
    people = person_refs(conn, (i for o in obs for i in o["signatories"]))
    when = {m.observation_id: m.date for m in row.marks}
    observations = tuple(ObservationRow(
        id=o["id"], date=when.get(o["id"]), observed_on=o["observed_on"], status=o["status"],
        signed_on=o["signed_on"], name=o["name"],
        article=ArticleRef(id=o["article_id"], report=o["input_id"], source=o["source"], published=o["published"],
                           title=o["title"]),
        sentence=o["sentence"], start=o["start_char"], end=o["end_char"], quote=o["evidence"],
        before=o["text"][max(0, o["start_char"] - CONTEXT_CHARS):o["start_char"]],
        after=o["text"][o["end_char"]:o["end_char"] + CONTEXT_CHARS],
        signatories=tuple(people[i] for i in o["signatories"] if i in people), confidence=o["confidence"])
        for o in obs)
    related_ids = [i for i in (row.successor_of, row.successor, row.parent, *row.children) if i is not None]
    related = agreements(conn, ids=related_ids) if related_ids else []
    return AgreementDetail(agreement=row, observations=observations, conflicts=_conflicts(observations),
                           related=tuple(related))


def _conflicts(observations: Sequence[ObservationRow]) -> tuple[str, ...]:
    from ..link.agreements import Observation, conflicts
    from ..model import Evidence

    return conflicts([Observation(article_id=o.article.report, published=o.observed_on, status=o.status,
                                  signed_on=o.signed_on, evidence=Evidence(o.sentence, o.start, o.end, o.quote),
                                  name=o.name, confidence=o.confidence) for o in observations])


def find_agreements(conn: Connection, query: str, *, limit: int = 20) -> list[AgreementRow]:
    """Instruments whose name contains every word of `query` (case-insensitive)."""
    terms = [t for t in query.lower().split() if t][:8]
    if not terms:
        return []
    rows = conn.execute(select(ag.id).where(*[func.lower(ag.name).contains(t, autoescape=True) for t in terms])
                        .order_by(ag.last_seen.desc().nulls_last(), ag.id).limit(limit)).scalars().all()
    return agreements(conn, ids=rows, latest_first=True, limit=limit)


# ---- mechanisms --------------------------------------------------------------------------------------

def mechanisms(conn: Connection, dyad: tuple[str, str] | None = None, *, ids: Sequence[int] | None = None,
               limit: int = 50) -> list[MechanismRow]:
    """Mechanisms whose members include both countries (or all, or those with these ids), with their
    occurrences in order: the latest OCCURRENCES_MAX of each, every one when asked for by id."""
    where = []
    if dyad:
        # members are stored as "KHM-LAO-VNM"; the codes were validated (three letters), so LIKE is exact
        where += [me.countries.contains(code, autoescape=True) for code in dyad]
    if ids is not None:
        where.append(me.id.in_(list(ids) or [0]))
    rows = conn.execute(select(s.mechanisms).where(*where).order_by(me.name, me.id).limit(limit)).all()
    if dyad:
        rows = [r for r in rows if set(dyad) <= set(r.countries.split("-"))]
    return _mechanism_rows(conn, rows, keep=None if ids is not None else OCCURRENCES_MAX)


def _mechanism_rows(conn: Connection, rows: Sequence[Any],
                    keep: int | None = OCCURRENCES_MAX) -> list[MechanismRow]:
    if not rows:
        return []
    ids = {"ids": [r.id for r in rows]}
    totals = dict(conn.execute(select(oc.mechanism_id, func.count()).where(oc.mechanism_id.in_(_ids()))
                               .group_by(oc.mechanism_id), ids).all())
    occ: dict[int, list[OccurrenceRow]] = defaultdict(list)
    # in order of ordinal, then date (undated and unnumbered last): the latest OCCURRENCES_MAX of each
    order = [case((oc.ordinal.is_(None), 1), else_=0), oc.ordinal, case((oc.date.is_(None), 1), else_=0), oc.date,
             oc.id]
    query = _latest(order, oc.mechanism_id, keep,
                    [oc.id, oc.mechanism_id, oc.ordinal, oc.status, oc.date, oc.level, oc.place_name, oc.article_id,
                     oc.evidence, a.input_id, a.source, a.published, a.title],
                    oc.mechanism_id.in_(_ids()), s.mechanism_occurrences.join(s.articles, a.id == oc.article_id))
    for r in conn.execute(query, ids):
        occ[r.mechanism_id].append(OccurrenceRow(
            id=r.id, ordinal=r.ordinal, status=r.status, date=r.date, level=r.level, place=r.place_name,
            article=ArticleRef(id=r.article_id, report=r.input_id, source=r.source, published=r.published,
                               title=r.title), quote=r.evidence))
    return [MechanismRow(id=r.id, name=r.name, countries=tuple(r.countries.split("-")), level=r.level,
                         occurrences_total=totals.get(r.id, 0), occurrences=tuple(occ[r.id])) for r in rows]


# ---- people ------------------------------------------------------------------------------------------

def dyad_persons(conn: Connection, dyad: tuple[str, str], meeting_list: Sequence[MeetingItem] = (), *,
                 limit: int = 30) -> list[PersonRef]:
    """The people acting in the dyad's latest PEOPLE_WINDOW events and in the meetings given, most often first."""
    latest: list[tuple[str, int]] = []
    for direction in _directions(dyad):  # each direction in index order, newest first
        latest += conn.execute(select(e.date, e.id).where(direction, e.date.is_not(None))
                               .order_by(e.date.desc(), e.id.desc()).limit(PEOPLE_WINDOW)).all()
    ids = [i for _, i in sorted(latest, reverse=True)[:PEOPLE_WINDOW]]
    n: Counter[int] = Counter()
    for r in conn.execute(select(mm.source_person_id, mm.target_person_id).where(mm.event_id.in_(_ids())),
                          {"ids": ids or [0]}):
        n.update(i for i in (r.source_person_id, r.target_person_id) if i is not None)
    for item in meeting_list:
        n.update(x.id for x in item.participants)
    top = [i for i, _ in n.most_common(limit)]
    refs = person_refs(conn, top, dict(n))
    return [refs[i] for i in top if i in refs]


def get_person_by_id(conn: Connection, person_id: int) -> PersonDetail | None:
    """service.get_person (what `comity person NAME` shows) for one store id: a name can be a part of
    many others' ("person1" of "person10"...), an id is one person."""
    from .service import _latest_observations, _meetings_by_id, _person_row, _spans

    reports = select(func.count(func.distinct(po.article_id))).where(po.person_id == p.id).scalar_subquery()
    row = conn.execute(select(s.persons, reports.label("reports")).where(p.id == person_id)).mappings().first()
    if row is None:
        return None
    person = _person_row(row, _latest_observations(conn, [person_id]).get(person_id))
    obs = conn.execute(select(s.person_observations).where(po.person_id == person_id)
                       .order_by(po.observed_on.asc().nulls_last(), po.id)).mappings().all()
    meeting_ids = [m.meeting_id for m in conn.execute(
        select(mtm.meeting_id, mtm.participants).where(mtm.article_id.in_(_ids("articles"))),
        {"articles": [o["article_id"] for o in obs] or [0]}) if person_id in m.participants]
    events = conn.execute(select(func.count(func.distinct(mm.event_id))).where(
        or_(mm.source_person_id == person_id, mm.target_person_id == person_id))).scalar_one()
    return PersonDetail(person=person, names=tuple(dict.fromkeys(o["name"] for o in obs)),
                        offices=_spans((t, o) for o in obs for t in o["titles"]),
                        ranks=_spans((o["rank"], o) for o in obs if o["rank"]),
                        meetings=_meetings_by_id(conn, meeting_ids), events=events)


def counterparts(conn: Connection, person_id: int, *, limit: int = 30) -> list[Counterpart]:
    """Who this person met (same meeting) or acted towards (same event), most often first."""
    met: Counter[int] = Counter()
    articles = select(po.article_id).where(po.person_id == person_id)
    for r in conn.execute(select(mtm.meeting_id, mtm.participants).where(mtm.article_id.in_(articles))):
        if person_id in r.participants:
            met.update({i for i in r.participants if isinstance(i, int) and i != person_id})
    acted: Counter[int] = Counter()
    for r in conn.execute(select(mm.event_id, mm.source_person_id, mm.target_person_id).where(
            or_(mm.source_person_id == person_id, mm.target_person_id == person_id))):
        other = r.target_person_id if r.source_person_id == person_id else r.source_person_id
        if other is not None and other != person_id:
            acted[other] += 1
    ranked = sorted(set(met) | set(acted), key=lambda i: (-(met[i] + acted[i]), i))[:limit]
    refs = person_refs(conn, ranked)
    return [Counterpart(person=refs[i], meetings=met[i], events=acted[i]) for i in ranked if i in refs]


def person_events(conn: Connection, person_id: int, *, limit: int = 20) -> list[EventRow]:
    """The latest events the person acts in (as actor or recipient)."""
    ids = select(mm.event_id).where(or_(mm.source_person_id == person_id, mm.target_person_id == person_id))
    rows = conn.execute(select(s.events).where(e.id.in_(ids)).order_by(e.date.desc().nulls_last(), e.id.desc())
                        .limit(limit)).mappings().all()
    return _event_rows(conn, rows)


# ---- one event ---------------------------------------------------------------------------------------

def get_event(conn: Connection, event_id: int) -> EventDetail | None:
    row = conn.execute(select(s.events).where(e.id == event_id)).mappings().first()
    if row is None:
        return None
    (event,) = _event_rows(conn, [row])
    ms = conn.execute(select(s.event_mentions, a.input_id, a.source, a.published, a.title)
                      .join(s.articles, a.id == mm.article_id).where(mm.event_id == event_id)
                      .order_by(a.published.asc().nulls_last(), mm.id)).mappings().all()
    people = person_refs(conn, [i for m in ms for i in (m["source_person_id"], m["target_person_id"]) if i])
    mentions = tuple(EventMention(
        id=m["id"], article=ArticleRef(id=m["article_id"], report=m["input_id"], source=m["source"],
                                       published=m["published"], title=m["title"]),
        sentence=m["sentence"], start=m["start_char"], end=m["end_char"], quote=m["evidence"],
        trigger=m["trigger"], date_text=m["date_text"], source_person=people.get(m["source_person_id"]),
        target_person=people.get(m["target_person_id"]), confidence=m["confidence"], rule=m["rule"],
        steps=tuple(m["steps"])) for m in ms)
    meeting_ids = sorted({r.meeting_id for r in conn.execute(
        select(mtm.meeting_id, mtm.events).where(mtm.article_id.in_(_ids())),
        {"ids": sorted({m.article.id for m in mentions}) or [0]}) if event_id in r.events})
    return EventDetail(event=event, plover_mode=row["plover_mode"], plover_context=tuple(row["plover_context"]),
                       date_granularity=row["date_granularity"], mentions=mentions, meetings=tuple(meeting_ids))


# ---- one report, with everything found in it -------------------------------------------------------------

def get_report(conn: Connection, article_id: int, *, cameo_names: dict[str, str] | None = None) -> ReportDetail | None:
    row = conn.execute(select(s.articles).where(a.id == article_id)).mappings().first()
    if row is None:
        return None
    text = row["text"]
    story = conn.execute(select(a.id, a.input_id, a.source, a.published, a.title, a.is_primary, a.content_hash)
                         .where(a.story_id == row["story_id"], a.id != article_id).order_by(a.id)).all()
    copies = [c for c in story if c.content_hash == row["content_hash"]]
    primary = None if row["is_primary"] else next((c for c in copies if c.is_primary), None)
    records = _highlights(conn, article_id, text, cameo_names or {}) if row["is_primary"] else []
    meeting_rows = conn.execute(select(s.meetings, _reports_of_meeting().label("reports")).where(
        mt.id.in_(select(mtm.meeting_id).where(mtm.article_id == article_id))).order_by(mt.date, mt.id)).all()
    return ReportDetail(
        article=ArticleRef(id=row["id"], report=row["input_id"], source=row["source"], published=row["published"],
                           title=row["title"]),
        text=text, dateline=row["dateline"], url=row["url"], origin=row["origin"], body_start=row["body_start"],
        body_end=row["body_end"],
        primary=_article_ref(primary) if primary is not None else None,
        copies=tuple(_article_ref(c) for c in copies),
        retellings=tuple(_article_ref(c) for c in story if c.content_hash != row["content_hash"]),
        records=tuple(sorted(records, key=lambda h: (h.spans[0] if h.spans else (0, 0), h.kind, h.id))),
        meetings=tuple(meeting_items(conn, meeting_rows)))


def _span_text(text: str, start: int, end: int) -> str:
    return text[start:end] if 0 <= start <= end <= len(text) else ""


def _highlights(conn: Connection, article_id: int, text: str, cameo_names: dict[str, str]) -> list[Highlight]:
    out: list[Highlight] = []
    names = dict(conn.execute(select(p.id, p.name).where(p.id.in_(
        select(po.person_id).where(po.article_id == article_id)))).all())
    for m in conn.execute(select(s.event_mentions, e.cameo, e.plover_type, e.source_country, e.target_country,
                                 e.source_name, e.target_name, e.date)
                          .join(s.events, e.id == mm.event_id).where(mm.article_id == article_id)).mappings():
        spans = [(m["start_char"], m["end_char"])] + [(x["start_char"], x["end_char"]) for x in m["more_evidence"]]
        actors = f"{m['source_country'] or m['source_name'] or '?'} → {m['target_country'] or m['target_name'] or '–'}"
        who = " · ".join(x for x in (names.get(m["source_person_id"]), names.get(m["target_person_id"])) if x)
        out.append(Highlight(
            id=f"event-{m['id']}", kind="event", ref=m["event_id"],
            label=f"{m['cameo']} {m['plover_type'] or 'CAMEO'} {actors}",
            detail="; ".join(x for x in (cameo_names.get(m["cameo"], ""), m["date"] or "undated",
                                         f"trigger “{m['trigger']}”" if m["trigger"] else "", who) if x),
            spans=tuple(spans), quote=m["evidence"],
            verified=_span_text(text, m["start_char"], m["end_char"]) == m["evidence"], **_provenance(m)))
    for o in conn.execute(select(s.agreement_observations, ag.kind, ag.parties)
                          .join(s.agreements, ag.id == ob.agreement_id).where(ob.article_id == article_id)).mappings():
        out.append(Highlight(
            id=f"agreement-{o['id']}", kind="agreement", ref=o["agreement_id"],
            label=f"{o['kind']} {o['parties']}: {o['status']}",
            detail="; ".join(x for x in (o["name"], f"signed {o['signed_on']}" if o["signed_on"] else "") if x),
            spans=((o["start_char"], o["end_char"]),), quote=o["evidence"],
            verified=_span_text(text, o["start_char"], o["end_char"]) == o["evidence"], **_provenance(o)))
    for o in conn.execute(select(s.mechanism_occurrences, me.name)
                          .join(s.mechanisms, me.id == oc.mechanism_id).where(oc.article_id == article_id)).mappings():
        # the countries this report names, not the mechanism's members gathered from every report
        out.append(Highlight(
            id=f"mechanism-{o['id']}", kind="mechanism", ref=o["mechanism_id"],
            label=f"mechanism {o['countries'] or o['name']}: {o['status']}",
            detail="; ".join(x for x in (o["name"], f"no. {o['ordinal']}" if o["ordinal"] else "", o["date"] or "",
                                         o["place_name"] or "") if x),
            spans=((o["start_char"], o["end_char"]),), quote=o["evidence"],
            verified=_span_text(text, o["start_char"], o["end_char"]) == o["evidence"], **_provenance(o)))
    for o in conn.execute(select(s.person_observations).where(po.article_id == article_id)).mappings():
        spans = tuple((x, y) for x, y in o["mentions"])
        if not spans:
            continue
        first = _span_text(text, *spans[0])
        out.append(Highlight(
            id=f"person-{o['id']}", kind="person", ref=o["person_id"],
            label=f"person {o['name']}" + (f" ({o['country']})" if o["country"] else ""),
            detail="; ".join(x for x in (", ".join(o["titles"]), o["rank"] or "") if x),
            spans=spans, quote=first, verified=bool(first), **_provenance(o)))
    return out



def _provenance(row) -> dict:
    return {"rule": row["rule"], "steps": tuple(row["steps"])}
