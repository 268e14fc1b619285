"""The evaluation gate: comity on seeds, dev, the real corpus, the PLOVER gold records and the PETRARCH-2
validation sentences must not fall below the floors pinned in eval_baseline.json.

Each set's gold file is pinned by its SHA-256: changed gold data fails here until it is
measured again (python -m comity.eval tests/eval/eval_baseline.json ../shared). Floors are
only raised; lowering one needs --allow-regression and a reason in the commit message.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from comity.eval import check_floors, load_baseline, sha256_file
from comity.eval.baseline import measure

pytestmark = pytest.mark.model

BASELINE_PATH = Path(__file__).with_name("eval_baseline.json")
SETS = ("seeds", "dev", "real", "plover", "petrarch")


@pytest.fixture(scope="module")
def baseline() -> dict:
    return load_baseline(BASELINE_PATH)


def test_eval_gate_pins_every_set_with_sane_floors(baseline):
    assert set(baseline["sets"]) == set(SETS)
    for name, entry in baseline["sets"].items():
        assert len(entry["sha256"]) == 64, name
        for metric, floor in entry["floors"].items():
            # a floor above what was measured is a typo that would fail every run
            assert 0 <= floor <= entry["measured"][metric], (name, metric)


@pytest.mark.parametrize("name", SETS)
def test_eval_gate_floors(name, baseline, shared, pipeline):
    entry = baseline["sets"][name]
    gold = Path(shared) / entry["gold"]
    assert sha256_file(gold) == entry["sha256"], (
        f"{gold} changed since its floors were set: measure again "
        f"(python -m comity.eval {BASELINE_PATH} {shared}) and commit the new hash with a reason")
    ev = measure(entry, shared, pipeline)
    assert ev.scores.missing == [], "every gold document must get a prediction"
    short = check_floors(ev.flat(), entry["floors"], baseline["epsilon"])
    assert not short, f"{name}: " + "; ".join(map(str, short))
