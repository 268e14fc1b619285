"""The queries the CLI and the web UI share: a connection and a filter in, typed rows out.

Each function takes a SQLAlchemy Connection (`with store.read() as conn:`), so a caller
can run several in one snapshot. No function formats anything for display.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, case, func, literal_column, select, text

from ..errors import Errors, StoreError
from ..storage import counts as event_counts
from ..storage import identity
from ..storage import schema as s
from ..storage.mapping import is_symmetric
from ..storage.textfold import fold_text, like_escape, words
from .filters import EventFilter, end_of, event_branches, event_conditions, member, person_ids
from .results import EventRow, MeetingRow, Office, PersonDetail, PersonRow, SearchHit, TimelineItem

e, a, mm = s.events.c, s.articles.c, s.event_mentions.c
# what an EventRow needs (no key, no JSON): a page of a busy dyad reads twice a page of these
EVENT_COLUMNS = [e.id, e.date, e.cameo, e.plover_type, e.quad_class, e.goldstein, e.source_country, e.source_sector,
                 e.source_name, e.target_country, e.target_sector, e.target_name, e.place_name, e.num_mentions,
                 e.num_articles]


# ---- events ------------------------------------------------------------------------------------------

def list_events(conn: Connection, f: EventFilter = EventFilter()) -> list[EventRow]:
    """A page of events, newest (or oldest) first, undated ones last.

    Read per branch (filters.event_branches) and merged here, dated and undated apart: each
    query then follows an index in date order and stops after a page, on SQLite and PostgreSQL
    alike (an ORDER BY ... NULLS LAST would make either sort every matching row).

    In two steps, so that a deep page (`offset` 10,000) stays cheap: the keys (date, id) of every
    event up to the page's end, which a dyad, country or plain list reads from its index alone (the
    row id is in every SQLite index), then the page's rows only, by id."""
    need = f.offset + f.limit
    if need <= 0:
        return []
    base = event_conditions(f, branched=True)
    order = (e.date.desc(), e.id.desc()) if f.newest_first else (e.date.asc(), e.id.asc())
    keys: set[tuple[str, int]] = set()
    for branch in event_branches(f):
        # plain tuples: comparing SQLAlchemy Rows while sorting costs ten times more
        keys.update((d, i) for d, i in conn.execute(select(e.date, e.id).where(*base, *branch, e.date.is_not(None))
                                                    .order_by(*order).limit(need)))
    ids = [i for _, i in sorted(keys, reverse=f.newest_first)[:need]]
    if len(ids) < need:
        undated: set[int] = set()
        for branch in event_branches(f):
            undated.update(conn.execute(select(e.id).where(*base, *branch, e.date.is_(None))
                                        .order_by(e.id.desc() if f.newest_first else e.id)
                                        .limit(need - len(ids))).scalars())
        ids += sorted(undated, reverse=f.newest_first)[:need - len(ids)]
    page = ids[f.offset:need]
    if not page:
        return []
    rows = {r["id"]: r for r in conn.execute(select(*EVENT_COLUMNS).where(member(conn, e.id, "ids")),
                                             {"ids": page}).mappings()}
    return _event_rows(conn, [rows[i] for i in page])


def count_events(conn: Connection, f: EventFilter = EventFilter()) -> int:
    """How many events match, branch by branch (filters.event_branches): with no other filter each
    count is read from one index range, not from the table."""
    base = event_conditions(f, branched=True)
    return sum(conn.execute(select(func.count()).select_from(s.events).where(*base, *branch)).scalar_one()
               for branch in event_branches(f))


