"""Alembic migrations of the store, run by `comity.storage.migrate` (no alembic.ini needed).

To add a revision after changing `schema.py`:
    alembic -c comity/storage/migrations/alembic.ini revision --autogenerate -m "what changed"
then read and edit the script: autogenerate misses FTS tables and expression indexes.
"""
