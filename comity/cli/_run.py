"""Shared by the commands that read reports: progress, error reporting, the closing count."""
from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from ..errors import InputError, ModelError, Warnings
from ..ingest import read_paths
from ..ingest import InputWarning
from ..model import Article, ArticleResult

err = Console(stderr=True, highlight=False)

# what a message must not print raw: control characters (a newline would split it, an ANSI
# escape would reach the terminal) and surrogates (bytes of a file name that are not UTF-8)
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _escaped(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte of a file name, as Python keeps it (surrogateescape)
    return f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"


def shown(text: object) -> str:
    """`text` as a message may print it: control characters and undecodable bytes as escapes."""
    return _UNPRINTABLE.sub(lambda m: _escaped(m.group()), str(text))


def say(label: str, style: str, message: object, console: Console = err) -> None:
    """Print "label message" with the label styled and the message as plain text, never read as
    rich markup: a report's "[/red]", a folder named "foo[" or "bar\\[" print as they are (even
    rich.markup.escape lets a backslash before a bracket through)."""
    console.print(Text.assemble((label, style), " ", shown(message)), soft_wrap=True)


def traceback_file(exc: BaseException) -> str:
    """Write `exc`'s traceback to a file of its own; return its path."""
    import tempfile
    import traceback

    with tempfile.NamedTemporaryFile("w", prefix="comity-error-", suffix=".txt", delete=False,
                                     encoding="utf-8", errors="backslashreplace") as f:
        f.write("".join(traceback.format_exception(exc)))
    return f.name


def skipped(error: object, count: RunCount) -> None:
    """Report one input that could not be read or extracted, and count it."""
    count.skipped += 1
    say("skipped", "red", error)


def error(message: object) -> None:
    say("error", "red", message)


def warning(message: object) -> None:
    say("warning", "yellow", message)


@dataclass
class RunCount:
    read: int = 0
    extracted: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    events: int = 0
    agreements: int = 0
    undated: int = 0  # reports read with no publication date (relative days cannot be resolved)

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

    from .. import limits
    from ..ingest import files

    limit = limits.max_gzip_bytes()
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
                    # newlines a chunk at a time: a file of one huge line (or a gzip bomb) is never
                    # held whole, and counting stops at the decompressed-size limit
                    lines, size = 0, 0
                    while (chunk := f.read(1 << 20)) and size <= limit:
                        lines += chunk.count(b"\n")
                        size += len(chunk)
                    total += max(lines, 1)
            except (OSError, EOFError, zlib.error):
                total += 1
    return total


def articles(paths: Iterable[Path], published: dt.date | None, count: RunCount) -> Iterator[Article]:
    """Articles from the paths; bad input is reported on stderr (one line each) and counted."""
    for item in read_paths(paths, published=published):
        if isinstance(item, InputError):
            skipped(item, count)
        elif isinstance(item, InputWarning):
            say("warning", "yellow", item)
        else:
            count.read += 1
            count.undated += item.published is None
            yield item


def tell_skipped_and_undated(count: RunCount) -> None:
    """The closing warnings of a run: how many inputs were skipped (W001), and how many reports had
    no publication date to resolve their days against, with the option that gives one (W005)."""
    if count.skipped:
        err.print(Warnings.W001.format(count=count.skipped), style="yellow", markup=False)
    if count.undated:
        err.print(Warnings.W005.format(count=count.undated), style="yellow", markup=False)


def run_extraction(paths: list[Path], published: dt.date | None, on_result: Callable[[ArticleResult], None],
                   *, quiet: bool = False, dictionaries: tuple[Path, ...] = (), workers: int = 1,
                   fast_path: bool = True, leaders: bool = True) -> RunCount:
    """`dictionaries`: actor dictionary files; a bad one raises DataError (file:line) before any
    report is read, and entries a dictionary holds but comity cannot use are warned about.
    `workers`: processes extracting in parallel (comity.batch); the output is in input order,
    the same as with one. `fast_path`: see comity/nlp/fastpath.py. `leaders`: the bundled list of
    world leaders (docs/dictionaries.md)."""
    from ..nlp.dictionaries import DictionaryWarning, load_dictionary, notes
    from ..pipeline import Pipeline, extraction_error

    count = RunCount()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DictionaryWarning)  # printed below, on every run
        for path in dictionaries:
            for message in notes(load_dictionary(path)):
                say("warning", "yellow", message)
        if workers == 1:
            pipeline = Pipeline(dictionaries=dictionaries, fast_path=fast_path, leaders=leaders)
    # streamed, so a large folder is never held in memory: the total is an estimate, if any
    items = articles(paths, published, count)
    progress = progress_bar("extracting", quiet=quiet)
    task = progress.add_task("extract", total=None if progress.disable else estimate_total(paths))
    advance = lambda n: progress.advance(task, n)  # noqa: E731
    if workers == 1:
        # the bar moves as each report leaves the model, not as results come (a stretch at a time)
        results = pipeline.extract_many(items, on_error=lambda a, e: skipped(extraction_error(a, e), count),
                                        on_progress=advance)
    else:
        from ..batch import ExtractSettings, extract

        settings = ExtractSettings(dictionaries=tuple(str(p) for p in dictionaries), fast_path=fast_path,
                                   leaders=leaders)
        results = extract(items, settings, workers=workers, on_error=lambda e: skipped(e, count))
    with progress:
        for result in results:
            on_result(result)
            count.add(result)
            if workers > 1:
                advance(1)
    tell_skipped_and_undated(count)
    return count


def fail_on_model_error(exc: ModelError) -> None:
    say("error", "red", exc)
