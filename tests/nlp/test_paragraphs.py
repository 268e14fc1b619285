"""comity_paragraphs: blank lines end sentences; a rank's abbreviation period does not."""
import pytest

from comity.nlp.pipeline import build_pipeline


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On Monday the President received Maj. Gen Peter Otieno Kamau, the Kenyan army commander, "
    "at State House.",
    "The Commanding Officer of HMS Albion, Capt. John Wells described the visit as a chance to build ties.",
])
def test_paragraphs_a_rank_abbreviation_does_not_end_the_sentence(text):
    doc = build_pipeline()(text)
    assert len(list(doc.sents)) == 1


@pytest.mark.model
def test_paragraphs_a_blank_line_ends_the_headline():
    doc = build_pipeline()("Ministers Meet In Hanoi\n\nThe two ministers held talks on Monday.")
    assert [s.text.strip() for s in doc.sents][-1] == "The two ministers held talks on Monday."
