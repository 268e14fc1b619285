"""comity_dates: every date expression of the doc, resolved against the publication date (for a
report without one, relative months and years against the date its lead writes out); dates that
only stamp the page (bylines, crawl lines, photo captions) are of kind "stamp" (dates/stamps.py)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..dates import find_dates, find_dates_undated
from ..dates.stamps import mark_stamps
from ..gazetteer import CAPITAL, CITY, COUNTRY, load_gazetteer
from ..sentences import doc_text


class DateFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        text = doc_text(doc)
        found = find_dates(text, published) if published else find_dates_undated(text)
        doc._.dates = mark_stamps(text, found, _is_place)
        return doc


def _is_place(name: str) -> bool:
    return any(e.kind in (CITY, CAPITAL, COUNTRY) for e in load_gazetteer().lookup(name))


@Language.factory("comity_dates", assigns=["doc._.dates"])
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)


def dates_in(doc: Doc, start_char: int, end_char: int) -> list:
    """Date mentions inside [start_char, end_char) of the doc."""
    return [d for d in doc._.dates or () if d.start >= start_char and d.end <= end_char]
