"""The bundled leaders list (resources/leaders.yaml): heads of state and government, foreign and
defence ministers, with dated offices. docs/dictionaries.md, "Bundled leaders".

It is read like a user dictionary, with two differences:

- its names carry the label `PERSON_LEADER`, not `PERSON_KNOWN`: a leader's name alone does not
  make a person (a user's dictionary person is an official by definition; a president named in
  passing in a sports report is not recorded), and so it opens no door of the fast path. A person
  the report gives a title, rank or role to takes the country of the office held on the report's
  date, when the person's full name is the leader's (comity_persons); a leader in office on that
  date named without one is a person too, in a report that records other officials;
- user dictionaries win: a spelling any of them matches, or a person they name, is left to them.
"""
from __future__ import annotations

import warnings
from importlib import resources
from pathlib import Path
from typing import Iterable

from .model import ActorDictionary

PERSON_LEADER = "PERSON_LEADER"


def leaders_path() -> Path:
    return Path(str(resources.files("comity.nlp") / "resources" / "leaders.yaml"))


def load_leaders() -> ActorDictionary:
    """The bundled list (cached while the file is unchanged, as every dictionary)."""
    from . import DictionaryWarning, load_dictionary

    with warnings.catch_warnings():  # its integrity is a test's business (tests/nlp/test_leaders.py)
        warnings.simplefilter("ignore", DictionaryWarning)
        return load_dictionary(leaders_path())


def leader_patterns(leaders: ActorDictionary, overrides: Iterable[ActorDictionary] = ()) -> list[dict[str, str]]:
    """The leaders' patterns under the PERSON_LEADER label, without the spellings and people that the
    `overrides` (user dictionaries) name: theirs win."""
    taken_forms: set[str] = set()
    taken_names: set[str] = set()
    for dictionary in overrides:
        for entry in dictionary.entries:
            taken_forms |= entry.forms()
            if entry.type == "person":
                taken_names.add(entry.name)
    out = []
    for p in leaders.patterns():
        name = p["id"].split("|", 2)[2]
        if p["pattern"] in taken_forms or name in taken_names:
            continue
        out.append({**p, "label": PERSON_LEADER})
    return out
