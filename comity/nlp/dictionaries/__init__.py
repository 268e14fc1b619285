"""Actor dictionaries users bring: their own (YAML, CSV) and PETRARCH's (actors, agents).

    >>> from comity.nlp.dictionaries import load_dictionary
    >>> d = load_dictionary("my-actors.yaml")
    >>> nlp.get_pipe("comity_actors").add_patterns(d.patterns())
    >>> d.people()        # known people with their offices and dates

The format is chosen by suffix (.yaml/.yml, .csv) and otherwise by content (a PETRARCH agents
file has `[~CODE]` codes; anything else is read as a PETRARCH actors file). Formats, labels and
ids: docs/dictionaries.md.
"""
from __future__ import annotations

import os
import warnings
from functools import lru_cache
from pathlib import Path

from ...errors import DataError, Errors, Warnings
from .model import (
    AGENT,
    ORGANISATION,
    PERSON,
    PERSON_KNOWN,
    STATE,
    ActorDictionary,
    ActorEntry,
    Office,
    Skipped,
)
from .petrarch import looks_like_agents, read_actors, read_agents
from .user import read_csv, read_yaml

__all__ = [
    "AGENT",
    "ORGANISATION",
    "PERSON",
    "PERSON_KNOWN",
    "STATE",
    "ActorDictionary",
    "ActorEntry",
    "DictionaryWarning",
    "Office",
    "Skipped",
    "load_dictionary",
    "notes",
    "read_dictionary",
]


class DictionaryWarning(UserWarning):
    """Some entries of a dictionary are not used (W101), or the gazetteer keeps a name (W102)."""


def read_dictionary(text: str, path_label: str, *, fmt: str | None = None,
                    strict: bool = True) -> ActorDictionary:
    """Parse a dictionary given as text. `fmt`: yaml, csv, petrarch-actors or petrarch-agents;
    None chooses by the suffix of `path_label`, then by content."""
    if fmt is None:
        suffix = Path(path_label).suffix.lower()
        fmt = {".yaml": "yaml", ".yml": "yaml", ".csv": "csv"}.get(suffix)
        if fmt is None:
            fmt = "petrarch-agents" if looks_like_agents(text) else "petrarch-actors"
    readers = {"yaml": read_yaml, "csv": read_csv}
    if fmt in readers:
        return readers[fmt](text, path_label)
    if fmt == "petrarch-actors":
        return read_actors(text, path_label, strict=strict)
    if fmt == "petrarch-agents":
        return read_agents(text, path_label, strict=strict)
    raise ValueError(f"unknown dictionary format {fmt!r}")


def load_dictionary(path: str | os.PathLike[str], *, strict: bool = True) -> ActorDictionary:
    """Read a dictionary file (cached while the file is unchanged).

    Raises DataError naming the file and line for a malformed entry (E107), an unknown country
    code (E108; with strict=False a PETRARCH entry whose code comity cannot place is skipped and
    listed instead) or sector (E109), and E110 for a file that cannot be read. Entries not used
    and names the gazetteer keeps are reported once as a DictionaryWarning (W101, W102)."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as e:
        raise DataError(Errors.E110.format(path=path, detail=e.strerror or e)) from e
    if not path.is_file():
        raise DataError(Errors.E110.format(path=path, detail="not a file"))
    return _load(str(path), str(path.resolve()), stat.st_mtime_ns, stat.st_size, strict)


@lru_cache(maxsize=32)
def _load(label: str, resolved: str, mtime_ns: int, size: int, strict: bool) -> ActorDictionary:
    try:
        text = Path(resolved).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        detail = f"not UTF-8 (byte {e.start}); re-save it as UTF-8"
        raise DataError(Errors.E110.format(path=label, detail=detail)) from e
    except OSError as e:
        raise DataError(Errors.E110.format(path=label, detail=e.strerror or e)) from e
    dictionary = read_dictionary(text, label, strict=strict)
    for message in notes(dictionary):
        warnings.warn(message, DictionaryWarning, stacklevel=3)
    return dictionary


def notes(dictionary: ActorDictionary) -> list[str]:
    """The catalogue warnings for a dictionary: entries not used (W101), names the gazetteer keeps (W102)."""
    out = []
    if dictionary.skipped:
        out.append(Warnings.W101.format(path=dictionary.path, count=len(dictionary.skipped),
                                        example=dictionary.skipped[0]))
    conflicts = dictionary.conflicts()
    if conflicts:
        out.append(Warnings.W102.format(path=dictionary.path, count=len(conflicts), example=conflicts[0]))
    return out
