"""Named word lists of the extraction's resource files: read and checked, in one place.

A file (roles.yaml, venues.yaml, mechanism_terms.yaml, cues.yaml, agreement_terms.yaml, titles.yaml,
the word lists of event_triggers.yaml) is a mapping of list names to lists, and the module that
reads it says which names it holds and of what kind (`read_lists`'s `spec`: name -> kind). A name
"section.name" is the list `name` of the mapping `section` (cues.yaml's `negation.denials`). The
file's other parts (trigger rows, agreement kinds...) are named in `others`: the module's own
compiler reads them. Every named list is required (a part of a file, as a test's, may leave lists
out with `complete=False`: they are empty) and no other is allowed; a list of the wrong shape is an
error. Every error is DataError E104 naming the file and the line.

Kinds (the constants WORDS, CASED... of this module):

- `words`: a set of words or phrases, matched in lower case (a frozenset of lower-case text);
- `cased`: a set of words as written, where case counts ("Senior Lieutenant General");
- `folded`: a set of words compared casefolded ("Ltd.", "PT");
- `pairs`: two-word phrases, a head and the word it governs ("take effect"): a frozenset of
  (head, word) in lower case;
- `numbers`: words each with the number it stands for ({two: 2}): a dict;
- `cameo_codes`: CAMEO codes (quoted text, "057") that resources/cameo.yaml knows: a tuple, in the
  file's order;
- `ordered`: words whose order counts (the first ordinal is 1): a tuple of lower-case text;
- `patterns`: Python regular expressions, each checked to compile: a tuple, in the file's order;
- `named_patterns`: names (Python identifiers: a regex group may carry them) each with a list of
  regular expressions: a dict, in the file's order;
- `word_code`: a word as written (case counts: "the North") and the state code it stands for;
- `word_codes`: a word as written and the state codes it may stand for (a frozenset);
- `code_words`: codes (upper case: "MIL") each with the words that stand for it, read as a dict
  from lower-case word to code.

To add a list: put it in the file with a comment saying what it is for, and its name and kind
in the `spec` of the module that reads the file.
"""
from __future__ import annotations

import re
from importlib import resources
from typing import Any, Iterable, Mapping

from ..errors import DataError, Errors
from ..source_yaml import line_of, load_source_lines

# the kinds of list (see the module doc)
WORDS = "words"
CASED = "cased"
FOLDED = "folded"
PAIRS = "pairs"
NUMBERS = "numbers"
CAMEO_CODES = "cameo_codes"
ORDERED = "ordered"
PATTERNS = "patterns"
NAMED_PATTERNS = "named_patterns"
WORD_CODE = "word_code"
WORD_CODES = "word_codes"
CODE_WORDS = "code_words"
KINDS = (WORDS, CASED, FOLDED, PAIRS, NUMBERS, CAMEO_CODES, ORDERED, PATTERNS, NAMED_PATTERNS, WORD_CODE,
         WORD_CODES, CODE_WORDS)
_TEXT_LISTS = {WORDS: lambda w: w.lower(), CASED: str, FOLDED: str.casefold,
               PAIRS: lambda w: tuple(w.lower().split()), CAMEO_CODES: str}
_MAPPINGS = (NUMBERS, NAMED_PATTERNS, WORD_CODE, WORD_CODES, CODE_WORDS)
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


