"""The single writer: results come back to the driver and are stored there, one partition
per transaction (`Store.save`), in input order.

A partition is written whole or not at all, and only once its worker has finished it; a
partition lost with its worker is run again and written once. Reports the store already
holds are dropped before extraction (`StoreSink.fresh`), and `Store.save` skips any copy
stored meanwhile, so running an interrupted ingest again finishes it without duplicates.
The store ends up as `comity ingest` without workers leaves it: same rows, same order.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..errors import InputError
from ..model import Article, ArticleResult
from ..storage.batches import IngestCount
from ..storage.mapping import copy_hash
from ..storage.store import SaveCount, Store
from .runner import run_dask, run_local
from .tasks import ExtractSettings, Partition, partitions

DEFAULT_INGEST_PARTITION = 32  # as `comity ingest --batch-size`


class StoreSink:
    def __init__(self, store: Store, *, run_id: int | None = None):
        self.store = store
        self.run_id = run_id
        self.count = IngestCount()

    def fresh(self, parts: Iterable[Partition]) -> Iterator[Partition]:
        """Each partition without the reports the store holds, and with one report of any copy
        that comes twice in it: only these go to the workers."""
        for part in parts:
            hashes = [copy_hash(a) for a in part.articles]
            stored = self.store.known_copies(hashes)
            fresh: dict[str, Article] = {}
            for h, article in zip(hashes, part.articles):
                if h not in stored:
                    fresh.setdefault(h, article)
            part.known = len(part.articles) - len(fresh)
            part.articles = list(fresh.values())
            yield part

    def write(self, part: Partition, results: list[ArticleResult | InputError],
              on_error: Callable[[InputError], None] | None = None) -> SaveCount:
        """Store one partition's results in one transaction; each article that could not be
        extracted goes to `on_error` (raised without one), before anything is stored."""
        errors = [r for r in results if isinstance(r, InputError)]
        if errors:
            if on_error is None:
                raise errors[0]
            for error in errors:
                on_error(error)
            results = [r for r in results if not isinstance(r, InputError)]
        saved = self.store.save(results, run_id=self.run_id) if results else SaveCount()
        self.count.read += part.read
        self.count.known += part.known
        self.count.add(saved)
        self.count.batches += 1
        return saved


def ingest(store: Store, articles: Iterable[Article], settings: ExtractSettings = ExtractSettings(), *,
           run_id: int | None = None, partition_size: int = DEFAULT_INGEST_PARTITION, workers: int = 1,
           dask: str | None = None, on_partition: Callable[[int], None] | None = None,
           on_error: Callable[[InputError], None] | None = None) -> IngestCount:
    """Extract `articles` on `workers` local processes (or on Dask at `dask`: "local[:N]" or
    "tcp://host:port") and store the results from here; `on_partition(n)` after each commit;
    `on_error(error)` for each article that could not be extracted (the others are stored)."""
    sink = StoreSink(store, run_id=run_id)
    parts = sink.fresh(partitions(articles, partition_size))
    runs = run_dask(parts, settings, address=dask) if dask else run_local(parts, settings, workers=workers)
    for part, results in runs:
        sink.write(part, results, on_error)
        if on_partition:
            on_partition(part.read)
    return sink.count
