"""Shared by the commands that read reports: progress, error reporting, the closing count."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import InputError, ModelError, Warnings
from ..ingest import read_paths
from ..ingest import InputWarning
from ..model import Article, ArticleResult

err = Console(stderr=True, highlight=False)


@dataclass
class RunCount:
    read: int = 0
    extracted: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)

    def line(self, seconds: float) -> str:
        rate = self.extracted / seconds if seconds > 0 else 0.0
        return (f"{self.read} article(s) read, {self.extracted} extracted, {self.skipped} skipped "
                f"in {seconds:.1f} s ({rate:.1f} articles/s)")


def articles(paths: Iterable[Path], published: dt.date | None, count: RunCount) -> Iterator[Article]:
    """Articles from the paths; bad input is reported on stderr (one line each) and counted."""
    for item in read_paths(paths, published=published):
        if isinstance(item, InputError):
            count.skipped += 1
            err.print(f"[red]skipped[/red] {item}", soft_wrap=True)
        elif isinstance(item, InputWarning):
            err.print(f"[yellow]warning[/yellow] {item}", soft_wrap=True)
        else:
            count.read += 1
            yield item


def run_extraction(paths: list[Path], published: dt.date | None, on_result: Callable[[ArticleResult], None],
                   *, quiet: bool = False) -> RunCount:
    from ..pipeline import Pipeline

    count = RunCount()
    pipeline = Pipeline()
    # streamed, so a large folder is never held in memory: the bar counts without a total
    items = articles(paths, published, count)
    progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, disable=quiet or not err.is_terminal, transient=True)
    with progress:
        task = progress.add_task("extract", total=None)
        for result in pipeline.extract_many(items):
            on_result(result)
            count.extracted += 1
            progress.advance(task)
    if count.skipped:
        err.print(f"[yellow]{Warnings.W001.format(count=count.skipped)}[/yellow]")
    return count


def fail_on_model_error(exc: ModelError) -> None:
    err.print(f"[red]error[/red] {exc}")
