"""`comity agreements`, `comity agreement`, `comity mechanisms`: instruments and mechanisms across reports.

With no report paths each reads the store through the query layer the web view uses
(`comity.query.views`: `agreements`, `get_agreement`, `mechanisms`); given paths, the reports
are extracted in memory in this run (`_results`) and linked by `comity.link`, nothing stored.
`comity agreement` shows either through one view (`_AgreementView`, drawn by `_show`), and
`comity mechanisms` through `_MechanismView`.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from ..errors import ComityError, InputError
from ..link import LinkedAgreement, MechanismSeries, link, link_agreements, link_mechanisms
from ..link.mechanisms import held_and_next, ordinal_text
from ..model import ArticleResult, to_dict
from ._run import error, run_extraction
from ._store import bad_value, csv_option, db_option, emit, opened, out, table_of


PATHS = typer.Argument(None, help="Report files or folders (read recursively), as for `comity extract`: "
                       "extracted and linked in this run, nothing stored. Without them, the store is read.",
                       show_default=False)
PUBLISHED = typer.Option(None, "--published", help="With report paths: the publication date (YYYY-MM-DD) of "
                         "reports that carry none.")
JSON = typer.Option(False, "--json", help="Print JSON instead of a table.")
QUIET = typer.Option(False, "--quiet", "-q", help="With report paths: no progress bar.")
BETWEEN = typer.Option(None, "--between", help="Only those whose parties include both states, e.g. VNM LAO "
                       "or Vietnam Laos (names, aliases or ISO alpha-3 codes).", show_default=False)
KIND = typer.Option(None, "--kind", help="Only this kind: protocol, annual_plan, mou, agreement, treaty, ...",
                    show_default=False)
STATUS = typer.Option(None, "--status", help="Only those whose latest status is this: signed, proposed, "
                      "reviewed, ...", show_default=False)
SINCE = typer.Option(None, "--since", help="Only those reported on since this date (YYYY-MM-DD, YYYY-MM or "
                     "YYYY).", show_default=False)


def _results(paths: list[Path], published: str | None, quiet: bool) -> list[ArticleResult]:
    from ..pipeline import parse_published

    try:
        base_date: dt.date | None = parse_published(published)
    except InputError as e:
        raise typer.BadParameter(e.message, param_hint="--published") from None
    results: list[ArticleResult] = []
    try:
        run_extraction(paths, base_date, results.append, quiet=quiet)
    except ComityError as e:
        error(e)
        raise typer.Exit(2) from None
    return results


def _codes(between: tuple[str, str] | None) -> set[str]:
    """--between's two states, each a code, a name or an alias (`comity.query.resolve_country`):
    exit 2 with the closest matches for an unknown state, and for one state twice."""
    if not between:
        return set()
    from ..errors import StoreError
    from ..query import parse_dyad

    try:
        return set(parse_dyad(tuple(between)))
    except StoreError as e:
        raise bad_value(e, "--between") from None


def _period(start: int | None, end: int | None) -> str:
    return f"{start or '?'}–{end or '?'}" if start or end else ""


def _about(kind: str, parties: tuple[str, ...], domain: str | None, start: int | None,
           end: int | None) -> str:
    """"protocol, KHM–VNM, defence, 2026–2030": an agreement's second line."""
    return ", ".join(x for x in (kind, "–".join(parties), domain, _period(start, end)) if x)


def _find(items: list, wanted: str, what: str):
    hits = [i for i in items if wanted in (i.id, i.key)] or [i for i in items if i.id.startswith(wanted)]
    if len(hits) != 1:
        found = f"no {what} in these reports matches" if not hits else f"{len(hits)} {what}s match"
        raise typer.BadParameter(f"{found} {wanted!r}; `comity {what}s PATH...` lists them with their ids",
                                 param_hint="--id")
    return hits[0]


def _agreement_json(a: LinkedAgreement, rel: dict[str, dict]) -> dict:
    return {"id": a.id, **to_dict(a), "links": rel[a.key]}


def _filtered(a: LinkedAgreement, codes: set[str], kind: str | None, status: str | None,
              since: str | None) -> bool:
    seen = max((o.published for o in a.observations if o.published), default=None)
    return (codes <= set(a.parties) and (kind is None or a.kind == kind)
            and (status is None or a.latest_status == status) and (since is None or (seen or "") >= since))


