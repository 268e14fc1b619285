"""`comity watch`: keep a store current from feeds, news sitemaps, growing JSON Lines and folders
(issue 18; docs/watch.md).
A thin shell over comity.watch."""
from __future__ import annotations

import signal
from pathlib import Path
from typing import List, Optional

import typer

from ._run import RunCount, say
from ._store import db_option, err, opened
from .alerts import load_rules, send_webhooks


def watch_cmd(
    given: Optional[List[str]] = typer.Argument(
        None, metavar="URL|FILE|FOLDER", show_default=False,
        help="Feeds or news sitemaps (URLs), JSON Lines files that grow (.jsonl) and folders to watch, "
             "besides --sources."),
    sources_file: Optional[Path] = typer.Option(
        None, "--sources", metavar="FILE", show_default=False,
        help="Sources (YAML): `- {feed: URL, every: 15m}`, `- {sitemap: URL}`, `- {jsonl: PATH}` or "
             "`- {folder: PATH, every: 1m}` (docs/watch.md)."),
    once: bool = typer.Option(False, "--once", help="One round over every source, then exit (for cron)."),
    every: str = typer.Option("15m", "--every", help="Interval of the sources given on the command line."),
    alerts: Optional[Path] = typer.Option(
        None, "--alerts", metavar="FILE", show_default=False,
        help="Alert rules (YAML, docs/alerts.md) to keep in the store first, as for `comity ingest`."),
    fast_path: bool = typer.Option(True, "--fast-path/--no-fast-path", help="As for `comity ingest`."),
    db: Optional[str] = db_option(),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No closing summary of each round."),
) -> None:
    """Keep the store current from feeds, news sitemaps, growing JSON Lines files and folders: the
    pages of new feed or sitemap items are fetched and their main text ingested as `comity ingest`
    does (same dedup, same alerts); so are the lines added to a JSON Lines file and the new or changed
    files of a folder. What was seen is kept in the store, so nothing is fetched or ingested twice. A
    failing source is reported with its URL and reason and the others go on; after failures in a row
    it waits longer before the next try (1 min, doubling, at most 6 h). With --once, the exit code is
    3 after a round where a source failed or still waits. Without --once it runs until Ctrl+C or
    SIGTERM, stopping between articles.
    """
    from ..watch import Watcher, WatchError, command_line_source, iter_sources, load_sources, parse_every
    from .ingest import _extractor

    try:
        interval = parse_every(every)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--every") from None
    sources = [command_line_source(g, interval) for g in given or []]
    if sources_file is not None:
        try:
            sources += load_sources(sources_file)
        except WatchError as e:
            say("error", "red", e)
            raise typer.Exit(2) from None
    sources = list(iter_sources(sources))
    if not sources:
        raise typer.BadParameter("nothing to watch: give feed URLs, folders or --sources FILE",
                                 param_hint="URL|FOLDER")
    rules = load_rules(alerts) if alerts is not None else []
    count = RunCount()
    with opened(db) as store:
        if rules:
            store.save_rules(rules)
        run_id = store.begin_run(s.target for s in sources)
        watcher = Watcher(store, sources, _extractor(fast_path, count),
                          report=lambda label, msg: say(label, "red", msg))
        previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

        def stop(signum, frame):  # type: ignore[no-untyped-def]
            if watcher.stopping:  # a second Ctrl+C: stop now
                signal.default_int_handler(signum, frame)
            say("stopping", "yellow", "after this article (Ctrl+C again to stop now)")
            watcher.stop()

        def tell(done, always=True):  # type: ignore[no-untyped-def]
            send_webhooks(store, quiet=quiet)
            if not quiet and (always or done.fetched or done.failed):
                c = done.ingest
                err.print(f"{done.sources} source(s) polled"
                          + (f" ({done.waiting} waiting after failures)" if done.waiting else "")
                          + f", {done.fetched} new page(s) or file(s) read: "
                          f"{c.new} stored, {c.copies} more copies of stored reports, {c.known} already "
                          f"stored, {len(done.failed)} failed"
                          + (f"; {c.alerts} new alert(s) (`comity alerts`)" if c.alerts else ""),
                          markup=False)
            return done

        failed = False
        try:
            if once:
                done = tell(watcher.round())
                failed = bool(done.failed or done.waiting)
            else:
                for sig in previous:
                    signal.signal(sig, stop)
                # each round is a sign of life: a run nobody renews is taken as interrupted (storage/runs.py)
                watcher.loop(on_round=lambda done: (store.heartbeat(run_id), tell(done, always=False)))
        except BaseException:
            store.finish_run(run_id, status="failed")
            raise
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            watcher.fetcher.close()
        store.finish_run(run_id)
    if failed:
        raise typer.Exit(3)
