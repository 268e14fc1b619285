"""`comity agreements`, `comity agreement`, `comity mechanisms`: instruments and mechanisms across reports.

A thin shell over `comity.link`. The reports given are extracted in memory in this run
(`_results`); once the store exists, that is the one function to point at it.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from ..errors import ComityError, InputError
from ..link import LinkedAgreement, MechanismSeries, link, link_agreements, link_mechanisms
from ..link.mechanisms import ordinal_text
from ..model import ArticleResult, to_dict
from ._run import err, run_extraction



class _Out:
    """Standard output, looked up when printing (so tests can capture it); 160 columns when piped."""

    def print(self, *args, **kw) -> None:
        width = None if sys.stdout.isatty() else 160
        Console(highlight=False, width=width, soft_wrap=not isinstance(args[0], Table)).print(*args, **kw)


out = _Out()

PATHS = typer.Argument(..., help="Report files or folders (read recursively), as for `comity extract`.",
                       show_default=False)
PUBLISHED = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for reports that carry none.")
JSON = typer.Option(False, "--json", help="Print JSON instead of a table.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar.")
BETWEEN = typer.Option(None, "--between", help="Only those whose parties include both states, e.g. VNM LAO "
                                               "(ISO alpha-3 codes or names).", show_default=False)


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
        err.print(f"[red]error[/red] {e}")
        raise typer.Exit(2) from None
    return results


def _code(value: str) -> str:
    """A country code from a code or a name ("lao", "Laos", "Việt Nam" -> LAO, LAO, VNM)."""
    if len(value) == 3 and value.isalpha() and value.isupper():
        return value
    from ..nlp.gazetteer import COUNTRY, DEMONYM, load_gazetteer

    codes = {e.code for e in load_gazetteer().lookup(value) if e.kind in (COUNTRY, DEMONYM)}
    if len(codes) == 1:
        return codes.pop()
    if len(value) == 3 and value.isalpha():
        return value.upper()
    raise typer.BadParameter(f"{value!r} is not a country: give an ISO alpha-3 code such as VNM",
                             param_hint="--between")


def _period(start: int | None, end: int | None) -> str:
    return f"{start or '?'}–{end or '?'}" if start or end else ""


def _find(items: list, wanted: str, what: str):
    hits = [i for i in items if wanted in (i.id, i.key)] or [i for i in items if i.id.startswith(wanted)]
    if len(hits) != 1:
        found = f"no {what} in these reports matches" if not hits else f"{len(hits)} {what}s match"
        raise typer.BadParameter(f"{found} {wanted!r}; `comity {what}s PATH...` lists them with their ids",
                                 param_hint="--id")
    return hits[0]


def _agreement_json(a: LinkedAgreement, rel: dict[str, dict]) -> dict:
    return {"id": a.id, **to_dict(a), "links": rel[a.key]}


def agreements_cmd(
    paths: list[Path] = PATHS,
    between: Optional[tuple[str, str]] = BETWEEN,
    kind: Optional[str] = typer.Option(None, "--kind", help="Only this kind: protocol, annual_plan, mou, "
                                                             "agreement, treaty, ..."),
    as_json: bool = JSON, published: Optional[str] = PUBLISHED, quiet: bool = QUIET,
) -> None:
    """List the agreements the reports mention, each instrument once across all reports.

    Mentions of the same instrument (same kind, parties and period, or the same name) are one
    agreement; for each: its id, kind, parties, period, latest status with its date, and the
    number of reports. `comity agreement PATH... --id ID` shows one in full.
    """
    codes = {_code(v) for v in between} if between else set()
    linked = link_agreements(_results(paths, published, quiet))
    rel = link(linked)
    shown = [a for a in linked if codes <= set(a.parties) and (kind is None or a.kind == kind)]
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
                      a.latest_status + flag, a.latest_date or "", str(len(a.reports)), a.name)
    out.print(table)


def agreement_cmd(
    paths: list[Path] = PATHS,
    id: str = typer.Option(..., "--id", help="The agreement's id (or its start) from `comity agreements`.",
                           show_default=False),
    as_json: bool = JSON, published: Optional[str] = PUBLISHED, quiet: bool = QUIET,
) -> None:
    """Show one agreement: its timeline of reports with evidence quotes, conflicts between
    reports, and the agreements before, after, above and below it."""
    linked = link_agreements(_results(paths, published, quiet))
    rel = link(linked)
    a: LinkedAgreement = _find(linked, id, "agreement")
    if as_json:
        typer.echo(json.dumps(_agreement_json(a, rel), ensure_ascii=False, indent=1))
        return
    by_key = {x.key: x for x in linked}

    def ref(key: str) -> str:
        x = by_key[key]
        return f"{x.id} {x.kind} {_period(x.period_start, x.period_end)} {x.name}".replace("  ", " ")

    out.print(f"[bold]{a.name}[/bold]  ({a.id})")
    out.print(f"{a.kind}, {'–'.join(a.parties)}" + (f", {a.domain}" if a.domain else "")
              + (f", {_period(a.period_start, a.period_end)}" if a.period_start or a.period_end else ""))
    out.print(f"latest: {a.latest_status} {a.latest_date or ''}".rstrip())
    out.print("\n[bold]Timeline[/bold]")
    for o in a.observations:
        who = f" by {', '.join(o.signatories)}" if o.signatories else ""
        out.print(f"  {o.published or 'undated'}  {o.status}"
                  + (f" on {o.signed_on}" if o.signed_on else "") + who
                  + f"  [dim]report {o.article_id}{' (' + o.source + ')' if o.source else ''}[/dim]")
        out.print(f"      “{o.evidence.text.strip()}” [dim][{o.evidence.start}:{o.evidence.end}][/dim]")
    for title, items in (("Conflicts", a.conflicts), ("Notes", a.notes)):
        if items:
            out.print(f"\n[bold]{title}[/bold]")
            for item in items:
                out.print(f"  {item}")
    links = rel[a.key]
    lines = [(label, links[field]) for label, field in
             (("predecessor", "successor_of"), ("successor", "successor"), ("parent", "parent"))
             if links[field]] + [("child", k) for k in links["children"]]
    if lines:
        out.print("\n[bold]Linked[/bold]")
        for label, key in lines:
            out.print(f"  {label}: {ref(key)}")


def _occurrence(o) -> str:
    nth = f"{ordinal_text(o.ordinal)} " if o.ordinal else ""
    place = f", {o.place.name}" if o.place else ""
    return f"{nth}{o.status} {o.date or ''}{place}".replace("  ", " ").strip()


def mechanisms_cmd(
    paths: list[Path] = PATHS,
    between: Optional[tuple[str, str]] = BETWEEN,
    id: Optional[str] = typer.Option(None, "--id", help="Show this series in full (id from the list)."),
    as_json: bool = JSON, published: Optional[str] = PUBLISHED, quiet: bool = QUIET,
) -> None:
    """List recurring mechanisms (dialogues, exchanges, committees, regular meetings) as series.

    Each series gathers its occurrences across reports, by ordinal and date: the last one
    held, the next one planned, and how many reports mention it. With --id, every occurrence
    with its report and evidence quote.
    """
    codes = {_code(v) for v in between} if between else set()
    series = [s for s in link_mechanisms(_results(paths, published, quiet)) if codes <= set(s.members)]
    if id is not None:
        s: MechanismSeries = _find(series, id, "mechanism")
        if as_json:
            typer.echo(json.dumps({"id": s.id, **to_dict(s)}, ensure_ascii=False, indent=1))
            return
        out.print(f"[bold]{s.name}[/bold]  ({s.id})")
        out.print(f"members: {'–'.join(s.members)}" + (f", level {s.level}" if s.level else ""))
        for o in s.occurrences:
            out.print(f"  {_occurrence(o)}  [dim]report {o.article_id} ({o.published or 'undated'})[/dim]")
            out.print(f"      “{o.evidence.text.strip()}” [dim][{o.evidence.start}:{o.evidence.end}][/dim]")
        for c in s.conflicts:
            out.print(f"  [red]conflict[/red] {c}")
        return
    if as_json:
        typer.echo(json.dumps([{"id": s.id, **to_dict(s)} for s in series], ensure_ascii=False, indent=1))
        return
    table = Table(title=f"Mechanisms ({len(series)})")
    table.add_column("id", no_wrap=True)
    table.add_column("name", overflow="fold")
    for col in ("members", "level", "last held", "next", "reports"):
        table.add_column(col, no_wrap=True)
    for s in series:
        last, nxt = s.last_held, s.next_planned
        table.add_row(s.id, s.name, "–".join(s.members), s.level or "", _occurrence(last) if last else "",
                      _occurrence(nxt) if nxt else "", str(len(s.reports)))
    out.print(table)
