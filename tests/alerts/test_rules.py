"""Alert rules from YAML and from options (no database): the same rule either way, and a bad file is an
error naming the file and the line at fault."""
from __future__ import annotations

import dataclasses

import pytest

from comity.alert_rules import AlertRule, Fact, make_rule, parse_rules, read_rules
from comity.errors import AlertRuleError

RULES = """\
- name: vnm-lao-agreements
  dyad: [VNM, LAO]
  on: [agreement]            # agreement | meeting | event | person
- name: protests
  dyad: PHL-CHN
  on: event
  types: [PROTEST, "14"]
  min_sources: 2
- name: giang
  on: [person, meeting]
  person: Phan Văn Giang
- name: norway-signings
  country: nor
  on: [agreement]
  statuses: [signed, renewed]
"""


def same(rule: AlertRule) -> AlertRule:
    return dataclasses.replace(rule, origin="")


def test_rules_yaml_reads_every_key_with_lines():
    rules = parse_rules(RULES, "alerts.yaml")
    assert [r.name for r in rules] == ["vnm-lao-agreements", "protests", "giang", "norway-signings"]
    assert rules[0] == AlertRule("vnm-lao-agreements", on=("agreement",), dyad=("LAO", "VNM"),
                                 origin="alerts.yaml:1")
    assert rules[1].dyad == ("CHN", "PHL") and rules[1].types == ("PROTEST", "14")
    assert rules[1].min_sources == 2
    assert rules[2].on == ("meeting", "person") and rules[2].person == "Phan Văn Giang"
    assert rules[3].country == "NOR"
    assert rules[3].statuses == ("signed", "renewed") and rules[3].origin == "alerts.yaml:12"


def test_rules_take_names_as_codes():
    by_name = make_rule("vnm-lao-agreements", dyad=["Việt Nam", "Laos"], on=["agreement"])
    assert by_name.dyad == ("LAO", "VNM")
    assert make_rule("p", dyad="Philippines-China", on="event").dyad == ("CHN", "PHL")
    assert make_rule("n", country="Norway", on="meeting").country == "NOR"


def test_rules_options_give_the_yaml_rule():
    yaml_rule = parse_rules(RULES, "alerts.yaml")[0]
    option_rule = make_rule("vnm-lao-agreements", dyad=["VNM", "LAO"], on=["agreement"])
    assert same(option_rule) == same(yaml_rule) and option_rule.origin == "command line"


@pytest.mark.parametrize("text, line, words", [
    ("- name: a\n  on: [agreement, parade]\n", 2, "unknown kind 'parade'"),
    ("- name: a\n  on: agreement\n  dyad: [VNM]\n", 3, "two different states"),
    ("- name: a\n  on: agreement\n  dyad: [VNM, Vietnam]\n", 3, "two different states"),
    ("- name: a\n  on: agreement\n  dyad: VNM-VNM\n", 3, "two different states"),
    ("- name: a\n  on: agreement\n  dyad: [VNM, Laso]\n", 3, "'Laso' is not a country comity knows; closest"),
    ("- name: a\n  on: agreement\n  country: ZZZ\n", 3, "'ZZZ' is not a country comity knows"),
    ("- name: a\n  on: agreement\n  dyad: [VNM, LAO]\n  country: KHM\n", 4, "not both"),
    ("- name: a\n  on: agreement\n  colour: red\n", 3, "unknown key 'colour'"),
    ("- name: a\n  on: [person]\n", 2, "needs person: NAME"),
    ("- name: a\n  on: event\n  types: [PARADE]\n", 3, "'PARADE' is not an event type"),
    ("- name: a\n  on: meeting\n  types: [PROTEST]\n", 3, "add event to on"),
    ("- name: a\n  on: agreement\n  statuses: [inked]\n", 3, "'inked' is not an agreement status"),
    ("- name: a\n  on: event\n  min_sources: 0\n", 3, "min_sources"),
    ("- name: a\n  on: event\n- name: a\n  on: meeting\n", 3,
     "second rule named 'a' (the first is at x.yaml:1)"),
    ("- name: a\n  on: event\n  on: meeting\n", 3, "duplicate key 'on'"),
    ("- name: a\n  on: [event\n- name: b\n", 3, "not valid YAML"),
    ("- name: a b\n  on: event\n", 1, "needs a name"),
    ("- on: event\n", 1, "needs a name"),
    ("- name: a\n  dyad: [VNM, LAO]\n", 1, "says nothing to watch"),
    ("name: a\non: event\n", 1, "must be a list of rules"),
])
def test_rules_bad_yaml_names_file_and_line(text, line, words):
    with pytest.raises(AlertRuleError) as e:
        parse_rules(text, "x.yaml")
    assert f"x.yaml:{line}:" in str(e.value) and words in str(e.value) and "E209" in str(e.value)


def test_rules_bad_file(tmp_path):
    with pytest.raises(AlertRuleError, match="empty.yaml: the file has no rules"):
        parse_rules("", "empty.yaml")
    with pytest.raises(AlertRuleError, match="cannot read"):
        read_rules(tmp_path / "missing.yaml")


def fact(kind, countries, **kw):
    return Fact(kind, countries=frozenset(countries), **kw)


def test_rules_match_facts():
    agreements = make_rule("a", dyad=["VNM", "LAO"], on="agreement", statuses=["signed"])
    assert agreements.matches(Fact("agreement", countries=frozenset({"LAO", "VNM"}), status="signed"))
    assert not agreements.matches(Fact("agreement", countries=frozenset({"LAO", "VNM"}), status="proposed"))
    assert not agreements.matches(Fact("agreement", countries=frozenset({"KHM", "VNM"}), status="signed"))
    assert not agreements.matches(Fact("meeting", countries=frozenset({"LAO", "VNM"})))
    protests = make_rule("p", dyad="PHL CHN", on="event", types=["PROTEST", "112"])
    assert protests.matches(Fact("event", countries=frozenset({"CHN", "PHL"}), cameo="141", plover="PROTEST"))
    assert protests.matches(Fact("event", countries=frozenset({"CHN", "PHL"}), cameo="1121", plover="ACCUSE"))
    assert not protests.matches(fact("event", {"CHN", "PHL"}, cameo="040", plover="CONSULT"))
    giang = make_rule("g", on=["meeting", "person"], person="phan van giang", country="VNM")
    assert giang.matches(fact("meeting", {"KHM", "VNM"}, person_keys=frozenset({"phanvangiang|VNM"})))
    assert not giang.matches(fact("meeting", {"KHM", "VNM"}, person_keys=frozenset({"teaseiha|KHM"})))
    assert giang.matches(fact("person", {"VNM"}, person_keys=frozenset({"phanvangiang|VNM"})))