def _event_rows(conn: Connection, rows: Sequence[Any]) -> list[EventRow]:
    """Adds what comes from the mentions (quote, people, agencies) for one page of events."""
    ids = [r["id"] for r in rows]
    if not ids:
        return []
    first: dict[int, Any] = {}
    persons: dict[int, list[str]] = defaultdict(list)
    stories: dict[int, set[int]] = defaultdict(set)
    # three plain lookups by key rather than one join: each follows an index on any planner
    # (PostgreSQL would hash-join the whole articles table for a page of 500)
    mentions = conn.execute(
        select(mm.event_id, mm.article_id, mm.evidence, mm.source_person_id, mm.target_person_id)
        .where(member(conn, mm.event_id, "ids")).order_by(mm.event_id, mm.id), {"ids": ids}).all()
    articles = {r.id: r for r in conn.execute(
        select(a.id, a.input_id, a.story_id, a.published).where(member(conn, a.id, "ids")),
        {"ids": sorted({m.article_id for m in mentions})})}
    pids = sorted({p for m in mentions for p in (m.source_person_id, m.target_person_id) if p is not None})
    names = dict(conn.execute(select(s.persons.c.id, s.persons.c.name).where(member(conn, s.persons.c.id, "ids")),
                              {"ids": pids}).all()) if pids else {}
    by_date = sorted(mentions, key=lambda m: (m.event_id, articles[m.article_id].published or "", m.article_id))
    for m in by_date:
        article = articles[m.article_id]
        first.setdefault(m.event_id, (m.evidence, article.input_id))
        stories[m.event_id].add(article.story_id)
        for pid in (m.source_person_id, m.target_person_id):
            name = names.get(pid)
            if name and name not in persons[m.event_id]:
                persons[m.event_id].append(name)
    agencies = _story_sources(conn, set().union(*stories.values()))
    out = []
    for r in rows:
        m = first.get(r["id"])
        out.append(EventRow(
            id=r["id"], date=r["date"], cameo=r["cameo"], plover_type=r["plover_type"], quad_class=r["quad_class"],
            goldstein=r["goldstein"], source_country=r["source_country"] or r["source_name"],
            source_sector=r["source_sector"], target_country=r["target_country"] or r["target_name"],
            target_sector=r["target_sector"], place=r["place_name"], mentions=r["num_mentions"],
            reports=r["num_articles"],
            sources=tuple(sorted({x for sid in stories[r["id"]] for x in agencies.get(sid, ())})),
            persons=tuple(persons[r["id"]]), evidence=m[0] if m else "", report=m[1] if m else ""))
    return out


def _story_sources(conn: Connection, story_ids: Iterable[int]) -> dict[int, set[str]]:
    """The agencies of every copy of these stories."""
    ids = sorted(story_ids)
    out: dict[int, set[str]] = defaultdict(set)
    if ids:
        for sid, src in conn.execute(select(a.story_id, a.source).where(member(conn, a.story_id, "ids")),
                                     {"ids": ids}):
            if src:
                out[sid].add(src)
    return out


# ---- timeline ----------------------------------------------------------------------------------------

def timeline(conn: Connection, country_a: str, country_b: str, *, since: str | None = None,
             until: str | None = None, limit: int = 500) -> list[TimelineItem]:
    """The dyad's meetings, events and agreements in date order (undated last), `limit` of each kind."""
    f = EventFilter(dyad=(country_a, country_b), since=since, until=until, limit=limit, newest_first=False)
    items: list[TimelineItem] = []
    for ev in list_events(conn, f):
        arrow = "–" if is_symmetric(ev.cameo) else "→"
        items.append(TimelineItem(
            date=ev.date, kind="event", code=ev.cameo,
            summary=f"{ev.plover_type or 'CAMEO'} {ev.source_country}{arrow}{ev.target_country}: {ev.evidence}",
            countries=f"{ev.source_country}-{ev.target_country}", place=ev.place, reports=ev.reports, id=ev.id))
    for mt in list_meetings(conn, country_a, country_b, since=since, until=until, limit=limit):
        items.append(TimelineItem(date=mt.date, kind="meeting", code=mt.kind,
                                  summary=f"{mt.kind} ({'hosted by ' + mt.host_country if mt.host_country else 'held'})",
                                  countries=mt.countries, place=mt.place, reports=mt.reports, id=mt.id))
    for ag in _dyad_agreements(conn, country_a, country_b, since=since, until=until, limit=limit):
        items.append(ag)
    kinds = {"meeting": 0, "agreement": 1, "event": 2}
    return sorted(items, key=lambda i: (i.date is None, i.date or "", kinds[i.kind], i.code, i.id))


