"""Statements and speech acts in reports of talks and calls, on sentences written for these tests:
praise and support of another state (CAMEO 051), intent words used as attributes, persons
named only in a title-case headline."""
import pytest

from comity.pipeline import extract

pytestmark = pytest.mark.model


def codes(text, published="2025-06-11"):  # 2025-06-11 is a Wednesday
    r = extract(text, published=published)
    return {(e.cameo, e.source.country, e.target.country if e.target else None) for e in r.events}


@pytest.mark.parametrize("sentence", [
    "Kenyan Defence Minister Amina Otieno appreciated Norway's contribution to maritime security.",
    "Kenyan Defence Minister Amina Otieno lauded Norway's role in regional peacekeeping.",
    "Kenyan Defence Minister Amina Otieno expressed support for Norway's bid to join the council.",
    "Kenyan Defence Minister Amina Otieno reiterated her support for Norway's candidacy.",
    "Kenyan Defence Minister Amina Otieno said Kenya was grateful for Norway's assistance.",
    "Kenyan Defence Minister Amina Otieno supported Norway's stance on the maritime dispute.",
])
def test_praise_and_support_of_another_state(sentence):
    assert ("051", "KEN", "NOR") in codes(sentence)


def test_support_of_an_exercise_is_no_praise():
    found = codes("Kenyan Defence Minister Amina Otieno supported the exercise with Norway on Monday.")
    assert not [c for c in found if c[0] == "051"]


def test_an_intent_word_describing_a_noun_is_no_intent():
    found = codes("Kenyan Defence Minister Amina Otieno met Norwegian Defence Minister Lars Berg on Tuesday. "
                  "The two ministers discussed promising areas of cooperation.")
    assert not [c for c in found if c[0].startswith("03")]


def test_a_name_read_only_in_a_title_case_headline_takes_no_body_person():
    r = extract("Defence Minister Otieno Welcomes Norwegian Counterpart Berg To Nairobi\n\n"
                "NAIROBI, June 10 - Kenyan Defence Minister Amina Otieno on Tuesday received Norwegian "
                "Defence Minister Lars Berg in Nairobi.\n\nOtieno and Berg discussed maritime security.",
                published="2025-06-11")
    people = {p.name: p for p in r.persons}
    assert set(people) == {"Amina Otieno", "Lars Berg"}
    assert people["Amina Otieno"].country == "KEN" and "Otieno" in people["Amina Otieno"].aliases
    assert people["Lars Berg"].country == "NOR" and "Berg" in people["Lars Berg"].aliases


def test_spoke_to_someone_on_the_telephone_is_a_call():
    found = codes("Kenyan President Amina Otieno was said to have spoken to Norwegian Prime Minister "
                  "Lars Berg on the telephone on Monday afternoon.")
    assert ("041", "KEN", "NOR") in found


def test_also_spoke_with_after_phone_calls_is_one_more_call():
    found = codes("Kenyan President Amina Otieno on Monday made phone calls to several leaders who had "
                  "congratulated her.\n\nOtieno also spoke with Danish Prime Minister Mette Holm.")
    assert ("041", "KEN", "DNK") in found
    assert ("040", "KEN", "DNK") not in found


def test_spoke_with_at_a_place_stays_talks_in_a_report_of_calls():
    found = codes("Kenyan President Amina Otieno on Monday made phone calls to several leaders.\n\n"
                  "On Tuesday, Otieno spoke with Danish Prime Minister Mette Holm in Copenhagen.")
    assert ("040", "KEN", "DNK") in found


def test_he_with_no_acting_person_before_is_the_official_named_last_in_the_paragraph():
    found = codes("Kenyan President Amina Otieno spent a long time on the issue. Norwegian Prime Minister "
                  "Lars Berg was in a good mood, the ministry said. He also urged Kenya to release the "
                  "detained sailors.")
    assert ("020", "NOR", "KEN") in found


def test_he_does_not_reach_into_an_earlier_paragraph():
    found = codes("Norwegian Prime Minister Lars Berg was in a good mood, the ministry said.\n\n"
                  "He also urged Kenya to release the detained sailors.")
    assert not [c for c in found if c[0] == "020" and c[1] == "NOR"]


