"""The routes: each page (HTML) beside its JSON twin under /api/, both over one pages.py function."""
from . import agreements, dyads, events, overview, persons, reports, rules

ROUTERS = [overview.router, dyads.router, events.router, agreements.router, persons.router, reports.router,
           rules.router]

__all__ = ["ROUTERS"]
