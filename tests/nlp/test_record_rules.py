"""Every record says which rule made it (issue 14): events, meetings, agreements, mechanisms and
persons of the seeds and of a few real reports carry a non-empty `rule`."""
import pytest

from comity.ingest import read_paths
from comity.nlp.lexicon import titles
from comity.rules import rule_source

pytestmark = pytest.mark.model

# a few real reports holding every kind of record, by file name
REAL = ("fr-in-2016-01-25-hollande-modi-rafale-iga.txt", "us-kr-2013-06-01-hagel-shangri-la-bilaterals.txt",
        "vn-la-2023-12-01-first-trilateral-border-exchange-announced.txt")


def _records(result):
    for kind in ("events", "meetings", "agreements", "mechanisms", "persons"):
        for record in getattr(result, kind):
            yield kind, record


@pytest.fixture(scope="module")
def results(shared, pipeline):
    paths = sorted((shared / "seeds").glob("*.txt"))
    paths += [shared / "real" / "texts" / name for name in REAL]
    return list(pipeline.extract_many(read_paths(paths)))


def test_the_reports_are_read(results):
    assert len(results) == 2 + len(REAL)


def test_every_record_has_a_rule(results):
    kinds = set()
    for result in results:
        for kind, record in _records(result):
            assert record.rule, (result.article.id, kind, record.id)
            kinds.add(kind)
    assert kinds == {"events", "meetings", "agreements", "mechanisms", "persons"}  # each kind was checked


def test_event_rules_name_a_row_of_the_trigger_table_or_code(results):
    for result in results:
        for event in result.events:
            assert rule_source(event.rule).known, event.rule
        for meeting in result.meetings:
            rules = {e.rule for e in result.events if e.id in meeting.events}
            assert set(meeting.rule.split("+")) == rules  # a meeting's rules are its events'


def test_persons_say_where_their_country_came_from(results):
    persons = [p for r in results for p in r.persons]
    assert {p.rule for p in persons} <= set(titles().rules)  # each a rule titles.yaml declares
    assert all(rule_source(p.rule).rows for p in persons)
    for p in persons:
        assert bool(p.country) == any(s.startswith("persons.country.") for s in p.steps), p
