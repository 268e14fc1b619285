"""Counters the scorers share: PRFScore (spaCy's), per-label PRF, checks, a confusion table.

``PRFScore`` follows ``spacy/scorer.py``: it counts true positives, false positives and false
negatives, ``score_set(cand, gold)`` adds one comparison of two sets, and ``+`` merges
counters, so micro-averages are sums. Precision and recall of an empty denominator are 0,
as in score.py (spaCy returns 0 too).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

NONE = "—"  # the confusion table's row/column for "no event"


@dataclass
class PRFScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRFScore) -> PRFScore:
        return PRFScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def __iadd__(self, other: PRFScore) -> PRFScore:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    def score_set(self, cand: Iterable[Hashable], gold: Iterable[Hashable],
                  ignore: Iterable[Hashable] = ()) -> set:
        """Count one comparison; keys in ``ignore`` are neither required nor false positives.

        Returns the true positives (the keys found in both).
        """
        cand, gold, ignore = set(cand), set(gold), set(ignore)
        tp = cand & gold
        self.tp += len(tp)
        self.fp += len(cand - gold - ignore)
        self.fn += len(gold - cand)
        return tp

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def fscore(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 3), "r": round(self.recall, 3), "f1": round(self.fscore, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


class LabelledPRF:
    """Micro PRF over keys, plus one PRFScore per label (the label is read off each key)."""

    def __init__(self) -> None:
        self.micro = PRFScore()
        self.by_label: dict[str, PRFScore] = defaultdict(PRFScore)

    def score_set(self, cand: Iterable[Hashable], gold: Iterable[Hashable], *, label,
                  ignore: Iterable[Hashable] = ()) -> set:
        cand, gold, ignore = set(cand), set(gold), set(ignore)
        for name in {label(k) for k in cand | gold}:
            self.by_label[name].score_set({k for k in cand if label(k) == name},
                                          {k for k in gold if label(k) == name},
                                          {k for k in ignore if label(k) == name})
        return self.micro.score_set(cand, gold, ignore)

    def to_dict(self) -> dict[str, dict[str, float | int]]:
        return {str(k): v.to_dict() for k, v in sorted(self.by_label.items(), key=lambda kv: str(kv[0]))}


@dataclass
class Checks:
    """Attribute checks among matches ("is the place right, given the meeting matched?")."""

    right: Counter = field(default_factory=Counter)
    asked: Counter = field(default_factory=Counter)

    def check(self, name: str, ok: bool) -> None:
        self.asked[name] += 1
        self.right[name] += bool(ok)

    def rate(self, name: str) -> float:
        return self.right[name] / self.asked[name] if self.asked[name] else 0.0

    def to_dict(self) -> dict[str, float]:
        return {name: round(self.rate(name), 3) for name in sorted(self.asked)}


@dataclass
class Confusion:
    """Gold label (rows) against predicted label (columns); ``NONE`` stands for no event."""

    cells: Counter = field(default_factory=Counter)

    def add(self, gold: str, pred: str, n: int = 1) -> None:
        self.cells[(gold, pred)] += n

    def labels(self) -> list[str]:
        names = {g for g, _ in self.cells} | {p for _, p in self.cells}
        return sorted(names - {NONE}) + ([NONE] if NONE in names else [])

    def errors(self) -> list[tuple[tuple[str, str], int]]:
        """Off-diagonal cells, most frequent first."""
        return sorted(((k, v) for k, v in self.cells.items() if k[0] != k[1]), key=lambda kv: (-kv[1], kv[0]))

    def to_dict(self) -> dict[str, dict[str, int]]:
        rows: dict[str, dict[str, int]] = {}
        for (g, p), n in sorted(self.cells.items()):
            rows.setdefault(g, {})[p] = n
        return rows


def align_labels(gold: list[str], pred: list[str]) -> list[tuple[str, str]]:
    """Pair the labels of one slot (same sentence, or same dyad and date): equal labels first,
    then the rest in order; what is left over pairs with ``NONE``."""
    pred_left = list(pred)
    pairs, gold_left = [], []
    for g in gold:
        if g in pred_left:
            pred_left.remove(g)
            pairs.append((g, g))
        else:
            gold_left.append(g)
    for i, g in enumerate(gold_left):
        pairs.append((g, pred_left[i] if i < len(pred_left) else NONE))
    pairs += [(NONE, p) for p in pred_left[len(gold_left):]]
    return pairs
