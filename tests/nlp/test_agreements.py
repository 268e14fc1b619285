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


@pytest.mark.parametrize("text, expected", [
    # other ways of signing
    ("BEIJING (Xinhua) -- China and Vietnam issued a joint statement on Wednesday on deepening their "
     "comprehensive strategic cooperative partnership.", ("joint_statement", ("CHN", "VNM"), None, None, "signed", "2025-04-30")),
    ("The leaders of Cambodia and Laos adopted a joint declaration on Tuesday.",
     ("joint_statement", ("KHM", "LAO"), None, None, "signed", "2025-04-29")),
    ("KUALA LUMPUR (Bernama) -- Malaysia and Indonesia exchanged the documents of the memorandum of understanding "
     "on border security at a ceremony on Tuesday.", ("mou", ("IDN", "MYS"), None, None, "signed", "2025-04-29")),
    ("Australia and Britain struck a security pact on Tuesday.", ("agreement", ("AUS", "GBR"), None, None, "signed", "2025-04-29")),
    ("Japan and Vietnam initialled a security agreement on Tuesday.",
     ("agreement", ("JPN", "VNM"), None, None, "signed", "2025-04-29")),
    # an exchange of views is no signing
    ("Japan and Vietnam exchanged views on the implementation of the agreement on border management.",
     ("agreement", ("JPN", "VNM"), None, None, "mentioned", None)),
    # talks on an instrument negotiate it
    ("MANILA (Reuters) - The Philippines and Japan are in talks on a reciprocal access agreement, Defence "
     "Secretary Gilberto Teodoro said on Tuesday.", ("agreement", ("JPN", "PHL"), None, None, "negotiating", None)),
    ("Japan and Vietnam agreed to speed up talks on the framework agreement.",
     ("agreement", ("JPN", "VNM"), None, None, "negotiating", None)),
    # a signing to come, wherever the parser hangs it
    ("Japan and Vietnam said the pact is expected to be signed later this year.",
     ("agreement", ("JPN", "VNM"), None, None, "proposed", None)),
    ("Japan and Vietnam said the agreement, which is due to be signed next month, covers joint patrols.",
     ("agreement", ("JPN", "VNM"), None, None, "proposed", None)),
    # ratification binds a state to what it signed
    ("MOSCOW (TASS) - The State Duma on Wednesday ratified the comprehensive strategic partnership treaty "
     "between Russia and North Korea.", ("treaty", ("PRK", "RUS"), None, None, "agreed_to_implement", None)),
])
def test_statuses(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text, parties", [
    ("The defence ministers of Cambodia, Laos and Vietnam signed a joint statement on Tuesday.", ("KHM", "LAO", "VNM")),
    ("Japan, the Philippines and the United States signed a trilateral memorandum of understanding on "
     "maritime security on Tuesday.", ("JPN", "PHL", "USA")),
    ("Vietnam and Laos signed an agreement with Cambodia on border demarcation on Tuesday.", ("KHM", "LAO", "VNM")),
    ("The agreement was signed by Indonesia and Malaysia on Tuesday.", ("IDN", "MYS")),
    # who acts, not the report's main pair
    ("Thai Prime Minister Paetongtarn Shinawatra met her Malaysian counterpart Anwar Ibrahim in Bangkok on "
     "Tuesday. Japan and Vietnam signed a memorandum of understanding on cybersecurity on the same day.", ("JPN", "VNM")),
    # "the two ministers" right after a side meeting are those two
    ("Vietnamese Defence Minister Phan Van Giang held talks with Cambodian Defence Minister Tea Seiha in Phnom Penh "
     "on Tuesday. Giang also met Lao Defence Minister Chansamone Chanyalath. The two ministers reviewed the "
     "implementation of the protocol on defence cooperation for the 2020-2024 period.", ("LAO", "VNM")),
    # "between the two countries": the states of the two officials who act, not the report's main pair
    ("Indian Prime Minister Narendra Modi held talks with Japanese Prime Minister Fumio Kishida in Tokyo on "
     "Monday. Modi urged Japan to invest more in India, and Kishida said Japan would deepen ties with India. "
     "Later, Modi and Kenyan President William Ruto witnessed the signing of a defence agreement between the "
     "two countries.", ("IND", "KEN")),
    # "three" counting documents (not states) makes no trilateral instrument
    ("Chinese President Xi Jinping told US President Joe Biden in a phone call on Thursday that Taiwan is part of "
     "China. Xi urged Washington to abide by the three joint communiques.", ("CHN", "USA")),
])
def test_parties_from_who_acts(text, parties):
    [found] = extract(text, published="2025-05-01").agreements
    assert tuple(found.parties) == parties


@pytest.mark.parametrize("text, name", [
    ("Malaysia and Indonesia exchanged the documents of the memorandum of understanding on border security at a "
     "ceremony on Tuesday.", "the memorandum of understanding on border security"),
    ("Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership in Pyongyang in June 2024.",
     "the Treaty on Comprehensive Strategic Partnership"),
    ("Vietnam and Laos adopted a protocol on defence cooperation for the 2025-2029 period on Tuesday.",
     "a protocol on defence cooperation for the 2025-2029 period"),
    ("Russia pulled out of the Intermediate-Range Nuclear Forces Treaty with the United States in 2019.",
     "the Intermediate-Range Nuclear Forces Treaty with the United States"),
    ("Negotiations on a status of forces agreement between Japan and Vietnam were well advanced, officials said.",
     "a status of forces agreement between Japan and Vietnam"),
    ("Japan and Vietnam agreed to promote cooperation under the agreement on the transfer of defence equipment "
     "and technology and the 2025 cooperation plan.", "the agreement on the transfer of defence equipment and technology"),
    ("Businesses said the Việt Nam–Korea Free Trade Agreement (VKFTA), in force since 2015, had helped exports.",
     "the Việt Nam–Korea Free Trade Agreement (VKFTA)"),
    ("The two sides agreed to carry out the protocol on defence cooperation for the 2025-2029 period in a "
     "comprehensive and effective manner.", "the protocol on defence cooperation for the 2025-2029 period"),
])
def test_names_leave_out_circumstances(text, name):
    found = extract(text, published="2025-05-01").agreements
    assert name in [a.name for a in found]


