"""Event coding on sentences written for these tests: each family, the constructions that
decide source and target, negation, plans and conditionals, and relative dates.

A sentence that names no day gives an undated act (date None): the publication date alone
does not date an act, except an intent, which is dated by the day it was stated."""
import pytest

from comity.pipeline import extract

pytestmark = pytest.mark.model

LEAD = "Vietnamese Defence Minister Phan Van Giang and Lao Defence Minister Chansamone Chanyalath "


def codes(text, published="2025-06-11"):  # 2025-06-11 is a Wednesday
    r = extract(text, published=published)
    return {(e.cameo, e.source.country, e.target.country if e.target else None, e.date) for e in r.events}


@pytest.mark.parametrize("text, expected", [
    (LEAD + "held talks in Vientiane on Tuesday.", ("040", "VNM", "LAO", "2025-06-10")),
    ("Vietnamese Defence Minister Phan Van Giang held a phone call with his Lao counterpart "
     "Chansamone Chanyalath on Monday.", ("041", "VNM", "LAO", "2025-06-09")),
    ("Lao Defence Minister Chansamone Chanyalath paid an official visit to Vietnam on Tuesday.",
     ("042", "LAO", "VNM", "2025-06-10")),
    ("Vietnamese Defence Minister Phan Van Giang congratulated Laos on its National Day yesterday.",
     ("051", "VNM", "LAO", "2025-06-10")),
    ("Lao Defence Minister Chansamone Chanyalath thanked Vietnam for its support today.",
     ("051", "LAO", "VNM", "2025-06-11")),
    ("Lao Defence Minister Chansamone Chanyalath expressed sympathy to Vietnam over the floods.",
     ("018", "LAO", "VNM", None)),
    (LEAD + "signed a memorandum of understanding on defence law on Tuesday.", ("057", "VNM", "LAO", "2025-06-10")),
    (LEAD + "agreed to implement the defence cooperation plan for 2026.", ("0312", "VNM", "LAO", "2025-06-11")),
    (LEAD + "agreed to hold the next dialogue in Hanoi.", ("036", "VNM", "LAO", "2025-06-11")),
    ("Vietnamese Defence Minister Phan Van Giang assured the Lao minister of Vietnam's readiness to help "
     "train Lao pilots.", ("0312", "VNM", "LAO", "2025-06-11")),
    ("Lao Defence Minister Chansamone Chanyalath expressed his readiness to work more closely with Vietnam.",
     ("0312", "LAO", "VNM", "2025-06-11")),  # defence ministers: military cooperation
    ("Vietnamese Defence Minister Phan Van Giang invited Lao Defence Minister Chansamone Chanyalath to "
     "visit Hanoi.", ("026", "VNM", "LAO", None)),
    ("Vietnamese Defence Minister Phan Van Giang asked Laos to continue training Vietnamese cadets.",
     ("020", "VNM", "LAO", None)),
    ("The Vietnamese Foreign Ministry lodged a protest with China on Monday.", ("114", "VNM", "CHN", "2025-06-09")),
    ("Vietnam criticised China over the drills.", ("111", "VNM", "CHN", None)),
    ("South Korea warned North Korea against further missile launches.", ("130", "KOR", "PRK", None)),
    ("South Korea warned North Korea of a military response to any provocation.",
     ("138", "KOR", "PRK", None)),
    ("Vietnam expelled two Chinese diplomats on Monday.", ("166", "VNM", "CHN", "2025-06-09")),
    ("The United States imposed sanctions on Russia on Tuesday.", ("163", "USA", "RUS", "2025-06-10")),
    ("Israel released 150 Palestinian prisoners on Monday.", ("0841", "ISR", "PSE", "2025-06-09")),
    ("Russian troops attacked Ukrainian positions on Tuesday.", ("190", "RUS", "UKR", "2025-06-10")),
])
def test_events_each_family(text, expected):
    assert expected in codes(text)


def test_events_negated_signing_is_not_coded():
    found = codes(LEAD + "did not sign the agreement on submarine rescue.")
    assert not [c for c in found if c[0] == "057"]


def test_events_stopped_short_of_signing_is_not_coded():
    found = codes("Brazil and Argentina stopped short of signing a deal on armoured vehicles.")
    assert not [c for c in found if c[0] == "057"]


def test_events_conditional_is_not_coded():
    found = codes("If Laos agrees, Vietnamese Defence Minister Phan Van Giang will visit Vientiane.")
    assert not [c for c in found if c[0] == "042"]


def test_events_planned_visit_is_an_intent():
    found = codes("Vietnamese Defence Minister Phan Van Giang will visit Laos next year.")
    assert ("036", "VNM", "LAO", "2025-06-11") in found
    assert not [c for c in found if c[0] == "042"]


def test_events_background_is_not_news_of_the_day():
    found = codes("India sent relief material to Vietnam last week.")
    assert not found


def test_events_attribution_date_does_not_date_the_event():
    found = codes("Cambodia and Vietnam signed a defence cooperation plan on Monday, the ministry said on Wednesday.")
    assert ("057", "KHM", "VNM", "2025-06-09") in found


def test_events_released_report_is_not_a_release_of_people():
    assert not [c for c in codes("Vietnam released a report on its defence policy on Monday.") if c[0].startswith("08")]


def test_events_demonstration_is_not_an_official_protest():
    found = codes("US and British activists staged a protest in Beijing on Wednesday.")
    assert {c[:3] for c in found} == {("141", "USA", "CHN"), ("141", "GBR", "CHN")}


def test_events_no_publication_date_gives_null_dates():
    r = extract(LEAD + "held talks on Tuesday.", published=None)
    assert r.events and all(e.date is None for e in r.events)


def test_events_trilateral_acts_coded_for_every_pair():
    found = codes("The defence ministers of Cambodia, Laos and Vietnam signed a joint statement on Tuesday.")
    pairs = {frozenset((c[1], c[2])) for c in found if c[0] == "057"}
    assert pairs == {frozenset(p) for p in (("KHM", "LAO"), ("KHM", "VNM"), ("LAO", "VNM"))}


def test_events_one_event_per_code_actors_and_date_with_all_evidence():
    r = extract(LEAD + "held talks in Hanoi on Tuesday. The talks were held in a friendly atmosphere, and the "
                "two ministers held talks again over lunch.", published="2025-06-11")
    talks = [e for e in r.events if e.cameo == "040"]
    assert len(talks) == 1 and len(talks[0].more_evidence) >= 1


def test_events_sideline_meeting_is_third_location():
    found = codes("Vietnamese Defence Minister Phan Van Giang met Japanese Defence Minister Gen Nakatani on the "
                  "sidelines of the Shangri-La Dialogue in Singapore on Saturday.", published="2025-06-01")
    assert ("044", "VNM", "JPN", "2025-05-31") in found


@pytest.mark.parametrize("text", [
    "",
    "ASEAN " * 3000,
    "VIETNAM AND LAOS HELD TALKS ON TUESDAY IN HANOI AND SIGNED AN AGREEMENT.",
    "1. Vietnam; 2. Laos; 3. Cambodia; 4. Thailand; 5. Myanmar; " * 40,
    "Việt Nam và Lào đã ký kết biên bản ghi nhớ về hợp tác quốc phòng tại Hà Nội.",
    "\x00\x01 ☃ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202e reversed",
])
def test_events_odd_input_gives_no_events_and_no_crash(text):
    if not text:
        with pytest.raises(Exception) as exc:
            extract(text)
        assert "E002" in str(exc.value)
        return
    assert extract(text, published="2025-06-11").events == ()


def test_events_signing_dated_to_an_earlier_year_is_history():
    found = codes("The ministers reviewed the memorandum on maritime cooperation, which Thailand and "
                  "Malaysia signed in 2019.")
    assert not [c for c in found if c[0] == "057"]


def test_events_earlier_month_of_another_clause_does_not_undate_a_visit():
    # "in January" dates the taking of office, not the visit
    found = codes("Thai Defence Minister Sutin Klungsang, on his first visit to Malaysia since taking "
                  "office in January, met Malaysian Defence Minister Mohamed Khaled Nordin on Tuesday.")
    assert ("040", "THA", "MYS", "2025-06-10") in found


def test_events_invitation_for_later_is_still_an_invitation():
    # "later this year" dates the visit asked for, not the invitation
    found = codes("Malaysian Defence Minister Mohamed Khaled Nordin invited Thai Defence Minister "
                  "Sutin Klungsang to visit Kuala Lumpur later this year.")
    assert {c[0] for c in found} & {"020", "026", "036"}


