"""Loaded word lists (titles, ranks, honorifics, role nouns, the person finder's lists) and the
person finder's rules (`rules`: the ids records carry, what each reads) from resources/titles.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


from ..errors import DataError, Errors
from ..source_yaml import line_of, load_source_lines
from .word_lists import CASED, read_lists


@dataclass(frozen=True)
class TitleLexicon:
    ranks: frozenset[str]             # whole phrases: "Senior Lieutenant General"
    rank_words: frozenset[str]        # their words: "Senior", "Lieutenant", "General"
    office_words: frozenset[str]
    connectors: frozenset[str]
    heads: frozenset[str]
    honorifics: frozenset[str]
    honorific_words: frozenset[str]
    role_nouns: frozenset[str]
    non_name_words: frozenset[str]
    name_particles: frozenset[str]
    name_suffixes: frozenset[str]
    finder: dict[str, frozenset[str]]  # the person finder's word lists (`finder_words`), by name
    rules: dict[str, PersonRule]      # the person finder's rules (`rules`), by id
    path: str = "titles.yaml"

    def is_title_word(self, word: str) -> bool:
        return word in self.office_words or word in self.rank_words or word in self.honorific_words

    def rule_ids(self, *ids: str) -> tuple[str, ...]:
        """The ids a component keeps records by, each checked to be declared in `rules`."""
        missing = [i for i in ids if i not in self.rules]
        if missing:
            raise DataError(Errors.E104.format(path=self.path, detail=f"rules: {', '.join(missing)} not declared "
                                                                      "(the person finder keeps records by them)"))
        return ids


@dataclass(frozen=True)
class PersonRule:
    """A rule by which the person finder keeps a person: its id (a record's `rule`), what it reads in
    a sentence, and the lists of titles.yaml it reads."""

    id: str
    says: str
    reads: tuple[str, ...]
    line: int | None = None  # where it is declared in titles.yaml


# the person finder's lists (titles.yaml `finder_words`); each is required, no other is allowed
FINDER_LISTS = ("weak_heads", "corporate_words", "company_office_words", "royal_styles", "cased_only",
                "given_name_offices", "counterpart_words", "posted_prepositions", "hyphen_connectors",
                "name_abbreviations", "general_offices", "office_rank_words", "given_name_ranks",
                "apposition_adverbs", "body_possessives", "person_possessives", "shared_counterpart_words",
                "counterpart_origin_prepositions", "place_of_office_prepositions", "place_of_office_before_the",
                "stationed_prepositions", "no_longer_words", "aide_prepositions")
# the lists of titles.yaml, all of words as written (case counts: "Senior Lieutenant General"), read and
# checked by comity/nlp/word_lists.py; `offices_of_states` and `rules` are the file's own parts
TITLE_LISTS = {**dict.fromkeys(("ranks", "office_words", "connectors", "heads", "honorifics", "styles", "role_nouns",
                                "non_name_words", "name_particles", "name_suffixes"), CASED),
               **{f"finder_words.{name}": CASED for name in FINDER_LISTS}}


def _rules(path, data: dict) -> dict[str, PersonRule]:
    """titles.yaml `rules`: each id with `says` (a line of text) and `reads` (names of this file's lists)."""
    rules = data.get("rules")
    if not isinstance(rules, dict) or not rules:
        raise DataError(Errors.E104.format(path=path, detail="rules: a mapping of the person finder's rules is required"))
    lists = {k for k, v in data.items() if isinstance(v, list) or k == "offices_of_states"} | set(FINDER_LISTS)
    out = {}
    for rule, row in rules.items():
        where = f"{path}:{line_of(rules, rule)}"
        if not isinstance(rule, str) or not rule.startswith("persons.") or not isinstance(row, dict):
            raise DataError(Errors.E104.format(path=where, detail=f"rules: {rule!r} is no persons.<name>: "
                                                                   "{says: ..., reads: [...]}"))
        says, reads = row.get("says"), row.get("reads")
        if set(row) != {"says", "reads"} or not isinstance(says, str) or not says.strip() \
                or not isinstance(reads, list):
            raise DataError(Errors.E104.format(path=where, detail=f"rules.{rule}: `says` (text) and `reads` "
                                                                   "(a list of this file's lists) are required, "
                                                                   "and nothing else"))
        unknown = [r for r in reads if r not in lists]
        if unknown:
            raise DataError(Errors.E104.format(path=where, detail=f"rules.{rule}: reads unknown lists {unknown}"))
        out[rule] = PersonRule(id=rule, says=says, reads=tuple(reads), line=line_of(rules, rule))
    return out


@cache
def titles() -> TitleLexicon:
    path = resources.files("comity.nlp") / "resources" / "titles.yaml"
    return read_titles(path.read_text(encoding="utf-8"), path)


def read_titles(text: str, path="titles.yaml") -> TitleLexicon:
    """titles.yaml's text read and checked: its lists (TITLE_LISTS) and its rules."""
    data = load_source_lines(text) or {}
    lists = read_lists(data, path, TITLE_LISTS, others=("offices_of_states", "rules"))
    return TitleLexicon(
        ranks=lists.ranks,
        rank_words=frozenset(w for r in lists.ranks for w in r.split()),
        office_words=lists.office_words,
        connectors=lists.connectors,
        heads=lists.heads,
        honorifics=lists.honorifics,
        honorific_words=frozenset(w for h in lists.honorifics for w in h.split()),
        role_nouns=lists.role_nouns,
        non_name_words=lists.non_name_words,
        name_particles=lists.name_particles,
        name_suffixes=lists.name_suffixes,
        finder={name: lists[f"finder_words.{name}"] for name in FINDER_LISTS},
        rules=_rules(path, data),
        path=str(path),
    )
