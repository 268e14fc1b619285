"""What every route needs: the app's store, a read-only connection, and the page renderer.

Nothing here is global: the store, the templates and the settings hang on `app.state`,
set by `create_app`, so two apps over two stores live side by side (as the tests do).
"""
from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from ..storage import Store

T = TypeVar("T")

# the regular expressions the API's parameters are checked against (and documented with);
# an empty value, as an HTML form sends for an empty field, means "not given"
# a state is a name, an alias or an ISO alpha-3 code (comity.query.resolve_country: 404 when unknown);
# a dyad is two, split by "-", "," or a space: "VNM-LAO", "Vietnam-Laos", "Viet Nam, Laos"
DYAD = r"^$|^[\w .'’()-]{2,60}[-, ][\w .'’()-]{2,60}$"
COUNTRY = r"^$|^[\w .'’()-]{2,60}$"
EVENT_TYPE = r"^$|^[0-9]{2,4}$|^[A-Za-z_]{2,20}$"
DATE = r"^$|^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"  # 2025-02-30 passes: a 400
MAX_ID = 2**63 - 1  # the largest integer key SQLite and PostgreSQL hold


def get_store(request: Request) -> Store:
    return request.app.state.store


@contextmanager
def read_only(store: Store) -> Iterator[Connection]:
    """A connection the database itself will not let write: SQLite's query_only pragma (reset
    before the connection goes back to the pool), PostgreSQL's read-only transactions."""
    with store.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA query_only = 1")
            try:
                yield conn
            finally:
                conn.rollback()
                conn.exec_driver_sql("PRAGMA query_only = 0")
        else:
            yield conn.execution_options(postgresql_readonly=True)


def build(request: Request, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
    """Run a page function (pages.py) on a read-only connection to the app's store."""
    with read_only(get_store(request)) as conn:
        return fn(conn, *args, **kw)


class PageCache:
    """The last CACHE_SIZE page contexts that are costly to build (the overview, dyads), each kept
    with the store version it was built from (`views.store_version`): a page is rebuilt as soon as
    the store changes. One per app (app.state.cache); contexts are frozen, so sharing them is safe."""

    def __init__(self, size: int = 128):
        self.size = size
        self.items: OrderedDict[Any, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        return None

    def put(self, key: Any, value: Any) -> None:
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)


def build_cached(request: Request, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
    """`build`, remembered until the store changes."""
    from ..query.views import store_version

    cache: PageCache = request.app.state.cache
    with read_only(get_store(request)) as conn:
        key = (fn.__name__, args, tuple(sorted(kw.items())), store_version(conn))
        found = cache.get(key)
        if found is None:
            found = fn(conn, *args, **kw)
            cache.put(key, found)
        return found


def render(request: Request, template: str, context: Any, *, status_code: int = 200, **extra: Any) -> HTMLResponse:
    env = request.app.state.templates
    html = env.get_template(template).render(request=request, ctx=context, **extra)
    return HTMLResponse(html, status_code=status_code)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean(value: str | None) -> str | None:
    """A free-text value without control characters (which no report contains and PostgreSQL refuses)."""
    if value is None:
        return None
    value = _CONTROL.sub(" ", value)
    value = "".join(c for c in value if unicodedata.category(c) not in ("Cs", "Co", "Cn"))
    return " ".join(value.split()) or None