def test_events_what_someone_is_thanked_for_is_not_an_event():
    found = codes("Lao Defence Minister Chansamone Chanyalath thanked Vietnam for the training it has "
                  "provided to Lao officers over the years.")
    assert ("051", "LAO", "VNM", None) in found
    assert not [c for c in found if c[0].startswith("07")]


@pytest.mark.parametrize("text, expected", [
    # rejections (12x)
    ("Indonesia refused to extradite two Malaysian suspects on Tuesday.", ("120", "IDN", "MYS", "2025-06-10")),
    ("Thailand declined to send observers to Cambodia on Monday.", ("120", "THA", "KHM", "2025-06-09")),
    ("Vietnam dismissed a proposal from China for joint oil exploration.", ("120", "VNM", "CHN", None)),
    # offers and promises (03x)
    ("Australia promised to provide patrol boats to Fiji.", ("0332", "AUS", "FJI", "2025-06-11")),
    ("Japan offered to host talks between the two Koreas.", ("036", "JPN", None, "2025-06-11")),
    # demonstrations by the people (14x)
    ("Thousands of Filipino fishermen staged a demonstration outside the Chinese embassy in Manila on Tuesday.",
     ("141", "PHL", "CHN", "2025-06-10")),
    ("Hundreds of Kenyan farmers staged a rally in Nairobi on Monday.", ("141", "KEN", None, "2025-06-09")),
    ("Angry Greek farmers blocked roads across the country on Tuesday.", ("144", "GRC", None, "2025-06-10")),
    ("Palestinian prisoners rioted in an Israeli jail on Monday.", ("145", "PSE", "ISR", "2025-06-09")),
    # reducing relations (16x)
    ("France suspended flights to Mali on Tuesday.", ("160", "FRA", "MLI", "2025-06-10")),
    ("Germany halted aid to Niger on Monday.", ("162", "DEU", "NER", "2025-06-09")),
    ("The Indian minister cancelled a visit to Pakistan on Tuesday.", ("160", "IND", "PAK", "2025-06-10")),
    # coercion and violence (17x-19x)
    ("A Thai court jailed a Cambodian activist for two years on Monday.", ("173", "THA", "KHM", "2025-06-09")),
    ("A Malaysian court issued an arrest warrant for a Singaporean businessman on Tuesday.",
     ("173", "MYS", "SGP", "2025-06-10")),
    ("Myanmar imposed a curfew in Rakhine state on Monday.", ("1723", "MMR", None, "2025-06-09")),
    ("Ugandan troops bombarded rebel positions in Congo on Monday.", ("194", "UGA", "COD", "2025-06-09")),
    ("The United States carried out an air strike against militants in Somalia on Tuesday.",
     ("195", "USA", "SOM", "2025-06-10")),
    # concessions and retreats (08x)
    ("Nepal lifted the curfew in Kathmandu on Monday.", ("0813", "NPL", None, "2025-06-09")),
    ("Israel lifted its blockade on Lebanon on Tuesday.", ("0872", "ISR", "LBN", "2025-06-10")),
    ("Ukraine completed the withdrawal of its troops from the town on Tuesday.", ("0874", "UKR", None, "2025-06-10")),
    ("Sudan accepted the demands of the African Union on Monday.", ("083", "SDN", "IGO", "2025-06-09")),
    # ratify, endorse
    ("The Kenyan parliament ratified a defence agreement with Britain on Tuesday.", ("057", "KEN", "GBR", "2025-06-10")),
    ("The Philippine Senate endorsed the visiting forces agreement with Japan on Monday.",
     ("051", "PHL", "JPN", "2025-06-09")),
])
def test_events_conflict_and_concession_triggers(text, expected):
    assert expected in codes(text)


def test_events_demanded_withdrawal_is_a_demand_not_a_withdrawal():
    found = codes("Ethiopia demanded the withdrawal of Eritrean troops from the border town.")
    assert ("100", "ETH", "ERI", None) in found
    assert not [c for c in found if c[0].startswith("08")]


def test_events_content_of_a_demand_is_not_an_act():
    found = codes("Indonesia demanded that Malaysia provide information on the detained workers.")
    assert {c[0] for c in found} == {"100"}


def test_events_offer_to_hand_over_is_an_intent():
    found = codes("Cambodia offered to hand over two Thai suspects to Thailand.")
    assert ("0332", "KHM", "THA", "2025-06-11") in found
    assert not [c for c in found if c[0] == "072"]


def test_events_hunger_strike_in_protest_is_a_demonstration_not_a_complaint():
    found = codes("Fifty Burmese students began a hunger strike outside the Thai embassy in Yangon "
                  "to protest against Thailand's decision.")
    assert ("142", "MMR", "THA", None) in found
    assert not [c for c in found if c[0] == "114"]


def test_events_statement_that_another_state_must_act_is_a_demand():
    found = codes("China said on Monday that Japan must return the seized fishing boat.")
    assert {c[:3] for c in found} == {("100", "CHN", "JPN")}  # the return is demanded, not done


def test_events_exhortation_that_includes_the_speaker_is_not_a_demand():
    assert not codes("The Vietnamese minister said the two sides must strengthen cooperation.")


def test_events_willing_to_act_is_an_intent_of_the_subject():
    assert ("0356", "KHM", "THA", "2025-06-11") in codes(
        "Cambodia is willing to withdraw its troops from the border area with Thailand.")


@pytest.mark.parametrize("text, expected", [
    ("Norway will give Malawi a grant of 20 million dollars.", ("0331", "NOR", "MWI", "2025-06-11")),
    ("Ecuador granted asylum to a Colombian journalist on Monday.", ("075", "ECU", "COL", "2025-06-09")),
])
def test_events_grants_and_asylum(text, expected):
    assert expected in codes(text)


def test_events_undated_report_history_is_placed_by_the_lead_date():
    r = extract("Australia on Friday, June 14, 2024, handed over a patrol boat to Papua New Guinea. Australia "
                "and Papua New Guinea signed a security agreement in Canberra last December.", published=None)
    assert not [e for e in r.events if e.cameo == "057"]  # December 2023: history, not news of the day
    assert {e.date for e in r.events} == {"2024-06-14"}


def test_events_a_city_acts_through_its_government_only():
    assert ("040", "KOR", "USA", "2025-06-10") in codes("The mayor of Busan received a delegation of the US Navy "
                                                        "on Tuesday.")
    # where things happen is not who acts: no Korean side in a port call at Busan
    assert not {c for c in codes("A US Navy destroyer docked in Busan on Tuesday.") if "KOR" in c[1:3]}


def test_events_a_sentence_coded_with_its_target_is_not_coded_without_it():
    # "held talks" is read from the verb (with its "with" phrase) and from the noun (without)
    found = codes("Officials of the Khánh Hòa provincial government held talks with a Japanese navy delegation "
                  "on Tuesday.")
    assert found == {("040", "VNM", "JPN", "2025-06-10")}


@pytest.mark.parametrize("text, expected", [
    ("Philippine Defence Secretary Gilberto Teodoro and Japanese Defence Minister Gen Nakatani expressed strong "
     "opposition to China's dangerous manoeuvres on Wednesday.", {("111", "PHL", "CHN"), ("111", "JPN", "CHN")}),
    ("Vietnam voiced serious concern over China's deployment of a survey ship in its waters.", {("110", "VNM", "CHN")}),
    ("Indonesia expressed its condemnation of Israel's strikes on Gaza.", {("111", "IDN", "ISR")}),
    ("The company expressed concern about falling sales in China.", set()),  # no state speaks
])
def test_events_disapproval_put_as_a_noun_targets_the_objects_phrase(text, expected):
    assert {c[:3] for c in codes(text)} == expected


def test_events_participle_with_its_agent_acts():
    # "co-chaired" is split in three by the tokenizer; the participle's "by" phrase names who met
    found = codes("The review took place at the 12th Japan-Vietnam Defence Policy Dialogue in Tokyo, co-chaired by "
                  "Japanese Vice Minister of Defense Kazuo Masuda and Vietnam's Deputy Minister of National Defence "
                  "Hoang Xuan Chien on Tuesday.")
    assert {c[:3] for c in found if c[0].startswith("04")} == {("040", "JPN", "VNM")}


def test_events_what_has_happened_is_not_dated_after_the_report():
    found = codes("Cambodian Defence Minister Tea Seiha congratulated the Vietnam People's Army on its upcoming "
                  "founding anniversary on December 22.", published="2025-12-16")
    assert {c[3] for c in found if c[0] == "051"} == {None}  # no day stated: not the anniversary's


