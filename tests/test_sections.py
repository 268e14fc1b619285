"""A report longer than COMITY_SECTION_CHARS is read in sections (issue 16; comity/sections.py): cut at
paragraph breaks, each section extracted, offsets still into the report's text, sentence numbers running
on, ids unique; the same through `extract` and `extract_many`, with and without the fast path."""
from __future__ import annotations

import datetime as dt

import pytest

from comity import sections
from comity.model import Actor, Article, ArticleResult, Evidence, Meeting, Person
from comity.model.event import Event, Plover

PARAS = [
    "Vietnamese Defence Minister Phan Van Giang held talks with his Lao counterpart Chansamone Chanyalath in "
    "Hanoi on Monday. The two ministers signed a memorandum of understanding on defence law.",
    "The weather in the mountain towns stayed mild for most of the week, forecasters said.",
    "Indonesian President Prabowo Subianto received a call from Japanese Prime Minister Shigeru Ishiba on "
    "Monday.",
]
TEXT = "HANOI, June 9 (VNA) - " + "\n\n".join(PARAS * 3)


def report() -> Article:
    return Article(id="long", text=TEXT, published=dt.date(2025, 6, 9), origin="long.txt")


def test_split_cuts_at_paragraph_breaks_within_the_size():
    parts = sections.split(report(), 400)
    assert len(parts) > 1
    assert "".join(p.body for p in parts) == report().body  # nothing lost, nothing twice
    assert all(len(p.body) <= 400 for p in parts)
    assert all(p.body.endswith("\n\n") for p in parts[:-1])  # each cut after a blank line
    assert sections.split(report(), len(TEXT)) == [report()]


def test_split_without_breaks_cuts_at_spaces_then_anywhere():
    words = Article(id="w", text="word " * 100)
    assert all(p.body.endswith(" ") for p in sections.split(words, 64)[:-1])
    solid = Article(id="s", text="x" * 100)
    assert [len(p.body) for p in sections.split(solid, 30)] == [30, 30, 30, 10]


def _section(persons, events=(), meetings=()):
    return ArticleResult(article=report(), persons=tuple(persons), events=tuple(events), meetings=tuple(meetings))


def test_a_person_named_in_two_sections_is_one_record_of_the_first():
    giang = Person(id="p1", name="Phan Van Giang", country="VNM", titles=("Defence Minister",),
                   mentions=((10, 24),), key="phan van giang")
    again = Person(id="p1", name="Phan Van Giang", country="VNM", titles=("General",), mentions=((500, 514),),
                   key="phan van giang", confidence=0.9)
    other = Person(id="p2", name="Chansamone Chanyalath", country="LAO", mentions=((530, 551),), key="x")
    talks = Event(id="e1", cameo="040", plover=Plover("CONSULT"), source=Actor("VNM", "GOV", "p1"),
                  target=Actor("LAO", "GOV", "p2"), date=None, evidence=Evidence(0, 500, 560, "..."))
    meeting = Meeting(id="m1", date=None, kind="talks", countries=("LAO", "VNM"), participants=("p1", "p2"))
    joined = sections.join(report(), [(_section([giang]), 0), (_section([again, other], [talks], [meeting]), 4)])
    assert [p.id for p in joined.persons] == ["p1", "p2.2"]  # Giang once, under the first section's id
    kept = joined.persons[0]
    assert kept.mentions == ((10, 24), (500, 514)) and kept.titles == ("Defence Minister", "General")
    assert kept.confidence == 0.9
    (event,) = joined.events
    assert (event.source.person, event.target.person) == ("p1", "p2.2")
    assert joined.meetings[0].participants == ("p1", "p2.2")


def test_namesakes_of_two_states_stay_two_records():
    a = Person(id="p1", name="Kim Min", country="KOR", key="kim min")
    b = Person(id="p1", name="Kim Min", country="PRK", key="kim min")
    joined = sections.join(report(), [(_section([a]), 0), (_section([b]), 3)])
    assert [(p.id, p.country) for p in joined.persons] == [("p1", "KOR"), ("p1.2", "PRK")]


@pytest.mark.model
@pytest.mark.parametrize("fast_path", [True, False])
def test_a_long_report_is_read_in_sections(monkeypatch, fast_path):
    from comity.pipeline import Pipeline

    monkeypatch.setenv("COMITY_SECTION_CHARS", "400")
    pipe = Pipeline(fast_path=fast_path)
    result = pipe.extract(report())
    assert result.article == report()
    found = [(e.cameo, e.source.country, e.target.country if e.target else None) for e in result.events]
    assert found.count(("040", "VNM", "LAO")) == 3 and found.count(("041", "IDN", "JPN")) == 3
    for e in result.events:  # offsets into the report's own text
        assert TEXT[e.evidence.start:e.evidence.end] == e.evidence.text
    numbers = [e.evidence.sentence for e in result.events]
    assert numbers == sorted(numbers) and len(set(numbers)) > 3  # numbered across the whole report
    ids = [x.id for x in (*result.events, *result.persons, *result.meetings, *result.agreements)]
    assert len(ids) == len(set(ids))
    people = {p.id for p in result.persons}
    names = [p.name for p in result.persons]
    assert len(names) == len(set(names))  # each minister once, though every section names them
    assert all(p in people for m in result.meetings for p in m.participants)
    assert all(e.source.person in people for e in result.events if e.source.person)
    short = Article(id="short", text=PARAS[0], published=dt.date(2025, 6, 9))
    many = list(pipe.extract_many([short, report(), short]))
    assert [r.article.id for r in many] == ["short", "long", "short"]
    assert many[1] == result
