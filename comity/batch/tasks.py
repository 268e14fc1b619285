"""The pure per-partition function every runner maps: articles in, records out.

`process_partition` is what a local worker process or a Dask worker runs; the spaCy
pipeline it needs is built once per process (per distinct settings) and kept, so a worker
pays the model's load time once, on its first partition or in `warm()` when it starts.
Nothing here writes anywhere: results go back to the driver, whose one writer stores them
(sink.py).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice

from ..errors import InputError
from ..model import Article, ArticleResult

DEFAULT_PARTITION = 64  # articles per partition: a few seconds of work, small to ship


@dataclass(frozen=True)
class ExtractSettings:
    """What a worker needs to build the same pipeline as the driver would (picklable, hashable).

    `dictionaries` are paths: on a remote Dask cluster they must exist on the workers too."""

    model: str | None = None
    dictionaries: tuple[str, ...] = ()
    fast_path: bool = True
    batch_size: int = 16
    leaders: bool = True  # the bundled world leaders list (resources/leaders.yaml)


@dataclass
class Partition:
    """A numbered slice of the input; `articles` is what goes to a worker.

    `read` and `known` are the driver's counts for the slice (ingest leaves out reports the
    store already holds before any worker sees them)."""

    index: int
    articles: list[Article]
    read: int = 0
    known: int = 0


def partitions(articles: Iterable[Article], size: int = DEFAULT_PARTITION) -> Iterator[Partition]:
    it = iter(articles)
    index = 0
    while batch := list(islice(it, size)):
        yield Partition(index, batch, read=len(batch))
        index += 1


@cache
def pipeline_for(settings: ExtractSettings):  # type: ignore[no-untyped-def]
    """comity's Pipeline for `settings`, built once per process."""
    import warnings

    from ..nlp.dictionaries import DictionaryWarning
    from ..pipeline import Pipeline

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DictionaryWarning)  # the driver reports them, once
        return Pipeline(model=settings.model, dictionaries=settings.dictionaries,
                        fast_path=settings.fast_path, batch_size=settings.batch_size,
                        leaders=settings.leaders)


def process_partition(articles: list[Article],
                      settings: ExtractSettings = ExtractSettings()) -> list[ArticleResult | InputError]:
    """The records of `articles`, in their order, with an InputError in place of each article
    that could not be extracted (the caller reports it). Pure: the same input gives the same
    output in any process."""
    from ..pipeline import extraction_error

    out: list[ArticleResult | InputError] = []

    def failed(article: Article, e: Exception) -> None:
        out.append(extraction_error(article, e))  # in its place: on_error comes before later results

    for result in pipeline_for(settings).extract_many(articles, on_error=failed):
        out.append(result)  # noqa: PERF402 -- `failed` appends in between
    return out


def warm(settings: ExtractSettings) -> int:
    """Build the pipeline now (a worker's start-up); returns the process id."""
    pipeline_for(settings)
    return os.getpid()


def start_worker(settings: ExtractSettings, parent: int) -> int:
    """A pool worker's start-up: leave when the driver `parent` is gone, then build the pipeline.

    A driver killed outright (`kill -9`, the OOM killer) cannot tell its pool to stop, and each
    spawned worker holds a pipeline of some 300 MB; each watches its parent and exits within about
    a second of losing it (then the resource tracker, whose pipe they held, exits too)."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)  # the driver that would read our results is gone: nothing left to finish

    threading.Thread(target=watch, name="comity-parent-watch", daemon=True).start()
    return warm(settings)


PARENT_POLL_SECONDS = 0.5


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (Linux and macOS)."""
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
