"""Shared by the store commands: the --db option, opening the store, and the three output forms
(a rich table on a terminal, --json, --csv) of any list of query records."""
from __future__ import annotations

import csv
import dataclasses
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Optional

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import ComityError, StoreError
from ._run import err, error  # noqa: F401 (err: the commands' stderr)

PIPED_WIDTH = 160  # the width of tables and lines when stdout is not a terminal (and $COLUMNS is not set)
TEXT_MIN = 24  # a text column (a name, a quote) narrower than this reads as one word per line


def width() -> int | None:
    """None (the terminal's, or $COLUMNS) on a terminal; PIPED_WIDTH when piped."""
    return None if sys.stdout.isatty() or os.environ.get("COLUMNS") else PIPED_WIDTH


class _Out:
    """Standard output, looked up when printing (so tests can capture it), PIPED_WIDTH wide when piped.
    Text is printed as given (soft wrapped); tables fit the width."""

    def print(self, *args: Any, **kw: Any) -> None:
        kw.setdefault("soft_wrap", not (args and isinstance(args[0], Table)))
        Console(highlight=False, width=width()).print(*args, **kw)

    @property
    def width(self) -> int:
        return Console(width=width()).width


out = _Out()

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
        error(e)
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
         columns: Sequence[tuple[str, Callable[[Any], Any]]], row_type: type | None = None,
         wrap: Sequence[str] = (), drop: Sequence[str] = ()) -> None:
    """Print query records: JSON (every field), CSV (every field, lists joined by '; ', nested records
    as JSON) or a table of `columns` (heading, getter). `row_type` names the CSV columns when there are
    no rows.

    In the table only the `wrap` columns (names, quotes) wrap; dates, codes, ids and counts never do.
    When the table would not fit the width, the `drop` columns are left out, in that order, until it
    does: a narrow terminal gets fewer columns, not one word per line."""
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
            writer.writerow({k: _csv_cell(v) for k, v in plain(r).items()})
        return
    out.print(table_of(rows, title=title, columns=columns, wrap=wrap, drop=drop, width=out.width))


def table_of(rows: Sequence[Any], *, title: str, columns: Sequence[tuple[str, Callable[[Any], Any]]],
             wrap: Sequence[str] = (), drop: Sequence[str] = (), width: int = 80) -> Table:
    """`emit`'s table, fitted to `width` (see there). Cells are plain text: no rich markup is read in them."""
    cells = [[_cell(get(r)) for _, get in columns] for r in rows]
    headings = [h for h, _ in columns]

    def needed(kept: list[int]) -> int:
        widths = [max([cell_len(headings[i])] + [cell_len(c[i]) for c in cells]) for i in kept]
        return 1 + sum(3 + (min(w, TEXT_MIN) if headings[i] in wrap else w) for i, w in zip(kept, widths))

    kept = list(range(len(columns)))
    for heading in (h for h in drop if h in headings):
        if needed(kept) <= width:
            break
        kept.remove(headings.index(heading))
    table = Table(title=title, title_justify="left")
    for i in kept:
        if headings[i] in wrap:
            table.add_column(headings[i], overflow="fold")
        else:
            table.add_column(headings[i], no_wrap=True, overflow="ellipsis")
    for c in cells:
        table.add_row(*[Text(c[i]) for i in kept])
    return table


def _nested(values: list[Any]) -> bool:
    return any(isinstance(v, (dict, list)) for v in values)


def _csv_cell(value: Any) -> Any:
    """Lists joined by '; '; records within a row (an agreement's status marks) as JSON."""
    if isinstance(value, dict) or (isinstance(value, list) and _nested(value)):
        return json.dumps(value, ensure_ascii=False)
    return "; ".join(map(str, value)) if isinstance(value, list) else value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def clip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
