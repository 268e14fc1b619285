"""Unicode NFC for the NLP side, with a map back to the text as given.

Records point into `Article.text` as given, but spaCy and the gazetteers want NFC
("Việt Nam" typed on a Mac arrives decomposed). `nfc_with_offsets` returns the NFC text
and `mapping`, one entry per NFC character plus one for the end: `mapping[i]` is the
index in the original of the character that gave NFC character `i`, and
`mapping[len(nfc)] == len(text)`. A span `[a, b)` of the NFC text is therefore
`[mapping[a], mapping[b])` of the original. It is exact whenever `a` and `b` do not fall
inside a character that NFC split in two (rare: a few composition exclusions such as
U+0958); characters produced from one original cluster all map to its start. Text that
is NFC already (nearly all of it) gets a `range`, not a list of one int per character.

`clean_text` and `clean_field` are what the readers apply to everything they read: control
characters (all of C0 and C1 but tab, newline and carriage return) and lone surrogates,
which a JSON `\\u0000` or `\\ud800` or a file name with bytes that are not UTF-8 can carry,
and which PostgreSQL refuses, SQLite keeps and no output can encode (docs/limits.md).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

# C0 controls but \t \n \r, DEL, C1 controls, and surrogates (never valid alone in text)
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def _is_surrogate(ch: str) -> bool:
    return "\ud800" <= ch <= "\udfff"


def clean_text(text: str) -> str:
    """A report's text with each control character made a space and each lone surrogate
    U+FFFD: one character for one, so offsets into the text stay true."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: REPLACEMENT if _is_surrogate(m.group()) else " ", text)


def clean_field(text: str) -> str:
    """A short field (title, id, URL, file name) with control characters removed and lone
    surrogates made U+FFFD."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: REPLACEMENT if _is_surrogate(m.group()) else "", text)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _segments(text: str) -> list[tuple[int, int]]:
    """Split `text` where NFC cannot reach across: NFC(text) == join(NFC(segment)).

    A new segment starts at a character that decomposes to a starter (combining class 0)
    and is left alone when appended to the current segment; Hangul vowels, which
    compose with the syllable before them, fail that test.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text)):
        ch = text[i]
        if ch < "\u0300":
            # nothing below U+0300 ever composes with what precedes it
            safe = True
        elif unicodedata.combining(unicodedata.normalize("NFD", ch)[0]):
            # a mark, or a starter that decomposes into marks (U+0F73): a mark after it
            # could still compose with the starter before it
            safe = False
        else:
            segment = text[start:i]
            safe = _nfc(segment + ch) == _nfc(segment) + _nfc(ch)
        if safe:
            bounds.append((start, i))
            start = i
    if text:
        bounds.append((start, len(text)))
    return bounds


def nfc_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """Return `(nfc_text, mapping)`; see the module docstring for what `mapping` means."""
    if unicodedata.is_normalized("NFC", text):
        return text, range(len(text) + 1)
    parts: list[str] = []
    mapping: list[int] = []
    for start, end in _segments(text):
        original = text[start:end]
        normal = _nfc(original)
        parts.append(normal)
        if normal == original:
            mapping.extend(range(start, end))
        else:
            mapping.extend([start] * len(normal))
    mapping.append(len(text))
    return "".join(parts), mapping


def content_hash(text: str) -> str:
    """SHA-256 (hex) of `text` in NFC with whitespace runs collapsed: the same report
    stored twice, re-wrapped or re-encoded, gets the same hash. Pass `article.body` so a
    different header or sign-off does not hide a duplicate."""
    canonical = " ".join(_nfc(text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