def _both(table: Any, key: str, country_a: str, country_b: str) -> Any:
    """Rows of a (row id, country) table that name both countries."""
    first, second = table.alias("c1"), table.alias("c2")
    return (select(first.c[key]).join(second, second.c[key] == first.c[key])
            .where(first.c.country == country_a, second.c.country == country_b))


def list_meetings(conn: Connection, country_a: str, country_b: str, *, since: str | None = None,
                  until: str | None = None, limit: int = 500) -> list[MeetingRow]:
    mt = s.meetings.c
    reports = (select(func.count(func.distinct(s.meeting_mentions.c.article_id)))
               .where(s.meeting_mentions.c.meeting_id == mt.id).scalar_subquery())
    where = [mt.id.in_(_both(s.meeting_countries, "meeting_id", country_a, country_b))]
    where += _date_range(mt.date, since, until)
    rows = conn.execute(select(s.meetings, reports.label("reports")).where(*where)
                        .order_by(mt.date.asc().nulls_last(), mt.id).limit(limit)).mappings().all()
    return [MeetingRow(id=r["id"], date=r["date"], kind=r["kind"], countries=r["countries"], place=r["place_name"],
                       host_country=r["host_country"], reports=r["reports"]) for r in rows]


def _dyad_agreements(conn: Connection, country_a: str, country_b: str, *, since: str | None,
                     until: str | None, limit: int) -> list[TimelineItem]:
    """The status timeline of the dyad's agreements: one item per instrument, date and status
    (a signing on its signing date, any other status on the date of the report that gave it)."""
    ag, ob = s.agreements.c, s.agreement_observations.c
    when = case((ob.status == "signed", func.coalesce(ob.signed_on, ob.observed_on)), else_=ob.observed_on)
    where = [ag.id.in_(_both(s.agreement_parties, "agreement_id", country_a, country_b))]
    where += _date_range(when, since, until)
    rows = conn.execute(
        select(ag.id, ag.kind, ag.name, ag.parties, ob.status, when.label("when"),
               func.count(func.distinct(ob.article_id)).label("reports"))
        .join(s.agreement_observations, ob.agreement_id == ag.id).where(*where)
        .group_by(ag.id, ag.kind, ag.name, ag.parties, ob.status, when)
        .order_by(when.asc().nulls_last(), ag.id).limit(limit)).mappings().all()
    return [TimelineItem(date=r["when"], kind="agreement", code=r["kind"], summary=f"{r['status']}: {r['name']}",
                         countries=r["parties"], place=None, reports=r["reports"], id=r["id"]) for r in rows]


def _date_range(column: Any, since: str | None, until: str | None) -> list[Any]:
    return ([column >= since] if since else []) + ([column <= end_of(until)] if until else [])


# ---- persons -----------------------------------------------------------------------------------------

def list_persons(conn: Connection, *, country: str | None = None, name: str | None = None, limit: int = 100,
                 offset: int = 0) -> list[PersonRow]:
    p = s.persons.c
    where = []
    if country:
        where.append(p.country == country)
    if name:
        where.append(p.id.in_(person_ids(name)))
    return _persons(conn, where, limit=limit, offset=offset)


def _persons(conn: Connection, where: list[Any], *, limit: int = 100, offset: int = 0) -> list[PersonRow]:
    """The persons matching these conditions, most reported first."""
    p, po = s.persons.c, s.person_observations.c
    reports = select(func.count(func.distinct(po.article_id))).where(po.person_id == p.id).scalar_subquery()
    rows = conn.execute(select(s.persons, reports.label("reports")).where(*where)
                        .order_by(literal_column("reports").desc(), p.name).limit(limit).offset(offset)).mappings().all()
    latest = _latest_observations(conn, [r["id"] for r in rows])
    return [_person_row(r, latest.get(r["id"])) for r in rows]