@pytest.mark.parametrize("text, expected", [
    ("French Armed Forces Minister Sébastien Lecornu called on Prime Minister Lawrence Wong, who welcomed France's "
     "growing engagement in the region.", ("051", "SGP", "FRA")),
    ("Vietnam welcomed Japan's decision to provide two patrol vessels.", ("051", "VNM", "JPN")),
])
def test_events_welcoming_what_another_state_does_is_praise(text, expected):
    assert expected in {c[:3] for c in codes(text)}


def test_events_welcoming_people_is_not_praise():
    assert not [c for c in codes("Vietnamese Defence Minister Phan Van Giang welcomed the Lao delegation at the "
                                 "airport.") if c[0] == "051"]


def test_events_a_day_opening_a_sentence_dates_the_rest_of_its_paragraph():
    text = ("BEIJING — Chinese Defence Minister Dong Jun and Vietnamese Defence Minister Phan Van Giang co-chaired a "
            "two-day border friendship exchange on Wednesday.\n\n"
            "On Thursday, the two ministers held talks in Mong Cai. Border patrol boats of the two countries "
            "conducted a joint patrol, and the two ministers signed the minutes of the exchange.\n\n"
            "The two sides congratulated each other on the anniversary of diplomatic relations.")
    found = codes(text, published="2025-04-11")  # Wednesday: 2025-04-09, Thursday: 2025-04-10
    dates = {c[0]: c[3] for c in found}
    assert dates["062"] == dates["057"] == "2025-04-10"  # no day of their own: the paragraph's Thursday
    assert dates["051"] == "2025-04-09"  # a new paragraph: back to the report's encounter


def test_events_a_visit_to_a_city_visits_its_state():
    found = codes("On Wednesday, Vietnamese Defence Minister Phan Van Giang led a military delegation across the "
                  "border to Dongxing city, where he held talks with Chinese Defence Minister Dong Jun.")
    assert ("042", "VNM", "CHN", "2025-06-11") in found
    assert ("042", "CHN", "VNM", "2025-06-10") in codes("Chinese Defence Minister Dong Jun visited Da Nang on Tuesday.")


@pytest.mark.parametrize("text, expected", [
    ("Indian Defence Minister Rajnath Singh and Japanese Defence Minister Gen Nakatani spoke over the phone on "
     "Tuesday.", ("041", "IND", "JPN")),
    ("China has lodged stern representations with the United States over the sanctions, foreign ministry "
     "spokesperson Lin Jian said on Tuesday.", ("114", "CHN", "USA")),
])
def test_events_phone_calls_and_representations(text, expected):
    assert expected in {c[:3] for c in codes(text)}


def test_events_a_day_of_a_relative_clause_dates_that_clause_only():
    found = codes("Philippine President Ferdinand Marcos Jr., who arrived in Hanoi on Monday evening, also met "
                  "Vietnamese Prime Minister Pham Minh Chinh on Tuesday.")
    assert ("040", "PHL", "VNM", "2025-06-10") in found  # Tuesday; Monday is the arrival's


@pytest.mark.parametrize("text", [
    "Shares of a Korean battery-parts maker jumped after it signed a supply agreement with a Japanese carmaker.",
    "A mid-sized Korean battery-parts maker jumped 9 percent after signing a supply agreement with a Japanese "
    "carmaker.",
    "Traders said they would watch a visit by a delegation of Japanese fund managers to Seoul next week.",
])
def test_events_firms_act_for_no_state(text):
    assert codes(text) == set()


def test_events_after_signing_the_subject_of_the_main_verb_signed():
    found = codes("Vietnamese Defence Minister Phan Van Giang met Lao Defence Minister Chansamone Chanyalath on "
                  "Tuesday after signing the 2026 cooperation plan.")
    assert ("057", "VNM", "LAO", "2025-06-10") in found


def test_events_the_north_once_north_korea_is_named():
    found = codes("South Korean Defence Minister Kim Yong-hyun and U.S. Defense Secretary Pete Hegseth spoke by phone "
                  "on Tuesday. Pyongyang fired two missiles last week. The two sides condemned the North's recent "
                  "ballistic missile launches.")
    assert {("111", "KOR", "PRK"), ("111", "USA", "PRK")} <= {c[:3] for c in found}
    # without North Korea in the report, "the North" is nobody's
    assert not {c for c in codes("Britain condemned the North's poor flood defences.") if "PRK" in c}


@pytest.mark.parametrize("text", [
    "Indonesian Defence Minister Sjafrie Sjamsoeddin was to travel to Canberra on Thursday for talks with "
    "his Australian counterpart, but the trip has been postponed.",
    "The two foreign ministers were to meet in Jakarta last month before the dispute flared.",
    "Malaysia and Thailand had planned to sign a border protocol at the meeting.",
])
def test_events_a_plan_told_in_the_past_is_neither_news_nor_a_promise(text):
    # "was to travel", "had planned to sign": an arrangement the report looks back on or undoes
    assert codes(text, published="2025-06-11") == set()


def test_events_a_plan_told_in_the_present_is_an_intent():
    found = codes("Indonesian Defence Minister Sjafrie Sjamsoeddin is to visit Australia next week.")
    assert {c[:3] for c in found} == {("036", "IDN", "AUS")}


def test_events_was_to_makes_a_weekday_future_so_it_does_not_date_the_report():
    # a Tuesday report: "was to travel on Thursday" is two days on, and the call "on Monday" is the news
    found = codes("Indian Defence Minister Rajnath Singh was to travel to Tokyo on Thursday. Singh and his Japanese "
                  "counterpart Gen Nakatani spoke over the phone on Monday evening. Nakatani conveyed his "
                  "condolences over the floods in Kerala.", published="2025-06-10")
    assert ("041", "IND", "JPN", "2025-06-09") in found
    assert ("018", "JPN", "IND", "2025-06-09") in found
    assert not [c for c in found if c[0] == "042"]


@pytest.mark.parametrize("text", [
    "Thai Defence Minister Sutin Klungsang and his Cambodian counterpart Tea Seiha held phone talks on Monday.",
    "Thai Defence Minister Sutin Klungsang and his Cambodian counterpart Tea Seiha held a virtual meeting on Monday.",
])
def test_events_phone_talks_are_one_call_with_no_venue(text):
    r = extract("BANGKOK, June 11 (TNA) - " + text, published="2025-06-11")
    consult = [e for e in r.events if e.cameo.startswith("04")]
    assert [(e.cameo, e.date, e.place) for e in consult] == [("041", "2025-06-09", None)]
    [meeting] = r.meetings
    assert (meeting.kind, meeting.place, meeting.host_country) == ("call", None, None)


def test_events_calling_on_a_leader_is_a_courtesy_call_calling_on_a_state_to_act_is_an_appeal():
    visit = codes("Japanese Defence Minister Gen Nakatani also called on Philippine President Ferdinand Marcos Jr. "
                  "on Tuesday.")
    assert {c[:3] for c in visit} == {("040", "JPN", "PHL")}
    appeal = codes("Japanese Defence Minister Gen Nakatani called on China to respect international law.")
    assert ("020", "JPN", "CHN") in {c[:3] for c in appeal}
    assert not [c for c in appeal if c[0].startswith("04")]


@pytest.mark.parametrize("text", [
    "Modi raised the issue of Indian fishermen arrested in Sri Lankan waters.",
    "Vietnam discussed the sanctions imposed on Russian banks.",
])
def test_events_a_participle_that_describes_a_noun_is_not_news(text):
    found = codes(text)
    assert not [c for c in found if c[0] in ("173", "163")]


def test_events_signing_with_a_third_state_makes_all_three_parties():
    found = codes("India and Sri Lanka also signed a trilateral memorandum of understanding with the United Arab "
                  "Emirates on Saturday.")
    pairs = {frozenset(c[1:3]) for c in found if c[0] == "057"}
    assert pairs == {frozenset({"IND", "LKA"}), frozenset({"IND", "ARE"}), frozenset({"LKA", "ARE"})}


def test_events_thanks_to_two_states_are_two_events():
    found = codes("Lao Foreign Minister Thongsavanh Phomvihane thanked Thailand and Cambodia for their support.")
    assert {c[:3] for c in found if c[0] == "051"} == {("051", "LAO", "THA"), ("051", "LAO", "KHM")}


def test_events_a_past_year_in_the_reason_for_thanks_does_not_make_it_history():
    found = codes("Lao Foreign Minister Thongsavanh Phomvihane thanked Thailand for its support during the "
                  "ASEAN chairmanship in 2024.", published="2025-01-20")
    assert ("051", "LAO", "THA", None) in found
    # the year still makes a signing history
    assert not codes("Laos and Thailand signed the border protocol in 2024.", published="2025-01-20")


