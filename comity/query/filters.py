"""What a query asks for, checked once, turned into SQLAlchemy conditions (never into SQL text).

User strings only ever become bound parameters: country codes and dates are validated
here, free text is folded and escaped for LIKE, and full-text terms are reduced to words.
"""
from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import ARRAY, ColumnElement, Connection, and_, any_, bindparam, or_, select

from ..errors import Errors, SameCountry, StoreError, UnknownCountry
from ..storage import identity
from ..storage import schema as s
from ..storage.textfold import like_pattern

_COUNTRY = re.compile(r"^[A-Za-z]{3}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CAMEO = re.compile(r"^\d{2,4}$")
_PLOVER = re.compile(r"^[A-Za-z_]+$")


def _fold(text: str) -> str:
    from ..nlp.gazetteer import fold  # the gazetteer module alone: no spaCy

    return fold(text)


@cache
def _countries() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """The gazetteer's states: code -> preferred name, and folded name, alias or demonym -> codes."""
    from ..nlp.gazetteer import COUNTRY, DEMONYM, load_gazetteer

    gazetteer = load_gazetteer()
    names: dict[str, set[str]] = {}
    for entry, surface in gazetteer.surfaces():
        if entry.kind in (COUNTRY, DEMONYM):
            names.setdefault(_fold(surface), set()).add(entry.code)
    return ({code: c.name for code, c in gazetteer.countries.items()},
            {key: frozenset(codes) for key, codes in names.items()})


def _iso_code(value: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=value) is not None


def _codes(value: str) -> frozenset[str]:
    """The states `value` may name: a code (any case; the gazetteer's, ISO 3166-1's, or IGO as the
    store codes an organisation's side), else a name, alias or demonym of the gazetteer (case,
    diacritics and spacing ignored)."""
    text = value.strip()
    named, names = _countries()
    if _COUNTRY.match(text) and (text.upper() in named or text.upper() == "IGO" or _iso_code(text.upper())):
        return frozenset({text.upper()})
    return names.get(_fold(text), frozenset())


def closest_countries(value: str, n: int = 3) -> list[str]:
    """The states whose code or name is nearest `value`, as "Laos (LAO)" (difflib), nearest first."""
    named, names = _countries()
    keys = {**{code.lower(): frozenset({code}) for code in named}, **names}
    found: list[str] = []
    for key in difflib.get_close_matches(_fold(value), list(keys), n=10, cutoff=0.7):
        for code in sorted(keys[key]):
            if code not in found:
                found.append(code)
    return [f"{named[code]} ({code})" for code in found[:n]]


def resolve_country(value: str) -> str:
    """The alpha-3 code of a state given by code, name, alias or demonym: "vnm", "Việt Nam",
    "Viet Nam", "Laotian" -> VNM, VNM, VNM, LAO. The one resolver of every command and page that
    takes a country. UnknownCountry for what names no state (E211, with the closest matches) or
    no one state (E212: Congo)."""
    codes = _codes(value)
    if len(codes) == 1:
        return next(iter(codes))
    if codes:
        named = _countries()[0]
        found = ", ".join(f"{named.get(c, c)} {c}" for c in sorted(codes))
        raise UnknownCountry(Errors.E212.format(value=value.strip(), found=found))
    near = closest_countries(value)
    hint = f"; closest: {', '.join(near)}" if near else ""
    raise UnknownCountry(Errors.E211.format(value=value.strip(), hint=hint))


def parse_country(value: str) -> str:
    return resolve_country(value)


_SEPARATOR = re.compile(r"\s*[-,/]\s*|\s+")


def parse_dyad(value: str | tuple[str, str]) -> tuple[str, str]:
    """"VNM-LAO", "VNM,LAO", "VNM LAO", "Vietnam-Laos", "Viet Nam Laos" or a pair -> ("VNM", "LAO"),
    each side through `resolve_country` (a name may hold a separator: "Guinea-Bissau", "Viet Nam").
    E205 for what is not two states (one, or three), UnknownCountry (E211, E212) for an unknown side,
    SameCountry (E213) for one state twice."""
    if isinstance(value, tuple):
        if len(value) != 2:
            raise StoreError(Errors.E205.format(value="-".join(value)))
        a, b = resolve_country(value[0]), resolve_country(value[1])
        return _two(" ".join(value), a, b)
    text = value.strip()
    splits = [(text[:m.start()], text[m.end():]) for m in _SEPARATOR.finditer(text)
              if m.start() > 0 and m.end() < len(text)]
    for left, right in splits:
        a, b = _codes(left), _codes(right)
        if len(a) == 1 and len(b) == 1:
            return _two(text, next(iter(a)), next(iter(b)))
    if len(splits) == 1:  # two sides, at least one unknown or ambiguous: say which
        left, right = splits[0]
        return _two(text, resolve_country(left), resolve_country(right))
    if all(len(_codes(word)) == 1 for word in _SEPARATOR.split(text)):
        raise StoreError(Errors.E205.format(value=value))  # three states or more
    for left, right in splits:  # one side is a state: the other is the unknown one
        if len(_codes(left)) == 1 or len(_codes(right)) == 1:
            resolve_country(right if len(_codes(left)) == 1 else left)
    if not splits:
        raise StoreError(Errors.E205.format(value=value))
    # two sides or more, none a state: the first is the unknown one (resolve_country raises)
    return _two(text, resolve_country(splits[0][0]), resolve_country(splits[0][1]))


def _two(text: str, a: str, b: str) -> tuple[str, str]:
    if a == b:
        raise SameCountry(Errors.E213.format(value=text, code=a))
    return a, b


def parse_date(value: str) -> str:
    value = value.strip()
    try:
        if not _DATE.match(value):
            raise ValueError(value)
        dt.date.fromisoformat(value if len(value) == 10 else (value + "-01-01")[:10])
    except ValueError:
        raise StoreError(Errors.E208.format(value=value)) from None
    return value


def end_of(value: str) -> str:
    """The last day a partial date covers: "2025" -> "2025-12-31", "2025-02" -> "2025-02-28"."""
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


@dataclass(frozen=True, slots=True)
class EventType:
    """Either a PLOVER type ("CONSULT") or a CAMEO code prefix ("04", "042")."""

    plover: str | None = None
    cameo: str | None = None

    @classmethod
    def parse(cls, value: str) -> EventType:
        value = value.strip()
        if _CAMEO.match(value):
            return cls(cameo=value)
        if _PLOVER.match(value):
            return cls(plover=value.upper())
        raise StoreError(Errors.E204.format(value=value))


@dataclass(frozen=True, slots=True)
class EventFilter:
    """`comity events` options, the web UI's query string: every field optional, all combined (AND)."""

    country: str | None = None  # source or target
    dyad: tuple[str, str] | None = None  # either order
    type: EventType | None = None
    since: str | None = None  # ISO date, month or year, inclusive
    until: str | None = None
    person: str | None = None  # a name, diacritics optional
    text: str | None = None  # words in the quoted sentence, diacritics optional
    limit: int = 50
    offset: int = 0
    newest_first: bool = True

    @classmethod
    def parse(cls, *, country: str | None = None, dyad: str | None = None, type: str | None = None,
              since: str | None = None, until: str | None = None, person: str | None = None,
              text: str | None = None, limit: int = 50, offset: int = 0, newest_first: bool = True) -> EventFilter:
        """From strings as typed; raises StoreError (with a catalogue message) for a bad value."""
        return cls(country=parse_country(country) if country else None, dyad=parse_dyad(dyad) if dyad else None,
                   type=EventType.parse(type) if type else None, since=parse_date(since) if since else None,
                   until=parse_date(until) if until else None, person=person or None, text=text or None,
                   limit=max(0, limit), offset=max(0, offset), newest_first=newest_first)


def member(conn: Connection, column: Any, name: str = "ids") -> ColumnElement[bool]:
    """`column IN (a list bound as name)`. On PostgreSQL one array parameter (`= ANY(:ids)`): the
    statement is then the same whatever the list's length, where an expanding IN of 500 values
    costs more to render and parse than to run."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(name, type_=ARRAY(column.type)))
    return column.in_(bindparam(name, expanding=True))


def person_ids(name: str) -> Any:
    """A subquery: the store ids of the persons whose name key is, or contains, `name`'s
    (`comity.storage.identity.name_key`: folded, listed spellings made one), in any country."""
    key = identity.name_key(name)
    p = s.persons.c
    # the name key must come before the separator: "VNM" does not find everyone of Việt Nam
    return select(p.id).where(p.key.like(like_pattern(key)[:-1] + "%" + identity.SEPARATOR + "%", escape="\\"))


def dyad_condition(a: str, b: str) -> ColumnElement[bool]:
    e = s.events.c
    return or_(and_(e.source_country == a, e.target_country == b), and_(e.source_country == b, e.target_country == a))


def event_branches(f: EventFilter) -> list[list[ColumnElement[bool]]]:
    """The dyad or country filter as separate, disjoint branches, one per direction (A->B, B->A;
    as source, as target): each is one range of an index already in date order, so a page of the
    newest (or oldest) events is read from each without sorting all of a busy dyad's events, and
    each branch is counted from its index alone."""
    e = s.events.c
    if f.dyad:
        a, b = f.dyad
        forth = [e.source_country == a, e.target_country == b]
        return [forth] if a == b else [forth, [e.source_country == b, e.target_country == a]]
    if f.country:
        # disjoint, so counts add up: the second branch leaves out what the first has
        x = f.country
        return [[e.source_country == x], [e.target_country == x, or_(e.source_country != x, e.source_country.is_(None))]]
    return [[]]


def event_conditions(f: EventFilter, *, branched: bool = False) -> list[ColumnElement[bool]]:
    """The filter's conditions; with `branched`, without those `event_branches` gives."""
    e, mention = s.events.c, s.event_mentions.c
    where: list[ColumnElement[bool]] = []
    if f.country and not (branched and not f.dyad):
        where.append(or_(e.source_country == f.country, e.target_country == f.country))
    if f.dyad and not branched:
        where.append(dyad_condition(*f.dyad))
    if f.type and f.type.plover:
        where.append(e.plover_type == f.type.plover)
    if f.type and f.type.cameo:
        # a prefix as a range, which an index can serve ("04" <= code < "04:"; ':' sorts after '9')
        where.append(and_(e.cameo >= f.type.cameo, e.cameo < f.type.cameo + ":"))
    if f.since:
        where.append(e.date >= f.since)
    if f.until:
        where.append(e.date <= end_of(f.until))
    if f.person:
        ids = person_ids(f.person)
        where.append(e.id.in_(select(mention.event_id).where(
            or_(mention.source_person_id.in_(ids), mention.target_person_id.in_(ids)))))
    if f.text:
        where.append(e.id.in_(select(mention.event_id).where(
            mention.evidence_fold.like(like_pattern(f.text), escape="\\"))))
    return where
