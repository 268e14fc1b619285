"""Ingest in batches: what is already stored is skipped before any NLP, each batch is one
transaction, so a run killed at any point leaves whole batches only, and running it again
finishes the job (everything stored is skipped, the rest is extracted and stored).
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from itertools import islice
from pathlib import Path
from typing import TypeVar

from ..errors import Errors, InputError
from ..ingest.normalize import clean_field, clean_text
from ..model import Article, ArticleResult, from_dict
from .mapping import copy_hash
from .store import SaveCount, Store

T = TypeVar("T")
DEFAULT_BATCH = 32


@dataclass
class IngestCount:
    read: int = 0
    new: int = 0  # stored with their records
    copies: int = 0  # another copy of a stored report: one more source
    known: int = 0  # already in the store: skipped
    batches: int = 0
    alerts: int = 0  # raised by the store's alert rules

    def add(self, saved: SaveCount) -> None:
        self.new += saved.new
        self.copies += saved.copies
        self.known += saved.known
        self.alerts += saved.alerts

    def __iadd__(self, other: IngestCount) -> IngestCount:
        """Another ingest's counts added to these (`comity watch` ingests a report at a time)."""
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ingest_articles(store: Store, articles: Iterable[Article],
                    extract: Callable[[list[Article]], Iterable[ArticleResult]], *, run_id: int | None = None,
                    batch_size: int = DEFAULT_BATCH, on_batch: Callable[[int], None] | None = None) -> IngestCount:
    """Extract and store `articles`; `extract` is called only for copies the store lacks
    (so the model need not even load on a re-run); `on_batch(n)` after each commit."""
    count = IngestCount()
    for batch in chunks(articles, batch_size):
        count.read += len(batch)
        hashes = [copy_hash(a) for a in batch]
        stored = store.known_copies(hashes)
        fresh: dict[str, Article] = {}
        for h, article in zip(hashes, batch):
            if h not in stored:
                fresh.setdefault(h, article)  # the same copy twice in one batch is extracted once
        count.known += len(batch) - len(fresh)
        if fresh:
            count.add(store.save(list(extract(list(fresh.values()))), run_id=run_id))
        count.batches += 1
        if on_batch:
            on_batch(len(batch))
    return count


def ingest_results(store: Store, results: Iterable[ArticleResult], *, run_id: int | None = None,
                   batch_size: int = DEFAULT_BATCH, on_batch: Callable[[int], None] | None = None) -> IngestCount:
    """Store records extracted earlier (`comity extract` output): no NLP at all."""
    count = IngestCount()
    for batch in chunks(results, batch_size):
        count.read += len(batch)
        count.add(store.save(batch, run_id=run_id))
        count.batches += 1
        if on_batch:
            on_batch(len(batch))
    return count


def _cleaned(value: object, key: str = "") -> object:
    """A decoded record with control characters and lone surrogates replaced as the readers do
    (docs/limits.md): one for one in any "text", removed elsewhere."""
    if isinstance(value, str):
        return clean_text(value) if key == "text" else clean_field(value)
    if isinstance(value, dict):
        return {k: _cleaned(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned(v, key) for v in value]
    return value


def record_from_line(line: str) -> ArticleResult:
    """One record of `comity extract`'s output, cleaned as the readers clean text."""
    return from_dict(ArticleResult, _cleaned(json.loads(line)))


def read_records(paths: Iterable[str | Path]) -> Iterator[ArticleResult | InputError]:
    """Records from JSON Lines files (or folders of them, gzipped or not) written by `comity extract`;
    a line that is not a record (whatever the exception) gives an InputError naming it, and reading
    goes on."""
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield InputError(str(path), Errors.E001)
            continue
        files = sorted(p for p in path.rglob("*") if p.name.endswith((".jsonl", ".jsonl.gz"))) \
            if path.is_dir() else [path]
        for file in files:
            opener = gzip.open if file.suffix == ".gz" else open
            try:
                with opener(file, "rt", encoding="utf-8") as f:
                    for n, line in enumerate(f, 1):
                        if line.strip():
                            try:
                                record = record_from_line(line)
                            except RecursionError:
                                record = InputError(f"{file}:{n}",
                                                    Errors.E006.format(detail="nested too deep"))
                            except Exception as e:  # noqa: BLE001 -- that line's error, not the run's
                                record = InputError(f"{file}:{n}",
                                                    Errors.E012.format(detail=f"not a comity record: {e}"))
                            yield record
            except (OSError, UnicodeDecodeError) as e:
                yield InputError(str(file), Errors.E012.format(detail=e))