def test_events_thanks_after_a_denial_in_the_same_sentence():
    found = codes("Cambodian Defence Minister Tea Seiha said the drill was not directed against any third "
                  "country and thanked China for its support.")
    assert ("051", "KHM", "CHN") in {c[:3] for c in found}


def test_events_a_warning_targets_who_it_is_about():
    found = codes("South Korean Defence Minister Shin Won-sik met his Vietnamese counterpart on Tuesday, "
                  "warning that North Korea would pay a price for any provocation.")
    assert ("KOR", "PRK") in {c[1:3] for c in found if c[0].startswith("13")}
    assert ("040", "KOR", "VNM") in {c[:3] for c in found}  # the meeting stands beside the warning


def test_events_a_proposal_that_another_state_act_is_an_appeal_to_it():
    found = codes("Prime Minister Pham Minh Chinh proposed that Japan continue providing preferential loans "
                  "for infrastructure projects.")
    assert {c[:3] for c in found} == {("020", "VNM", "JPN")}  # not Japan's intent to provide aid


def test_events_a_proposal_to_both_sides_is_no_appeal_and_a_proposal_to_meet_is_an_intent():
    found = codes("Vietnamese Defence Minister Phan Van Giang suggested the two sides continue to exchange "
                  "delegations with Laos.")
    assert not [c for c in found if c[0].startswith("02")]  # nothing asked of another state alone
    found = codes("Lao Defence Minister Chansamone Chanyalath proposed to hold the next dialogue in Hanoi.")
    assert ("036", "LAO") in {c[:2] for c in found}


def test_events_summoning_an_ambassador_is_a_protest_to_his_state():
    found = codes("Beijing summoned the Japanese ambassador on Friday to protest the remarks.")
    assert ("114", "CHN", "JPN") in {c[:3] for c in found}
    assert not [c for c in found if c[0].startswith("04")]  # not a consultation


def test_events_firm_opposition_is_not_a_firm():
    # "firm" the adjective is no company: the state in the object is the target
    found = codes("China expressed firm opposition to the US arms sales.")
    assert {c[:3] for c in found} == {("111", "CHN", "USA")}


def test_events_cook_islands_acts_for_itself():
    found = codes("Cook Islands Prime Minister Mark Brown signed an action plan with China in Beijing on Tuesday.")
    assert ("057", "COK", "CHN") in {c[:3] for c in found}


def test_events_hosting_a_guest_is_his_visit_and_a_meeting():
    found = codes("US Defense Secretary Pete Hegseth hosted Indian Defence Minister Rajnath Singh at the Pentagon "
                  "on Monday.")
    assert {("043", "USA", "IND"), ("042", "IND", "USA"), ("040", "USA", "IND")} <= {c[:3] for c in found}


@pytest.mark.parametrize("text", [
    "Saudi Defence Minister Prince Khalid bin Salman received a phone call today from British Defence Secretary "
    "John Healey.",
    "Vietnamese Defence Minister Phan Van Giang received a call from his Chinese counterpart Dong Jun today.",
    "Vietnamese Defence Minister Phan Van Giang held a call with his Chinese counterpart Dong Jun today.",
])
def test_events_receiving_or_holding_a_call_is_a_call(text):
    assert [c[0] for c in codes(text) if c[0].startswith("04")] == ["041"]


def test_events_what_talks_are_about_is_not_done():
    found = codes("Indian and Maldivian officials discussed joint exercises and maritime training on Monday.")
    assert {c[0] for c in found} == {"040"}


def test_events_no_decision_on_renewing_is_no_renewal():
    assert not [c for c in codes("No decision was taken on renewing the memorandum of understanding with Malaysia, "
                                 "Indonesian officials said.") if c[0] == "057"]


def test_events_the_kingdom_is_the_report_s_kingdom():
    found = codes("Saudi Defence Minister Prince Khalid bin Salman met Pakistani Prime Minister Shehbaz Sharif in "
                  "Riyadh. Sharif thanked the Kingdom for its continued support.")
    assert ("051", "PAK", "SAU") in {c[:3] for c in found}


@pytest.mark.parametrize("text, code", [
    ("The government of Japan approved new sanctions against Russia on Monday.", "163"),
    ("New Zealand paused funding to the Cook Islands on Monday.", "162"),
])
def test_events_sanctions_approved_and_aid_paused(text, code):
    assert code in {c[0] for c in codes(text)}


def test_events_a_meeting_in_a_where_clause_has_its_own_day_and_venue():
    r = extract("U.S. Defense Secretary Pete Hegseth arrived in Tokyo late Saturday from Manila, where he met "
                "Philippine President Ferdinand Marcos Jr. on Friday.", published="2025-03-30")
    met = [(e.cameo, e.date, e.place.name if e.place else None) for e in r.events if e.target.country == "PHL"]
    assert met == [("040", "2025-03-28", "Manila")]
    arrived = {(e.cameo, e.date) for e in r.events if e.target.country == "JPN"}
    assert ("042", "2025-03-29") in arrived


def test_events_two_visitors_in_one_relative_clause_both_visit_and_both_meet_the_host():
    found = codes("British Defence Secretary John Healey and Italian Defence Minister Guido Crosetto, who are "
                  "visiting Japan, held talks with Japanese Defence Minister Gen Nakatani on Sunday.",
                  published="2025-03-30")
    pairs = {c[:3] for c in found}
    assert {("042", "GBR", "JPN"), ("042", "ITA", "JPN"), ("040", "GBR", "JPN"), ("040", "ITA", "JPN")} <= pairs
    assert not [p for p in pairs if set(p[1:]) == {"GBR", "ITA"}]  # the talks were with Nakatani


def test_events_a_promise_goes_to_whom_the_promised_act_goes_and_is_coded_once():
    found = codes("U.S. Defense Secretary Pete Hegseth promised to deploy more advanced capabilities to the "
                  "Philippines, officials said.")
    assert {c[:3] for c in found} == {("030", "USA", "PHL")}  # not also a threat to deploy


def test_events_sentences_after_a_dated_call_are_on_its_day():
    text = ("Thai Prime Minister Anutin Charnvirakul and Malaysian Prime Minister Anwar Ibrahim met in Kuala Lumpur "
            "on Wednesday.\n\nAnwar also spoke by phone with Indonesian President Prabowo Subianto on Monday "
            "evening. He congratulated Indonesia on the launch of its new capital.")
    found = codes(text, published="2025-06-12")  # a Thursday
    assert ("041", "MYS", "IDN", "2025-06-09") in found
    assert ("051", "MYS", "IDN", "2025-06-09") in found  # not the report's Wednesday
    # in this report the parser gives "met" two subjects and loses the "and": both still met
    assert ("040", "THA", "MYS", "2025-06-11") in found


@pytest.mark.parametrize("text", [
    "Cambodian Defence Ministry spokeswoman Maly Socheata said that Thai troops had violated the ceasefire.",
    "Cambodia claimed Thai soldiers attacked its positions near the temple.",
])
def test_events_telling_of_another_state_s_breach_is_accusing_it(text):
    assert ("112", "KHM", "THA") in {c[:3] for c in codes(text)}


def test_events_an_exchange_of_notes_binds():
    found = codes("Indonesian Foreign Minister Sugiono and his Singaporean counterpart Vivian Balakrishnan exchanged "
                  "diplomatic notes in Jakarta on Tuesday, bringing the agreements into force.")
    assert ("057", "IDN", "SGP", "2025-06-10") in found


def test_events_the_subject_of_a_passive_raising_verb_acts():
    found = codes("Australian Deputy Prime Minister Richard Marles is on a three-day visit to Japan. He is scheduled "
                  "to meet Prime Minister Shigeru Ishiba on Thursday.")
    assert ("036", "AUS", "JPN") in {c[:3] for c in found}


def test_events_willing_to_work_with_is_an_intent_to_cooperate():
    found = codes("Chinese President Xi Jinping said China is willing to work with Cambodia to deepen cooperation.")
    assert {(c[0][:2], c[1], c[2]) for c in found} == {("03", "CHN", "KHM")}
    assert not codes("Vietnamese workers will work overtime in the factories of Hanoi.")


def test_events_a_condemnation_of_last_month_s_launch_is_news():
    found = codes("South Korea and Japan condemned the North Korean launch of a hypersonic missile last month.")
    assert {("111", "KOR", "PRK"), ("111", "JPN", "PRK")} <= {c[:3] for c in found}
    # a meeting last month is still background
    assert not codes("South Korea and Japan held talks in Seoul last month.")


