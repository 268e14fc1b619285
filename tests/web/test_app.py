"""The app over a real store of hand-made records (no model), on SQLite and PostgreSQL: every page and
its JSON twin, errors, read-only, the route table, the documented contexts, offline assets."""
from __future__ import annotations

import dataclasses
import re
import typing
from importlib import resources

import pytest
from fastapi.routing import APIRoute

from comity.web import create_app
from comity.web.context import CONTEXTS


def ids(client, path: str) -> dict:
    r = client.get(path)
    assert r.status_code == 200, r.text
    return r.json()


def test_app_every_page_and_its_twin(small_client):
    overview = ids(small_client, "/api/overview")
    assert overview["counts"]["reports"] == 4 and overview["counts"]["copies"] == 6
    assert overview["counts"]["events"] == 6
    assert {(d["a"], d["b"]) for d in overview["dyads"]} >= {("LAO", "VNM"), ("KHM", "VNM")}
    person = next(p for m in overview["meetings"] for p in m["participants"] if p["name"] == "Phan Văn Giang")
    agreement = next(a for a in overview["agreements"] if a["kind"] == "protocol")
    report = overview["meetings"][0]["reports"][0]
    event = ids(small_client, "/api/events?dyad=VNM-LAO")["events"][0]
    pages = {"/": "/api/overview", "/dyad/VNM-LAO": "/api/dyad/VNM-LAO",
             f"/agreement/{agreement['id']}": f"/api/agreement/{agreement['id']}",
             f"/person/{person['id']}": f"/api/person/{person['id']}",
             f"/report/{report['id']}": f"/api/report/{report['id']}",
             f"/event/{event['id']}": f"/api/event/{event['id']}",
             "/events?dyad=VNM-LAO": "/api/events?dyad=VNM-LAO", "/search?q=protocol": "/api/search?q=protocol"}
    for page, api in pages.items():
        html = small_client.get(page)
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html"), page
        assert f'href="{api}"' in html.text.replace("&amp;", "&"), f"{page} does not link its JSON twin"
        assert small_client.get(api).headers["content-type"] == "application/json"


def test_app_dyad_either_order_same_records(small_client):
    one, other = ids(small_client, "/api/dyad/VNM-LAO"), ids(small_client, "/api/dyad/LAO-VNM")
    assert (one["a"], one["b"]) == ("VNM", "LAO")
    for key in ("events", "activity", "meetings", "agreements", "mechanisms", "persons"):
        assert one[key] == other[key], key
    assert one["events"] == 3 and one["meetings_total"] == 2
    # the protocol: negotiating (2024 report) then signed (2025 report), marks in date order
    (protocol,) = [a for a in one["agreements"] if a["kind"] == "protocol"]
    assert [(m["status"], m["date"]) for m in protocol["marks"]] == [("negotiating", "2024-12-18"),
                                                                     ("signed", "2025-12-02")]
    assert [m["name"] for m in one["mechanisms"]] == ["Việt Nam-Laos Defence Border Friendship Exchange"]
    assert {p["name"] for p in one["persons"]} == {"Phan Văn Giang", "Khamliang Outhakaysone"}


def test_app_agreement_quotes_sit_in_their_reports(small_client, small_store):
    overview = ids(small_client, "/api/overview")
    for ag in overview["agreements"]:
        detail = ids(small_client, f"/api/agreement/{ag['id']}")["detail"]
        assert detail["agreement"]["id"] == ag["id"] and detail["observations"]
        for o in detail["observations"]:
            report = ids(small_client, f"/api/report/{o['article']['id']}")["report"]
            assert report["text"][o["start"]:o["end"]] == o["quote"]
            assert report["text"][o["start"] - len(o["before"]):o["end"] + len(o["after"])] == \
                o["before"] + o["quote"] + o["after"]


def test_app_report_records_index_the_text_as_given(small_client):
    for article_id in range(1, 7):
        report = ids(small_client, f"/api/report/{article_id}")["report"]
        for h in report["records"]:
            assert h["verified"], h
            start, end = h["spans"][0]
            assert report["text"][start:end] == h["quote"]
    repost = next(ids(small_client, f"/api/report/{i}")["report"] for i in range(1, 7)
                  if ids(small_client, f"/api/report/{i}")["report"]["article"]["report"] == "aggregator-copy")
    assert repost["records"] == [] and repost["primary"]["report"] == "vna-2025-12-16"


def test_app_events_filters_and_pages(small_client):
    page = ids(small_client, "/api/events?per_page=2")
    assert page["total"] == 6 and page["pages"] == 3 and len(page["events"]) == 2
    dates = [e["date"] for p in (1, 2, 3) for e in ids(small_client, f"/api/events?per_page=2&page={p}")["events"]]
    assert len(dates) == 6
    assert ids(small_client, "/api/events?type=SUPPORT&since=2025-12")["total"] == 2  # two signings; the
    # Xinhua report's signing is the VNA report's (057 is symmetric), the undated praise has no date
    assert ids(small_client, "/api/events?dyad=KHM-VNM&type=057")["total"] == 1
    assert ids(small_client, "/api/events?person=phan van giang")["total"] >= 2
    empty = ids(small_client, "/api/events?dyad=&country=&type=&since=&until=&person=&text=")  # an empty form
    assert empty["total"] == 6


def test_app_search(small_client):
    found = ids(small_client, "/api/search?q=Phan Van Giang")
    assert [p["name"] for p in found["persons"]] == ["Phan Văn Giang"]
    assert {h["report"] for h in found["reports"]} >= {"vna-2025-12-16", "lao-2025"}
    assert ids(small_client, "/api/search?q=LAO-VNM")["dyad"] == "LAO-VNM"
    assert ids(small_client, "/api/search?q=protocol")["agreements"][0]["kind"] == "protocol"
    assert ids(small_client, "/api/search?q=")["reports"] == []


