"""Floors pinned in the repository (``tests/eval/eval_baseline.json``), trafilatura style.

The file names each gold set, the SHA-256 of its gold file, the figures measured when the
floors were set, and the floors themselves::

    {"epsilon": 0.001,
     "sets": {"dev": {"format": "comity", "gold": "gold/dev.jsonl", "inputs": ["dev"],
                      "sha256": "…", "measured": {"events.f1": 0.61, …},
                      "floors": {"events.f1": 0.58, …}}, …}}

``gold`` and ``inputs`` are relative to the shared data folder (``../shared``). A gold
file is found in the floors file by its hash, so changed gold data never meets stale
floors silently. Floors are only raised; lowering one needs a reason in the commit.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Errors, EvalError

DEFAULT_EPSILON = 0.001  # the extractor is deterministic; this only absorbs rounding


@dataclass(frozen=True, slots=True)
class Shortfall:
    metric: str
    value: float | None  # None: the evaluation has no such figure
    floor: float

    def __str__(self) -> str:
        got = "missing" if self.value is None else f"{self.value:.3f}"
        return f"{self.metric} {got} < floor {self.floor:.3f}"


def load_baseline(path: str | Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise EvalError(Errors.E304.format(path=path, detail=e)) from e
    sets = data.get("sets") if isinstance(data, dict) else None
    if not isinstance(sets, dict):
        raise EvalError(Errors.E304.format(path=path, detail="expected an object with \"sets\""))
    for name, entry in sets.items():
        ok = (isinstance(entry, dict) and isinstance(entry.get("sha256"), str)
              and isinstance(entry.get("floors"), dict)
              and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in entry["floors"].values()))
        if not ok:
            raise EvalError(Errors.E304.format(path=path, detail=f"set {name!r} needs \"sha256\" and numeric \"floors\""))
    return data


def entry_for(baseline: dict[str, Any], sha256: str) -> tuple[str, dict[str, Any]] | None:
    """The set whose pinned hash is ``sha256``, or None."""
    for name, entry in baseline["sets"].items():
        if entry["sha256"] == sha256:
            return name, entry
    return None


def check_floors(figures: dict[str, float], floors: dict[str, float],
                 epsilon: float = DEFAULT_EPSILON) -> list[Shortfall]:
    """Every metric below its floor (by more than ``epsilon``); a metric the figures lack fails."""
    short = []
    for metric, floor in sorted(floors.items()):
        value = figures.get(metric)
        if value is None or value < floor - epsilon:
            short.append(Shortfall(metric, value, floor))
    return short


def measure(entry: dict[str, Any], shared: str | Path, pipeline=None):
    """Evaluate one set of the floors file (paths relative to the shared data folder)."""
    from .run import evaluate

    shared = Path(shared)
    return evaluate(shared / entry["gold"], [shared / p for p in entry.get("inputs", [])],
                    fmt=entry.get("format"), pipeline=pipeline)


def update_baseline(path: str | Path, shared: str | Path, *, margin: float = 0.02,
                    allow_regression: bool = False, pipeline=None) -> list[str]:
    """Measure every set again; record the figures and hashes, and raise floors to
    ``measured - margin`` where that is higher. Floors are never lowered unless
    ``allow_regression`` (then they follow the measurement down too). Returns the changes.
    """
    data = load_baseline(path)
    changes = []
    for name, entry in data["sets"].items():
        ev = measure(entry, shared, pipeline)
        flat = ev.flat()
        if ev.sha256 != entry["sha256"]:
            changes.append(f"{name}: gold sha256 {entry['sha256'][:12]}… -> {ev.sha256[:12]}…")
            entry["sha256"] = ev.sha256
        entry["measured"] = {k: flat[k] for k in sorted(entry["floors"]) if k in flat}
        for metric, floor in sorted(entry["floors"].items()):
            # two decimals, rounded down: a floor never sits above measured - margin
            target = math.floor(round(max(0.0, flat.get(metric, 0.0) - margin) * 100, 6)) / 100
            if target > floor or (allow_regression and target < floor):
                changes.append(f"{name}: {metric} floor {floor:.2f} -> {target:.2f}")
                entry["floors"][metric] = target
    Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return changes

