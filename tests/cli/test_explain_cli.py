"""`comity explain` through its command line on the real model: a seed, a real report, and a
report the fast path would skip."""
import json

import pytest
from typer.testing import CliRunner

from comity.cli import app

pytestmark = pytest.mark.model

runner = CliRunner()
SEED = "000_aea7e2ec31218e0a.txt"
REAL = "us-kr-2013-06-01-hagel-shangri-la-bilaterals.txt"


def explain(*args):
    result = runner.invoke(app, ["explain", *map(str, args)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_explain_seed_gives_every_record_its_rule(shared):
    data = json.loads(explain(shared / "seeds" / SEED, "--json"))
    assert data["article"] == SEED.removesuffix(".txt")
    kinds = {}
    for s in data["sentences"]:
        for kind in ("events", "meetings", "agreements", "mechanisms", "persons"):
            for record in s[kind]:
                assert record["rule"], (kind, record["id"])
                kinds[kind] = kinds.get(kind, 0) + 1
    assert set(kinds) == {"events", "meetings", "agreements", "mechanisms", "persons"}
    # the talks of sentence 0 come from the "hold" row of the trigger table
    first = data["sentences"][0]
    assert ("040", "consult.hold-talk") in {(e["cameo"], e["rule"]) for e in first["events"]}


def test_explain_text_is_readable_at_80_columns(shared):
    out = explain(shared / "seeds" / SEED)
    lines = out.splitlines()
    assert lines[0].startswith("report 000_aea7e2ec31218e0a")
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    assert "rule consult.hold-talk" in out and "rule persons.counterpart" in out


def test_explain_one_sentence_of_a_real_report(shared):
    path = shared / "real" / "texts" / REAL
    whole = json.loads(explain(path, "--json"))
    n = next(s["sentence"] for s in whole["sentences"] if s["events"])
    out = explain(path, "--sentence", n)
    assert f"[{n}] " in out and sum(line.startswith("[") for line in out.splitlines()) == 1
    for event in next(s for s in whole["sentences"] if s["sentence"] == n)["events"]:
        assert f"rule {event['rule']}" in out


def test_explain_sentence_out_of_range_is_a_usage_error(shared):
    result = runner.invoke(app, ["explain", str(shared / "seeds" / SEED), "--sentence", "999"])
    assert result.exit_code == 2 and "999" in result.output


def test_explain_runs_the_whole_pipeline_where_the_fast_path_would_skip(tmp_path):
    report = tmp_path / "sport.txt"
    report.write_text("The club won the league on Sunday. Fans celebrated in the streets.\n", encoding="utf-8")
    out = explain(report, "--published", "2025-05-04")
    assert "[0] The club won the league on Sunday." in out and "[1] Fans celebrated" in out


def test_explain_hands_the_event_coder_a_trace_list_and_reads_it_back(pipeline, monkeypatch):
    from comity.explain import TRACE_KEY, explain
    from comity.ingest import read_text
    from comity.nlp.components.events import EventCoder

    seen = []
    original = EventCoder.__call__

    def tracing(self, doc):  # what a tracing coder does: append one dict per candidate
        trace = doc.user_data.get(TRACE_KEY)
        seen.append(trace is not None)
        trace.append({"sentence": 1, "token": 9, "text": "met", "rule": "consult.meet", "outcome": "vetoed",
                      "guard": "negated", "reason": "a test", "cameo": None, "source": None, "target": None})
        return original(self, doc)

    monkeypatch.setattr(EventCoder, "__call__", tracing)
    article = read_text("The weather was fine. Laos and Vietnam did not meet on Monday.", id="t",
                        published=__import__("datetime").date(2025, 6, 4))
    explanation = explain(article, pipeline)
    assert seen == [True] and explanation.traced
    # the stub's entry, and the coder's own: the negated meeting is vetoed by not_negated
    candidates = explanation.only(1).sentences[0].candidates
    assert ("consult.meet", "negated") in {(c["rule"], c["guard"]) for c in candidates}
    assert any(c["guard"] == "not_negated" and c["outcome"] == "vetoed" and c["text"] == "meet" for c in candidates)
