"""The custom attributes comity keeps on spaCy objects, registered in one place.

Results stay on the Doc (as plain Python objects) until `to_records` turns them
into records; no other module sets extensions.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_EXTENSIONS = {
    "article": None,      # comity.model.Article the doc was made from
    "published": None,    # datetime.date or None: the base for relative dates
    "offset_map": None,   # list[int]: doc char index -> char index in article.text
    "home_country": None, # country of the reporting agency (VNA -> VNM), a weak prior
    "dateline_place": None,  # gazetteer Entry of the dateline, if it names a place
    "dateline_day": None, # datetime.date a wire dateline states ("MOSCOW, August 1."), or None
    "persons": None,      # list[PersonCluster]
    "dates": None,        # list[DateMention] with doc offsets
    "events": None,       # list[EventCandidate]
    "agreements": None,   # list[AgreementCandidate]
    "mechanisms": None,   # list[MechanismCandidate]
    "anchor_date": None,  # ISO date of the encounter the report is about (events set it)
    "anchor_stated": False,  # whether the text (or a wire dateline) states that day, not publication alone
    "dyad": None,         # tuple[str, str] | None: the report's main pair of states
}
SPAN_EXTENSIONS = {"person_id": None}


def register() -> None:
    """Idempotent: safe to call at every import."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()
