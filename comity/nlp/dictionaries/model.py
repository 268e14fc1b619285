"""What a dictionary holds once read: entries with their offices, and the patterns they give.

Every reader (YAML, CSV, PETRARCH actors, PETRARCH agents) produces the same `ActorDictionary`,
so the pipeline does not care where an actor came from.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from ..gazetteer import COUNTRY, IGO, ORG, ORG_HEAD
from .codes import NON_STATE_CODES, capitals_variants, lower_variants, state_name, written_variants

PERSON_KNOWN = "PERSON_KNOWN"  # a person a dictionary names (the gazetteer's own labels cover the rest)

PERSON, ORGANISATION, STATE, AGENT = "person", "organisation", "state", "agent"
TYPES = (PERSON, ORGANISATION, STATE, AGENT)

# How the names of an entry were written, and so how to spell them for the case-sensitive matcher.
AS_WRITTEN, CAPITALS, COMMON_NOUN = "as_written", "capitals", "common_noun"


@dataclass(frozen=True, slots=True)
class Office:
    """One role: who the actor acts for (country, sector), under which title, and when.

    `start`/`end` are inclusive; None is open. `code` is the code as a PETRARCH file wrote it.
    """

    country: str
    sector: str = ""
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    code: str = ""

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor of a dictionary. `country`/`sector` are its main role (the one its patterns carry);
    `offices` lists every role with its dates. `where` is "file:line" of the entry."""

    name: str
    type: str  # person | organisation | state | agent (a role word: "minister", no country)
    country: str  # ISO alpha-3, KOS, a non-state code (IGO, NGO...), or "" (agents; persons of no state)
    sector: str = ""
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    where: str = ""
    spelling: str = AS_WRITTEN

    @property
    def label(self) -> str:
        if self.type == PERSON:
            return PERSON_KNOWN
        if self.type == AGENT:
            return ORG_HEAD
        if self.type == STATE:
            return COUNTRY
        return IGO if self.country in NON_STATE_CODES else ORG

    @property
    def id(self) -> str:
        """The pattern id, in the gazetteer's format "<code>|<sector>|<canonical name>"; a state keeps
        the gazetteer's name for it, so every name of Laos carries the same id."""
        if self.type == STATE:
            return f"{self.country}||{state_name(self.country) or self.name}"
        return f"{self.country}|{self.sector}|{self.name}"

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def forms(self) -> set[str]:
        """Every spelling under which the entry is matched."""
        variants = {AS_WRITTEN: written_variants, CAPITALS: capitals_variants,
                    COMMON_NOUN: lower_variants}[self.spelling]
        return {form for surface in self.surfaces for form in variants(surface)}

    def office_on(self, day: dt.date) -> Office | None:
        """The office held on `day`: a dated one that covers it, else an undated one."""
        dated = [o for o in self.offices if o.dated and o.holds_on(day)]
        if dated:
            return dated[0]
        return next((o for o in self.offices if not o.dated), None)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An entry (or a name of one) that the dictionary holds but comity does not use, and why."""

    where: str
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where} {self.name!r}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    path: str
    format: str  # yaml | csv | petrarch-actors | petrarch-agents
    entries: tuple[ActorEntry, ...]
    skipped: tuple[Skipped, ...] = ()

    def __len__(self) -> int:
        return len(self.entries)

    def people(self) -> tuple[ActorEntry, ...]:
        """The known people, with country, sector, titles and dated offices."""
        return tuple(e for e in self.entries if e.type == PERSON)

    def patterns(self) -> list[dict[str, str]]:
        """Phrase patterns in the compiled format {"label", "pattern", "id"}, sorted.

        A spelling that comity's gazetteer already matches is left to the gazetteer (two patterns
        on one span would make the winner arbitrary); `conflicts()` lists those that meant
        something else."""
        shipped = _shipped_forms()
        seen = {(e.label, form, e.id) for e in self.entries for form in e.forms() if form not in shipped}
        return [{"label": label, "pattern": form, "id": id_} for label, form, id_ in sorted(seen)]

    def conflicts(self) -> tuple[Skipped, ...]:
        """Spellings the gazetteer codes differently (another country or sector, or not a person)."""
        shipped = _shipped_forms()
        out: dict[tuple[str, str], Skipped] = {}
        for e in self.entries:
            for form in sorted(e.forms()):
                meanings = shipped.get(form)
                if meanings is None or (e.type != PERSON and any(
                        c == e.country and s in ("", e.sector) for c, s in meanings)):
                    continue  # the same actor (a capital standing for its government is the same state)
                theirs = ", ".join(sorted(f"{c or '-'}/{s or '-'}" for c, s in meanings))
                out.setdefault((e.where, e.name), Skipped(
                    e.where, form, f"the gazetteer codes it {theirs}, the dictionary {e.country or '-'}/"
                                   f"{e.sector or '-'} ({e.type})"))
        return tuple(out.values())


@cache
def _shipped_forms() -> dict[str, frozenset[tuple[str, str]]]:
    """Each spelling the shipped gazetteer matches -> the (country, sector) pairs it stands for."""
    from ..compile import read_compiled

    forms: dict[str, set[tuple[str, str]]] = {}
    for p in read_compiled():
        code, sector = (p["id"].split("|") + ["", ""])[:2]
        forms.setdefault(p["pattern"], set()).add((code, sector))
    return {k: frozenset(v) for k, v in forms.items()}