@pytest.mark.parametrize("text", [
    "SEOUL (Yonhap) -- Samsung Electronics signed an agreement with Hyundai Motor on Tuesday to supply chips.",
    "HANOI (VNA) -- Vietnam beat Thailand 3-1 in the final on Sunday, with the coach saying the players had "
    "honoured their agreement to press high.",
    "JAKARTA (Antara) -- PT Pindad and Vietnam Motors Corp signed a memorandum of understanding on Tuesday.",
    "Vietnamese and Japanese businesses signed 20 cooperation agreements worth $5 billion on Tuesday.",
    # a firm described by its trade before its name
    "Brazilian planemaker Embraer on Monday signed a contract with the Netherlands for five transport "
    "aircraft.",
])
def test_no_agreement_between_firms_or_teams(text):
    assert agreements(text) == set()


@pytest.mark.parametrize("text, parties", [
    ("The DND and Japan's Ministry of Defense signed a memorandum of understanding on Tuesday.", ("JPN", "PHL")),
    ("The Indian Navy and the Vietnam People's Navy signed a memorandum of understanding on white shipping.",
     ("IND", "VNM")),
    ("Vietnam's Viettel Group and the Indonesian Defence Ministry signed a memorandum of understanding on Tuesday.",
     ("IDN", "VNM")),
])
def test_state_bodies_sign_agreements(text, parties):
    [found] = extract(text, published="2025-05-01").agreements
    assert tuple(found.parties) == parties


@pytest.mark.parametrize("text, expected", [
    ("The two countries sealed a defence deal on Tuesday.", ("agreement", (), None, None, "signed", "2025-04-29")),
    ("Brazil and Argentina stopped short of signing a long-discussed deal on armored vehicles.",
     ("agreement", ("ARG", "BRA"), None, None, "negotiating", None)),
    ("Japan and Vietnam failed to sign the agreement on Tuesday.", ("agreement", ("JPN", "VNM"), None, None, "negotiating", None)),
    ("Australia and Britain are close to a deal on submarine cooperation.",
     ("agreement", ("AUS", "GBR"), None, None, "mentioned", None)),
])
def test_deals(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text", [
    "Officials said a great deal of work remained before the two sides could deal with the dispute.",
    "Vietnam Airlines signed a deal with Boeing Co for 50 aircraft on Tuesday.",
    # a sale told in passing with no two states named is a firm's business, not the report's pair's
    "SEOUL (Yonhap) -- South Korea and Poland held talks on Tuesday. The shipbuilder's profit rose on export "
    "orders, and domestic contracts for radars and a 300 billion won deal for frigates also helped.",
])
def test_no_deal(text):
    assert agreements(text) == set()


def test_sale_in_passing_binds_the_states_its_sentence_names():
    text = ("BEIJING (Reuters) -- China sanctioned two arms firms on Friday. The sanctions answered a $50 million "
            "deal approved by Canada for the upkeep of the Philippines' patrol aircraft.")
    assert agreements(text) == {("agreement", ("CAN", "PHL"), None, None, "mentioned", None)}


@pytest.mark.parametrize("text, expected", [
    # entry into force is the act of the day: implemented
    ("SEOUL (Yonhap) -- The defence cooperation agreement between South Korea and Poland entered into force on "
     "Thursday, the foreign ministry said.", ("agreement", ("KOR", "POL"), None, None, "implemented", None)),
    ("The Japan-Philippines Reciprocal Access Agreement came into force on Wednesday, officials in Manila said.",
     ("agreement", ("JPN", "PHL"), None, None, "implemented", None)),
    ("TOKYO (Kyodo) -- The reciprocal access agreement between Japan and Britain took effect on Tuesday after "
     "the two governments exchanged diplomatic notes.", ("agreement", ("GBR", "JPN"), None, None, "implemented", None)),
    ("CANBERRA (AFP) - Australia and Indonesia exchanged instruments of ratification of their defence "
     "cooperation agreement on Tuesday, bringing it into force.", ("agreement", ("AUS", "IDN"), None, None, "implemented", None)),
    ("MINSK (BelTA) -- The security treaty between Russia and Belarus was ratified by both parliaments and "
     "entered into force on Monday.", ("treaty", ("BLR", "RUS"), None, None, "implemented", None)),
    ("Manila hailed the entry into force of the reciprocal access agreement between Japan and the Philippines "
     "on Wednesday.", ("agreement", ("JPN", "PHL"), None, None, "implemented", None)),
    ("The status of forces agreement between Japan and the Philippines became effective on Wednesday.",
     ("agreement", ("JPN", "PHL"), None, None, "implemented", None)),
    # not yet, to come, or background: no act of the day
    ("The agreement between Japan and the Philippines will enter into force after ratification by the Diet.",
     ("agreement", ("JPN", "PHL"), None, None, "mentioned", None)),
    ("The reciprocal access agreement between Japan and the Philippines has not yet entered into force.",
     ("agreement", ("JPN", "PHL"), None, None, "mentioned", None)),
    ("The defence agreement between Japan and the Philippines entered into force in 2019.",
     ("agreement", ("JPN", "PHL"), None, None, "mentioned", None)),
    ("Japan and the Philippines discussed preparations for the entry into force of the reciprocal access agreement.",
     ("agreement", ("JPN", "PHL"), None, None, "mentioned", None)),
])
def test_entry_into_force(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a signing the report tells through who welcomed, attended or hosted it
    ("TOKYO (Kyodo) -- Japan welcomed the signing today of the defence equipment transfer agreement with Vietnam.",
     ("agreement", ("JPN", "VNM"), None, None, "signed", "2025-05-01")),
    ("KUALA LUMPUR (Bernama) -- Prime Minister Anwar Ibrahim and President Prabowo Subianto witnessed the signing "
     "of a memorandum of understanding on border security on Tuesday.", ("mou", ("IDN", "MYS"), None, None, "signed", "2025-04-29")),
    ("HANOI (VNA) -- Vietnamese President Luong Cuong and Lao President Thongloun Sisoulith attended the signing "
     "ceremony of a cooperation agreement on border management on Tuesday.",
     ("agreement", ("LAO", "VNM"), None, None, "signed", "2025-04-29")),
    ("NEW DELHI (PTI) -- The signing of the memorandum of understanding between India and Vietnam took place in "
     "Hanoi on Tuesday.", ("mou", ("IND", "VNM"), None, None, "signed", "2025-04-29")),
    # a signing to come
    ("Prime Minister Shigeru Ishiba and President Ferdinand Marcos Jr will attend the signing of the agreement "
     "between Japan and the Philippines on Friday.", ("agreement", ("JPN", "PHL"), None, None, "proposed", None)),
])
def test_signing_told_by_witnesses(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("HANOI (VNA) -- Vietnam and Laos signed a plan of military cooperation for 2026 on Tuesday.",
     ("annual_plan", ("LAO", "VNM"), 2026, 2026, "signed", "2025-04-29")),
    ("PHNOM PENH (Xinhua) -- Cambodia and Vietnam agreed to carry out the plan of defence and military "
     "cooperation for next year.", ("annual_plan", ("KHM", "VNM"), 2026, 2026, "agreed_to_implement", None)),
    ("The two defence ministries of Vietnam and Cambodia signed the 2026 defence cooperation plan on Tuesday.",
     ("annual_plan", ("KHM", "VNM"), 2026, 2026, "signed", "2025-04-29")),
])
def test_plan_of_cooperation_for_a_year(text, expected):
    assert one(text) == expected