def _store_only(paths: list[Path] | None, db: str | None, as_csv: bool) -> bool:
    """True when the store is to be read (no report paths); --db and --csv go with the store only."""
    if paths and db:
        raise typer.BadParameter("give report paths or --db, not both: report paths are read, not stored",
                                 param_hint="--db")
    if paths and as_csv:
        raise typer.BadParameter("--csv lists the store's agreements and mechanisms; with report paths use "
                                 "--json", param_hint="--csv")
    return not paths


def _since(since: str | None) -> str | None:
    from ..errors import StoreError
    from ..query import parse_date

    try:
        return parse_date(since) if since else None
    except StoreError as e:
        raise bad_value(e, "--since") from None


def agreements_cmd(
    paths: Optional[list[Path]] = PATHS,
    between: Optional[tuple[str, str]] = BETWEEN,
    kind: Optional[str] = KIND, status: Optional[str] = STATUS, since: Optional[str] = SINCE,
    limit: int = typer.Option(200, "--limit", "-n", min=0, help="From the store: at most this many."),
    db: Optional[str] = db_option(), as_json: bool = JSON, as_csv: bool = csv_option(),
    published: Optional[str] = PUBLISHED, quiet: bool = QUIET,
) -> None:
    """List the agreements, each instrument once across all reports: its id, kind, parties, period, latest
    status with its date, and the number of reports.

    Reads the store (`--db`, like `comity events`); with --between, in the order of the web view's
    ladder (protocols, then plans, MoUs and the rest), else the latest reported first. Given report
    paths, extracts and links them instead, storing nothing. `comity agreement --id ID` shows one in full.
    """
    codes = _codes(between)
    since = _since(since)
    if _store_only(paths, db, as_csv):
        dyad = tuple(sorted(codes)) if codes else None
        _store_agreements(dyad, kind, status, since, limit, db, as_json, as_csv)
        return
    linked = link_agreements(_results(paths, published, quiet))
    rel = link(linked)
    shown = [a for a in linked if _filtered(a, codes, kind, status, since)]
    if as_json:
        typer.echo(json.dumps([_agreement_json(a, rel) for a in shown], ensure_ascii=False, indent=1))
        return
    table = Table(title=f"Agreements ({len(shown)})")
    for col in ("id", "kind", "parties", "period", "status", "date", "reports"):
        table.add_column(col, no_wrap=True)
    table.add_column("name", overflow="fold")
    for a in shown:
        flag = " [red]![/red]" if a.conflicts else ""
        table.add_row(a.id, a.kind, "–".join(a.parties), _period(a.period_start, a.period_end),
                      escape(a.latest_status) + flag, a.latest_date or "", str(len(a.reports)),
                      escape(a.name))
    out.print(table)


def _store_agreements(dyad: tuple[str, ...] | None, kind: str | None, status: str | None, since: str | None,
                      limit: int, db: str | None, as_json: bool, as_csv: bool) -> None:
    from ..query.views import AgreementRow, agreements, ladder_order

    with opened(db) as store, store.read() as conn:
        rows = agreements(conn, dyad=dyad, kind=kind, status=status, since=since, limit=limit,
                          latest_first=not dyad)
    if dyad:
        rows = ladder_order(rows)
    what = f" {'–'.join(dyad)}" if dyad else ""
    emit(rows, as_json=as_json, as_csv=as_csv, title=f"Agreements{what} ({len(rows)})", row_type=AgreementRow,
         columns=[("id", lambda r: r.id), ("kind", lambda r: r.kind),
                  ("parties", lambda r: "–".join(r.parties)),
                  ("period", lambda r: _period(r.period_start, r.period_end)), ("status", lambda r: r.status),
                  ("date", lambda r: r.marks[-1].date if r.marks and r.marks[-1].date else r.last_seen),
                  ("reports", lambda r: r.reports), ("name", lambda r: r.name)],
         wrap=("name",), drop=("reports", "period", "parties" if dyad else "", "date"))


