"""`comity serve`: the analyst's web view over the store (FastAPI, server-rendered pages, SVG charts).

    from comity.web import create_app
    app = create_app("comity.db")        # or a Store, or a URL; every page also at /api/...
"""
from .app import create_app

__all__ = ["create_app"]