def test_plan_of_cooperation_without_year_is_no_annual_plan():
    assert agreements("Vietnam and Laos agreed to draw up a plan of cooperation in the coming time.") == set()


@pytest.mark.parametrize("text, expected", [
    # a renewal denied or left undecided is no renewal (like an unsigned agreement: negotiating)
    ("NEW DELHI (PTI) -- India and Vietnam held talks on Tuesday. No decision was taken on renewing the "
     "memorandum of understanding on logistics support.", ("mou", ("IND", "VNM"), None, None, "negotiating", None)),
    ("India and Vietnam held talks on Tuesday. The two sides did not renew the MoU on logistics support.",
     ("mou", ("IND", "VNM"), None, None, "negotiating", None)),
    ("India and Vietnam held talks on Tuesday. The MoU on logistics support was not renewed.",
     ("mou", ("IND", "VNM"), None, None, "negotiating", None)),
    ("TOKYO (Kyodo) -- Japan and Vietnam did not agree to renew their memorandum on defence cooperation.",
     ("mou", ("JPN", "VNM"), None, None, "negotiating", None)),
    ("Indonesia and Malaysia failed to sign the border agreement on Tuesday.",
     ("agreement", ("IDN", "MYS"), None, None, "negotiating", None)),
])
def test_negated_renewal(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a renewal's end year, wherever the parser hangs it; its start only when given
    ("PARIS (AFP) - France and Singapore renewed the MoU for another five years, until 2030.",
     ("mou", ("FRA", "SGP"), None, 2030, "renewed", "2025-05-01")),
    ("NEW DELHI (PTI) -- India and Vietnam extended their memorandum of understanding on defence cooperation "
     "until 2030.", ("mou", ("IND", "VNM"), None, 2030, "renewed", "2025-05-01")),
    ("JAKARTA (Antara) -- Indonesia and Malaysia on Tuesday extended their border patrol agreement by five years "
     "to 2030.", ("agreement", ("IDN", "MYS"), None, 2030, "renewed", "2025-04-29")),
    ("Singapore and Australia renewed their memorandum of understanding on military training through 2031, "
     "the ministry said.", ("mou", ("AUS", "SGP"), None, 2031, "renewed", "2025-05-01")),
    ("Singapore and France renewed the defence cooperation agreement for the 2026-2030 period on Monday.",
     ("agreement", ("FRA", "SGP"), 2026, 2030, "renewed", "2025-04-28")),
])
def test_renewal_period(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text, parties", [
    # an instrument with a third state: its holder and the "with" state, not the report's main pair
    ("MANILA (PNA) -- Philippine Defense Secretary Gilberto Teodoro met Japanese Defense Minister Gen Nakatani in "
     "Tokyo on Tuesday. The Philippines invoked its Mutual Defense Treaty with the United States last year, "
     "Teodoro said.", ("PHL", "USA")),
    ("MANILA (Reuters) - Philippine Defense Secretary Gilberto Teodoro met Japanese Defense Minister Gen Nakatani "
     "in Tokyo on Tuesday. Teodoro said Manila would rely on its Mutual Defense Treaty with Washington.", ("PHL", "USA")),
    ("SEOUL (Yonhap) -- South Korean Defense Minister Shin Won-sik met Australian Defence Minister Richard Marles "
     "in Seoul on Tuesday. Seoul values its alliance treaty with Washington, Shin said.", ("KOR", "USA")),
    ("TOKYO (Kyodo) -- Japanese Defense Minister Gen Nakatani met Vietnamese Defence Minister Phan Van Giang in "
     "Tokyo on Tuesday. Japan's security treaty with the United States remains the cornerstone of its defence, "
     "Nakatani said.", ("JPN", "USA")),
])
def test_parties_of_an_instrument_with_a_third_state(text, parties):
    [found] = extract(text, published="2025-05-01").agreements
    assert tuple(found.parties) == parties


@pytest.mark.parametrize("text, expected", [
    # a tally of like instruments: one per state named, dated only when the tally's signing is of the day
    ("KYIV (Reuters) - Ukrainian President Volodymyr Zelensky met Japanese Prime Minister Fumio Kishida in Kyiv on "
     "Tuesday. Kyiv has signed similar agreements with 15 countries, starting with the United Kingdom.",
     {("agreement", ("GBR", "UKR"), None, None, "mentioned", None)}),
    ("TOKYO (Kyodo) -- Japanese Defense Minister Gen Nakatani met Vietnamese Defence Minister Phan Van Giang in "
     "Tokyo on Tuesday. Japan has concluded such pacts with seven countries, including Australia and the Philippines.",
     {("agreement", ("AUS", "JPN"), None, None, "mentioned", None),
      ("agreement", ("JPN", "PHL"), None, None, "mentioned", None)}),
    ("PARIS (AFP) - France on Tuesday signed defence cooperation agreements with three countries, including "
     "Singapore and Vietnam.", {("agreement", ("FRA", "SGP"), None, None, "signed", "2025-04-29"),
                                ("agreement", ("FRA", "VNM"), None, None, "signed", "2025-04-29")}),
    # a tally that names no state is no instrument of the report's pair
    ("HANOI (VNA) -- Vietnamese Defence Minister Phan Van Giang met Indian Defence Minister Rajnath Singh in Hanoi "
     "on Tuesday. Vietnam has signed defence cooperation MoUs with more than 20 countries.", set()),
])
def test_tally_of_partners(text, expected):
    assert agreements(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bare "the agreement" names the instrument told of before, whatever its kind
    ("KUALA LUMPUR (Bernama) -- Malaysia and Thailand signed the minutes of the 57th General Border Committee "
     "meeting on Tuesday. The agreement calls for joint patrols along the border.",
     {("minutes", ("MYS", "THA"), None, None, "signed", "2025-04-29")}),
    # ... and what it says of it is the instrument's status
    ("MANILA (PNA) -- The Philippines and Japan signed the reciprocal access agreement in Manila in July last year. "
     "The agreement entered into force on Wednesday, the DFA said.",
     {("agreement", ("JPN", "PHL"), None, None, "implemented", None)}),
    ("NEW DELHI (PTI) -- India and Japan had planned to sign an agreement on the co-development of radar masts "
     "on Thursday. The agreement will now not be signed this week, officials said.",
     {("agreement", ("IND", "JPN"), None, None, "negotiating", None)}),
    ("HANOI (VNA) -- Vietnam and Laos signed a memorandum of understanding on border management and the 2026 "
     "defence cooperation plan on Tuesday. The two deals will be implemented from next month.",
     {("mou", ("LAO", "VNM"), None, None, "signed", "2025-04-29"),
      ("annual_plan", ("LAO", "VNM"), 2026, 2026, "signed", "2025-04-29")}),
    # with nothing before it, it is an instrument of its own
    ("SEOUL (Yonhap) -- The agreement between South Korea and Poland entered into force on Thursday, the foreign "
     "ministry said.", {("agreement", ("KOR", "POL"), None, None, "implemented", None)}),
])
def test_back_reference_is_no_second_document(text, expected):
    assert agreements(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a relation called a deal is no document ...
    ("BEIJING (Xinhua) -- China and Vietnam agreed on Tuesday on a comprehensive strategic partnership deal.", set()),
    ("MOSCOW (TASS) - Russia and Iran are working on a strategic partnership deal, the Kremlin said on Tuesday.", set()),
    ("The two leaders hailed the strategic partnership pact as a milestone in relations between India and Vietnam.",
     set()),
    # ... unless the report has it signed, or names a document
    ("MOSCOW (TASS) - Russia and Iran signed a comprehensive strategic partnership deal on Tuesday.",
     {("agreement", ("IRN", "RUS"), None, None, "signed", "2025-04-29")}),
    ("Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership in Pyongyang on Tuesday.",
     {("treaty", ("PRK", "RUS"), None, None, "signed", "2025-04-29")}),
])
def test_partnership_deal_is_no_document_unless_signed(text, expected):
    assert agreements(text) == expected


