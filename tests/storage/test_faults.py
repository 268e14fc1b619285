"""Faults, with real processes: `comity ingest` killed with SIGKILL midway leaves whole batches only,
the run is then seen as interrupted (its process is gone), and running it again resumes it and gives
exactly a clean run's store; queries go on while an ingest writes."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

import store_records as rec
from comity.model import result_to_json
from comity.query import EventFilter, count_events, list_events, search
from comity.storage import Store

BATCH = 25
N = 800  # reports: a few seconds of ingest, long enough to kill it midway


def ingest(db: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "comity", "ingest", "--db", db, "--batch-size", str(BATCH), "-q",
                             *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen) -> None:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err


@pytest.fixture(scope="module")
def records_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("records") / "many.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for result in rec.synthetic(N, seed=7):
            f.write(result_to_json(result) + "\n")
    return path


def consistent(store: Store) -> dict[str, int]:
    """The store's invariants; returns its counts."""
    def scalar(sql: str) -> int:
        with store.read() as conn:
            return conn.execute(text(sql)).scalar()

    assert scalar("SELECT count(*) FROM events e WHERE NOT EXISTS "
                  "(SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)") == 0
    assert scalar("SELECT count(*) FROM events e WHERE num_mentions <> "
                  "(SELECT count(*) FROM event_mentions m WHERE m.event_id = e.id)") == 0
    assert scalar("SELECT count(*) FROM agreements a WHERE NOT EXISTS "
                  "(SELECT 1 FROM agreement_observations o WHERE o.agreement_id = a.id)") == 0
    assert scalar("SELECT count(*) FROM persons p WHERE NOT EXISTS "
                  "(SELECT 1 FROM person_observations o WHERE o.person_id = p.id)") == 0
    assert scalar("SELECT count(*) FROM stories s WHERE NOT EXISTS "
                  "(SELECT 1 FROM articles a WHERE a.story_id = s.id)") == 0
    if store.dialect == "sqlite":
        with store.read() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    return store.counts()


def wait_for(store: Store, proc: subprocess.Popen, articles: int, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while store.counts()["articles"] < articles:
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline
        time.sleep(0.05)


@pytest.fixture(scope="module")
def clean_counts(records_file, tmp_path_factory) -> dict[str, int]:
    """A clean, uninterrupted run of the same records (in this process: faster, same code)."""
    from comity.storage.batches import ingest_results, read_records

    with Store.open(tmp_path_factory.mktemp("clean") / "clean.db") as clean:
        ingest_results(clean, read_records([records_file]), batch_size=BATCH)
        return consistent(clean)


def test_faults_kill_9_then_rerun_equals_clean_run(db_url, records_file, clean_counts):
    assert clean_counts["articles"] == N
    proc = ingest(db_url, "--records", str(records_file))
    with Store.open(db_url) as store:
        wait_for(store, proc, 4 * BATCH)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
        killed = consistent(store)
        assert 0 < killed["articles"] < N
        assert killed["articles"] % BATCH == 0  # whole batches only
        with store.read() as conn:
            assert conn.execute(text("SELECT status FROM runs")).scalar() == "running"  # nothing could mark it
        # `comity runs` sees that its process is gone, without writing
        listed = subprocess.run([sys.executable, "-m", "comity", "runs", "--db", db_url, "--json"],
                                capture_output=True, text=True, timeout=120)
        assert listed.returncode == 0, listed.stderr
        [shown] = json.loads(listed.stdout)
        assert (shown["status"], shown["pid"], shown["stored"]) == ("interrupted", proc.pid, killed["articles"])
        rerun = ingest(db_url, "--records", str(records_file))
        _, said = rerun.communicate(timeout=600)
        assert rerun.returncode == 0, said
        assert "run 1 " in said and "was interrupted" in said
        assert consistent(store) == clean_counts
        with store.read() as conn:
            runs = conn.execute(text("SELECT id, status, n_new, n_known, resumes FROM runs ORDER BY id")).all()
        # the killed run is marked so, with what it stored; the second takes it up and skips that
        assert [tuple(r) for r in runs] == [(1, "interrupted", killed["articles"], 0, None),
                                            (2, "done", N - killed["articles"], killed["articles"], 1)]


def test_faults_read_while_ingest_writes(db_url, records_file):
    proc = ingest(db_url, "--records", str(records_file))
    seen: list[int] = []
    with Store.open(db_url) as store:
        wait_for(store, proc, BATCH)
        while proc.poll() is None:
            with store.read() as conn:
                n = count_events(conn)
                rows = list_events(conn, EventFilter.parse(dyad="VNM-LAO", limit=5))
                assert all(r.mentions >= 1 for r in rows)
                search(conn, "officials")
            seen.append(n)
            cli = subprocess.run([sys.executable, "-m", "comity", "events", "--db", db_url, "--json", "-n", "3"],
                                 capture_output=True, text=True, timeout=120)
            assert cli.returncode == 0, cli.stderr
        finish(proc)
        final = store.counts()["events"]
    assert len(seen) >= 2 and seen == sorted(seen) and seen[-1] <= final


@pytest.mark.model
def test_faults_kill_9_text_ingest_with_model(shared, tmp_path):
    """The real thing: reports extracted by the model, killed mid-run, re-run."""
    reports = tmp_path / "reports"
    reports.mkdir()
    sources = sorted((shared / "dev").glob("dev-*.txt"))
    for i in range(48):  # distinct reports: each a dev report with a line of its own
        src = sources[i % len(sources)]
        (reports / f"{i:02d}-{src.name}").write_text(src.read_text(encoding="utf-8") + f"\n\nRef. {i}.",
                                                     encoding="utf-8")
    clean_url, url = f"sqlite:///{tmp_path / 'clean.db'}", f"sqlite:///{tmp_path / 'killed.db'}"
    global BATCH
    old, BATCH = BATCH, 4
    try:
        finish(ingest(clean_url, str(reports)))
        proc = ingest(url, str(reports))
        with Store.open(url) as store:
            wait_for(store, proc, 8)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            killed = consistent(store)
            assert killed["articles"] % 4 == 0 and killed["articles"] < 48
            finish(ingest(url, str(reports)))
            after = consistent(store)
        with Store.open(clean_url) as clean:
            assert after == consistent(clean)
    finally:
        BATCH = old
