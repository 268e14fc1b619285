"""link: predecessor/successor and parent/children between linked agreements."""
import pytest

from comity.link import link, link_agreements

from .records import agreement, report


def linked(*specs):
    """(kind, parties, period, domain) -> linked agreements from one report each."""
    results = [report(f"r{i}", "2025-01-01", agreements=[agreement(k, p, per, domain=d, name=f"{k} {per}")])
               for i, (k, p, per, d) in enumerate(specs)]
    return link_agreements(results)


VL = ("LAO", "VNM")


def test_link_protocol_successor_and_plans_under_it():
    items = linked(("protocol", VL, (2020, 2024), "defence"), ("protocol", VL, (2025, 2029), "defence"),
                   ("annual_plan", VL, (2025, 2025), None), ("annual_plan", VL, (2026, 2026), "defence"))
    rel = link(items)
    old, new = "protocol|LAO-VNM|2020-2024", "protocol|LAO-VNM|2025-2029"
    plan25, plan26 = "annual_plan|LAO-VNM|2025-2025", "annual_plan|LAO-VNM|2026-2026"
    assert rel[new] == {"successor_of": old, "successor": None, "parent": None, "children": [plan25, plan26]}
    assert rel[old]["successor"] == new and rel[old]["successor_of"] is None
    assert rel[plan25]["parent"] == new and rel[plan26]["parent"] == new
    assert rel[plan25]["successor"] == plan26 and rel[plan26]["successor_of"] == plan25


@pytest.mark.parametrize("before, after, follows", [
    ((2020, 2024), (2025, 2029), True),   # adjacent
    ((2020, 2025), (2025, 2030), True),   # sharing a year
    ((2020, 2024), (2021, 2025), False),  # mostly the same years: not a successor
    ((2016, 2020), (2022, 2026), False),  # a gap
    ((2020, 2024), (2023, 2024), False),  # ends no later
])
def test_link_successor_periods(before, after, follows):
    items = linked(("protocol", VL, before, None), ("protocol", VL, after, None))
    rel = link(items)
    key = f"protocol|LAO-VNM|{before[0]}-{before[1]}"
    assert (rel[key]["successor"] is not None) is follows


@pytest.mark.parametrize("other", [
    ("protocol", ("KHM", "VNM"), (2025, 2029), None),        # other parties
    ("action_plan", VL, (2025, 2029), None),                 # other kind
    ("protocol", VL, (2025, 2029), "border"),                # other domain
])
def test_link_successor_needs_same_kind_parties_domain(other):
    rel = link(linked(("protocol", VL, (2020, 2024), "defence"), other))
    assert all(r["successor"] is None and r["successor_of"] is None for r in rel.values())


def test_link_nearest_successor_wins():
    rel = link(linked(("protocol", VL, (2020, 2024), None), ("protocol", VL, (2025, 2029), None),
                      ("protocol", VL, (2024, 2030), None)))
    assert rel["protocol|LAO-VNM|2020-2024"]["successor"] == "protocol|LAO-VNM|2024-2030"
    assert rel["protocol|LAO-VNM|2024-2030"]["successor_of"] == "protocol|LAO-VNM|2020-2024"
    assert rel["protocol|LAO-VNM|2025-2029"]["successor_of"] is None


def test_link_plan_outside_period_or_parties_has_no_parent():
    rel = link(linked(("protocol", VL, (2025, 2029), None), ("annual_plan", VL, (2030, 2030), None),
                      ("annual_plan", ("KHM", "VNM"), (2026, 2026), None)))
    assert rel["annual_plan|LAO-VNM|2030-2030"]["parent"] is None
    assert rel["annual_plan|KHM-VNM|2026-2026"]["parent"] is None
    assert rel["protocol|LAO-VNM|2025-2029"]["children"] == []


def test_link_parent_prefers_protocol_then_narrowest():
    rel = link(linked(("agreement", VL, (2025, 2027), None), ("protocol", VL, (2021, 2030), None),
                      ("protocol", VL, (2025, 2029), None), ("annual_plan", VL, (2026, 2026), None)))
    assert rel["annual_plan|LAO-VNM|2026-2026"]["parent"] == "protocol|LAO-VNM|2025-2029"


def test_link_parent_action_plan_when_no_protocol():
    rel = link(linked(("action_plan", ("AUS", "VNM"), (2026, 2030), None),
                      ("annual_plan", ("AUS", "VNM"), (2027, 2027), None)))
    assert rel["annual_plan|AUS-VNM|2027-2027"]["parent"] == "action_plan|AUS-VNM|2026-2030"


def test_link_reversed_or_unknown_periods_take_no_part():
    items = linked(("protocol", VL, (2029, 2025), None), ("action_plan", VL, (None, None), None),
                   ("annual_plan", VL, (2026, 2026), None))
    rel = link(items)
    assert all(r == {"successor_of": None, "successor": None, "parent": None, "children": []}
               for r in rel.values())
    assert len(rel) == 3