@pytest.mark.parametrize("text, expected", [
    # more ways of telling entry into force, a signing, a plan, a renewal and a denial
    ("LONDON (Reuters) - The defence cooperation agreement between Japan and Britain, which entered into force on "
     "Thursday, allows joint exercises.", ("agreement", ("GBR", "JPN"), None, None, "implemented", None)),
    ("TOKYO (Kyodo) -- Japan and Britain exchanged diplomatic notes on Thursday, bringing the reciprocal access "
     "agreement into force.", ("agreement", ("GBR", "JPN"), None, None, "implemented", None)),
    ("SEOUL (Yonhap) -- The defence cooperation agreement between South Korea and Poland enters into force today.",
     ("agreement", ("KOR", "POL"), None, None, "implemented", None)),
    ("SEOUL (Yonhap) -- The defence cooperation agreement between South Korea and Poland takes effect next month.",
     ("agreement", ("KOR", "POL"), None, None, "mentioned", None)),
    ("Japan and Vietnam welcomed the signing of the memorandum of understanding on defence industry cooperation "
     "on Tuesday.", ("mou", ("JPN", "VNM"), None, None, "signed", "2025-04-29")),
    ("NEW DELHI (PTI) -- The two prime ministers presided over the signing ceremony for the agreement between "
     "India and Vietnam on cybersecurity on Monday.", ("agreement", ("IND", "VNM"), None, None, "signed", "2025-04-28")),
    ("VIENTIANE (KPL) -- Vietnam and Laos signed a plan on defence cooperation for 2026 on Tuesday.",
     ("annual_plan", ("LAO", "VNM"), 2026, 2026, "signed", "2025-04-29")),
    ("India and Vietnam have yet to renew the memorandum of understanding on logistics support.",
     ("mou", ("IND", "VNM"), None, None, "negotiating", None)),
    ("The renewal of the memorandum of understanding between India and Vietnam was not discussed.",
     ("mou", ("IND", "VNM"), None, None, "negotiating", None)),
    ("India and Vietnam agreed to the renewal of their memorandum of understanding on logistics support until 2030.",
     ("mou", ("IND", "VNM"), None, 2030, "renewed", None)),
    ("KUALA LUMPUR (Bernama) -- The memorandum of understanding between Malaysia and Indonesia is yet to be signed.",
     ("mou", ("IDN", "MYS"), None, None, "negotiating", None)),
])
def test_more_phrasings(text, expected):
    assert one(text) == expected


def test_tally_with_listing_but_no_count():
    assert agreements("HANOI (VNS) -- Vietnam has signed defence cooperation agreements with countries such as "
                      "India and Japan.") == {("agreement", ("IND", "VNM"), None, None, "mentioned", None),
                                              ("agreement", ("JPN", "VNM"), None, None, "mentioned", None)}


@pytest.mark.parametrize("text, expected", [
    # plural names
    ("ANKARA (Anadolu) - Turkish and Egyptian ministers signed 17 memorandums of understanding on Wednesday.",
     {("mou", ("EGY", "TUR"), None, None, "signed", "2025-04-30")}),
    ("HANOI (VNA) -- Vietnam and India signed two MoUs on Tuesday.",
     {("mou", ("IND", "VNM"), None, None, "signed", "2025-04-29")}),
    ("CANBERRA (AAP) - Australia has signed similar defence treaties with two other Pacific countries, starting "
     "with Nauru.", {("treaty", ("AUS", "NRU"), None, None, "mentioned", None)}),
    # "bringing ... into force" told of the notes the states exchanged
    ("TOKYO (Kyodo) -- Japan and the Philippines on Thursday exchanged diplomatic notes bringing their Reciprocal "
     "Access Agreement into force.", {("agreement", ("JPN", "PHL"), None, None, "implemented", None)}),
    # a bare "the MoU" after a renewed MoU is that MoU
    ("SINGAPORE (AFP) - Singapore and France renewed their memorandum of understanding on defence cooperation "
     "until 2030 on Thursday. The MoU was first signed in 2015.",
     {("mou", ("FRA", "SGP"), None, 2030, "renewed", "2025-05-01")}),
])
def test_plurals_and_references(text, expected):
    assert agreements(text) == expected


def test_passive_signatories_of_a_back_reference():
    text = ("CANBERRA (AAP) - Australian Prime Minister Anthony Albanese welcomed the signing today of the Pukpuk "
            "Treaty with Papua New Guinea. The treaty was signed by Defence Minister Richard Marles and his PNG "
            "counterpart Billy Joseph in Port Moresby.")
    r = extract(text, published="2025-05-01")
    [treaty] = r.agreements
    names = {p.id: p.name for p in r.persons}
    assert (treaty.status, treaty.signed_on) == ("signed", "2025-05-01")
    assert {names[i] for i in treaty.signatories} == {"Richard Marles", "Billy Joseph"}


