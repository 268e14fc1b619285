"""The off-topic reports of the real corpus (../shared/real, ids starting `x-`: sport, trade figures,
company news, a prank call) must yield no event their gold lacks. Most of them have no events in
gold at all; comity still codes a few (a team "hosting" another, a sales contract "signed" by a
company, a trade figure "demonstrating" growth). The ceiling below is the count at the last
measurement: lower it when comity improves, never raise it. The target, 0, is reached.
"""
import importlib.util
import json
from pathlib import Path

import pytest

from comity.ingest import read_paths
from comity.model import result_to_json

pytestmark = pytest.mark.model

CEILING = 0  # spurious events on the 12 off-topic reports (8 at 496d8bf, 6 after the intransitive
# demonstrations, 4 after the real-reporting rules of the second session of 2026-12-06, 0 after the
# third's: sporting fixtures, impostors' calls, firms' contracts and one-state acts)


def test_real_offtopic_reports_yield_no_event_gold_lacks(shared, pipeline):
    texts = sorted((Path(shared) / "real" / "texts").glob("x-*.txt"))
    assert len(texts) == 12
    spec = importlib.util.spec_from_file_location("score_py", Path(shared) / "tools" / "score.py")
    score_py = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score_py)
    gold = [g for g in score_py.load_jsonl(Path(shared) / "gold" / "real.jsonl") if g["id"].startswith("x-")]
    preds = [json.loads(result_to_json(pipeline.extract(a))) for a in read_paths(texts)]
    tallies, missing = score_py.score(gold, preds)
    assert missing == []
    spurious = [e for e in tallies["events"].errors if e[1] == "spurious"]
    assert len(spurious) <= CEILING, spurious
