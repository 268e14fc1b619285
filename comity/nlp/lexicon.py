"""Loaded word lists (titles, ranks, honorifics, role nouns, the person finder's lists) from
resources/titles.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


from ..errors import DataError, Errors
from ..source_yaml import load_source


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

    def is_title_word(self, word: str) -> bool:
        return word in self.office_words or word in self.rank_words or word in self.honorific_words


# the person finder's lists (titles.yaml `finder_words`); each is required, no other is allowed
FINDER_LISTS = ("weak_heads", "corporate_words", "company_office_words", "royal_styles", "cased_only",
                "given_name_offices", "counterpart_words", "posted_prepositions", "hyphen_connectors",
                "name_abbreviations", "general_offices", "office_rank_words", "given_name_ranks",
                "apposition_adverbs", "body_possessives", "person_possessives", "shared_counterpart_words",
                "counterpart_origin_prepositions", "place_of_office_prepositions", "place_of_office_before_the",
                "stationed_prepositions")


def _finder_words(path, data: dict) -> dict[str, frozenset[str]]:
    lists = data.get("finder_words")
    if not isinstance(lists, dict):
        raise DataError(Errors.E104.format(path=path, detail="finder_words: a mapping of word lists is required"))
    unknown = sorted(set(lists) - set(FINDER_LISTS))
    missing = [k for k in FINDER_LISTS if k not in lists]
    if unknown or missing:
        raise DataError(Errors.E104.format(path=path, detail=f"finder_words: unknown lists {unknown}, "
                                                            f"missing lists {missing}"))
    for name, words in lists.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise DataError(Errors.E104.format(path=path, detail=f"finder_words.{name}: a list of words (text)"))
    return {name: frozenset(words) for name, words in lists.items()}


@cache
def titles() -> TitleLexicon:
    path = resources.files("comity.nlp") / "resources" / "titles.yaml"
    data = load_source(path.read_text(encoding="utf-8"))
    required = ("ranks", "office_words", "connectors", "heads", "honorifics", "role_nouns")
    missing = [k for k in required if not isinstance(data.get(k), list)]
    if missing:
        raise DataError(Errors.E104.format(path=path, detail=f"missing lists: {', '.join(missing)}"))
    ranks = frozenset(data["ranks"])
    honorifics = frozenset(data["honorifics"])
    return TitleLexicon(
        ranks=ranks,
        rank_words=frozenset(w for r in ranks for w in r.split()),
        office_words=frozenset(data["office_words"]),
        connectors=frozenset(data["connectors"]),
        heads=frozenset(data["heads"]),
        honorifics=honorifics,
        honorific_words=frozenset(w for h in honorifics for w in h.split()),
        role_nouns=frozenset(data["role_nouns"]),
        non_name_words=frozenset(data.get("non_name_words") or ()),
        name_particles=frozenset(data.get("name_particles") or ()),
        name_suffixes=frozenset(data.get("name_suffixes") or ()),
        finder=_finder_words(path, data),
    )
