"""Who acts: states, organisations, people."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Person:
    """One person named in an article, all their mentions resolved to one id (`p1`, `p2`...)."""

    id: str
    name: str
    country: str | None = None
    titles: tuple[str, ...] = ()
    rank: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    key: str = ""  # name folded for matching across spellings and articles ("phan van giang")
    confidence: float = 0.5
    rule: str = ""  # how the finder kept it ("persons.title-left", docs/extraction.md)
    steps: tuple[str, ...] = ()  # what later changed it ("persons.country.context"), in order


@dataclass(frozen=True, slots=True)
class Actor:
    """One side of an event: a state (ISO alpha-3 or `IGO`), a sector, and the person acting, if named."""

    country: str | None
    sector: str | None = None
    person: str | None = None
    name: str | None = None  # the body's name for IGOs ("ASEAN")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting held (or planned) between states: a view over the CONSULT events of one date and dyad."""

    id: str
    date: str | None
    kind: str  # talks | visit | call | courtesy_call | sideline | reception | exercise
    countries: tuple[str, ...]
    place: Place | None = None
    host_country: str | None = None
    participants: tuple[str, ...] = field(default=())  # person ids
    status: str = "held"
    events: tuple[str, ...] = ()  # event ids
    rule: str = ""  # the rules of the events it is drawn from, joined by "+"
    steps: tuple[str, ...] = ()