def agreement_cmd(
    paths: Optional[list[Path]] = PATHS,
    id: str = typer.Option(..., "--id", help="The agreement's id from `comity agreements` (from the store: "
                           "its number, or words of its name; from report paths: its id or the id's start).",
                           show_default=False),
    db: Optional[str] = db_option(), as_json: bool = JSON, published: Optional[str] = PUBLISHED,
    quiet: bool = QUIET,
) -> None:
    """Show one agreement: its timeline of reports with evidence quotes, conflicts between reports, and the
    agreements before, after, above and below it.

    Reads the store (`--db`); given report paths, extracts and links them instead."""
    if _store_only(paths, db, False):
        _store_agreement(id, db, as_json)
        return
    linked = link_agreements(_results(paths, published, quiet))
    rel = link(linked)
    a: LinkedAgreement = _find(linked, id, "agreement")
    if as_json:
        typer.echo(json.dumps(_agreement_json(a, rel), ensure_ascii=False, indent=1))
        return
    _show(_linked_view(a, rel[a.key], {x.key: x for x in linked}))


def _quote(text: str, start: int, end: int) -> str:
    return f"      “{escape(text.strip())}” [dim]\\[{start}:{end}][/dim]"


@dataclass(frozen=True)
class _Observation:
    """One line of an agreement's timeline, as shown."""
    date: str
    status: str
    signed_on: str | None
    signatories: tuple[str, ...]
    report: str
    source: str | None
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class _AgreementView:
    """`comity agreement` as shown, whether the agreement comes from the store or from report paths
    linked in this run: one renderer (`_show`) for both."""
    id: str
    name: str
    about: str
    latest: str
    timeline: tuple[_Observation, ...]
    conflicts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    linked: tuple[tuple[str, str], ...] = ()  # (predecessor | successor | parent | child, "id kind period name")


def _ref(id: object, kind: str, start: int | None, end: int | None, name: str) -> str:
    return f"{id} {kind} {_period(start, end)} {name}".replace("  ", " ")


def _linked_view(a: LinkedAgreement, links: dict, by_key: dict[str, LinkedAgreement]) -> _AgreementView:
    """From report paths: `comity.link`'s agreement and its links (keys)."""
    keys = [(label, links[field]) for label, field in
            (("predecessor", "successor_of"), ("successor", "successor"), ("parent", "parent")) if links[field]]
    keys += [("child", k) for k in links["children"]]
    return _AgreementView(
        id=a.id, name=a.name, about=_about(a.kind, a.parties, a.domain, a.period_start, a.period_end),
        latest=f"latest: {a.latest_status} {a.latest_date or ''}".rstrip(),
        timeline=tuple(_Observation(date=o.published or "undated", status=o.status, signed_on=o.signed_on,
                                    signatories=tuple(o.signatories), report=o.article_id, source=o.source,
                                    quote=o.evidence.text, start=o.evidence.start, end=o.evidence.end)
                       for o in a.observations),
        conflicts=tuple(a.conflicts), notes=tuple(a.notes),
        linked=tuple((label, _ref(x.id, x.kind, x.period_start, x.period_end, x.name))
                     for label, key in keys for x in [by_key[key]]))


def _stored_view(detail: Any) -> _AgreementView:
    """From the store: comity.query.views.get_agreement's AgreementDetail."""
    a = detail.agreement
    by_id = {r.id: r for r in detail.related}
    ids = [(label, i) for label, i in (("predecessor", a.successor_of), ("successor", a.successor),
                                       ("parent", a.parent)) if i is not None]
    ids += [("child", i) for i in a.children]
    return _AgreementView(
        id=str(a.id), name=a.name, about=_about(a.kind, a.parties, a.domain, a.period_start, a.period_end),
        latest=f"latest: {a.status} {a.last_seen or ''}".rstrip(),
        timeline=tuple(_Observation(date=o.date or o.observed_on or "undated", status=o.status,
                                    signed_on=o.signed_on, signatories=tuple(p.name for p in o.signatories),
                                    report=o.article.report, source=o.article.source, quote=o.quote,
                                    start=o.start, end=o.end)
                       for o in detail.observations),
        conflicts=tuple(detail.conflicts),
        linked=tuple((label, _ref(i, x.kind, x.period_start, x.period_end, x.name) if x else str(i))
                     for label, i in ids for x in [by_id.get(i)]))


