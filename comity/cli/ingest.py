"""`comity ingest`: reports in, records stored (idempotent, incremental, one transaction per batch)."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Optional

import typer

from ..errors import ComityError, InputError
from ._run import (RunCount, articles, error, estimate_total, progress_bar, say, skipped,
                   tell_skipped_and_undated, traceback_file, warning)
from ._store import db_option, err, opened
from .alerts import load_rules, send_webhooks

EXIT_SKIPPED = 3  # as `comity extract`: some input could not be read; everything else was stored


def ingest_cmd(
    paths: list[Path] = typer.Argument(
        ..., help="Report files or folders, as for `comity extract` (with --records: JSON Lines of records).",
        show_default=False),
    db: Optional[str] = db_option(),
    published: Optional[str] = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) for reports that carry none."),
    records: bool = typer.Option(
        False, "--records", help="PATHS are records written by `comity extract` (JSON Lines): store them "
                                 "without running the NLP again."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Reports per transaction."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no closing summary."),
    workers: int = typer.Option(
        1, "--workers", "-w", min=1,
        help="Worker processes extracting in parallel (each loads the model once); this process alone "
             "writes, one transaction per batch, in input order."),
    dask: Optional[str] = typer.Option(
        None, "--dask", metavar="ADDRESS", show_default=False,
        help="Extract on Dask: local (2 workers), local:N (N workers on this machine) or the scheduler of a "
             "running cluster, tcp://HOST:PORT. Results are stored from here, as with --workers."),
    fast_path: bool = typer.Option(
        True, "--fast-path/--no-fast-path",
        help="Skip the parser and NER for reports with nothing to record; the records are the same either "
             "way."),
    alerts: Optional[Path] = typer.Option(
        None, "--alerts", metavar="FILE", show_default=False,
        help="Alert rules (YAML, docs/alerts.md) to keep in the store before ingesting; the store's rules "
             "then raise alerts on what this run adds (`comity alerts` lists them)."),
) -> None:
    """Extract reports and store the records: run it again on the same paths and nothing changes.

    Reports already in the store are skipped before any NLP runs; another copy of a stored
    report (same body, another header or agency) is kept as one more source of that story;
    new reports add to what is there. Each batch is one transaction, so an interrupted run
    leaves the store consistent and running it again finishes the job. A run killed outright
    (kill -9) is marked interrupted by the next one (`comity runs` lists them). The exit code
    is 3 when some input could not be read.
    """
    from ..pipeline import parse_published
    from ..batch import ExtractSettings
    from ..batch import ingest as ingest_parallel
    from ..storage.batches import ingest_articles, ingest_results

    try:
        base_date = parse_published(published)
    except InputError as e:
        raise typer.BadParameter(e.message, param_hint="--published") from None
    rules = load_rules(alerts) if alerts is not None else []
    started = time.perf_counter()
    count = RunCount()
    with opened(db) as store:
        if rules:
            store.save_rules(rules)
        for gone in store.mark_interrupted():
            warning(f"run {gone['id']} ({', '.join(gone['paths']) or 'no paths'}, started {gone['started_at']}) was "
                    f"interrupted: its process {gone['pid'] or '?'} on {gone['host'] or '?'} is gone; the "
                    f"{gone['n_new']} report(s) it stored are kept")
        run_id = store.begin_run(str(p) for p in paths)
        resumed = store.run(run_id)["resumes"]
        if resumed is not None and not quiet:
            say("resuming", "yellow", f"run {resumed} did not finish: what it stored is skipped, the rest is "
                "extracted (`comity runs`)")
        progress = progress_bar("ingesting", quiet=quiet)
        task = progress.add_task("ingest", total=None if progress.disable else estimate_total(paths))

        ticked = 0  # reports of the current batch the bar has counted as they left the model

        def extracted(n: int) -> None:
            nonlocal ticked
            ticked += n
            progress.advance(task, n)

        def advance(n: int) -> None:  # after each commit: the batch's reports not counted yet
            nonlocal ticked
            progress.advance(task, max(n - ticked, 0))
            ticked = 0
            store.heartbeat(run_id)

        try:
            with progress:
                if records:
                    done = ingest_results(store, _records(paths, count), run_id=run_id, batch_size=batch_size,
                                          on_batch=advance)
                elif workers > 1 or dask:
                    # comity.batch: workers extract, this process stores (the single writer)
                    done = ingest_parallel(store, articles(paths, base_date, count),
                                           ExtractSettings(fast_path=fast_path), run_id=run_id,
                                           partition_size=batch_size, workers=workers, dask=dask,
                                           on_partition=advance, on_error=lambda e: skipped(e, count))
                else:
                    done = ingest_articles(store, articles(paths, base_date, count),
                                           _extractor(fast_path, count, on_progress=extracted), run_id=run_id,
                                           batch_size=batch_size, on_batch=advance)
        except ComityError as e:
            store.finish_run(run_id, status="failed", read=count.read, skipped=count.skipped)
            error(e)
            raise typer.Exit(2) from None
        except BaseException as e:
            # a bug, Ctrl-C or a kill the process outlives: the run is marked failed, never left
            # "running"; what was committed stays, and running it again goes on from there
            store.finish_run(run_id, status="failed", read=count.read, skipped=count.skipped)
            if not isinstance(e, Exception):
                raise
            say("error", "red", f"internal error, run {run_id} marked failed: {type(e).__name__}: {e}; "
                f"traceback in {traceback_file(e)}", err)
            raise typer.Exit(1) from None
        store.finish_run(run_id, read=done.read, new=done.new, known=done.known, skipped=count.skipped)
        tell_skipped_and_undated(count)
        send_webhooks(store, quiet=quiet)  # after the commit: a webhook never sees an alert not stored
        if not quiet:
            seconds = time.perf_counter() - started
            totals = store.counts()
            rate = done.read / seconds if seconds > 0 else 0.0
            err.print(f"{done.read} report(s) read in {seconds:.1f} s ({rate:.1f} reports/s): {done.new} stored, "
                      f"{done.copies} more cop{'y' if done.copies == 1 else 'ies'} of stored reports, {done.known} already stored, "
                      f"{count.skipped} skipped" + (f"; {done.alerts} new alert(s) (`comity alerts`)"
                                                    if done.alerts else ""), markup=False)
            err.print(f"store {store.url}: {totals['stories']} stories from {totals['articles']} copies, "
                      f"{totals['events']} events, {totals['meetings']} meetings, {totals['agreements']} "
                      f"agreements, {totals['persons']} people", markup=False)
    if count.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _extractor(fast_path: bool = True, count: RunCount | None = None,  # type: ignore[no-untyped-def]
               on_progress: Callable[[int], None] | None = None):
    """Loads the model on first use only: a re-run with nothing new never loads it. With
    `count`, an article that cannot be extracted is reported, counted and not stored;
    `on_progress(1)` as each article leaves the model (Pipeline.extract_many)."""
    from ..pipeline import extraction_error

    state: dict[str, object] = {}
    on_error = (lambda a, e: skipped(extraction_error(a, e), count)) if count is not None else None

    def extract(batch):  # type: ignore[no-untyped-def]
        if "pipeline" not in state:
            from ..pipeline import Pipeline

            state["pipeline"] = Pipeline(fast_path=fast_path)
        return state["pipeline"].extract_many(  # type: ignore[attr-defined]
            batch, on_error=on_error, on_progress=on_progress)

    return extract



def _records(paths: list[Path], count: RunCount):  # type: ignore[no-untyped-def]
    from ..storage.batches import read_records

    for item in read_records(paths):
        if isinstance(item, InputError):
            skipped(item, count)
        else:
            count.read += 1
            yield item
