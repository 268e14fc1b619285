"""Evaluation gate on the hold-out reports (tests/data/holdout): F1 floors per field.

The hold-out set measures generality. Nobody tunes rules on it (see its README). The floors sit about
0.05 under what comity scored when the set was written. Measured on 14 reports with comity at 6e55701:
  events 0.776 (P 0.812 R 0.743), meetings 0.897, agreements 0.957, persons 0.889.
After the general fixes its errors pointed to (see its README: no longer fully unseen), comity at
af68b6c+1 scores events 0.833, meetings 0.933, agreements 0.957, persons 0.889; floors raised with it.
Raise the floors when the extractor improves. Never lower them, and never edit the gold, to make a change pass.
"""
import importlib.util
import json
from pathlib import Path

import pytest

from comity.ingest import read_paths
from comity.model import result_to_json

pytestmark = pytest.mark.model

HOLDOUT = Path(__file__).resolve().parents[1] / "data" / "holdout"
FLOORS = {"events": 0.78, "meetings": 0.88, "agreements": 0.90, "persons": 0.83}


def load_scorer(shared):
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def test_holdout_gate(shared, pipeline):
    scorer = load_scorer(shared)
    articles = list(read_paths(sorted(HOLDOUT.glob("ho-*.txt"))))
    assert len(articles) == 14
    preds = [json.loads(result_to_json(r)) for r in pipeline.extract_many(articles)]
    tallies, missing = scorer.score(scorer.load_jsonl(HOLDOUT / "gold.jsonl"), preds)
    assert missing == []
    f1 = {name: round(t.prf()[2], 3) for name, t in tallies.items()}
    short = {k: (f1[k], floor) for k, floor in FLOORS.items() if f1[k] < floor}
    assert not short, f"below the floor: {short}"


def test_holdout_markets_report_yields_nothing(pipeline):
    [article] = list(read_paths([HOLDOUT / "ho-14-korea-japan-markets.txt"]))
    r = pipeline.extract(article)
    assert (r.events, r.agreements, r.persons, r.meetings) == ((), (), (), ())
