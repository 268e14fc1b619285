"""`comity alerts`, `comity alerts add|rules` and `comity ingest --alerts` through the real CLI over real
stores: records and, on the real model, the bundled samples and two agencies' reports of one signing."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import store_records as rec
from cli_run import invoker, said
from typer.testing import CliRunner

from comity.model import result_to_json

runner = CliRunner(env={"COLUMNS": "200"})
SAMPLES = Path(__file__).resolve().parents[2] / "comity" / "samples"
RULES = """\
- name: vnm-lao-agreements
  dyad: [VNM, LAO]
  on: [agreement]
- name: vnm-meetings
  country: VNM
  on: meeting
"""


invoke = invoker(runner)


def listed(db: str, *args: str) -> list[dict]:
    return json.loads(invoke("alerts", "--db", db, "--json", *args).stdout)


@pytest.fixture
def records(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(result_to_json(r) + "\n" for r in rec.all_results()), encoding="utf-8")
    return path


@pytest.fixture
def rules(tmp_path):
    path = tmp_path / "alerts.yaml"
    path.write_text(RULES, encoding="utf-8")
    return path


def test_alerts_cli_ingest_with_rules_then_again(db_url, records, rules):
    first = invoke("ingest", "--records", str(records), "--db", db_url, "--alerts", str(rules))
    assert "5 new alert(s)" in said(first)  # the protocol negotiated, then signed; 3 meetings
    shown = listed(db_url)
    assert {(a["rule"], a["kind"]) for a in shown} == {("vnm-lao-agreements", "agreement"),
                                                       ("vnm-meetings", "meeting")}
    assert sorted(a["status"] for a in shown if a["kind"] == "agreement") == ["negotiating", "signed"]
    again = invoke("ingest", "--records", str(records), "--db", db_url, "--alerts", str(rules))
    assert "new alert" not in said(again) and listed(db_url) == shown
    assert [a["rule"] for a in listed(db_url, "--rule", "vnm-lao-agreements")] == ["vnm-lao-agreements"] * 2
    assert listed(db_url, "--since", "2999") == []
    table = invoke("alerts", "--db", db_url)
    assert "Alerts (5)" in table.stdout and "protocol signed" in table.stdout
    rules_json = json.loads(invoke("alerts", "rules", "--db", db_url, "--json").stdout)
    assert [(r["name"], r["alerts"], r["origin"]) for r in rules_json] == [
        ("vnm-lao-agreements", 2, f"{rules}:1"), ("vnm-meetings", 3, f"{rules}:4")]


def test_alerts_cli_add_is_the_yaml_rule(tmp_path, rules):
    by_yaml, by_options = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    invoke("alerts", "add", "--from", str(rules), "--db", by_yaml)
    added = invoke("alerts", "add", "--name", "vnm-lao-agreements", "--dyad", "VNM", "LAO",
                   "--on", "agreement", "--db", by_options)
    assert "rule vnm-lao-agreements added: agreement between LAO and VNM" in added.stdout
    invoke("alerts", "add", "--name", "vnm-meetings", "--country", "vnm", "--on", "meeting",
           "--db", by_options)

    def defined(db):
        return [{k: v for k, v in r.items() if k not in ("origin", "created_at", "updated_at")}
                for r in json.loads(invoke("alerts", "rules", "--db", db, "--json").stdout)]

    assert defined(by_yaml) == defined(by_options)
    again = invoke("alerts", "add", "--name", "vnm-meetings", "--country", "VNM", "--on", "meeting,event",
                   "--db", by_options)
    assert "rule vnm-meetings replaced: meeting/event with VNM" in again.stdout


def test_alerts_cli_bad_rules_name_the_line(db_url, tmp_path, records):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: ok\n  on: agreement\n- name: wrong\n  on: [meeting]\n  dyad: [VNM, Atlantis]\n",
                   encoding="utf-8")
    result = invoke("ingest", "--records", str(records), "--db", db_url, "--alerts", str(bad), ok=False)
    assert result.exit_code == 2 and f"{bad}:5:" in said(result)
    assert "'Atlantis' is not a country" in said(result)
    assert "report(s) read" not in said(result)  # nothing was ingested
    result = invoke("alerts", "add", "--from", str(bad), "--db", db_url, ok=False)
    assert result.exit_code == 2 and f"{bad}:5:" in said(result)
    result = invoke("alerts", "add", "--name", "x", "--on", "parade", "--db", db_url, ok=False)
    assert result.exit_code == 2 and "command line: unknown kind 'parade'" in said(result)
    result = invoke("alerts", "--rule", "nope", "--db", db_url, ok=False)
    assert result.exit_code == 2 and "E210" in result.stderr


# ---- on the real model ---------------------------------------------------------------------------------

@pytest.mark.model
def test_alerts_cli_samples_once(tmp_path, rules):
    db = f"sqlite:///{tmp_path / 's.db'}"
    rules.write_text(RULES + "- name: khm\n  dyad: [KHM, VNM]\n  on: [agreement, event]\n", encoding="utf-8")
    first = invoke("ingest", str(SAMPLES), "--db", db, "--alerts", str(rules))
    shown = listed(db)
    assert f"{len(shown)} new alert(s)" in said(first)
    assert {a["rule"] for a in shown} == {"vnm-meetings", "khm"}  # the samples have no VNM-LAO agreement
    assert all(a["evidence"] and a["report"] for a in shown)
    invoke("ingest", str(SAMPLES), "--db", db, "-q")
    assert listed(db) == shown


@pytest.mark.model
def test_alerts_cli_second_agency_updates_the_alert(tmp_path, shared):
    # VNA's and Xinhua's reports of one signing
    vna, xinhua = sorted((shared / "dev").glob("dev-0[34]-*.txt"))
    db = f"sqlite:///{tmp_path / 't.db'}"
    invoke("alerts", "add", "--name", "signing", "--dyad", "VNM", "KHM", "--on", "event", "--type", "057",
           "--db", db)
    invoke("ingest", str(vna), "--db", db)
    once = listed(db)
    assert len(once) == 1 and once[0]["sources"] == 1
    second = invoke("ingest", str(xinhua), "--db", db)
    assert "new alert" not in said(second)
    after = listed(db)
    assert len(after) == 1 and after[0]["id"] == once[0]["id"] and after[0]["sources"] == 2
