"""The actor gazetteer: states and organisations, read from the human-edited YAML in `resources/`.

`countries.yaml` and `organisations.yaml` are the source; `compile.py` turns them into SpanRuler
patterns. This module validates the YAML (a bad edit fails loudly with `Errors.E104`, naming the file
and the entry), adds pycountry's names, and answers `lookup()` queries that ignore case and diacritics.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from ..errors import DataError, Errors
from ..source_yaml import SourceLoader

RESOURCES = Path(__file__).parent / "resources"
COUNTRIES_PATH = RESOURCES / "countries.yaml"
ORGANISATIONS_PATH = RESOURCES / "organisations.yaml"

# Entry kinds; they are also the SpanRuler labels of the compiled patterns.
COUNTRY, DEMONYM, CAPITAL, CITY = "COUNTRY", "DEMONYM", "CAPITAL", "CITY"
ORG, IGO, ORG_HEAD, PLACE = "ORG", "IGO", "ORG_HEAD", "PLACE"
KINDS = (COUNTRY, DEMONYM, CAPITAL, CITY, ORG, IGO, ORG_HEAD, PLACE)

IGO_CODE = "IGO"
# Codes PLOVER uses for states that ISO 3166-1 lacks.
EXTRA_CODES = frozenset({"KOS"})
# ONTOLOGY.md §2.3 sectors, plus FORUM: a recurring gathering that is a venue, never an actor.
SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC "
    "FORUM".split()
)

# Letters that Unicode does not decompose into base + mark, and typographic punctuation that should
# match its ASCII twin: "Đà Nẵng" = "Da Nang", "People’s" = "People's",
# "Bà Rịa–Vũng Tàu" = "Ba Ria-Vung Tau".
_UNDECOMPOSED = str.maketrans({
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "þ": "th", "Þ": "Th",
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-",
})


def strip_diacritics(text: str) -> str:
    """Remove accents and tone marks but keep case: "Việt Nam" -> "Viet Nam", "HÀ NỘI" -> "HA NOI"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_UNDECOMPOSED))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold(text: str) -> str:
    """The matching key used across comity: no diacritics, lower case, single spaces."""
    return " ".join(strip_diacritics(text).casefold().split())


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-3, or KOS
    name: str  # preferred English short name: the first of `names`
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]  # spellings of one capital, canonical first
    cities: tuple[tuple[str, ...], ...]  # one tuple of spellings per place, canonical first
    ambiguous: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    country: str  # alpha-3, "IGO", or "" for a generic head (the country comes from the context)
    sector: str  # "" when unknown (most IGOs)
    kind: str  # ORG, IGO or ORG_HEAD
    ambiguous: tuple[str, ...] = ()

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Entry:
    """What one surface form refers to. `ambiguous` asks the consumer for more context."""

    kind: str
    code: str
    sector: str
    canonical: str
    ambiguous: bool = False

    @property
    def id(self) -> str:
        """The SpanRuler pattern id: "<code>|<sector>|<canonical>" (fields may be empty)."""
        return f"{self.code}|{self.sector}|{self.canonical}"

    @classmethod
    def from_id(cls, kind: str, id_: str) -> Entry:
        """Rebuild an entry from a span's label and id (ambiguity is not in the id: use `lookup`)."""
        code, sector, canonical = id_.split("|", 2)
        return cls(kind, code, sector, canonical)


