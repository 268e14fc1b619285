"""`comity events | timeline | persons | person | search`: the store, read through comity.query.

Each prints a table, or with --json / --csv every field of every row (what scripts should read).
"""
from __future__ import annotations

from typing import Optional

import typer
from rich.markup import escape

from ..errors import StoreError
from ._run import error
from ._store import bad_value, clip, csv_option, db_option, emit, json_option, opened, out


def events_cmd(
    country: Optional[str] = typer.Option(None, "--country", "-c", help="A state on either side: a name or ISO "
                                                                        "alpha-3 code."),
    dyad: Optional[str] = typer.Option(None, "--dyad", "-d", help="Two states, either order: VNM-LAO or "
                                      "Vietnam-Laos."),
    type: Optional[str] = typer.Option(None, "--type", "-t", help="PLOVER type (CONSULT) or CAMEO code "
                                                                  "prefix (04, 042)."),
    since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD, YYYY-MM or YYYY)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date, inclusive."),
    person: Optional[str] = typer.Option(None, "--person", "-p", help="A person acting in it; diacritics "
                                                                      "optional."),
    text: Optional[str] = typer.Option(None, "--text", help="Words in the quoted sentence."),
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="At most this many rows."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many rows first."),
    oldest: bool = typer.Option(False, "--oldest-first", help="Oldest first (default: newest first)."),
    db: Optional[str] = db_option(), as_json: bool = json_option(), as_csv: bool = csv_option(),
) -> None:
    """Coded events, each once however many reports tell it, with its sources and a quote."""
    from ..query import EventFilter, EventRow, count_events, list_events

    try:
        f = EventFilter.parse(country=country, dyad=dyad, type=type, since=since, until=until, person=person,
                              text=text, limit=limit, offset=offset, newest_first=not oldest)
    except StoreError as e:
        raise bad_value(e, _hint(e, country)) from None
    with opened(db) as store, store.read() as conn:
        rows = list_events(conn, f)
        total = count_events(conn, f) if not (as_json or as_csv) else len(rows)
    emit(rows, as_json=as_json, as_csv=as_csv, title=f"Events ({len(rows)} of {total})", row_type=EventRow, columns=[
        ("id", lambda r: r.id), ("date", lambda r: r.date or "?"), ("cameo", lambda r: r.cameo),
        ("plover", lambda r: r.plover_type), ("source", lambda r: _actor(r.source_country, r.source_sector)),
        ("target", lambda r: _actor(r.target_country, r.target_sector)), ("reports", lambda r: r.reports),
        ("sources", lambda r: r.sources), ("people", lambda r: r.persons), ("evidence", lambda r: clip(r.evidence)),
    ], wrap=("sources", "people", "evidence"), drop=("sources", "people", "reports", "plover", "id"))


def _hint(e: StoreError, country: str | None = None) -> str:
    """The option a filter error is about, from its catalogue code (and, for a state, its value)."""
    message = str(e)
    if any(f"[{c}]" in message for c in ("E211", "E212")):
        return "--country" if country and repr(country.strip()) in message else "--dyad"
    for codes, hint in ((("E205", "E213"), "--dyad"), (("E204",), "--type"), (("E208",), "--since/--until")):
        if any(f"[{c}]" in message for c in codes):
            return hint
    return "filters"


def _actor(country: str | None, sector: str | None) -> str:
    return f"{country or '?'}{'/' + sector if sector else ''}"


