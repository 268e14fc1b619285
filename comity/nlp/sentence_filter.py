"""Which sentences are worth coding at all.

Coding rules assume ordinary English news prose. Headlines in capitals, tables and lists
flattened into one "sentence", runaway sentences (a page without punctuation) and text in
other languages make the parser produce confident nonsense, so they get no events.
"""
from __future__ import annotations

from spacy.attrs import IS_ALPHA, IS_STOP, LIKE_NUM, ORTH, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

MAX_TOKENS = 150
LIST_MARKS = frozenset({";", "|", "•", "·"})
_KEY = "comity.sentence_filter"  # doc.user_data: the token attributes read below, once per doc


def _token_table(doc: Doc) -> list[tuple[int, int, int, int, str]]:
    """(is_alpha, is_stop, like_num, pos, text) of every token, read off the doc's arrays once:
    this runs on every sentence of every report, and a Token per word costs more than the test."""
    table = doc.user_data.get(_KEY)
    if table is None:
        strings = doc.vocab.strings
        table = doc.user_data[_KEY] = [(a, s, n, p, strings[o]) for a, s, n, p, o in
                                       doc.to_array([IS_ALPHA, IS_STOP, LIKE_NUM, POS, ORTH]).tolist()]
    return table


def codable(sent: Span) -> bool:
    if len(sent) > MAX_TOKENS:
        return False
    words = letters = upper = common = common_stops = punct = 0
    for alpha, stop, num, pos, text in _token_table(sent.doc)[sent.start:sent.end]:
        if alpha:
            words += 1
            letters += len(text)
            upper += sum(map(str.isupper, text))
            if pos != PROPN:  # names and titles say nothing of the language
                common += 1
                common_stops += stop
        if num or text in LIST_MARKS:  # "ten" is a word and a number
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