def read_lists(source: str | Mapping, path, spec: Mapping[str, str], *, others: Iterable[str] = (),
               complete: bool = True, codes: Iterable[str] | None = None) -> WordLists:
    """The lists of a file, by name, each read as its kind in `spec` (name -> kind). `source` is the
    file's text or its data as `load_source_lines` read it; `others` are its top-level keys that are
    no list of `spec` (left to the caller); `codes` are the CAMEO codes a `cameo_codes` list may name
    (None: any)."""
    data = load_source_lines(source) or {} if isinstance(source, str) else source
    if not isinstance(data, dict):
        raise DataError(Errors.E104.format(path=path, detail="expected a mapping of named lists"))
    others = frozenset(others)
    sections = {name.split(".", 1)[0] for name in spec if "." in name}
    known = ", ".join(k for k in (*(n for n in spec if "." not in n), *sorted(sections), *sorted(others)))
    codes = None if codes is None else frozenset(codes)
    out = WordLists()
    for key, value in data.items():
        if key in others:
            continue
        if key in sections:
            if not isinstance(value, dict):
                raise _bad(where(path, data, key), key, "expected named lists")
            for name, words in value.items():
                full = f"{key}.{name}"
                if full not in spec:
                    raise _unknown(where(path, value, name), "list", full,
                                   ", ".join(n for n in spec if n.startswith(key + ".")))
                out[full] = _read(spec[full], full, words, path, where(path, value, name), codes)
        elif key in spec:
            out[key] = _read(spec[key], key, value, path, where(path, data, key), codes)
        else:
            raise _unknown(where(path, data, key), "section or list" if sections or others else "list", key, known)
    missing = [name for name in spec if name not in out]
    if complete and missing:
        raise DataError(Errors.E104.format(path=path, detail=f"missing lists: {', '.join(missing)}"))
    for name in missing:
        kind = spec[name]
        out[name] = {} if kind in _MAPPINGS else () if kind in (ORDERED, PATTERNS, CAMEO_CODES) else frozenset()
    return out


def read_resource(name: str, spec: Mapping[str, str]) -> WordLists:
    """The lists of one of comity's own files, resources/`name`, read and checked as `read_lists` does."""
    path = resources.files("comity.nlp") / "resources" / name
    return read_lists(path.read_text(encoding="utf-8"), path, spec)


def _unknown(at: str, what: str, name: str, known: str) -> DataError:
    return DataError(Errors.E104.format(path=at, detail=f"unknown {what} {name!r}; known: {known}"))


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


def _read(kind: str, name: str, value: Any, path, at: str, codes: frozenset[str] | None) -> Any:
    if kind in _TEXT_LISTS or kind in (ORDERED, PATTERNS):
        if not _texts(value):
            raise _bad(at, name, "CAMEO codes must be quoted text (\"040\")" if kind == CAMEO_CODES
                       else "words must be text (a list of them)")
        if kind == PAIRS and any(len(w.split()) != 2 for w in value):
            raise _bad(at, name, "phrases of two words (a head and the word it governs)")
        if kind == CAMEO_CODES and codes is not None and any(c not in codes for c in value):
            raise _bad(at, name, f"unknown CAMEO codes {[c for c in value if c not in codes]} (see cameo.yaml)")
        if kind == ORDERED:
            return tuple(w.lower() for w in value)
        if kind == CAMEO_CODES:
            return tuple(value)
        if kind == PATTERNS:
            return tuple(_compiled(p, name, at) for p in value)
        return frozenset(map(_TEXT_LISTS[kind], value))
    if not isinstance(value, dict):
        raise _bad(at, name, "a mapping")
    if kind == NUMBERS:
        if not all(isinstance(w, str) and isinstance(n, int) and not isinstance(n, bool) for w, n in value.items()):
            raise _bad(at, name, "give words and their numbers ({two: 2})")
        return dict(value)
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
        for key, codes_of in value.items():
            if not isinstance(key, str) or not _texts(codes_of) or not all(_CODE.fullmatch(c) for c in codes_of):
                raise _bad(where(path, value, key), name, "words each with a list of state codes (three capital letters)")
        return {key: frozenset(codes_of) for key, codes_of in value.items()}
    if kind == CODE_WORDS:
        out: dict[str, str] = {}
        for code, words in value.items():
            if not isinstance(code, str) or not code.isupper() or not _texts(words):
                raise _bad(where(path, value, code), name, "codes (capital letters) each with a list of words")
            out.update((w.lower(), code) for w in words)
        return out
    raise ValueError(f"unknown kind {kind!r} of list {name!r}; known: {', '.join(KINDS)}")
