"""Coded events (CAMEO and PLOVER)."""
from __future__ import annotations

from dataclasses import dataclass

from .actor import Actor, Place
from .evidence import Evidence

# PLOVER 2.0 event types in the manual's order (cooperation to conflict), and "" for the CAMEO codes
# PLOVER drops (01x, 02x). The codebook checks cameo.yaml against it; the web's charts give each type
# one pattern and colour by its place here, the same on every page.
PLOVER_TYPE_ORDER: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "",
)


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str = ""
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    cameo: str
    plover: Plover
    source: Actor
    target: Actor | None
    date: str | None  # ISO date, or YYYY-MM / YYYY at coarser granularity
    evidence: Evidence
    place: Place | None = None
    date_text: str | None = None  # the expression the date was resolved from ("on Tuesday")
    date_granularity: str | None = None  # day | month | year
    goldstein: float | None = None
    quad_class: int | None = None  # Phoenix quad convention: 0 neutral, 1 V-coop, 2 M-coop, 3 V-conf, 4 M-conf
    trigger: str = ""
    more_evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    rule: str = ""  # the rule that found it (a trigger row's id, docs/extraction.md)
    steps: tuple[str, ...] = ()  # the post-steps and guards that changed it, in order
