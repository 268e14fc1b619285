"""The floors file: loading, lookup by hash, and updates that only raise floors."""
from __future__ import annotations

import json

import pytest

from comity.errors import EvalError
from comity.eval import entry_for, load_baseline, sha256_file
from comity.eval.baseline import update_baseline

GOLD = {"id": "r1", "events": [{"cameo": "040", "source": "VNM", "target": "LAO", "date": "2024-12-18"},
                               {"cameo": "057", "source": "VNM", "target": "LAO", "date": "2024-12-18"}]}
PRED = {"article": {"id": "r1"}, "events": [
    {"cameo": "040", "source": {"country": "VNM"}, "target": {"country": "LAO"}, "date": "2024-12-18"}]}


@pytest.fixture
def shared_dir(tmp_path):
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    (tmp_path / "preds.jsonl").write_text(json.dumps(PRED) + "\n", encoding="utf-8")
    return tmp_path


def write_baseline(path, floors, sha="0" * 64):
    path.write_text(json.dumps({"epsilon": 0.001, "sets": {"tiny": {
        "format": "comity", "gold": "gold.jsonl", "inputs": ["preds.jsonl"], "sha256": sha,
        "floors": floors}}}), encoding="utf-8")
    return path


def test_baseline_update_raises_floors_only(shared_dir, tmp_path):
    # events: tp 1, fn 1 -> P 1.0, R 0.5, F1 0.667
    path = write_baseline(tmp_path / "b.json", {"events.f1": 0.2, "events.p": 1.0, "events.r": 0.9})
    changes = update_baseline(path, shared_dir, margin=0.02)
    data = load_baseline(path)
    entry = data["sets"]["tiny"]
    assert entry["sha256"] == sha256_file(shared_dir / "gold.jsonl")
    assert entry["floors"] == {"events.f1": 0.64, "events.p": 1.0, "events.r": 0.9}  # 0.9 is kept
    assert entry["measured"] == {"events.f1": 0.667, "events.p": 1.0, "events.r": 0.5}
    assert "tiny: events.f1 floor 0.20 -> 0.64" in changes
    update_baseline(path, shared_dir, margin=0.02, allow_regression=True)
    assert load_baseline(path)["sets"]["tiny"]["floors"]["events.r"] == 0.48


def test_baseline_entry_for_finds_the_hash(shared_dir, tmp_path):
    sha = sha256_file(shared_dir / "gold.jsonl")
    data = load_baseline(write_baseline(tmp_path / "b.json", {"events.f1": 0.5}, sha=sha))
    assert entry_for(data, sha)[0] == "tiny"
    assert entry_for(data, "f" * 64) is None


@pytest.mark.parametrize("content", ["not json", "[]", '{"sets": {"x": {"floors": {}}}}',
                                     '{"sets": {"x": {"sha256": "ab", "floors": {"a": "high"}}}}'])
def test_baseline_invalid_file(tmp_path, content):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match="E304"):
        load_baseline(path)
