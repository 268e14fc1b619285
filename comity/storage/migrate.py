"""Bring a store's schema up to date with Alembic, without an alembic.ini.

`open_store` calls `ensure_current`: a store at head is only read (so a reader never waits
for a writer's lock), an older one is upgraded in one transaction, and one from a newer
comity is refused rather than damaged.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from ..errors import Errors, StoreError
from .engine import display_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
PG_LOCK_ID = 0x636F6D69  # "comi": serialises concurrent migrations on one PostgreSQL database


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """For autogenerate: the full-text objects of 0002 (FTS5 tables, the GIN index) are made by
    hand in their migration and have no place in schema.py."""
    return not (name or "").startswith(("article_fts", "ix_articles_fts"))


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}


def current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the store to `revision` ("head" by default) in one transaction."""
    with engine.connect() as conn:
        conn.info["write"] = True
        try:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": PG_LOCK_ID})
                config = _config()
                config.attributes["connection"] = conn
                command.upgrade(config, revision)
        finally:
            conn.info["write"] = False


def ensure_current(engine: Engine) -> None:
    with engine.connect() as conn:
        found = current(conn)
    if found == head():
        return
    if found is not None and found not in known_revisions():
        raise StoreError(Errors.E203.format(url=display_url(str(engine.url)), found=found, known=head()))
    upgrade(engine)
