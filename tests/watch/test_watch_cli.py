"""`comity watch --once` against a real HTTP server on loopback, and on a folder (issue 18)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.cli_run import invoker, said

invoke = invoker(CliRunner(env={"COLUMNS": "200"}))


def stored(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT origin FROM articles"))


def table(db: Path, name: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]


def stored_count(db: Path) -> int:
    """Articles stored so far by a watcher still running: 0 while it has not yet made the store's
    tables (the file may exist before they do)."""
    try:
        return table(db, "articles") if db.exists() else 0
    except sqlite3.OperationalError:
        return 0


def test_feeds_once_then_nothing_new(server, tmp_path):
    db = tmp_path / "w.db"
    sources = tmp_path / "watch.yaml"
    sources.write_text(f"- {{feed: {server.base}/broken.xml, every: 15m}}\n"
                       f"- {{feed: {server.base}/atom.xml}}\n"
                       f"- {{feed: {server.base}/garbled.xml}}\n")
    first = invoke("watch", "--once", f"{server.base}/rss.xml", "--sources", str(sources), "--db", str(db),
                   ok=False)
    assert first.exit_code == 3, first.stderr  # a source failed; the others were read
    text = said(first)
    assert f"{server.base}/broken.xml: HTTP 500" in text
    assert f"{server.base}/news/missing.html: HTTP 404" in text
    assert "disallowed by robots.txt" in text
    assert f"{server.base}/garbled.xml: not an RSS or Atom feed" in text
    assert stored(db) == [f"{server.base}/news/cambodia-thailand.html",
                          f"{server.base}/news/vietnam-laos.html"]
    assert table(db, "meetings") >= 1 and table(db, "agreements") >= 1
    assert server.count("/private/secret.html") == 0
    assert all(agent.startswith("comity/") for agent in server.agents)
    counts = {t: table(db, t) for t in ("articles", "events", "meetings", "agreements", "persons")}

    hits = len(server.hits)
    second = invoke("watch", "--once", f"{server.base}/rss.xml", "--sources", str(sources), "--db", str(db),
                    ok=False)
    assert {t: table(db, t) for t in counts} == counts
    assert "0 new page(s) or file(s) read: 0 stored" in said(second)
    again = server.hits[hits:]
    assert not [h for h in again if h.startswith("/news/")]  # no page fetched twice, not even the 404
    assert "/rss.xml" in again  # polled again, answered 304 (its ETag was kept)
    # the failing feed is not fetched again at once: it waits a minute after its first failure
    assert second.exit_code == 3
    assert f"{server.base}/broken.xml: failed 1 time(s) in a row (last: HTTP 500" in said(second)
    assert "(2 waiting after failures)" in said(second)  # broken.xml and garbled.xml
    assert "/broken.xml" not in again


def test_alerts_as_ingest_raises_them(server, tmp_path):
    db = tmp_path / "w.db"
    rules = tmp_path / "alerts.yaml"
    rules.write_text("- name: vnm-lao\n  dyad: [VNM, LAO]\n  on: [agreement, meeting]\n")
    invoke("watch", "--once", f"{server.base}/rss.xml", "--alerts", str(rules), "--db", str(db), ok=False)
    n = table(db, "alerts")
    assert n >= 1
    invoke("watch", "--once", f"{server.base}/rss.xml", "--db", str(db), ok=False)
    assert table(db, "alerts") == n


def test_folder_new_file_next_round(tmp_path):
    db, folder = tmp_path / "w.db", tmp_path / "inbox"
    folder.mkdir()
    (folder / "one.txt").write_text("HANOI, May 3 (VNA) - Vietnam and Laos signed an agreement on trade in "
                                    "Hanoi on Saturday.\n")
    first = invoke("watch", "--once", str(folder), "--db", str(db))
    assert "1 stored" in said(first)
    assert table(db, "articles") == 1
    invoke("watch", "--once", str(folder), "--db", str(db))
    assert table(db, "articles") == 1
    (folder / "two.txt").write_text("PHNOM PENH, May 4 (AKP) - Cambodian Prime Minister Hun Manet met Thai "
                                    "Prime Minister Srettha Thavisin in Phnom Penh on Sunday.\n")
    third = invoke("watch", "--once", str(folder), "--db", str(db))
    assert "1 new page(s) or file(s) read: 1 stored" in said(third)
    assert table(db, "articles") == 2


@pytest.mark.parametrize("text, where, what", [
    ("- {feed: ftp://x/y}\n", ":1", "not an http(s) URL"),
    ("- {folder: a}\n- {feed: http://x/f, every: soon}\n", ":2", "not a duration"),
    ("- {folder: a}\n-  folder: b\n   colour: red\n", ":3", "unknown key 'colour'"),
    ("- {feed: http://x/f, folder: a}\n", ":1", "exactly one of"),
    ("feed: http://x/f\n", ":1", "expected a list"),
])
def test_sources_file_errors_name_file_and_line(tmp_path, text, where, what):
    sources = tmp_path / "watch.yaml"
    sources.write_text(text)
    result = invoke("watch", "--once", "--sources", str(sources), "--db", str(tmp_path / "w.db"), ok=False)
    assert result.exit_code == 2
    assert f"{sources}{where}: " in said(result) and what in said(result)


def test_without_once_runs_until_sigterm(tmp_path):
    """The loop polls the folder on its interval, picks up a file written meanwhile, and stops cleanly on
    SIGTERM (exit 0, the run marked done)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    db, folder = tmp_path / "w.db", tmp_path / "inbox"
    folder.mkdir()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen([sys.executable, "-m", "comity", "watch", str(folder), "--every", "1s",
                             "--db", str(db)], env=env, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3)
        (folder / "a.txt").write_text("HANOI, May 3 (VNA) - Vietnam and Laos signed an agreement on trade in "
                                      "Hanoi on Saturday.\n")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and stored_count(db) < 1:
            time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, stderr
    assert table(db, "articles") == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status FROM runs ORDER BY id DESC").fetchone()[0] == "done"


