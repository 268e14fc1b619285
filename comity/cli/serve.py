"""`comity serve`: the web view over the store (a thin shell over comity.web)."""
from __future__ import annotations

import ipaddress
from typing import List, Optional

import typer
from rich.markup import escape

from ._store import db_option, err, opened

LOOPBACK_HINT = ("it has no login and shows the whole store: bind to another address only on a network "
                 "you trust")


def serve_cmd(
    db: Optional[str] = db_option(),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. The default answers only this "
                                                         "machine; 0.0.0.0 answers every network it is on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    allowed_host: Optional[List[str]] = typer.Option(
        None, "--allowed-host", metavar="NAME",
        help="A host name the server answers to besides its IP addresses and localhost (repeatable), e.g. "
             "the machine's name on your network. Requests for any other name get 400: this stops other "
             "web sites from reading the store through your browser (DNS rebinding)."),
) -> None:
    """Serve the analyst's web view of the store: overview, dyads, agreements, people, reports, events.

    Read-only: no page changes the store. Every page has a JSON twin under /api/ (schema at
    /openapi.json, browsable at /api/docs). Stop with Ctrl+C.
    """
    import uvicorn

    from ..web import create_app

    with opened(db) as store:
        app = create_app(store, allowed_hosts=tuple(allowed_host or ()))
        shown = f"[{host}]" if ":" in host else host
        err.print(f"comity serving [bold]{escape(store.url)}[/bold] (read-only) at "
                  f"[bold]{escape(f'http://{shown}:{port}/')}[/bold]; Ctrl+C to stop", soft_wrap=True)
        if not _is_loopback(host):
            err.print(f"[yellow]warning[/yellow] listening on {escape(host)}: {LOOPBACK_HINT}",
                      soft_wrap=True)
        if not store.counts().get("articles"):
            err.print("the store is empty: fill it with `comity ingest PATH...`, or see the samples with "
                      "`comity demo` then `comity serve --db comity-out/demo.db`", soft_wrap=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
