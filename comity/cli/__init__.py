"""comity's command line: a thin shell over the library (no NLP and no SQL here)."""
from __future__ import annotations

import typer

from . import agreements, data, demo, explain, extract
from . import evaluate
from . import export, ingest, query  # the store (issue 6)
from . import serve  # the web view (issue 7)
from . import alerts  # alert rules and alerts (issue 18)
from . import watch  # feeds and folders kept current (issue 18)
from . import runs  # runs, interrupted ones among them (issue 16)
from ._help import Command, Group

app = typer.Typer(
    name="comity",
    help=("Turn news reports about international relations into sourced records: meetings, "
          "CAMEO/PLOVER-coded events, agreements and the people in office. Every record points "
          "back to the sentence it came from."),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    cls=Group,
)
app.command("extract", cls=Command)(extract.extract_cmd)
app.command("explain", help=explain.HELP, cls=Command)(explain.explain_cmd)
app.command("demo", cls=Command)(demo.demo_cmd)
app.command("ingest", cls=Command)(ingest.ingest_cmd)
app.command("events", cls=Command)(query.events_cmd)
app.command("timeline", cls=Command)(query.timeline_cmd)
app.command("persons", cls=Command)(query.persons_cmd)
app.command("person", cls=Command)(query.person_cmd)
app.command("search", cls=Command)(query.search_cmd)
app.command("export", cls=Command)(export.export_cmd)
app.command("evaluate", cls=Command)(evaluate.evaluate_cmd)
app.command("agreements", cls=Command)(agreements.agreements_cmd)
app.command("agreement", cls=Command)(agreements.agreement_cmd)
app.command("mechanisms", cls=Command)(agreements.mechanisms_cmd)
app.command("serve", cls=Command)(serve.serve_cmd)
app.command("watch", cls=Command)(watch.watch_cmd)
app.command("runs", cls=Command)(runs.runs_cmd)
app.add_typer(data.app, name="data")
app.add_typer(alerts.app, name="alerts")


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Print comity's version and exit.", is_eager=True),
) -> None:
    if version:
        from ..about import __version__

        typer.echo(f"comity {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


def main() -> None:
    app()