def test_a_page_that_failed_for_now_is_fetched_next_round(server, tmp_path):
    """A 5xx page is retried next round, even though its feed has not changed (its ETag is not kept)."""
    db = tmp_path / "w.db"
    server.flaky.add("/news/vietnam-laos.html")
    first = invoke("watch", "--once", f"{server.base}/rss.xml", "--db", str(db), ok=False)
    assert "vietnam-laos.html: HTTP 503" in said(first)
    assert stored(db) == []
    server.flaky.clear()
    invoke("watch", "--once", f"{server.base}/rss.xml", "--db", str(db), ok=False)
    assert stored(db) == [f"{server.base}/news/vietnam-laos.html"]
    assert server.count("/news/missing.html") == 1  # the 404 is not fetched again


def test_sigkill_mid_round_then_restart_loses_and_repeats_nothing(tmp_path):
    """`kill -9` while the watcher works through a folder; the next round stores the rest: every report
    once, and as many alerts as one uninterrupted round over the same folder raises."""
    import os
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "inbox"
    folder.mkdir()
    leaders = [("Vietnamese", "Laos", "Lao"), ("Cambodian", "Thailand", "Thai"), ("Malaysian", "Indonesia",
               "Indonesian"), ("Philippine", "Japan", "Japanese"), ("Singaporean", "India", "Indian")]
    for n in range(20):
        nat, country, other = leaders[n % len(leaders)]
        (folder / f"r{n:02d}.txt").write_text(
            f"HANOI, May {n + 1} (VNA) - The {nat} defence minister met his {other} counterpart on "
            f"{['Monday', 'Tuesday', 'Wednesday', 'Thursday'][n % 4]} and the two signed a memorandum "
            f"of understanding on cooperation in search and rescue number {n}.\n")
    rules = tmp_path / "alerts.yaml"
    rules.write_text("- name: meetings\n  on: [meeting, agreement]\n  country: VNM\n"
                     "- name: all-agreements\n  on: [agreement]\n  country: THA\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}

    killed = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-m", "comity", "watch", str(folder), "--every", "1h",
                             "--alerts", str(rules), "--db", str(killed)], env=env,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and stored_count(killed) < 3:
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    before = stored_count(killed)
    assert 3 <= before < 20, before  # killed mid-round
    invoke("watch", "--once", str(folder), "--db", str(killed))
    whole = tmp_path / "whole.db"
    invoke("watch", "--once", str(folder), "--alerts", str(rules), "--db", str(whole))

    def facts(db: Path) -> dict[str, object]:
        with sqlite3.connect(db) as conn:
            return {
                "inputs": sorted(r[0] for r in conn.execute("SELECT input_id FROM articles")),
                "alerts": sorted(conn.execute("SELECT r.name, a.kind, a.summary FROM alerts a "
                                              "JOIN alert_rules r ON r.id = a.rule_id").fetchall()),
                "items": conn.execute("SELECT count(*) FROM watch_items").fetchone()[0],
            }
    after, reference = facts(killed), facts(whole)
    assert len(after["inputs"]) == 20 and len(set(after["inputs"])) == 20
    assert after == reference
    assert reference["alerts"]  # the rules did raise alerts, so equality says something