def _latest_observations(conn: Connection, ids: list[int]) -> dict[int, tuple[tuple[str, ...], str | None]]:
    """Each person's titles and rank as last reported (by report date): the latest report that gives any."""
    out: dict[int, tuple[tuple[str, ...], str | None]] = {}
    if not ids:
        return out
    po = s.person_observations.c
    for r in conn.execute(select(s.person_observations).where(member(conn, po.person_id, "ids"))
                          .order_by(po.person_id, po.observed_on.asc().nulls_first(), po.id), {"ids": ids}).mappings():
        titles, rank = out.get(r["person_id"], ((), None))
        out[r["person_id"]] = (tuple(r["titles"]) or titles, r["rank"] or rank)
    return out


def _person_row(r: Any, latest: tuple[tuple[str, ...], str | None] | None) -> PersonRow:
    titles, rank = latest or ((), None)
    return PersonRow(id=r["id"], name=r["name"], country=r["country"], titles=titles, rank=rank,
                     first_seen=r["first_seen"], last_seen=r["last_seen"], reports=r["reports"])


def find_persons(conn: Connection, name: str) -> list[PersonRow]:
    """The persons whose name key is `name`'s (one per country, most reported first; `comity.storage.
    identity.name_key`: diacritics, spacing and listed spellings aside); failing that, the 50 most
    reported whose name contains it. The exact match is looked up on its own (a key prefix): in a big
    store it need not be among the 50 most reported of the names containing it."""
    key = identity.name_key(name)
    if not key:
        return []
    prefix = like_escape(key + identity.SEPARATOR) + "%"
    exact = _persons(conn, [s.persons.c.key.like(prefix, escape="\\")], limit=50)
    return exact or list_persons(conn, name=name, limit=50)


def get_person(conn: Connection, name: str) -> PersonDetail:
    """One person's offices and ranks over time and their meetings; StoreError if nobody matches."""
    found = find_persons(conn, name)
    if not found:
        raise StoreError(Errors.E206.format(name=name))
    person = found[0]
    po = s.person_observations.c
    obs = conn.execute(select(s.person_observations).where(po.person_id == person.id)
                       .order_by(po.observed_on.asc().nulls_last(), po.id)).mappings().all()
    offices = _spans((t, o) for o in obs for t in o["titles"])
    ranks = _spans((o["rank"], o) for o in obs if o["rank"])
    names = tuple(dict.fromkeys(o["name"] for o in obs))
    meeting_ids = [mt["meeting_id"] for mt in conn.execute(
        select(s.meeting_mentions.c.meeting_id, s.meeting_mentions.c.participants)
        .where(member(conn, s.meeting_mentions.c.article_id, "articles")),
        {"articles": [o["article_id"] for o in obs] or [0]}).mappings() if person.id in mt["participants"]]
    meetings = _meetings_by_id(conn, meeting_ids)
    events = conn.execute(select(func.count(func.distinct(mm.event_id))).where(
        (mm.source_person_id == person.id) | (mm.target_person_id == person.id))).scalar_one()
    return PersonDetail(person=person, names=names, offices=offices, ranks=ranks, meetings=meetings, events=events)


def _spans(pairs: Iterable[tuple[str, Any]]) -> tuple[Office, ...]:
    seen: dict[str, list[Any]] = {}
    for title, o in pairs:
        seen.setdefault(title, []).append(o)
    spans = []
    for title, obs in seen.items():
        dates = sorted(o["observed_on"] for o in obs if o["observed_on"])
        spans.append(Office(title=title, first_seen=dates[0] if dates else None,
                            last_seen=dates[-1] if dates else None, reports=len({o["article_id"] for o in obs})))
    return tuple(sorted(spans, key=lambda o: (o.first_seen is None, o.first_seen or "", o.title)))


def _meetings_by_id(conn: Connection, ids: list[int]) -> tuple[MeetingRow, ...]:
    if not ids:
        return ()
    mt = s.meetings.c
    reports = (select(func.count(func.distinct(s.meeting_mentions.c.article_id)))
               .where(s.meeting_mentions.c.meeting_id == mt.id).scalar_subquery())
    rows = conn.execute(select(s.meetings, reports.label("reports")).where(member(conn, mt.id, "ids"))
                        .order_by(mt.date.asc().nulls_last(), mt.id), {"ids": sorted(set(ids))}).mappings()
    return tuple(MeetingRow(id=r["id"], date=r["date"], kind=r["kind"], countries=r["countries"],
                            place=r["place_name"], host_country=r["host_country"], reports=r["reports"]) for r in rows)


