"""The store commands through the real CLI (typer's runner) over real databases: ingest, events,
timeline, persons, person, search, export; table, --json and --csv; bad values."""
from __future__ import annotations

import csv
import io
import json

import pytest
import store_records as rec
from cli_run import invoker, said
from typer.testing import CliRunner

from comity.model import result_to_json
from comity.storage import Store

runner = CliRunner(env={"COLUMNS": "200"})  # tables as on a wide terminal: cells unwrapped


invoke = invoker(runner)


@pytest.fixture
def records(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(result_to_json(r) + "\n" for r in rec.all_results()), encoding="utf-8")
    return path


@pytest.fixture
def db(db_url, records):
    invoke("ingest", "--records", str(records), "--db", db_url)
    return db_url


def test_store_cli_ingest_records_summary_and_idempotence(db_url, records):
    first = invoke("ingest", "--records", str(records), "--db", db_url)
    assert "6 report(s) read" in said(first) and "5 stored, 1 more copy" in said(first)
    assert "4 stories from 6 copies, 6 events" in said(first)
    again = invoke("ingest", "--records", str(records), "--db", db_url)
    assert "0 stored" in said(again) and "6 already stored" in said(again)


def test_store_cli_ingest_bad_records_exit_3(db_url, tmp_path, records):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(records.read_text(encoding="utf-8") + '{"not": "a record"}\n', encoding="utf-8")
    result = invoke("ingest", "--records", str(bad), "--db", db_url, ok=False)
    assert result.exit_code == 3 and "bad.jsonl:7" in said(result)
    with Store.open(db_url) as store:
        assert store.counts()["articles"] == 6  # the rest went in


def test_store_cli_ingest_bad_db_exit_2(tmp_path, records):
    result = invoke("ingest", "--records", str(records), "--db", "mysql://x@y/z", ok=False)
    assert result.exit_code == 2 and "E201" in said(result)


def test_store_cli_events_table_json_csv(db):
    table = invoke("events", "--db", db)
    assert "Events (6 of 6)" in table.stdout and "057" in table.stdout
    rows = json.loads(invoke("events", "--db", db, "--json").stdout)
    assert len(rows) == 6 and {"id", "date", "cameo", "sources", "evidence"} <= set(rows[0])
    lines = list(csv.DictReader(io.StringIO(invoke("events", "--db", db, "--csv").stdout)))
    assert len(lines) == 6 and lines[0].keys() == rows[0].keys()


@pytest.mark.parametrize("args,expected", [
    (["--country", "LAO"], 3), (["--dyad", "VNM-LAO"], 3), (["-d", "lao vnm"], 3), (["--type", "CONSULT"], 3),
    (["--type", "057"], 2), (["--since", "2025-12-03"], 2), (["--until", "2024"], 1),
    (["--person", "Phan Van Giang"], 3), (["--text", "official visit"], 1), (["-n", "2"], 2),
    (["--dyad", "VNM-LAO", "--type", "05", "--since", "2025"], 1),
])
def test_store_cli_events_filters(db, args, expected):
    assert len(json.loads(invoke("events", "--db", db, "--json", *args).stdout)) == expected


@pytest.mark.parametrize("args,message", [
    (["--dyad", "VNM"], "E205"), (["--type", "04;"], "E204"), (["--since", "last week"], "E208"),
])
def test_store_cli_events_bad_values_exit_2(db, args, message):
    result = invoke("events", "--db", db, *args, ok=False)
    assert result.exit_code == 2 and message in said(result)


def test_store_cli_timeline(db):
    table = invoke("timeline", "VNM", "LAO", "--db", db)
    assert "Timeline VNM–LAO" in table.stdout and "meeting" in table.stdout and "agreement" in table.stdout
    items = json.loads(invoke("timeline", "lao", "vnm", "--db", db, "--json").stdout)
    assert [i["kind"] for i in items] == ["meeting", "agreement", "event", "meeting", "agreement", "event", "event"]
    assert [i["date"] for i in items] == sorted(i["date"] for i in items)
    assert len(list(csv.DictReader(io.StringIO(invoke("timeline", "VNM", "LAO", "--db", db, "--csv").stdout)))) == 7
    named = json.loads(invoke("timeline", "Việt Nam", "Laos", "--db", db, "--json").stdout)
    assert named == json.loads(invoke("timeline", "VNM", "LAO", "--db", db, "--json").stdout)


def test_store_cli_persons(db):
    assert "Phan Văn Giang" in invoke("persons", "--db", db).stdout
    people = json.loads(invoke("persons", "--db", db, "--json").stdout)
    assert [p["name"] for p in people] == ["Phan Văn Giang", "Khamliang Outhakaysone", "Tea Seiha"]
    lao = list(csv.DictReader(io.StringIO(invoke("persons", "--db", db, "--csv", "-c", "LAO").stdout)))
    assert [p["name"] for p in lao] == ["Khamliang Outhakaysone"]


def test_store_cli_person(db):
    shown = invoke("person", "phan van giang", "--db", db).stdout
    for text in ("Phan Văn Giang", "Minister of National Defence", "Defence Minister", "General", "2024-12-18",
                 "Meetings", "Vientiane"):
        assert text in shown
    detail = json.loads(invoke("person", "PHAN VĂN GIANG", "--db", db, "--json").stdout)[0]
    assert detail["person"]["name"] == "Phan Văn Giang" and len(detail["meetings"]) == 3
    offices = list(csv.DictReader(io.StringIO(invoke("person", "Giang", "--db", db, "--csv").stdout)))
    assert {(o["kind"], o["title"]) for o in offices} == {
        ("office", "Defence Minister"), ("office", "Minister of National Defence"), ("rank", "General")}
    missing = invoke("person", "Nobody", "--db", db, ok=False)
    assert missing.exit_code == 1 and "E206" in said(missing)


