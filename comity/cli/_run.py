"""Shared by the commands that read reports: progress, error reporting, the closing count."""
from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from ..errors import InputError, ModelError, Warnings
from ..ingest import read_paths
from ..ingest import InputWarning
from ..model import Article, ArticleResult

err = Console(stderr=True, highlight=False)


def say(label: str, message: object, style: str = "red") -> None:
    """One line on stderr: a coloured label, then the message as written. The message is escaped, so
    brackets in it (pip install 'comity[parquet]', a file name, a report's words) are printed, not read
    as rich markup."""
    err.print(f"[{style}]{label}[/{style}] {escape(str(message))}", soft_wrap=True)


def error(message: object) -> None:
    say("error", message)


def warning(message: object) -> None:
    say("warning", message, "yellow")


@dataclass
class RunCount:
    read: int = 0
    extracted: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    events: int = 0
    agreements: int = 0

    def add(self, result: ArticleResult) -> None:
        self.extracted += 1
        self.events += len(result.events)
        self.agreements += len(result.agreements)

    def line(self, seconds: float) -> str:
        rate = self.extracted / seconds if seconds > 0 else 0.0
        return (f"{self.read} article(s) read, {self.extracted} extracted, {self.skipped} skipped; "
                f"{self.events} event(s), {self.agreements} agreement(s) in {seconds:.1f} s "
                f"({rate:.1f} articles/s)")


class RateColumn(ProgressColumn):
    """Articles per second so far (results come in batches, so a short-window rate jumps about)."""

    def render(self, task) -> Text:  # type: ignore[no-untyped-def]
        elapsed = task.finished_time if task.finished else task.elapsed
        rate = task.completed / elapsed if elapsed else 0.0
        return Text(f"{rate:.1f}/s" if rate else "", style="progress.data.speed")


def progress_bar(label: str, *, quiet: bool = False) -> Progress:
    """The bar of a long run: count, rate, elapsed and (when the total is known) time left."""
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(),
                    TimeRemainingColumn(), console=err, disable=quiet or not err.is_terminal, transient=True)


def estimate_total(paths: Iterable[Path], budget: float = 1.0) -> int | None:
    """About how many reports `paths` hold (files, plus the lines of JSON Lines files), for the
    bar's time left; None when counting would take longer than `budget` seconds."""
    import gzip
    import time
    import zlib

    from ..ingest import files

    deadline = time.monotonic() + budget
    total = 0
    for given in paths:
        path = Path(given)
        found = [f for f in files.walk(path) if isinstance(f, Path)] if path.is_dir() else [path]
        for file in found:
            if time.monotonic() > deadline:
                return None
            if files.reader_for(file)[0] != "jsonl":
                total += 1
                continue
            try:
                with (gzip.open if file.name.lower().endswith(".gz") else open)(file, "rb") as f:
                    total += sum(1 for line in f if line.strip())
            except (OSError, EOFError, zlib.error):
                total += 1
    return total


def articles(paths: Iterable[Path], published: dt.date | None, count: RunCount) -> Iterator[Article]:
    """Articles from the paths; bad input is reported on stderr (one line each) and counted."""
    for item in read_paths(paths, published=published):
        if isinstance(item, InputError):
            count.skipped += 1
            say("skipped", item)
        elif isinstance(item, InputWarning):
            warning(item)
        else:
            count.read += 1
            yield item


def run_extraction(paths: list[Path], published: dt.date | None, on_result: Callable[[ArticleResult], None],
                   *, quiet: bool = False, dictionaries: tuple[Path, ...] = (), workers: int = 1,
                   fast_path: bool = True, leaders: bool = True) -> RunCount:
    """`dictionaries`: actor dictionary files; a bad one raises DataError (file:line) before any
    report is read, and entries a dictionary holds but comity cannot use are warned about.
    `workers`: processes extracting in parallel (comity.batch); the output is in input order,
    the same as with one. `fast_path`: see comity/nlp/fastpath.py. `leaders`: the bundled list of
    world leaders (docs/dictionaries.md)."""
    from ..nlp.dictionaries import DictionaryWarning, load_dictionary, notes
    from ..pipeline import Pipeline

    count = RunCount()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DictionaryWarning)  # printed below, on every run
        for path in dictionaries:
            for message in notes(load_dictionary(path)):
                warning(message)
        if workers == 1:
            pipeline = Pipeline(dictionaries=dictionaries, fast_path=fast_path, leaders=leaders)
    # streamed, so a large folder is never held in memory: the total is an estimate, if any
    items = articles(paths, published, count)
    if workers == 1:
        results = pipeline.extract_many(items)
    else:
        from ..batch import ExtractSettings, extract

        settings = ExtractSettings(dictionaries=tuple(str(p) for p in dictionaries), fast_path=fast_path,
                                   leaders=leaders)
        results = extract(items, settings, workers=workers)
    progress = progress_bar("extracting", quiet=quiet)
    with progress:
        task = progress.add_task("extract", total=None if progress.disable else estimate_total(paths))
        for result in results:
            on_result(result)
            count.add(result)
            progress.advance(task)
    if count.skipped:
        err.print(Warnings.W001.format(count=count.skipped), style="yellow", markup=False)
    return count


def fail_on_model_error(exc: ModelError) -> None:
    error(exc)
