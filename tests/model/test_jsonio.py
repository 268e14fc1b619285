"""The JSON boundary: records survive a round trip, and the shape is FORMAT.md's."""
import json

from hypothesis import given
from hypothesis import strategies as st

from comity.model import (Actor, Agreement, Article, ArticleResult, Event, Evidence, Person, Place,
                          Plover, result_from_json, result_to_json)

text = st.text(max_size=40)
codes = st.sampled_from(["VNM", "LAO", "KHM", None])
evidence = st.builds(Evidence, sentence=st.integers(0, 50), start=st.integers(0, 999),
                     end=st.integers(0, 999), text=text)
actors = st.builds(Actor, country=codes, sector=st.sampled_from(["GOV", "MIL", None]),
                   person=st.sampled_from(["p1", None]))
events = st.builds(Event, id=st.just("e1"), cameo=st.sampled_from(["040", "057", "0312"]),
                   plover=st.builds(Plover, type=st.just("CONSULT"), mode=st.just(""),
                                    context=st.lists(text, max_size=2).map(tuple)),
                   source=actors, target=st.one_of(st.none(), actors), date=st.sampled_from([None, "2024-12-18"]),
                   evidence=evidence, place=st.one_of(st.none(), st.builds(Place, name=text, country=codes)),
                   more_evidence=st.lists(evidence, max_size=2).map(tuple),
                   rule=st.sampled_from(["", "visit.host"]), steps=st.lists(text, max_size=2).map(tuple))
persons = st.builds(Person, id=st.just("p1"), name=text, country=codes, rule=text,
                    steps=st.lists(text, max_size=2).map(tuple),
                    titles=st.lists(text, max_size=2).map(tuple),
                    mentions=st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99)), max_size=3).map(tuple))
results = st.builds(ArticleResult, article=st.builds(Article, id=text, text=text),
                    persons=st.lists(persons, max_size=2).map(tuple), events=st.lists(events, max_size=2).map(tuple))


@given(results)
def test_jsonio_round_trip(result):
    assert result_from_json(result_to_json(result)) == result


def test_jsonio_keeps_format_field_names():
    ev = Evidence(sentence=0, start=1, end=5, text="talk")
    result = ArticleResult(
        article=Article(id="a", text="x talk"),
        agreements=(Agreement(id="a1", kind="mou", name="MoU", parties=("LAO", "VNM"), status="signed",
                              evidence=ev, signed_on="2024-12-18", signatories=("p1", "p2")),))
    data = json.loads(result_to_json(result))
    assert set(data) >= {"article", "persons", "events", "agreements"}
    agreement = data["agreements"][0]
    for field in ("id", "kind", "domain", "parties", "period_start", "period_end", "status", "signed_on",
                  "signatories", "name", "evidence"):
        assert field in agreement
    assert agreement["parties"] == ["LAO", "VNM"]
    assert agreement["evidence"] == {"sentence": 0, "start": 1, "end": 5, "text": "talk"}


def test_jsonio_records_say_which_rule_made_them():
    ev = Evidence(sentence=0, start=0, end=4, text="talk")
    event = Event(id="e1", cameo="042", plover=Plover(type="CONSULT"), source=Actor(country="IND"),
                  target=Actor(country="USA"), date=None, evidence=ev, rule="visit.host",
                  steps=("events.with-hosting",))
    data = json.loads(result_to_json(ArticleResult(article=Article(id="a", text="talk"), events=(event,))))
    assert (data["events"][0]["rule"], data["events"][0]["steps"]) == ("visit.host", ["events.with-hosting"])
    assert result_from_json(json.dumps(data)).events[0].steps == ("events.with-hosting",)  # a tuple again
    del data["events"][0]["rule"], data["events"][0]["steps"]  # JSON written before the fields existed
    assert result_from_json(json.dumps(data)).events[0].rule == ""
