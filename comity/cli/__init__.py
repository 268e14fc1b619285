"""comity's command line: a thin shell over the library (no NLP and no SQL here)."""
from __future__ import annotations

import typer

from . import agreements, data, demo, explain, extract
from . import evaluate
from . import export, ingest, query  # the store (issue 6)
from . import serve  # the web view (issue 7)
from . import alerts  # alert rules and alerts (issue 18)

app = typer.Typer(
    name="comity",
    help=("Turn news reports about international relations into sourced records: meetings, "
          "CAMEO/PLOVER-coded events, agreements and the people in office. Every record points "
          "back to the sentence it came from."),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
app.command("extract")(extract.extract_cmd)
app.command("explain", help=explain.HELP)(explain.explain_cmd)
app.command("demo")(demo.demo_cmd)
app.command("ingest")(ingest.ingest_cmd)
app.command("events")(query.events_cmd)
app.command("timeline")(query.timeline_cmd)
app.command("persons")(query.persons_cmd)
app.command("person")(query.person_cmd)
app.command("search")(query.search_cmd)
app.command("export")(export.export_cmd)
app.command("evaluate")(evaluate.evaluate_cmd)
app.command("agreements")(agreements.agreements_cmd)
app.command("agreement")(agreements.agreement_cmd)
app.command("mechanisms")(agreements.mechanisms_cmd)
app.command("serve")(serve.serve_cmd)
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
