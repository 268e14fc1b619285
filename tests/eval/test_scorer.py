"""The shared counters: PRFScore, per-label PRF, checks, confusion alignment."""
from __future__ import annotations

import pytest

from comity.eval import NONE, Checks, Confusion, PRFScore
from comity.eval.baseline import check_floors
from comity.eval.scorer import LabelledPRF, align_labels


def test_scorer_prf_score_set_and_figures():
    s = PRFScore()
    tp = s.score_set({"a", "b", "x"}, {"a", "b", "c", "d"})
    assert tp == {"a", "b"}
    assert (s.tp, s.fp, s.fn) == (2, 1, 2)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(0.5)
    assert s.fscore == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert s.to_dict() == {"p": 0.667, "r": 0.5, "f1": 0.571, "tp": 2, "fp": 1, "fn": 2}


def test_scorer_prf_ignore_is_neutral():
    s = PRFScore()
    s.score_set({"a", "opt"}, {"a"}, ignore={"opt"})
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)


def test_scorer_prf_empty_is_zero_and_add_is_micro():
    assert (PRFScore().precision, PRFScore().recall, PRFScore().fscore) == (0.0, 0.0, 0.0)
    total = PRFScore(1, 0, 1) + PRFScore(3, 2, 0)
    assert (total.tp, total.fp, total.fn) == (4, 2, 1)
    total += PRFScore(0, 0, 5)
    assert total.fn == 6


def test_scorer_labelled_prf_splits_by_label():
    s = LabelledPRF()
    s.score_set({("consult", 1), ("sign", 1)}, {("consult", 1), ("visit", 1)}, label=lambda k: k[0])
    d = s.to_dict()
    assert (d["consult"]["tp"], d["sign"]["fp"], d["visit"]["fn"]) == (1, 1, 1)
    assert (s.micro.tp, s.micro.fp, s.micro.fn) == (1, 1, 1)


def test_scorer_checks_rate():
    c = Checks()
    c.check("place", True)
    c.check("place", False)
    c.check("role", True)
    assert c.to_dict() == {"place": 0.5, "role": 1.0}
    assert c.rate("absent") == 0.0


@pytest.mark.parametrize("gold, pred, pairs", [
    (["04", "05"], ["05", "04"], [("04", "04"), ("05", "05")]),
    (["04"], ["11"], [("04", "11")]),
    (["04", "03"], [], [("04", NONE), ("03", NONE)]),
    ([], ["07"], [(NONE, "07")]),
    (["04", "04"], ["04", "11", "13"], [("04", "04"), ("04", "11"), (NONE, "13")]),
])
def test_scorer_align_labels(gold, pred, pairs):
    assert align_labels(gold, pred) == pairs


def test_scorer_confusion_errors_and_labels():
    c = Confusion()
    c.add("04", "04", 3)
    c.add("04", NONE, 2)
    c.add(NONE, "11")
    assert c.labels() == ["04", "11", NONE]
    assert c.errors() == [(("04", NONE), 2), ((NONE, "11"), 1)]
    assert c.to_dict() == {"04": {"04": 3, NONE: 2}, NONE: {"11": 1}}


def test_scorer_floors_shortfalls():
    floors = {"events.f1": 0.8, "coverage": 0.5, "absent": 0.1}
    short = check_floors({"events.f1": 0.7995, "coverage": 0.4}, floors, epsilon=0.001)
    assert [(s.metric, s.value) for s in short] == [("absent", None), ("coverage", 0.4)]
    assert "coverage 0.400 < floor 0.500" in [str(s) for s in short]
    assert check_floors({"events.f1": 0.79}, {"events.f1": 0.8}, epsilon=0.001)[0].metric == "events.f1"
