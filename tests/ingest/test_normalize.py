"""NFC with offsets back to the text as given, and the content hash."""
from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from comity.ingest.normalize import content_hash, nfc_with_offsets


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Characters where NFC does something: combining marks, Vietnamese letters in both forms,
# Hangul jamo (compose with what precedes them), a starter that decomposes into marks
# (U+0F73), composition exclusions that NFC splits in two (U+0958), singletons (U+212B).
tricky = st.sampled_from(
    list("aeoAO .") + ["\u0300", "\u0301", "\u0302", "\u0303", "\u0323", "\u031b", "\u0345"]
    + list("ệếỗẠặờ") + [unicodedata.normalize("NFD", c) for c in "ệếỗẠặờ"]
    + ["\u1100", "\u1112", "\u1161", "\u1175", "\u11a8", "\u11c2", "\uac00", "\ud7a3"]
    + ["\u0f73", "\u0f71", "\u0f72", "\u0958", "\u093c", "\u212b", "\u0b47", "\u0b3e", "\u05b4"]
)
texts = st.one_of(st.lists(tricky, max_size=20).map("".join), st.text(max_size=40))
# Cases NFC handles by composing across what looks like a boundary; kept as fixed examples.
KNOWN = [
    "\u1100\u1161\u11a8", "\uac00\u11a8", "a\u0f73\u0301", "\u0b47\u0b3e", "e\u0323\u0302", "\u0958\u0301",
]


def boundaries(mapping: list[int]) -> list[int]:
    """NFC indices that start a new original cluster: where a span may start or end exactly."""
    return [i for i in range(len(mapping)) if i == 0 or i == len(mapping) - 1 or mapping[i] != mapping[i - 1]]


@settings(max_examples=400)
@given(texts)
@example(KNOWN[0])
@example(KNOWN[1])
@example(KNOWN[2])
@example(KNOWN[3])
@example(KNOWN[4])
@example(KNOWN[5])
def test_normalize_nfc_text_is_nfc(text):
    assert nfc_with_offsets(text)[0] == nfc(text)


@settings(max_examples=400)
@given(texts)
@example(KNOWN[0])
@example(KNOWN[1])
@example(KNOWN[2])
@example(KNOWN[3])
@example(KNOWN[4])
@example(KNOWN[5])
def test_normalize_mapping_shape(text):
    normal, mapping = nfc_with_offsets(text)
    assert len(mapping) == len(normal) + 1
    assert mapping[0] == 0 and mapping[-1] == len(text)
    assert all(a <= b for a, b in zip(mapping, mapping[1:]))


@settings(max_examples=400)
@given(texts)
@example(KNOWN[0])
@example(KNOWN[1])
@example(KNOWN[2])
@example(KNOWN[3])
@example(KNOWN[4])
@example(KNOWN[5])
def test_normalize_spans_round_trip(text):
    normal, mapping = nfc_with_offsets(text)
    cuts = boundaries(mapping)
    for a, b in zip(cuts, cuts[1:]):
        assert nfc(text[mapping[a] : mapping[b]]) == normal[a:b]
    for a in cuts:
        assert nfc(text[: mapping[a]]) == normal[:a]
        assert nfc(text[mapping[a] :]) == normal[a:]


@given(st.text(max_size=60).map(nfc))
def test_normalize_identity_when_already_nfc(text):
    normal, mapping = nfc_with_offsets(text)
    assert normal is text
    assert list(mapping) == list(range(len(text) + 1))


def test_normalize_decomposed_vietnamese_maps_to_cluster_start():
    text = unicodedata.normalize("NFD", "Hà Nội")  # H a ̀ space N o ̣ ̂ i
    normal, mapping = nfc_with_offsets(text)
    assert normal == "Hà Nội"
    assert mapping == [0, 1, 3, 4, 5, 8, 9]
    start, end = normal.index("Nội"), len(normal)
    assert text[mapping[start] : mapping[end]] == unicodedata.normalize("NFD", "Nội")


def test_normalize_hash_ignores_form_and_spacing():
    decomposed = unicodedata.normalize("NFD", " Hà Nội talks held. ")
    assert content_hash("Hà Nội  talks\n\nheld.") == content_hash(decomposed)


def test_normalize_hash_tells_texts_apart():
    assert content_hash("talks held on Monday") != content_hash("talks held on Tuesday")
    assert len(content_hash("x")) == 64
