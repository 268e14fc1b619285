"""Call readouts and diplomatic conflict, on sentences written for these tests: a call told
over several sentences is one call, a warning in a call leaves the call, "called up X" is a
call to X."""
import pytest

from comity.pipeline import extract

pytestmark = pytest.mark.model


def codes(text, published="2025-06-11"):  # 2025-06-11 is a Wednesday
    r = extract(text, published=published)
    return {(e.cameo, e.source.country, e.target.country if e.target else None, e.date) for e in r.events}


def test_called_up_is_a_call_to_the_one_called():
    found = codes("Thai Prime Minister Anutin Charnvirakul on Monday called up Cambodian Prime Minister "
                  "Hun Manet to congratulate him on the new year.")
    assert ("041", "THA", "KHM", "2025-06-09") in found
    assert not [c for c in found if c[0] in ("040", "044")]


def test_telephoned_names_the_one_called():
    found = codes("Japanese Prime Minister Shigeru Ishiba telephoned South Korean President Lee Jae-myung "
                  "on Monday.")
    assert ("041", "JPN", "KOR", "2025-06-09") in found


def test_called_a_move_something_is_no_call():
    found = codes("Japanese Prime Minister Shigeru Ishiba called the Chinese move regrettable on Monday.")
    assert not [c for c in found if c[0] == "041"]


def test_talks_told_after_the_call_are_that_call():
    r = extract("Indonesian Foreign Minister Sugiono had a telephone conversation with Australian Foreign "
                "Minister Penny Wong on Monday. The ministers discussed the situation in Myanmar. "
                "Sugiono thanked Australia for its support.", published="2025-06-11")
    found = {(e.cameo, e.source.country, e.target.country if e.target else None) for e in r.events}
    assert ("041", "IDN", "AUS") in found
    assert not [e for e in r.events if e.cameo in ("040", "044")]
    assert ("051", "IDN", "AUS") in found  # what is said in the call keeps its own code
    assert [m.kind for m in r.meetings] == ["call"]


def test_a_round_of_conversations_with_counterparts_is_a_call_with_each():
    r = extract("On Tuesday, Norwegian Foreign Minister Espen Barth Eide held conversations with his "
                "counterparts. He talked with the foreign ministers of Spain, Italy and Austria.\n\n"
                "During his conversation with Spanish Foreign Minister José Manuel Albares, the two "
                "discussed the fighting in Gaza City.", published="2025-06-11")
    found = {(e.cameo, e.source.country, e.target.country if e.target else None) for e in r.events}
    assert {("041", "NOR", c) for c in ("ESP", "ITA", "AUT")} <= found
    assert not [e for e in r.events if e.cameo in ("040", "044")]
    assert {m.kind for m in r.meetings} == {"call"} and all(m.place is None for m in r.meetings)


def test_a_pledge_in_one_of_several_calls_is_to_that_calls_partner():
    # a round of congratulation calls with three states: "their ties" in the sentence that names the Thai
    # caller are Indonesia's and Thailand's, not the report's first pair
    r = extract("Indonesian President Prabowo Subianto on Monday received a call from Japanese Prime Minister "
                "Shigeru Ishiba, who congratulated him. Prabowo and Ishiba agreed to meet in Tokyo. Japan and "
                "Indonesia will hold more talks.\n\nWarmly greeting Prabowo, Thai Prime Minister Paetongtarn "
                "Shinawatra expressed her desire to further deepen their ties.", published="2025-06-11")
    found = {(e.cameo, e.source.country, e.target.country if e.target else None) for e in r.events}
    assert ("030", "THA", "IDN") in found
    assert not [e for e in r.events if e.source.country == "THA" and e.target and e.target.country == "JPN"]


def test_protests_lodged_against_a_state_are_against_it():
    # the pair the narrative was at (Manila and Tokyo) does not take the place of the state named
    found = codes("Philippine Foreign Secretary Enrique Manalo summoned a Chinese diplomat on Monday over the "
                  "water cannon attack. Japanese Ambassador Kazuo Mori said Japan was concerned by China's "
                  "actions. Manila has lodged more than 40 diplomatic protests against Beijing since Manalo "
                  "took office.")
    assert not [c for c in found if c[0] == "114" and c[2] == "JPN"]


