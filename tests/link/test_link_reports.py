"""Linking on the real model: reports written for these tests (tests/data/link/) and the two seeds."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from comity.cli import app
from comity.ingest import read_paths
from comity.link import link, link_agreements, link_mechanisms

pytestmark = pytest.mark.model

DATA = Path(__file__).resolve().parents[1] / "data" / "link"


@pytest.fixture(scope="module")
def reports(pipeline):
    return list(pipeline.extract_many(read_paths(sorted(DATA.glob("*.txt")))))


@pytest.fixture(scope="module")
def seeds(shared, pipeline):
    return list(pipeline.extract_many(read_paths(sorted((shared / "seeds").glob("*.txt")))))


def by_key(results):
    return {a.key: a for a in link_agreements(results)}


def test_link_reports_same_mou_from_two_outlets(reports):
    # VNS: Việt Nam, defence, Khamliang; Xinhua: Vietnam, defense, Khamlieng, "in Hanoi" after the name
    mou = by_key(reports)["mou|LAO-VNM|name:defence law military"]
    assert [(o.article_id, o.status, o.signed_on) for o in mou.observations] == [
        ("mou-vns-2024-12-18", "signed", "2024-12-18"), ("mou-xinhua-2024-12-19", "signed", "2024-12-18")]
    assert (mou.latest_status, mou.latest_date, mou.conflicts) == ("signed", "2024-12-18", ())
    assert [o.source for o in mou.observations] == ["VNS", "Xinhua"]
    assert len(mou.observations[0].signatories) == 2
    quote = mou.observations[1].evidence
    assert "memorandum of understanding on military and defense law cooperation" in quote.text


def test_link_reports_period_forms_link(reports):
    protocol = by_key(reports)["protocol|LAO-VNM|2025-2029"]  # "2025–29 period" and "for 2025-2029"
    assert protocol.reports == ("mou-vns-2024-12-18", "mou-xinhua-2024-12-19")
    assert protocol.latest_status == "agreed_to_implement"
    rel = link(list(by_key(reports).values()))
    assert rel[protocol.key]["successor_of"] == "protocol|LAO-VNM|2020-2024"
    assert rel[protocol.key]["children"] == ["annual_plan|LAO-VNM|2025-2025"]


def test_link_reports_signed_then_negotiating_is_a_conflict(reports):
    [sar] = [a for a in link_agreements(reports) if a.parties == ("KHM", "VNM")]
    assert [o.status for o in sar.observations] == ["signed", "negotiating"]
    assert sar.conflicts == ("signed 2025-03-03 (report sar-akp-2025-03-04) then negotiating 2025-03-12 "
                             "(report sar-vna-2025-03-12)",)


def test_link_reports_dialogue_series(reports):
    series = {s.key: s for s in link_mechanisms(reports)}
    dialogue = series["defence dialogue policy|LAO-VNM"]  # "deputy ministerial" in one report only
    held = [(o.ordinal, o.date, o.article_id) for o in dialogue.occurrences if o.status == "held"]
    assert held == [(6, "2025-06-09", "dialogue-kpl-2025-06-10"), (7, "2026-05-19", "dialogue-vns-2026-05-20")]
    assert dialogue.last_held.ordinal == 7 and dialogue.conflicts == ()


def test_link_seeds_one_timeline(seeds):
    agreements = link_agreements(seeds)
    rel = link(agreements)
    keys = {a.key for a in agreements}
    protocol, old = "protocol|LAO-VNM|2025-2029", "protocol|LAO-VNM|2020-2024"
    plans = ["annual_plan|LAO-VNM|2025-2025", "annual_plan|LAO-VNM|2026-2026"]
    assert {protocol, old, *plans} <= keys
    assert rel[protocol]["successor_of"] == old and rel[old]["successor"] == protocol
    assert rel[protocol]["children"] == plans
    assert all(rel[p]["parent"] == protocol for p in plans)
    assert rel[plans[0]]["successor"] == plans[1]
    reports = {a.key: a.reports for a in agreements}
    assert reports[plans[0]] == ("000_aea7e2ec31218e0a",) and reports[plans[1]] == ("002_903a55c8c03dccfb",)


def test_link_seeds_and_reports_share_the_mou_and_exchange(seeds, reports):
    mou = by_key(seeds + reports)["mou|LAO-VNM|name:defence law military"]
    assert mou.reports == ("000_aea7e2ec31218e0a", "mou-vns-2024-12-18", "mou-xinhua-2024-12-19")
    [exchange] = [s for s in link_mechanisms(seeds) if "exchange" in s.key]
    assert [(o.ordinal, o.status, o.date) for o in exchange.occurrences] == [(2, "held", "2024-10")]


def test_link_cli_on_seeds(shared):
    runner = CliRunner()
    result = runner.invoke(app, ["agreements", str(shared / "seeds"), "--json", "-q"])
    assert result.exit_code == 0, result.output
    rows = {a["key"]: a for a in json.loads(result.stdout)}
    protocol = rows["protocol|LAO-VNM|2025-2029"]
    assert protocol["links"]["successor_of"] == "protocol|LAO-VNM|2020-2024"
    shown = runner.invoke(app, ["agreement", str(shared / "seeds"), "--id", protocol["id"], "-q"])
    assert shown.exit_code == 0, shown.output
    for text in ("predecessor:", "child:", "Timeline", "report 000_aea7e2ec31218e0a (VNS)"):
        assert text in shown.stdout


def test_link_cli_agreement_reads_the_same_from_the_store_and_from_paths(shared, tmp_path):
    """`comity agreement` has one renderer: an agreement of the seeds shows the same lines whether the
    seeds were stored first or are given as paths, but for the ids (a store number, a key's hash)."""
    runner = CliRunner(env={"COLUMNS": "100"})
    seeds, db = str(shared / "seeds"), str(tmp_path / "seeds.db")

    def ran(*args):
        result = runner.invoke(app, list(args))
        assert result.exit_code == 0, (result.output, result.exception)
        return result.stdout

    ran("ingest", seeds, "--db", db, "-q")
    stored = {a["name"]: str(a["id"]) for a in json.loads(ran("agreements", "--db", db, "--json"))}
    given = {a["name"]: a["id"] for a in json.loads(ran("agreements", seeds, "--json", "-q"))}
    assert set(stored) == set(given) and len(stored) == 5

    def unnamed(text: str, own: str, ids: dict[str, str]) -> str:
        text = text.replace(f"({own})", "(ID)")  # the title line
        for other in ids.values():
            text = text.replace(f": {other} ", ": ID ")  # linked agreements
        return text

    for name in stored:
        from_store = ran("agreement", "--id", stored[name], "--db", db)
        from_paths = ran("agreement", seeds, "--id", given[name], "-q")
        assert "Timeline" in from_store
        assert unnamed(from_store, stored[name], stored) == unnamed(from_paths, given[name], given), name
