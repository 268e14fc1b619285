"""Rule ids: the names records carry in `rule`, and where the data rows behind them are.

A record says which rule made it (docs/extraction.md). For an event that is a row of
resources/event_triggers.yaml, whose `id` the event coder notes on the event (the table's compiler
requires one on every row). A table read here without ids (a hand-written one in a test) names
its rows `<family>.<lemma>`, and a lookup returns every row of a name. Agreements are found by the term patterns of a kind in
resources/agreement_terms.yaml ("agreements.term.mou"). The person finder's rules are declared in
resources/titles.yaml `rules` ("persons.title-left": what it reads, and the title lists it reads).
Other rules (where a person's country came from, statuses, post-steps) live in code; `rule_source`
names the module that holds them.

No spaCy here: the web view shows rules (`/rules/<id>`) without loading the NLP layer, so the
YAML is read from the package's files directly, its families being the sections that list rows.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

TRIGGERS_FILE = "event_triggers.yaml"
AGREEMENT_TERMS_FILE = "agreement_terms.yaml"
TITLES_FILE = "titles.yaml"
# rules written in code, by the prefix of their ids: where to read them
CODE_RULES = {
    "persons.country.": "comity/nlp/components/persons.py (PersonFinder) and context.py (countries)",
    "agreements.status.": "comity/nlp/components/agreements.py (AgreementFinder._status)",
    "agreements.": "comity/nlp/components/agreements.py (AgreementFinder)",
    "mechanisms.": "comity/nlp/components/mechanisms.py (MechanismFinder)",
    "records.": "comity/nlp/to_records.py",
}


@dataclass(frozen=True)
class RuleRow:
    """One data row behind a rule id: the file it stands in, its first line (1-based) and its text."""

    id: str
    file: str  # the file's name under comity/nlp/resources
    line: int
    text: str
    family: str = ""  # for a trigger row: the section it stands in, and its lemma
    lemma: str = ""


@dataclass(frozen=True)
class RuleSource:
    """Where a rule id is defined: data rows (a trigger row, a term kind), or a module of code."""

    id: str
    rows: tuple[RuleRow, ...] = ()
    code: str | None = None  # the module that holds a rule written in code

    @property
    def known(self) -> bool:
        return bool(self.rows or self.code)


@cache
def trigger_keys() -> dict[tuple[str, str], tuple[str, ...]]:
    """The rule ids of the trigger rows of each (family, lemma)."""
    out: dict[tuple[str, str], list[str]] = {}
    for rows in trigger_rows().values():
        for r in rows:
            out.setdefault((r.family, r.lemma), []).append(r.id)
    return {k: tuple(v) for k, v in out.items()}


def _resource(name: str) -> str:
    return (resources.files("comity") / "nlp" / "resources" / name).read_text(encoding="utf-8")


def _node_text(lines: list[str], node: yaml.Node) -> str:
    """The source lines of a node, as written (a flow mapping is one line, comment included)."""
    last = node.end_mark.line if node.end_mark.column or node.end_mark.line == node.start_mark.line \
        else node.end_mark.line - 1
    return "\n".join(lines[node.start_mark.line:last + 1]).strip()


def _scalar(node: yaml.MappingNode, key: str) -> str | None:
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.ScalarNode):
            return v.value
    return None


@cache
def trigger_rows() -> dict[str, tuple[RuleRow, ...]]:
    """Every row of event_triggers.yaml by its rule id, in file order."""
    return trigger_rows_in(_resource(TRIGGERS_FILE))


def trigger_rows_in(text: str, file: str = TRIGGERS_FILE) -> dict[str, tuple[RuleRow, ...]]:
    """The rows of a trigger table's text by rule id: a row's `id` key when it has one, else
    `<family>.<lemma>`. Read from the YAML's node tree, which keeps each row's line."""
    lines = text.splitlines()
    out: dict[str, list[RuleRow]] = {}
    root = yaml.compose(text)
    for key, section in root.value:
        if not isinstance(section, yaml.SequenceNode):
            continue  # a family lists rows; the word lists beside them are mappings or lists of words
        for row in section.value:
            if not isinstance(row, yaml.MappingNode):
                continue
            lemma = _scalar(row, "lemma") or ""
            rule = _scalar(row, "id") or f"{key.value}.{lemma}"
            out.setdefault(rule, []).append(RuleRow(id=rule, file=file, line=row.start_mark.line + 1,
                                                    text=_node_text(lines, row), family=key.value, lemma=lemma))
    return {k: tuple(v) for k, v in out.items()}


@cache
def agreement_kind_rows() -> dict[str, tuple[RuleRow, ...]]:
    """The term patterns of each agreement kind (agreement_terms.yaml `kinds`) by rule id."""
    text = _resource(AGREEMENT_TERMS_FILE)
    lines = text.splitlines()
    out: dict[str, tuple[RuleRow, ...]] = {}
    for key, section in yaml.compose(text).value:
        if key.value != "kinds":
            continue
        for kind, patterns in section.value:
            rule = f"agreements.term.{kind.value}"
            out[rule] = (RuleRow(id=rule, file=AGREEMENT_TERMS_FILE, line=kind.start_mark.line + 1,
                                 text=lines[kind.start_mark.line].strip()),)
    return out


@cache
def person_rule_rows() -> dict[str, tuple[RuleRow, ...]]:
    """The person finder's rules (titles.yaml `rules`) by id: each row from its id to its last line."""
    return person_rule_rows_in(_resource(TITLES_FILE))


def person_rule_rows_in(text: str, file: str = TITLES_FILE) -> dict[str, tuple[RuleRow, ...]]:
    lines = text.splitlines()
    out: dict[str, tuple[RuleRow, ...]] = {}
    for key, section in yaml.compose(text).value:
        if key.value != "rules" or not isinstance(section, yaml.MappingNode):
            continue
        for rule, row in section.value:
            # a block mapping ends where the next row starts: its last value ends it
            last = row.value[-1][1] if isinstance(row, yaml.MappingNode) and row.value and not row.flow_style else row
            end = last.end_mark.line if last.end_mark.column else last.end_mark.line - 1
            text_ = textwrap.dedent("\n".join(lines[rule.start_mark.line:max(end, rule.start_mark.line) + 1])).strip()
            out[rule.value] = (RuleRow(id=rule.value, file=file, line=rule.start_mark.line + 1, text=text_),)
    return out


def rule_source(rule_id: str) -> RuleSource:
    """Where `rule_id` is defined: its rows of data, or the module of code it is written in."""
    rows = (trigger_rows().get(rule_id) or agreement_kind_rows().get(rule_id) or person_rule_rows().get(rule_id)
            or ())
    if rows:
        return RuleSource(id=rule_id, rows=rows)
    code = next((where for prefix, where in CODE_RULES.items() if rule_id.startswith(prefix)), None)
    if code is None and rule_id.split(".")[0] in {family for family, _ in trigger_keys()}:
        code = "comity/nlp/components/events.py (EventCoder: a speech act, a courtesy call, a post-step)"
    return RuleSource(id=rule_id, code=code)
