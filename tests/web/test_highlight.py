"""Cutting a report at its records' offsets: the pieces are the text as given, each knows its records."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from comity.query.views import Highlight
from comity.web.highlight import labels, segments


def hl(id, kind, *spans):
    return Highlight(id=id, kind=kind, ref=1, label=id, detail="", spans=spans, quote="", verified=True)


def test_highlight_overlapping_records():
    text = "Giang met Seiha. They signed a plan."
    records = [hl("event-1", "event", (0, 16)), hl("person-1", "person", (0, 5)), hl("person-2", "person", (10, 15)),
               hl("agreement-1", "agreement", (17, 36))]
    segs = segments(text, records)
    assert "".join(s.text for s in segs) == text
    first = segs[0]
    assert first.text == "Giang" and first.ids == ("person-1", "event-1")  # innermost first
    assert [b.label for b in first.badges] == ["E1"]  # people carry no badge
    assert [s.ids for s in segs if s.text == " "][0] == ()
    assert labels(records) == {"person-1": "P1", "event-1": "E1", "person-2": "P2", "agreement-1": "A1"}


def test_highlight_offsets_outside_the_text_are_clamped():
    segs = segments("short", [hl("event-1", "event", (3, 99)), hl("event-2", "event", (50, 60))])
    assert "".join(s.text for s in segs) == "short" and segs[-1].ids == ("event-1",)


@given(st.text(min_size=0, max_size=60),
       st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70), st.sampled_from(["event", "person", "agreement"])),
                max_size=8))
def test_highlight_pieces_rejoin_to_the_text(text, spans):
    records = [hl(f"{k}-{i}", k, (min(a, b), max(a, b))) for i, (a, b, k) in enumerate(spans)]
    segs = segments(text, records)
    assert "".join(s.text for s in segs) == text
    for s in segs:
        for r in records:
            start, end = r.spans[0]
            inside = start <= s.start and s.start + len(s.text) <= end and start < end
            assert (r.id in s.ids) == (inside and bool(s.text)), (s, r)
