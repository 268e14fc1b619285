"""Summit sidelines, meetings of several states and visits announced in headlines, on sentences
written for these tests."""
import pytest

from comity.pipeline import extract

pytestmark = pytest.mark.model


def codes(text, published="2025-06-11"):  # 2025-06-11 is a Wednesday
    r = extract(text, published=published)
    return {(e.cameo, e.source.country, e.target.country if e.target else None, e.date) for e in r.events}


def pairs(found, prefix="04"):
    return {frozenset((c[1], c[2])) for c in found if c[0].startswith(prefix)}


def test_played_host_to_a_minister_is_a_meeting_with_his_state_not_the_venue():
    found = codes("Spanish Foreign Minister Jose Albares travelled to Geneva for the human rights council.\n\n"
                  "On Tuesday, Albares played host to Chilean Foreign Minister Alberto van Klaveren at the "
                  "Spanish mission in Geneva.")
    assert ("044", "ESP", "CHL", "2025-06-10") in found
    assert frozenset(("ESP", "CHE")) not in pairs(found - {c for c in found if c[0] in ("042", "043")})


def test_one_session_with_two_counterparts_is_a_meeting_of_three():
    found = codes("Thai Prime Minister Anutin Charnvirakul held a working session with Malaysian Prime Minister "
                  "Anwar Ibrahim and Singaporean Prime Minister Lawrence Wong in Bangkok on Tuesday.")
    assert {frozenset(p) for p in (("THA", "MYS"), ("THA", "SGP"), ("MYS", "SGP"))} <= pairs(found)


def test_separate_meetings_with_two_counterparts_are_not_a_meeting_of_three():
    found = codes("Thai Prime Minister Anutin Charnvirakul held a separate meeting with Malaysian Prime Minister "
                  "Anwar Ibrahim and Singaporean Prime Minister Lawrence Wong in Bangkok on Tuesday.")
    assert frozenset(("MYS", "SGP")) not in pairs(found)
    found = codes("Thai Prime Minister Anutin Charnvirakul held talks with Malaysian Prime Minister "
                  "Anwar Ibrahim and Singaporean Prime Minister Lawrence Wong in Bangkok on Tuesday.")
    assert frozenset(("MYS", "SGP")) not in pairs(found)


def test_talks_with_unnamed_counterparts_are_not_with_the_reports_other_state():
    text = ("Australian Defence Minister Richard Marles meets counterparts at regional forum\n\n"
            "On Tuesday, Australian Defence Minister Richard Marles met with a number of his "
            "counterparts from the region. On Monday, Marles held talks with Indian Defence Minister "
            "Rajnath Singh on the sidelines of the forum in Jakarta.")
    found = codes(text)
    assert ("044", "AUS", "IND", "2025-06-09") in found
    assert not [c for c in found if c[0].startswith("04") and c[3] == "2025-06-10"]


def test_a_host_welcoming_a_named_guest_tells_a_visit():
    found = codes("Kenyan President William Ruto welcomed Ghanaian President John Mahama at Jomo Kenyatta "
                  "International Airport in Nairobi on Tuesday.")
    assert ("042", "GHA", "KEN", "2025-06-10") in found


def test_welcoming_an_outcome_is_no_visit():
    found = codes("Kenyan President William Ruto welcomed the outcome of the Ghana talks on Tuesday.")
    assert not [c for c in found if c[0] in ("042", "043")]


def test_the_visit_no_one_is_said_to_make_is_the_guests():
    found = codes("HANOI - Lao Defence Minister Chansamone Chanyalath met his Vietnamese counterpart Phan Van "
                  "Giang in Hanoi on Tuesday.\n\nFor the Vietnamese side, the visit was an important step "
                  "in relations between the two armies.")
    assert ("042", "LAO", "VNM", "2025-06-10") in found


def test_a_visit_to_another_place_no_one_is_said_to_make_is_not_the_guests():
    found = codes("HANOI - Lao Defence Minister Chansamone Chanyalath met his Vietnamese counterpart Phan Van "
                  "Giang in Hanoi on Tuesday.\n\nThe patrol ship left Manila after a four-day visit to the "
                  "Philippines.")
    assert not [c for c in found if c[0] == "042" and "PHL" in c]


def test_talking_to_the_media_is_no_talks():
    found = codes("Talking to the media on Tuesday, Lao Defence Minister Chansamone Chanyalath and Vietnamese "
                  "Defence Minister Phan Van Giang praised the exercise.")
    assert not [c for c in found if c[0] == "040"]


def test_he_who_meets_a_counterpart_of_the_host_is_the_guest_and_his_talks_have_no_day():
    text = ("NAIROBI - Kenyan President William Ruto on Tuesday received Ghanaian army chief General Thomas "
            "Oppong-Peprah, who is in Kenya for a visit to strengthen ties.\n\n"
            "The Ghanaian army chief also laid a wreath at the national monument.\n\n"
            "He also held talks with his Kenyan counterpart General Charles Kahariri.")
    found = codes(text)
    assert ("040", "KEN", "GHA", "2025-06-10") in found
    talks = [c for c in found if c[0] == "040" and c[3] is None]
    assert talks and {(c[1], c[2]) for c in talks} <= {("GHA", "KEN"), ("KEN", "GHA")}


def test_talks_with_a_and_as_well_as_with_b_are_with_both():
    found = codes("Ukrainian President Volodymyr Zelenskyy held talks in Rome on Tuesday with French President "
                  "Emmanuel Macron, Spanish Prime Minister Pedro Sanchez, as well as with Polish President "
                  "Andrzej Duda.")
    assert {frozenset(("UKR", "FRA")), frozenset(("UKR", "POL"))} <= pairs(found)
