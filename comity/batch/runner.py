"""Runners: map `process_partition` over partitions of articles, on this machine or on Dask.

    for part, results in run_local(partitions(articles), settings, workers=2): ...
    for part, results in run_dask(partitions(articles), settings, address="local:2"): ...

Both yield `(partition, results)` in input order whatever order the workers finish in, so
the output of N workers is the output of one. At most a few partitions per worker are in
flight, so a large input is streamed, never held whole. Nothing is written here: the caller
(the single writer in sink.py, or `comity extract`) does that.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import BatchError, Errors, InputError
from ..model import Article, ArticleResult
from .tasks import DEFAULT_PARTITION, ExtractSettings, Partition, partitions, process_partition, start_worker

Results = Iterator[tuple[Partition, list[ArticleResult | InputError]]]  # an error for each failed article


def run_local(parts: Iterable[Partition], settings: ExtractSettings = ExtractSettings(), *,
              workers: int = 1) -> Results:
    """In this process (`workers=1`) or in a pool of `workers` processes, each of which loads
    the pipeline once. The pool starts its processes by spawning fresh interpreters (safe
    with any threads the driver has, and the same on every platform)."""
    if workers < 1:
        raise BatchError(Errors.E403.format(value=workers))
    if workers == 1:
        for part in parts:
            yield part, process_partition(part.articles, settings) if part.articles else []
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")
    # each worker exits when this process is gone, however it ended (tasks.start_worker)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=start_worker,
                             initargs=(settings, os.getpid())) as pool:
        try:
            yield from ordered(parts, lambda articles: pool.submit(process_partition, articles, settings),
                               window=2 * workers)
        except BrokenProcessPool as e:
            raise BatchError(Errors.E405.format(detail="a worker process died")) from e


def run_dask(parts: Iterable[Partition], settings: ExtractSettings = ExtractSettings(), *,
             address: str = "local", connect_timeout: float = 5.0) -> Results:
    """On Dask: `address` is "local" or "local:N" (a LocalCluster of N worker processes on
    this machine, started and stopped here) or the scheduler of a running cluster
    ("tcp://host:port"). Each worker builds the pipeline once (a WorkerPlugin); a partition
    whose worker dies is run again on another, and only finished partitions come back."""
    from .cluster import connect

    with connect(address, settings, timeout=connect_timeout) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))

        def submit(articles: list) -> Any:
            return client.submit(process_partition, articles, settings, pure=False, retries=1)

        yield from ordered(parts, submit, window=2 * workers + 1)


def ordered(parts: Iterable[Partition], submit: Callable[[list], Any], *, window: int) -> Results:
    """Submit partitions (up to `window` in flight) and yield their results in input order;
    `submit` returns a future (concurrent.futures or Dask). Empty partitions go nowhere."""
    pending: deque[tuple[Partition, Any]] = deque()
    for part in parts:
        pending.append((part, submit(part.articles) if part.articles else None))
        if len(pending) >= window:
            yield _done(*pending.popleft())
    while pending:
        yield _done(*pending.popleft())


def _done(part: Partition, future: Any) -> tuple[Partition, list[ArticleResult | InputError]]:
    return part, (future.result() if future is not None else [])


def extract(articles: Iterable[Article], settings: ExtractSettings = ExtractSettings(), *, workers: int = 1,
            dask: str | None = None, partition_size: int | None = None,
            on_error: Callable[[InputError], None] | None = None) -> Iterator[ArticleResult]:
    """The records of `articles`, in input order, from `workers` processes (or Dask at `dask`);
    an article that could not be extracted goes to `on_error` (raised without one)."""
    parts = partitions(articles, partition_size or DEFAULT_PARTITION)
    runs = run_dask(parts, settings, address=dask) if dask else run_local(parts, settings, workers=workers)
    for _, results in runs:
        for result in results:
            if isinstance(result, InputError):
                if on_error is None:
                    raise result
                on_error(result)
            else:
                yield result
