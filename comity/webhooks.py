"""Alerts POSTed to the webhooks of their rules (issue 18; docs/alerts.md).

An alert of a rule with `webhook: URL` is stored "pending" in the transaction that raises it
(storage.alerts.evaluate); `deliver` sends the pending ones, after the ingest has committed, as one
JSON object each (the alert as `comity alerts --json` prints it, with `"event": "comity.alert"`).
An answer 2xx makes it "delivered"; anything else (a refused connection, a timeout, a 500) is
counted on the alert with its reason, and the alert waits before the next try: 1 min after the first
failure, doubling, at most 6 h. Nothing is dropped: an alert stays pending, with its last error, until
its webhook takes it. `comity ingest` and `comity watch` call `deliver` after each run or round;
`comity alerts deliver` sends what is due at any time.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select, update

from . import retry
from .about import __version__
from .storage import schema as s
from .storage.store import Store

TIMEOUT = 10.0  # seconds per POST
BATCH = 200  # alerts read per query


@dataclass
class DeliveryCount:
    delivered: int = 0
    failed: list[tuple[int, str, str]] = field(default_factory=list)  # (alert id, URL, reason)
    waiting: int = 0  # pending alerts not yet due again


Post = Callable[[str, bytes], int]  # (url, body) -> HTTP status; raises on a transport error


def payload(alert: object) -> bytes:
    return json.dumps({"event": "comity.alert", "comity": __version__, **dataclasses.asdict(alert)},
                      ensure_ascii=False).encode("utf-8")


def _httpx_post(timeout: float) -> tuple[Post, Callable[[], None]]:
    import httpx

    client = httpx.Client(timeout=timeout, follow_redirects=False,
                          headers={"User-Agent": f"comity/{__version__} (alert webhook)",
                                   "Content-Type": "application/json"})
    return (lambda url, body: client.post(url, content=body).status_code), client.close


def deliver(store: Store, *, post: Post | None = None, now: dt.datetime | None = None,
            timeout: float = TIMEOUT) -> DeliveryCount:
    """POST every pending alert that is due; returns what was delivered, what failed and why."""
    from .query.alerts import alerts_by_id

    now = now or dt.datetime.now(dt.timezone.utc)
    stamp = now.isoformat(timespec="seconds")
    a, r = s.alerts.c, s.alert_rules.c
    count = DeliveryCount()
    with store.read() as conn:
        pending = conn.execute(  # a rule whose webhook was since taken away (NULL or ""): nothing to send
            select(a.id, r.webhook, a.delivery_attempts, a.delivery_after)
            .join(s.alert_rules, r.id == a.rule_id)
            .where(a.delivery == "pending", r.webhook.is_not(None), r.webhook != "").order_by(a.id)).all()
    due = [p for p in pending if p.delivery_after is None or p.delivery_after <= stamp]
    count.waiting = len(pending) - len(due)
    if not due:
        return count
    close = None
    if post is None:
        post, close = _httpx_post(timeout)
    try:
        for start in range(0, len(due), BATCH):
            chunk = due[start:start + BATCH]
            with store.read() as conn:
                rows = alerts_by_id(conn, [p.id for p in chunk])
            for p in chunk:
                try:
                    status = post(p.webhook, payload(rows[p.id]))
                    error = None if 200 <= status < 300 else f"HTTP {status}"
                except Exception as e:  # noqa: BLE001 -- any failure of one POST is that alert's, kept on it
                    error = f"{type(e).__name__}: {e}"[:300]
                with store.write() as conn:
                    if error is None:
                        conn.execute(update(s.alerts).where(a.id == p.id).values(
                            delivery="delivered", delivery_attempts=p.delivery_attempts + 1,
                            delivery_after=None, delivery_error=None))
                        count.delivered += 1
                    else:
                        attempts = p.delivery_attempts + 1
                        after = (now + dt.timedelta(seconds=retry.delay(attempts))).isoformat(timespec="seconds")
                        conn.execute(update(s.alerts).where(a.id == p.id).values(
                            delivery_attempts=attempts, delivery_after=after, delivery_error=error))
                        count.failed.append((p.id, p.webhook, error))
    finally:
        if close:
            close()
    return count