def _show(v: _AgreementView) -> None:
    out.print(f"[bold]{escape(v.name)}[/bold]  ({escape(v.id)})")
    out.print(escape(v.about))
    out.print(escape(v.latest))
    out.print("\n[bold]Timeline[/bold]")
    for o in v.timeline:
        who = f" by {', '.join(o.signatories)}" if o.signatories else ""
        signed = f" on {o.signed_on}" if o.signed_on else ""
        source = f" ({o.source})" if o.source else ""
        out.print(escape(f"  {o.date}  {o.status}{signed}{who}") + f"  [dim]report {escape(o.report + source)}[/dim]")
        out.print(_quote(o.quote, o.start, o.end))
    for title, items in (("Conflicts", v.conflicts), ("Notes", v.notes)):
        if items:
            out.print(f"\n[bold]{title}[/bold]")
            for item in items:
                out.print(f"  {escape(item)}")
    if v.linked:
        out.print("\n[bold]Linked[/bold]")
        for label, text in v.linked:
            out.print(f"  {label}: {escape(text)}")


def _store_agreement(wanted: str, db: str | None, as_json: bool) -> None:
    from ..query.views import find_agreements, get_agreement
    from ._store import plain

    with opened(db) as store, store.read() as conn:
        if wanted.strip().isdigit():
            detail = get_agreement(conn, int(wanted))
        else:
            hits = find_agreements(conn, wanted, limit=5)
            if len(hits) != 1:
                found = "no agreement in the store is" if not hits else f"{len(hits)} agreements are"
                raise typer.BadParameter(f"{found} named with {wanted!r}; `comity agreements` lists them "
                                         "with their ids", param_hint="--id")
            detail = get_agreement(conn, hits[0].id)
    if detail is None:
        raise typer.BadParameter(f"no agreement {wanted} in the store; `comity agreements` lists them with "
                                 "their ids", param_hint="--id")
    if as_json:
        typer.echo(json.dumps(plain(detail), ensure_ascii=False, indent=1))
        return
    _show(_stored_view(detail))


def _occurrence(o) -> str:
    if o is None:
        return ""
    nth = f"{ordinal_text(o.ordinal)} " if o.ordinal else ""
    place = o.place if isinstance(o.place, str) else o.place.name if o.place else None
    when = " ".join(part for part in (f"{nth}{o.status}", o.date) if part)
    return f"{when}, {place}" if place else when


@dataclass(frozen=True)
class _MechanismView:
    """`comity mechanisms` as shown, whether the series comes from the store or from report paths
    linked in this run: one table (`_show_mechanisms`) and one detail (`_show_mechanism`) for both."""
    id: str
    name: str
    members: tuple[str, ...]
    level: str | None
    last_held: str
    next_planned: str
    reports: int
    seen: tuple[tuple[str, str, str], ...] = ()  # (occurrence, "report R (published)", quote line)
    conflicts: tuple[str, ...] = ()


def _series_view(s: MechanismSeries) -> _MechanismView:
    """From report paths: `comity.link`'s series."""
    return _MechanismView(
        id=s.id, name=s.name, members=s.members, level=s.level, last_held=_occurrence(s.last_held),
        next_planned=_occurrence(s.next_planned), reports=len(s.reports), conflicts=tuple(s.conflicts),
        seen=tuple((_occurrence(o), f"report {o.article_id} ({o.published or 'undated'})",
                    _quote(o.evidence.text, o.evidence.start, o.evidence.end)) for o in s.occurrences))


def _stored_mechanism_view(m: Any) -> _MechanismView:
    """From the store: comity.query.views.mechanisms' MechanismRow."""
    last, nxt = held_and_next(m.occurrences, reported=lambda o: o.article.published)
    return _MechanismView(
        id=str(m.id), name=m.name, members=m.countries, level=m.level, last_held=_occurrence(last),
        next_planned=_occurrence(nxt), reports=len({o.article.id for o in m.occurrences}),
        seen=tuple((_occurrence(o), f"report {o.article.report} ({o.article.published or 'undated'})",
                    f"      “{escape(o.quote.strip())}”") for o in m.occurrences))


