"""`comity runs`: the ingest and watch runs of a store, newest first, read through comity.query."""
from __future__ import annotations

from typing import Optional

import typer

from ._store import db_option, emit, json_option, opened

STATUSES = ("running", "done", "failed", "interrupted")


def runs_cmd(
    status: Optional[str] = typer.Option(
        None, "--status", help="Only runs of this status: " + ", ".join(STATUSES) + "."),
    limit: int = typer.Option(20, "--limit", "-n", min=0, help="At most this many runs."),
    db: Optional[str] = db_option(), as_json: bool = json_option(),
) -> None:
    """List the runs that wrote to the store: status, when, what they read and stored.

    A run killed outright (kill -9, a lost machine) cannot mark itself; it shows as interrupted once
    its process is gone, and the next `comity ingest` records it so. Running the same ingest again
    resumes it: what it stored is skipped, the rest is extracted.
    """
    from ..query import RunRow, list_runs

    if status is not None and status not in STATUSES:
        raise typer.BadParameter(f"{status!r} is not one of {', '.join(STATUSES)}", param_hint="--status")
    with opened(db) as store, store.read() as conn:
        rows = list_runs(conn, status=status, limit=limit)
    emit(rows, as_json=as_json, as_csv=False, title=f"Runs ({len(rows)})", row_type=RunRow, columns=[
        ("id", lambda r: r.id), ("status", lambda r: r.status),
        ("started", lambda r: r.started_at[:19].replace("T", " ")),
        ("last seen", lambda r: (r.finished_at or r.last_seen or "")[:19].replace("T", " ")),
        ("stored", lambda r: r.stored), ("read", lambda r: r.read), ("skipped", lambda r: r.skipped),
        ("resumes", lambda r: r.resumes or ""), ("process", lambda r: f"{r.pid}@{r.host}" if r.pid else ""),
        ("paths", lambda r: ", ".join(r.paths)),
    ], wrap=("paths",), drop=("process", "resumes", "skipped", "read", "last seen"))
