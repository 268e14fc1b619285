"""The routes: each page (HTML) beside its JSON twin under /api/, both over one pages.py function."""
from . import agreements, alerts, dyads, events, overview, persons, reports, rules

ROUTERS = [overview.router, dyads.router, events.router, agreements.router, persons.router, reports.router,
           rules.router, alerts.router]
FEEDS = [alerts.feed_router]  # not pages (no JSON twin): the Atom feed

__all__ = ["FEEDS", "ROUTERS"]
