"""User actor dictionaries: YAML (a list of mappings) or CSV (one row per role). docs/dictionaries.md.

Every problem raises DataError naming the file and line: a malformed entry (E107), an unknown
country code (E108) or sector (E109). Names are kept as written (NFC), whatever the script.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from ...errors import DataError, Errors
from ...source_yaml import BOOL_TAG, construct_bool
from ..gazetteer import SECTORS
from .codes import is_country_code, is_state_code, non_state_list, sector_list
from .model import ORGANISATION, PERSON, STATE, ActorDictionary, ActorEntry, Office

FIELDS = ("name", "aliases", "country", "sector", "type", "titles", "from", "until")
CSV_FIELDS = ("name", "aliases", "country", "sector", "type", "title", "from", "until")
TITLE_FIELDS = ("title", "country", "sector", "from", "until")
TYPE_NAMES = {"person": PERSON, "organisation": ORGANISATION, "organization": ORGANISATION,
              "org": ORGANISATION, "state": STATE, "country": STATE}
ALIAS_SEPARATORS = re.compile(r"\s*[|;]\s*")


@dataclass
class _Raw:
    """One entry (YAML) or row (CSV) before checking; `lines` gives a field's line when known."""

    where: str
    fields: dict[str, Any]
    lines: dict[str, str] = field(default_factory=dict)

    def at(self, key: str) -> str:
        return self.lines.get(key, self.where)


def fail(where: str, detail: str) -> DataError:
    return DataError(Errors.E107.format(where=where, detail=detail))


# ---- values -------------------------------------------------------------------------------------------

def text_value(value: Any, where: str, what: str) -> str:
    if not isinstance(value, str):
        raise fail(where, f"{what} must be text, not {type(value).__name__} {value!r}")
    text = unicodedata.normalize("NFC", value.strip())
    if not text:
        raise fail(where, f"{what} is empty")
    if "|" in text:
        raise fail(where, f"{what} {text!r} contains '|', which separates the fields of a pattern id")
    if any(unicodedata.category(c) in ("Cc", "Cf") and c not in "\u200c\u200d" for c in text):
        raise fail(where, f"{what} {text!r} contains a control character")
    return text


def date_value(value: Any, where: str, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as e:
            raise fail(where, f"{what} {value!r} is not a calendar date: {e}") from e
    raise fail(where, f"{what} {value!r} is not an ISO date; write YYYY-MM-DD")


def country_value(value: Any, where: str, *, state: bool = False) -> str:
    code = text_value(value, where, "country").upper()
    if not is_country_code(code):
        raise DataError(Errors.E108.format(where=where, code=code, non_state=non_state_list()))
    if state and not is_state_code(code):
        raise fail(where, f"a state needs a state's code, not the non-state code {code}")
    return code


def sector_value(value: Any, where: str) -> str:
    if value is None or value == "":
        return ""
    sector = text_value(value, where, "sector").upper()
    if sector not in SECTORS:
        raise DataError(Errors.E109.format(where=where, sector=sector, sectors=sector_list()))
    return sector


def aliases_value(value: Any, where: str) -> list[str]:
    if value is None or value == "":
        return []
    items = ALIAS_SEPARATORS.split(value) if isinstance(value, str) else value
    if not isinstance(items, list):
        raise fail(where, f"aliases must be a list (or text separated by '|' or ';'), not {value!r}")
    return [text_value(a, where, "alias") for a in items if not (isinstance(a, str) and not a.strip())]


# ---- entries ------------------------------------------------------------------------------------------

def _office(title: Any, country: str, sector: str, start: Any, until: Any, where: str) -> Office:
    name = None if title is None or title == "" else text_value(title, where, "title")
    office = Office(country=country, sector=sector, title=name, start=date_value(start, where, "from"),
                    end=date_value(until, where, "until"))
    if office.start and office.end and office.end < office.start:
        raise fail(where, f"until {office.end} is before from {office.start}")
    return office


def build_entry(raw: _Raw) -> ActorEntry:
    """Check one entry's fields and turn it into an ActorEntry (offices from its titles or dates)."""
    f = raw.fields
    name = text_value(f.get("name"), raw.at("name"), "name")
    where = raw.where
    kind = f.get("type")
    if not isinstance(kind, str) or kind.strip().lower() not in TYPE_NAMES:
        raise fail(raw.at("type"), f"{name!r}: type must be person, organisation or state, not {kind!r}")
    kind = TYPE_NAMES[kind.strip().lower()]
    country_raw = f.get("country")
    if country_raw in (None, ""):
        if kind != PERSON:
            raise fail(raw.at("name"), f"{name!r} ({kind}) needs a country (ISO alpha-3 or IGO)")
        country = ""
    else:
        country = country_value(country_raw, raw.at("country"), state=kind == STATE)
    sector = sector_value(f.get("sector"), raw.at("sector"))
    if kind == STATE and sector:
        raise fail(raw.at("sector"), f"{name!r}: a state has no sector; make it an organisation of {country}")
    aliases = [a for a in dict.fromkeys(aliases_value(f.get("aliases"), raw.at("aliases"))) if a != name]
    titles = f.get("titles") or []
    if not isinstance(titles, list):
        raise fail(raw.at("titles"), f"{name!r}: titles must be a list")
    if titles and kind != PERSON:
        raise fail(raw.at("titles"), f"{name!r}: titles are for people, not for the {kind}s")
    offices = []
    for item in titles:
        if isinstance(item, dict):
            item_where = getattr(item, "where", raw.at("titles"))
            unknown = sorted(map(str, set(item) - set(TITLE_FIELDS)))
            if unknown:
                raise fail(item_where, f"{name!r}: unknown title field(s) {unknown}; "
                                       f"allowed: {list(TITLE_FIELDS)}")
            if not item.get("title"):
                raise fail(item_where, f"{name!r}: a title entry needs `title`")
            t_country = (country_value(item["country"], item_where) if item.get("country") else country)
            t_sector = sector_value(item.get("sector"), item_where) or sector
            offices.append(_office(item.get("title"), t_country, t_sector,
                                   item.get("from", f.get("from")), item.get("until", f.get("until")),
                                   item_where))
        else:
            offices.append(_office(item, country, sector, f.get("from"), f.get("until"),
                                   raw.at("titles")))
    if not offices:
        offices.append(_office(None, country, sector, f.get("from"), f.get("until"), where))
    return ActorEntry(name=name, type=kind, country=country, sector=sector, aliases=tuple(aliases),
                      titles=tuple(dict.fromkeys(o.title for o in offices if o.title)),
                      offices=tuple(offices), where=where)


def merge_rows(entries: list[ActorEntry]) -> list[ActorEntry]:
    """CSV rows of one actor (same name and type) become one entry with one office per row."""
    merged: dict[tuple[str, str], ActorEntry] = {}
    for e in entries:
        key = (e.name, e.type)
        first = merged.get(key)
        if first is None:
            merged[key] = e
            continue
        merged[key] = ActorEntry(
            name=first.name, type=first.type, country=first.country, sector=first.sector,
            aliases=tuple(dict.fromkeys([*first.aliases, *e.aliases])),
            titles=tuple(dict.fromkeys([*first.titles, *e.titles])),
            offices=first.offices + e.offices, where=first.where)
    return list(merged.values())


# ---- YAML ---------------------------------------------------------------------------------------------

class _Mapping(dict):
    """A YAML mapping that remembers where it and each of its keys were written."""

    where = ""
    lines: dict[str, str]


def _loader(path_label: str, fast: bool = False) -> type[yaml.SafeLoader]:
    """A loader that records lines; `fast`: on libyaml (CSafeLoader) when PyYAML has it, for
    files read on every start (the bundled leaders list: about ten times faster)."""
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if fast else yaml.SafeLoader

    class Loader(base):  # type: ignore[valid-type,misc]
        pass

    def construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode):
        data = _Mapping()
        data.where = f"{path_label}:{node.start_mark.line + 1}"
        data.lines = {}
        yield data
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=True)  # type: ignore[no-untyped-call]
            if key in data.lines:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}",
                                                        key_node.start_mark)
            data.lines[key] = f"{path_label}:{key_node.start_mark.line + 1}"
        data.update(loader.construct_mapping(node, deep=True))

    Loader.add_constructor("tag:yaml.org,2002:map", construct_map)
    Loader.add_constructor(BOOL_TAG, construct_bool)  # `country: NO` is Norway's code, not False
    # dates stay text until `date_value` checks them: PyYAML's own parser fails on 2021-02-30 with no line
    Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    return Loader


