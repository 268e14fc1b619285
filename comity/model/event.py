"""Coded events (CAMEO and PLOVER)."""
from __future__ import annotations

from dataclasses import dataclass

from .actor import Actor, Place
from .evidence import Evidence


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