def test_what_a_commitment_is_to_is_no_act_done():
    found = codes("Thai Foreign Minister Maris Sangiampongsa spoke with his Cambodian counterpart Prak Sokhonn "
                  "by phone on Monday, reaffirming their commitment to support efforts at keeping the border calm.")
    assert ("041", "THA", "KHM", "2025-06-09") in found
    assert not [c for c in found if c[0].startswith("05")]


def test_talks_on_another_day_than_the_call_stay_talks():
    found = codes("Indonesian Foreign Minister Sugiono had a telephone conversation with Australian Foreign "
                  "Minister Penny Wong on Monday. On Tuesday, Indonesian President Prabowo Subianto held "
                  "talks with Australian Prime Minister Anthony Albanese in Jakarta.")
    assert ("041", "IDN", "AUS", "2025-06-09") in found
    assert any(c[0] == "040" and c[3] == "2025-06-10" for c in found)


def test_a_warning_in_a_call_keeps_the_call():
    found = codes("The Chinese president warned US President Donald Trump against interfering over Taiwan "
                  "in a phone call on Thursday.", published="2025-06-13")
    assert ("041", "CHN", "USA", "2025-06-12") in found
    assert any(c[0].startswith("13") and c[1:3] == ("CHN", "USA") for c in found)


def test_meeting_with_the_summoned_ambassador_is_the_summons():
    r = extract("Turkey summoned the U.S. ambassador on Monday over the incident. Turkish Deputy Foreign "
                "Minister Ahmet Yildiz met the ambassador on Monday.", published="2025-06-11")
    found = {(e.cameo, e.source.country, e.target.country if e.target else None, e.date) for e in r.events}
    assert ("114", "TUR", "USA", "2025-06-09") in found
    assert not [e for e in r.events if e.cameo.startswith("04")]
    assert not r.meetings


def test_a_meeting_on_another_day_than_the_summons_stays():
    found = codes("Turkey summoned the U.S. ambassador on Monday over the incident. Turkish Foreign "
                  "Minister Hakan Fidan met US Secretary of State Marco Rubio in Ankara on Tuesday.")
    assert ("114", "TUR", "USA", "2025-06-09") in found
    assert any(c[0].startswith("04") and c[3] == "2025-06-10" for c in found)


@pytest.mark.parametrize("text", [
    "Indian Foreign Secretary Vikram Singh delivered prepared remarks on Pakistan at the briefing on Monday.",
    "The Pakistani envoy must provide an explanation to India for the remarks, the ministry said.",
    "Kenyan Colonel Amina Otieno provided insights into the training of Norwegian cadets in Kenya.",
    "The Kenyan attache delivered an overview of the courses to the Norwegian delegation on Monday.",
])
def test_words_said_are_no_aid(text):
    assert not [c for c in codes(text) if c[0].startswith("07")]


@pytest.mark.parametrize("text, expected", [
    ("Mexican President Claudia Sheinbaum fired back, calling Ecuador's raid an authoritarian act.",
     ("111", "MEX", "ECU", None)),
    ("China hit back at the United States on Monday, calling the sanctions illegal.",
     ("111", "CHN", "USA", "2025-06-09")),
])
def test_a_retort_is_criticism(text, expected):
    found = codes(text)
    assert expected in found
    assert not [c for c in found if c[0].startswith(("18", "19", "20"))]


def test_fire_returned_at_soldiers_is_no_retort():
    found = codes("Indian troops fired back at Pakistani soldiers on Monday.")
    assert not [c for c in found if c[0].startswith("11")]


