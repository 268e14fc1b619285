"""Which sentences are worth coding at all.

Coding rules assume ordinary English news prose. Headlines in capitals, tables and lists
flattened into one "sentence", runaway sentences (a page without punctuation) and text in
other languages make the parser produce confident nonsense, so they get no events.
"""
from __future__ import annotations

from spacy.tokens import Span

MAX_TOKENS = 150


def codable(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha]
    if not words or len(sent) > MAX_TOKENS:
        return False
    letters = [c for t in words for c in t.text]
    if len(words) >= 4 and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        return False  # ALL CAPS: a headline or a shouting feed
    common = [t for t in words if t.pos_ != "PROPN"]  # names and titles say nothing of the language
    if len(common) >= 6 and sum(t.is_stop for t in common) < 0.1 * len(common):
        return False  # not English: English prose has its stop words
    punct = sum(t.text in {";", "|", "•", "·"} or t.like_num for t in sent)
    if len(sent) >= 20 and punct > 0.25 * len(sent):
        return False  # a list or a table
    return True
