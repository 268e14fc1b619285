"""mechanism_key and link_mechanisms: the occurrences of a recurring mechanism as one series."""
import pytest

from comity.link import link_mechanisms, mechanism_key
from comity.model import Place

from .records import mechanism, report


@pytest.mark.parametrize("a, b", [
    ("Việt Nam-Laos Defence Border Friendship Exchange", "Vietnam–Laos border defense friendship exchange"),
    ("Nam-Laos Defence Border Friendship Exchange", "border defence friendship exchange"),
    ("deputy ministerial defence policy dialogue", "Laos-Vietnam defence policy dialogue"),
    ("annual trilateral meeting of the defence ministers", "trilateral defence ministers' meeting"),
    ("the 6th defence policy dialogue", "the sixth defense policy dialog"),
])
def test_mechanism_key_ignores_ordinal_level_members_spelling(a, b):
    assert mechanism_key(mechanism(a)) == mechanism_key(mechanism(b))


def test_mechanism_key_members_count():
    dialogue = "defence policy dialogue"
    assert mechanism_key(mechanism(dialogue)) == "defence dialogue policy|LAO-VNM"
    assert mechanism_key(mechanism(dialogue)) != mechanism_key(mechanism(dialogue, ("IND", "VNM")))
    assert mechanism_key(mechanism(dialogue)) != mechanism_key(mechanism("strategic dialogue"))


@pytest.mark.parametrize("a, b", [
    (("ADMM-Plus", ("LAO", "VNM")), ("ASEAN Defence Ministers' Meeting-Plus", ("AUS", "VNM"))),
    (("Shangri-La Dialogue", ("JPN", "VNM")), ("Shangri-La Dialogue", ("PHL", "USA"))),
    (("UN General Assembly", ("USA", "VNM")), ("United Nations General Assembly", ("CHN",))),
])
def test_mechanism_key_multilateral_by_name_only(a, b):
    key = mechanism_key(mechanism(a[0], a[1]))
    assert key == mechanism_key(mechanism(b[0], b[1])) and key.endswith("|*")


def test_mechanism_key_keeps_defence():
    # Korea and Vietnam hold a (foreign ministry) strategic dialogue and a defence strategic dialogue
    assert mechanism_key(mechanism("strategic dialogue", ("KOR", "VNM"))) != mechanism_key(
        mechanism("defence strategic dialogue", ("KOR", "VNM")))


def test_mechanism_key_admm_and_admm_plus_differ():
    assert mechanism_key(mechanism("ADMM")) != mechanism_key(mechanism("ADMM-Plus"))


def series_reports():
    return [
        report("b", "2026-03-28", mechanisms=[
            mechanism("third Vietnam-Laos Border Defense Friendship Exchange", ordinal=3, status="held",
                      date="2026-03-27", place=Place("Điện Biên", "VNM")),
            mechanism("Border Defence Friendship Exchange", ordinal=4, status="planned", id="k2", start=50)]),
        report("a", "2024-12-18", mechanisms=[
            mechanism("second Việt Nam-Laos Defence Border Friendship Exchange", ordinal=2, status="held",
                      date="2024-10"),
            mechanism("defence policy dialogue", id="k2", start=80)]),
    ]


def test_link_mechanisms_series_by_ordinal():
    series = {s.key: s for s in link_mechanisms(series_reports())}
    exchange = series["border defence exchange friendship|LAO-VNM"]
    assert [(o.ordinal, o.status, o.date, o.article_id) for o in exchange.occurrences] == [
        (2, "held", "2024-10", "a"), (3, "held", "2026-03-27", "b"), (4, "planned", None, "b")]
    assert exchange.occurrences[1].place == Place("Điện Biên", "VNM")
    assert exchange.last_held.ordinal == 3 and exchange.next_planned.ordinal == 4
    assert exchange.members == ("LAO", "VNM") and exchange.reports == ("a", "b")
    assert exchange.name == "Việt Nam-Laos Defence Border Friendship Exchange"
    assert exchange.conflicts == ()
    assert len(series) == 2


def test_link_mechanisms_unnumbered_last_and_planned_before_held_is_not_next():
    results = [report("a", "2025-06-10", mechanisms=[
        mechanism("defence policy dialogue", ordinal=6, status="held", date="2025-06-09"),
        mechanism("defence policy dialogue", ordinal=6, status="planned", id="k2", start=30),
        mechanism("defence policy dialogue", id="k3", start=60)])]
    [s] = link_mechanisms(results)
    assert [o.ordinal for o in s.occurrences] == [6, 6, None]
    assert s.next_planned is None


@pytest.mark.parametrize("dates, conflict", [
    (("2024-10", "2024-10-15"), False),
    (("2024-10", "2024-11-02"), True),
])
def test_link_mechanisms_same_ordinal_two_dates(dates, conflict):
    results = [report(f"r{i}", "2025-01-0" + str(i + 1), mechanisms=[
        mechanism("border friendship exchange", ordinal=2, status="held", date=d)]) for i, d in enumerate(dates)]
    [s] = link_mechanisms(results)
    assert bool(s.conflicts) is conflict
    if conflict:
        assert s.conflicts == ("2nd held 2024-10 (report r0) but 2nd held 2024-11-02 (report r1)",)


def test_link_mechanisms_later_ordinal_held_earlier_conflicts():
    results = [report("r", "2025-01-01", mechanisms=[
        mechanism("border friendship exchange", ordinal=4, status="held", date="2023-05"),
        mechanism("border friendship exchange", ordinal=3, status="held", date="2024-05", id="k2", start=40)])]
    [s] = link_mechanisms(results)
    assert s.conflicts == ("3rd held 2024-05 (report r) but 4th held 2023-05 (report r), earlier",)


def test_link_mechanisms_multilateral_members_gathered():
    results = [report("a", "2025-11-02", mechanisms=[mechanism("ADMM-Plus", ("AUS", "VNM"), ordinal=12, status="held")]),
               report("b", "2024-12-18", mechanisms=[mechanism("ADMM-Plus", ("LAO", "VNM"))])]
    [s] = link_mechanisms(results)
    assert s.members == ("AUS", "LAO", "VNM") and s.key.endswith("|*")
