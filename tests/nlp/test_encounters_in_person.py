"""Encounters told by another act (aid handed over in person) and acts of people out of office, on
sentences written for these tests."""
import pytest

from comity.pipeline import extract

pytestmark = pytest.mark.model


def result(text, published="2025-06-11"):  # 2025-06-11 is a Wednesday
    return extract(text, published=published)


def codes(r):
    return {(e.cameo, e.source.country, e.target.country if e.target else None, e.date) for e in r.events}


def test_aid_a_named_official_hands_over_is_also_an_encounter():
    r = result("Thai Deputy Foreign Minister Somchai Prasert on Tuesday handed over rescue boats to his "
               "Myanmar counterparts at a ceremony in Bangkok.")
    found = codes(r)
    assert any(c[0].startswith("07") and c[1:] == ("THA", "MMR", "2025-06-10") for c in found)
    assert ("040", "THA", "MMR", "2025-06-10") in found
    meeting = next(e for e in r.events if e.cameo == "040")
    assert meeting.place is not None and meeting.place.name == "Bangkok"


def test_aid_a_state_or_its_side_hands_over_is_no_encounter():
    found = codes(result("The Thai side on Tuesday handed over rescue boats to the Myanmar navy."))
    assert any(c[0].startswith("07") for c in found)
    assert not [c for c in found if c[0].startswith("04")]


def test_a_former_official_acts_for_no_state():
    found = codes(result("Nepal's former Prime Minister Madhav Kumar Nepal also called up Indian Prime Minister "
                         "Narendra Modi on Tuesday to offer his congratulations, the statement said."))
    assert not [c for c in found if c[1] == "NPL"]


def test_an_official_in_office_still_acts():
    found = codes(result("Nepal's Prime Minister Madhav Kumar Nepal also called up Indian Prime Minister "
                         "Narendra Modi on Tuesday to offer his congratulations, the statement said."))
    assert ("041", "NPL", "IND", "2025-06-10") in found


def test_two_officials_each_with_a_title_who_sign_meet():
    # the parse hangs the second name on the first one's title ("attaché ... and General Y")
    r = result("At the ceremony on Tuesday, Senior Colonel Li Wenhua, defense attaché of the Chinese Embassy "
               "in Cambodia, and General Sok Dara, deputy commander-in-chief of the Royal Cambodian Armed "
               "Forces, signed the handover certificate on behalf of the two defense ministries.")
    signing = next(e for e in r.events if e.cameo == "057")
    assert signing.source.person and signing.target and signing.target.person
    assert ("040", "CHN", "KHM", "2025-06-10") in codes(r)


def test_a_visit_noun_with_its_own_day_is_dated_by_it():
    found = codes(result("German Chancellor Olaf Scholz landed in Nairobi on Wednesday, a day after arriving in "
                         "Ethiopia.\n\nScholz's visit to Ethiopia on Tuesday saw him meet Ethiopian Prime "
                         "Minister Abiy Ahmed in Addis Ababa."))
    assert ("042", "DEU", "ETH", "2025-06-10") in found
    assert ("042", "DEU", "ETH", "2025-06-11") not in found



def test_an_encounter_told_again_without_a_day_is_the_dated_one():
    found = codes(result("Wang Yi met with leaders on the sidelines of the Munich Security Conference, including "
                         "Serbian President Aleksandar Vucic and British Foreign Secretary Yvette Cooper.\n\n"
                         "Chinese Foreign Minister Wang Yi and Serbian President Aleksandar Vucic talked about "
                         "trade. Photo: Wang Yi meets Vucic in Munich on February 13, 2026.", published="2026-02-14"))
    serbia = {c for c in found if c[0].startswith("04") and "SRB" in c[1:3]}
    assert serbia and all(c[3] == "2026-02-13" for c in serbia)
    assert any(c[0].startswith("04") and "GBR" in c[1:3] and c[3] is None for c in found)


def test_the_encounter_of_a_joint_exercise_is_placed():
    r = result("Chinese and Russian navies began the Joint Sea 2025 joint exercise in Shanghai on Tuesday.")
    meeting = next((e for e in r.events if e.cameo == "040"), None)
    assert meeting is not None and meeting.place is not None and meeting.place.name == "Shanghai"
