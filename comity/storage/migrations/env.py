"""Alembic environment: migrates the connection that `comity.storage.migrate` hands over,
or the URL in $COMITY_DB when run from the alembic command line."""
from __future__ import annotations

from alembic import context

from comity.storage.engine import make_engine, resolve_url
from comity.storage.migrate import include_object
from comity.storage.schema import metadata

config = context.config


def run(connection) -> None:  # type: ignore[no-untyped-def]
    # render_as_batch: SQLite cannot ALTER most things; batch mode rebuilds the table instead
    context.configure(connection=connection, target_metadata=metadata, include_object=include_object,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    with make_engine(resolve_url(None)).connect() as conn:
        run(conn)
