"""Alerts raised by Store.save on SQLite and a real PostgreSQL: once per fact per rule, a later report
updates the source count, the same reports stored again raise nothing, statuses each raise one."""
from __future__ import annotations

import pytest

import store_records as rec
from comity.alert_rules import make_rule, parse_rules
from comity.errors import StoreError
from comity.query import list_alerts, list_rules, parse_since
from comity.storage import Store

RULES = parse_rules("""\
- name: vnm-lao-agreements
  dyad: [VNM, LAO]
  on: [agreement]
- name: khm-signings
  dyad: [VNM, KHM]
  on: [event]
  types: ["057"]
- name: khm-signings-twice
  dyad: [VNM, KHM]
  on: event
  types: [SUPPORT]
  min_sources: 2
- name: giang-meetings
  on: meeting
  person: Phan Van Giang
- name: giang
  on: person
  person: phan văn giang
""", "alerts.yaml")


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as st:
        st.save_rules(RULES)
        yield st


def alerts(store, rule=None):
    with store.read() as conn:
        return sorted(list_alerts(conn, rule=rule), key=lambda a: a.id)


def test_alerts_once_per_fact_and_second_report_updates(store):
    first = store.save([rec.vna()])
    signing = alerts(store, "khm-signings")
    assert first.alerts == 3 and len(signing) == 1  # the signing, the meeting, Giang; not the 2-source rule
    assert signing[0].sources == 1 and signing[0].report == "vna-2025-12-16"
    assert signing[0].evidence == "signed the defence cooperation plan" and signing[0].kind == "event"
    assert alerts(store, "khm-signings-twice") == []
    second = store.save([rec.xinhua()])  # Xinhua's report of the same signing
    assert second.alerts == 1  # only the two-source rule, now reached
    again = alerts(store, "khm-signings")
    assert len(again) == 1 and again[0].id == signing[0].id and again[0].sources == 2
    assert again[0].created_at == signing[0].created_at
    twice = alerts(store, "khm-signings-twice")
    assert len(twice) == 1 and twice[0].sources == 2 and twice[0].report == "xinhua-2025-12-17"
    giang = alerts(store, "giang")  # Xinhua retells VNA's story: the same appearance, told twice
    assert len(giang) == 1 and giang[0].sources == 2 and giang[0].status.startswith("story ")


def test_alerts_an_aggregators_copy_is_one_more_source(store):
    store.save([rec.vna()])
    before = {a.rule: a for a in alerts(store)}
    copy = store.save([rec.vna_repost()])  # the same body under another header: no records of its own
    assert copy.copies == 1 and copy.alerts == 1  # the two-source rule, reached by the copy
    after = {a.rule: a for a in alerts(store)}
    assert set(after) == set(before) | {"khm-signings-twice"}
    for rule in before:  # the same alerts, each with one more source
        assert after[rule].id == before[rule].id and after[rule].sources == before[rule].sources + 1 == 2
    assert after["khm-signings-twice"].report == "vna-2025-12-16"  # the copied report's quote and id


def test_alerts_same_reports_again_raise_nothing(store):
    store.save(rec.all_results())
    before = alerts(store)
    again = store.save(rec.all_results())
    assert again.alerts == 0 and alerts(store) == before
    # one alert per (rule, fact, status): no rule has two alerts on one fact
    keys = [(a.rule, a.kind, a.fact_id, a.status) for a in before]
    assert len(keys) == len(set(keys))


def test_alerts_agreement_first_seen_and_each_new_status(store):
    store.save([rec.lao_2024()])
    first = alerts(store, "vnm-lao-agreements")
    assert [(a.status, a.date) for a in first] == [("negotiating", "2024-12-18")]
    store.save([rec.lao_2025()])  # the same protocol, now signed
    both = alerts(store, "vnm-lao-agreements")
    assert [(a.status, a.date) for a in both] == [("negotiating", "2024-12-18"), ("signed", "2025-12-02")]
    assert both[0].fact_id == both[1].fact_id and "protocol signed" in both[1].summary
    assert both[1].evidence == "signed the protocol" and both[1].report == "lao-2025"


def test_alerts_person_rule_and_person_filter(store):
    store.save([rec.lao_2024(), rec.lao_2025(), rec.vna()])
    meetings = alerts(store, "giang-meetings")
    assert sorted(a.date for a in meetings) == ["2024-12-18", "2025-12-02", "2025-12-16"]
    appearances = alerts(store, "giang")
    assert len(appearances) == 3 and all("Phan Văn Giang (VNM)" in a.summary for a in appearances)
    assert all("Giang" in a.evidence for a in appearances)


def test_alerts_rules_apply_from_when_they_are_kept(db_url):
    with Store.open(db_url) as store:
        store.save([rec.lao_2024()])
        assert store.save_rules([make_rule("late", dyad=["VNM", "LAO"], on="agreement")]) == {"late": "added"}
        assert alerts(store) == []  # what the store held before is not alerted on
        store.save([rec.lao_2025()])
        assert [a.status for a in alerts(store, "late")] == ["signed"]
        same = store.save_rules([make_rule("late", dyad=["VNM", "LAO"], on="agreement")])
        assert same == {"late": "unchanged"}
        changed = store.save_rules([make_rule("late", dyad=["VNM", "LAO"], on=["agreement", "meeting"])])
        assert changed == {"late": "replaced"}
        with store.read() as conn:
            rules = list_rules(conn)
        assert [(r.name, r.on, r.alerts) for r in rules] == [("late", ["agreement", "meeting"], 1)]


def test_alerts_filters(store):
    store.save(rec.all_results())
    with store.read() as conn:
        everything = list_alerts(conn)
        assert list_alerts(conn, since=parse_since("2000-01-01")) == everything
        assert list_alerts(conn, since=parse_since("2999-01-01T00:00")) == []
        assert len(list_alerts(conn, limit=2)) == 2
        with pytest.raises(StoreError, match="E210"):
            list_alerts(conn, rule="nope")
    with pytest.raises(StoreError, match="E208"):
        parse_since("yesterday")