def test_events_regret_over_claims_is_disapproval():
    found = codes("South Korean Vice Foreign Minister Kim Hong-kyun expressed regret over Japan's claims to the islets.")
    assert ("110", "KOR", "JPN") in {c[:3] for c in found}


def test_events_an_organisation_s_members_are_not_the_organisation():
    assert not [c for c in codes("Vietnam called on ASEAN members to maintain unity.") if c[2] == "IGO"]
    assert ("020", "VNM", "IGO") in {c[:3] for c in codes("Vietnam called on ASEAN to maintain unity.")}


def test_events_a_delegation_crossing_into_a_city_visits_its_state():
    found = codes("On Tuesday, the Chinese delegation crossed into Mong Cai city in Vietnam's Quang Ninh province, "
                  "where the two defence ministers met local officials.")
    assert ("042", "CHN", "VNM", "2025-06-10") in found


def test_events_the_two_ministers_are_the_pair_the_narrative_is_at_in_a_round_of_talks():
    text = (" date 2025-11-02 KUALA LUMPUR — Vietnamese Defence Minister Phan Van Giang attended the ADMM-Plus "
            "meeting in Kuala Lumpur on Saturday.\n\nOn the sidelines, Giang met Japanese Defence Minister Shinjiro "
            "Koizumi and Indian Defence Minister Rajnath Singh.\n\nAt the meeting with Koizumi, the two ministers "
            "agreed to promote cooperation in defence industry.\n\nEarlier on Friday, Giang held talks with "
            "Malaysian Defence Minister Mohamed Khaled Nordin. — VNA")
    from comity.ingest import read_text

    r = extract(read_text(text, id="t").text, published="2025-11-02")
    found = {(e.cameo, e.source.country, e.target.country, e.date) for e in r.events}
    assert ("0312", "VNM", "JPN", "2025-11-01") in found  # not Vietnam and Malaysia, the report's top pair
    assert {("044", "VNM", "JPN", "2025-11-01"), ("044", "VNM", "IND", "2025-11-01")} <= found  # the lead's day
    assert ("040", "VNM", "MYS", "2025-10-31") in found


@pytest.mark.parametrize("text", [
    "Japanese Ambassador Kazuya Endo also said Japan was seriously concerned by China's actions at sea.",
    "Japan is deeply concerned about China's actions at sea.",
])
def test_events_a_state_deeply_concerned_by_another_disapproves(text):
    assert {c[:3] for c in codes(text)} == {("110", "JPN", "CHN")}


def test_events_plain_concern_of_residents_is_nothing():
    assert not codes("Residents were concerned about the floods in Japan.")


@pytest.mark.parametrize("text", [
    "The treaty, which had been signed in Wellington in March, was sent to parliament by New Zealand and Fiji.",
    "New Zealand and Fiji sent the treaty to parliament after it had been signed in Wellington.",
])
def test_events_a_past_perfect_in_a_subordinate_clause_is_background(text):
    assert not [c for c in codes(text, published="2025-06-11") if c[0] == "057"]


@pytest.mark.parametrize("text, expected", [
    ("Polish Foreign Minister Radoslaw Sikorski summoned the Russian charge d'affaires on Monday.", ("114", "POL", "RUS")),
    ("Azerbaijan and Armenia initialled a peace agreement in Washington on Monday.", ("057", "AZE", "ARM")),
    ("The African Union suspended Niger's membership on Monday.", ("160", "IGO", "NER")),
])
def test_events_more_of_europe_africa_and_the_caucasus(text, expected):
    assert expected in {c[:3] for c in codes(text)}


@pytest.mark.parametrize("text", [
    "Vietnamese Defence Minister Phan Van Giang and Lao Defence Minister Chansamone Chanyalath exchanged views on "
    "regional issues on Monday.",
    "Vietnam and Laos co-organised the first border defence friendship exchange in Dien Bien province on Monday.",
])
def test_events_exchanging_views_and_co_organising_an_exchange_are_meetings(text):
    assert ("040", "VNM", "LAO") in {c[:3] for c in codes(text)}


def test_events_a_state_s_own_instrument_binds_nobody_and_tariffs_are_sanctions():
    found = codes("U.S. President Donald Trump signed an executive order imposing tariffs on Mexico on Monday.")
    assert {c[:3] for c in found} == {("163", "USA", "MEX")}  # not an agreement signed with Mexico
    r = extract("Poland and Ukraine signed a letter of intent on artillery production on Monday.", published="2025-06-11")
    assert [a.kind for a in r.agreements] == ["other"]  # FORMAT.md's kinds: a letter of intent is "other"


def test_dates_a_visit_that_ends_on_friday_ends_ahead():
    found = codes("Benin's President Patrice Talon is on a three-day visit to Nigeria, which ends on Friday. He met "
                  "Nigerian President Bola Tinubu on Wednesday.", published="2025-06-11")
    assert ("040", "BEN", "NGA", "2025-06-11") in found


def test_events_talks_between_two_states_are_theirs():
    found = codes("Indirect talks between Iran and the United States were held in Muscat on Sunday.")
    assert {(c[0][:2], frozenset(c[1:3])) for c in found} == {("04", frozenset({"IRN", "USA"}))}


def test_events_speaking_with_an_official_is_talks_with_reporters_nothing():
    assert ("040", "CAN", "USA") in {c[:3] for c in codes(
        "Canadian Prime Minister Justin Trudeau spoke with U.S. President Donald Trump twice on Monday.")}
    assert not codes("Canadian Prime Minister Justin Trudeau spoke with reporters on Monday.")


@pytest.mark.parametrize("text, targets", [
    ("The Turkish foreign minister met with top diplomats from Chile, Kenya, Peru and Norway on Monday.",
     {"CHL", "KEN", "PER", "NOR"}),
    ("On Monday, the Turkish minister held bilateral meetings with his counterparts from Peru, Kenya and Norway.",
     {"PER", "KEN", "NOR"}),
])
def test_events_one_official_meets_counterparts_from_several_states(text, targets):
    found = codes(text)
    assert {c[2] for c in found if c[0].startswith("04") and c[1] == "TUR"} == targets



@pytest.mark.parametrize("text, protest", [
    ("Thousands of Kenyan students demonstrated outside the Chinese embassy in Nairobi on Tuesday.", True),
    ("Kenyan students rallied against China on Tuesday.", True),
    # with an object the verb shows or gathers something: no demonstration
    ("The value of China's trade with Russia demonstrated a growth of 0.9 percent on Tuesday.", False),
    ("The Kenyan minister rallied support from Chinese investors on Tuesday.", False),
])
def test_events_a_demonstration_has_no_object(text, protest):
    assert any(c[0].startswith("14") for c in codes(text)) == protest


@pytest.mark.parametrize("text", [
    "US Defense Secretary Lloyd Austin met separately here with Secretary of State Antony Blinken on Tuesday.",
    "Thai Defence Minister Somchai Wongsa met separately here with Foreign Minister Prasit Chaiyo on Tuesday.",
])
def test_events_talks_between_officials_of_one_state_are_no_meeting_between_states(text):
    # a state never pairs with itself: two officials of one state make no international meeting
    found = codes(text)
    assert not [c for c in found if c[0].startswith("04")], found


def test_events_three_states_rejecting_a_claim_side_by_side_reject_none_of_each_other():
    # acting together means with one another only for talks, signings, pledges and the like
    found = codes("Britain, France and Germany rejected the Russian claim as false on Tuesday.")
    assert {("120", c, "RUS") for c in ("GBR", "FRA", "DEU")} <= {c[:3] for c in found}, found
    assert not [c for c in found if c[0] == "120" and c[2] in {"GBR", "FRA", "DEU"}], found


def test_events_calling_up_officials_of_several_states_is_a_call_to_each():
    found = codes("Brazilian Foreign Minister Carlos Lima called up the foreign ministers of Chile and Peru "
                  "on Tuesday.")
    assert {("041", "BRA", "CHL", "2025-06-10"), ("041", "BRA", "PER", "2025-06-10")} <= found, found
    assert not [c for c in codes("The Brazilian army called up reservists on Tuesday.") if c[0] == "041"]


def test_events_a_dateline_parsed_as_a_subject_does_not_act():
    # "New Delhi, May 25 (IANS) X called up Y": the city, parsed as a second subject, is where the report
    # was filed; were it read as an actor, the capital's state would be the caller and the callee both
    found = codes("New Delhi, May 25 (IANS) US President Donald Ward on Friday called up Prime Minister Raj Kumar "
                  "Singh to congratulate him on his election victory and the two leaders agreed to meet.")
    assert ("041", "USA", "IND", "2025-06-06") in found, found
    assert ("051", "USA", "IND", "2025-06-06") in found, found


