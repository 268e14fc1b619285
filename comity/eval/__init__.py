"""Evaluation: gold readers for three formats, scorers, and the floors of the CI gate.

    from comity.eval import evaluate
    ev = evaluate("../shared/gold/seeds.jsonl", ["../shared/seeds"])
    ev.flat()["events.f1"]

Modules: ``gold`` (internal form, format detection, SHA-256), ``comity_gold``,
``plover_gold``, ``petrarch_gold`` (readers), ``scorer`` (PRFScore, checks, confusion),
``comity_score`` (score.py's rules), ``peer_score`` (sentence sets), ``run`` (evaluate),
``baseline`` (floors). What each figure means: ``docs/evaluation.md``.
"""
from .baseline import check_floors, entry_for, load_baseline
from .comity_score import ComityScores, event_class, score_comity
from .gold import (
    FORMATS, GoldActor, GoldAgreement, GoldDoc, GoldEvent, GoldMeeting, GoldPerson, detect_format,
    read_gold, sha256_file,
)
from .peer_score import PeerScores, score_petrarch, score_plover
from .petrarch_gold import parse_actor_code, read_petrarch_gold
from .plover_gold import OLD_TO_NEW, read_plover_gold
from .comity_gold import read_comity_gold
from .run import Evaluation, evaluate, read_predictions
from .scorer import NONE, Checks, Confusion, PRFScore

__all__ = [
    "FORMATS", "NONE", "OLD_TO_NEW", "Checks", "ComityScores", "Confusion", "Evaluation", "GoldActor",
    "GoldAgreement", "GoldDoc", "GoldEvent", "GoldMeeting", "GoldPerson", "PRFScore", "PeerScores",
    "check_floors", "detect_format", "entry_for", "evaluate", "event_class", "load_baseline",
    "parse_actor_code", "read_comity_gold", "read_gold", "read_petrarch_gold", "read_plover_gold",
    "read_predictions", "score_comity", "score_petrarch", "score_plover", "sha256_file",
]
