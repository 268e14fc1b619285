"""Paging through events (issue 7: deep pages read keys first, then one page of rows): walking every
page of /api/events, or of `comity events --offset`, gives each matching event exactly once, newest
first with ties broken by id and undated events last, and the same page asked twice is the same."""
from __future__ import annotations

import dataclasses
import json

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

import store_records as rec
from comity.storage import Store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def paged(request, tmp_path_factory):
    """Many events on few dates (so that dates tie across pages), in both directions of VNM-LAO, and
    undated ones: the cases a page boundary can get wrong."""
    from conftest import backend_url

    url = backend_url(request, tmp_path_factory, "pages")
    results = []
    for i, r in enumerate(rec.synthetic(90, seed=21, events_per_report=4)):
        day = f"2024-0{1 + i % 45 // 15}-{10 + i % 15}"  # 45 dates: several events on each
        events = tuple(dataclasses.replace(
            e, date=day, source=dataclasses.replace(e.source, country=("VNM", "LAO")[(i + k) % 2]),
            target=dataclasses.replace(e.target, country=("LAO", "VNM")[(i + k) % 2]) if e.target else None)
            for k, e in enumerate(r.events))
        results.append(dataclasses.replace(r, events=events))
    for i, r in enumerate(rec.synthetic(4, seed=22)):  # undated: never merged, listed after the dated
        art = dataclasses.replace(r.article, id=f"undated-{i}", published=None, text=r.article.text + f" u{i}")
        results.append(dataclasses.replace(r, article=art, events=tuple(dataclasses.replace(
            e, date=None, source=dataclasses.replace(e.source, country="LAO"),
            target=dataclasses.replace(e.target, country="VNM")) for e in r.events)))
    store = Store.open(url)
    store.save(results)
    yield store
    store.close()


def expected_order(store: Store) -> list[int]:
    """VNM-LAO's events as a plain sort of all of them gives them: (date, id) descending, undated last."""
    with store.read() as conn:
        rows = conn.execute(text("SELECT id, date FROM events WHERE (source_country = 'VNM' AND target_country = "
                                 "'LAO') OR (source_country = 'LAO' AND target_country = 'VNM')")).all()
    dated = sorted(((d, i) for i, d in rows if d is not None), reverse=True)
    return [i for _, i in dated] + sorted((i for i, d in rows if d is None), reverse=True)


def test_event_pages_walk_every_event_once_in_order(paged):
    from fastapi.testclient import TestClient

    from comity.web import create_app

    want = expected_order(paged)
    assert len(want) > 200
    with TestClient(create_app(paged), base_url="http://127.0.0.1") as client:
        first = client.get("/api/events?dyad=LAO-VNM&per_page=17").json()
        assert first["total"] == len(want) and first["pages"] == -(-len(want) // 17)
        got = []
        for page in range(1, first["pages"] + 1):
            body = client.get(f"/api/events?dyad=VNM-LAO&per_page=17&page={page}").json()
            assert body["total"] == len(want)
            assert body == client.get(f"/api/events?dyad=VNM-LAO&per_page=17&page={page}").json()  # stable
            got += [e["id"] for e in body["events"]]
        assert got == want
        beyond = client.get(f"/api/events?dyad=VNM-LAO&per_page=17&page={first['pages'] + 1}").json()
        assert beyond["events"] == []
        # the HTML page lists the same events as its twin
        html = client.get("/events?dyad=VNM-LAO&per_page=17&page=5").text
        assert all(f'/event/{i}"' in html for i in want[4 * 17:5 * 17])


def test_event_pages_cli_offsets_give_the_same_order(paged):
    from comity.cli import app

    want = expected_order(paged)
    runner = CliRunner()
    got = []
    for offset in range(0, len(want) + 30, 30):
        result = runner.invoke(app, ["events", "--db", paged.engine.url.render_as_string(hide_password=False),
                                     "--dyad", "LAO-VNM", "--limit", "30", "--offset", str(offset), "--json"])
        assert result.exit_code == 0, (result.stdout, result.stderr)
        got += [e["id"] for e in json.loads(result.stdout)]
    assert got == want