ROUND = ("Brazilian Foreign Minister Carlos Lima attended the summit of the Organization of American States "
         "in Lima on Tuesday. ")


@pytest.mark.parametrize("text, met", [
    (ROUND + "Notable among his engagements were meetings with foreign ministers from Chile, Peru and Ecuador.",
     {"CHL", "PER", "ECU"}),
    (ROUND + "So far, talks have taken place in Lima with Chilean President Ana Rojas and Colombian President "
     "Jorge Mejia.", {"CHL", "COL"}),
])
def test_events_talks_no_one_is_said_to_hold_in_a_round_of_meetings_are_the_protagonist_s(text, met):
    found = codes(text)
    assert {c[2] for c in found if c[0].startswith("04") and c[1] == "BRA"} >= met, found


def test_events_talks_told_again_without_a_counterpart_get_no_protagonist():
    found = codes("Brazilian Foreign Minister Carlos Lima spoke by phone with Chilean Foreign Minister Ana Rojas "
                  "on Tuesday. Lima also met Peruvian and Ecuadorian envoys. The talks touched on trade.")
    assert not [c for c in found if c[0] == "040" and c[2] == "CHL"], found


def test_events_what_two_officials_discuss_is_a_topic_not_a_third_party():
    found = codes("Japanese Defence Minister Kenji Sato and Philippine Defence Secretary Jose Cruz discussed the "
                  "North Korean threat and security cooperation with Australia on Tuesday.")
    consults = {frozenset(c[1:3]) for c in found if c[0].startswith("04")}
    assert frozenset({"JPN", "PHL"}) in consults, found
    assert not [p for p in consults if p & {"PRK", "AUS"}], found


def test_events_a_working_session_with_counterparts_is_talks_and_an_assembly_session_nothing():
    found = codes("Thai Prime Minister Somchai Wongsa held a working session with Malaysian Prime Minister Aziz "
                  "Rahman and Singaporean Prime Minister Tan Wei Ming in Bangkok on Tuesday.")
    assert {c[2] for c in found if c[0].startswith("04") and c[1] == "THA"} >= {"MYS", "SGP"}, found
    assert not [c for c in codes("The Thai National Assembly held a plenary session on Tuesday.")
                if c[0].startswith("04")]


def test_events_a_gift_that_provides_encouragement_is_no_donor():
    found = codes("Thai Ambassador Somchai Wongsa and Malaysian Ambassador Aziz Rahman said the donated masks "
                  "provide great encouragement for Thailand and Malaysia.")
    assert not [c for c in found if c[0].startswith(("07", "03"))], found


def test_events_a_possessive_pronoun_is_bound_by_its_subject():
    # "his" alone would resolve to the last person acting (Giang); the subject of "shared" acts
    found = codes("Vietnamese Defence Minister Phan Van Giang met Lao Defence Minister Chansamone "
                  "Chanyalath in Vientiane on Tuesday. Chansamone Chanyalath shared his deep sympathy for "
                  "the losses caused by the recent floods.")
    assert ("018", "LAO", "VNM", "2025-06-10") in found
    assert not [c for c in found if c[0] == "018" and c[1] == "VNM"]


def test_events_renewed_invitation_to_visit_is_no_visit():
    found = codes("Vietnamese President Luong Cuong renewed an invitation to visit Laos.")
    assert not [c for c in found if c[0] in ("042", "043")]


def test_events_a_future_visit_looked_forward_to_is_an_intent():
    found = codes("Vietnamese Defence Minister Phan Van Giang looks forward to a future visit to Laos.")
    assert ("036", "VNM", "LAO", "2025-06-11") in found
    assert not [c for c in found if c[0] in ("042", "043")]


def test_events_a_headline_infinitive_visit_is_an_intent():
    found = codes("Lao Defence Minister Chansamone Chanyalath to visit Hanoi")
    assert ("036", "LAO", "VNM", "2025-06-11") in found
    assert not [c for c in found if c[0] in ("042", "043")]


def test_events_talks_that_are_scheduled_are_an_intent():
    found = codes("Talks between Vietnam and Laos are scheduled for next week.")
    assert ("036", "VNM", "LAO", "2025-06-11") in found
    assert not [c for c in found if c[0].startswith("04")]


BOXED = ("Lao Defence Minister Chansamone Chanyalath paid an official visit to Vietnam on Tuesday.\n\n"
         "{heading}\n\n • On 13 May, Vietnam and Laos signed a memorandum of understanding on defence law.")


def test_events_a_background_box_tells_no_news():
    boxed = codes(BOXED.format(heading="Background"))
    assert ("042", "LAO", "VNM", "2025-06-10") in boxed
    assert not [c for c in boxed if c[0] == "057"]
    # the same paragraph under another heading is news: the box's heading is what makes it history
    assert ("057", "VNM", "LAO", "2025-05-13") in codes(BOXED.format(heading="Details"))


@pytest.mark.parametrize("heading", ["Popular articles", "Related news"])
def test_events_a_box_of_links_to_other_reports_tells_no_news(heading):
    boxed = codes("Lao Defence Minister Chansamone Chanyalath paid an official visit to Vietnam on Tuesday.\n\n"
                  + heading + "\n\nVietnamese Defence Minister Phan Van Giang's meeting with Thai Defence "
                  "Minister Sutin...")
    assert ("042", "LAO", "VNM", "2025-06-10") in boxed
    assert not [c for c in boxed if "THA" in c[1:3]]


def test_events_an_invitation_made_is_an_invitation_not_a_visit():
    found = codes("British Foreign Secretary David Cameron made an open invitation for his Polish counterpart "
                  "Radoslaw Sikorski to visit the United Kingdom.")
    assert ("026", "GBR", "POL", None) in found
    assert not [c for c in found if c[0] in ("042", "043")]
    # the invitation a visit was made at is no invitation of the day
    at = codes("Lao Defence Minister Chansamone Chanyalath visited Hanoi at the invitation of Vietnamese "
               "Defence Minister Phan Van Giang.")
    assert not [c for c in at if c[0] == "026"]


def test_events_a_meeting_that_will_be_co_chaired_is_an_intent():
    found = codes("The meeting will be co-chaired by Vietnamese Defence Minister Phan Van Giang and Lao Defence "
                  "Minister Chansamone Chanyalath.")
    assert ("036", "VNM", "LAO", "2025-06-11") in found
    assert not [c for c in found if c[0].startswith("04")]


def test_events_a_visit_told_as_recent_is_background():
    found = codes("The ministers discussed support for Ukraine, recently visited by British Foreign Secretary "
                  "David Cameron.")
    assert not [c for c in found if c[0] in ("042", "043")]
    assert ("042", "GBR", "UKR", "2025-06-10") in codes("British Foreign Secretary David Cameron visited Ukraine on Tuesday.")


@pytest.mark.parametrize("text", [
    "Spain beat Italy in the final on Sunday. The 2024 world sailing championship was hosted by Portugal "
    "between May 3 and 19.",
    "Spain and France drew 1-1 on Saturday. The 2026 European judo championship was hosted by Portugal.",
])
def test_events_a_meeting_without_a_second_state_is_not_coded(text):
    # in a report about two states or more a consultation (04x) is between two of them: one state
    # alone met nobody the records can name
    assert not [c for c in codes(text) if c[0].startswith("04")]


@pytest.mark.parametrize("text", [
    # a rejection of a claim whose owner the sentence does not name
    "Norway accused Sweden of spying on Monday. Denmark and Finland rejected that claim as absurd.",
    # an appeal to leaders of no named state
    "Chile recalled its envoy from Peru on Monday. Canada urged regional leaders to stay calm.",
    # a concern aimed at nobody
    "Chile recalled its envoy from Peru on Monday. Canada expressed deep concern on Monday.",
])
def test_events_an_act_without_a_second_state_is_not_coded(text):
    # in a report about two states or more an event is between two of them: a rejection, an
    # appeal or a concern that names no other state is no act between states
    assert not [c for c in codes(text) if c[2] is None or c[2] == c[1]]


def test_events_a_report_about_one_state_keeps_its_own_encounter():
    # the encounter may be a domestic one, which CAMEO codes
    found = codes("Portuguese demonstrators received ministers from the Portuguese government.")
    assert [c for c in found if c[0].startswith("04")]


