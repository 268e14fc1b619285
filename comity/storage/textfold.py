"""Folding for search: no diacritics, lower case, one character in for one character out.

The store keeps a folded copy of each report (`articles.search_text`) and of each quote,
and folds every query the same way, so "Phan Van Giang" finds "Phan Văn Giang" on SQLite
and PostgreSQL alike without extensions (unaccent needs a superuser). Folding character
by character keeps offsets: a hit at [i, j) in the folded text is [i, j) in the original,
which is how search snippets quote the report as written.

This mirrors `comity.nlp.gazetteer.fold` (checked by a test) but lives here because the
store must not import spaCy.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters Unicode does not decompose into base + mark, and typographic twins of ASCII.
# Only one-to-one replacements, so the folded text keeps the original's length.
_SPECIAL = {
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ı": "i",
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-",
}
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch.isascii():
        return ch.lower()
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)).lower()
    # a letter that folds to several (ß -> ss) or none keeps its place with its own lower case
    return base if len(base) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch)


def fold_text(text: str) -> str:
    """`text` without diacritics, in lower case, with exactly the same length."""
    return "".join(_fold_char(c) for c in text)


def fold_key(text: str) -> str:
    """A name as an identity key: folded, letters and digits only ("Phan Văn Giang" -> "phanvangiang")."""
    return "".join(_WORD.findall(fold_text(text))).replace("_", "")


def words(text: str) -> list[str]:
    """The folded words of a query: what full-text search looks for, each as a plain word."""
    return [w for w in _WORD.findall(fold_text(text)) if w.strip("_")]


def like_pattern(text: str) -> str:
    """A LIKE pattern (escape character `\\`) matching `text` folded, anywhere in a value."""
    return f"%{like_escape(fold_text(text))}%"


def like_escape(text: str) -> str:
    """`text` for a LIKE pattern with escape character `\\`: its wildcards matched as themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
