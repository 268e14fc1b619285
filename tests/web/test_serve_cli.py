"""`comity serve` for real: the README's main command (`comity demo`) fills a store and says to serve it;
the command then serves it on 127.0.0.1 until stopped."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from comity.cli import app
from comity.cli.serve import _is_loopback

from .conftest import free_port

COMITY = [sys.executable, "-m", "comity"]


def test_serve_cli_help():
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "127.0.0.1", "read-only"):
        assert option in " ".join(result.stdout.split()).replace("Read-only", "read-only")


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)])
def test_serve_cli_loopback(host, loopback):
    assert _is_loopback(host) is loopback


def wait_for(url: str, proc: subprocess.Popen, seconds: float = 60) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return r.read()
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def serve(db: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.Popen([*COMITY, "serve", "--db", db, "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err


@pytest.mark.model
def test_serve_cli_after_demo(tmp_path):
    db = str(tmp_path / "demo.db")
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["demo", "-o", str(tmp_path / "s.jsonl"), "--db", db])
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert f"comity serve --db {db}" in said and "http://127.0.0.1:8000/" in said
    assert said.rstrip().endswith("http://127.0.0.1:8000/")  # the demo's last words
    port = free_port()
    proc = serve(db, port)
    try:
        overview = json.loads(wait_for(f"http://127.0.0.1:{port}/api/overview", proc))
        assert overview["counts"]["events"] > 10 and overview["dyads"]
        page = wait_for(f"http://127.0.0.1:{port}/", proc).decode()
        assert "Most active dyads" in page
    finally:
        err = stop(proc)
    assert f"http://127.0.0.1:{port}/" in " ".join(err.split()) and "read-only" in err


def test_serve_cli_empty_store_says_how_to_fill_it(tmp_path):
    port = free_port()
    proc = serve(str(tmp_path / "empty.db"), port)
    try:
        assert b"The store is empty" in wait_for(f"http://127.0.0.1:{port}/", proc)
    finally:
        err = " ".join(stop(proc).split())
    assert "the store is empty" in err and "comity demo" in err
    assert Path(tmp_path / "empty.db").exists()
