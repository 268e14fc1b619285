"""Records <-> rows round-trip (hypothesis), and the identity keys that decide what is "the same"."""
from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

import store_records as rec
from comity.model import Actor, Agreement, Event, Evidence, Mechanism, Place, Plover
from comity.storage import mapping as m

text = st.text(min_size=1, max_size=30)
maybe = lambda s: st.none() | s  # noqa: E731
country = st.sampled_from(["VNM", "LAO", "KHM", "USA", "IGO"])
rule = st.sampled_from(["", "visit.host", "consult.meet+visit.visit"])
steps = st.lists(st.sampled_from(["records.merged", "events.with-hosting"]), max_size=2).map(tuple)
evidence = st.builds(Evidence, sentence=st.integers(0, 50), start=st.integers(0, 1000), end=st.integers(0, 1000),
                     text=text)
place = maybe(st.builds(Place, name=text, country=maybe(country)))
actor = st.builds(Actor, country=maybe(country), sector=maybe(st.sampled_from(["GOV", "MIL"])),
                  person=maybe(st.sampled_from(["p1", "p2"])), name=maybe(text))
events = st.builds(
    Event, id=st.sampled_from(["e1", "e2"]), cameo=st.sampled_from(["040", "042", "057", "0312", "112"]),
    plover=st.builds(Plover, type=st.sampled_from(["CONSULT", "AGREE", ""]), mode=st.sampled_from(["", "visit"]),
                     context=st.lists(text, max_size=2).map(tuple)),
    source=actor, target=maybe(actor), date=maybe(st.sampled_from(["2024-12-18", "2025-12", "2025"])),
    evidence=evidence, place=place, date_text=maybe(text), date_granularity=maybe(st.sampled_from(["day", "month"])),
    goldstein=maybe(st.floats(-10, 10)), quad_class=maybe(st.integers(0, 4)), trigger=text,
    more_evidence=st.lists(evidence, max_size=2).map(tuple), confidence=st.floats(0, 1), rule=rule, steps=steps)
PERSONS = {"p1": 11, "p2": 12}
BACK = {v: k for k, v in PERSONS.items()}


@settings(max_examples=200, deadline=None)
@given(events)
def test_mapping_event_round_trip(event):
    if event.target is not None and all(v is None for v in dataclasses.astuple(event.target)):
        event = dataclasses.replace(event, target=None)  # an empty target reads back as no target
    row = m.event_row(event, m.event_key(event, "story"))
    mention = m.event_mention_row(event, event_id=1, article_id=1, persons=PERSONS)
    assert m.event_from_rows(row, mention, BACK) == event


agreements = st.builds(
    Agreement, id=st.just("a1"), kind=st.sampled_from(["mou", "protocol"]), name=text,
    parties=st.lists(st.sampled_from(["KHM", "LAO", "VNM"]), min_size=1, max_size=3, unique=True).map(
        lambda p: tuple(sorted(p))),
    status=st.sampled_from(["signed", "proposed"]), evidence=evidence, domain=maybe(text),
    period_start=maybe(st.integers(2000, 2030)), period_end=maybe(st.integers(2000, 2030)),
    signed_on=maybe(st.just("2024-12-18")), signatories=st.lists(st.sampled_from(["p1", "p2"]), max_size=2).map(tuple),
    witnesses=st.lists(st.sampled_from(["p1", "p9"]), max_size=2).map(tuple), confidence=st.floats(0, 1),
    rule=rule, steps=steps)


@settings(max_examples=200, deadline=None)
@given(agreements)
def test_mapping_agreement_round_trip(agreement):
    row = m.agreement_row(agreement, "key", "2025-01-01")
    obs = m.agreement_observation_row(agreement, agreement_id=1, article_id=1, observed_on=None, persons=PERSONS)
    assert m.agreement_from_rows(row, obs, BACK) == agreement


mechanisms = st.builds(
    Mechanism, id=st.just("x1"), name=text,
    countries=st.lists(st.sampled_from(["KHM", "LAO", "VNM"]), min_size=1, unique=True).map(lambda c: tuple(sorted(c))),
    evidence=evidence, ordinal=maybe(st.integers(1, 30)), level=maybe(text),
    status=st.sampled_from(["held", "planned"]), date=maybe(st.just("2024-10")), place=place,
    confidence=st.floats(0, 1), rule=rule, steps=steps)


@settings(max_examples=100, deadline=None)
@given(mechanisms)
def test_mapping_mechanism_round_trip(mechanism):
    row = m.mechanism_row(mechanism, "key")
    occ = m.mechanism_occurrence_row(mechanism, mechanism_id=1, article_id=1, observed_on=None)
    assert m.mechanism_from_rows(row, occ) == mechanism


def test_mapping_article_and_person_round_trip():
    for result in rec.all_results():
        assert m.article_from_row(m.article_row(result.article)) == result.article
        for person in result.persons:
            row = m.person_observation_row(person, person_id=1, article_id=1, observed_on=None)
            assert m.person_from_observation(row, key=person.key) == person
    ruled = dataclasses.replace(rec.vna().persons[0], rule="persons.title-left", steps=("persons.country.title",))
    row = m.person_observation_row(ruled, person_id=1, article_id=1, observed_on=None)
    assert m.person_from_observation(row, key=ruled.key) == ruled


def test_mapping_symmetric_events_match_in_either_order():
    vna, xinhua = rec.vna().events[0], rec.xinhua().events[0]
    assert (vna.source.country, xinhua.source.country) == ("VNM", "KHM")
    assert m.event_key(vna, "a") == m.event_key(xinhua, "b")


def test_mapping_directed_events_keep_their_order():
    visit = rec.vna().events[1]
    reverse = dataclasses.replace(visit, source=visit.target, target=visit.source)
    assert m.event_key(visit, "a") != m.event_key(reverse, "a")


def test_mapping_undated_event_key_is_per_story():
    event = rec.undated().events[0]
    assert m.event_key(event, "story-one") != m.event_key(event, "story-two")
    assert "IGO:asean" in m.event_key(event, "s")


def test_mapping_person_key_ignores_diacritics_and_spaces():
    a, b = rec.vna().persons[0], rec.xinhua().persons[0]
    assert m.person_key(a) == m.person_key(b) == "phanvangiang|VNM"


def test_mapping_copy_and_body_hashes():
    original, repost = rec.vna().article, rec.vna_repost().article
    assert m.body_hash(original) == m.body_hash(repost)
    assert m.copy_hash(original) != m.copy_hash(repost)
    assert m.copy_hash(original) == m.copy_hash(rec.vna().article)
