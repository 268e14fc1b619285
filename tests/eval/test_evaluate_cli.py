"""`comity evaluate` through its command line: predictions files, floors, errors, peer sets."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from comity.cli import app
from comity.eval import sha256_file

runner = CliRunner()

GOLD = {"id": "r1", "published": "2024-12-18",
        "events": [{"cameo": "040", "source": "VNM", "target": "LAO", "date": "2024-12-18"},
                   {"cameo": "057", "source": "VNM", "target": "LAO", "date": "2024-12-18"}],
        "meetings": [{"date": "2024-12-18", "countries": ["LAO", "VNM"], "place": "Ha Noi"}]}
PRED = {"article": {"id": "r1"}, "events": [
    {"cameo": "040", "plover": {"type": "CONSULT"}, "source": {"country": "LAO"}, "target": {"country": "VNM"},
     "date": "2024-12-18", "place": {"name": "Hà Nội"}},
    {"cameo": "111", "plover": {"type": "ACCUSE"}, "source": {"country": "LAO"}, "target": {"country": "VNM"},
     "date": "2024-12-18"}]}


@pytest.fixture
def files(tmp_path):
    gold, preds = tmp_path / "gold.jsonl", tmp_path / "preds.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    preds.write_text(json.dumps(PRED, ensure_ascii=False) + "\n", encoding="utf-8")
    return gold, preds


def floors_file(tmp_path, gold, floors):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"epsilon": 0.001, "sets": {"tiny": {
        "format": "comity", "gold": gold.name, "sha256": sha256_file(gold), "floors": floors}}}), encoding="utf-8")
    return path


def test_evaluate_cli_tables(files):
    gold, preds = files
    result = runner.invoke(app, ["evaluate", str(gold), str(preds)])
    assert result.exit_code == 0, result.output
    assert "│ events      │ 0.500 │ 0.500 │ 0.500 │  1 │  1 │  1 │" in result.stdout
    assert "place=1.000" in result.stdout
    assert "Confusion" in result.stdout


def test_evaluate_cli_json(files):
    gold, preds = files
    result = runner.invoke(app, ["evaluate", str(gold), str(preds), "--json"])
    assert result.exit_code == 0
    figures = json.loads(result.stdout)
    assert (figures["format"], figures["predictions"]) == ("comity", "file")
    assert figures["events"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert figures["meetings"]["f1"] == 1.0
    assert figures["confusion"] == {"04": {"04": 1}, "05": {"11": 1}}
    assert figures["sha256"] == sha256_file(gold)


def test_evaluate_cli_floors_met_and_missed(files, tmp_path):
    gold, preds = files
    ok = floors_file(tmp_path, gold, {"events.f1": 0.5, "meetings.f1": 1.0})
    result = runner.invoke(app, ["evaluate", str(gold), str(preds), "--floors", str(ok)])
    assert result.exit_code == 0 and "every floor of set 'tiny' is met" in result.stdout
    high = floors_file(tmp_path, gold, {"events.f1": 0.6})
    result = runner.invoke(app, ["evaluate", str(gold), str(preds), "--floors", str(high)])
    assert result.exit_code == 1
    assert "events.f1 0.500 < floor 0.600" in result.stdout
    result = runner.invoke(app, ["evaluate", str(gold), str(preds), "--floors", str(high), "--json"])
    assert json.loads(result.stdout)["floors"] == {"set": "tiny", "below": ["events.f1 0.500 < floor 0.600"]}


def test_evaluate_cli_gold_not_in_floors(files, tmp_path):
    gold, preds = files
    floors = floors_file(tmp_path, gold, {"events.f1": 0.5})
    gold.write_text(json.dumps(GOLD) + "\n\n", encoding="utf-8")  # the gold changed: its hash too
    result = runner.invoke(app, ["evaluate", str(gold), str(preds), "--floors", str(floors)])
    assert result.exit_code == 2 and "[E303]" in result.stderr


@pytest.mark.parametrize("args, code", [
    ([], "[E305]"),                                   # comity gold needs predictions or reports
    (["--format", "plover"], "[E301]"),               # JSON Lines is not a PLOVER array
])
def test_evaluate_cli_errors(files, args, code):
    gold, _ = files
    result = runner.invoke(app, ["evaluate", str(gold), *args])
    assert result.exit_code == 2
    assert code in result.stderr


def test_evaluate_cli_bad_predictions_line(files, tmp_path):
    gold, preds = files
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(PRED) + "\n{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), str(bad)])
    assert result.exit_code == 2
    assert "[E306]" in result.stderr and f"{bad}:2" in result.stderr


def test_evaluate_cli_petrarch_with_predictions_file(tmp_path):
    gold = tmp_path / "v.xml"
    gold.write_text("""<Validation><Sentences>
