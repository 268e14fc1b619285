"""The extraction components hold no words and no rule-specific branches (issue 14).

What a rule reads (trigger lemmas, cue words, prepositions that open a slot, titles) and which
rows or families a step applies to are data under comity/nlp/resources/; the Python of a
component walks the parse. This test reads the source of the components and of the shared
modules they call (CHECKED, paths under comity/nlp) and lists every place that
compares a token's words, an event's family or a CAMEO code with a literal, or keeps a
collection of literal words: each is a word list or a branch that belongs in YAML.

Structural labels are not words: dependency labels, parts of speech and tags (spaCy's
glossary), entity and actor labels (upper case), the date finder's kinds and granularities,
agreement kinds and statuses, dotted attribute paths ("doc._.dates"), and punctuation. Nor
are the few closed-class words that are grammar rather than cues (articles, the possessive
clitic, "and", "or", "of", "to", "it"). Prepositions that choose a slot ("with", "between",
"during") are a rule's argument path, and data.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

from comity.model.agreement import AGREEMENT_KINDS, AGREEMENT_STATUSES
from comity.nlp.dates.mention import GRANULARITIES, KINDS

NLP = Path(__file__).resolve().parents[2] / "comity" / "nlp"
CHECKED = ("components/events.py", "components/agreements.py", "components/persons.py", "components/context.py",
           "components/mechanisms.py", "roles.py", "venues.py", "coder_guards.py", "analysis.py")

# attributes whose value is a word of the text, or a rule's family or code
LEXICAL_ATTRS = {"lower_", "lemma_", "text", "norm_", "orth_", "lower", "casefold", "lemma", "family", "cameo"}
STRUCTURAL = set(GLOSSARY) | set(KINDS) | set(GRANULARITIES) | set(AGREEMENT_KINDS) | set(AGREEMENT_STATUSES)
GRAMMAR = {"the", "a", "an", "'s", "’s", "and", "or", "of", "to", "it"}


def _is_word(value: object) -> bool:
    """A literal that names something of the language or of a rule, not of the parse."""
    if not isinstance(value, str) or not any(ch.isalnum() for ch in value):
        return False  # punctuation
    if value.isupper() or value in STRUCTURAL or value.lower() in GRAMMAR or "." in value:
        return False
    return True


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else []
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [s for e in node.elts for s in _strings(e)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("frozenset", "set", "tuple"):
        return [s for a in node.args for s in _strings(a)]
    if isinstance(node, ast.Dict):
        return [s for k in node.keys if k is not None for s in _strings(k)]
    return []


def _reads_words(node: ast.AST) -> bool:
    """The expression's value is a token's text or lemma, or an event's family or code."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Attribute) and sub.attr in LEXICAL_ATTRS:
            return True
    return False


def word_literals(source: str) -> list[tuple[int, str]]:
    """(line, source) of every comparison with literal words and every collection of them."""
    tree = ast.parse(source)
    found: dict[int, str] = {}

    def flag(node: ast.AST) -> None:
        found.setdefault(node.lineno, ast.get_source_segment(source, node) or "")

    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(side, ast.Attribute) and side.attr == "steps" for side in sides):
                continue  # the names of post-steps are comity's own vocabulary
            literal = [s for side in sides for s in _strings(side)]
            if any(_is_word(s) for s in literal):
                flag(node)
            elif literal and any(_reads_words(side) for side in sides) and any(
                    any(ch.isalnum() for ch in s) and not s.isupper() and s.lower() not in GRAMMAR for s in literal):
                flag(node)  # "day" is a granularity, but lemma_ == "day" reads a word
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("startswith", "endswith") and _reads_words(node.func.value) \
                and any(_is_word(s) or s.isdigit() for a in node.args for s in _strings(a)):
            flag(node)
        elif isinstance(node, ast.Dict) and not all(isinstance(v, ast.Constant) for v in node.values):
            continue  # a record being built ({"sentence": ..., "token": ...}), not a table of words
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict, ast.Call)):
            words = [s for s in _strings(node) if _is_word(s)]
            if len(words) >= 2:
                flag(node)
    return sorted(found.items())


@pytest.mark.parametrize("source, expected", [
    ('if tok.lower_ in ("at", "during"):\n    pass\n', [1]),
    ('if tok.dep_ in ("nsubj", "nsubjpass"):\n    pass\n', []),
    ('if tok.lemma_.lower() == "day":\n    pass\n', [1]),
    ('if d.granularity == "day":\n    pass\n', []),
    ('ok = e.family in ("call", "visit")\n', [1]),
    ('ok = e.cameo.startswith("04")\n', [1]),
    ('NUMBERS = {"one": 1, "two": 2}\n', [1]),
    ('LABELS = ("CITY", "CAPITAL")\n', []),
    ('ok = word in self.table.encounter_words\n', []),
    ('ok = doc[i].text in ("-", "–")\n', []),
    ('ok = "date_from_anchor" in ev.steps\n', []),
    ('entry = {"sentence": n, "token": tok.i}\n', []),
    ('ok = doc[k].lower_ in ("\'s", "the")\n', []),
    ('requires = ["doc._.dates", "doc.ents"]\n', []),
])
def test_the_check_finds_words_and_branches_and_passes_structure(source, expected):
    assert [line for line, _ in word_literals(source)] == expected


@pytest.mark.parametrize("name", CHECKED)
def test_components_hold_no_word_lists_or_rule_branches(name):
    path = NLP / name
    found = word_literals(path.read_text(encoding="utf-8"))
    listing = "\n".join(f"{path.name}:{line}: {text.splitlines()[0][:100]}" for line, text in found)
    assert not found, f"words or rule-specific branches in code (move them to YAML):\n{listing}"
