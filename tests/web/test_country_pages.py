"""Countries and codes, one way everywhere (issue 17): the dyad page, the events page and their API
twins take names, aliases and ISO alpha-3 codes through `comity.query.resolve_country`; an unknown
state answers 404 naming the closest states, a dyad of one state 422, never an empty page."""
from __future__ import annotations

import pytest


def body(client, path: str) -> dict:
    r = client.get(path)
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    return r.json()


@pytest.mark.parametrize("named", ["Vietnam-Laos", "Viet Nam,Laos", "Việt Nam Lao PDR", "vnm-laos",
                                   "Vietnamese-LAO"])
def test_country_pages_dyad_by_name_is_the_dyad_by_code(small_client, named):
    by_code = body(small_client, "/api/dyad/VNM-LAO")
    assert by_code["events"] > 0 and body(small_client, f"/api/dyad/{named}") == by_code
    page = small_client.get(f"/dyad/{named}")
    assert page.status_code == 200 and page.text == small_client.get("/dyad/VNM-LAO").text


def test_country_pages_events_by_name(small_client):
    for codes, names in (("dyad=VNM-LAO", "dyad=Vietnam-Laos"), ("country=KHM", "country=Cambodia"),
                         ("country=KHM", "country=khm")):
        expected = body(small_client, f"/api/events?{codes}")
        got = body(small_client, f"/api/events?{names}")
        assert expected["total"] > 0
        assert (got["events"], got["total"]) == (expected["events"], expected["total"])
    assert small_client.get("/events?dyad=Vietnam-Laos").status_code == 200


@pytest.mark.parametrize("path, unknown, closest", [
    ("/api/dyad/XXX-YYY", "XXX", None), ("/api/dyad/VNM-ZZZ", "ZZZ", None),
    ("/api/dyad/Laso-VNM", "Laso", "Laos (LAO)"),
    ("/api/events?dyad=VNM-Cambodja", "Cambodja", "Cambodia (KHM)"),
    ("/api/events?country=Vietnma", "Vietnma", "Vietnam (VNM)"),
    ("/api/events?country=Atlantis", "Atlantis", None),
])
def test_country_pages_an_unknown_state_is_404_with_the_closest(small_client, path, unknown, closest):
    r = small_client.get(path)
    assert r.status_code == 404 and r.headers["content-type"] == "application/json"
    detail = r.json()["detail"]
    assert "E211" in detail and f"'{unknown}' is not a country comity knows" in detail
    assert (closest in detail) if closest else True
    page = small_client.get(path.removeprefix("/api"))
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert "is not a country comity knows" in page.text


@pytest.mark.parametrize("path", ["/api/dyad/VNM-VNM", "/api/dyad/Vietnam-VNM", "/api/dyad/lao-Laos",
                                  "/api/events?dyad=VNM-Viet%20Nam"])
def test_country_pages_a_state_with_itself_is_422(small_client, path):
    r = small_client.get(path)
    assert r.status_code == 422 and "E213" in r.json()["detail"] and "is one state" in r.json()["detail"]
    page = small_client.get(path.removeprefix("/api"))
    assert page.status_code == 422 and "text/html" in page.headers["content-type"]
    assert "is one state" in page.text


def test_country_pages_a_name_of_two_states_is_404(small_client):
    r = small_client.get("/api/dyad/Congo-VNM")
    assert r.status_code == 404 and "E212" in r.json()["detail"]
    assert small_client.get("/api/dyad/file is empty").status_code == 404


def test_country_pages_search_offers_the_dyad_of_two_names(small_client):
    assert body(small_client, "/api/search?q=Vietnam Laos")["dyad"] == "VNM-LAO"
    assert body(small_client, "/api/search?q=Vietnam Vietnam")["dyad"] is None


def test_country_pages_openapi_says_names_are_taken(small_client):
    spec = small_client.get("/openapi.json").json()
    pair = spec["paths"]["/api/dyad/{pair}"]["get"]["parameters"][0]
    assert "Vietnam-Laos" in pair["description"] and "404" in pair["description"]
