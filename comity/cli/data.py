"""`comity data`: compile and check the human-edited source data (gazetteers, trigger lists)."""
from __future__ import annotations

import typer

from ._help import Command, Group

app = typer.Typer(help="Compile and check comity's source data (gazetteers, trigger lists).",
                  no_args_is_help=True, cls=Group)


@app.command("compile", cls=Command)
def compile_cmd() -> None:
    """Compile countries.yaml and organisations.yaml into the spaCy patterns comity loads."""
    from ..nlp.compile import PATTERNS_PATH, write_compiled

    n = write_compiled(PATTERNS_PATH)
    typer.echo(f"wrote {n} patterns to {PATTERNS_PATH}")


@app.command("check", cls=Command)
def check_cmd() -> None:
    """Load every source data file and report the first problem, if any (exit 1)."""
    from ..errors import DataError
    from ..nlp.source_data import check_all

    try:
        for line in check_all():
            typer.echo(line)
    except DataError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(1) from None