<Sentence category="TEST" date="20150609" id="T1" evaluate="true"/>
<EventCoding eventcode="040" sourcecode="USA" targetcode="RUS" />
<Text>The US and Russia met.</Text></Sentence>
<Sentence category="TEST" date="20150609" id="T2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>Nothing.</Text></Sentence>
</Sentences></Validation>""", encoding="utf-8")
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps({"article": {"id": "T1"}, "events": [
        {"cameo": "040", "source": {"country": "RUS"}, "target": {"country": "USA"}}]}) + "\n"
        + json.dumps({"article": {"id": "T2"}, "events": []}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), str(preds), "--json"])
    assert result.exit_code == 0, result.output
    f = json.loads(result.stdout)
    assert (f["format"], f["root_accuracy"], f["dyad_accuracy"], f["pair_accuracy"]) == ("petrarch", 1.0, 0.0, 1.0)
    assert f["noevent_accuracy"] == 1.0
    result = runner.invoke(app, ["evaluate", str(gold), str(preds), "--show-errors"])
    assert "T1 (dyad,event)" in result.stdout


@pytest.mark.model
def test_evaluate_cli_plover_sentences_are_extracted(tmp_path):
    gold = tmp_path / "gsr.txt"
    gold.write_text(json.dumps([
        {"id": "PLOVER-GSR01-CONSULT-0001", "date": "2024-12-18", "event": "CONSULT",
         "source": [{"code": "VNM"}], "target": [{"code": "LAO"}],
         "text": "Vietnamese Defence Minister Phan Van Giang held talks with his Lao counterpart "
                 "Khamliang Outhakaysone in Hanoi on Wednesday."}]), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    f = json.loads(result.stdout)
    assert (f["format"], f["predictions"], f["sentences"]) == ("plover", "extracted", 1)
    assert f["type_accuracy"] == 1.0 and f["coverage"] == 1.0


def test_evaluate_cli_groups_score_each_group_alone(tmp_path):
    gold2 = {"id": "r2", "events": [{"cameo": "111", "source": "KHM", "target": "THA", "date": "2024-12-18"}]}
    gold, preds, groups = tmp_path / "gold.jsonl", tmp_path / "preds.jsonl", tmp_path / "sources.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n" + json.dumps(gold2) + "\n", encoding="utf-8")
    preds.write_text(json.dumps(PRED) + "\n" + json.dumps({"article": {"id": "r2"}}) + "\n", encoding="utf-8")
    groups.write_text(json.dumps({"id": "r1", "theme": "talks"}) + "\n" + json.dumps({"id": "r2", "theme": "conflict"})
                      + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), str(preds), "--groups", str(groups), "--json"])
    assert result.exit_code == 0, result.output
    by_group = json.loads(result.output)["by_group"]
    assert set(by_group) == {"talks", "conflict"}
    assert by_group["talks"]["events"]["tp"] == 1 and by_group["talks"]["events"]["fp"] == 1
    assert by_group["conflict"]["events"]["fn"] == 1 and by_group["conflict"]["documents"] == 1
    table = runner.invoke(app, ["evaluate", str(gold), str(preds), "--groups", str(groups)])
    assert "F1 by group" in table.output and "conflict" in table.output


def test_evaluate_cli_groups_file_errors_name_the_line(tmp_path, files):
    gold, preds = files
    groups = tmp_path / "sources.jsonl"
    groups.write_text(json.dumps({"id": "r1", "theme": "talks"}) + "\n" + json.dumps({"id": "r2"}) + "\n",
                      encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), str(preds), "--groups", str(groups)])
    assert result.exit_code == 2 and "sources.jsonl:2" in result.output
