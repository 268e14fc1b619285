"""Mechanism series: the occurrences of one recurring dialogue, exchange or meeting across reports.

`mechanism_key` says which mentions belong to the same series (name without ordinal +
members); `link_mechanisms` groups the mechanisms of many reports into `MechanismSeries`,
occurrences sorted by ordinal, then date. Rules in docs/agreements.md.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence, TypeVar

from ..model import ArticleResult, Evidence, Mechanism, Place
from .agreements import _fold, best_name, name_words, short_id

ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())
# Words that say how often or at what level, not which mechanism: the level is kept per occurrence.
MECHANISM_STOPWORDS = ORDINAL_WORDS | frozenset(
    "annual yearly regular periodic mechanism deputy vice ministerial minister level high".split())
# Acronyms expanded before the name is normalised, so "ADMM-Plus" = "ASEAN Defence Ministers' Meeting-Plus".
ACRONYMS = {"admm": "asean defence ministers meeting", "amm": "asean foreign ministers meeting",
            "unga": "un general assembly", "united nations": "un", "gbc": "general border committee",
            "sld": "shangri la dialogue", "corpat": "coordinated patrol"}
# Gatherings open to many states: their members differ from report to report (each names the states
# it cares about), so the name alone identifies the series.
MULTILATERAL = re.compile(r"\b(?:asean|admm|un|unga|united nations|shangri|apec|g ?20|g ?7|brics|sco|nato|"
                          r"quad|east asia summit|arf|rimpac|cobra gold)\b")
T = TypeVar("T")
STATUS_ORDER = {"held": 0, "planned": 1, "mentioned": 2}
_LEADING_ORDINAL = re.compile(r"^(?:(?:the|a|an)\s+)?(?:\d+(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")\s+",
                              re.I)


def _expand(name: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", _fold()(name))
    for short, full in ACRONYMS.items():
        text = re.sub(rf"\b{short}\b", full, text)
    return text


def is_multilateral(m: Mechanism) -> bool:
    return bool(MULTILATERAL.search(_expand(m.name))) or len(m.countries) > 3


def mechanism_key(m: Mechanism) -> str:
    """Series identity: the normalised name without ordinal, level or members' names, then the
    members ("border exchange friendship|LAO-VNM"); "*" as members for a multilateral gathering."""
    multilateral = is_multilateral(m)
    members = "*" if multilateral else "-".join(sorted(m.countries))
    words = name_words(_expand(m.name), countries=() if multilateral else m.countries,
                       drop=MECHANISM_STOPWORDS)
    return f"{' '.join(words)}|{members}"


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One report's account of one occurrence (or a mere mention) of a mechanism."""

    article_id: str
    published: str | None
    status: str  # held | planned | mentioned
    ordinal: int | None
    date: str | None  # of the occurrence, ISO (a day, a month or a year)
    place: Place | None
    evidence: Evidence
    name: str  # as written
    level: str | None = None
    countries: tuple[str, ...] = ()  # as this report names them
    confidence: float = 0.5
    source: str | None = None
    mechanism_id: str | None = None

    def describe(self) -> str:
        nth = f"{ordinal_text(self.ordinal)} " if self.ordinal else ""
        return f"{nth}{self.status} {self.date or 'undated'} (report {self.article_id})"


@dataclass(frozen=True, slots=True)
class MechanismSeries:
    key: str
    name: str
    members: tuple[str, ...]  # the states the reports name; every report's, for a multilateral one
    level: str | None
    occurrences: tuple[Occurrence, ...]  # by ordinal, then date; unnumbered ones last
    conflicts: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return short_id(self.key)

    @property
    def reports(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.article_id for o in self.occurrences))

    @property
    def last_held(self) -> Occurrence | None:
        return held_and_next(self.occurrences, reported=lambda o: o.published)[0]

    @property
    def next_planned(self) -> Occurrence | None:
        return held_and_next(self.occurrences, reported=lambda o: o.published)[1]


def held_and_next(occurrences: Sequence[T], reported: Callable[[T], str | None]) -> tuple[T | None, T | None]:
    """The last occurrence held (highest ordinal, then latest date) and the next one planned after it
    (an ordinal above the last held one's, or none to compare; then the latest `reported`). Works on
    the linker's `Occurrence` and on the store's `OccurrenceRow` alike (ordinal, status, date)."""
    held = [o for o in occurrences if o.status == "held"]
    last = max(held, key=lambda o: (o.ordinal or 0, o.date or ""), default=None)
    planned = [o for o in occurrences if o.status == "planned"
               and (last is None or not o.ordinal or not last.ordinal or o.ordinal > last.ordinal)]
    return last, max(planned, key=lambda o: (o.ordinal or 0, reported(o) or ""), default=None)


def ordinal_text(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def occurrence_order(o: Occurrence) -> tuple:
    return (o.ordinal is None, o.ordinal or 0, o.date or o.published or "9999", STATUS_ORDER.get(o.status, 3),
            o.article_id, o.evidence.start)


def occur(result: ArticleResult, m: Mechanism) -> Occurrence:
    article = result.article
    return Occurrence(
        article_id=article.id, published=article.published.isoformat() if article.published else None,
        status=m.status, ordinal=m.ordinal, date=m.date, place=m.place, evidence=m.evidence, name=m.name,
        level=m.level, countries=tuple(m.countries), confidence=m.confidence, source=article.source,
        mechanism_id=m.id)


def link_mechanisms(results: Iterable[ArticleResult]) -> list[MechanismSeries]:
    """Group the mechanisms of many reports into series by `mechanism_key`."""
    groups: dict[str, list[Occurrence]] = {}
    seen: set[tuple] = set()
    for result in results:
        for m in result.mechanisms:
            occ = occur(result, m)
            ident = (occ.article_id, m.id, occ.evidence.start, occ.name, occ.ordinal)
            if ident in seen:
                continue
            seen.add(ident)
            groups.setdefault(mechanism_key(m), []).append(occ)
    series = [_build(key, sorted(occ, key=occurrence_order)) for key, occ in groups.items()]
    return sorted(series, key=lambda s: (s.members, s.name.casefold(), s.key))


def _build(key: str, occurrences: list[Occurrence]) -> MechanismSeries:
    members = sorted({c for o in occurrences for c in o.countries})
    levels = Counter(o.level for o in occurrences if o.level)
    name = best_name(_LEADING_ORDINAL.sub("", o.name) for o in occurrences)
    return MechanismSeries(key=key, name=name, members=tuple(members),
                           level=levels.most_common(1)[0][0] if levels else None,
                           occurrences=tuple(occurrences), conflicts=conflicts(occurrences))


def _same_time(a: str, b: str) -> bool:
    """Dates of different precision agree when the coarser is a prefix of the finer ("2024-10" ~ "2024-10-15")."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def conflicts(occurrences: list[Occurrence]) -> tuple[str, ...]:
    """Contradictions between reports: one occurrence held at two different dates, or a later
    ordinal held before an earlier one."""
    out: list[str] = []
    held = [o for o in occurrences if o.status == "held" and o.ordinal and o.date]
    for i, a in enumerate(held):
        for b in held[i + 1:]:
            if a.ordinal == b.ordinal and not _same_time(a.date, b.date):
                out.append(f"{a.describe()} but {b.describe()}")
            elif a.ordinal < b.ordinal and b.date < a.date and not _same_time(a.date, b.date):
                out.append(f"{a.describe()} but {b.describe()}, earlier")
    return tuple(out)
