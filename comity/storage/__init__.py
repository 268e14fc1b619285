"""The store: SQLite by default, PostgreSQL by URL; schema migrated by Alembic on open.

    from comity.storage import Store
    with Store.open("comity.db") as store:       # or a URL, or None: $COMITY_DB / the default file
        store.save(results)
"""
from .engine import default_path, display_url, resolve_url
from .store import SaveCount, Store

__all__ = ["SaveCount", "Store", "default_path", "display_url", "open_store", "resolve_url"]


def open_store(db: str | None = None) -> Store:
    return Store.open(db)
