"""comity_context: what the whole report is about, for the rules that need it.

- the dyad: the two states the report is mainly about (people's countries count
  most, then countries, capitals and demonyms named), so that "the two sides" and
  an event with one side named can be completed;
- people's countries where the text gives none: a counterpart is from the other
  side of the dyad, and an official named without a country in an agency's report
  is taken to serve the agency's state when that state is in the dyad.
"""
from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from .actors import SPANS_KEY, entry_of

COUNTED = {"COUNTRY": 1.0, "DEMONYM": 1.0, "CAPITAL": 0.5, "ORG": 0.5}


def rank_countries(doc: Doc) -> list[str]:
    weight: Counter[str] = Counter()
    first: dict[str, int] = {}
    for span in doc.spans.get(SPANS_KEY, []):
        if span.label_ in COUNTED:
            code = entry_of(span)[0]
            if code and code != "IGO":
                weight[code] += COUNTED[span.label_]
                first.setdefault(code, span.start)
    for person in doc._.persons or ():
        if person.country:
            weight[person.country] += 3.0
            first.setdefault(person.country, person.mentions[0][0])
    return sorted(weight, key=lambda c: (-weight[c], first[c]))


class ReportContext:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ranked = rank_countries(doc)
        doc._.dyad = tuple(ranked[:2]) if len(ranked) >= 2 else None
        self.fill_person_countries(doc, ranked)
        if doc._.dyad is None:
            ranked = rank_countries(doc)
            doc._.dyad = tuple(ranked[:2]) if len(ranked) >= 2 else None
        return doc

    def fill_person_countries(self, doc: Doc, ranked: list[str]) -> None:
        persons = doc._.persons or []
        by_id = {p.id: p for p in persons}
        dyad = set(doc._.dyad or ())
        for p in persons:  # counterparts: "X ... his Lao counterpart Y"
            other = by_id.get(p.counterpart_of)
            if other is None:
                continue
            if other.country is None and p.country and len(dyad) == 2 and p.country in dyad:
                other.country, other.country_from = next(iter(dyad - {p.country})), "counterpart"
            if not p.titles and other.titles:
                p.titles = list(other.titles)
        home = doc._.home_country
        for p in persons:
            if p.country is None and home and home in ranked:
                p.country, p.country_from = home, "context"
        # a report about two states whose officials are named: an official of unknown
        # nationality belongs to the side that has no named official yet
        if len(dyad) == 2:
            for p in persons:
                if p.country is None:
                    empty = [c for c in doc._.dyad if not any(q.country == c for q in persons)]
                    if len(empty) == 1:
                        p.country, p.country_from = empty[0], "context"


@Language.factory("comity_context", assigns=["doc._.dyad"], requires=["doc._.persons", "doc._.dates"])
def make_report_context(nlp: Language, name: str) -> ReportContext:
    return ReportContext(nlp, name)
