"""Which sentences are worth coding at all.

Coding rules assume ordinary English news prose. Headlines in capitals, tables and lists
flattened into one "sentence", runaway sentences (a page without punctuation) and text in
other languages make the parser produce confident nonsense, so they get no events.
"""
from __future__ import annotations

from spacy.tokens import Span

MAX_TOKENS = 150
LIST_MARKS = frozenset({";", "|", "•", "·"})


def codable(sent: Span) -> bool:
    if len(sent) > MAX_TOKENS:
        return False
    # one pass over the tokens: this runs on every sentence of every report
    words = letters = upper = common = common_stops = punct = 0
    for t in sent:
        if t.is_alpha:
            words += 1
            text = t.text
            letters += len(text)
            upper += sum(map(str.isupper, text))
            if t.pos_ != "PROPN":  # names and titles say nothing of the language
                common += 1
                common_stops += t.is_stop
        if t.like_num or t.text in LIST_MARKS:  # "ten" is a word and a number
            punct += 1
    if not words:
        return False
    if words >= 4 and upper > 0.8 * letters:
        return False  # ALL CAPS: a headline or a shouting feed
    if common >= 6 and common_stops < 0.1 * common:
        return False  # not English: English prose has its stop words
    if len(sent) >= 20 and punct > 0.25 * len(sent):
        return False  # a list or a table
    return True
