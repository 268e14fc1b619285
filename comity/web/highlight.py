"""A report's text cut into segments at every record's boundaries, for the report page.

Records overlap (an event's sentence holds a person's name and an agreement's words), so
the text is cut at every start and end offset and each piece lists the records covering
it. Joined back, the pieces are the text exactly as given: offsets stay true.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..query.views import Highlight

LETTER = {"event": "E", "agreement": "A", "mechanism": "M", "person": "P"}
BADGED = ("event", "agreement", "mechanism")  # people are many and short: underlined, with no badge


@dataclass(frozen=True, slots=True)
class Badge:
    id: str
    kind: str
    label: str  # "E3": the third event in the report


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int
    ids: tuple[str, ...]  # the records covering this piece, innermost (shortest) first
    kinds: tuple[str, ...]
    badges: tuple[Badge, ...]  # records starting here
    title: str  # the covering records' labels, for the hover tooltip


def labels(records: Sequence[Highlight]) -> dict[str, str]:
    """A short label per record, numbered by kind in reading order: E1, E2, A1, P1..."""
    n: dict[str, int] = {}
    out = {}
    for h in sorted(records, key=lambda h: (h.spans[0] if h.spans else (0, 0), h.id)):
        n[h.kind] = n.get(h.kind, 0) + 1
        out[h.id] = f"{LETTER.get(h.kind, '?')}{n[h.kind]}"
    return out


def segments(text: str, records: Sequence[Highlight]) -> list[Segment]:
    size = len(text)
    spans = [(max(0, min(s, size)), max(0, min(e, size)), h) for h in records for s, e in h.spans]
    spans = [(s, e, h) for s, e, h in spans if s < e]
    cuts = sorted({0, size, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    short = labels(records)
    first = {h.id: h.spans[0][0] for h in records if h.spans and h.kind in BADGED}
    out = []
    for x, y in pairwise(cuts):
        covering = sorted({(e - s, h.id): h for s, e, h in spans if s <= x and y <= e}.items())
        hs = list(dict.fromkeys(h for _, h in covering))
        badges = tuple(Badge(h.id, h.kind, short[h.id]) for h in sorted(hs, key=lambda h: h.id)
                       if first.get(h.id) == x)
        out.append(Segment(text=text[x:y], start=x, ids=tuple(h.id for h in hs),
                           kinds=tuple(sorted({h.kind for h in hs})), badges=badges,
                           title=" | ".join(f"{short[h.id]} {h.label}" for h in hs)))
    return out