def test_store_cli_search(db):
    assert "vna-2025-12-16" in invoke("search", "ha noi", "--db", db).stdout
    hits = json.loads(invoke("search", "Khamliang", "--db", db, "--json").stdout)
    assert sorted(h["report"] for h in hits) == ["lao-2024", "lao-2025"]
    assert invoke("search", '"; DROP TABLE articles', "--db", db, "--csv").stdout.startswith("article_id,")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_store_cli_export(db, tmp_path, fmt):
    out = tmp_path / "export"
    result = invoke("export", "--db", db, "--format", fmt, "-o", str(out))
    assert f"events.{fmt}" in result.stdout and "events_plover.jsonl" in result.stdout
    assert (out / f"agreements.{fmt}").exists() and (out / f"persons.{fmt}").exists()
    assert (out / f"mechanisms.{fmt}").exists()


def test_store_cli_export_filters_and_bad_values(db, tmp_path):
    invoke("export", "--db", db, "--tables", "events", "--dyad", "VNM-LAO", "-o", str(tmp_path))
    assert len((tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()) == 4
    assert invoke("export", "--db", db, "--format", "xlsx", ok=False).exit_code == 2
    assert invoke("export", "--db", db, "--tables", "nope", "-o", str(tmp_path), ok=False).exit_code == 2


def test_store_cli_default_store_from_env(records, monkeypatch, tmp_path):
    monkeypatch.setenv("COMITY_DB", str(tmp_path / "env.db"))
    invoke("ingest", "--records", str(records))
    assert (tmp_path / "env.db").exists()
    assert len(json.loads(invoke("events", "--json").stdout)) == 6


def test_store_cli_help_lists_store_commands():
    shown = invoke("--help").stdout
    for command in ("ingest", "events", "timeline", "persons", "person", "search", "export"):
        assert command in shown


# ---- on the real model ---------------------------------------------------------------------------------

@pytest.mark.model
def test_store_cli_seeds_twice_and_reheadered_copy_same_counts(db_url, shared, tmp_path):
    seeds = sorted((shared / "seeds").glob("*.txt"))
    invoke("ingest", *map(str, seeds), "--db", db_url)
    with Store.open(db_url) as store:
        once = store.counts()
        assert once["events"] > 5 and once["persons"] >= 2 and once["agreements"] >= 3
        again = invoke("ingest", *map(str, seeds), "--db", db_url)
        assert "0 stored" in said(again) and store.counts() == once
        # the first seed as an aggregator would repost it: another date line, agency and sign-off
        text = seeds[0].read_text(encoding="utf-8")
        body = text.split(" — ", 1)[1].rsplit(" — ", 1)[0]
        copy = tmp_path / "repost.txt"
        copy.write_text(f" date 2024-12-19 HANOI — {body} — Vietnam Plus", encoding="utf-8")
        third = invoke("ingest", str(copy), "--db", db_url)
        assert "1 more copy" in said(third)
        after = store.counts()
    assert after["articles"] == once["articles"] + 1  # one more source...
    assert {k: v for k, v in after.items() if k != "articles"} == {k: v for k, v in once.items() if k != "articles"}
    sources = json.loads(invoke("events", "--db", db_url, "--json", "--dyad", "VNM-LAO", "--until", "2024").stdout)
    assert all("Vietnam Plus" in e["sources"] and "VNS" in e["sources"] for e in sources)


@pytest.mark.model
def test_store_cli_twin_reports_one_story(db_url, shared):
    twins = sorted((shared / "dev").glob("dev-0[34]-*.txt"))
    invoke("ingest", *map(str, twins), "--db", db_url)
    with Store.open(db_url) as store:
        counts = store.counts()
    assert counts["articles"] == 2 and counts["stories"] == 1
    signing = json.loads(invoke("events", "--db", db_url, "--json", "--type", "057", "--dyad", "VNM-KHM").stdout)
    assert len(signing) == 1 and signing[0]["reports"] == 2
    assert set(signing[0]["sources"]) == {"VNA/VNS", "Xinhua"}
    giang = json.loads(invoke("person", "Phan Van Giang", "--db", db_url, "--json").stdout)[0]
    assert set(giang["names"]) == {"Phan Văn Giang", "Phan Van Giang"}


@pytest.mark.model
def test_store_cli_demo_fills_a_store_of_its_own(tmp_path, monkeypatch):
    """The samples' invented events go to demo.db beside the records, never to the user's default
    store; the hints query that store, and say why fewer events are stored than extracted."""
    monkeypatch.setenv("COMITY_DB", str(tmp_path / "default.db"))
    demo_db = tmp_path / "demo.db"
    shown = invoke("demo", "-o", str(tmp_path / "samples.jsonl"))
    text = " ".join(shown.stdout.split())
    assert f"Stored in {demo_db}, the demo's own store" in text
    assert f"comity timeline --db {demo_db}" in text and f"comity serve --db {demo_db}" in text
    assert "stored once, with each report as a source" in text
    assert not (tmp_path / "default.db").exists()
    with Store.open(demo_db) as store:
        once = store.counts()
    assert once["events"] > 10 and once["agreements"] >= 3
    invoke("demo", "-o", str(tmp_path / "samples.jsonl"))  # again: nothing is added
    with Store.open(demo_db) as store:
        assert store.counts() == once
    assert json.loads(invoke("events", "--db", str(demo_db), "--json", "-n", "1").stdout)
