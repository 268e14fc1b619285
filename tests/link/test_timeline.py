"""link_agreements: one agreement with a dated timeline of observations, its latest status, conflicts."""
from comity.link import link_agreements

from .records import agreement, report

MOU_VNS = "a Memorandum of Understanding on cooperation in military and defence law"
MOU_XINHUA = "a memorandum of understanding on military and defense law cooperation"


def two_outlets():
    return [
        report("xinhua", "2024-12-19", source="Xinhua", persons=[("p1", "Khamlieng Outhakaysone")],
               agreements=[agreement(name=MOU_XINHUA, status="signed", signed_on="2024-12-18", signatories=["p1"])]),
        report("vns", "2024-12-18", source="VNS", persons=[("p1", "Phan Văn Giang"), ("p2", "Khamliang Outhakaysone")],
               agreements=[agreement(name=MOU_VNS, status="signed", signed_on="2024-12-18", signatories=["p1", "p2"])]),
    ]


def test_link_agreements_two_outlets_one_agreement_two_observations():
    [mou] = link_agreements(two_outlets())
    assert (mou.kind, mou.parties, mou.period_start, mou.period_end) == ("mou", ("LAO", "VNM"), None, None)
    assert [o.article_id for o in mou.observations] == ["vns", "xinhua"]  # by report date
    assert [o.name for o in mou.observations] == [MOU_VNS, MOU_XINHUA]
    assert mou.reports == ("vns", "xinhua")
    assert (mou.latest_status, mou.latest_date) == ("signed", "2024-12-18")
    assert mou.conflicts == ()
    assert mou.name == "Memorandum of Understanding on cooperation in military and defence law"
    assert mou.observations[0].signatories == ("Phan Văn Giang", "Khamliang Outhakaysone")
    assert mou.observations[1].source == "Xinhua"
    assert len(mou.id) == 8 and mou.id == link_agreements(two_outlets()[::-1])[0].id


def test_link_agreements_same_report_twice_counts_once():
    results = two_outlets()
    [mou] = link_agreements(results + results)
    assert len(mou.observations) == 2


def test_link_agreements_period_forms_link():
    results = [
        report("r1", "2024-12-18", agreements=[agreement("protocol", period=(2025, 2029), status="agreed_to_implement",
                                                         name="the protocol on defence cooperation for the 2025–29 period")]),
        report("r2", "2025-06-10", agreements=[agreement("protocol", period=(2025, 2029), status="reviewed",
                                                         name="protocol on defence cooperation from 2025 to 2029")]),
    ]
    [protocol] = link_agreements(results)
    assert [o.status for o in protocol.observations] == ["agreed_to_implement", "reviewed"]
    assert (protocol.latest_status, protocol.latest_date) == ("reviewed", "2025-06-10")
    assert (protocol.period_start, protocol.period_end) == (2025, 2029)


def test_link_agreements_conflict_signed_then_negotiating():
    results = [
        report("y", "2025-01-02", agreements=[agreement(name="MoU on defence law", status="negotiating")]),
        report("x", "2024-12-19", agreements=[agreement(name="MoU on defence law", status="signed", signed_on="2024-12-18")]),
    ]
    [mou] = link_agreements(results)
    assert [o.status for o in mou.observations] == ["signed", "negotiating"]  # both kept
    assert mou.conflicts == ("signed 2024-12-18 (report x) then negotiating 2025-01-02 (report y)",)
    assert mou.latest_status == "negotiating"


def test_link_agreements_conflict_on_the_same_day_says_but():
    results = [
        report("a", "2025-03-12", agreements=[agreement(name="MoU on defence law", status="proposed")]),
        report("b", "2025-03-12", agreements=[agreement(name="MoU on defence law", status="signed", signed_on="2025-03-11")]),
    ]
    [mou] = link_agreements(results)
    assert mou.conflicts == ("signed 2025-03-11 (report b) but proposed 2025-03-12 (report a)",)
    assert mou.latest_status == "signed"  # the same day: the later stage is taken as latest


def test_link_agreements_progress_is_no_conflict():
    results = [
        report("a", "2025-01-10", agreements=[agreement(name="MoU on defence law", status="negotiating")]),
        report("b", "2025-03-12", agreements=[agreement(name="MoU on defence law", status="signed", signed_on="2025-03-11")]),
        report("c", "2025-09-01", agreements=[agreement(name="MoU on defence law", status="implemented")]),
    ]
    assert link_agreements(results)[0].conflicts == ()


def test_link_agreements_two_signing_dates_conflict():
    results = [
        report("a", "2024-12-19", agreements=[agreement(name="MoU on defence law", status="signed", signed_on="2024-12-18")]),
        report("b", "2024-12-20", agreements=[agreement(name="MoU on defence law", status="signed", signed_on="2024-12-17")]),
    ]
    assert link_agreements(results)[0].conflicts == (
        "signed 2024-12-18 (report a) but signed 2024-12-17 (report b)",)


def test_link_agreements_latest_status_ignores_bare_mentions():
    results = [
        report("a", "2024-12-19", agreements=[agreement(name="MoU on defence law", status="signed", signed_on="2024-12-18")]),
        report("b", "2025-05-01", agreements=[agreement(name="the MoU on defence law", status="mentioned")]),
    ]
    [mou] = link_agreements(results)
    assert (mou.latest_status, mou.latest_date) == ("signed", "2024-12-18")
    assert [o.status for o in mou.observations] == ["signed", "mentioned"]


def test_link_agreements_undated_reports_come_last():
    results = [
        report("undated", None, agreements=[agreement(name="MoU on defence law", status="reviewed")]),
        report("dated", "2025-01-01", agreements=[agreement(name="MoU on defence law", status="signed")]),
    ]
    [mou] = link_agreements(results)
    assert [o.article_id for o in mou.observations] == ["dated", "undated"]
    assert (mou.latest_status, mou.latest_date) == ("reviewed", None)


def test_link_agreements_reversed_period_noted_not_linked():
    results = [
        report("a", "2025-01-01", agreements=[agreement("protocol", period=(2029, 2025), name="protocol for 2029-25")]),
        report("b", "2025-01-02", agreements=[agreement("protocol", period=(2025, 2029), name="protocol for 2025-29")]),
    ]
    linked = link_agreements(results)
    assert len(linked) == 2
    odd = next(a for a in linked if a.period_start is None)
    assert odd.notes == ("period 2029–2025 in report a looks reversed; not used for linking",)


def test_link_agreements_domain_is_the_most_common():
    results = [report(f"r{i}", "2025-01-0" + str(i), agreements=[
        agreement("annual_plan", period=(2025, 2025), domain=d)]) for i, d in enumerate([None, "defence", "defence"], 1)]
    assert link_agreements(results)[0].domain == "defence"


def test_link_agreements_two_instruments_in_one_sentence_both_kept():
    # one quote, one status, two periods: "reviewed the 2020-24 protocol and the 2025-29 protocol"
    result = report("r", "2024-12-18", agreements=[
        agreement("protocol", period=(2020, 2024), status="reviewed", id="a1"),
        agreement("protocol", period=(2025, 2029), status="reviewed", id="a2")])
    assert len(link_agreements([result])) == 2
