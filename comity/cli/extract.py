"""`comity extract`: reports in, one JSON record per article out (FORMAT.md)."""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Optional

import typer

from ..errors import ComityError, InputError
from ..model import result_to_json
from ._run import err, error, run_extraction, say, shown, traceback_file

EXIT_SKIPPED = 3  # some input could not be read; everything else went through


def extract_cmd(
    paths: list[Path] = typer.Argument(
        ..., help="Report files or folders (read recursively): wire-layout or plain .txt, .jsonl, .html, "
                  "and any of them gzipped (.gz).", show_default=False),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Write the JSON Lines records here instead of standard output."),
    published: Optional[str] = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) for reports that carry none: "
                                  "relative dates such as 'on Tuesday' resolve against it."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no closing summary."),
    actors: list[Path] = typer.Option(
        [], "--actors", metavar="FILE",
        help="An actor dictionary to add to comity's gazetteer (repeatable): YAML or CSV "
             "(name, aliases, country, sector, type, titles, dates of office) or a PETRARCH actors or "
             "agents file. A bad entry stops the run with its file and line (docs/dictionaries.md)."),
    leaders: bool = typer.Option(
        True, "--leaders/--no-leaders",
        help="Use comity's bundled list of world leaders (heads of state and government, foreign and defence "
             "ministers, with dated offices) for the countries of people named with a title; --actors "
             "entries override it (docs/dictionaries.md)."),
    workers: int = typer.Option(
        1, "--workers", "-w", min=1, help="Worker processes extracting in parallel (each loads the model "
                                          "once); the records come out in input order, as with one."),
    fast_path: bool = typer.Option(
        True, "--fast-path/--no-fast-path",
        help="Skip the parser and NER for reports with nothing to record (no state with an event word, no "
             "title, no agreement or mechanism term); the records are the same either way."),
) -> None:
    """Extract records from news reports: one JSON object per article (JSON Lines).

    Each record holds the article's header (publication date, dateline, agency), the
    people named with their titles and countries, CAMEO/PLOVER-coded events, meetings
    and agreements, each with the sentence it came from (character offsets into the
    text as given). Unreadable input is reported on stderr and skipped; the exit code
    is 3 when anything was skipped, 0 otherwise.
    """
    from ..pipeline import parse_published

    try:
        base_date = parse_published(published)
    except InputError as e:
        raise typer.BadParameter(e.message, param_hint="--published") from None
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    started = time.perf_counter()
    try:
        count = run_extraction(paths, base_date, lambda r: out.write(result_to_json(r) + "\n"), quiet=quiet,
                               dictionaries=tuple(actors), workers=workers, fast_path=fast_path,
                               leaders=leaders)
    except ComityError as e:
        error(e)
        raise typer.Exit(2) from None
    except Exception as e:  # noqa: BLE001 -- a bug: one line and where its traceback went
        say("error", "red", f"internal error: {type(e).__name__}: {e}; traceback in {traceback_file(e)}")
        raise typer.Exit(1) from None
    finally:
        if output:
            out.close()
    if not quiet:
        written = f"; records in {shown(output)}" if output else ""
        err.print(count.line(time.perf_counter() - started) + written, markup=False)
    if count.skipped:
        raise typer.Exit(EXIT_SKIPPED)
