"""Runs name their process, so a run killed outright (kill -9) is told from one still going: real
processes here, started and killed by the test (the full `comity ingest` case is in test_faults.py)."""
from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys

import pytest
from sqlalchemy import update

import store_records as rec
from comity.query import list_runs
from comity.storage import Store
from comity.storage import runs
from comity.storage import schema as s


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as st:
        yield st


def sleeper() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])


def running(pid: int, **kw) -> dict:
    row = {"status": "running", "started_at": runs.now(), "pid": pid, "host": runs.host(),
           "process_start": runs.process_start(pid), "heartbeat_at": runs.now()}
    return {**row, **kw}


def test_runs_a_live_process_is_running_a_killed_one_is_not():
    proc = sleeper()
    try:
        row = running(proc.pid)
        assert not runs.is_stale(row)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert runs.is_stale(row) and runs.status_of(row) == "interrupted"
    finally:
        proc.kill()


def test_runs_a_killed_process_not_yet_collected_is_gone():
    proc = sleeper()
    try:
        row = running(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)  # dead, but still in the table: a zombie
        assert runs.is_stale(row)
    finally:
        proc.wait()


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="process start times come from /proc")
def test_runs_a_pid_given_to_another_process_is_not_the_run():
    proc = sleeper()
    try:
        assert not runs.is_stale(running(proc.pid))
        # the same pid, but a process started at another tick: the run's own process has gone
        assert runs.is_stale(running(proc.pid, process_start=f"{runs.process_start(proc.pid)}0"))
    finally:
        proc.kill()
        proc.wait()


def test_runs_of_another_machine_are_judged_by_their_heartbeat(monkeypatch):
    now = dt.datetime.now(dt.timezone.utc)
    ago = lambda minutes: (now - dt.timedelta(minutes=minutes)).isoformat(timespec="seconds")  # noqa: E731
    elsewhere = running(1, host="another-machine")
    assert not runs.is_stale({**elsewhere, "heartbeat_at": ago(5)})
    assert runs.is_stale({**elsewhere, "heartbeat_at": ago(61)})
    monkeypatch.setenv("COMITY_RUN_STALE_MINUTES", "180")
    assert not runs.is_stale({**elsewhere, "heartbeat_at": ago(61)})
    # a run stored before runs named their process: its start time only
    assert runs.is_stale({"status": "running", "started_at": ago(200), "pid": None, "host": None})
    assert not runs.is_stale({"status": "done", "started_at": ago(200), "pid": None, "host": None})


def test_runs_mark_interrupted_and_resume(store):
    proc = sleeper()
    try:
        mine = store.begin_run(["feed.jsonl"])
        assert store.run(mine)["pid"] == os.getpid() and store.run(mine)["resumes"] is None
        killed = store.begin_run(["feed.jsonl"])
        store.save([rec.vna()], run_id=killed)
        with store.write() as conn:  # as if another process, now killed, had begun it
            conn.execute(update(s.runs).where(s.runs.c.id == killed).values(
                pid=proc.pid, process_start=runs.process_start(proc.pid)))
        assert store.mark_interrupted() == []  # both processes live
        proc.kill()
        proc.wait()
        assert statuses(store) == ["interrupted", "running"]  # judged, not written
        [marked] = store.mark_interrupted()
        assert (marked["id"], marked["n_new"]) == (killed, 1)
        assert store.run(killed)["status"] == "interrupted" and store.run(mine)["status"] == "running"
        assert store.run(store.begin_run(["feed.jsonl"]))["resumes"] == killed
        assert store.run(store.begin_run(["other.jsonl"]))["resumes"] is None
        store.finish_run(mine)
        assert statuses(store, status="interrupted") == ["interrupted"]
        assert statuses(store, status="done") == ["done"]
    finally:
        proc.kill()
        proc.wait()


def statuses(store, **kw) -> list[str]:
    with store.read() as conn:
        return [r.status for r in list_runs(conn, **kw)]  # newest first
