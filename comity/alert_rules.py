"""Alert rules (issue 18; docs/alerts.md): what an analyst follows, read from YAML or from options,
and matched against the facts an ingest adds (pure functions: no database here).

    - name: vnm-lao-agreements
      dyad: [VNM, LAO]
      on: [agreement]            # agreement | meeting | event | person
    - name: protests-phl-chn
      dyad: PHL-CHN
      on: [event]
      types: [PROTEST, "14"]     # PLOVER types or CAMEO code prefixes
      min_sources: 2
    - name: giang
      on: [person]
      person: Phan Văn Giang
      webhook: https://example.org/hooks/comity   # each new alert is POSTed there as JSON

is read by `read_rules`; `comity alerts add --name vnm-lao-agreements --dyad VNM LAO --on agreement`
gives the same rule through `make_rule`. A rule that cannot be used is an AlertRuleError naming the
file and line (or the option) at fault.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import AlertRuleError, Errors
from .source_yaml import line_of, load_source_lines

KINDS = ("agreement", "meeting", "event", "person")
KEYS = ("name", "on", "dyad", "country", "types", "statuses", "person", "min_sources", "webhook")
_CAMEO = re.compile(r"^\d{2,4}$")
_NAME = re.compile(r"^[\w.:-]+$")


@dataclass(frozen=True)
class AlertRule:
    name: str
    on: tuple[str, ...]  # of KINDS
    dyad: tuple[str, str] | None = None  # sorted codes: both states take part
    country: str | None = None  # one state takes part
    types: tuple[str, ...] = ()  # events: PLOVER types ("PROTEST") or CAMEO prefixes ("14"); () = any
    statuses: tuple[str, ...] = ()  # agreements: the statuses that raise an alert; () = any
    person: str | None = None  # a name, matched as `comity person` matches it
    min_sources: int = 1  # sources (reports or their copies) telling the fact before it raises an alert
    origin: str = ""  # where it was defined: "alerts.yaml:3" or "command line"
    webhook: str | None = None  # an http(s) URL each new alert is POSTed to (comity.webhooks)

    def matches(self, fact: Fact) -> bool:
        if fact.kind not in self.on:
            return False
        if self.dyad and not (set(self.dyad) & fact.countries if fact.kind == "person"  # the person's own
                              else set(self.dyad) <= fact.countries):
            return False
        if self.country and self.country not in fact.countries:
            return False
        if self.types and fact.kind == "event" and not any(
                fact.cameo.startswith(t) if t.isdigit() else fact.plover == t for t in self.types):
            return False
        if self.statuses and fact.kind == "agreement" and fact.status not in self.statuses:
            return False
        if self.person:
            from .storage.identity import key_prefix

            prefix = key_prefix(self.person)
            if not any(k.startswith(prefix) for k in fact.person_keys):
                return False
        return True


@dataclass(frozen=True)
class Fact:
    """What a rule is matched against: an event, a meeting, an agreement at one status, or a person
    on one day (then `countries` is the person's country, and `person_keys` the person)."""

    kind: str
    countries: frozenset[str] = frozenset()
    person_keys: frozenset[str] = frozenset()  # comity.storage.identity.person_key of the people in it
    cameo: str = ""
    plover: str = ""
    status: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)


def _error(where: str, detail: str) -> AlertRuleError:
    return AlertRuleError(Errors.E209.format(where=where, detail=detail))


def _codes(value: Any, where: str, what: str) -> list[str]:
    """States as codes, each given by a name, an alias or a code (`comity.query.resolve_country`)."""
    from .errors import SameCountry, StoreError
    from .query.filters import parse_dyad, resolve_country

    if not (isinstance(value, str) or isinstance(value, list) and all(isinstance(c, str) for c in value)):
        raise _error(where, f"{what} must be states (names or ISO alpha-3 codes), not {value!r}")
    try:
        if isinstance(value, list):
            return [resolve_country(c) for c in value]
        if what == "dyad":
            return list(parse_dyad(value))
        return [resolve_country(value)]
    except SameCountry:
        raise _error(where, f"a dyad is two different states, e.g. [VNM, LAO], not {value!r}") from None
    except StoreError as e:
        raise _error(where, str(e)) from None


