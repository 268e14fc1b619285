"""Ingest and watch runs, read from the store: what `comity runs` shows. A run still marked `running`
whose process is gone is shown `interrupted` (comity/storage/runs.py), without writing: the next
`comity ingest` records it."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from ..storage import runs
from ..storage import schema as s


@dataclass(frozen=True, slots=True)
class RunRow:
    id: int
    status: str  # running | done | failed | interrupted
    started_at: str
    finished_at: str | None
    last_seen: str | None  # the run's last heartbeat
    paths: list[str]
    stored: int  # reports (first copies) this run stored, counted in the store
    read: int
    new: int
    known: int
    skipped: int
    pid: int | None
    host: str | None
    resumes: int | None  # the interrupted or failed run of the same paths it took up
    version: str


def list_runs(conn: Connection, *, status: str | None = None, limit: int = 20) -> list[RunRow]:
    """The latest runs, newest first; `status` keeps the runs of that (judged) status only."""
    r = s.runs.c
    stored = runs.stored(r.id).correlate(s.runs).scalar_subquery()
    query = select(s.runs, stored.label("stored")).order_by(r.id.desc())
    if status is None:
        query = query.limit(limit)
    rows = []
    for row in conn.execute(query).mappings():
        judged = runs.status_of(row)
        if status is not None and judged != status:
            continue
        rows.append(RunRow(id=row["id"], status=judged, started_at=row["started_at"],
                           finished_at=row["finished_at"], last_seen=row["heartbeat_at"],
                           paths=list(row["paths"] or []), stored=row["stored"], read=row["n_read"],
                           new=row["n_new"], known=row["n_known"], skipped=row["n_skipped"], pid=row["pid"],
                           host=row["host"], resumes=row["resumes"], version=row["comity_version"]))
        if len(rows) >= limit:
            break
    return rows