@pytest.mark.parametrize("text", [
    # a bare verb joined to a planned one shares the plan
    "Polish Defence Minister Tomasz Siemoniak will travel to Madrid and meet his Spanish counterpart "
    "Margarita Robles.",
    "Polish Defence Minister Tomasz Siemoniak to visit Madrid and hold talks with Margarita Robles",
    # the object of a planning verb
    "Polish Defence Minister Tomasz Siemoniak is planning meetings with Spanish Prime Minister "
    "Pedro Sanchez.",
    # the act a future "see" or "include" has in view
    "The exchange will see the Polish and Spanish defence ministers visiting a school and planting trees.",
    "The Polish minister's trip will include talks with Spanish Defence Minister Margarita Robles.",
])
def test_events_an_act_that_shares_a_plan_is_planned(text):
    found = codes(text)
    assert not [c for c in found if c[0].startswith("04")]


def test_events_a_done_act_joined_to_a_done_one_stays_done():
    found = codes("Polish Defence Minister Tomasz Siemoniak travelled to Madrid and met his Spanish "
                  "counterpart Margarita Robles on Monday.")
    assert ("040", "POL", "ESP", "2025-06-09") in found
    found = codes("Polish Defence Minister Tomasz Siemoniak arrived in Madrid on Monday and will meet "
                  "Spanish Defence Minister Margarita Robles.")
    assert ("042", "POL", "ESP", "2025-06-09") in found
    # offering is a planning head, but what is offered here is given at once
    found = codes("Spanish Defence Minister Margarita Robles offered her condolences to Poland over the "
                  "floods.")
    assert any(c[0] == "018" for c in found)


@pytest.mark.parametrize("telling", ["told a press conference", "told a news briefing", "told journalists"])
def test_events_the_day_of_a_press_conference_dates_the_telling(telling):
    # the press conference is where the meeting was told, not the meeting's day
    found = codes("Spanish Defence Minister Margarita Robles said the two ministers agreed on joint drills "
                  "after their bilateral meeting with Poland. "
                  f"\"We will train together,\" she {telling} yesterday.")
    assert ("040", "ESP", "POL", None) in found


def test_events_calls_to_counterparts_named_by_their_state_are_calls():
    found = codes("The talks on Wednesday follow Spanish Defence Minister Margarita Robles's calls to her "
                  "Italian, Greek and Portuguese counterparts on Sunday.")
    assert {("041", "ESP", c, "2025-06-08") for c in ("ITA", "GRC", "PRT")} <= found
    # a call to do something is an appeal, not a phone call
    found = codes("Spanish Defence Minister Margarita Robles repeated calls to her counterparts to end the "
                  "war.")
    assert not [c for c in found if c[0] == "041"]


@pytest.mark.parametrize("text", [
    "The Spanish purchase of the aircraft ends all previous talks with Italy.",
    "Spanish Defence Minister Margarita Robles recalled her past visits to Italy.",
])
def test_events_a_noun_act_told_as_before_the_news_is_not_coded(text):
    assert not [c for c in codes(text) if c[0].startswith("04")]


def test_events_a_signing_by_two_named_officials_is_their_meeting():
    r = extract("The memorandum was signed in Madrid on Monday by Spanish Defence Minister Margarita Robles "
                "and her Polish counterpart Tomasz Siemoniak.", published="2025-06-11")
    (meeting,) = [e for e in r.events if e.cameo == "040"]
    assert (meeting.source.country, meeting.target.country, meeting.date) == ("ESP", "POL", "2025-06-09")
    assert meeting.place is not None and meeting.place.name == "Madrid"
    # states alone may sign apart
    found = codes("Spain and Poland signed a memorandum on defence cooperation on Monday.")
    assert not [c for c in found if c[0].startswith("04")]


def test_events_the_members_a_meeting_with_a_group_names_are_met():
    found = codes("Spanish Foreign Minister Jose Manuel Albares met with a number of foreign ministers on "
                  "the sidelines of the conference on Friday, including Austrian Foreign Minister Beate "
                  "Meinl-Reisinger and British Foreign Secretary Yvette Cooper.")
    assert {c[2] for c in found if c[0].startswith("04")} == {"AUT", "GBR"}
    # a topic "including" names is no one met
    found = codes("Spanish Foreign Minister Jose Manuel Albares met with Austrian Foreign Minister Beate "
                  "Meinl-Reisinger on Friday to discuss several issues, including trade with Japan.")
    assert {c[2] for c in found if c[0].startswith("04")} == {"AUT"}


def test_events_a_day_dates_its_own_encounter_not_another_one_told_without_a_day():
    text = ("Spanish Defence Minister Margarita Robles met her Polish counterpart Tomasz Siemoniak in Madrid "
            "on Monday. The two ministers discussed air defence.\n\n"
            "Robles also held talks with Italian Defence Minister Guido Crosetto.\n\n"
            "She also received Polish Deputy Defence Minister Pawel Zalewski.")
    found = codes(text)
    meetings = {(c[2], c[3]) for c in found if c[0] == "040"}
    assert ("POL", "2025-06-09") in meetings  # the encounter the day is told for
    assert ("ITA", None) in meetings  # another pair, no day of its own: undated
    assert ("POL", None) in meetings  # another official of the same pair: another encounter
    assert not [m for m in meetings if m[0] == "ITA" and m[1]]


def test_events_an_encounter_on_the_same_day_keeps_the_day():
    text = ("Spanish Defence Minister Margarita Robles met her Polish counterpart Tomasz Siemoniak in Madrid "
            "on Monday. Later in the day, Robles also held talks with Italian Defence Minister "
            "Guido Crosetto.")
    assert ("040", "ESP", "ITA", "2025-06-09") in codes(text)


def test_events_a_day_told_for_a_group_of_encounters_dates_each():
    text = ("Spanish Prime Minister Pedro Sanchez held talks with three European leaders at the summit in "
            "Brussels on Monday.\n\n"
            "Sanchez also met with Italian Prime Minister Giorgia Meloni.")
    found = codes(text)
    assert ("044", "ESP", "ITA", "2025-06-09") in found or ("040", "ESP", "ITA", "2025-06-09") in found


@pytest.mark.parametrize("text", [
    "Spain and Poland have signed five accords on defence, both prime ministers tweeted on Saturday.",
    "Spain and Poland have signed five accords on defence, a Spanish official told the Madrid Daily News "
    "on Saturday.",
    "Spain and Poland signed a defence plan, a source in the Spanish government told Reuters June 9.",
])
def test_events_the_day_a_signing_was_told_does_not_date_it(text):
    assert ("057", "ESP", "POL", None) in codes(text)


def test_events_a_signing_by_two_named_officials_on_a_visit_is_also_their_meeting():
    found = codes("The plan was signed on Monday by Spanish Defence Minister Margarita Robles and her Polish "
                  "counterpart Tomasz Siemoniak, who arrived in Madrid on an official visit.")
    assert {("042", "POL", "ESP", "2025-06-09"), ("040", "ESP", "POL", "2025-06-09")} <= found


@pytest.mark.parametrize("text, expected", [
    ("Spanish Defence Minister Margarita Robles met her Polish counterpart Tomasz Siemoniak in Madrid "
     "on Tuesday, two days after visiting Italy.", ("042", "ESP", "ITA", "2025-06-08")),
    ("Two days after arriving in Italy, Spanish Defence Minister Margarita Robles met Italian Defence "
     "Minister Guido Crosetto on Friday.", ("042", "ESP", "ITA", "2025-06-11")),
])
def test_events_an_act_told_days_after_or_before_the_day_is_moved(text, expected):
    found = codes(text, published="2025-06-14")  # Tuesday 2025-06-10, Friday 2025-06-13
    assert expected in found


def test_events_a_caption_that_tells_the_encounter_dates_it_and_nothing_else():
    text = ("Spanish Defence Minister Margarita Robles meets Italian Defence Minister Guido Crosetto in Rome "
            "on June 9, 2025. Photo: Spanish Ministry of Defence\n\n"
            "Spain and Italy agreed to strengthen defence cooperation, the ministry said.")
    found = codes(text)
    assert ("040", "ESP", "ITA", "2025-06-09") in found
    assert not [c for c in found if c[0].startswith("03") and c[3] == "2025-06-09"]  # not the anchor


def test_events_what_is_told_during_a_dated_encounter_takes_its_day():
    text = ("Spanish Defence Minister Margarita Robles met Polish Defence Minister Tomasz Siemoniak in "
            "Madrid on Tuesday.\n\nOn Monday, Robles held talks with Italian Defence Minister Guido "
            "Crosetto in Rome.\n\nDuring the meeting with Crosetto, Robles said Spain stands ready to "
            "strengthen defence cooperation with Italy.")
    found = codes(text, published="2025-06-12")  # Monday 2025-06-09, Tuesday 2025-06-10
    assert [c for c in found if c[0].startswith("03") and c[2] == "ITA" and c[3] == "2025-06-09"]


