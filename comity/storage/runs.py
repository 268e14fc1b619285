"""Runs and the processes doing them: is a run marked `running` still going?

A run killed outright (`kill -9`, a lost machine) cannot mark itself; it stays `running`. So each run
records its process (pid, host, and on Linux the process's start: boot id and start tick) and a
heartbeat renewed as it stores. A `running` run is *interrupted* when

- it was started on this machine and its process is gone: no such pid, a zombie, or a pid now held by
  another process (another start tick, or the machine rebooted);
- it was started elsewhere (a shared PostgreSQL store), or before runs named their process, and its
  last sign of life (heartbeat, else start) is older than `COMITY_RUN_STALE_MINUTES` (comity/limits.py).

`comity ingest` marks such runs `interrupted` before it starts its own, and takes up the last
interrupted or failed run of the same paths (`resumes`): what that run stored is skipped, the rest is
extracted. `comity runs` shows the same judgement without writing.
"""
from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from .. import limits
from . import schema as s

RUNNING, DONE, FAILED, INTERRUPTED = "running", "done", "failed", "interrupted"


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def host() -> str:
    return socket.gethostname()


def _boot_id() -> str | None:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return None


def _stat(pid: int) -> tuple[str, str] | None:
    """(state, start tick) of a process from /proc/PID/stat, or None where there is no /proc entry."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()  # the name, in parentheses, may hold spaces
    return fields[0], fields[19]  # fields 3 (state) and 22 (starttime) of proc(5)


def process_start(pid: int) -> str | None:
    """"boot id:start tick" of a process on Linux, None elsewhere: with the pid, it names one process
    (a pid is given again once its process has gone; the pair is not)."""
    boot, stat = _boot_id(), _stat(pid)
    return f"{boot}:{stat[1]}" if boot and stat else None


def this_process() -> dict[str, Any]:
    """The columns a new run records about the process doing it."""
    pid = os.getpid()
    return {"pid": pid, "host": host(), "process_start": process_start(pid), "heartbeat_at": now()}


def process_gone(pid: int, start: str | None) -> bool:
    """Whether process `pid` of this machine, started at `start` (process_start), has ended."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # someone else's process: it exists
    stat = _stat(pid)
    if stat is None:
        return False  # no /proc: the pid exists, and that is all we can tell
    if stat[0] in ("Z", "X"):
        return True  # dead, waiting for its parent to collect it
    return start is not None and start != f"{_boot_id()}:{stat[1]}"


def is_stale(run: Mapping[str, Any], *, at: dt.datetime | None = None) -> bool:
    """Whether a run marked `running` is in fact no longer going (see the module docstring)."""
    if run["status"] != RUNNING:
        return False
    if run.get("pid") is not None and run.get("host") == host():
        return process_gone(run["pid"], run.get("process_start"))
    last = run.get("heartbeat_at") or run["started_at"]
    try:
        seen = dt.datetime.fromisoformat(last)
    except (TypeError, ValueError):
        return True
    if seen.tzinfo is None:
        seen = seen.replace(tzinfo=dt.timezone.utc)
    at = at or dt.datetime.now(dt.timezone.utc)
    return at - seen > dt.timedelta(minutes=limits.run_stale_minutes())


def status_of(run: Mapping[str, Any]) -> str:
    """The run's status as it stands: `interrupted` for a `running` run whose process is gone."""
    return INTERRUPTED if is_stale(run) else run["status"]


def stored(run_id: int | ColumnElement[Any]) -> Select[tuple[int]]:
    """The count of reports (first copies) a run stored, as the store holds them: `run_id` a run's
    id, or the runs table's id column for a count per run (correlated)."""
    a = s.articles.c
    return select(func.count()).select_from(s.articles).where(a.run_id == run_id, a.is_primary.is_(True))