@pytest.mark.parametrize("text, expected", [
    # a signing told in a clause on the name: background gives its day, the report's day its act
    ("TOKYO (Kyodo) -- Japan and the Philippines held talks in Tokyo on Thursday. The Reciprocal Access Agreement "
     "between Japan and the Philippines, signed in Manila on July 8, 2024, entered into force on the same day.",
     ("agreement", ("JPN", "PHL"), None, None, "implemented", "2024-07-08")),
    ("HANOI (VNA) -- The memorandum of understanding between Vietnam and Laos, signed on Tuesday in Hanoi, covers "
     "training and logistics.", ("mou", ("LAO", "VNM"), None, None, "signed", "2025-04-29")),
])
def test_signing_in_a_clause(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a signing the report was at; a renewal told in a clause
    ("CANBERRA (AAP) - Speaking at the signing ceremony of the security treaty between Australia and Papua New "
     "Guinea on Tuesday, Marles said the pact was historic.", ("treaty", ("AUS", "PNG"), None, None, "signed", "2025-04-29")),
    ("NEW DELHI (PTI) -- The two ministers met after the signing of the MoU between India and Vietnam on Tuesday.",
     ("mou", ("IND", "VNM"), None, None, "signed", "2025-04-29")),
    ("Albanese will speak at the signing of the treaty between Australia and Papua New Guinea on Friday.",
     ("treaty", ("AUS", "PNG"), None, None, "proposed", None)),
    # a signing as the outcome of a visit or talks
    ("NAIROBI (Reuters) - The visit of the Kenyan president to Brazil on Tuesday resulted in the signing of "
     "three memorandums of understanding on agriculture, health and defence.",
     ("mou", ("BRA", "KEN"), None, None, "signed", "2025-04-29")),
    ("The visit of the Kenyan president to Brazil next week will result in the signing of a memorandum of "
     "understanding on defence.", ("mou", ("BRA", "KEN"), None, None, "proposed", None)),
    ("SINGAPORE (AFP) - The memorandum of understanding between Singapore and France, which was renewed on Monday "
     "until 2030, covers training.", ("mou", ("FRA", "SGP"), None, 2030, "renewed", "2025-04-28")),
])
def test_signing_attended_and_renewal_in_a_clause(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an exchange of notes that brings the instrument into force
    ("TOKYO (Kyodo) -- Japan and the Philippines exchanged diplomatic notes on Wednesday to bring the Reciprocal "
     "Access Agreement into force.", ("agreement", ("JPN", "PHL"), None, None, "implemented", None)),
    ("MANILA (PNA) -- Japan and the Philippines exchanged diplomatic notes on Wednesday to bring into force the "
     "Reciprocal Access Agreement.", ("agreement", ("JPN", "PHL"), None, None, "implemented", None)),
    ("TOKYO (Kyodo) -- Japan and the Philippines on Wednesday exchanged notes on the entry into force of the "
     "Reciprocal Access Agreement.", ("agreement", ("JPN", "PHL"), None, None, "implemented", None)),
    ("TOKYO (Kyodo) -- Japan and the Philippines on Wednesday exchanged diplomatic notes for the Reciprocal Access "
     "Agreement, which will take effect next month.", ("agreement", ("JPN", "PHL"), None, None, "mentioned", None)),
])
def test_exchange_of_notes_bringing_into_force(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text", [
    # a meeting of minds is no document
    "HANOI (VNA) -- Vietnam and Laos reached an agreement to boost defence cooperation on Tuesday.",
    "VIENTIANE (KPL) -- Vietnam and Laos reached agreement on holding joint patrols along the border.",
    "HANOI (VNS) -- The ministers of Vietnam and Laos expressed agreement on the need to strengthen cooperation.",
    "TOKYO (Kyodo) -- Japan and Vietnam agreed on Tuesday to boost defence ties. The agreement came during talks "
    "in Tokyo.",
])
def test_consensus_is_no_document(text):
    assert agreements(text) == set()


def test_renewal_beside_a_signing_keeps_its_period():
    text = ("JAKARTA (Antara) -- Indonesia and Turkiye signed a plan of military cooperation for 2026 on Tuesday, "
            "and renewed the memorandum of understanding on defence industry cooperation for another five years, "
            "until 2030. No decision was taken on renewing the memorandum on military training, officials said.")
    assert agreements(text) == {("annual_plan", ("IDN", "TUR"), 2026, 2026, "signed", "2025-04-29"),
                                ("mou", ("IDN", "TUR"), None, 2030, "renewed", "2025-04-29"),
                                ("mou", ("IDN", "TUR"), None, None, "negotiating", None)}


@pytest.mark.parametrize("text", [
    # a batch told by a generic plural names no instrument of its own
    "Vietnam and Laos signed 12 accords covering trade, energy and education on Tuesday.",
    "Egypt and China signed nine cooperation agreements, including transport and health pacts, on Tuesday.",
    "Trade and cultural agreements were signed by Kenya and Japan on Tuesday.",
    # a count of minutes is a stretch of time
    "Vietnam scored twice in the last 15 minutes of the match against Cambodia on Tuesday.",
])
def test_no_identifiable_instrument(text):
    assert agreements(text) == set()


def test_batch_of_a_named_kind_is_kept():
    assert agreements("India and Sri Lanka signed seven memorandums of understanding on Tuesday.") == {
        ("mou", ("IND", "LKA"), None, None, "signed", "2025-04-29")}


@pytest.mark.parametrize("text, expected", [
    # a convention is a treaty, terms of reference are `other`, a declaration on a subject a joint statement
    ("France summoned the Chinese ambassador on Tuesday, citing the Vienna Convention on Diplomatic Relations.",
     ("treaty", ("CHN", "FRA"), None, None, "mentioned", None)),
    ("The army chiefs of India and Cambodia signed the Terms of Reference for staff talks on Tuesday.",
     ("other", ("IND", "KHM"), None, None, "signed", "2025-04-29")),
    ("Ethiopia and Somalia signed the Ankara Declaration on Tuesday.",
     ("joint_statement", ("ETH", "SOM"), None, None, "signed", "2025-04-29")),
])
def test_more_instrument_words(text, expected):
    assert one(text) == expected


def test_a_party_convention_is_no_treaty():
    assert agreements("The ruling party held its national convention in Chicago on Tuesday.") == set()


