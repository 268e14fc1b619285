"""Dates that only stamp the page (bylines, crawl lines, photo captions) date no act, and an act
is dated only when the text (or a wire dateline) supports a day. Texts written for these tests."""
import datetime as dt

import pytest

from comity.ingest.wire import parse_wire
from comity.nlp.dates import find_dates
from comity.nlp.dates.stamps import mark_stamps
from comity.pipeline import dateline_day

PUBLISHED = dt.date(2025, 6, 11)  # a Wednesday


def kinds(text, is_place=lambda name: False):
    return {m.text: m.kind for m in mark_stamps(text, find_dates(text, PUBLISHED), is_place)}


@pytest.mark.parametrize("line", [
    "Posted On June 10, 2025",
    "Harbour Gazette, Tuesday 10 Jun 2025",
    "10th June 2025",
    "Wire Desk June 10, 2025",
])
def test_stamps_a_date_line_with_a_few_words_is_a_stamp(line):
    text = f"Ministers meet in port city\n\n{line}\n\nThe two ministers held talks on Monday."
    found = kinds(text)
    assert "stamp" in found.values()
    assert found["on Monday"] == "point"  # the body's own day is untouched


def test_stamps_a_sentence_on_a_line_of_its_own_is_no_stamp():
    found = kinds("The two ministers held talks in the capital on June 10, 2025.")
    assert set(found.values()) == {"point"}


def test_stamps_a_photo_caption_is_a_stamp():
    text = ("Soldiers unload crates at the harbour in Apia, Monday, June 9, 2025. (Wire Photo/A. Writer)\n"
            "The navy handed over the supplies on Tuesday.")
    found = kinds(text)
    assert found["Monday, June 9, 2025"] == "stamp" and found["on Tuesday"] == "point"


def test_stamps_a_dateline_line_stays_a_date():
    text = "09:30 | Apia, Jun. 10.\n\nThe two ministers meet at the foreign ministry."
    assert set(kinds(text, is_place=lambda name: name == "Apia").values()) == {"point"}
    assert set(kinds(text).values()) == {"stamp"}  # without knowing the place it reads as a stamp


@pytest.mark.parametrize("header, day", [
    (" date 2023-08-01 MOSCOW, August 1. /TASS/. Body text follows here.", dt.date(2023, 8, 1)),
    ("BERLIN, Nov 6 (Reuters) - Body text follows here.", dt.date(2025, 11, 6)),
    ("SEOUL, Dec. 30 (Yonhap) -- Body text follows here.", dt.date(2024, 12, 30)),  # sent before New Year
    ("HANOI (VNA) - Body text follows here.", None),                                  # a dateline with no day
    ("Body text with no dateline at all - and a dash.", None),
])
def test_dateline_day(header, day):
    published = dt.date(2023, 8, 1) if "TASS" in header else dt.date(2025, 11, 6) if "Reuters" in header \
        else dt.date(2025, 1, 2)
    wire = parse_wire(header)
    assert dateline_day(header, wire.body_start, published) == day


@pytest.mark.model
@pytest.mark.parametrize("text, date", [
    # no day in the text: the act is undated, whatever the publication date
    ("Vietnamese Defence Minister Phan Van Giang held talks with his Lao counterpart Chansamone "
     "Chanyalath in Vientiane.", None),
    # a wire dateline's day supports it
    ("VIENTIANE, June 10 (Wire) - Vietnamese Defence Minister Phan Van Giang held talks with his Lao "
     "counterpart Chansamone Chanyalath.", "2025-06-10"),
    # a byline stamp does not
    ("Ministers meet\n\nPosted On June 9, 2025\n\nVietnamese Defence Minister Phan Van Giang held talks "
     "with his Lao counterpart Chansamone Chanyalath in Vientiane.", None),
])
def test_events_dated_only_when_the_text_supports_a_day(pipeline, text, date):
    from comity.ingest.plaintext import read_text

    result = pipeline.extract(read_text(text, id="t", published=PUBLISHED))
    talks = [e for e in result.events if e.cameo.startswith("04")]
    assert talks and {e.date for e in talks} == {date}


@pytest.mark.model
def test_events_an_intent_keeps_the_day_it_was_stated(pipeline):
    from comity.ingest.plaintext import read_text

    text = "Vietnam and Laos agreed to hold joint border patrols."
    result = pipeline.extract(read_text(text, id="t", published=PUBLISHED))
    intents = [e for e in result.events if e.cameo.startswith("03")]
    assert intents and {e.date for e in intents} == {"2025-06-11"}


@pytest.mark.model
def test_events_a_day_long_before_the_report_is_no_encounter_day(pipeline):
    from comity.ingest.plaintext import read_text

    text = ("Marking the founding of the army on December 22, 1944, Vietnamese Defence Minister Phan Van Giang "
            "held talks with his Lao counterpart Chansamone Chanyalath in Vientiane.")
    result = pipeline.extract(read_text(text, id="t", published=PUBLISHED))
    talks = [e for e in result.events if e.cameo.startswith("04")]
    assert talks and {e.date for e in talks} == {None}