def timeline_cmd(
    country_a: str = typer.Argument(..., help="One state: a name or ISO alpha-3 code, e.g. VNM or Vietnam.",
                                    show_default=False),
    country_b: str = typer.Argument(..., help="The other, e.g. LAO or Laos.", show_default=False),
    since: Optional[str] = typer.Option(None, "--since", help="From this date."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date, inclusive."),
    limit: int = typer.Option(500, "--limit", "-n", min=0, help="At most this many of each kind."),
    db: Optional[str] = db_option(), as_json: bool = json_option(), as_csv: bool = csv_option(),
) -> None:
    """Two states' meetings, agreements and events in date order."""
    from ..query import TimelineItem, parse_date, parse_dyad, timeline

    try:
        a, b = parse_dyad((country_a, country_b))
        since, until = (parse_date(since) if since else None), (parse_date(until) if until else None)
    except StoreError as e:
        raise bad_value(e, "COUNTRY_A COUNTRY_B") from None
    with opened(db) as store, store.read() as conn:
        items = timeline(conn, a, b, since=since, until=until, limit=limit)
    emit(items, as_json=as_json, as_csv=as_csv, title=f"Timeline {a}–{b}", row_type=TimelineItem, columns=[
        ("date", lambda i: i.date or "?"), ("what", lambda i: i.kind), ("code", lambda i: i.code),
        ("countries", lambda i: i.countries), ("place", lambda i: i.place), ("reports", lambda i: i.reports),
        ("summary", lambda i: clip(i.summary)),
    ], wrap=("place", "summary"), drop=("place", "countries", "reports"))


def persons_cmd(
    country: Optional[str] = typer.Option(None, "--country", "-c", help="Only this state's people (a name or ISO "
                                                                        "alpha-3 code)."),
    name: Optional[str] = typer.Option(None, "--name", help="Names containing this; diacritics optional."),
    limit: int = typer.Option(100, "--limit", "-n", min=0, help="At most this many rows."),
    db: Optional[str] = db_option(), as_json: bool = json_option(), as_csv: bool = csv_option(),
) -> None:
    """The people in the store, one row per person across reports, most reported first."""
    from ..query import PersonRow, list_persons, parse_country

    try:
        code = parse_country(country) if country else None
    except StoreError as e:
        raise bad_value(e, "--country") from None
    with opened(db) as store, store.read() as conn:
        rows = list_persons(conn, country=code, name=name, limit=limit)
    emit(rows, as_json=as_json, as_csv=as_csv, title=f"People ({len(rows)})", row_type=PersonRow, columns=[
        ("id", lambda r: r.id), ("name", lambda r: r.name), ("country", lambda r: r.country),
        ("rank", lambda r: r.rank), ("titles (latest)", lambda r: r.titles), ("first seen", lambda r: r.first_seen),
        ("last seen", lambda r: r.last_seen), ("reports", lambda r: r.reports),
    ], wrap=("name", "titles (latest)"), drop=("rank", "first seen", "id", "reports"))


def person_cmd(
    name: str = typer.Argument(..., help="The person's name; diacritics and case optional.", show_default=False),
    db: Optional[str] = db_option(), as_json: bool = json_option(), as_csv: bool = csv_option(),
) -> None:
    """One person: the offices and ranks reports gave, with dates, and their meetings.

    With --csv, one row per office or rank (kind, title, first seen, last seen, reports)."""
    from ..query import get_person

    with opened(db) as store, store.read() as conn:
        try:
            detail = get_person(conn, name)
        except StoreError as e:
            error(e)
            raise typer.Exit(1) from None
    if as_json:
        emit([detail], as_json=True, as_csv=False, title="", columns=[])
        return
    offices = [("office", o) for o in detail.offices] + [("rank", o) for o in detail.ranks]
    if as_csv:
        import csv
        import sys

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["person", "kind", "title", "first_seen", "last_seen", "reports"])
        for kind, o in offices:
            writer.writerow([detail.person.name, kind, o.title, o.first_seen, o.last_seen, o.reports])
        return
    p = detail.person
    out.print(f"[bold]{escape(p.name)}[/bold] ({p.country or '?'}): {p.reports} report(s), "
              f"{p.first_seen} to {p.last_seen}, "
              f"{detail.events} event(s)")
    if len(detail.names) > 1:
        out.print("written as: " + escape("; ".join(detail.names)))
    if offices:
        emit(offices, as_json=False, as_csv=False, title="Offices and ranks", columns=[
            ("kind", lambda k: k[0]), ("title", lambda k: k[1].title), ("first seen", lambda k: k[1].first_seen),
            ("last seen", lambda k: k[1].last_seen), ("reports", lambda k: k[1].reports),
        ], wrap=("title",))
    if detail.meetings:
        emit(list(detail.meetings), as_json=False, as_csv=False, title="Meetings", columns=[
            ("date", lambda m: m.date or "?"), ("kind", lambda m: m.kind), ("countries", lambda m: m.countries),
            ("place", lambda m: m.place), ("host", lambda m: m.host_country), ("reports", lambda m: m.reports),
        ], wrap=("countries", "place"), drop=("host",))
    else:
        out.print("no meetings recorded")


def search_cmd(
    query: str = typer.Argument(..., help="Words that must all occur; diacritics and case optional.",
                                show_default=False),
    limit: int = typer.Option(20, "--limit", "-n", min=0, help="At most this many reports."),
    db: Optional[str] = db_option(), as_json: bool = json_option(), as_csv: bool = csv_option(),
) -> None:
    """Full-text search over the stored reports (SQLite FTS5 or PostgreSQL full-text), best first."""
    from ..query import SearchHit, search

    with opened(db) as store, store.read() as conn:
        hits = search(conn, query, limit=limit)
    emit(hits, as_json=as_json, as_csv=as_csv, title=f"Reports matching {query!r} ({len(hits)})",
         row_type=SearchHit, columns=[
        ("report", lambda h: h.report), ("published", lambda h: h.published), ("source", lambda h: h.source),
        ("copies", lambda h: h.copies or ""), ("text", lambda h: h.snippet),
    ], wrap=("source", "text"), drop=("copies", "source"))