@pytest.mark.parametrize("path, status", [
    ("/api/dyad/VNMLAO", 422), ("/api/events?until=2025-02-30", 400), ("/api/events?since=2025-13-40", 422),
    ("/api/events?type=0", 422), ("/api/events?page=0", 422), ("/api/agreement/999999", 404),
    ("/api/person/0", 422), ("/api/report/999999", 404), ("/api/event/999999", 404), ("/api/nothing", 404),
])
def test_app_bad_requests_answer_json(small_client, path, status):
    r = small_client.get(path)
    assert r.status_code == status and r.headers["content-type"] == "application/json"
    assert r.json()["detail"]


@pytest.mark.parametrize("path, status", [("/events?since=2025-02-30", 400), ("/agreement/999999", 404), ("/nothing", 404),
                                          ("/events?page=x", 422)])
def test_app_bad_requests_answer_a_page(small_client, path, status):
    r = small_client.get(path)
    assert r.status_code == status and "text/html" in r.headers["content-type"]
    assert "<h1>" in r.text and "Back to the overview" in r.text


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_app_is_read_only(small_client, small_store, method):
    before = small_store.counts()
    for path in ("/", "/api/overview", "/api/events", "/dyad/VNM-LAO"):
        r = getattr(small_client, method)(path)
        assert r.status_code == 405 and "read-only" in r.text
    assert small_store.counts() == before


def test_app_connections_cannot_write(small_store):
    from sqlalchemy import insert
    from sqlalchemy.exc import DBAPIError

    from comity.storage import schema
    from comity.web.deps import read_only

    with pytest.raises(DBAPIError, match="(?i)read.?only|readonly"), read_only(small_store) as conn:
        conn.execute(insert(schema.stories).values(content_hash="x", first_published=None, title=None))
    with small_store.write() as conn:  # and the pooled connection writes again for others afterwards
        conn.execute(insert(schema.stories).values(content_hash="web-test", first_published=None, title=None))
        conn.execute(schema.stories.delete().where(schema.stories.c.content_hash == "web-test"))


def test_app_routes_are_get_only_and_paired(small_store):
    from comity.web.routes import ROUTERS

    app = create_app(small_store)
    routes = [r for router in ROUTERS for r in router.routes if isinstance(r, APIRoute)]
    assert all(r.methods == {"GET"} for r in routes)
    pages = {r.path for r in routes if not r.path.startswith("/api/")}
    apis = {r.path for r in routes if r.path.startswith("/api/")}
    assert {"/api/overview" if p == "/" else "/api" + p for p in pages} == apis
    schema = app.openapi()
    assert set(schema["paths"]) == apis  # the twins are documented; the HTML pages are not API
    for path, item in schema["paths"].items():
        assert "$ref" in str(item["get"]["responses"]["200"]), path


def test_app_contexts_document_every_field():
    """Every field of every page context, and of the records inside, has a description in the schema."""
    from pydantic import TypeAdapter

    missing = []
    for ctx in CONTEXTS:
        for f in dataclasses.fields(ctx):
            hint = typing.get_type_hints(ctx, include_extras=True)[f.name]
            if not any(getattr(m, "description", None) for m in getattr(hint, "__metadata__", ())):
                missing.append(f"{ctx.__name__}.{f.name}")
        schema = TypeAdapter(ctx).json_schema()
        assert schema["properties"], ctx
    assert not missing, missing


def test_app_assets_are_shipped_and_offline(small_client):
    web = resources.files("comity.web")
    texts = [p.read_text(encoding="utf-8") for folder in ("templates", "static") for p in (web / folder).iterdir()
             if p.name.endswith((".html", ".css", ".js"))]
    assert len(texts) >= 12
    for text in texts:
        # links to other sites are fine as <a href>; nothing the page loads may come from one
        assert not re.search(r'(?:src|@import|url\()\s*=?\s*["\']?(?:https?:)?//', text), text[:80]
        assert not re.search(r'<link[^>]+href="(?:https?:)?//', text)
    for asset in ("/static/comity.css", "/static/comity.js"):
        assert small_client.get(asset).status_code == 200


def test_app_factory_opens_and_closes_a_store_by_url(tmp_path):
    from fastapi.testclient import TestClient

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    with TestClient(create_app(url), base_url="http://127.0.0.1") as client:
        overview = client.get("/api/overview").json()
        assert overview["counts"]["events"] == 0 and overview["dyads"] == []
        assert "The store is empty" in client.get("/").text
    assert client.app.state.store.engine.pool.checkedout() == 0


def test_app_cached_pages_follow_the_store(tmp_path):
    """The overview and dyad pages are remembered, but only until the store changes."""
    import store_records as rec
    from fastapi.testclient import TestClient

    from comity.storage import Store

    with Store.open(f"sqlite:///{tmp_path / 'c.db'}") as store, \
            TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        store.save([rec.lao_2024()])
        first = client.get("/api/dyad/VNM-LAO").json()
        assert first["events"] == 1 and client.get("/api/dyad/VNM-LAO").json() == first
        assert len(client.app.state.cache.items) == 1
        store.save([rec.lao_2025()])
        again = client.get("/api/dyad/VNM-LAO").json()
        assert again["events"] == 3 and len(again["meetings"]) == 2
        assert client.get("/api/overview").json()["counts"]["copies"] == 2
