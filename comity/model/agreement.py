"""Agreements (protocols, plans, MoUs...) and recurring mechanisms, as reported in one article."""
from __future__ import annotations

from dataclasses import dataclass

from .actor import Place
from .evidence import Evidence

AGREEMENT_KINDS = (
    "protocol", "annual_plan", "mou", "agreement", "treaty", "minutes", "joint_statement",
    "joint_vision", "action_plan", "letter_of_intent", "other",
)
AGREEMENT_STATUSES = (
    "signed", "agreed_to_implement", "reviewed", "implemented", "proposed", "negotiating",
    "renewed", "mentioned",
)


@dataclass(frozen=True, slots=True)
class Agreement:
    id: str
    kind: str
    name: str  # as written
    parties: tuple[str, ...]  # ISO alpha-3, sorted
    status: str
    evidence: Evidence
    domain: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    signed_on: str | None = None
    signatories: tuple[str, ...] = ()  # person ids
    witnesses: tuple[str, ...] = ()
    confidence: float = 0.5
    rule: str = ""  # the term pattern that found it ("agreements.term.mou", docs/extraction.md)
    steps: tuple[str, ...] = ()  # how its status was read and what later mentions changed, in order


@dataclass(frozen=True, slots=True)
class Mechanism:
    id: str
    name: str
    countries: tuple[str, ...]
    evidence: Evidence
    ordinal: int | None = None
    level: str | None = None  # ministerial | deputy_ministerial | ...
    status: str = "mentioned"  # held | planned | mentioned
    date: str | None = None
    place: Place | None = None
    confidence: float = 0.5
    rule: str = ""  # the name pattern that found it (docs/extraction.md)
    steps: tuple[str, ...] = ()
