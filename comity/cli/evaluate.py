"""`comity evaluate`: score comity against a gold file (a thin shell over comity.eval)."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import ComityError
from ._run import error, progress_bar, say

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

EXIT_BELOW_FLOOR = 1
EXIT_ERROR = 2


class GoldFormat(str, Enum):
    comity = "comity"
    plover = "plover"
    petrarch = "petrarch"


class ConfusionBy(str, Enum):
    root = "root"
    cls = "class"
    plover = "plover"


def evaluate_cmd(
    gold: Path = typer.Argument(..., help="Gold file: comity JSON Lines (../shared/gold/*.jsonl), the PLOVER "
                                          "gold records (PLOVER_GSR_CAMEO.txt) or the PETRARCH-2 validation "
                                          "XML.", show_default=False),
    inputs: Optional[list[Path]] = typer.Argument(
        None, help="Predictions (JSON Lines from `comity extract`), or report files and folders to extract "
                   "first. Not needed for PLOVER and PETRARCH-2 gold: their sentences are in the gold file.",
        show_default=False),
    fmt: Optional[GoldFormat] = typer.Option(None, "--format", help="Gold format; guessed from the file "
                                             "when omitted (XML: petrarch, JSON array: plover, JSON Lines: comity)."),
    as_json: bool = typer.Option(False, "--json", help="Print every figure as one JSON object."),
    floors: Optional[Path] = typer.Option(None, "--floors", help="Floors file (tests/eval/eval_baseline.json): "
                                          "the gold file is found in it by its SHA-256; exit 1 if a figure is "
                                          "below its floor."),
    by: ConfusionBy = typer.Option(ConfusionBy.root, "--by", help="Confusion table by CAMEO root, score.py "
                                   "class, or PLOVER type (comity gold only; peer sets use their own)."),
    show_errors: bool = typer.Option(False, "--show-errors", help="List every missed and spurious item."),
    groups: Optional[Path] = typer.Option(None, "--groups", help="JSON Lines of report ids and their group "
                                          "(../shared/real/sources.jsonl): adds a table of F1 by group.",
                                          show_default=False),
    group_key: str = typer.Option("theme", "--group-key", help="The field of --groups that names the group."),
) -> None:
    """Score comity against gold data: precision, recall and F1 per field, peer-set accuracies,
    and a confusion table by event type.

    For comity's gold format, give the predictions or the reports. For the PLOVER gold
    records and the PETRARCH-2 validation sentences, comity extracts the sentences of the
    gold file itself (dated by the record). Measures are described in docs/evaluation.md.
    Exit codes: 0 scored (and every floor met), 1 below a floor, 2 unusable input.
    """
    from ..eval import check_floors, entry_for, evaluate, load_baseline, sha256_file
    from ..eval.run import read_groups

    try:
        baseline = load_baseline(floors) if floors else None
        entry = None
        if baseline is not None:
            entry = entry_for(baseline, sha256_file(gold))
            if entry is None:
                from ..errors import Errors

                raise ComityError(Errors.E303.format(path=gold, sha=sha256_file(gold), floors=floors))
        members = read_groups(groups, group_key) if groups else None
        bar = progress_bar("extracting")
        with bar:
            def progress(total: int | None):  # type: ignore[no-untyped-def]
                task = bar.add_task("extract", total=total)
                return lambda n: bar.advance(task, n)

            ev = evaluate(gold, inputs or [], fmt=fmt.value if fmt else None, confusion_by=by.value,
                          groups=members, progress=progress)
    except (ComityError, OSError) as e:
        error(e)
        raise typer.Exit(EXIT_ERROR) from None
    short = []
    if entry is not None:
        epsilon = float(baseline.get("epsilon", 0.001))
        short = check_floors(ev.flat(), entry[1]["floors"], epsilon)
    if as_json:
        figures = ev.figures()
        if entry is not None:
            figures["floors"] = {"set": entry[0], "below": [str(s) for s in short]}
        typer.echo(json.dumps(figures, ensure_ascii=False, default=str))
    else:
        show(ev, show_errors)
        if entry is not None:
            if short:
                out.print(f"[red]below the floors of set {escape(repr(entry[0]))}:[/red] "
                          + escape("; ".join(map(str, short))))
            else:
                out.print(f"[green]every floor of set {escape(repr(entry[0]))} is met[/green] "
                          f"({len(entry[1]['floors'])} floors)")
    for line in ev.skipped_inputs:
        say("skipped", "yellow", line)
    if short:
        raise typer.Exit(EXIT_BELOW_FLOOR)


def show(ev, show_errors: bool) -> None:
    from ..eval import ComityScores

    s = ev.scores
    out.print(f"[bold]{escape(str(ev.gold))}[/bold]  format {ev.format}  sha256 {ev.sha256[:12]}…  "
              f"predictions {escape(str(ev.predictions_from))}")
    if isinstance(s, ComityScores):
        _comity_tables(s, show_errors)
        if ev.by_group:
            _group_table(ev.by_group)
    else:
        _peer_tables(s, show_errors)
    _confusion(s.confusion)


def _group_table(by_group: dict) -> None:
    table = Table(title="F1 by group")
    table.add_column("group", no_wrap=True)
    table.add_column("reports", justify="right")
    for name in ("events", "meetings", "agreements", "persons"):
        table.add_column(name, justify="right")
    for group, s in by_group.items():
        figures = s.figures()
        table.add_row(group, str(s.docs), *(f"{figures[n]['f1']:.3f}" for n in ("events", "meetings", "agreements",
                                                                              "persons")))
    out.print(table)


def _prf_row(name: str, d: dict, *extra: str) -> list[str]:
    return [name, f"{d['p']:.3f}", f"{d['r']:.3f}", f"{d['f1']:.3f}", str(d["tp"]), str(d["fp"]), str(d["fn"]), *extra]


def _prf_table(title: str, first: str = "field", checks: bool = True) -> Table:
    table = Table(title=title)
    table.add_column(first)
    for col in ("P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right")
    if checks:
        table.add_column("checks among matches")
    return table


def _comity_tables(s, show_errors: bool) -> None:
    figures = s.figures()
    table = _prf_table(f"Fields ({s.docs} reports, micro-averaged)")
    for name in list(s.fields):
        d = figures[name]
        checks = " ".join(f"{k}={v:.3f}" for k, v in d.items() if k not in ("p", "r", "f1", "tp", "fp", "fn"))
        table.add_row(*_prf_row(name, d, checks))
    out.print(table)
    labels = _prf_table("Events by class (score.py's classes)", "class", checks=False)
    for name, d in figures["events_by_label"].items():
        labels.add_row(*_prf_row(name, d))
    out.print(labels)
    if s.missing:
        out.print(f"[yellow]reports with no prediction: {len(s.missing)}[/yellow] "
                  f"({escape(', '.join(s.missing[:5]))}…)")
    if show_errors:
        for field, kind, where, key in s.errors:
            out.print(f"{field:10} {kind:8} {where}: {_key(key)}", soft_wrap=True, markup=False)


def _key(key: tuple) -> str:
    return " ".join("/".join(sorted(x)) if isinstance(x, frozenset) else str(x) for x in key)


def _peer_tables(s, show_errors: bool) -> None:
    figures = s.figures()
    table = Table(title=f"{s.kind}: {s.sentences} sentences"
                        + (f" ({len(s.skipped)} skipped: no text)" if s.skipped else ""))
    for col in ("measure", "value", "right / total"):
        table.add_column(col, justify="left" if col == "measure" else "right")
    for name, acc in sorted(s.accuracy.items()):
        table.add_row(name, f"{acc.value:.3f}", f"{acc.right} / {acc.total}")
    for name, value in s.checks.to_dict().items():
        table.add_row(f"{name} (among event matches)", f"{value:.3f}", f"{s.checks.right[name]} / {s.checks.asked[name]}")
    out.print(table)
    prf = _prf_table("Sets per sentence, micro-averaged", "set", checks=False)
    for name in sorted(s.prf):
        prf.add_row(*_prf_row(name, figures[name]))
    out.print(prf)
    cats = Table(title="By category" if s.kind == "petrarch" else "By gold type")
    names = sorted({m for accs in s.by_category.values() for m in accs})
    cats.add_column("category")
    for name in names:
        cats.add_column(name.replace("_accuracy", ""), justify="right")
    for cat, accs in sorted(s.by_category.items()):
        cats.add_row(cat, *[f"{accs[n].right}/{accs[n].total}" if n in accs else "" for n in names])
    out.print(cats)
    if show_errors:
        for o in s.outcomes:
            if not all(o.ok.values()):
                failed = ",".join(k for k, v in o.ok.items() if not v)
                out.print(f"[bold]{escape(str(o.id))}[/bold] "
                          + escape(f"({failed}) gold: {'; '.join(o.gold) or 'no event'} | "
                                   f"comity: {'; '.join(o.pred) or 'no event'}\n    {o.text}"),
                          soft_wrap=True)


def _confusion(confusion) -> None:
    labels = confusion.labels()
    if not labels:
        return
    table = Table(title="Confusion: gold (rows) against comity (columns); — = no event")
    table.add_column("gold \\ comity")
    for label in labels:
        table.add_column(label, justify="right")
    for g in labels:
        row = [confusion.cells.get((g, p), 0) for p in labels]
        if any(row):
            table.add_row(g, *[(f"[bold]{n}[/bold]" if g == p else str(n)) if n else "·" for n, p in zip(row, labels)])
    out.print(table)