@pytest.mark.parametrize("sentence", [
    "Kenyan President Amina Otieno praised Norway's experience in fighting terrorism.",
    "Kenyan President Amina Otieno said Kenya and Norway were fighting the war against piracy together.",
])
def test_fighting_a_scourge_is_no_attack(sentence):
    assert not [c for c in codes(sentence) if c[0].startswith("19")]


def test_fighting_with_another_state_stays_an_attack():
    found = codes("Kenyan troops fought with Somali soldiers near the border on Monday.")
    assert any(c[0].startswith("19") for c in found)


def test_a_statement_signed_by_the_states_is_their_signing():
    found = codes("Kenya and Norway announced the deal on Monday in a joint statement signed by the two "
                  "countries.")
    assert any(c[0] == "057" and set(c[1:]) == {"KEN", "NOR"} for c in found)


def test_a_statement_signed_by_one_official_is_no_signing():
    found = codes("Kenya and Norway announced the deal on Monday, according to a statement signed by the "
                  "Kenyan foreign ministry spokesman.")
    assert not [c for c in found if c[0] == "057"]


def test_calling_to_offer_congratulations_is_no_promise():
    found = codes("Kenyan President Amina Otieno called up Norwegian Prime Minister Lars Berg on Monday to "
                  "offer her congratulations.")
    assert not [c for c in found if c[0].startswith("03")]
    assert ("041", "KEN", "NOR") in found


def test_encouraging_a_state_to_act_is_an_appeal_and_being_encouraged_is_not():
    assert ("020", "KEN", "NOR") in codes("Kenyan President Amina Otieno encouraged Norway to resume talks "
                                          "with Sweden on Monday.")
    found = codes("Kenyan President Amina Otieno said she was encouraged by the progress made with Norway.")
    assert not [c for c in found if c[0].startswith("02")]


@pytest.mark.parametrize("sentence", [
    "Kenyan President Amina Otieno said Kenya would further strengthen defence cooperation with Norway.",
    "Kenyan President Amina Otieno and Norwegian Prime Minister Lars Berg agreed to deepen bilateral ties.",
])
def test_furthering_relations_is_a_stated_intent(sentence):
    assert any(c[0].startswith("03") and set(c[1:]) == {"KEN", "NOR"} for c in codes(sentence))


@pytest.mark.parametrize("sentence", [
    "Kenyan President Amina Otieno met Norwegian Prime Minister Lars Berg on strengthening bilateral ties.",
    "Kenyan President Amina Otieno discussed with Norwegian Prime Minister Lars Berg ways to deepen "
    "defence cooperation.",
])
def test_furthering_relations_as_the_topic_of_another_act_is_no_intent(sentence):
    assert not [c for c in codes(sentence) if c[0].startswith("03")]


def test_hailing_a_thing_names_no_state_praised():
    found = codes("Kenyan Defence Minister Amina Otieno hailed the new patrol boats as a boost to security "
                  "in the region, after talks with Norway on Monday.")
    assert not [c for c in found if c[0] == "051"]
    assert ("051", "KEN", "NOR") in codes("Kenyan Defence Minister Amina Otieno hailed Norway's role in "
                                          "the region.")


def test_the_party_noun_is_the_politician_the_report_is_about():
    found = codes("Chilean President Marta Rojas won a second term on Sunday. Rojas thanked her voters. "
                  "Peruvian President Luis Campos and King Harald of Norway also congratulated the Socialist "
                  "on her victory.")
    assert ("051", "PER", "CHL") in found and ("051", "NOR", "CHL") in found
    assert not [c for c in found if {c[1], c[2]} == {"PER", "NOR"}]


def test_the_party_noun_is_the_one_named_most_not_the_one_named_last():
    found = codes("Chilean President Marta Rojas won a second term on Sunday. Rojas thanked her voters. "
                  "Argentine Foreign Minister Pablo Diaz was in Santiago for talks on trade. "
                  "Peruvian President Luis Campos congratulated the Socialist on her victory.")
    assert ("051", "PER", "CHL") in found and ("051", "PER", "ARG") not in found


def test_they_praise_one_of_their_own_states_the_others_praise_it():
    r = extract("Kenyan Foreign Minister Amina Otieno and Norwegian Foreign Minister Lars Berg met in "
                "Nairobi on Monday. They praised the president of Kenya for hosting the talks.",
                published="2025-06-11")
    praise = {(e.source.country, e.target.country if e.target else None)
              for e in r.events if e.cameo == "051"}
    assert praise == {("NOR", "KEN")}
