"""Loaded word lists (titles, ranks, honorifics, role nouns) from resources/titles.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

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

    def is_title_word(self, word: str) -> bool:
        return word in self.office_words or word in self.rank_words or word in self.honorific_words


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
    )