@pytest.mark.parametrize("text, expected", [
    # a verb joined to a planned one is planned too ("to meet ... and sign")
    ("Japan and Australia signed a joint statement on Tuesday calling on their ministers to meet early next year "
     "and sign the reciprocal access agreement as soon as possible.",
     {("joint_statement", ("AUS", "JPN"), None, None, "signed", "2025-04-29"),
      ("agreement", ("AUS", "JPN"), None, None, "proposed", None)}),
    # ... but not a done act the parser happens to join to an infinitive
    ("Relations improved after the US president moved to reset ties with Russia and signed an arms control "
     "treaty with Moscow in 2010.", {("treaty", ("RUS", "USA"), None, None, "mentioned", None)}),
    # "a protocol of understanding" is an MoU
    ("Finland and Sweden signed a protocol of understanding on defence cooperation on Tuesday.",
     {("mou", ("FIN", "SWE"), None, None, "signed", "2025-04-29")}),
    # what an anniversary marks was signed long ago
    ("The two ministers attended the signing of a logistics document at the celebration of the 20th anniversary "
     "of the defence cooperation agreement between Qatar and France on Tuesday.",
     {("agreement", ("FRA", "QAT"), None, None, "mentioned", None)}),
])
def test_planned_and_commemorated(text, expected):
    assert agreements(text) == expected


def test_bare_word_names_the_instrument_just_told():
    text = ("Turkish Foreign Minister Hakan Fidan met Bahraini Foreign Minister Abdullatif al-Zayani in New York on "
            "Tuesday. Fidan praised Bahrain. Turkey and Panama signed a memorandum of understanding on political "
            "consultations. The deal was inked after the meeting.")
    assert agreements(text) == {("mou", ("PAN", "TUR"), None, None, "signed", "2025-04-29")}


@pytest.mark.parametrize("text, status", [
    # settled but not signed: agreed on as the nearest verb
    ("The defence ministers of Norway and Sweden agreed on Tuesday on the text of the cross-border "
     "military mobility agreement, which will be signed in June.", "agreed_to_implement"),
    # the nearer verb decides: working towards an instrument is a plan
    ("Norway and Sweden agreed on Tuesday to work towards a new agreement on military mobility.", "proposed"),
])
def test_agreed_on_an_instrument(text, status):
    assert one(text)[4] == status


def test_same_name_with_fewer_parties_is_the_same_instrument():
    text = ("The defence ministers of Estonia, Latvia and Lithuania agreed on Tuesday on the text of the Baltic "
            "military mobility cooperation agreement. \u201cToday we agreed on the approval of a Baltic military "
            "mobility cooperation agreement,\u201d said Estonian Defence Minister Kalle Laanet, who hosted his "
            "Latvian counterpart.")
    assert agreements(text) == {("agreement", ("EST", "LTU", "LVA"), None, None, "agreed_to_implement", None)}


@pytest.mark.parametrize("text", [
    # an instrument word that only describes a relation names no document
    "US Defense Secretary Lloyd Austin met Thai Defence Minister Sutin Klungsang in Bangkok on Tuesday and "
    "stressed the importance of Thailand as a treaty ally.",
    "Japan and India agreed on Tuesday to raise their ties to treaty-level ties.",
])
def test_attributive_instrument_word(text):
    assert agreements(text) == set()


def test_deal_with_powers_led_by_a_state():
    # the partners are the powers the sentence lists, not the report's main pair
    text = ("Saudi Arabia cut ties with Iran on Monday. In 2015, Iran secured a nuclear deal with world powers "
            "led by the United States.")
    assert agreements(text) == {("agreement", ("IRN", "USA"), None, None, "mentioned", None)}


def test_statement_of_intent_is_a_letter_of_intent():
    assert agreements("Argentina and Denmark signed a joint statement of intent on the sale of F-16 jets on Tuesday.") == {
        ("other", ("ARG", "DNK"), None, None, "signed", "2025-04-29")}


def test_photo_credit_is_no_arrangement():
    text = "India delivered the first batch of missiles to the Philippines on Friday. | Photo Credit: Special Arrangement"
    assert agreements(text) == set()


@pytest.mark.parametrize("text, expected", [
    # a joint statement that says something was issued
    ("Indian Prime Minister Narendra Modi held talks with French President Emmanuel Macron in New Delhi on Tuesday. "
     "In a joint statement, the two sides said they would step up cooperation on counterterrorism.",
     {("joint_statement", ("FRA", "IND"), None, None, "signed", "2025-04-29")}),
    ("Indian Prime Minister Narendra Modi held talks with French President Emmanuel Macron in New Delhi on Tuesday. "
     "The two leaders will say in a joint statement that they will step up cooperation.",
     {("joint_statement", ("FRA", "IND"), None, None, "mentioned", None)}),
    # an instrument whose period is over is no plan
    ("Some 70 Vietnamese officers study in Cambodia this year, 20 more than under the 2015-2019 agreement between "
     "Vietnam and Cambodia.", {("agreement", ("KHM", "VNM"), 2015, 2019, "mentioned", None)}),
])
def test_statement_issued_and_period_over(text, expected):
    assert agreements(text) == expected


def test_the_joint_statement_names_the_one_told_before():
    text = ("China, Iran and Saudi Arabia signed a joint statement in Beijing on Friday. Saudi Arabia and Iran agreed "
            "to reopen their embassies, the joint statement said.")
    assert agreements(text, published="2025-05-02") == {
        ("joint_statement", ("CHN", "IRN", "SAU"), None, None, "signed", "2025-05-02")}


def test_the_treaty_is_another_word_for_the_instrument_told_before():
    text = ("Japanese Prime Minister Shigeru Ishiba and Australian Prime Minister Anthony Albanese agreed in Tokyo on "
            "Tuesday on the broad terms of a reciprocal access pact. Tokyo and Canberra have been negotiating the "
            "treaty since 2014.")
    assert agreements(text) == {("agreement", ("AUS", "JPN"), None, None, "agreed_to_implement", None)}


@pytest.mark.parametrize("text, expected", [
    # a cooperation plan signed with no year is a plan of action; one only talked of is nothing
    ("The defence ministries of Uzbekistan and Kazakhstan signed a military cooperation plan on Tuesday.",
     {("action_plan", ("KAZ", "UZB"), None, None, "signed", "2025-04-29")}),
    ("Vietnam and Laos discussed implementation plans on Tuesday.", set()),
])
def test_cooperation_plan_without_a_year(text, expected):
    assert agreements(text) == expected


