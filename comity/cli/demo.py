"""`comity demo`: the main job on the sample reports bundled with comity."""
from __future__ import annotations

import time
from importlib import resources
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..model import ArticleResult, result_to_json
from ._run import err, run_extraction, warning

out = Console(highlight=False)


def sample_dir() -> Path:
    return Path(str(resources.files("comity") / "samples"))


def demo_cmd(
    output: Path = typer.Option(Path("comity-out/samples.jsonl"), "--output", "-o",
                                help="Where to write the records (JSON Lines)."),
    db: Optional[str] = typer.Option(None, "--db", help="The store to fill with the samples' records "
                                     "(default: demo.db beside --output, the demo's own: your default "
                                     "store, $COMITY_DB or ~/.local/share/comity/comity.db, is not touched).",
                                     show_default=False),
) -> None:
    """Extract the sample reports bundled with comity and show what was found.

    Prints the meetings (date, place, countries, who), the agreements (kind, parties,
    period, status) and the people (name, country, titles), then where the full records
    are. The samples are short wire reports written for comity; the events are invented.
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    results: list[ArticleResult] = []
    started = time.perf_counter()
    with open(output, "w", encoding="utf-8") as f:
        def keep(result: ArticleResult) -> None:
            results.append(result)
            f.write(result_to_json(result) + "\n")

        count = run_extraction(sorted(sample_dir().glob("*.txt")), None, keep)
    show(results)
    err.print(count.line(time.perf_counter() - started))
    out.print(f"\nFull records (FORMAT.md, one JSON object per report): [bold]{escape(str(output))}[/bold]")
    # the samples' events are invented: they go to a store of the demo's own, not the user's default
    db = db or str(output.parent / "demo.db")
    store_samples(results, db, extracted=count.events)
    out.print("Next: [bold]comity extract PATH...[/bold] on your own reports; "
              "[bold]comity --help[/bold] lists every command.")
    serve = f"comity serve --db {db}"  # the web view (issue 7)
    out.print(f"See it in your browser: run [bold]{escape(serve)}[/bold] and open "
              f"[bold]http://127.0.0.1:8000/[/bold]")


def store_samples(results: list[ArticleResult], db: str, *, extracted: int) -> None:
    """Fill the store `db` with the samples (idempotent: a second demo adds nothing) and show how to
    query it; `extracted`: the events the reports gave, more than are stored when reports retell."""
    from ..errors import StoreError
    from ..query import dyads, list_persons
    from ..storage import Store

    try:
        with Store.open(db) as store:
            store.save(results)
            counts = store.counts()
            with store.read() as conn:
                pair = next(iter(dyads(conn, limit=1)), ("VNM", "LAO", 0))
                people = list_persons(conn, limit=1)
            url = store.url
    except StoreError as e:  # the demo's main job is done; say why the store is not filled
        warning(f"the samples were not stored: {e}")
        return
    where = url.removeprefix("sqlite:///")
    out.print(f"\nStored in [bold]{escape(where)}[/bold], the demo's own store: {counts['events']} events, "
              f"{counts['meetings']} meetings, "
              f"{counts['agreements']} agreements, {counts['persons']} people.")
    if extracted > counts["events"]:
        out.print(f"({extracted} events were extracted: an event that several reports tell is stored once, "
                  "with each report as a source.)")
    out.print("Query it:")
    with_db = f"--db {db}"
    examples = [f"comity events {with_db} --dyad {pair[0]}-{pair[1]}",
                f"comity timeline {with_db} {pair[0]} {pair[1]}",
                f"comity agreements {with_db} --between {pair[0]} {pair[1]}",
                f'comity person {with_db} "{people[0].name}"' if people else f"comity persons {with_db}",
                f'comity search {with_db} "defence"']
    for example in examples:
        out.print(f"  [bold]{escape(example)}[/bold]")


def show(results: list[ArticleResult]) -> None:
    meetings = Table(title="Meetings", show_lines=False)
    for col in ("report", "date", "kind", "countries", "place", "host", "people"):
        meetings.add_column(col)
    agreements = Table(title="Agreements")
    for col in ("report", "kind", "parties", "period", "status", "signed", "name"):
        agreements.add_column(col)
    people = Table(title="People")
    for col in ("report", "name", "country", "rank", "titles"):
        people.add_column(col)
    for r in results:
        names = {p.id: p.name for p in r.persons}
        for m in r.meetings:
            meetings.add_row(r.article.id, m.date or "?", m.kind, "–".join(m.countries),
                             m.place.name if m.place else "", m.host_country or "",
                             ", ".join(names.get(p, p) for p in m.participants))
        for a in r.agreements:
            period = f"{a.period_start or ''}–{a.period_end or ''}" if a.period_start or a.period_end else ""
            agreements.add_row(r.article.id, a.kind, "–".join(a.parties), period, a.status,
                               a.signed_on or "", a.name)
        for p in r.persons:
            people.add_row(r.article.id, p.name, p.country or "?", p.rank or "", "; ".join(p.titles))
    for table in (meetings, agreements, people):
        out.print(table)