def _words(value: Any, where: str, what: str) -> list[str]:
    items = [value] if isinstance(value, (str, int)) else value
    if not isinstance(items, list) or not items or not all(isinstance(i, (str, int)) for i in items):
        raise _error(where, f"{what} must be a word or a list of words, not {value!r}")
    return [str(i).strip() for i in items]


def make_rule(name: Any, *, on: Any, dyad: Any = None, country: Any = None, types: Any = None,
              statuses: Any = None, person: Any = None, min_sources: Any = 1, webhook: Any = None,
              origin: str = "command line", where: Mapping[str, str] | None = None) -> AlertRule:
    """A checked rule; `where` names the place of each key for messages (default: `origin`)."""
    at = lambda key: (where or {}).get(key, origin)  # noqa: E731
    if not isinstance(name, str) or not _NAME.match(name):
        raise _error(at("name"), f"a rule needs a name of letters, digits, '.', ':' or '-', not {name!r}")
    if on is None:
        raise _error(at("name"), f"rule {name!r} says nothing to watch: give on: {' | '.join(KINDS)}")
    kinds = [k.lower() for k in _words(on, at("on"), "on")]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise _error(at("on"), f"unknown kind {unknown[0]!r}; use {', '.join(KINDS)}")
    pair = None
    if dyad is not None:
        codes = _codes(dyad, at("dyad"), "dyad")
        if len(codes) != 2 or codes[0] == codes[1]:
            raise _error(at("dyad"), f"a dyad is two different states, e.g. [VNM, LAO], not {dyad!r}")
        pair = (min(codes), max(codes))
    state = None
    if country is not None:
        codes = _codes(country, at("country"), "country")
        if len(codes) != 1:
            raise _error(at("country"), f"country is one state, e.g. VNM (two: use dyad), not {country!r}")
        state = codes[0]
    if pair and state:
        raise _error(at("country"), "give a dyad or a country, not both")
    event_types: list[str] = []
    if types is not None:
        if "event" not in kinds:
            raise _error(at("types"), "types are event types: add event to on")
        event_types = [t.upper() for t in _words(types, at("types"), "types")]
        from .nlp.coding import PLOVER_TYPES  # late: it is only needed here

        bad = [t for t in event_types if not (_CAMEO.match(t) or t in PLOVER_TYPES)]
        if bad:
            some = ", ".join(sorted(t for t in PLOVER_TYPES if t)[:4])
            raise _error(at("types"), f"{bad[0]!r} is not an event type: give a PLOVER type ({some}...) "
                                      "or CAMEO digits (04, 042...)")
    agreement_statuses: list[str] = []
    if statuses is not None:
        if "agreement" not in kinds:
            raise _error(at("statuses"), "statuses are agreement statuses: add agreement to on")
        from .link.agreements import STAGE

        agreement_statuses = [w.lower() for w in _words(statuses, at("statuses"), "statuses")]
        bad = [w for w in agreement_statuses if w not in STAGE]
        if bad:
            raise _error(at("statuses"), f"{bad[0]!r} is not an agreement status; use {', '.join(STAGE)}")
    if person is not None and (not isinstance(person, str) or not person.strip()):
        raise _error(at("person"), f"person must be a name, not {person!r}")
    if "person" in kinds and not person:
        raise _error(at("on"), "on: person needs person: NAME")
    if isinstance(min_sources, bool) or not isinstance(min_sources, int) or min_sources < 1:
        raise _error(at("min_sources"), f"min_sources must be a whole number, 1 or more, not {min_sources!r}")
    if webhook is not None:
        from urllib.parse import urlsplit

        parts = urlsplit(webhook) if isinstance(webhook, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            raise _error(at("webhook"), f"webhook must be an http(s) URL, not {webhook!r}")
    return AlertRule(name=name, on=tuple(k for k in KINDS if k in kinds), dyad=pair, country=state,
                     types=tuple(dict.fromkeys(event_types)),
                     statuses=tuple(dict.fromkeys(agreement_statuses)),
                     person=person.strip() if person else None, min_sources=min_sources,
                     webhook=webhook.strip() if webhook else None, origin=origin)


def parse_rules(text: str, path: str = "<rules>") -> list[AlertRule]:
    """The rules of one YAML file: a list of mappings (module docstring)."""
    try:
        data = load_source_lines(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise _error(where, f"not valid YAML: {problem}") from None
    if data is None:
        raise _error(path, "the file has no rules")
    if not isinstance(data, list):
        raise _error(f"{path}:{line_of(data) or 1}",
                     "the file must be a list of rules (each line '- name: ...')")
    rules: list[AlertRule] = []
    seen: dict[str, str] = {}
    for item in data:
        if not isinstance(item, dict):
            raise _error(f"{path}:{line_of(data) or 1}",
                         f"a rule is a mapping (name:, on:, ...), not {item!r}")
        here = f"{path}:{line_of(item)}"
        where = {str(k): f"{path}:{line_of(item, k)}" for k in item}
        for key in item:
            if key not in KEYS:
                raise _error(where[str(key)], f"unknown key {key!r}; a rule has {', '.join(KEYS)}")
        rule = make_rule(item.get("name"), on=item.get("on"), dyad=item.get("dyad"),
                         country=item.get("country"), types=item.get("types"), statuses=item.get("statuses"),
                         person=item.get("person"), min_sources=item.get("min_sources", 1),
                         webhook=item.get("webhook"), origin=here, where=where)
        if rule.name in seen:
            raise _error(where["name"],
                         f"a second rule named {rule.name!r} (the first is at {seen[rule.name]})")
        seen[rule.name] = here
        rules.append(rule)
    return rules


def read_rules(path: str | Path) -> list[AlertRule]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise _error(str(path), f"cannot read: {e}") from None
    return parse_rules(text, str(path))


def describe(rule: AlertRule) -> str:
    """One line: what the rule watches."""
    parts = ["/".join(rule.on)]
    if rule.types:
        parts.append(f"types {', '.join(rule.types)}")
    if rule.statuses:
        parts.append(f"statuses {', '.join(rule.statuses)}")
    if rule.dyad:
        parts.append(f"between {rule.dyad[0]} and {rule.dyad[1]}")
    if rule.country:
        parts.append(f"with {rule.country}")
    if rule.person:
        parts.append(f"of {rule.person}")
    if rule.min_sources > 1:
        parts.append(f"from {rule.min_sources} reports")
    if rule.webhook:
        parts.append(f"-> POST {rule.webhook}")
    return " ".join(parts)


def rules_of(rows: Iterable[Mapping[str, Any]]) -> list[tuple[int, AlertRule]]:
    """Rules as stored (comity.storage.schema.alert_rules rows), with their ids."""
    def pair(dyad: str | None) -> tuple[str, str] | None:
        return (dyad.split("-")[0], dyad.split("-")[1]) if dyad else None

    return [(r["id"], AlertRule(
        name=r["name"], on=tuple(r["on_kinds"]), dyad=pair(r["dyad"]),
        country=r["country"], types=tuple(r["types"]), statuses=tuple(r["statuses"]), person=r["person"],
        min_sources=r["min_sources"], origin=r["origin"], webhook=r.get("webhook"))) for r in rows]


def rule_row(rule: AlertRule) -> dict[str, Any]:
    return {"name": rule.name, "on_kinds": list(rule.on), "dyad": "-".join(rule.dyad) if rule.dyad else None,
            "country": rule.country, "types": list(rule.types), "statuses": list(rule.statuses),
            "person": rule.person, "min_sources": rule.min_sources, "origin": rule.origin,
            "webhook": rule.webhook}
