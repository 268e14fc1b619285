"""Agreements on sentences written for these tests, in the styles of several wire agencies:
kinds, parties, periods, statuses, signing dates, and what is no agreement between states."""
import pytest

from comity.pipeline import extract

pytestmark = pytest.mark.model


def agreements(text, published="2025-05-01"):  # 2025-05-01 is a Thursday
    r = extract(text, published=published)
    return {(a.kind, tuple(a.parties), a.period_start, a.period_end, a.status, a.signed_on) for a in r.agreements}


def one(text, published="2025-05-01"):
    found = agreements(text, published)
    assert len(found) == 1, found
    return next(iter(found))


@pytest.mark.parametrize("text, expected", [
    # a signing dated before the report's own day is background
    ("JAKARTA (Antara) -- Indonesia and Australia signed a defence cooperation agreement in 2024, which has "
     "since been ratified by both parliaments.", ("agreement", ("AUS", "IDN"), None, None, "mentioned", None)),
    ("Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership in Pyongyang in June 2024.",
     ("treaty", ("PRK", "RUS"), None, None, "mentioned", None)),
    # the year of the name and the date of another clause do not date the signing
    ("Cambodia and Vietnam signed the 2024 defence cooperation plan on Tuesday.",
     ("annual_plan", ("KHM", "VNM"), 2024, 2024, "signed", "2025-04-29")),
    ("Vietnamese Defence Minister Phan Van Giang and Lao Defence Minister Chansamone Chanyalath, who first met "
     "in 2019, signed a memorandum of understanding on defence industry cooperation on Tuesday.",
     ("mou", ("LAO", "VNM"), None, None, "signed", "2025-04-29")),
    # a renewal done is dated like a signing; one agreed to is not
    ("France and Singapore renewed their defence cooperation agreement on Monday, the ministry said.",
     ("agreement", ("FRA", "SGP"), None, None, "renewed", "2025-04-28")),
    ("Indonesia and Malaysia agreed on Tuesday to renew their memorandum of understanding on border patrols.",
     ("mou", ("IDN", "MYS"), None, None, "renewed", None)),
])
def test_signing_dates(text, expected):
    assert one(text) == expected


def test_background_signing_without_publication_date():
    text = ("Australia on Friday, June 14, 2024, handed over a patrol boat to Papua New Guinea. "
            "The two countries signed a bilateral security agreement in Canberra last December.")
    assert one(text, published=None) == ("agreement", ("AUS", "PNG"), None, None, "mentioned", None)
