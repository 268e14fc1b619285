"""comity_paragraphs: a blank line ends a sentence, and the period of a rank's or honorific's
abbreviation does not (runs before the parser, which keeps the sentence starts it is given).

A report's headline, credit line and dateline stand above its first paragraph, each on lines
of their own. Left to the parser, they are one sentence with the paragraph's first sentence:
"Hagel Offers Condolences to Malaysian Defense Minister / DoD News / WASHINGTON - Hagel spoke
by telephone today with ..." parses with the headline's verb governing the report's first act
(which then reads as an offer, a plan), and a headline's "President Obama Thanks World
Leaders" swallows the name that the body's "Obama" should link to. Text within a paragraph,
wrapped on single line breaks, is left alone.

A rank or honorific written with a period ("Lt.", "Maj.", "Col.", titles.yaml `ranks` and
`honorifics`) comes before a name: "received Lt. Gen Salem ..." is one sentence, not a sentence
ending at "Lt." and another opening at "Gen", which leaves the act without the person it was with.
"""
from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import titles


@cache
def _abbreviations() -> frozenset[str]:
    """The words of ranks and honorifics written with a period, without it: "Lt", "Maj", "Gen"."""
    lex = titles()
    words = {w for phrase in lex.ranks | lex.honorifics for w in phrase.replace("-", " ").split()}
    return frozenset(w.rstrip(".") for w in words if w.endswith(".") and len(w) > 2)


@Language.component("comity_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    abbreviations = _abbreviations()
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
        elif tok.i + 2 < len(doc) and doc[tok.i + 2].text[:1].isupper() and not doc[tok.i + 2].is_space and (
                tok.text in abbreviations and doc[tok.i + 1].text == "."):
            doc[tok.i + 2].is_sent_start = False  # "Lt. Gen Salem": the period ends an abbreviation
        elif tok.text.endswith(".") and tok.text[:-1] in abbreviations and doc[tok.i + 1].text[:1].isupper():
            doc[tok.i + 1].is_sent_start = False  # "Gen. Salem", tokenized with its period
    return doc