class Gazetteer:
    def __init__(self, countries: dict[str, Country], organisations: list[Organisation],
                 places: tuple[tuple[str, ...], ...] = ()):
        self.countries = countries
        self.organisations = organisations
        self.places = places
        self._index: dict[str, list[Entry]] = {}
        for entry, surface in self.surfaces():
            bucket = self._index.setdefault(fold(surface), [])
            if entry not in bucket:
                bucket.append(entry)

    @classmethod
    def from_files(cls, countries_path: Path = COUNTRIES_PATH,
                   organisations_path: Path = ORGANISATIONS_PATH) -> Gazetteer:
        raw = _read_yaml(countries_path)
        _check_keys(raw, {"countries", "places"}, "the top level", countries_path)
        raw_countries = raw.get("countries")
        if not isinstance(raw_countries, dict) or not raw_countries:
            _fail(countries_path, "`countries` must be a mapping from alpha-3 codes to entries")
        countries = {code: _parse_country(code, entry, countries_path)
                     for code, entry in raw_countries.items()}
        places = tuple(_spellings(p, f"places[{i}]", countries_path)
                       for i, p in enumerate(_list(raw.get("places"), "places", countries_path)))
        raw_orgs = _read_yaml(organisations_path)
        organisations = _parse_organisations(raw_orgs, set(countries), organisations_path)
        return cls(countries, organisations, places)

    def surfaces(self) -> Iterator[tuple[Entry, str]]:
        """Every (entry, surface form as written) pair, in file order; `compile.py` expands these."""
        for c in self.countries.values():
            flagged = {fold(a) for a in c.ambiguous}
            groups = [(COUNTRY, c.name, c.names), (DEMONYM, c.name, c.demonyms)]
            if c.capitals:
                groups.append((CAPITAL, c.capitals[0], c.capitals))
            groups += [(CITY, city[0], city) for city in c.cities]
            for kind, canonical, forms in groups:
                for form in forms:
                    yield Entry(kind, c.code, "", canonical, fold(form) in flagged), form
        for org in self.organisations:
            flagged = {fold(a) for a in org.ambiguous}
            for form in org.surfaces:
                yield Entry(org.kind, org.country, org.sector, org.name, fold(form) in flagged), form
        for place in self.places:
            for form in place:
                yield Entry(PLACE, "", "", place[0]), form

    def lookup(self, surface: str) -> list[Entry]:
        """All entries a surface may denote, ignoring case, diacritics and spacing."""
        return list(self._index.get(fold(surface), ()))

    def country_name(self, code: str) -> str:
        if code not in self.countries:
            raise KeyError(f"no country with code {code!r} in the gazetteer")
        return self.countries[code].name


@cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process."""
    return Gazetteer.from_files()


# ---- reading and validation -------------------------------------------------------------------------

_COUNTRY_FIELDS = {"names", "demonyms", "capital", "cities", "ambiguous"}
_ORG_FIELDS = {"name", "aliases", "country", "sector", "ambiguous"}
_HEAD_FIELDS = {"head", "aliases", "sector"}


def _fail(path: Path, detail: str) -> None:
    raise DataError(Errors.E104.format(path=path, detail=detail))


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SourceLoader)  # duplicate keys are errors; `on`, `no` stay words
    except (OSError, yaml.YAMLError) as e:
        raise DataError(Errors.E104.format(path=path, detail=e)) from e
    if not isinstance(data, dict):
        _fail(path, "the file must hold a mapping at the top level")
    return data


def _check_keys(raw: dict[str, Any], allowed: set[str], where: str, path: Path) -> None:
    unknown = sorted(map(str, set(raw) - allowed))
    if unknown:
        _fail(path, f"{where}: unknown field(s) {unknown}; allowed: {sorted(allowed)}")


def _list(value: Any, where: str, path: Path) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        _fail(path, f"{where} must be a list, not {type(value).__name__}")
    return value


def _string(value: Any, where: str, path: Path) -> str:
    # The id format is "code|sector|name", so a "|" would break it.
    if not isinstance(value, str) or not value.strip() or value != value.strip() or "|" in value:
        _fail(path, f"{where}: {value!r} is not a name (non-empty text, no outer spaces, no '|')")
    return unicodedata.normalize("NFC", value)


def _strings(value: Any, where: str, path: Path) -> tuple[str, ...]:
    items = [_string(v, f"{where}[{i}]", path) for i, v in enumerate(_list(value, where, path))]
    return tuple(dict.fromkeys(items))  # exact duplicates are harmless; keep the first


def _spellings(value: Any, where: str, path: Path) -> tuple[str, ...]:
    """One place: a name, or a list of its spellings."""
    spellings = (_string(value, where, path),) if isinstance(value, str) else _strings(value, where, path)
    if not spellings:
        _fail(path, f"{where} is empty")
    return spellings


def _check_ambiguous(ambiguous: tuple[str, ...], surfaces: list[str], where: str, path: Path) -> None:
    known = {fold(s) for s in surfaces}
    for a in ambiguous:
        if fold(a) not in known:
            _fail(path, f"{where}: ambiguous name {a!r} is not one of its names")


def _pycountry_names(code: str) -> list[str]:
    record = pycountry.countries.get(alpha_3=code)
    names = [getattr(record, attr, None) for attr in ("name", "official_name", "common_name")]
    # "the State of Palestine": the article is not part of the name
    return [re.sub(r"^the ", "", n) for n in names if n]


def _parse_country(code: Any, raw: Any, path: Path) -> Country:
    if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}", code):
        _fail(path, f"country key {code!r} is not an ISO 3166-1 alpha-3 code")
    if code not in EXTRA_CODES and pycountry.countries.get(alpha_3=code) is None:
        _fail(path, f"{code}: pycountry does not know this alpha-3 code")
    if not isinstance(raw, dict):
        _fail(path, f"{code}: the entry must be a mapping with names, demonyms, capital, cities")
    _check_keys(raw, _COUNTRY_FIELDS, code, path)
    names = _strings(raw.get("names"), f"{code}.names", path)
    if not names:
        _fail(path, f"{code}.names: give at least one name (the first is the preferred English name)")
    extra = [] if code in EXTRA_CODES else _pycountry_names(code)
    names = tuple(dict.fromkeys([*names, *extra]))
    demonyms = _strings(raw.get("demonyms"), f"{code}.demonyms", path)
    capitals = _strings(raw.get("capital"), f"{code}.capital", path)
    cities = tuple(_spellings(c, f"{code}.cities[{i}]", path)
                   for i, c in enumerate(_list(raw.get("cities"), f"{code}.cities", path)))
    ambiguous = _strings(raw.get("ambiguous"), f"{code}.ambiguous", path)
    surfaces = [*names, *demonyms, *capitals, *(s for city in cities for s in city)]
    _check_ambiguous(ambiguous, surfaces, code, path)
    return Country(code, names[0], names, demonyms, capitals, cities, ambiguous)


def _sector(value: Any, where: str, path: Path, *, required: bool) -> str:
    if value is None and not required:
        return ""
    if value not in SECTORS:
        _fail(path, f"{where}: sector {value!r} is not one of {sorted(SECTORS)}")
    return str(value)


def _parse_organisations(raw: dict[str, Any], codes: set[str], path: Path) -> list[Organisation]:
    _check_keys(raw, {"heads", "organisations"}, "the top level", path)
    result = []
    for i, head in enumerate(_list(raw.get("heads"), "heads", path)):
        where = f"heads[{i}]"
        if not isinstance(head, dict):
            _fail(path, f"{where} must be a mapping with head, aliases, sector")
        _check_keys(head, _HEAD_FIELDS, where, path)
        name = _string(head.get("head"), f"{where}.head", path)
        aliases = _strings(head.get("aliases"), f"{where}.aliases", path)
        result.append(Organisation(name, aliases, "", _sector(head.get("sector"), where, path, required=True),
                                   ORG_HEAD))
    for i, org in enumerate(_list(raw.get("organisations"), "organisations", path)):
        where = f"organisations[{i}]"
        if not isinstance(org, dict):
            _fail(path, f"{where} must be a mapping with name, aliases, country, sector")
        _check_keys(org, _ORG_FIELDS, where, path)
        name = _string(org.get("name"), f"{where}.name", path)
        where = f"{where} ({name})"
        country = org.get("country")
        if country != IGO_CODE and country not in codes:
            _fail(path, f"{where}: country {country!r} is neither IGO nor a code in countries.yaml")
        sector = _sector(org.get("sector"), where, path, required=country != IGO_CODE)
        aliases = _strings(org.get("aliases"), f"{where}.aliases", path)
        ambiguous = _strings(org.get("ambiguous"), f"{where}.ambiguous", path)
        _check_ambiguous(ambiguous, [name, *aliases], where, path)
        kind = IGO if country == IGO_CODE else ORG
        result.append(Organisation(name, aliases, country, sector, kind, ambiguous))
    return result
