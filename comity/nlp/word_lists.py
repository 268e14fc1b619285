"""Files of named word lists (resources/roles.yaml, venues.yaml, mechanism_terms.yaml): read and checked.

Each file is a mapping of list names to lists, and the module that reads it says which names it
holds and of what kind (`read_lists`'s `spec`). Every named list is required and no other is
allowed; a list of the wrong shape is an error. Errors are DataError E104 naming the file and
the line, as the cues and trigger tables do (comity/nlp/analysis.py, triggers.py).

Kinds (the constants WORDS, ORDERED... of this module):

- `words`: a set of words, matched in lower case (a frozenset of lower-case text);
- `ordered`: words whose order counts (the first ordinal is 1): a tuple of lower-case text;
- `patterns`: Python regular expressions, each checked to compile: a tuple, in the file's order;
- `named_patterns`: names (Python identifiers: a regex group may carry them) each with a list of
  regular expressions: a dict, in the file's order;
- `word_code`: a word as written (case counts: "the North") and the state code it stands for;
- `word_codes`: a word as written and the state codes it may stand for (a frozenset);
- `code_words`: codes (upper case: "MIL") each with the words that stand for it, read as a dict
  from lower-case word to code.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from ..errors import DataError, Errors
from ..source_yaml import line_of, load_source_lines

# the kinds of list (see the module doc)
WORDS = "words"
ORDERED = "ordered"
PATTERNS = "patterns"
NAMED_PATTERNS = "named_patterns"
WORD_CODE = "word_code"
WORD_CODES = "word_codes"
CODE_WORDS = "code_words"
KINDS = (WORDS, ORDERED, PATTERNS, NAMED_PATTERNS, WORD_CODE, WORD_CODES, CODE_WORDS)
_CODE = re.compile(r"[A-Z]{3}")


def where(path, node, key=None) -> str:
    """"FILE, line N" for a node (or a key of it) read by `load_source_lines`; just FILE when no line is known."""
    line = line_of(node, key)
    return f"{path}, line {line}" if line else str(path)


class WordLists(dict):
    """The lists of a file by name; each is an attribute too (`lists.both_words`)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def read_lists(text: str, path, spec: Mapping[str, str]) -> WordLists:
    """The lists of a file's `text`, by name, each read as its kind in `spec` (name -> kind)."""
    data = load_source_lines(text) or {}
    if not isinstance(data, dict):
        raise DataError(Errors.E104.format(path=path, detail="expected a mapping of named lists"))
    out = WordLists()
    for name, value in data.items():
        at = where(path, data, name)
        if name not in spec:
            raise DataError(Errors.E104.format(path=at, detail=f"unknown list {name!r}; known: {', '.join(spec)}"))
        out[name] = _read(spec[name], name, value, path, at)
    missing = [name for name in spec if name not in out]
    if missing:
        raise DataError(Errors.E104.format(path=path, detail=f"missing lists: {', '.join(missing)}"))
    return out


def _bad(at: str, name: str, detail: str) -> DataError:
    return DataError(Errors.E104.format(path=at, detail=f"{name}: {detail}"))


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(w, str) and w for w in value)


def _compiled(pattern: str, name: str, at: str) -> str:
    try:
        re.compile(pattern)
    except re.error as e:
        raise _bad(at, name, f"{pattern!r} is not a regular expression ({e})") from None
    return pattern


def _read(kind: str, name: str, value: Any, path, at: str) -> Any:
    if kind in (WORDS, ORDERED, PATTERNS):
        if not _texts(value):
            raise _bad(at, name, "a list of words (text)")
        if kind == WORDS:
            return frozenset(w.lower() for w in value)
        if kind == ORDERED:
            return tuple(w.lower() for w in value)
        return tuple(_compiled(p, name, at) for p in value)
    if not isinstance(value, dict):
        raise _bad(at, name, "a mapping")
    if kind == NAMED_PATTERNS:
        for key, patterns in value.items():
            if not (isinstance(key, str) and key.isidentifier()) or not _texts(patterns):
                raise _bad(where(path, value, key), name,
                           "names (letters, digits and _) each with a list of regular expressions")
        return {key: tuple(_compiled(p, name, at) for p in patterns) for key, patterns in value.items()}
    if kind == WORD_CODE:
        for key, code in value.items():
            if not isinstance(key, str) or not isinstance(code, str) or not _CODE.fullmatch(code):
                raise _bad(where(path, value, key), name, "words each with a state code (three capital letters)")
        return dict(value)
    if kind == WORD_CODES:
        for key, codes in value.items():
            if not isinstance(key, str) or not _texts(codes) or not all(_CODE.fullmatch(c) for c in codes):
                raise _bad(where(path, value, key), name, "words each with a list of state codes (three capital letters)")
        return {key: frozenset(codes) for key, codes in value.items()}
    if kind == CODE_WORDS:
        out: dict[str, str] = {}
        for code, words in value.items():
            if not isinstance(code, str) or not code.isupper() or not _texts(words):
                raise _bad(where(path, value, code), name, "codes (capital letters) each with a list of words")
            out.update((w.lower(), code) for w in words)
        return out
    raise ValueError(f"unknown kind {kind!r} of list {name!r}; known: {', '.join(KINDS)}")