def _show_mechanisms(views: list[_MechanismView], dyad: tuple[str, ...] | None) -> None:
    what = f" {'–'.join(dyad)}" if dyad else ""
    out.print(table_of(views, title=f"Mechanisms{what} ({len(views)})", width=out.width,
                       columns=[("id", lambda v: v.id), ("name", lambda v: v.name),
                                ("members", lambda v: "–".join(v.members)), ("level", lambda v: v.level),
                                ("last held", lambda v: v.last_held), ("next", lambda v: v.next_planned),
                                ("reports", lambda v: v.reports)],
                       wrap=("name", "last held", "next"),
                       drop=("level", "reports", "members" if dyad else "")))


def _show_mechanism(v: _MechanismView) -> None:
    out.print(f"[bold]{escape(v.name)}[/bold]  ({escape(v.id)})")
    out.print(escape(f"members: {'–'.join(v.members)}" + (f", level {v.level}" if v.level else "")))
    for occurrence, report, quote in v.seen:
        out.print(f"  {escape(occurrence)}  [dim]{escape(report)}[/dim]")
        out.print(quote)
    for c in v.conflicts:
        out.print(f"  [red]conflict[/red] {escape(c)}")


def mechanisms_cmd(
    paths: Optional[list[Path]] = PATHS,
    between: Optional[tuple[str, str]] = BETWEEN,
    id: Optional[str] = typer.Option(None, "--id", help="Show this series in full (id from the list)."),
    limit: int = typer.Option(200, "--limit", "-n", min=0, help="From the store: at most this many."),
    db: Optional[str] = db_option(), as_json: bool = JSON, as_csv: bool = csv_option(),
    published: Optional[str] = PUBLISHED, quiet: bool = QUIET,
) -> None:
    """List recurring mechanisms (dialogues, exchanges, committees, regular meetings) as series.

    Each series gathers its occurrences across reports, by ordinal and date: the last one held, the next
    one planned, and how many reports mention it. With --id, every occurrence with its report and
    evidence quote. Reads the store (`--db`); given report paths, extracts and links them instead.
    """
    codes = _codes(between)
    dyad = tuple(sorted(codes)) if codes else None
    if _store_only(paths, db, as_csv):
        _store_mechanisms(dyad, id, limit, db, as_json, as_csv)
        return
    series = [s for s in link_mechanisms(_results(paths, published, quiet)) if codes <= set(s.members)]
    if id is not None:
        s: MechanismSeries = _find(series, id, "mechanism")
        if as_json:
            typer.echo(json.dumps({"id": s.id, **to_dict(s)}, ensure_ascii=False, indent=1))
        else:
            _show_mechanism(_series_view(s))
        return
    if as_json:
        typer.echo(json.dumps([{"id": s.id, **to_dict(s)} for s in series], ensure_ascii=False, indent=1))
        return
    _show_mechanisms([_series_view(s) for s in series], dyad)


def _store_mechanisms(dyad: tuple[str, ...] | None, wanted: str | None, limit: int, db: str | None,
                      as_json: bool, as_csv: bool) -> None:
    from ..query.views import MechanismRow, mechanisms
    from ._store import plain

    if wanted is not None and not wanted.strip().isdigit():
        raise typer.BadParameter(f"{wanted!r}: give the mechanism's number from `comity mechanisms`",
                                 param_hint="--id")
    with opened(db) as store, store.read() as conn:
        rows = mechanisms(conn, dyad or None,
                          ids=[int(wanted)] if wanted is not None else None, limit=limit)
    if dyad:
        rows = [r for r in rows if set(dyad) <= set(r.countries)]
    if wanted is None:
        if as_json or as_csv:
            emit(rows, as_json=as_json, as_csv=as_csv, title="", columns=(), row_type=MechanismRow)
        else:
            _show_mechanisms([_stored_mechanism_view(r) for r in rows], dyad)
        return
    if not rows:
        raise typer.BadParameter(f"no mechanism {wanted} in the store; `comity mechanisms` lists them with "
                                 "their ids", param_hint="--id")
    if as_json:
        typer.echo(json.dumps(plain(rows[0]), ensure_ascii=False, indent=1))
        return
    _show_mechanism(_stored_mechanism_view(rows[0]))
