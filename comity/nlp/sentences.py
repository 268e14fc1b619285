"""A doc's sentences, their texts and whether they are codable, computed once per doc.

`doc.sents` walks every token each time it is read, `Doc.text` and `Span.text` join the tokens' texts each
time it is read and `Token.sent` walks to the sentence's edges: cheap once, but comity's
components read them for every sentence, pattern and token, and on a long report that
costs as much as the rules themselves (docs/benchmarks.md). The components ask here instead;
the answers are kept in `doc.user_data`, which lives and dies with the doc.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from .sentence_filter import codable

_KEY = "comity.sentences"


class Sentences:
    __slots__ = ("doc", "text", "_spans", "_starts", "_codable", "_token_texts")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text  # joined from the tokens on every read of doc.text
        self._spans: list[Span] | None = None  # read on first use: the text needs no parse
        self._starts: list[int] = []
        self._codable: dict[int, bool] = {}
        self._token_texts: list[str] | None = None

    @property
    def token_texts(self) -> list[str]:
        """Every token's text, in order (one pass over the doc's ORTH ids, not one Token per read)."""
        if self._token_texts is None:
            strings = self.doc.vocab.strings
            self._token_texts = [strings[o] for o in self.doc.to_array(ORTH).tolist()]
        return self._token_texts

    @property
    def spans(self) -> list[Span]:
        if self._spans is None:
            self._spans = list(self.doc.sents)
            self._starts = [s.start for s in self._spans]
        return self._spans

    def of(self, token: Token) -> Span:
        """The sentence of `token`, as `token.sent` (the same span, found by bisection)."""
        spans = self.spans
        return spans[bisect_right(self._starts, token.i) - 1]

    def codable(self, sent: Span) -> bool:
        known = self._codable.get(sent.start)
        if known is None:
            known = self._codable[sent.start] = codable(sent)
        return known


def sentences(doc: Doc) -> Sentences:
    """The sentences of `doc` (the parse must not change after the first call: comity's
    components only read it)."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = Sentences(doc)
    return found


def text_of(span: Span) -> str:
    """`span.text`, sliced from the doc's text instead of joined from its tokens."""
    return sentences(span.doc).text[span.start_char:span.end_char]


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once."""
    return sentences(doc).text