def test_a_blank_line_ends_a_sentence_and_a_wrapped_line_does_not(pipeline):
    doc = pipeline.nlp("Leaders Meet in Hanoi\n\nThe two leaders met on Monday in Hanoi\nand discussed trade.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Leaders Meet in Hanoi"
    assert any(s.startswith("The two leaders met") and s.endswith("discussed trade.") for s in starts)


@pytest.mark.parametrize("text", [
    "A group of anti-Japanese protesters clashed with some Japanese tourists outside the embassy in "
    "Beijing on Monday.",
    "Chinese protesters attacked Japanese tourists in Beijing on Monday.",
])
def test_a_street_brawl_is_no_use_of_force_between_states(text):
    assert not [c for c in codes(text) if c[0].startswith(("18", "19", "20"))]


def test_troops_clashing_is_force_between_states():
    assert ("190", "CHN", "IND", "2025-06-09") in codes(
        "Chinese troops clashed with Indian soldiers in the Galwan valley on Monday.")


def test_what_a_text_provides_for_is_no_aid():
    text = ("Kenyan Defence Minister Amina Otieno praised the accord with Norway, which provides for the "
            "training of Kenyan officers in Oslo.")
    assert not [c for c in codes(text) if c[0].startswith("07")]
    assert [c for c in codes("Norway provided three patrol boats to Kenya on Monday.") if c[0] == "072"]


def test_an_appeal_to_both_own_and_other_government_is_an_intent():
    # those asked include the asker: the pledge of both sides (036, a meeting), not an appeal (020)
    found = codes("Indonesian President Prabowo Subianto and his Malaysian counterpart Anwar Ibrahim held talks "
                  "in Jakarta on Monday. At the talks, Prabowo called on the Indonesian and Malaysian governments to "
                  "hold a meeting of defence ministers early next year.")
    assert not [c for c in found if c[0].startswith("02")]
    assert {c for c in found if c[0] == "036"} and all(
        {c[1], c[2]} == {"IDN", "MYS"} for c in found if c[0] == "036")


def test_an_appeal_to_all_sides_stays_an_appeal():
    found = codes("Turkish Foreign Minister Hakan Fidan spoke by phone with Greek Foreign Minister Giorgos "
                  "Gerapetritis on Monday. He called on Greece and Turkey and Cyprus to show restraint.")
    assert not [c for c in found if c[0] == "036"]


def test_condemning_a_terror_attack_is_no_act_on_a_state():
    found = codes("Kenyan President William Ruto met Indian Prime Minister Narendra Modi on Monday. Ruto "
                  "strongly condemned the recent terror attack in Mumbai and expressed support for India.")
    assert not [c for c in found if c[0].startswith("11")]
    assert ("051", "KEN", "IND", "2025-06-09") in found  # the support stays


def test_condemning_a_states_support_for_terrorism_is_criticism_of_it():
    found = codes("Indian Foreign Minister Subrahmanyam Jaishankar on Monday condemned Pakistan's support for "
                  "terrorism.")
    assert ("111", "IND", "PAK", "2025-06-09") in found


def test_investigating_a_citizen_is_no_act_on_another_state():
    found = codes("Peruvian President Dina Boluarte met Chilean President Gabriel Boric on Monday. Peruvian "
                  "prosecutors are still investigating new allegations against the former minister.")
    assert not [c for c in found if c[0].startswith("09")]


def test_deploying_a_training_team_is_no_threat():
    found = codes("The Indian Army will deploy a training team to Laos, the Indian defence ministry said on "
                  "Monday.")
    assert not [c for c in found if c[0].startswith(("13", "15"))]


def test_lifting_relations_to_a_partnership_is_an_intent():
    found = codes("Chinese President Xi Jinping and Brazilian President Luiz Inacio Lula da Silva decided on "
                  "Monday to lift the bilateral relationship to a comprehensive strategic partnership.")
    assert {(c[0][:2], c[3]) for c in found if {c[1], c[2]} == {"CHN", "BRA"}} >= {("03", "2025-06-09")}


def test_missiles_launched_on_a_state_are_an_attack_and_a_test_launch_is_none():
    found = codes("Iran launched drones and missiles on Israel on Saturday.")
    assert ("195", "IRN", "ISR", "2025-06-07") in found
    found = codes("South Korean Defence Minister Shin Won-sik met US Defence Secretary Lloyd Austin on Monday. "
                  "North Korea launched two ballistic missiles on Saturday.")
    assert not [c for c in found if c[0].startswith("19")]


def test_what_was_promised_told_as_a_participle_is_no_new_promise():
    found = codes("Ukrainian President Volodymyr Zelensky on Monday took delivery of ten US armoured vehicles, the "
                  "first of 30 promised by Washington.")
    assert ("072", "USA", "UKR", "2025-06-09") in found
    assert not [c for c in found if c[0].startswith("03")]


def test_a_pledge_made_at_an_occasion_months_before_is_history():
    # the occasion's date ("at the summit in October last year") dates the pledge and what it promises
    found = codes("In his speech at the Africa summit in October last year, Japanese Prime Minister Shigeru "
                  "Ishiba vowed to provide military aid to Kenya.")
    assert not found
    found = codes("At the talks in Nairobi on Monday, Japanese Prime Minister Shigeru Ishiba vowed to provide "
                  "military aid to Kenya.")
    assert ("0332", "JPN", "KEN", "2025-06-09") in found


def test_an_exercise_told_as_held_and_then_as_what_it_will_do_is_no_intent():
    found = codes("The navies of India and Indonesia on Monday began a coordinated patrol along their maritime "
                  "boundary. The Indian navy said the joint patrol would showcase the resolve of the two navies.")
    assert ("062", "IND", "IDN", "2025-06-09") in found
    assert not [c for c in found if c[0].startswith("03")]


def test_saying_another_state_will_face_consequences_is_a_warning():
    found = codes("On Sunday, Iranian Foreign Minister Abbas Araghchi said Riyadh would face quick consequences "
                  "for the executions.")
    assert ("138", "IRN", "SAU", "2025-06-08") in found
    found = codes("On Sunday, Iranian Foreign Minister Abbas Araghchi said Iran and Saudi Arabia would face the "
                  "consequences together.")
    assert not [c for c in found if c[0].startswith("13")]


def test_water_cannon_used_on_vessels_is_coercion_not_assault():
    found = codes("Chinese coast guard ships used water cannons against Philippine supply boats on Monday, "
                  "the Philippine coast guard said.")
    assert ("170", "CHN", "PHL", "2025-06-09") in found
    assert not [c for c in found if c[0].startswith(("18", "19"))]


def test_an_attack_for_a_conduct_is_words_not_force():
    found = codes("On Monday, Turkish President Recep Tayyip Erdogan attacked the European Union for failing "
                  "to condemn the killings in Cairo.")
    assert not [c for c in found if c[0].startswith(("18", "19"))]


def test_an_attack_on_a_convoy_for_hours_stays_force():
    found = codes("Russian forces attacked a Ukrainian convoy for two hours on Monday.")
    assert [c for c in found if c[0] == "190" and c[1] == "RUS" and c[2] == "UKR"]


def test_drills_credited_with_an_effect_are_background_not_an_exercise_held():
    found = codes("Thai Defence Minister Prawit Wongsuwan met Chinese envoy Ning Fukui in Bangkok on Monday. "
                  "Prawit said joint military drills between Beijing and Bangkok have helped strengthen ties.")
    assert [c for c in found if c[0] == "040"]
    assert not [c for c in found if c[0] == "062"]


def test_the_visit_credited_with_an_effect_stays_the_visit():
    found = codes("Chinese President Xi Jinping paid a state visit to Egypt on Monday. "
                  "Officials said the visit contributed to the strategic partnership between China and Egypt.")
    assert [c for c in found if c[0] == "042" and c[1] == "CHN" and c[2] == "EGY"]


def test_receiving_a_minister_and_her_delegation_hosts_her_visit():
    found = codes("ABU DHABI, June 9 -- UAE Minister of State for Defence Affairs Mohammed Al Bowardi on "
                  "Monday received French Armed Forces Minister Florence Parly and her delegation.")
    assert {("043", "ARE", "FRA", "2025-06-09"), ("042", "FRA", "ARE", "2025-06-09"),
            ("040", "ARE", "FRA", "2025-06-09")} <= found


def test_a_desire_to_receive_a_delegation_is_no_visit_held():
    found = codes("Malaysian Prime Minister Anwar Ibrahim on Monday met Vietnamese Prime Minister Pham Minh "
                  "Chinh and expressed Malaysia's desire to receive a Vietnamese delegation in Putrajaya.")
    assert not [c for c in found if c[0] in ("042", "043")]
