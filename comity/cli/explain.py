"""`comity explain`: why each record of one report exists (a thin shell over comity.explain)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from ..errors import ComityError, InputError
from ._run import error

# one paragraph a line: rich re-wraps each to the terminal and keeps the breaks between them
HELP = "\n\n".join((
    "Show why each record of one report exists, sentence by sentence.",
    "For every sentence: its number and text; the candidate triggers the event coder weighed, each with the "
    "rule that matched and its outcome (an event with its CAMEO code and source->target, or the guard that "
    "vetoed it and why); then the records drawn from the sentence (events, meetings, agreements, mechanisms, "
    "people), each with the rule that made it and the steps that changed it afterwards.",
    "A rule id such as visit.host names a row of comity/nlp/resources/event_triggers.yaml, persons.title-left "
    "one of titles.yaml `rules`; docs/extraction.md tells how to read and add one.",
    "Example, why is sentence 2 a visit?   comity explain report.txt --sentence 2",
))


def explain_cmd(
    report: Path = typer.Argument(..., help="One report: a wire-layout or plain .txt, .html, or a .jsonl with "
                                            "one line (gzipped or not).", show_default=False),
    sentence: Optional[int] = typer.Option(
        None, "--sentence", "-s", min=0, help="Only this sentence (numbered from 0, as `sentence` in the records' "
                                             "evidence)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of text."),
    only_found: bool = typer.Option(
        False, "--only-found", help="Leave out the sentences with no candidate trigger and no record."),
    published: Optional[str] = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) for a report that carries none."),
    width: int = typer.Option(80, "--width", min=40, help="Columns of the text layout."),
    actors: list[Path] = typer.Option(
        [], "--actors", metavar="FILE", help="An actor dictionary, as for `comity extract` (repeatable): explain "
                                             "the records extracted with it."),
    leaders: bool = typer.Option(True, "--leaders/--no-leaders", help="As for `comity extract`."),
) -> None:
    """Show why each record of one report exists, sentence by sentence (the help is `HELP`)."""
    from ..explain import explain, render_lines, to_json
    from ..pipeline import Pipeline, parse_published

    try:
        article = _one_article(report, parse_published(published))
        explanation = explain(article, Pipeline(dictionaries=tuple(actors), leaders=leaders))
    except InputError as e:
        raise typer.BadParameter(str(e), param_hint="REPORT") from None
    except ComityError as e:
        error(e)
        raise typer.Exit(2) from None
    if sentence is not None:
        try:
            explanation = explanation.only(sentence)
        except IndexError as e:
            raise typer.BadParameter(str(e), param_hint="--sentence") from None
    if as_json:
        typer.echo(json.dumps(to_json(explanation), ensure_ascii=False, indent=1))
        return
    out = Console(highlight=False)  # Text, not markup: a report's "[...]" prints as written
    for line in render_lines(explanation, width, all_sentences=not only_found):
        out.print(Text(line), soft_wrap=True)


def _one_article(path: Path, published):
    from ..ingest import read_paths
    from ..model import Article

    items = list(read_paths([path], published=published))
    errors = [i for i in items if isinstance(i, InputError)]
    if errors:
        raise errors[0]
    articles = [i for i in items if isinstance(i, Article)]
    if len(articles) != 1:
        raise InputError(str(path), f"explain reads one report; {path} holds {len(articles)}")
    return articles[0]
