"""Which database, and how to talk to it: the URL rules and the SQLite pragmas.

A store is named by `--db` or `$COMITY_DB`, either a SQLAlchemy URL
(`postgresql+psycopg://user@host/db`, `sqlite:///path.db`) or a plain file path. With
neither, comity uses the embedded SQLite store at `$XDG_DATA_HOME/comity/comity.db`
(`~/.local/share/comity/comity.db`), so `comity ingest` and `comity events` find the
same store with no options.
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..errors import Errors, StoreError

ENV_VAR = "COMITY_DB"
BUSY_TIMEOUT_MS = 30_000  # a reader or second writer waits this long for a lock, not forever


def default_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "comity" / "comity.db"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL for `db`, `$COMITY_DB`, or the default SQLite file, in that order."""
    given = str(db) if db is not None else os.environ.get(ENV_VAR) or ""
    if not given:
        return f"sqlite:///{default_path()}"
    if "://" not in given:
        return f"sqlite:///{Path(given).expanduser()}"
    if given.startswith(("postgresql://", "postgres://")):
        # the URL people copy from psql; comity's driver is psycopg 3
        given = "postgresql+psycopg://" + given.split("://", 1)[1]
    return given


def display_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL (readers go on while a writer writes)."""
    try:
        parsed = make_url(url)
    except ArgumentError as e:
        raise StoreError(Errors.E201.format(url=url)) from e
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    raise StoreError(Errors.E201.format(url=display_url(url)))


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # pysqlite's own transaction handling is switched off so that BEGIN comes from
    # _sqlite_begin: SQLAlchemy's documented recipe for correct SQLite transactions
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no committed batch
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(connection) -> None:  # type: ignore[no-untyped-def]
    # IMMEDIATE takes the write lock up front, so two writers queue instead of deadlocking
    # on a lock upgrade; a plain read in WAL mode never waits for it
    connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.info.get("write") else "BEGIN")