def test_a_defining_clause_makes_no_back_reference():
    text = ("Kuwait and Iraq signed a memorandum of understanding on consular affairs on Tuesday. Kuwait urged Iraq to "
            "restore the agreement regulating navigation in the Shatt al-Arab, which a court struck down in 2023.")
    assert agreements(text) == {("mou", ("IRQ", "KWT"), None, None, "signed", "2025-04-29"),
                                ("agreement", ("IRQ", "KWT"), None, None, "mentioned", None)}


@pytest.mark.parametrize("text, expected", [
    # a relation raised to a partnership on the report's day: an instrument the sides are to implement
    ("The presidents of Kenya and Brazil decided on Tuesday to lift the bilateral relationship to a "
     "comprehensive strategic partnership.",
     {("other", ("BRA", "KEN"), None, None, "agreed_to_implement", None)}),
    ("During the Kenyan president's visit to Brazil, both nations deepened their ties, elevating them to a "
     "comprehensive partnership with a focus on trade.",
     {("other", ("BRA", "KEN"), None, None, "agreed_to_implement", None)}),
    ("Kenya and Brazil will upgrade their relations to a strategic partnership during the visit next month.",
     {("other", ("BRA", "KEN"), None, None, "proposed", None)}),
    # raised long ago, or a partnership merely named: no record
    ("Kenya and Brazil upgraded their ties to a strategic partnership in 2014.", set()),
    ("The two sides praised the comprehensive strategic partnership between Kenya and Brazil.", set()),
    ("Kenya and Brazil agreed to deepen their strategic partnership in defence.", set()),
])
def test_relation_raised_to_a_partnership(text, expected):
    assert agreements(text) == expected


@pytest.mark.parametrize("text, status", [
    # an implementation one side asks of the other is no commitment the report tells
    ("Kenyan President William Ruto urged Brazil on Tuesday to implement the defence cooperation agreement "
     "between the two countries.", "mentioned"),
    ("Kenya and Brazil agreed on Tuesday to implement the defence cooperation agreement between the two "
     "countries.", "agreed_to_implement"),
])
def test_implementation_asked_of_one_side(text, status):
    [found] = extract(text, published="2025-05-01").agreements
    assert found.status == status


def test_contract_between_states():
    text = "Kenya and Brazil will sign the final contract for the purchase of 12 patrol boats next month."
    assert {a[:5] for a in agreements(text)} == {("agreement", ("BRA", "KEN"), None, None, "proposed")}


@pytest.mark.parametrize("text, expected", [
    # "the defence protocol" signed that day is the protocol of understanding named in full
    ("Kenyan Defence Minister Aden Duale and his Brazilian counterpart Jose Mucio signed the defence "
     "protocol in Nairobi on Monday. Kenya and Brazil on Monday signed a protocol of understanding on "
     "defense cooperation.",
     {("mou", ("BRA", "KEN"), None, None, "signed", "2025-04-28")}),
    # two instruments of one day whose names differ stay two
    ("Kenya and Brazil on Monday signed a protocol on maritime security and a memorandum of understanding on "
     "defence training.", {("protocol", ("BRA", "KEN"), None, None, "signed", "2025-04-28"),
                           ("mou", ("BRA", "KEN"), None, None, "signed", "2025-04-28")}),
])
def test_short_name_of_an_instrument_signed_that_day(text, expected):
    assert agreements(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an unsigned "a new deal" says no document
    ("Kenyan President William Ruto assured Brazil of Kenya's readiness to cut a new deal in helping "
     "Brazil.", set()),
    ("Kenya and Brazil hope to reach a big deal.", set()),
    # one that says what it is about, or what it is to do, does
    ("Kenya and Brazil are expected to sign a new defence deal next month.",
     {("agreement", ("BRA", "KEN"), None, None, "proposed", None)}),
    ("Kenya and Brazil agreed on Tuesday on broad terms of a pact to strengthen defence cooperation.",
     {("agreement", ("BRA", "KEN"), None, None, "agreed_to_implement", None)}),
])
def test_vague_deal_unsigned(text, expected):
    assert agreements(text) == expected


@pytest.mark.parametrize("text, status", [
    # a cue on the noun of the path: "the effective implementation of X" is to be carried out
    ("Kenyan Defence Minister Aden Duale said the visit would facilitate the effective implementation of "
     "the memorandum of understanding on defence cooperation signed in 2019 between Kenya and Brazil.",
     "agreed_to_implement"),
    ("Kenyan Defence Minister Aden Duale said the visit would facilitate the implementation of the "
     "memorandum of understanding on defence cooperation signed in 2019 between Kenya and Brazil.",
     "mentioned"),
])
def test_status_cue_on_a_noun(text, status):
    [found] = extract(text, published="2025-05-01").agreements
    assert found.status == status


@pytest.mark.parametrize("text, status", [
    # an outcome verb passes the status on to what came out
    ("Kenyan officials said the summit would likely result in the finalization of the Kenya-Brazil free "
     "trade agreement.", "negotiating"),
    ("The talks between Kenya and Brazil resulted in a review of the defence cooperation agreement.",
     "reviewed"),
])
def test_outcome_verbs(text, status):
    [found] = extract(text, published="2025-05-01").agreements
    assert found.status == status


def test_between_them_in_a_report_of_three_states():
    # "between them": the two states named together just before, not the report's main pair
    text = ("Kenya, Brazil and India issued a joint statement in Nairobi on Tuesday. India praised the "
            "talks. In the statement, the three countries announced that Kenya and Brazil had reached an "
            "understanding to resume diplomatic relations. They also agreed to activate the security "
            "cooperation agreement between them, signed in 2001.")
    assert ("agreement", ("BRA", "KEN"), None, None, "agreed_to_implement", None) in agreements(text)


def test_handover_certificate():
    # the certificate of a handover of donated equipment, signed by one official of each side
    text = ("At the ceremony in Nairobi on Tuesday, the Brazilian defence attache Colonel Joao Silva and Kenyan "
            "General Robert Kibochi signed the handover certificate for ten military trucks donated by Brazil.")
    assert agreements(text) == {("other", ("BRA", "KEN"), None, None, "signed", "2025-04-29")}


# ---- done or not: the auxiliaries come from cues.yaml (modality, tense), as the event coder's do ----

