"""Output that reads (issue 17): tables at 80 and 160 columns and piped keep dates, codes and ids whole
(a narrow terminal gets fewer columns, not one word per line); --help flows to the width and shows no
`<bool>` beside a flag."""
from __future__ import annotations

import re

import pytest
import store_records as rec
import typer
from typer.testing import CliRunner

from comity.cli import app
from comity.model import result_to_json

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def run(width: int | None, *args: str) -> str:
    """The command's stdout at this terminal width (None: piped, $COLUMNS unset)."""
    result = CliRunner(env={"COLUMNS": str(width) if width else None}).invoke(app, list(args))
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("output")
    records = folder / "records.jsonl"
    records.write_text("".join(result_to_json(r) + "\n" for r in rec.all_results()), encoding="utf-8")
    url = f"sqlite:///{folder / 'comity.db'}"
    result = CliRunner().invoke(app, ["ingest", "--records", str(records), "--db", url])
    assert result.exit_code == 0, result.stderr
    return url


def headings(table: str) -> list[str]:
    line = next(line for line in table.splitlines() if line.startswith("┃"))
    return [h.strip() for h in line.strip("┃").split("┃")]


def rows(table: str) -> list[list[str]]:
    lines = [line for line in table.splitlines() if line.startswith("│")]
    return [[c.strip() for c in line.strip("│").split("│")] for line in lines]


@pytest.mark.parametrize("width", [80, 160, None])
@pytest.mark.parametrize("command", [["timeline", "VNM", "LAO"], ["events"], ["agreements"], ["persons"],
                                     ["mechanisms"], ["search", "defence"]], ids=lambda c: c[0])
def test_output_cli_tables_fit_and_keep_dates_and_codes_whole(db, command, width):
    table = run(width, *command, "--db", db)
    assert max(len(line) for line in table.splitlines()) <= (width or 160)
    assert rows(table), table
    for row in rows(table):
        for cell, heading in zip(row, headings(table)):
            if heading in ("date", "last seen", "first seen", "published"):
                assert cell in ("", "?") or PARTIAL_DATE.fullmatch(cell), (heading, cell)
            if heading in ("cameo", "code", "id", "reports", "copies"):
                assert " " not in cell and "…" not in cell, (heading, cell)


def test_output_cli_timeline_at_80_has_fewer_columns_not_one_word_lines(db):
    narrow = run(80, "timeline", "VNM", "LAO", "--db", db)
    wide = run(160, "timeline", "VNM", "LAO", "--db", db)
    assert headings(narrow) == ["date", "what", "code", "reports", "summary"]
    assert headings(wide) == ["date", "what", "code", "countries", "place", "reports", "summary"]
    dates = [r[0] for r in rows(narrow) if r[0]]
    assert dates == sorted(dates) and len(dates) == 7 and all(DATE.fullmatch(d) for d in dates)
    summaries = [r[-1] for r in rows(narrow)]
    assert sum(len(s.split()) <= 1 for s in summaries) <= len(summaries) // 4  # not one word per line
    assert "protocol on" in narrow


def test_output_cli_piped_tables_are_160_wide(db):
    piped = run(None, "timeline", "VNM", "LAO", "--db", db)
    assert "countries" in headings(piped) and "place" in headings(piped)


def test_output_cli_agreements_between_at_80(db):
    table = run(80, "agreements", "--between", "VNM", "LAO", "--db", db)
    assert headings(table)[:2] == ["id", "kind"] and "name" in headings(table)
    assert any(r[headings(table).index("date")] == "2025-12-02" for r in rows(table))


def test_output_cli_cells_are_plain_text():
    from rich.console import Console

    from comity.cli._store import table_of

    table = table_of([("[draft] plan", "[b]x[/b]")], title="t", columns=[("name", lambda r: r[0]),
                                                                           ("code", lambda r: r[1])])
    console = Console(width=80, record=True)
    console.print(table)
    text = console.export_text()
    assert "[draft] plan" in text and "[b]x[/b]" in text


def _commands() -> list[tuple[str, ...]]:
    group = typer.main.get_command(app)
    found = [()]
    for name, command in group.commands.items():
        found.append((name,))
        found += [(name, sub) for sub in getattr(command, "commands", {})]
    return found


@pytest.mark.parametrize("path", _commands(), ids=lambda p: " ".join(p) or "comity")
def test_output_cli_help_flows_and_flags_show_no_type(path):
    for width in (80, 160):
        shown = run(width, *path, "--help")
        assert "<bool>" not in shown
        assert max(len(line) for line in shown.splitlines()) <= width
    group = typer.main.get_command(app)
    command = group
    for name in path:
        command = command.commands[name]
    for paragraph in (command.help or "").split("\n\n"):
        lines = paragraph.splitlines()
        assert len(lines) <= 1 or any(line[:1] in " -*" for line in lines[1:]), paragraph
