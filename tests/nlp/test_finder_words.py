"""The person finder's word lists and rules are data (titles.yaml `finder_words`, `rules`), checked when read."""
import pytest

from comity.errors import DataError
from comity.nlp.lexicon import FINDER_LISTS, TITLE_LISTS, _rules, read_titles, titles
from comity.source_yaml import load_source_lines


def test_finder_words_shipped_lists_are_all_there():
    assert set(titles().finder) == set(FINDER_LISTS)
    assert "president" in titles().finder["weak_heads"] and "Secretary" in titles().finder["general_offices"]


def titles_text(finder: str | None) -> str:
    """A titles.yaml of one word each list and one rule, with `finder` as its finder_words."""
    top = "".join(f"{name}: [x]\n" for name in TITLE_LISTS if "." not in name)
    rules = "rules:\n  persons.a: {says: x, reads: [ranks]}\n"
    return top + rules + (f"finder_words:\n{finder}" if finder is not None else "")


ALL = "".join(f"  {name}: [x]\n" for name in FINDER_LISTS)


def test_titles_lists_are_read_as_written():
    lex = read_titles(titles_text(ALL.replace("weak_heads: [x]", "weak_heads: [Lt. Gen.]")))
    assert lex.finder["weak_heads"] == frozenset({"Lt. Gen."}) and lex.ranks == frozenset({"x"})


@pytest.mark.parametrize("finder, message", [
    (None, "missing lists: finder_words.weak_heads"),
    ("  - x\n", "finder_words: expected named lists"),
    (ALL + "  weak_head: [x]\n", "unknown list 'finder_words.weak_head'"),
    (ALL.replace("  cased_only: [x]\n", ""), "missing lists: finder_words.cased_only"),
    (ALL.replace("cased_only: [x]", "cased_only: [under, 3]"), "finder_words.cased_only: words must be text"),
])
def test_finder_words_bad_lists_name_the_file_and_the_list(finder, message):
    with pytest.raises(DataError, match=r"^\[E104\]") as e:
        read_titles(titles_text(finder))
    assert "titles.yaml" in str(e.value) and message in str(e.value)


def test_the_finder_keeps_records_by_the_rules_titles_yaml_declares_and_by_no_other():
    from comity.nlp.components import persons

    used = {persons.RULE_TITLE_LEFT, persons.RULE_TITLE_RIGHT, persons.RULE_COUNTERPART, persons.RULE_DICTIONARY,
            persons.RULE_LEADER}
    assert used == set(titles().rules)  # a declared rule the finder never uses would mislead `comity explain`
    rule = titles().rules["persons.counterpart"]
    assert "counterpart_words" in rule.reads and "counterpart" in rule.says and rule.line > 1


def test_an_undeclared_rule_id_is_an_error_naming_the_file():
    with pytest.raises(DataError) as e:
        titles().rule_ids("persons.title-left", "persons.no-such-rule")
    assert "titles.yaml" in str(e.value) and "persons.no-such-rule not declared" in str(e.value)


@pytest.mark.parametrize("rules, message", [
    ("", "rules: a mapping of the person finder's rules is required"),
    ("  title-left: {says: x, reads: []}\n", "titles.yaml:3 is invalid: rules: 'title-left' is no persons.<name>"),
    ("  persons.a: {says: x}\n", "titles.yaml:3 is invalid: rules.persons.a: `says` (text) and `reads`"),
    ("  persons.a: {says: x, reads: [], when: y}\n", "titles.yaml:3 is invalid: rules.persons.a: `says`"),
    ("  persons.a: {says: x, reads: []}\n  persons.b: {says: y, reads: [ranks, rank]}\n",
     "titles.yaml:4 is invalid: rules.persons.b: reads unknown lists ['rank']"),
])
def test_bad_rules_name_the_file_line_and_rule(rules, message):
    data = load_source_lines("ranks: [General]\nrules:\n" + rules if rules else "ranks: [General]\n")
    with pytest.raises(DataError) as e:
        _rules("titles.yaml", data)
    assert message in str(e.value)
