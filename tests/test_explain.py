"""`comity.explain` without the model: a hand-made report, trace and records, grouped by sentence,
laid out at 80 columns and as JSON."""
import json

import pytest

from comity.explain import explanation_of, render, render_lines, to_json
from comity.model import (Actor, Agreement, Article, ArticleResult, Event, Evidence, Meeting, Person, Plover)

TEXT = ("Minister Asha Rao hosted General Tomas Vela at the ministry on Monday. "
        "The two sides did not sign [bold]any[/bold] accord.")
FIRST, SECOND = TEXT.split(". ")


def sentence(n: int, text: str) -> Evidence:
    start = TEXT.index(text)
    return Evidence(sentence=n, start=start, end=start + len(text), text=text)


SENTENCES = [sentence(0, FIRST + "."), sentence(1, SECOND)]
TRACE = [
    {"sentence": 0, "token": 3, "text": "hosted", "rule": "visit.host", "outcome": "event", "guard": None,
     "reason": None, "cameo": "043", "source": "IND", "target": "USA"},
    {"sentence": 1, "token": 17, "text": "sign", "rule": "sign.sign", "outcome": "vetoed", "guard": "negated",
     "reason": "“not” on the verb", "cameo": None, "source": None, "target": None},
]
HOST, GUEST = Actor(country="IND", person="p1"), Actor(country="USA", person="p2")
EVENTS = (
    Event(id="e1", cameo="043", plover=Plover(type="CONSULT"), source=HOST, target=GUEST, date="2025-06-02",
          evidence=SENTENCES[0], trigger="hosted", rule="visit.host"),
    Event(id="e2", cameo="042", plover=Plover(type="CONSULT"), source=GUEST, target=HOST, date="2025-06-02",
          evidence=SENTENCES[0], trigger="hosted", rule="visit.host", steps=("events.with-hosting",)),
)
RESULT = ArticleResult(
    article=Article(id="r1", text=TEXT),
    persons=(Person(id="p1", name="Asha Rao", country="IND", titles=("Minister",), mentions=((9, 17),),
                    rule="persons.title-left", steps=("persons.country.context",)),
             Person(id="p2", name="Tomas Vela", country="USA", titles=("General",), mentions=((33, 43),),
                    rule="persons.title-left")),
    events=EVENTS,
    meetings=(Meeting(id="m1", date="2025-06-02", kind="visit", countries=("IND", "USA"), events=("e1", "e2"),
                      rule="visit.host"),),
    agreements=(Agreement(id="a1", kind="agreement", name="accord", parties=("IND", "USA"), status="negotiating",
                          evidence=SENTENCES[1], rule="agreements.term.agreement",
                          steps=("agreements.status.negotiating",)),),
)


@pytest.fixture
def explanation():
    return explanation_of(RESULT, SENTENCES, TRACE)


def test_records_and_candidates_go_to_their_sentence(explanation):
    first, second = explanation.sentences
    assert [c["text"] for c in first.candidates] == ["hosted"] and [c["text"] for c in second.candidates] == ["sign"]
    assert [e.id for e in first.events] == ["e1", "e2"] and not second.events
    assert [m.id for m in first.meetings] == ["m1"]  # the sentence of its first event
    assert [p.id for p in first.persons] == ["p1", "p2"]  # where each is first named
    assert [a.id for a in second.agreements] == ["a1"]


def test_text_says_why_each_record_exists(explanation):
    out = render(explanation)
    assert "[0] Minister Asha Rao hosted General Tomas Vela" in out
    assert "“hosted”  visit.host  event 043  IND->USA" in out
    assert "“sign”  sign.sign  vetoed by negated  (“not” on the verb)" in out
    # the made-up visit says what made it: the host row, then the post-step
    assert "e2  042  USA (Tomas Vela)->IND (Asha Rao)  2025-06-02" in out
    assert "rule visit.host  steps events.with-hosting" in out
    person = out[out.index("p1  Asha Rao"):out.index("p2  Tomas Vela")]  # its fields may take two lines
    assert "rule persons.title-left" in person and "steps persons.country.context" in person


def test_text_fits_80_columns_and_never_breaks_a_rule_id(explanation):
    lines = render_lines(explanation, 80)
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    narrow = render(explanation, 40)
    for token in ("visit.host", "events.with-hosting", "agreements.term.agreement", "persons.country.context"):
        assert token in narrow  # whole, on one line, even at 40 columns


def test_report_text_is_printed_as_written(explanation):
    # the CLI prints rich Text, not markup: the renderer keeps "[bold]" for it to show as is
    assert "[bold]any[/bold]" in render(explanation)


def test_one_sentence_and_its_bounds(explanation):
    only = explanation.only(1)
    assert [s.index for s in only.sentences] == [1]
    assert "[0]" not in render(only) and "[1] The two sides" in render(only)
    with pytest.raises(IndexError, match="sentences 0 to 1"):
        explanation.only(7)


def test_a_coder_without_trace_is_said_so():
    out = render(explanation_of(RESULT, SENTENCES, [], traced=False))
    assert "no candidate trigger was traced" in out and "candidates" not in out
    assert "rule visit.host" in out  # the records still say their rule


def test_json_twin(explanation):
    data = json.loads(json.dumps(to_json(explanation)))
    assert data["article"] == "r1" and [s["sentence"] for s in data["sentences"]] == [0, 1]
    first = data["sentences"][0]
    assert first["candidates"][0]["rule"] == "visit.host"
    assert [(e["id"], e["rule"], e["steps"]) for e in first["events"]] == [
        ("e1", "visit.host", []), ("e2", "visit.host", ["events.with-hosting"])]
    assert data["sentences"][1]["agreements"][0]["steps"] == ["agreements.status.negotiating"]


def test_a_long_name_wraps_between_its_words():
    from dataclasses import replace

    name = "the memorandum of understanding on cooperation in military medicine and defence law of 2025"
    result = replace(RESULT, agreements=(replace(RESULT.agreements[0], name=name),))
    lines = render_lines(explanation_of(result, SENTENCES, TRACE), 80)
    assert all(len(line) <= 80 for line in lines)
    assert " ".join(" ".join(lines).split()).count(name) == 1  # all of it, in order
