"""The bundled leaders list (comity/nlp/resources/leaders.yaml): its integrity, and what it does in the
pipeline: a person named with a title takes the country of the leader's office on the report's date,
never outside it, never for another person with one of the same words in the name; user
dictionaries override it; it can be switched off; a leader's name alone opens no fast-path door.

The sentences are written for these tests."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest
import spacy

from comity.nlp.dictionaries import notes
from comity.nlp.dictionaries.codes import is_state_code
from comity.nlp.dictionaries.leaders import PERSON_LEADER, leader_patterns, leaders_path, load_leaders
from comity.nlp.gazetteer import fold
from comity.nlp.lexicon import titles

CUT_OFF = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def leaders():
    return load_leaders()


# ---- integrity (no model) ---------------------------------------------------------------------------------

def test_leaders_file_compiles_with_nothing_skipped_or_in_conflict(leaders):
    assert leaders.format == "yaml" and len(leaders) >= 300
    assert notes(leaders) == []  # no W101 (unused entries), no W102 (a spelling the gazetteer codes)
    assert all(e.type == "person" for e in leaders.entries)


def test_leaders_codes_sectors_and_dates(leaders):
    for e in leaders.entries:
        assert is_state_code(e.country), e.where
        assert e.sector in ("GOV", "MIL"), e.where
        assert e.offices, e.where
        for o in e.offices:
            assert o.title, e.where
            assert o.dated, f"{e.where}: every office has a date"
            assert is_state_code(o.country) or o.country == "IGO", e.where
            if o.start and o.end:
                assert o.start <= o.end, e.where
            assert (o.start or dt.date.min) <= CUT_OFF and (o.end or dt.date.min) <= dt.date(2027, 12, 31), e.where


def test_leaders_no_person_holds_overlapping_offices_of_two_states(leaders):
    for e in leaders.entries:
        for a in e.offices:
            for b in e.offices:
                if a is b or a.country == b.country:
                    continue
                overlap = ((a.start or dt.date.min) <= (b.end or dt.date.max)
                           and (b.start or dt.date.min) <= (a.end or dt.date.max))
                assert not overlap or "IGO" in (a.country, b.country), e.where


def test_leaders_no_name_names_two_people(leaders):
    owners: dict[str, set[str]] = defaultdict(set)
    for e in leaders.entries:
        for surface in e.surfaces:
            owners[fold(surface)].add(e.name)
    shared = {name: people for name, people in owners.items() if len(people) > 1}
    assert not shared
    assert len({e.name for e in leaders.entries}) == len(leaders.entries)


def test_leaders_names_carry_no_title_and_no_common_surname(leaders):
    """A title inside a name would hide it from the title reader ("King Charles III" must be read as
    the title King + the name); a shared surname alone would capture relatives."""
    lex = titles()
    for e in leaders.entries:
        for surface in e.surfaces:
            first = surface.split()[0]
            assert first not in lex.heads and first not in lex.honorific_words, f"{e.where}: {surface}"
            assert fold(surface) not in {"biden", "trump", "kim", "lee", "wong", "sharif", "bush"}, e.where


def test_leaders_cover_the_groups_the_list_promises(leaders):
    countries = {o.country for e in leaders.entries for o in e.offices}
    g20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS",
           "SAU", "ZAF", "TUR", "GBR", "USA"}
    asean = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "TLS"}
    others = {"PRK", "KAZ", "UZB", "KGZ", "TJK", "TKM", "PAK", "BGD", "LKA", "NPL", "ARE", "QAT", "KWT",
              "ISR", "IRN", "UKR", "NZL", "PNG", "CHL", "COL", "NGA", "EGY", "ETH", "KEN", "POL", "ESP", "NLD"}
    assert g20 | asean | others <= countries


def test_leaders_header_says_what_where_from_until_when_and_how_to_override():
    head = "\n".join(line for line in leaders_path().read_text(encoding="utf-8").splitlines()[:40]
                     if line.startswith("#"))
    for needed in ("Sources", "public record", "Cut-off", "--actors", "--no-leaders", "leaders=False"):
        assert needed in head


def test_leaders_offices_on_a_date(leaders):
    people = {e.name: e for e in leaders.entries}
    biden = people["Joe Biden"]
    assert biden.office_on(dt.date(2023, 9, 10)).country == "USA"
    assert biden.office_on(dt.date(2026, 1, 1)) is None
    lecornu = people["Sébastien Lecornu"]
    assert lecornu.office_on(dt.date(2025, 5, 31)).title == "Minister of the Armed Forces"
    assert lecornu.office_on(dt.date(2025, 12, 1)).title == "Prime Minister"


def test_leaders_patterns_leave_what_a_user_dictionary_names(leaders, tmp_path):
    from comity.nlp.dictionaries import load_dictionary

    mine = tmp_path / "mine.yaml"
    mine.write_text("- name: Lawrence Wong\n  type: person\n  country: SGP\n  sector: GOV\n"
                    "- name: Joseph Biden\n  type: organisation\n  country: USA\n", encoding="utf-8")
    patterns = leader_patterns(leaders, [load_dictionary(mine)])
    assert {p["label"] for p in patterns} == {PERSON_LEADER}
    forms = {p["pattern"] for p in patterns}
    assert "Lawrence Wong" not in forms and "LAWRENCE WONG" not in forms  # the person is theirs
    assert "Joseph Biden" not in forms and "Joe Biden" in forms  # a spelling is theirs, the rest stays
    assert len(patterns) > len(leader_patterns(leaders)) - 20


def test_leaders_name_alone_opens_no_fast_path_door(leaders):
    from comity.nlp.fastpath import FastPath

    nlp = spacy.blank("en")
    nlp.add_pipe("comity_actors").initialize()
    nlp.get_pipe("comity_actors").add_patterns(leader_patterns(leaders))
    fast = FastPath.from_nlp(nlp)
    assert fast.door(nlp.make_doc("Emmanuel Macron watched Riverside United beat Northport City 2-1.")) is None
    assert fast.door(nlp.make_doc("Shares rose after Narendra Modi spoke about the budget.")) is None
    assert fast.door(nlp.make_doc("President Emmanuel Macron watched the match.")) == "title"


# ---- in the pipeline (real model) ---------------------------------------------------------------------------

def report(body: str, day: str, place: str = "HÀ NỘI", agency: str = "VNA") -> str:
    return f" date {day} {place} — {body} — {agency}\n"


def people_of(pipe, text):
    from comity.ingest import read_text

    return {p.name: p for p in pipe.extract(read_text(text, id="t")).persons}


@pytest.fixture(scope="module")
def pipe():
    from comity.pipeline import Pipeline

    return Pipeline()


@pytest.mark.model
def test_leaders_country_from_the_office_over_the_context(pipe):
    text = report("An official visit to Việt Nam by President Joe Biden opened on Sunday. Vietnamese leaders "
                  "held talks with the guest in Hà Nội, and Biden later laid a wreath.", "2023-09-10")
    p = people_of(pipe, text)
    biden = p["Joe Biden"]
    assert biden.country == "USA"  # the agency's context alone would say VNM
    assert "Biden" in biden.aliases  # the surname joins the full name, as any person's would


@pytest.mark.model
@pytest.mark.parametrize("body, day, name, country", [
    ("Visiting Prime Minister Lawrence Wong was received by his hosts on Tuesday.", "2025-02-11",
     "Lawrence Wong", "SGP"),
    ("Defence officials met as President Luiz Inácio Lula da Silva hosted President Javier Milei for talks on "
     "Friday.", "2024-08-02", "Luiz Inácio Lula da Silva", "BRA"),
    ("Defence officials met as President Luiz Inácio Lula da Silva hosted President Javier Milei for talks on "
     "Friday.", "2024-08-02", "Javier Milei", "ARG"),
    ("Prime Minister Modi arrived for the summit on Monday.", "2024-07-08", "Modi", "IND"),
    ("Foreign Minister Wang Yi held talks with officials on Monday.", "2024-04-01", "Wang Yi", "CHN"),
    ("Defence Minister Gen Nakatani inspected the ship on Monday.", "2025-03-03", "Gen Nakatani", "JPN"),
])
def test_leaders_people_named_with_a_title_get_the_office_country(pipe, body, day, name, country):
    p = people_of(pipe, report(body, day))
    assert p[name].country == country


@pytest.mark.model
def test_leaders_no_country_outside_the_office(pipe):
    before = people_of(pipe, report("Prime Minister Lawrence Wong welcomed the delegation on Monday.", "2019-07-08"))
    assert before["Lawrence Wong"].country != "SGP"  # not prime minister yet: the list says nothing
    after = people_of(pipe, report("President Joe Biden welcomed the delegation on Monday.", "2026-02-02"))
    assert after["Joe Biden"].country != "USA"


@pytest.mark.model
def test_leaders_another_person_with_a_shared_word_is_not_captured(pipe):
    p = people_of(pipe, report("Deputy Minister Hunter Biden met Deputy Minister Nguyễn Văn Hùng on Monday.",
                               "2023-09-11"))
    assert p["Hunter Biden"].country != "USA"


@pytest.mark.model
def test_leaders_a_name_alone_is_not_a_person(pipe):
    assert people_of(pipe, report("Joe Biden was mentioned in a football chant on Saturday.", "2023-09-09")) == {}


@pytest.mark.model
def test_leaders_in_office_named_without_a_title_in_a_report_with_officials(pipe):
    text = report("Defence Minister Nguyễn Văn Hùng received the guests on Monday, before Joe Biden arrived in "
                  "Hà Nội for talks. Barack Obama sent a letter.", "2023-09-11")
    p = people_of(pipe, text)
    assert p["Joe Biden"].country == "USA" and p["Joe Biden"].titles  # in office that day: an official
    assert p["Joe Biden"].rule == "persons.leader-in-office"  # by the rule of titles.yaml that says so
    assert "Barack Obama" not in p  # out of office that day: a name alone, as before


@pytest.mark.model
def test_leaders_user_dictionary_overrides_the_bundled_entry(tmp_path):
    from comity.pipeline import Pipeline

    mine = tmp_path / "mine.yaml"
    mine.write_text("- name: Lawrence Wong\n  type: person\n  country: MYS\n  sector: GOV\n  titles:\n"
                    "    - {title: Chief Minister, from: 2020-01-01}\n", encoding="utf-8")
    p = people_of(Pipeline(dictionaries=[mine]),
                  report("Prime Minister Lawrence Wong welcomed the delegation on Monday.", "2025-02-10"))
    assert p["Lawrence Wong"].country == "MYS"


@pytest.mark.model
def test_leaders_switched_off(tmp_path):
    from typer.testing import CliRunner

    from comity.cli import app
    from comity.pipeline import Pipeline

    text = report("An official visit to Việt Nam by President Joe Biden opened on Sunday.", "2023-09-10")
    off = Pipeline(leaders=False)
    assert off.nlp.meta["comity_leaders"] is None
    assert people_of(off, text)["Joe Biden"].country != "USA"
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    countries = {}
    for flag in ("--leaders", "--no-leaders"):
        out = tmp_path / f"{flag}.jsonl"
        result = CliRunner().invoke(app, ["extract", str(path), "-o", str(out), "-q", flag])
        assert result.exit_code == 0, result.output
        countries[flag] = re.findall(r'"name": ?"Joe Biden"[^}]*?"country": ?"(\w+)"', out.read_text())
    assert countries["--leaders"] == ["USA"] and countries["--no-leaders"] != ["USA"]
