"""Every page and JSON twin over a store filled by the real pipeline (seeds and dev reports)."""
from __future__ import annotations

import html
import re

import pytest

from comity.web import pages
from comity.web.deps import read_only

pytestmark = pytest.mark.model


def get(client, path: str):
    r = client.get(path)
    assert r.status_code == 200, (path, r.text[:500])
    return r


def text_of(page: str) -> str:
    """A page's visible text, tags dropped and entities decoded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_pages_overview(client):
    data = get(client, "/api/overview").json()
    # 11 copies read; the repost is a copy of dev-03, and dev-03 and dev-04 (VNA's and Xinhua's) are one story
    assert data["counts"]["copies"] == 11 and data["counts"]["reports"] == 9
    assert data["counts"]["events"] > 50 and data["counts"]["agreements"] >= 10
    top = {(d["a"], d["b"]) for d in data["dyads"][:3]}
    assert ("LAO", "VNM") in top and ("KHM", "VNM") in top
    assert data["activity"] and sum(c["events"] for c in data["activity"]) <= data["counts"]["events"]
    page = get(client, "/").text
    assert '<svg class="chart"' in page and "Most active dyads" in page
    for d in data["dyads"]:
        assert f'href="/dyad/{d["a"]}-{d["b"]}"' in page
    for m in data["meetings"]:
        assert m["meeting"]["date"] in page


def test_pages_dyad_vnm_lao(client):
    data = get(client, "/api/dyad/VNM-LAO").json()
    assert data["names"]["LAO"] == "Laos" and data["names"]["VNM"] == "Vietnam"
    assert data["events"] >= 20 and data["bucket"] == "month"
    assert sum(c["events"] for c in data["activity"]) == data["events"]  # every event is dated to the month here
    assert set(data["periods"]) >= {c["period"] for c in data["activity"]}
    dates = {m["meeting"]["date"] for m in data["meetings"]}
    assert {"2024-12-18", "2025-12-02"} <= dates  # the two seeds
    seed = next(m for m in data["meetings"] if m["meeting"]["date"] == "2024-12-18")
    assert {p["name"] for p in seed["participants"]} >= {"Phan Văn Giang", "Khamliang Outhakaysone"}
    assert seed["meeting"]["place"] and seed["reports"]
    kinds = [a["kind"] for a in data["agreements"]]
    assert kinds.index("protocol") < kinds.index("annual_plan") < kinds.index("mou")  # the ladder's order
    protocols = [a for a in data["agreements"] if a["kind"] == "protocol" and a["period_start"]]
    older, newer = sorted(protocols, key=lambda a: a["period_start"])[:2]
    assert older["successor"] == newer["id"] and newer["successor_of"] == older["id"]
    assert all(a["marks"] for a in data["agreements"])
    assert any(m["occurrences"] for m in data["mechanisms"])
    assert {"Phan Văn Giang", "Khamliang Outhakaysone"} <= {p["name"] for p in data["persons"]}
    page = get(client, "/dyad/VNM-LAO").text
    assert page.count('<svg class="chart') >= 2  # the timeline and the ladder
    for ag in data["agreements"]:
        assert f'href="/agreement/{ag["id"]}"' in page
        for mark in ag["marks"]:
            assert f'/report/{mark["article_id"]}#agreement-{mark["observation_id"]}' in page
    for p in data["persons"]:
        assert f'href="/person/{p["id"]}"' in page


def test_pages_agreement(client):
    dyad = get(client, "/api/dyad/VNM-LAO").json()
    protocol = max((a for a in dyad["agreements"] if a["kind"] == "protocol"), key=lambda a: len(a["marks"]))
    data = get(client, f"/api/agreement/{protocol['id']}").json()["detail"]
    assert data["agreement"]["name"] == protocol["name"]
    assert len(data["observations"]) == len(protocol["marks"]) >= 2
    related = {r["id"] for r in data["related"]}
    assert {i for i in (protocol["successor_of"], protocol["successor"], protocol["parent"]) if i} <= related
    page = get(client, f"/agreement/{protocol['id']}").text
    for o in data["observations"]:
        report = get(client, f"/api/report/{o['article']['id']}").json()["report"]
        assert report["text"][o["start"]:o["end"]] == o["quote"]
        assert html.escape(o["quote"], quote=False) in page
        assert f'/report/{o["article"]["id"]}#agreement-{o["id"]}' in page
    assert page.count('<mark class="quote"') == len(data["observations"])


def test_pages_person(client, web_store):
    overview = get(client, "/api/dyad/VNM-LAO").json()
    giang = next(p for p in overview["persons"] if p["name"] == "Phan Văn Giang")
    data = get(client, f"/api/person/{giang['id']}").json()
    detail = data["detail"]
    assert detail["person"]["country"] == "VNM" and detail["offices"]
    assert [o["first_seen"] for o in detail["offices"]] == sorted(o["first_seen"] for o in detail["offices"])
    assert {m["date"] for m in detail["meetings"]} >= {"2024-12-18", "2025-12-02"}
    assert "Khamliang Outhakaysone" in {c["person"]["name"] for c in data["counterparts"]}
    assert data["events"]
    with read_only(web_store) as conn:  # the same context as the CLI's `comity person` gives
        from comity.query import get_person

        assert pages.person(conn, giang["id"]).detail == get_person(conn, "Phan Văn Giang")
    page = text_of(get(client, f"/person/{giang['id']}").text)
    for office in detail["offices"]:
        assert office["title"] in page


def test_pages_report_highlights_every_record(client, web_results):
    data = get(client, "/api/overview").json()
    report_id = data["meetings"][0]["reports"][0]["id"]
    for article_id in range(1, data["counts"]["copies"] + 1):
        report = get(client, f"/api/report/{article_id}").json()["report"]
        result = next(r for r in web_results if r.article.id == report["article"]["report"])
        assert report["text"] == result.article.text  # the text as given, header and all
        if report["primary"]:
            assert report["records"] == []
            continue
        assert len([h for h in report["records"] if h["kind"] == "event"]) == len(result.events)
        assert len([h for h in report["records"] if h["kind"] == "agreement"]) == len(result.agreements)
        assert len([h for h in report["records"] if h["kind"] == "person"]) == \
            len([p for p in result.persons if p.mentions])
        for h in report["records"]:
            assert h["verified"], h
            start, end = h["spans"][0]
            assert report["text"][start:end] == h["quote"]
        page = get(client, f"/report/{article_id}").text
        shown = re.search(r'<div class="text" id="text">(.*?)</div>', page, re.DOTALL).group(1)
        assert html.unescape(re.sub(r"<sup[^>]*>.*?</sup>|<[^>]+>", "", shown)) == report["text"]
        for h in report["records"]:
            assert f'id="{h["id"]}"' in page and h["id"] in page.split('id="text"')[1].split("</div>")[0]
    assert report_id


def test_pages_repost_points_to_its_first_copy(client):
    data = get(client, "/api/search?q=Tea Seiha").json()
    assert data["persons"] and data["reports"]
    hit = next(h for h in data["reports"] if h["report"].startswith("dev-0"))  # dev-03 and dev-04: one story
    report = get(client, "/api/report/{}".format(hit["article_id"])).json()["report"]
    first = hit["article_id"] if hit["report"].startswith("dev-03") else report["retellings"][0]["id"]
    (repost,) = get(client, f"/api/report/{first}").json()["report"]["copies"]
    assert repost["source"] == "Aggregator News"
    page = get(client, f"/report/{repost['id']}").text
    assert "another copy of a report already stored" in page and f'href="/report/{first}"' in page


def test_pages_event(client):
    events = get(client, "/api/events?dyad=KHM-VNM&type=SUPPORT").json()["events"]
    assert events
    multi = max(events, key=lambda e: e["reports"])
    data = get(client, f"/api/event/{multi['id']}").json()
    assert data["detail"]["event"]["id"] == multi["id"] and data["cameo_name"]
    assert len({m["article"]["id"] for m in data["detail"]["mentions"]}) == multi["reports"]
    page = get(client, f"/event/{multi['id']}").text
    for m in data["detail"]["mentions"]:
        assert f'/report/{m["article"]["id"]}#event-{m["id"]}' in page


def test_pages_events_filters_and_pagination(client):
    everything = get(client, "/api/events?per_page=20").json()
    assert everything["total"] > 20 and everything["pages"] == -(-everything["total"] // 20)
    seen = [e["id"] for p in range(1, everything["pages"] + 1)
            for e in get(client, f"/api/events?per_page=20&page={p}").json()["events"]]
    assert len(seen) == len(set(seen)) == everything["total"]
    lao = get(client, "/api/events?dyad=LAO-VNM&type=CONSULT&since=2025&until=2026-12").json()
    assert lao["total"] and all(e["plover_type"] == "CONSULT" and "2025" <= e["date"][:4] <= "2026"
                                and {e["source_country"], e["target_country"]} == {"LAO", "VNM"}
                                for e in lao["events"])
    page = get(client, "/events?dyad=LAO-VNM&per_page=5").text
    assert 'rel="next"' in page and "dyad=LAO-VNM" in page.split('rel="next"')[1][:200]


def test_pages_search(client):
    data = get(client, "/api/search?q=protocol defence cooperation").json()
    assert data["agreements"] and all("protocol" in a["name"].lower() for a in data["agreements"])
    assert data["reports"]
    page = get(client, "/search?q=protocol defence cooperation").text
    for a in data["agreements"]:
        assert f'href="/agreement/{a["id"]}"' in page
