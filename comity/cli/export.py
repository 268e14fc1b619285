"""`comity export`: the store as files for other tools (GDELT-style CSV, PLOVER JSON, Parquet)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import StoreError
from ._run import error
from ._store import bad_value, db_option, opened
from .query import _hint


def export_cmd(
    format: str = typer.Option("csv", "--format", "-f", help="csv, jsonl or parquet (needs pyarrow)."),
    output: Path = typer.Option(Path("comity-out/export"), "--output", "-o", help="Folder to write the files to."),
    tables: Optional[str] = typer.Option(
        None, "--tables", help="Comma-separated tables (default all): events, events_plover, agreements, "
                               "agreement_status, persons, person_offices, meetings, mechanisms, "
                               "mechanism_occurrences."),
    country: Optional[str] = typer.Option(None, "--country", "-c",
                                          help="Events: a state on either side (a name or code)."),
    dyad: Optional[str] = typer.Option(None, "--dyad", "-d", help="Events: two states, either order (names "
                                                                  "or codes)."),
    type: Optional[str] = typer.Option(None, "--type", "-t", help="Events: PLOVER type or CAMEO prefix."),
    since: Optional[str] = typer.Option(None, "--since", help="Events: from this date."),
    until: Optional[str] = typer.Option(None, "--until", help="Events: up to this date, inclusive."),
    db: Optional[str] = db_option(),
) -> None:
    """Write the store's tables as files, one per table.

    events: one row per event in GDELT's column names (SQLDATE, Actor1CountryCode, EventCode,
    EventRootCode, QuadClass, GoldsteinScale, NumMentions, NumSources...); events_plover.jsonl:
    the same events as PLOVER JSON (POLECAT-style, with every source and quote); agreements
    with successor/parent links and their status timeline; persons with their offices over
    time; meetings; mechanisms and their occurrences. Docs: docs/store.md.
    """
    from ..query import EventFilter
    from ..query.export import FORMATS, export

    if format not in FORMATS:
        raise typer.BadParameter(f"{format!r}: use one of {', '.join(FORMATS)}", param_hint="--format")
    names = [t.strip() for t in tables.split(",") if t.strip()] if tables else None
    try:
        f = EventFilter.parse(country=country, dyad=dyad, type=type, since=since, until=until)
    except StoreError as e:
        raise bad_value(e, _hint(e, country)) from None
    with opened(db) as store, store.read() as conn:
        try:
            written = export(conn, output, format, tables=names, events=f)
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--tables") from None
        except StoreError as e:
            error(e)
            raise typer.Exit(2) from None
    for name, (path, n) in written.items():
        typer.echo(f"{n:>8} rows  {path}")  # plain: a path wrapped by the console could not be copied
