"""The analyst's commands (issue 17) through the real CLI (typer's runner at 80 columns, as piped):
`agreements`, `agreement` and `mechanisms` read the store through the web view's queries when given
no report paths; given paths they still extract and list them."""
from __future__ import annotations

import csv
import io
import json

import pytest
import store_records as rec
from cli_run import invoker, said
from typer.testing import CliRunner

from comity.model import result_to_json

runner = CliRunner(env={"COLUMNS": "80"})


invoke = invoker(runner)


@pytest.fixture
def db(db_url, tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text("".join(result_to_json(r) + "\n" for r in rec.all_results()), encoding="utf-8")
    invoke("ingest", "--records", str(records), "--db", db_url)
    return db_url


# ---- the store -----------------------------------------------------------------------------------------

def test_analyst_cli_agreements_from_the_store(db):
    table = invoke("agreements", "--between", "VNM", "LAO", "--db", db).stdout
    assert "Agreements LAO–VNM (1)" in table and "protocol" in table and "2025-12-02" in table
    rows = json.loads(invoke("agreements", "--db", db, "--json").stdout)
    assert sorted((r["kind"], tuple(r["parties"])) for r in rows) == [
        ("annual_plan", ("KHM", "VNM")), ("protocol", ("LAO", "VNM"))]
    assert {"id", "status", "marks", "reports", "successor"} <= set(rows[0])
    named = json.loads(invoke("agreements", "--between", "Laos", "Việt Nam", "--db", db, "--json").stdout)
    assert [r["kind"] for r in named] == ["protocol"]
    lines = list(csv.DictReader(io.StringIO(invoke("agreements", "--db", db, "--csv").stdout)))
    assert len(lines) == 2 and json.loads(lines[0]["marks"])[0]["status"]


@pytest.mark.parametrize("args,expected", [
    (["--kind", "protocol"], ["protocol"]), (["--kind", "mou"], []),
    (["--status", "signed"], ["annual_plan", "protocol"]), (["--status", "negotiating"], []),
    (["--since", "2025-12-03"], ["annual_plan"]), (["--since", "2026"], []),
    (["--between", "KHM", "VNM", "--kind", "annual_plan"], ["annual_plan"]),
])
def test_analyst_cli_agreements_filters_as_the_web_view(db, args, expected):
    rows = json.loads(invoke("agreements", "--db", db, "--json", *args).stdout)
    assert sorted(r["kind"] for r in rows) == expected


def test_analyst_cli_agreement_from_the_store(db):
    rows = json.loads(invoke("agreements", "--between", "VNM", "LAO", "--db", db, "--json").stdout)
    shown = " ".join(invoke("agreement", "--id", str(rows[0]["id"]), "--db", db).stdout.split())
    for text in ("protocol on defence cooperation for the 2025–2029 period", "Timeline", "negotiating",
                 "signed on 2025-12-02", "report lao-2024", "“signed the protocol”"):
        assert text in shown, text
    by_name = json.loads(invoke("agreement", "--id", "protocol defence", "--db", db, "--json").stdout)
    assert by_name["agreement"]["id"] == rows[0]["id"] and len(by_name["observations"]) == 2
    missing = invoke("agreement", "--id", "999", "--db", db, ok=False)
    assert missing.exit_code == 2 and "no agreement 999 in the store" in said(missing)


def test_analyst_cli_mechanisms_from_the_store(db):
    table = invoke("mechanisms", "--db", db).stdout
    assert "Mechanisms (1)" in table and "2nd held 2024-10" in table
    rows = json.loads(invoke("mechanisms", "--between", "LAO", "VNM", "--db", db, "--json").stdout)
    assert [r["countries"] for r in rows] == [["LAO", "VNM"]]
    assert json.loads(invoke("mechanisms", "--between", "KHM", "VNM", "--db", db, "--json").stdout) == []
    one = " ".join(invoke("mechanisms", "--id", str(rows[0]["id"]), "--db", db).stdout.split())
    assert "Việt Nam-Laos Defence Border Friendship Exchange" in one and "members: LAO–VNM" in one
    assert invoke("mechanisms", "--id", "x1", "--db", db, ok=False).exit_code == 2


def test_analyst_cli_paths_and_db_are_one_or_the_other(db, tmp_path):
    (tmp_path / "r.txt").write_text("Nothing happened.", encoding="utf-8")
    both = invoke("agreements", str(tmp_path / "r.txt"), "--db", db, ok=False)
    assert both.exit_code == 2 and "not both" in said(both)
    assert invoke("mechanisms", str(tmp_path / "r.txt"), "--csv", ok=False).exit_code == 2


def test_analyst_cli_empty_default_store_lists_nothing():
    assert json.loads(invoke("agreements", "--json").stdout) == []
    assert "Mechanisms (0)" in invoke("mechanisms").stdout


# ---- on the real model: the bundled samples, stored and given as paths ---------------------------------

@pytest.mark.model
def test_analyst_cli_samples_store_and_paths_agree(tmp_path):
    from comity.cli.demo import sample_dir

    db = f"sqlite:///{tmp_path / 'demo.db'}"
    shown = " ".join(invoke("demo", "-o", str(tmp_path / "samples.jsonl"), "--db", db).stdout.split())
    assert f"comity agreements --db {db} --between KHM VNM" in shown  # the demo's hint, run as printed:
    stored = json.loads(invoke("agreements", "--db", db, "--between", "KHM", "VNM", "--json").stdout)
    given = json.loads(invoke("agreements", str(sample_dir()), "-q", "--between", "VNM", "KHM",
                              "--json").stdout)
    assert len(stored) == len(given) >= 3
    assert sorted(r["name"] for r in stored) == sorted(r["name"] for r in given)
    series = json.loads(invoke("mechanisms", "--db", db, "--json").stdout)
    assert len(series) == len(json.loads(invoke("mechanisms", str(sample_dir()), "-q", "--json").stdout)) >= 1
