"""`comity alerts`, `comity alerts add`, `comity alerts rules`: alert rules kept in the store and the
alerts they raised (issue 18; docs/alerts.md). A thin shell over comity.alert_rules and comity.query."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Tuple

import typer

from ..errors import AlertRuleError, StoreError
from ._help import Command, Group
from ._run import err, error, say
from ._store import bad_value, clip, db_option, emit, json_option, opened, out

app = typer.Typer(
    help=("Alerts on what you follow: rules (a dyad or a country; agreements, meetings, events or a person) "
          "kept in the store and evaluated on what each `comity ingest` adds; one alert per fact per rule. "
          "Without a subcommand: list the alerts, newest first (docs/alerts.md)."),
    no_args_is_help=False, add_completion=False, rich_markup_mode="rich", cls=Group)


@app.callback(invoke_without_command=True)
def alerts_cmd(
    ctx: typer.Context,
    since: Optional[str] = typer.Option(None, "--since", help="Raised from this day (YYYY-MM-DD) or time "
                                                              "(2026-12-06T17:00, UTC)."),
    rule: Optional[str] = typer.Option(None, "--rule", "-r", help="Only this rule's alerts (its name)."),
    limit: int = typer.Option(100, "--limit", "-n", min=0, help="At most this many alerts."),
    db: Optional[str] = db_option(), as_json: bool = json_option(),
) -> None:
    """List the alerts the rules raised, newest first: rule, fact, sources so far, report and quote."""
    if ctx.invoked_subcommand is not None:
        return
    from ..query import AlertRow, list_alerts, parse_since

    try:
        start = parse_since(since) if since else None
    except StoreError as e:
        raise bad_value(e, "--since") from None
    with opened(db) as store, store.read() as conn:
        try:
            rows = list_alerts(conn, since=start, rule=rule, limit=limit)
        except StoreError as e:
            raise bad_value(e, "--rule") from None
    emit(rows, as_json=as_json, as_csv=False, title=f"Alerts ({len(rows)})", row_type=AlertRow, columns=[
        ("id", lambda r: r.id), ("raised", lambda r: r.created_at[:16].replace("T", " ")),
        ("rule", lambda r: r.rule),
        ("date", lambda r: r.date or "?"), ("what", lambda r: r.summary), ("sources", lambda r: r.sources),
        ("report", lambda r: r.report), ("evidence", lambda r: clip(r.evidence, 70)),
    ])


@app.command("add", cls=Command)
def add_cmd(
    name: Optional[str] = typer.Option(
        None, "--name", help="The rule's name (letters, digits, '.', ':', '-'); a known name is redefined."),
    on: Optional[List[str]] = typer.Option(
        None, "--on", help="What raises an alert: agreement, meeting, event or person (repeatable, or "
                           "comma-separated)."),
    dyad: Optional[Tuple[str, str]] = typer.Option(
        None, "--dyad", help="Two states, both taking part: VNM LAO or Vietnam Laos.",
        show_default=False),
    country: Optional[str] = typer.Option(
        None, "--country", "-c", help="One state taking part (a name or ISO alpha-3 code)."),
    types: Optional[List[str]] = typer.Option(
        None, "--type", "-t", help="With --on event: a PLOVER type (PROTEST) or CAMEO prefix (14); "
                                   "repeatable."),
    statuses: Optional[List[str]] = typer.Option(
        None, "--status", help="With --on agreement: only these statuses (signed, renewed...); "
                               "repeatable."),
    person: Optional[str] = typer.Option(
        None, "--person", "-p", help="A person (name; diacritics optional): needed with --on person, "
                                     "a filter otherwise."),
    min_sources: int = typer.Option(
        1, "--min-sources", help="Sources (reports, or copies) that must tell a fact before it alerts."),
    webhook: Optional[str] = typer.Option(
        None, "--webhook", metavar="URL", help="POST each new alert there as JSON (retried until it is "
                                               "taken; docs/alerts.md)."),
    from_file: Optional[Path] = typer.Option(
        None, "--from", metavar="FILE", help="Add every rule of this YAML file instead (docs/alerts.md)."),
    db: Optional[str] = db_option(),
) -> None:
    """Add an alert rule (or the rules of a YAML file with --from) to the store.

    `comity alerts add --name vnm-lao-agreements --dyad VNM LAO --on agreement` is the YAML rule
    `{name: vnm-lao-agreements, dyad: [VNM, LAO], on: [agreement]}`. Rules apply to what is ingested
    after they are added.
    """
    from ..alert_rules import describe, make_rule, read_rules

    try:
        if from_file is not None:
            if name or on or dyad or country or types or statuses or person or webhook:
                raise typer.BadParameter("give --from FILE or the options of one rule, not both",
                                         param_hint="--from")
            rules = read_rules(from_file)
        else:
            kinds = [k for item in on or [] for k in item.split(",") if k.strip()] or None
            rules = [make_rule(name, on=kinds, dyad=list(dyad) if dyad else None, country=country,
                               types=list(types) if types else None,
                               statuses=list(statuses) if statuses else None, person=person,
                               min_sources=min_sources, webhook=webhook)]
    except AlertRuleError as e:
        error(e)
        raise typer.Exit(2) from None
    with opened(db) as store:
        done = store.save_rules(rules)
    for rule in rules:
        out.print(f"rule {rule.name} {done[rule.name]}: {describe(rule)}", markup=False)


@app.command("rules", cls=Command)
def rules_cmd(db: Optional[str] = db_option(), as_json: bool = json_option()) -> None:
    """List the alert rules kept in the store, with what each watches and how many alerts it raised."""
    from ..query import RuleRow, list_rules

    with opened(db) as store, store.read() as conn:
        rows = list_rules(conn)
    emit(rows, as_json=as_json, as_csv=False, title=f"Alert rules ({len(rows)})", row_type=RuleRow, columns=[
        ("name", lambda r: r.name), ("watches", lambda r: r.watches), ("alerts", lambda r: r.alerts),
        ("defined", lambda r: r.origin), ("since", lambda r: r.created_at[:16].replace("T", " ")),
    ])


@app.command("deliver", cls=Command)
def deliver_cmd(db: Optional[str] = db_option()) -> None:
    """POST the alerts still pending to their rules' webhooks now (those whose retry time has come;
    `comity ingest` and `comity watch` do it after each run or round). Exit code 3 if one failed."""
    with opened(db) as store:
        done = send_webhooks(store, quiet=False)
    if done.failed:
        raise typer.Exit(3)


def send_webhooks(store, *, quiet: bool = False):  # type: ignore[no-untyped-def]
    """Deliver the pending alerts (comity.webhooks) and say how it went: each failure on its own line
    (alert, URL, reason), the rest in one line unless `quiet`; nothing when no rule has a webhook."""
    from ..webhooks import deliver

    done = deliver(store)
    for alert_id, url, reason in done.failed:
        say("webhook", "red", f"alert {alert_id} to {url}: {reason}; kept, to be retried", err)
    if not quiet and (done.delivered or done.failed or done.waiting):
        err.print(f"webhooks: {done.delivered} alert(s) delivered, {len(done.failed)} failed, "
                  f"{done.waiting} waiting to be retried", markup=False)
    return done


def load_rules(path: Path):  # type: ignore[no-untyped-def]
    """The rules of `comity ingest --alerts FILE`, or a one-line error and exit code 2."""
    from ..alert_rules import read_rules

    try:
        return read_rules(path)
    except AlertRuleError as e:
        error(e)
        raise typer.Exit(2) from None
