"""Issue 18 end to end: `comity watch --once --sources watch.yaml --alerts alerts.yaml` against the loopback
server (feeds, a sitemap listing the same pages, failing sources), on SQLite and on the PostgreSQL test
server; each article stored once, each alert raised once and shown by `comity alerts`, on the web page
and in the Atom feed (read back with feedparser, as a feed reader would)."""
from __future__ import annotations

import json

import feedparser
import pytest
from typer.testing import CliRunner

from comity.storage import Store
from comity.web import create_app
from tests.cli_run import invoker, said

invoke = invoker(CliRunner(env={"COLUMNS": "200"}))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path_factory):
    from conftest import backend_url

    return backend_url(request, tmp_path_factory, "watch")


def test_watch_sources_and_alerts_end_to_end(server, store_url, tmp_path):
    sources, rules = tmp_path / "watch.yaml", tmp_path / "alerts.yaml"
    sources.write_text(f"- {{feed: {server.base}/rss.xml}}\n"
                       f"- {{feed: {server.base}/atom.xml}}\n"
                       f"- {{sitemap: {server.base}/sitemap-news.xml}}\n"  # lists the same two pages again
                       f"- {{feed: {server.base}/broken.xml}}\n"
                       f"- {{feed: {server.base}/garbled.xml}}\n")
    rules.write_text("- name: vnm-lao\n  dyad: [VNM, LAO]\n  on: [agreement, meeting]\n"
                     "- name: khm-meetings\n  country: KHM\n  on: meeting\n")
    first = invoke("watch", "--once", "--sources", str(sources), "--alerts", str(rules), "--db", store_url,
                   ok=False)
    assert first.exit_code == 3
    text = said(first)
    for failing in ("/broken.xml: HTTP 500", "/garbled.xml: not an RSS or Atom feed",
                    "/news/missing.html: HTTP 404", "/files/annual-report.pdf: not an HTML page",
                    "/private/secret.html: disallowed by robots.txt"):
        assert f"{server.base}{failing}" in text, failing

    alerts = json.loads(invoke("alerts", "--json", "--db", store_url).stdout)
    with Store.open(store_url) as store, store.read() as conn:
        origins = sorted(r[0] for r in conn.exec_driver_sql("SELECT origin FROM articles"))
    assert origins == [f"{server.base}/news/cambodia-thailand.html", f"{server.base}/news/vietnam-laos.html"]
    rules_hit = sorted({a["rule"] for a in alerts})
    assert rules_hit == ["khm-meetings", "vnm-lao"]
    keys = [(a["rule"], a["kind"], a["fact_id"], a["status"]) for a in alerts]
    assert len(keys) == len(set(keys))  # each fact once per rule, though the sitemap told it again

    invoke("watch", "--once", "--sources", str(sources), "--db", store_url, ok=False)  # nothing new
    assert json.loads(invoke("alerts", "--json", "--db", store_url).stdout) == alerts

    from fastapi.testclient import TestClient

    with Store.open(store_url) as store, TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        page = client.get("/alerts")
        assert page.status_code == 200 and "vnm-lao" in page.text and "khm-meetings" in page.text
        feed = feedparser.parse(client.get("/alerts.atom").content)
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == len(alerts)
    assert all(e.title and e.link.startswith("http://127.0.0.1/") for e in feed.entries)