def read_yaml(text: str, path_label: str) -> ActorDictionary:
    try:
        try:
            data = yaml.load(text, Loader=_loader(path_label, fast=True))
        except yaml.YAMLError:
            data = yaml.load(text, Loader=_loader(path_label))  # PyYAML's own message and line
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        where = f"{path_label}:{mark.line + 1}" if mark else path_label
        detail = getattr(e, "problem", None) or str(e)
        raise fail(where, f"not valid YAML: {detail}") from e
    if not isinstance(data, list) or not data:
        raise fail(f"{path_label}:1", "the file must hold a list of entries (`- name: ...`)")
    entries = []
    for n, item in enumerate(data):
        if not isinstance(item, _Mapping):
            raise fail(path_label, f"entry {n + 1} is {item!r}, not a mapping with name, type, country...")
        unknown = sorted(map(str, set(item) - set(FIELDS)))
        if unknown:
            raise fail(item.lines.get(unknown[0], item.where),
                       f"unknown field(s) {unknown}; allowed: {list(FIELDS)}")
        entries.append(build_entry(_Raw(item.where, dict(item), dict(item.lines))))
    return ActorDictionary(path=path_label, format="yaml", entries=tuple(merge_rows(entries)))


# ---- CSV ----------------------------------------------------------------------------------------------

def read_csv(text: str, path_label: str) -> ActorDictionary:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise fail(f"{path_label}:1", "the file is empty; the first line is the header "
                                      f"{','.join(CSV_FIELDS)}") from None
    unknown = [h for h in header if h not in CSV_FIELDS]
    missing = [h for h in ("name", "type") if h not in header]
    if unknown or missing or len(set(header)) != len(header):
        raise fail(f"{path_label}:1", f"the header must name columns among {','.join(CSV_FIELDS)} "
                                      f"(name and type required, each once); got {','.join(header)}")
    entries = []
    try:
        for row in reader:
            where = f"{path_label}:{reader.line_num}"
            if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
                continue
            if len(row) > len(header):
                raise fail(where, f"{len(row)} cells for {len(header)} columns "
                                  "(quote a name that has a comma)")
            fields: dict[str, Any] = {h: (row[i].strip() if i < len(row) else "")
                                      for i, h in enumerate(header)}
            title = fields.pop("title", "")
            if title:
                fields["titles"] = [title]
            entries.append(build_entry(_Raw(where, fields)))
    except csv.Error as e:
        raise fail(f"{path_label}:{reader.line_num}", f"not valid CSV: {e}") from e
    if not entries:
        raise fail(f"{path_label}:2", "the file has a header but no entries")
    return ActorDictionary(path=path_label, format="csv", entries=tuple(merge_rows(entries)))
