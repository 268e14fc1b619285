"""The alerts as an Atom feed (RFC 4287): any feed reader subscribes to /alerts.atom."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from urllib.parse import quote
from xml.etree import ElementTree as ET

from ..about import __version__
from ..query.alerts import AlertRow

ATOM = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot carry


def alerts_atom(alerts: Sequence[AlertRow], *, base: str, rule: str | None = None) -> bytes:
    """The feed of `alerts` (newest first); links are absolute, under `base` (the server's URL)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        child = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            child.text = _NOT_XML.sub(" ", text)
        return child

    page = f"{base}/alerts" + (f"?rule={quote(rule)}" if rule else "")
    add(feed, "id", page)
    add(feed, "title", f"comity alerts: {rule}" if rule else "comity alerts")
    newest = max((a.updated_at for a in alerts), default=None)
    add(feed, "updated", newest or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    add(feed, "link", href=page, rel="alternate", type="text/html")
    add(feed, "link", href=f"{base}/alerts.atom" + (f"?rule={quote(rule)}" if rule else ""), rel="self",
        type="application/atom+xml")
    add(add(feed, "author"), "name", "comity")
    add(feed, "generator", "comity", version=__version__)
    for a in alerts:
        entry = add(feed, "entry")
        add(entry, "id", f"{base}/alerts#alert-{a.id}")
        add(entry, "title", f"{a.rule}: {a.summary}" + (f" ({a.date})" if a.date else ""))
        add(entry, "updated", a.updated_at)
        add(entry, "published", a.created_at)
        add(entry, "link", href=f"{base}/report/{a.article_id}", rel="alternate", type="text/html")
        add(entry, "category", term=a.kind)
        told = f"{a.sources} report{'s' if a.sources != 1 else ''}"
        who = f"{a.report}" + (f" ({a.source})" if a.source else "")
        add(entry, "summary", f"“{a.evidence}” ({who}; told by {told} so far)", type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