# ---- full-text search --------------------------------------------------------------------------------

SNIPPET_CHARS = 90


def search(conn: Connection, query: str, *, limit: int = 20) -> list[SearchHit]:
    """Reports containing every word of `query` (diacritics and case optional), best first.

    One hit per story: only each story's primary copy is indexed; `copies` counts the rest."""
    terms = words(query)
    if not terms:
        return []
    if conn.dialect.name == "sqlite":
        # each word quoted as an FTS5 string: no user text is read as FTS5 syntax
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        hits = conn.execute(text("SELECT rowid AS id, bm25(article_fts) AS score FROM article_fts "
                                 "WHERE article_fts MATCH :q ORDER BY score LIMIT :n"),
                            {"q": match, "n": limit}).all()
        scores = {h.id: -h.score for h in hits}  # bm25: lower is better
    else:
        vector = func.to_tsvector(literal_column("'simple'"), a.search_text)
        tsquery = func.plainto_tsquery(literal_column("'simple'"), " ".join(terms))
        score = func.ts_rank(vector, tsquery)
        hits = conn.execute(select(a.id, score.label("score")).where(a.is_primary, vector.op("@@")(tsquery))
                            .order_by(score.desc(), a.id).limit(limit)).all()
        scores = {h.id: float(h.score) for h in hits}
    if not scores:
        return []
    rows = {r["id"]: r for r in conn.execute(select(s.articles).where(member(conn, a.id, "ids")),
                                             {"ids": list(scores)}).mappings()}
    copies = dict(conn.execute(select(a.story_id, func.count()).where(member(conn, a.story_id, "ids"))
                               .group_by(a.story_id), {"ids": sorted({r["story_id"] for r in rows.values()})}).all())
    return [SearchHit(article_id=i, report=rows[i]["input_id"], published=rows[i]["published"],
                      source=rows[i]["source"], copies=copies.get(rows[i]["story_id"], 1) - 1,
                      snippet=snippet(rows[i]["text"], rows[i]["search_text"] or fold_text(rows[i]["text"]), terms),
                      score=round(scores[i], 4)) for i in scores if i in rows]


def snippet(original: str, folded: str, terms: list[str]) -> str:
    """The text around the place where most of the query's words are found together (the first
    such place), quoted as written (folding keeps offsets): for "military medicine", the words
    "military medicine", not an earlier "military ties"."""
    found = list(re.finditer(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b", folded))
    if not found:
        return " ".join(original[:SNIPPET_CHARS * 2].split())

    def words_near(m: re.Match) -> int:
        return len({o.group() for o in found if abs(o.start() - m.start()) <= SNIPPET_CHARS})

    best = max(found, key=words_near)  # max keeps the first of equals
    start = max(0, best.start() - SNIPPET_CHARS)
    end = min(len(original), best.end() + SNIPPET_CHARS)
    return ("…" if start else "") + " ".join(original[start:end].split()) + ("…" if end < len(original) else "")


# ---- summary -----------------------------------------------------------------------------------------

def dyads(conn: Connection, *, limit: int = 10) -> list[tuple[str, str, int]]:
    """The country pairs with most events (for hints and the web UI's front page): from each direction's
    total in event_counts (one row per direction), not from the events."""
    c = s.event_counts.c
    known = [col.not_in((event_counts.ALL, event_counts.NONE)) for col in (c.source_country, c.target_country)]
    rows = conn.execute(select(c.source_country, c.target_country, c.events).where(
        c.period == event_counts.ALL, c.plover_type == event_counts.ALL, *known,
        c.source_country != c.target_country)).all()
    merged: dict[tuple[str, str], int] = defaultdict(int)
    for src, tgt, n in rows:
        merged[tuple(sorted((src, tgt)))] += n  # type: ignore[index]
    return sorted(((x, y, n) for (x, y), n in merged.items()), key=lambda t: (-t[2], t[0], t[1]))[:limit]

