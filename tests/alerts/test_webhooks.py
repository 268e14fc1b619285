"""Alerts POSTed to their rules' webhooks (issue 18): a real HTTP receiver on loopback that refuses the
first tries, the CLI over a real SQLite store, and the retry that delivers each alert exactly once."""
from __future__ import annotations

import datetime as dt
import json
import socket
import sqlite3
from http.server import BaseHTTPRequestHandler

import pytest
import store_records as rec
from cli_run import invoker, said
from conftest import loopback_http
from typer.testing import CliRunner

from comity.alert_rules import parse_rules
from comity.errors import AlertRuleError
from comity.model import result_to_json
from comity.storage.store import Store
from comity.retry import delay as retry_delay
from comity.webhooks import deliver

invoke = invoker(CliRunner(env={"COLUMNS": "200"}))


class Receiver:
    def __init__(self) -> None:
        self.bodies: list[dict] = []
        self.fail_next = 0  # answer 500 to this many POSTs first
        self.url = ""


@pytest.fixture
def receiver():
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if state.fail_next:
                state.fail_next -= 1
                self.send_response(500)
            else:
                state.bodies.append(json.loads(body))
                self.send_response(204)
            self.end_headers()

    with loopback_http(Handler) as base:
        state.url = f"{base}/hook"
        yield state


@pytest.fixture
def records(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(result_to_json(r) + "\n" for r in rec.all_results()), encoding="utf-8")
    return path


def delivery(db) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT delivery, delivery_attempts, delivery_error FROM alerts ORDER BY id").fetchall()


def test_alerts_reach_the_webhook_after_a_failure_exactly_once(receiver, records, tmp_path):
    db = str(tmp_path / "a.db")
    invoke("alerts", "add", "--name", "vnm-lao", "--dyad", "VNM", "LAO", "--on", "agreement",
           "--webhook", receiver.url, "--db", db)
    assert f"-> POST {receiver.url}" in " ".join(invoke("alerts", "rules", "--db", db).stdout.split())
    receiver.fail_next = 1_000  # the receiver is down
    first = invoke("ingest", "--records", str(records), "--db", db)
    assert f"to {receiver.url}: HTTP 500; kept, to be retried" in said(first)
    states = delivery(db)
    assert states and all(s == ("pending", 1, "HTTP 500") for s in states)
    assert receiver.bodies == []

    receiver.fail_next = 0  # up again, but the alerts wait their minute
    waiting = invoke("alerts", "deliver", "--db", db)
    assert f"0 alert(s) delivered, 0 failed, {len(states)} waiting to be retried" in said(waiting)
    assert receiver.bodies == []

    with sqlite3.connect(db) as conn:  # the minute has passed
        conn.execute("UPDATE alerts SET delivery_after = '2000-01-01T00:00:00+00:00'")
    sent = invoke("alerts", "deliver", "--db", db)
    assert f"{len(states)} alert(s) delivered, 0 failed" in said(sent)
    assert delivery(db) == [("delivered", 2, None)] * len(states)
    listed = json.loads(invoke("alerts", "--db", db, "--json").stdout)
    assert sorted(b["id"] for b in receiver.bodies) == sorted(a["id"] for a in listed)
    body = receiver.bodies[0]
    assert body["event"] == "comity.alert" and body["rule"] == "vnm-lao" and body["kind"] == "agreement"
    assert body["evidence"] and body["delivery"] == "pending"  # the alert as it stood when sent

    invoke("alerts", "deliver", "--db", db)
    invoke("ingest", "--records", str(records), "--db", db)  # the same reports again: no new alert
    assert len(receiver.bodies) == len(states)


def test_a_webhook_nobody_listens_on_keeps_the_alert_and_backs_off(records, tmp_path):
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/hook"
    db = tmp_path / "b.db"
    invoke("alerts", "add", "--name", "any-vnm", "--country", "VNM", "--on", "meeting", "--webhook", url,
           "--db", str(db))
    invoke("ingest", "--records", str(records), "--db", str(db), "-q")
    store = Store.open(db)
    try:
        later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)
        again = deliver(store, now=later, timeout=2)
        assert again.delivered == 0 and again.failed
        assert all(reason.startswith("ConnectError") for _, _, reason in again.failed)
        with sqlite3.connect(db) as conn:
            after = {r[0] for r in conn.execute("SELECT delivery_after FROM alerts")}
        assert after == {(later + dt.timedelta(seconds=retry_delay(2))).isoformat(timespec="seconds")}
    finally:
        store.close()
    assert retry_delay(1) == 60 and retry_delay(2) == 120 and retry_delay(30) == 6 * 3600


def test_a_webhook_must_be_an_http_url():
    with pytest.raises(AlertRuleError) as caught:
        parse_rules("- name: x\n  on: [meeting]\n  webhook: ftp://example.org/in\n", "alerts.yaml")
    assert "alerts.yaml:3" in str(caught.value) and "http(s) URL" in str(caught.value)
    (rule,) = parse_rules("- name: x\n  on: [meeting]\n  webhook: https://example.org/in\n", "alerts.yaml")
    assert rule.webhook == "https://example.org/in"


def test_alerts_of_a_rule_whose_webhook_was_taken_away_are_not_waited_for(receiver, records, tmp_path):
    db = tmp_path / "c.db"
    invoke("alerts", "add", "--name", "vnm-lao", "--dyad", "VNM", "LAO", "--on", "agreement",
           "--webhook", receiver.url, "--db", str(db))
    receiver.fail_next = 1_000
    invoke("ingest", "--records", str(records), "--db", str(db), "-q")
    invoke("alerts", "add", "--name", "vnm-lao", "--dyad", "VNM", "LAO", "--on", "agreement", "--db", str(db))
    store = Store.open(db)
    try:
        later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)
        done = deliver(store, now=later)
    finally:
        store.close()
    assert (done.delivered, done.failed, done.waiting) == (0, [], 0)
    assert receiver.bodies == []
