"""The wire header, the agency dateline and the sign-off."""
from __future__ import annotations

import datetime as dt

import pytest

from comity.errors import InputError
from comity.ingest.wire import header_datelines, parse_wire


CASES = [
    # text, published, dateline, source, body
    (" date 2024-12-18 HÀ NỘI — Talks were held. — VNS", "2024-12-18", "HÀ NỘI", "VNS", "Talks were held."),
    ("date 2025-12-02\nVIENTIANE — Talks.\n\nMore talks. — VNA/VNS", "2025-12-02", "VIENTIANE", "VNA/VNS",
     "Talks.\n\nMore talks."),
    ("Date: 2024-01-05 Hà Nội – Talks were held.\n(VNA)", "2024-01-05", "Hà Nội", "VNA", "Talks were held."),
    (" date 2024-01-05 PHNOM PENH -- Talks were held. -- Xinhua", "2024-01-05", "PHNOM PENH", "Xinhua",
     "Talks were held."),
    (" date 2024-01-05 BA RIA-VUNG TAU - Talks were held. - AFP", "2024-01-05", "BA RIA-VUNG TAU", "AFP",
     "Talks were held."),
    (" date 2024-01-05 HANOI—Talks were held.—VNA", "2024-01-05", "HANOI", "VNA", "Talks were held."),
    (" date 2024-01-05 Talks were held in Hanoi, officials said. — VNS", "2024-01-05", None, "VNS",
     "Talks were held in Hanoi, officials said."),
    ("SEOUL, March 19 (Yonhap) -- Seoul and Hanoi agreed Tuesday.\n\nThey will meet again. (END)", None,
     "SEOUL", "Yonhap", "Seoul and Hanoi agreed Tuesday.\n\nThey will meet again."),
    ("BRASILIA, June 11 (Reuters) - Brazil and Argentina agreed on Tuesday.", None, "BRASILIA", "Reuters",
     "Brazil and Argentina agreed on Tuesday."),
    ("HANOI (VNA) — Talks were held. — VNA/VNS", None, "HANOI", "VNA/VNS", "Talks were held."),
    ("MOSCOW, October 3. /TASS/. Lavrov will hold talks on Friday.", None, "MOSCOW", "TASS",
     "Lavrov will hold talks on Friday."),
    ("LONDON, 3 October (Reuters) - Britain and France agreed.", None, "LONDON", "Reuters",
     "Britain and France agreed."),
    ("RIYADH, Jan 15, 2024 (SPA) -- The minister met.", None, "RIYADH", "SPA", "The minister met."),
    ("ABU DHABI, 15th January, 2024 (WAM) -- The President met.", None, "ABU DHABI", "WAM", "The President met."),
    ("ULAANBAATAR, January 15 (MONTSAME). The President met.", None, "ULAANBAATAR", "MONTSAME",
     "The President met."),
    ("KYIV, January 15. /Ukrinform/. The minister met.", None, "KYIV", "Ukrinform", "The minister met."),
    ("Talks ended (in Hanoi). Then they left.", None, None, None, "Talks ended (in Hanoi). Then they left."),
    ("ST. PETERSBURG — Talks were held.", None, "ST. PETERSBURG", None, "Talks were held."),
    ("Australia handed over a boat.\n\nPNG thanked it. — AFP", None, None, "AFP",
     "Australia handed over a boat.\n\nPNG thanked it."),
    ("The ministers met on Thursday — their first call — and agreed to talk again.", None, None, None,
     "The ministers met on Thursday — their first call — and agreed to talk again."),
    ("Vietnam and Laos — two neighbours — met. — Anadolu Agency\n", None, None, "Anadolu Agency",
     "Vietnam and Laos — two neighbours — met."),
    ("Talks covered the Association of Southeast Asian Nations (ASEAN)", None, None, None,
     "Talks covered the Association of Southeast Asian Nations (ASEAN)"),
    ("Talks went on until late in the evening in Hanoi - VNA", None, None, None,
     "Talks went on until late in the evening in Hanoi - VNA"),
    ("  The report ends here.\n###\n", None, None, None, "The report ends here."),
]


@pytest.mark.parametrize("text,published,dateline,source,body", CASES)
def test_wire_parses_header_and_sign_off(text, published, dateline, source, body):
    wire = parse_wire(text)
    published = dt.date.fromisoformat(published) if published else None
    assert (wire.published, wire.dateline, wire.source) == (published, dateline, source)
    assert text[wire.body_start : wire.body_end] == body


def test_wire_mixed_case_dateline_needs_date_line():
    # Without a `date` line a mixed-case start is the first sentence, not a dateline.
    text = "Hà Nội — the capital hosted talks on Monday."
    assert parse_wire(text).dateline is None
    assert parse_wire(" date 2024-05-06 " + text).dateline == "Hà Nội"


def test_wire_keeps_offsets_into_text_as_given():
    text = " date 2024-12-18 HÀ NỘI — Defence Minister Phan Văn Giang held talks. — VNS"
    wire = parse_wire(text)
    assert wire.body_start == text.index("Defence")
    assert wire.body_end == text.index(" — VNS")


def test_wire_impossible_header_date_is_an_error():
    with pytest.raises(InputError) as info:
        parse_wire(" date 2024-02-30 HANOI — Talks.", where="x.txt")
    assert info.value.where == "x.txt"
    assert "E011" in info.value.message and "2024-02-30" in info.value.message


def test_wire_header_without_body_is_an_error():
    with pytest.raises(InputError) as info:
        parse_wire(" date 2024-02-03 HANOI — \n")
    assert "E013" in info.value.message


HEADER_CASES = [
    # a web page's banner and headline lines before the dateline
    ("Site banner\n\nMinisters meet in port city\n\nROTTERDAM, May 2 (Agency) -- The ministers met.",
     ["ROTTERDAM"]),
    ("Headline here\n\nOSLO\n\nThe two ministers met on Monday.", ["OSLO"]),
    ("Headline here\n\nBERN: The two ministers met on Monday.", ["BERN"]),
    ("A caption line.\n\nLISBON, Portugal — The ministers met.", ["LISBON"]),
    ("Headline\n\nLisbon, Portugal, Jan. 3\n\nThe ministers met.", ["Lisbon"]),
    ("Vienna, March 3 (APA) Talks were held.", ["Vienna"]),
    ("Headline\nQUEBEC, (Agency One / Agency Two - 3rd May, 2020) The minister met.", ["QUEBEC"]),
    # mixed case without a day, an agency or a country is an ordinary line
    ("Headline\n\nLisbon — the city hosted talks.\n\nMore text.", []),
    ("Gripen: two states start talks\n\nThe talks began.", []),
]


@pytest.mark.parametrize("text,places", HEADER_CASES)
def test_header_datelines_after_banner_lines(text, places):
    assert list(header_datelines(text, 0, len(text))) == places


def test_header_datelines_stop_after_the_header_span():
    text = "Headline\n\n" + "A sentence of the body. " * 80 + "\n\nOSLO — Later text."
    assert list(header_datelines(text, 0, len(text))) == []


def test_header_datelines_a_mixed_case_place_and_colon_where_the_body_opens():
    text = (" date 2024-05-02 Tallinn: Talks between the two defence ministers were held on Thursday."
            "\n\nMore: Text.")
    wire = parse_wire(text)
    assert wire.dateline is None
    assert list(header_datelines(text, wire.body_start, wire.body_end)) == ["Tallinn"]