def test_events_a_possessive_of_another_noun_makes_no_meeting():
    # "their" is the needs', not the meeting's: the platform meets needs, nobody meets anyone
    found = codes("Norway and Sweden chose the radar as the system meeting all their needs on Monday.")
    assert not [c for c in found if c[0].startswith("04")], found
    assert [c for c in codes("Norway and Sweden ended their meeting in Oslo on Monday.") if c[0] == "040"]


@pytest.mark.parametrize("text", [
    "Norwegian planemaker Nordfly on Monday signed a contract to sell six aircraft to Sweden.",
    "Norwegian shipbuilder Ulstein on Monday signed a contract to sell two patrol ships to Sweden.",
])
def test_events_a_makers_contract_is_no_states_signing(text):
    # a planemaker or shipbuilder is a firm: its contract is no state's act
    assert not [c for c in codes(text) if c[0] == "057"]


@pytest.mark.parametrize("text", [
    "Chile beat Peru 2-0 on Tuesday. Chile will host Bolivia on Nov. 14 for their next qualifying match.",
    "Spain beat Italy 2-1 on Sunday. Spain met France in the final on Monday.",
])
def test_events_a_sporting_fixture_is_no_encounter(text):
    # countries that host or meet each other for a match are teams
    assert not [c for c in codes(text) if c[0].startswith("04") or c[0] == "036"]


def test_events_hosting_for_talks_is_still_an_encounter():
    found = codes("Norwegian Prime Minister Jonas Gahr Store will host Swedish Prime Minister Ulf Kristersson "
                  "on Nov. 14 for talks on energy.")
    assert [c for c in found if c[0] == "036" and c[1:3] == ("NOR", "SWE")]


def test_events_force_used_by_people_no_state_owns_is_no_states_act():
    # the subject is named (gunmen): the official named earlier in the sentence did not fire
    found = codes("Chilean President Gabriel Boric met Peruvian officials a day after the attack, during which "
                  "gunmen fired at tourists near the border.")
    assert not [c for c in found if c[0].startswith(("18", "19", "20"))], found
    assert ("190", "PER", "CHL", "2025-06-09") in codes("Peruvian troops fired at Chilean posts on Monday.")


@pytest.mark.parametrize("text", [
    "Indian Prime Minister Narendra Modi chaired a meeting of the Cabinet Committee on Security on Monday "
    "after the attack blamed on Pakistan.",
    "The measures against Pakistan were decided at a meeting of the cabinet chaired by Indian Prime Minister "
    "Narendra Modi on Monday.",
])
def test_events_a_meeting_of_a_states_own_body_is_no_consultation(text):
    # a cabinet meets within one state: the other state of the report is not its counterpart
    assert not [c for c in codes(text) if c[0].startswith("04") or c[0] == "036"]


def test_events_a_meeting_of_a_joint_body_is_a_consultation():
    found = codes("Indian Prime Minister Narendra Modi chaired a meeting of the Joint Commission with Pakistan "
                  "on Monday.")
    assert [c for c in found if c[0].startswith("04") and c[1:3] == ("IND", "PAK")]


@pytest.mark.parametrize("text", [
    "Chile protested on Monday. The incident took place on May 16 when Chilean Foreign Minister Alberto "
    "van Klaveren was visiting Lima during his official tour to meet Peruvian President Dina Boluarte.",
    "The attack on a post came just as Chile and Peru were preparing to resume peace talks.",
])
def test_events_what_was_going_on_when_something_happened_is_its_setting(text):
    # a past progressive in a "when"/"as" clause of a happening that is no act: background
    assert not [c for c in codes(text) if c[0].startswith("04") or c[0] == "036"]


def test_events_a_visit_going_on_while_an_act_is_done_stays():
    found = codes("Chilean Foreign Minister Alberto van Klaveren met Peruvian President Dina Boluarte on Monday "
                  "while he was visiting Lima.")
    assert {"040", "042"} <= {c[0] for c in found}


@pytest.mark.parametrize("text, expected", [
    ("The navies of Vietnam and Cambodia on Monday began a three-day coordinated patrol along their sea border.",
     ("062", "2025-06-09")),
    ("The Thai navy held a bilateral exercise with the Malaysian navy on Tuesday.", ("062", "2025-06-10")),
    ("Chile and Peru staged mixed drills off the coast on Monday.", ("062", "2025-06-09")),
])
def test_events_exercise_or_patrol_held_together_is_military_cooperation(text, expected):
    assert expected in {(c, d) for c, _, t, d in codes(text) if t}


@pytest.mark.parametrize("text", [
    # the items a planned act includes are planned with it
    "Vietnam and Laos said they would widen their defence ties, including joint exercises and officer training.",
    # a patrol whose own clause dates it before the news
    "Vietnam and Laos welcomed the joint patrol, which ended last week, at their talks on Tuesday.",
    # the exercise of a passive verb that is planned
    "Vietnam and Laos agreed that the next round of the joint exercise would be held in June.",
    # "on the agenda", "on schedule": planned
    "A joint naval exercise of Vietnam and Laos is also on the agenda.",
])
def test_events_exercise_planned_or_past_is_not_held_today(text):
    assert not {c for c, *_ in codes(text) if c == "062"}


def test_events_warship_visit_is_a_port_call():
    found = codes("An Indian Navy frigate arrived in Manila on Monday for a three-day visit to the Philippines.")
    assert ("062", "IND", "PHL", "2025-06-09") in found
    assert ("042", "IND", "PHL", "2025-06-09") in found


def test_events_minister_visit_is_no_port_call():
    found = codes("Indian Defence Minister Rajnath Singh arrived in Manila on Monday for a three-day visit to "
                  "the Philippines.")
    assert not {c for c, *_ in found if c == "062"}


def test_events_joint_exercise_held_is_an_encounter_of_the_two_states():
    r = extract("The navies of Vietnam and Cambodia on Monday began a three-day coordinated patrol along their "
                "sea border.", published="2025-06-11")
    found = {(e.cameo, e.date) for e in r.events}
    assert {("062", "2025-06-09"), ("040", "2025-06-09")} <= found
    assert [(m.kind, m.date) for m in r.meetings] == [("exercise", "2025-06-09")]


def test_events_planned_exercise_is_no_encounter():
    found = codes("Vietnam and Cambodia said their navies would hold a joint exercise in July.")
    assert not {c for c, *_ in found if c in ("062", "040")}


@pytest.mark.parametrize("text, expected", [
    ("Lao President Thongloun Sisoulith on Monday took delivery of ten Chinese military trucks.",
     ("072", "CHN", "LAO", "2025-06-09")),
    ("The Lao army received a batch of medical supplies from China on Monday.", ("073", "CHN", "LAO", "2025-06-09")),
])
def test_events_aid_told_by_the_receiver_is_the_giver_s_act(text, expected):
    assert expected in codes(text)


def test_events_not_accepting_a_protest_rejects_it():
    found = codes("Chile summoned the Peruvian ambassador on Monday. Peru does not accept Chile's protest, "
                  "the Peruvian foreign ministry said.")
    assert [c for c in found if c[0] == "120" and c[1:3] == ("PER", "CHL")], found
    assert not [c for c in codes("Peru accepted Chile's proposal on Tuesday.") if c[0].startswith("12")]


@pytest.mark.parametrize("text", [
    "Impersonating Sanchez, two pranksters called Portuguese President Marcelo Rebelo de Sousa. On Tuesday, "
    "Rebelo de Sousa held a call with Spanish Prime Minister Pedro Sanchez.",
    "On Tuesday, Portuguese President Marcelo Rebelo de Sousa held a call with Spanish Prime Minister Pedro "
    "Sanchez. The caller was a prankster posing as Spanish Prime Minister Pedro Sanchez, his office said.",
])
def test_events_a_call_with_an_impersonated_leader_is_no_call(text):
    # the report says the other party was an impostor: no call between the states
    assert not [c for c in codes(text) if c[0].startswith("04")]


def test_events_a_call_in_a_report_with_no_impostor_stays():
    found = codes("On Tuesday, Portuguese President Marcelo Rebelo de Sousa held a call with Spanish Prime "
                  "Minister Pedro Sanchez. Sanchez claimed victory in the vote.")
    assert [c for c in found if c[0] == "041"]
