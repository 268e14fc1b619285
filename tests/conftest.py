"""Fixtures shared by every test: the real pipeline (session-wide), paths to shared data."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"../shared is not beside the checkout ({SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    """comity's pipeline on the real spaCy model (loaded once for the whole session)."""
    from comity.pipeline import Pipeline

    return Pipeline()


# ---- the store: SQLite and a real PostgreSQL (issue 6) ------------------------------------------------

PG_BIN = Path("/usr/lib/postgresql/15/bin")


@pytest.fixture(autouse=True)
def _no_default_store(tmp_path_factory, monkeypatch):
    """No test writes to the user's default store (~/.local/share/comity): COMITY_DB points to a temp file."""
    monkeypatch.setenv("COMITY_DB", str(tmp_path_factory.mktemp("default-store") / "comity.db"))


@pytest.fixture(scope="session")
def postgres_server():
    """Debian's PostgreSQL 15 in a throwaway data dir on a free port (STACK.md); yields its base URL.

    Skipped where PostgreSQL is not installed, except in CI (CI=true), where that is a failure:
    .ci/run installs it."""
    import os
    import shutil
    import socket
    import subprocess
    import tempfile

    if not (PG_BIN / "pg_ctl").exists():
        message = f"PostgreSQL 15 is not installed ({PG_BIN}/pg_ctl): apt-get install -y postgresql"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    root = Path(tempfile.mkdtemp(prefix="comity-pg-"))
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []  # initdb refuses root
    if as_postgres:
        shutil.chown(root, "postgres", "postgres")
    root.chmod(0o700)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = lambda *args: subprocess.run([*as_postgres, *args], check=True, capture_output=True)  # noqa: E731
    run(str(PG_BIN / "initdb"), "-D", str(root / "data"), "-U", "app", "--auth=trust", "-E", "UTF8",
        "--locale=C.UTF-8")
    # durability off: a test server, thrown away afterwards
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off " \
              "-c full_page_writes=off"
    run(str(PG_BIN / "pg_ctl"), "-D", str(root / "data"), "-l", str(root / "log"), "-o", options, "-w", "start")
    try:
        yield f"postgresql+psycopg://app@127.0.0.1:{port}"
    finally:
        subprocess.run([*as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate",
                        "-w", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


_pg_databases = iter(range(1, 1_000_000))


def new_postgres_database(server: str, template: str | None = None) -> str:
    """A fresh database on the test server (empty, or a copy of `template`); returns its URL."""
    import psycopg

    name = f"t{next(_pg_databases)}"
    with psycopg.connect(server.replace("postgresql+psycopg", "postgresql") + "/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return f"{server}/{name}"


def backend_url(request, tmp_path_factory, name: str) -> str:
    """For a fixture parametrized over ["sqlite", "postgresql"]: an empty store's URL on that backend,
    a SQLite file in a temp folder named `name`, or a fresh database on the PostgreSQL test server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp(name) / 'comity.db'}"
    return new_postgres_database(request.getfixturevalue("postgres_server"),
                                 template=request.getfixturevalue("postgres_template"))


@pytest.fixture(scope="session")
def postgres_template(postgres_server) -> str:
    """A database migrated to the current schema, copied for each test (CREATE DATABASE ... TEMPLATE
    is much faster than running the migrations every time)."""
    from comity.storage import Store

    url = new_postgres_database(postgres_server)
    Store.open(url).close()
    return url.rsplit("/", 1)[1]


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """An empty store's URL: a SQLite file, then a database on the real PostgreSQL test server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'comity.db'}"
    return new_postgres_database(request.getfixturevalue("postgres_server"),
                                 template=request.getfixturevalue("postgres_template"))


@contextmanager
def loopback_http(handler: type) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 (any free port) answering with `handler`, in a thread, for the
    length of the block; yields its base URL. The watcher's and the webhooks' tests talk to it."""
    import threading
    from http.server import ThreadingHTTPServer

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
