"""identity_key: which per-report mentions are the same instrument."""
import pytest

from comity.link import identity_key, normalise_name
from comity.link.agreements import core_name

from .records import agreement


def test_identity_key_by_period_whatever_the_name():
    a = agreement("protocol", period=(2025, 2029), name="the protocol on defence cooperation for the 2025–29 period")
    b = agreement("protocol", ("VNM", "LAO"), (2025, 2029), name="their defense cooperation protocol for 2025-2029")
    assert identity_key(a) == identity_key(b) == "protocol|LAO-VNM|2025-2029"


@pytest.mark.parametrize("other", [
    agreement("protocol", period=(2020, 2024)),
    agreement("protocol", ("KHM", "VNM"), (2025, 2029)),
    agreement("action_plan", period=(2025, 2029)),
    agreement("protocol", ("KHM", "LAO", "VNM"), (2025, 2029)),
])
def test_identity_key_period_kind_and_parties_all_count(other):
    assert identity_key(agreement("protocol", period=(2025, 2029))) != identity_key(other)


def test_identity_key_period_known_at_one_end():
    roadmap = agreement("other", ("RUS", "VNM"), (None, 2030), name="roadmap for military cooperation until 2030")
    assert identity_key(roadmap) == "other|RUS-VNM|-2030"


@pytest.mark.parametrize("a, b", [
    ("Memorandum of Understanding on cooperation in military and defence law",
     "MoU on military and defense law cooperation"),
    ("a Memorandum of Understanding on Cooperation in Military and Defence Law",
     "the memorandum of understanding on military and defence laws"),
    ("Việt Nam–Laos MoU on defence law", "Vietnam-Laos memorandum on defense law"),
    ("Lao-Vietnamese MoU on defence law", "MoU on defence law"),
    ("MoU on standardization of military equipment", "MoU on the standardisation of military equipment"),
    ("MoU on co-operation in defence industry", "MoU on defence industry cooperation"),
    ("memorandum of understanding on defence industry cooperation in New Delhi",
     "MoU on defence industry cooperation"),
    ("MoU on defence law, which was signed in 2021", "MoU on defence law"),
    ("2011 memorandum of understanding on advancing defence cooperation",
     "MoU on advancing defence cooperation"),
    ("MoU on mutual logistics support (MLSA)", "MoU on mutual logistic support"),
])
def test_identity_key_same_mou_across_spellings(a, b):
    assert identity_key(agreement(name=a)) == identity_key(agreement(name=b))


@pytest.mark.parametrize("a, b", [
    ("MoU on defence law", "MoU on defence industry"),
    ("MoU on search and rescue", "MoU on search and rescue training"),
])
def test_identity_key_different_content_words_stay_apart(a, b):
    assert identity_key(agreement(name=a)) != identity_key(agreement(name=b))


def test_identity_key_kind_and_parties_count_without_period():
    name = "agreement on defence industry"
    assert identity_key(agreement("mou", name=name)) != identity_key(agreement("agreement", name=name))
    assert identity_key(agreement(name=name)) != identity_key(agreement(parties=("KHM", "VNM"), name=name))


def test_identity_key_signed_mou_from_two_outlets():
    vns = agreement(name="a Memorandum of Understanding on cooperation in military and defence law",
                    status="signed", signed_on="2024-12-18")
    xinhua = agreement(name="a memorandum of understanding on military and defense law cooperation in Hanoi",
                       status="signed", signed_on="2024-12-18")
    assert identity_key(vns) == identity_key(xinhua) == "mou|LAO-VNM|name:defence law military"


def test_identity_key_nameless_uses_signing_date():
    a = agreement("minutes", ("MYS", "THA"), name="the minutes of the meeting", signed_on="2024-12-10")
    b = agreement("minutes", ("MYS", "THA"), name="the minutes", signed_on="2024-12-10")
    c = agreement("minutes", ("MYS", "THA"), name="the minutes", signed_on="2025-06-01")
    assert identity_key(a) == identity_key(b) == "minutes|MYS-THA|signed:2024-12-10"
    assert identity_key(c) != identity_key(a)


def test_identity_key_reversed_period_is_not_used():
    reversed_ = agreement("protocol", period=(2029, 2025), name="protocol on defence cooperation for 2029-25")
    right = agreement("protocol", period=(2025, 2029), name="protocol on defence cooperation for 2025-29")
    assert identity_key(reversed_) == "protocol|LAO-VNM|name:defence"
    assert identity_key(reversed_) != identity_key(right)


@pytest.mark.parametrize("name, core", [
    ("the protocol on defence cooperation for the 2025–29 period and the 2025 cooperation plan",
     "the protocol on defence cooperation for the 2025–29 period"),
    ("agreement on the transfer of defense equipment, which was signed in 2021",
     "agreement on the transfer of defense equipment"),
    ("joint vision statement on defence cooperation signed in 2018", "joint vision statement on defence cooperation"),
    ("the protocol in a comprehensive and effective manner", "the protocol"),
    ("bilateral security agreement in Canberra", "bilateral security agreement"),
    ("Memorandum of Understanding on Cooperation in Military and Defence Law",
     "Memorandum of Understanding on Cooperation in Military and Defence Law"),
    ("the signed defence cooperation plan for 2026", "the signed defence cooperation plan for 2026"),
])
def test_core_name_drops_what_follows_the_name(name, core):
    assert core_name(name) == core


def test_normalise_name_drops_kind_words_for_its_kind_only():
    assert normalise_name("Treaty of Amity and Cooperation", "treaty", ("LAO", "VNM")) == "amity"
    assert normalise_name("roadmap for military cooperation", "other") == "military roadmap"