def _aux_doc(words, tags):
    """A hand-made "Chile <aux...> renewed the pact": every word before the verb is its auxiliary."""
    import spacy
    from spacy.tokens import Doc

    verb = len(words) - 3
    deps = ["nsubj"] + ["aux"] * (verb - 1) + ["ROOT", "det", "dobj"]
    heads = [verb] * (verb + 1) + [verb + 2, verb]
    pos = ["PROPN"] + ["AUX"] * (verb - 1) + ["VERB", "DET", "NOUN"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


@pytest.mark.parametrize("words, tags, done", [
    (["Chile", "renewed", "the", "pact"], ["NNP", "VBD", "DT", "NN"], True),
    (["Chile", "has", "renewed", "the", "pact"], ["NNP", "VBZ", "VBN", "DT", "NN"], True),
    (["Chile", "had", "renewed", "the", "pact"], ["NNP", "VBD", "VBN", "DT", "NN"], True),
    (["Chile", "should", "renew", "the", "pact"], ["NNP", "MD", "VB", "DT", "NN"], False),
    (["Chile", "can", "renew", "the", "pact"], ["NNP", "MD", "VB", "DT", "NN"], False),
    (["Chile", "'ll", "renew", "the", "pact"], ["NNP", "MD", "VB", "DT", "NN"], False),
    (["Chile", "might", "have", "renewed", "the", "pact"], ["NNP", "MD", "VB", "VBN", "DT", "NN"], False),
])
def test_agreements_done_or_not_by_the_cue_auxiliaries(words, tags, done):
    from comity.nlp.components.agreements import _future, _realised

    doc = _aux_doc(words, tags)
    verb = doc[len(words) - 3]
    assert _realised(verb) is done
    assert _future(verb) is (words[1] == "'ll")


@pytest.mark.parametrize("text, expected", [
    # a named arrangement that a generic word only describes is of kind `other`
    ("LONDON (PA) -- British and Norwegian marines trained together on Monday under the Northern Shield "
     "Initiative - a defence pact between the two nations.",
     {("other", ("GBR", "NOR"), None, None, "mentioned", None)}),
    # a name that says its kind keeps it
    ("Japan and India reaffirmed their commitment to the Tokyo Accord, a security pact between the two nations.",
     {("agreement", ("IND", "JPN"), None, None, "mentioned", None)}),
])
def test_arrangement_described_as_a_pact(text, expected):
    assert agreements(text) == expected


def test_states_joined_in_one_name_are_the_parties_of_an_unplaced_plan():
    text = ("HANOI (VNA) -- Vietnam and Laos will hold a border exchange next week. Under the 2026 cooperation "
            "plan of the countries' border guards, the exchange is to deepen Vietnam-Laos-Thailand trust.")
    assert ("annual_plan", ("LAO", "THA", "VNM"), 2026, 2026) in {a[:4] for a in agreements(text)}


def test_the_agreement_after_an_agreeing_is_between_those_who_agreed():
    text = ("CANBERRA (AAP) -- Australia and Fiji held talks on Monday. Poland and a group of Nordic buyers "
            "led by Sweden and Norway have agreed in principle on the purchase of 30 trainer aircraft. "
            "The final deal is due to be signed in the spring.")
    assert ("agreement", ("NOR", "POL", "SWE"), None, None, "proposed", None) in agreements(text)


def test_one_deal_with_a_group_led_by_a_state_is_an_instrument_with_that_state():
    # the parser leaves "secured" without a subject ("after Iran ... secured"): still one deal, not a tally
    text = "Oil prices rose after Iran last year secured a nuclear deal with world powers led by the United States."
    assert agreements(text) == {("agreement", ("IRN", "USA"), None, None, "mentioned", None)}


def test_an_instrument_with_no_states_of_its_own_shares_those_of_the_one_before_in_its_sentence():
    text = ("BEIJING (Xinhua) -- Chinese Foreign Minister Wang Yi hosted talks in Beijing on Friday, and China "
            "welcomed the outcome. Saudi Arabia and Iran agreed to resume diplomatic relations. They also agreed "
            "to activate the security cooperation agreement between them, signed in 2001, and the general "
            "agreement for cooperation in the field of trade and culture, the joint statement read.")
    assert agreements(text) == {("agreement", ("IRN", "SAU"), None, None, "agreed_to_implement", None)}


def test_a_headline_deal_is_the_instrument_the_body_names():
    text = ("India, Brazil sign deal on defence cooperation\n\nNEW DELHI -- India and Brazil signed a memorandum "
            "of understanding on defence industry cooperation on Tuesday.")
    assert agreements(text) == {("mou", ("BRA", "IND"), None, None, "signed", "2025-04-29")}


@pytest.mark.parametrize("text, status", [
    # an act to come under an instrument pledges to carry it out
    ("Japan and Vietnam agreed on Tuesday that the two countries will expand cooperation under the agreement on "
     "the transfer of defence equipment, which was signed in 2021.", "agreed_to_implement"),
    # what the instrument provides, and a done act under it, are no pledge
    ("Under the defence cooperation agreement between Singapore and Indonesia, Singaporean troops will be "
     "allowed to train in Indonesian airspace.", "mentioned"),
    ("The port call by the US Navy in Vietnam was conducted under the 2011 memorandum of understanding on "
     "defence cooperation.", "mentioned"),
    # an act that is one of the instrument's activities carries it out
    ("As part of activities in the 2024 defence cooperation plan between Vietnam and Laos, the two armies held "
     "a joint border patrol on Tuesday.", "implemented"),
    # a talk about an instrument in force reviews it
    ("Omani Defence Minister Shihab met British Defence Secretary Ben Wallace on Tuesday. The two sides touched "
     "upon the joint defence agreement and emphasised its importance.", "reviewed"),
])
def test_acts_framed_by_an_instrument(text, status):
    assert {a[4] for a in agreements(text)} == {status}


@pytest.mark.parametrize("text, expected", [
    # a partnership of a proper name that was set up is a framework the report names
    ("LAGOS -- The British ship RFA Lyme Bay arrived in Lagos on Monday. The visit, under the framework of the "
     "UK-Nigeria Security and Defence Partnership, established earlier this year, includes stops in Nigeria and "
     "Ghana.", {("other", ("GBR", "NGA"), None, None, "mentioned", None)}),
    ("CANBERRA -- Australia and Indonesia launched the Indo-Pacific Maritime Partnership on Tuesday.",
     {("other", ("AUS", "IDN"), None, None, "agreed_to_implement", None)}),
    # a relation in lower case, or one merely named, is none
    ("HANOI -- Vietnam and the US held talks on Tuesday. The visit contributed to the comprehensive strategic "
     "partnership that Vietnam and the US established in September last year.", set()),
    ("HANOI -- Vietnam and Laos held talks on Tuesday to deepen the Vietnam-Laos Comprehensive Strategic "
     "Partnership.", set()),
])
def test_established_partnership_of_a_proper_name(text, expected):
    assert agreements(text) == expected
