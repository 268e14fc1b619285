"""Rules on the web (issue 14): event and report pages show each record's rule and steps and link
to /rules/<id>, which shows the rule's YAML row (file, line, text); /api/rules/<id> is its twin."""
from __future__ import annotations

import dataclasses
import html
from importlib import resources

import pytest
import store_records as rec

from comity.storage import Store


def ruled(records, rule, steps=()):
    return tuple(dataclasses.replace(r, rule=rule, steps=steps) for r in records)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from comity.web import create_app

    result = rec.lao_2024()
    named = result.article.text.index(result.persons[0].name)  # the report page marks people by their mentions
    person = dataclasses.replace(result.persons[0], mentions=((named, named + len(result.persons[0].name)),))
    result = dataclasses.replace(
        result, events=ruled(result.events, "visit.host", ("events.with-hosting",)),
        persons=ruled((person,), "persons.title-left", ("persons.country.title",)),
        agreements=ruled(result.agreements, "agreements.term.protocol", ("agreements.status.proposed",)))
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('rules') / 'comity.db'}")
    store.save([result])
    with TestClient(create_app(store), base_url="http://127.0.0.1") as c:
        yield c
    store.close()


def host_row_line() -> int:
    text = (resources.files("comity") / "nlp" / "resources" / "event_triggers.yaml").read_text(encoding="utf-8")
    visit = text.index("\nvisit:")
    return text.count("\n", 0, text.index("lemma: host", visit)) + 1


def test_rule_api_gives_the_yaml_row(client):
    data = client.get("/api/rules/visit.host").json()
    (row,) = data["rows"]
    assert (data["id"], row["file"], row["line"]) == ("visit.host", "event_triggers.yaml", host_row_line())
    assert "lemma: host" in row["text"] and '"043"' in row["text"]


def test_rule_page_shows_file_line_and_text(client):
    page = client.get("/rules/visit.host")
    assert page.status_code == 200
    body = html.unescape(page.text)
    assert f"event_triggers.yaml</code>, line {host_row_line()}" in body and 'cameo: "043"' in body


def test_rules_in_code_and_unknown_rules(client):
    assert "context.py" in client.get("/api/rules/persons.country.context").json()["code"]
    (person,) = client.get("/api/rules/persons.title-left").json()["rows"]
    assert person["file"] == "titles.yaml" and person["text"].startswith("persons.title-left:")
    assert client.get("/api/rules/agreements.term.protocol").json()["rows"][0]["file"] == "agreement_terms.yaml"
    assert client.get("/api/rules/no.such-rule").status_code == 404
    assert client.get("/rules/no.such-rule").status_code == 404
    assert client.get("/api/rules/bad%20id").status_code == 422


def test_event_page_links_each_mention_to_its_rule(client):
    event_id = client.get("/api/events").json()["events"][0]["id"]
    mention = client.get(f"/api/event/{event_id}").json()["detail"]["mentions"][0]
    assert (mention["rule"], mention["steps"]) == ("visit.host", ["events.with-hosting"])
    page = client.get(f"/event/{event_id}").text
    assert 'href="/rules/visit.host"' in page and "events.with-hosting" in page


def test_report_page_gives_every_record_its_rule(client):
    records = client.get("/api/report/1").json()["report"]["records"]
    rules = {h["kind"]: (h["rule"], tuple(h["steps"])) for h in records}
    assert rules["event"] == ("visit.host", ("events.with-hosting",))
    assert rules["person"] == ("persons.title-left", ("persons.country.title",))
    assert rules["agreement"] == ("agreements.term.protocol", ("agreements.status.proposed",))
    page = client.get("/report/1").text
    for link in ("/rules/visit.host", "/rules/persons.title-left", "/rules/agreements.term.protocol"):
        assert f'href="{link}"' in page
