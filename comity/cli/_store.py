"""Shared by the store commands: the --db option, opening the store, and the three output forms
(a rich table on a terminal, --json, --csv) of any list of query records."""
from __future__ import annotations

import csv
import dataclasses
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..errors import ComityError, StoreError

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)

DB_HELP = ("The store: a file path, sqlite:///PATH or postgresql+psycopg://USER@HOST/DB. Default: $COMITY_DB, "
           "else ~/.local/share/comity/comity.db.")


def db_option() -> Any:
    return typer.Option(None, "--db", help=DB_HELP, show_default=False)


def json_option() -> Any:
    return typer.Option(False, "--json", help="Print JSON (a list of objects) instead of a table.")


def csv_option() -> Any:
    return typer.Option(False, "--csv", help="Print CSV (one header line) instead of a table.")


@contextmanager
def opened(db: Optional[str]) -> Iterator[Any]:
    """The store, or a one-line error and exit code 2."""
    from ..storage import Store

    try:
        store = Store.open(db)
    except StoreError as e:
        from ._run import say

        say("error", "red", e, err)  # the URL as given, never read as markup
        raise typer.Exit(2) from None
    try:
        yield store
    finally:
        store.close()


def bad_value(e: ComityError, hint: str) -> typer.BadParameter:
    return typer.BadParameter(str(e), param_hint=hint)


def plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def emit(rows: Sequence[Any], *, as_json: bool, as_csv: bool, title: str,
         columns: Sequence[tuple[str, Callable[[Any], Any]]], row_type: type | None = None) -> None:
    """Print query records: JSON (every field), CSV (every field, lists joined by '; ') or a table
    of `columns` (heading, getter). `row_type` names the CSV columns when there are no rows."""
    if as_json and as_csv:
        raise typer.BadParameter("give --json or --csv, not both")
    if as_json:
        sys.stdout.write(json.dumps([plain(r) for r in rows], ensure_ascii=False, indent=1) + "\n")
        return
    if as_csv:
        kind = type(rows[0]) if rows else row_type
        fields = [f.name for f in dataclasses.fields(kind)] if kind else [h for h, _ in columns]
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in plain(r).items()})
        return
    table = Table(title=title, title_justify="left")
    for heading, _ in columns:
        table.add_column(heading, overflow="fold")
    for r in rows:
        table.add_row(*[_cell(get(r)) for _, get in columns])
    out.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def clip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
