"""comity_paragraphs: a blank line ends a sentence (runs before the parser, which keeps the
sentence starts it is given).

A report's headline, credit line and dateline stand above its first paragraph, each on lines
of their own. Left to the parser, they are one sentence with the paragraph's first sentence:
"Hagel Offers Condolences to Malaysian Defense Minister / DoD News / WASHINGTON - Hagel spoke
by telephone today with ..." parses with the headline's verb governing the report's first act
(which then reads as an offer, a plan), and a headline's "President Obama Thanks World
Leaders" swallows the name that the body's "Obama" should link to. Text within a paragraph,
wrapped on single line breaks, is left alone.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("comity_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc
