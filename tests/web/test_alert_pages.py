"""The alerts page, its JSON twin and the Atom feed (/alerts.atom), over a store with rules, on SQLite and
PostgreSQL."""
from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

import pytest
import store_records as rec

from comity.alert_rules import parse_rules
from comity.storage import Store
from comity.web import create_app

A = "{http://www.w3.org/2005/Atom}"
RULES = """\
- name: vnm-lao-agreements
  dyad: [VNM, LAO]
  on: [agreement]
- name: signings
  on: event
  types: ["057"]
- name: quiet
  country: THA
  on: meeting
"""


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def alert_client(request, tmp_path_factory):
    from fastapi.testclient import TestClient

    from conftest import backend_url

    url = backend_url(request, tmp_path_factory, "alerts")
    with Store.open(url) as store:
        store.save_rules(parse_rules(RULES, "alerts.yaml"))
        store.save(rec.all_results())
        with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
            yield client


def test_alert_pages_json_and_html(alert_client):
    ctx = alert_client.get("/api/alerts").json()
    assert [r["name"] for r in ctx["rules"]] == ["quiet", "signings", "vnm-lao-agreements"]
    assert sorted((a["rule"], a["status"]) for a in ctx["alerts"]) == [
        ("signings", ""), ("signings", ""), ("vnm-lao-agreements", "negotiating"),
        ("vnm-lao-agreements", "signed")]
    vnm_khm = next(a for a in ctx["alerts"] if a["rule"] == "signings" and "KHM" in a["summary"])
    assert vnm_khm["sources"] == 3  # VNA's and Xinhua's reports of one signing, and a repost: one alert
    one = alert_client.get("/api/alerts", params={"rule": "vnm-lao-agreements"}).json()
    assert {a["rule"] for a in one["alerts"]} == {"vnm-lao-agreements"}
    assert one["rule"] == "vnm-lao-agreements"
    page = alert_client.get("/alerts").text
    assert "protocol signed" in page and 'href="/alerts.atom"' in page and "No rules." not in page
    assert f'href="/report/{vnm_khm["article_id"]}"' in page and f'href="/event/{vnm_khm["fact_id"]}"' in page
    assert alert_client.get("/api/alerts", params={"rule": "nope"}).status_code == 404
    assert alert_client.get("/alerts", params={"rule": "no such rule"}).status_code == 422


def test_alert_feed_is_atom(alert_client):
    answer = alert_client.get("/alerts.atom")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(answer.content)
    assert feed.tag == f"{A}feed"
    for tag in ("id", "title", "updated"):  # what RFC 4287 requires of a feed
        assert feed.find(f"{A}{tag}").text
    assert feed.find(f"{A}link[@rel='self']").get("href") == "http://127.0.0.1/alerts.atom"
    entries = feed.findall(f"{A}entry")
    assert len(entries) == len(alert_client.get("/api/alerts").json()["alerts"]) == 4
    ids = [e.find(f"{A}id").text for e in entries]
    assert len(set(ids)) == 4
    for e in entries:
        dt.datetime.fromisoformat(e.find(f"{A}updated").text)
        assert e.find(f"{A}title").text and e.find(f"{A}summary").text.startswith("“")
        assert e.find(f"{A}link").get("href").startswith("http://127.0.0.1/report/")
    quiet = ET.fromstring(alert_client.get("/alerts.atom", params={"rule": "quiet"}).content)
    assert quiet.findall(f"{A}entry") == [] and quiet.find(f"{A}title").text == "comity alerts: quiet"
