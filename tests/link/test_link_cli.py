"""`comity agreements`, `comity agreement`, `comity mechanisms` over hand-built results (no model):
the extraction step is replaced, the commands and the linking are real."""
import json
import re

import pytest
from typer.testing import CliRunner

from comity.cli import app
from comity.cli import agreements as cli

from .records import agreement, mechanism, report

runner = CliRunner()
PROTOCOL_NEW = "protocol on defence cooperation for the 2025–29 period"


@pytest.fixture(autouse=True)
def fake_results(monkeypatch):
    results = [
        report("vns", "2024-12-18", source="VNS", persons=[("p1", "Phan Văn Giang")], agreements=[
            agreement("protocol", period=(2020, 2024), status="reviewed", id="a1",
                      name="the protocol on defence cooperation for the 2020–24 period"),
            agreement("protocol", period=(2025, 2029), status="agreed_to_implement", id="a2", name=PROTOCOL_NEW),
            agreement("annual_plan", period=(2025, 2025), status="agreed_to_implement", id="a3",
                      name="the 2025 cooperation plan"),
            agreement(name="a Memorandum of Understanding on cooperation in military and defence law", id="a4",
                      status="signed", signed_on="2024-12-18", signatories=["p1"])],
            mechanisms=[mechanism("second Việt Nam-Laos Defence Border Friendship Exchange", ordinal=2,
                                  status="held", date="2024-10")]),
        report("kpl", "2025-01-05", agreements=[
            agreement(name="MoU on military and defense law", status="negotiating")]),
        report("akp", "2025-03-04", agreements=[
            agreement("agreement", ("KHM", "VNM"), name="agreement on search and rescue at sea", status="signed")]),
    ]
    monkeypatch.setattr(cli, "_results", lambda paths, published, quiet: results)


def message(result) -> str:
    """The output without the frame that rich draws around usage errors."""
    return " ".join(re.sub("[│╭╮╰╯─]", " ", result.output).split())


def invoke(*args):
    result = runner.invoke(app, [*args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_agreements_cli_lists_each_instrument_once():
    out = invoke("agreements", "reports/")
    assert "Agreements (5)" in out
    for text in ("protocol", "2025–2029", "agreed_to_implement", "Memorandum of Understanding", "KHM–VNM"):
        assert text in out


def test_agreements_cli_filters_between_and_kind():
    out = invoke("agreements", "reports/", "--between", "laos", "VNM", "--kind", "protocol")
    assert "Agreements (2)" in out and "KHM" not in out


def test_agreements_cli_json_has_timeline_and_links():
    data = {a["key"]: a for a in json.loads(invoke("agreements", "reports/", "--json"))}
    new = data["protocol|LAO-VNM|2025-2029"]
    assert new["links"]["successor_of"] == "protocol|LAO-VNM|2020-2024"
    assert new["links"]["children"] == ["annual_plan|LAO-VNM|2025-2025"]
    mou = data["mou|LAO-VNM|name:defence law military"]
    assert [o["article_id"] for o in mou["observations"]] == ["vns", "kpl"]
    assert mou["conflicts"] == ["signed 2024-12-18 (report vns) then negotiating 2025-01-05 (report kpl)"]
    assert len(mou["id"]) == 8


def test_agreement_cli_shows_timeline_quotes_and_links():
    rows = json.loads(invoke("agreements", "reports/", "--json"))
    new = next(a for a in rows if a["key"] == "protocol|LAO-VNM|2025-2029")
    out = invoke("agreement", "reports/", "--id", new["id"][:5])
    assert PROTOCOL_NEW in out and "Timeline" in out and "report vns (VNS)" in out
    assert f"“{PROTOCOL_NEW}”" in out
    assert "predecessor:" in out and "2020–2024" in out and "child:" in out


def test_agreement_cli_conflict_shown():
    rows = json.loads(invoke("agreements", "reports/", "--json"))
    mou = next(a for a in rows if a["kind"] == "mou")
    out = invoke("agreement", "reports/", "--id", mou["id"])
    assert "Conflicts" in out and "then negotiating 2025-01-05 (report kpl)" in out
    assert "by Phan Văn Giang" in out


def test_agreement_cli_unknown_id_is_a_usage_error():
    result = runner.invoke(app, ["agreement", "reports/", "--id", "zzzz"])
    assert result.exit_code == 2
    assert "no agreement in these reports matches 'zzzz'" in message(result)
    assert "`comity agreements PATH...` lists them" in message(result)


def test_mechanisms_cli_lists_and_shows_a_series():
    out = invoke("mechanisms", "reports/")
    assert "Mechanisms (1)" in out and "2nd held 2024-10" in out
    [series] = json.loads(invoke("mechanisms", "reports/", "--json"))
    assert series["key"] == "border defence exchange friendship|LAO-VNM"
    out = invoke("mechanisms", "reports/", "--id", series["id"])
    assert "Việt Nam-Laos Defence Border Friendship Exchange" in out and "report vns" in out


def test_between_rejects_unknown_country():
    result = runner.invoke(app, ["agreements", "reports/", "--between", "Atlantis", "VNM"])
    assert result.exit_code == 2 and "'Atlantis' is not a country" in message(result)
