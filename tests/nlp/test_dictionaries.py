"""User actor dictionaries (YAML, CSV) and PETRARCH actors/agents files: reading, bad input named by
file and line, names in any script kept as written, patterns in the gazetteer's format, and the
whole way through `comity extract --actors`."""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import warnings
from pathlib import Path

import pytest
import spacy

from comity.errors import DataError
from comity.nlp.dictionaries import PERSON_KNOWN, DictionaryWarning, load_dictionary, notes, read_dictionary
from comity.nlp.dictionaries.codes import capitals_variants, strip_latin_marks, title_case
from comity.nlp.dictionaries.petrarch import parse_actors, regular_plural

DATA = Path(__file__).resolve().parents[1] / "data" / "dictionaries"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "dictionaries.md"


def load(name: str, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DictionaryWarning)
        return load_dictionary(DATA / name, **kw)


def by_name(dictionary):
    return {e.name: e for e in dictionary.entries}


def read(text: str, label: str, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DictionaryWarning)
        return read_dictionary(text, label, **kw)


def error_of(text: str, label: str, **kw) -> str:
    with pytest.raises(DataError) as info:
        read(text, label, **kw)
    return str(info.value)


# ---- user dictionaries: YAML and CSV --------------------------------------------------------------------

def test_dictionaries_yaml_entries_offices_and_labels():
    d = load("actors.yaml")
    assert d.format == "yaml" and len(d) == 8
    entries = by_name(d)
    flotilla = entries["Southern Riverine Flotilla"]
    assert (flotilla.type, flotilla.country, flotilla.sector, flotilla.label) == ("organisation", "KHM", "MIL", "ORG")
    assert flotilla.aliases == ("SRF", "Flotilla of the South")
    assert flotilla.where.endswith("actors.yaml:2")
    assert entries["Mekong Basin Secretariat"].label == "IGO"
    assert entries["the Hermit Kingdom"].label == "COUNTRY"
    assert entries["the Hermit Kingdom"].id == "PRK||North Korea"  # the gazetteer's name: one id per state
    giang = entries["Phan Văn Giang"]
    assert giang.label == PERSON_KNOWN and giang.id == "VNM|GOV|Phan Văn Giang"
    assert giang.titles == ("Minister of National Defence", "Chief of the General Staff")
    minister, chief = giang.offices
    assert (minister.start, minister.end, minister.sector) == (dt.date(2021, 4, 8), None, "GOV")
    assert (chief.start, chief.end, chief.sector) == (dt.date(2016, 4, 1), dt.date(2021, 4, 7), "MIL")
    assert giang.office_on(dt.date(2019, 6, 1)) is chief
    assert giang.office_on(dt.date(2024, 12, 18)) is minister
    assert giang.office_on(dt.date(2000, 1, 1)) is None
    # entry-level dates are the default of each title
    cuong = entries["Nguyễn Tân Cương"]
    assert cuong.offices[0].title == "Chief of the General Staff" and cuong.offices[0].start == dt.date(2021, 4, 8)


def test_dictionaries_people_are_the_person_entries():
    people = load("actors.yaml").people()
    assert {p.name for p in people} == {"Phan Văn Giang", "Nguyễn Tân Cương", "Сергей Шойгу",
                                        "Kim Jong-un 김정은", "محمد بن سلمان"}
    assert all(p.type == "person" for p in people)


def test_dictionaries_csv_rows_of_one_person_merge_into_offices():
    d = load("actors.csv")
    assert d.format == "csv" and len(d) == 4
    seiha = by_name(d)["Tea Seiha"]
    assert seiha.aliases == ("Samdech Tea Seiha",)  # ';' separates aliases, the name itself is not repeated
    assert [(o.title, o.sector, o.start, o.end) for o in seiha.offices] == [
        ("Minister of National Defence", "GOV", dt.date(2023, 8, 22), None),
        ("Deputy Commander-in-Chief", "MIL", dt.date(2018, 1, 1), dt.date(2023, 8, 21))]
    assert seiha.where.endswith("actors.csv:3")
    assert by_name(d)["Southern Riverine Flotilla"].aliases == ("SRF", "Flotilla of the South")  # '|' too


def test_dictionaries_yaml_and_csv_give_the_same_patterns_for_the_same_entry():
    def flotilla(d):
        return sorted(p["pattern"] for p in d.patterns() if "Flotilla" in p["id"])

    assert flotilla(load("actors.yaml")) == flotilla(load("actors.csv"))


def test_dictionaries_patterns_are_in_the_compiled_format():
    patterns = load("actors.yaml").patterns()
    assert patterns == sorted(patterns, key=lambda p: (p["label"], p["pattern"], p["id"]))
    for p in patterns:
        assert set(p) == {"label", "pattern", "id"}
        assert p["label"] in {"ORG", "IGO", "COUNTRY", "ORG_HEAD", PERSON_KNOWN}
        assert len(p["id"].split("|")) == 3
    forms = {p["pattern"] for p in patterns if p["id"] == "VNM|GOV|Phan Văn Giang"}
    assert {"Phan Văn Giang", "Phan Van Giang", "PHAN VĂN GIANG", "PHAN VAN GIANG"} <= forms


# ---- names in any script ---------------------------------------------------------------------------------

MIXED = ["Nguyễn Tân Cương", "Сергей Шойгу", "Kim Jong-un 김정은", "محمد بن سلمان", "Łukasz Błaszczak",
         "Αλέξης Τσίπρας", "ศักดิ์สยาม ชิดชอบ"]


@pytest.mark.parametrize("name", MIXED)
def test_dictionaries_names_in_any_script_are_kept_as_written(name, tmp_path):
    path = tmp_path / "people.yaml"
    path.write_text(f"- name: {name}\n  type: person\n  country: VNM\n", encoding="utf-8")
    entry = load_dictionary(path).entries[0]
    assert entry.name == name
    forms = {p["pattern"] for p in load_dictionary(path).patterns()}
    assert name in forms
    assert {p["id"] for p in load_dictionary(path).patterns()} == {f"VNM||{name}"}
    # variants change Latin accents and case only: every other script's words stay as written
    others = [w for w in name.split() if strip_latin_marks(w) == w and not w.isascii()]
    for form in forms:
        assert all(w in form or w.upper() in form for w in others), form


def test_dictionaries_cyrillic_short_i_is_a_letter_not_an_accent():
    assert strip_latin_marks("Сергей Шойгу") == "Сергей Шойгу"
    assert strip_latin_marks("Kim Jong-un 김정은") == "Kim Jong-un 김정은"
    assert strip_latin_marks("Nguyễn Tân Cương") == "Nguyen Tan Cuong"


def test_dictionaries_decomposed_input_is_stored_composed(tmp_path):
    nfd = unicodedata.normalize("NFD", "Nguyễn Tân Cương")
    path = tmp_path / "nfd.csv"
    path.write_text(f"name,type,country\n{nfd},person,VNM\n", encoding="utf-8")
    assert load_dictionary(path).entries[0].name == unicodedata.normalize("NFC", nfd)


@pytest.fixture(scope="module")
def blank_nlp():
    """A blank English pipeline with only the gazetteer component: no model needed."""
    import comity.nlp.components.actors  # noqa: F401 (registers the factory)

    nlp = spacy.blank("en")
    nlp.add_pipe("comity_actors").add_patterns(load("actors.yaml").patterns())
    return nlp


@pytest.mark.parametrize("text, found, label, id_", [
    ("Talks with Сергей Шойгу ended.", "Сергей Шойгу", PERSON_KNOWN, "RUS|GOV|Сергей Шойгу"),
    ("Then Kim Jong-un 김정은 spoke.", "Kim Jong-un 김정은", PERSON_KNOWN, "PRK|GOV|Kim Jong-un 김정은"),
    ("Then 김정은 spoke.", "김정은", PERSON_KNOWN, "PRK|GOV|Kim Jong-un 김정은"),
    ("He met محمد بن سلمان today.", "محمد بن سلمان", PERSON_KNOWN, "SAU|GOV|محمد بن سلمان"),
    ("General Nguyen Tan Cuong said", "Nguyen Tan Cuong", PERSON_KNOWN, "VNM|MIL|Nguyễn Tân Cương"),
    ("The SRF patrols the river.", "SRF", "ORG", "KHM|MIL|Southern Riverine Flotilla"),
    ("A warning to the Hermit Kingdom.", "the Hermit Kingdom", "COUNTRY", "PRK||North Korea"),
])
def test_dictionaries_patterns_match_in_the_gazetteer_component(blank_nlp, text, found, label, id_):
    doc = blank_nlp(text)
    spans = [(s.text, s.label_, s.kb_id_) for s in doc.spans["comity_actors"]]
    assert (found, label, id_) in spans


# ---- bad user dictionaries: named by file and line --------------------------------------------------------

GOOD = "- name: Southern Riverine Flotilla\n  type: organisation\n  country: KHM\n  sector: MIL\n"


@pytest.mark.parametrize("text, code, line, detail", [
    ("- name: A\n  type: organisation\n  country: XYZ\n", "E108", 3, "'XYZ'"),
    (GOOD + "- name: B\n  type: organisation\n  country: KHM\n  sector: NAVY\n", "E109", 8, "'NAVY'"),
    (GOOD + "- name: B\n  typ: organisation\n", "E107", 6, "unknown field(s) ['typ']"),
    ("- name: A\n  type: thing\n  country: KHM\n", "E107", 2, "type must be"),
    ("- name: A\n  country: KHM\n", "E107", 1, "type must be"),
    ("- name: A\n  type: organisation\n", "E107", 1, "needs a country"),
    ("- name: A|B\n  type: person\n", "E107", 1, "contains '|'"),
    ("- name: 1984\n  type: person\n", "E107", 1, "must be text"),
    ("- name: A\n  type: person\n  from: 2021-02-30\n", "E107", 1, "not a calendar date"),
    ("- name: A\n  type: person\n  from: 2021\n", "E107", 1, "YYYY-MM-DD"),
    ("- name: A\n  type: person\n  from: 2021-01-01\n  until: 2020-01-01\n", "E107", 1, "before from"),
    ("- name: A\n  type: organisation\n  country: KHM\n  titles: [Chief]\n", "E107", 4, "titles are for people"),
    ("- name: A\n  type: state\n  country: IGO\n", "E107", 3, "a state needs a state's code"),
    ("- name: A\n  type: state\n  country: KHM\n  sector: GOV\n", "E107", 4, "a state has no sector"),
    ("- name: A\n  name: B\n  type: person\n", "E107", 2, "duplicate key"),
    ("- name: A\n  type: person\n   country: KHM\n", "E107", 3, "not valid YAML"),
    ("name: A\ntype: person\n", "E107", 1, "a list of entries"),
    ("- just a name\n", "E107", None, "not a mapping"),
    ("- name: A\n  type: person\n  titles:\n    - title: Chief\n      since: 2020-01-01\n", "E107", 4,
     "unknown title field(s) ['since']"),
])
def test_dictionaries_bad_yaml_is_named_by_file_and_line(text, code, line, detail):
    message = error_of(text, "my/actors.yaml")
    assert message.startswith(f"[{code}]")
    where = "my/actors.yaml" + (f":{line}" if line else "")
    assert f"{where}:" in message or f"{where} " in message, message
    assert detail in message


@pytest.mark.parametrize("text, code, line, detail", [
    ("name,kind\nA,person\n", "E107", 1, "header"),
    ("name,type,country\nA,person,VNM\nB,organisation,ZZZ\n", "E108", 3, "'ZZZ'"),
    ("name,type,country\nA,person,VNM,extra\n", "E107", 2, "cells for 3 columns"),
    ("name,type,country,sector\nA,organisation,VNM,ARMY\n", "E109", 2, "'ARMY'"),
    ("name,type,from\n# a comment line\nA,person,18/12/2024\n", "E107", 3, "YYYY-MM-DD"),
    ("name,type,country\n", "E107", 2, "no entries"),
    ("", "E107", 1, "empty"),
])
def test_dictionaries_bad_csv_is_named_by_file_and_line(text, code, line, detail):
    message = error_of(text, "people.csv")
    assert message.startswith(f"[{code}]") and f"people.csv:{line}" in message and detail in message, message


def test_dictionaries_unknown_country_is_an_error_not_a_skip(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(GOOD + "- name: Atlantis Navy\n  type: organisation\n  country: ATL\n  sector: MIL\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"\[E108\] .*a\.yaml:7.*'ATL'"):
        load_dictionary(path)


def test_dictionaries_codes_are_case_insensitive_and_non_state_codes_accepted():
    d = read("name,type,country,sector\nMercy Corps,organisation,ngo,cvl\nVPA,organisation,vnm,mil\n", "x.csv")
    assert [(e.country, e.sector, e.label) for e in d.entries] == [("NGO", "CVL", "IGO"), ("VNM", "MIL", "ORG")]


@pytest.mark.parametrize("setup, code", [
    (lambda p: None, "E110"),
    (lambda p: p.write_bytes("name,type\nQuébec,person\n".encode("cp1252")), "E110"),
    (lambda p: p.mkdir(), "E110"),
])
def test_dictionaries_unreadable_files(tmp_path, setup, code):
    path = tmp_path / "dict.csv"
    setup(path)
    with pytest.raises(DataError, match=rf"\[{code}\] cannot read actor dictionary .*dict\.csv"):
        load_dictionary(path)


def test_dictionaries_format_is_chosen_by_suffix_then_content():
    assert read(GOOD, "a.yml").format == "yaml"
    assert read("name,type\nA,person\n", "a.CSV").format == "csv"
    assert read("NAVY [~MIL]\n", "dict.txt").format == "petrarch-agents"
    assert read("LAOS [LAO]\n", "dict.txt").format == "petrarch-actors"
    assert read("LAOS [LAO]\n", "dict", fmt="petrarch-actors").format == "petrarch-actors"


def test_dictionaries_load_is_cached_until_the_file_changes(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(GOOD, encoding="utf-8")
    first = load_dictionary(path)
    assert load_dictionary(path) is first
    path.write_text(GOOD.replace("MIL", "GOV") + "\n", encoding="utf-8")
    assert load_dictionary(path).entries[0].sector == "GOV"


# ---- the shipped gazetteer keeps its names ---------------------------------------------------------------

def test_dictionaries_names_the_gazetteer_knows_are_left_to_it():
    d = read("- name: Hanoi\n  type: organisation\n  country: KHM\n  sector: GOV\n"
             "- name: Viet Nam\n  type: state\n  country: VNM\n", "g.yaml")
    assert d.patterns() == []  # "Viet Nam" is already the gazetteer's, with the same meaning
    conflicts = d.conflicts()
    assert [c.name for c in conflicts] == ["HANOI"] and "KHM/GOV" in conflicts[0].reason
    assert any("[W102]" in n for n in notes(d))


def test_dictionaries_skipped_entries_warn_once(tmp_path):
    path = tmp_path / "a.actors.txt"
    path.write_text("LAOS [LAO]\nGONDOR [GON]\n", encoding="utf-8")
    with pytest.warns(DictionaryWarning, match=r"\[W101\] .*1 entr\(y/ies\) not used.*a\.actors\.txt:2 'GONDOR'"):
        load_dictionary(path, strict=False)


# ---- PETRARCH actors -------------------------------------------------------------------------------------

def test_dictionaries_petrarch_actors_small_file():
    d = load("small.actors.txt")
    assert d.format == "petrarch-actors"
    e = by_name(d)
    assert (e["Vietnam"].type, e["Vietnam"].country) == ("state", "VNM")
    assert e["Vietnam"].aliases == ("Viet Nam", "Socialist Republic of Vietnam")
    assert (e["Mekong River Guard"].country, e["Mekong River Guard"].sector) == ("KHM", "MIL")
    assert e["Phnom Penh Daily"].sector == "JRN"  # CAMEO MED (media) is PLOVER JRN
    assert (e["Sample Khamsing"].type, e["Sample Khamsing"].titles) == ("person", ("President",))
    fund = e["United Nations Development Fund"]
    assert (fund.country, fund.sector, fund.label) == ("IGO", "GOV", "IGO")  # UNO: an IGO in comity
    assert "Mekong Forum" in e  # "THE_" stays outside the name
    assert [(s.name, s.where.rsplit(":", 1)[1]) for s in d.skipped] == [("ANONYMOUS SOURCES", "25")]


def test_dictionaries_petrarch_date_restrictions_become_offices():
    person = by_name(load("small.actors.txt"))["Bounlay Thammavong"]
    assert person.type == "person" and person.aliases == ("Bounlay",)
    assert [(o.code, o.start, o.end) for o in person.offices] == [
        ("LAOMIL", dt.date(2010, 1, 1), dt.date(2015, 12, 31)),  # a range includes both ends
        ("LAOGOV", dt.date(2016, 1, 1), None),                   # ">D": after D
        ("LAOELI", None, dt.date(2009, 12, 31)),                 # "<D": before D
    ]
    assert (person.country, person.sector) == ("LAO", "GOV")  # the latest office names the pattern
    assert person.office_on(dt.date(2012, 5, 5)).sector == "MIL"


def test_dictionaries_petrarch_tabari_dates_and_null_codes():
    d = read("GOLLUM\n+SMEAGOL\n  [---  <950601]\n  [LAOGOV 950601-991231]\n  [LAOREB > 991231]\n", "t.txt")
    gollum = d.entries[0]
    assert [(o.start, o.end) for o in gollum.offices] == [(dt.date(1995, 6, 1), dt.date(1999, 12, 31)),
                                                           (dt.date(2000, 1, 1), None)]


@pytest.mark.parametrize("text, line, detail", [
    ("LAOS [LAO\n", 1, "bracket missing"),
    ("+LAOTIAN\nLAOS [LAO]\n", 1, "synonym before any actor"),
    ("[LAO]\n", 1, "[CODE] before any actor"),
    ("LAOS\n+LAOTIAN\nVIETNAM [VNM]\n", 1, "has no [CODE]"),
    ("LAOS [LAO]\n\nGOLLUM\n  [AAA950601-990815]\n", 4, "not a code block"),
    ("LAOS [LAO 20201345-20211231]\n", 1, "not a date"),
    ("LAOS [LAO 20211231-20201231]\n", 1, "ends before it starts"),
    ("LAOS [LAO]\n+LAOTIAN [LAO]\n", 2, "takes no code"),
    ("SHIRE [FRO/BIL]\n", 1, "compound code"),
])
def test_dictionaries_petrarch_malformed_lines(text, line, detail):
    message = error_of(text, "x.actors.txt", fmt="petrarch-actors")
    assert message.startswith("[E107]") and f"x.actors.txt:{line}" in message and detail in message, message


def test_dictionaries_petrarch_unknown_country_is_an_error_unless_lenient():
    text = "LAOS [LAO]\n# a comment\nGONDOR [GONGOV]\n"
    message = error_of(text, "x.txt")
    assert message.startswith("[E108]") and "x.txt:3" in message and "'GON'" in message
    lenient = read(text, "x.txt", strict=False)
    assert [e.name for e in lenient.entries] == ["Laos"]
    assert [str(s) for s in lenient.skipped] == ["x.txt:3 'GONDOR': GON is not a country or non-state code"]


def test_dictionaries_petrarch_names_in_capitals_are_matched_as_news_prints_them():
    assert title_case("GROUP OF 77") == "Group of 77"
    assert title_case("PRESIDENT GEORGE W. BUSH") == "President George W. Bush"
    assert title_case("AL-QAEDA") == "Al-Qaeda"
    assert {"UN Security Council", "Un Security Council", "UN SECURITY COUNCIL"} <= capitals_variants(
        "UN SECURITY COUNCIL")
    assert {"Iran", "IRAN"} <= capitals_variants("IRAN")


def test_dictionaries_real_petrarch_actors_file(shared):
    path = shared / "peer" / "petrarch2" / "PETR.Validate.actors.txt"
    records = parse_actors(path.read_text(encoding="utf-8"), str(path))
    assert (len(records), sum(len(r.synonyms) for r in records), sum(len(r.codes) for r in records)) == (128, 33, 138)
    # its actors are mostly fictional (Tolkien) with codes no state has: strict reading stops at the first
    with pytest.raises(DataError, match=r"\[E108\] .*PETR\.Validate\.actors\.txt:38: unknown country code 'SAF'"):
        load_dictionary(path)
    d = _lenient(path)
    assert (len(d.entries), len(d.skipped)) == (56, 72)
    e = by_name(d)
    assert (e["George W. Bush"].type, e["George W. Bush"].country, e["George W. Bush"].sector) == \
        ("person", "USA", "GOV")
    assert (e["Al-Qaeda"].country, e["Al-Qaeda"].label) == ("IMG", "IGO")
    assert e["United Nations"].country == "IGO" and "U.N." in e["United Nations"].aliases
    assert (e["International Criminal Police Organization"].country,
            e["International Criminal Police Organization"].sector) == ("IGO", "COP")
    assert e["North Korea"].aliases == ("Pyongyang", "Hermit Kingdom")
    assert len(d.patterns()) > 0


def _lenient(path):
    with pytest.warns(DictionaryWarning, match=r"\[W101\] .*72 entr"):
        return load_dictionary(path, strict=False)


# ---- PETRARCH agents -------------------------------------------------------------------------------------

def test_dictionaries_petrarch_agents_small_file():
    d = load("small.agents.txt")
    assert d.format == "petrarch-agents"
    e = by_name(d)
    assert all(x.type == "agent" and x.country == "" and x.label == "ORG_HEAD" for x in d.entries)
    assert e["navy"].sector == "MIL" and e["navy"].aliases == ("navies",)
    assert e["police"].aliases == ()  # {}: no plural
    assert e["attorney general"].aliases == ("attorneys general",)  # {X}: the irregular plural
    assert e["deputy"].aliases == ("deputies",)
    assert e["congressman"].aliases == ("congressmen", "congresswoman", "congresswomen")  # !PERSON! set
    assert e["minister of fisheries"].aliases == ("ministers of fisheries", "ministry of fisheries",
                                                  "ministries of fisheries")
    assert e["state broadcaster"].sector == "GOV" and e["tv network"].sector == "JRN"
    assert {s.name: s.reason.split(":")[0] for s in d.skipped} == {"aid group": "NGO~", "pilgrim": "~CHR"}
    ids = {p["id"] for p in d.patterns()}
    assert "|JUD|attorney general" in ids
    assert "|COP|police" not in ids  # the gazetteer has "police" as COP already; only new spellings are added
    assert {p["pattern"] for p in d.patterns() if p["id"] == "|MIL|navy"} == {"navies", "Navies", "NAVIES"}
    forms = {p["pattern"] for p in d.patterns() if p["id"] == "|GOV|deputy"}
    assert forms == {"deputy", "Deputy", "DEPUTY", "deputies", "Deputies", "DEPUTIES"}


@pytest.mark.parametrize("text, line, detail", [
    ("NAVY [~MIL]\nARMY\n", 2, "not an agent line"),
    ("NAVY [MIL]\n", 1, "must start with '~'"),
    ("!MINST!_OF_FISHERIES [~GOV]\n", 1, "!MINST! is not defined"),
])
def test_dictionaries_petrarch_agents_malformed(text, line, detail):
    message = error_of(text, "a.agents.txt", fmt="petrarch-agents")
    assert message.startswith("[E107]") and f"a.agents.txt:{line}" in message and detail in message, message


@pytest.mark.parametrize("phrase, plural", [
    ("minister", "ministers"), ("foreign ministry", "foreign ministries"), ("congress", "congresses"),
    ("attorney", "attorneys"), ("security officials", None), ("church", "churches"),
])
def test_dictionaries_petrarch_regular_plural(phrase, plural):
    assert regular_plural(phrase) == plural


def test_dictionaries_real_petrarch_agents_file(shared):
    path = shared / "peer" / "petrarch2" / "PETR.Validate.agents.txt"
    with pytest.warns(DictionaryWarning) as caught:
        d = load_dictionary(path)
    messages = [str(w.message) for w in caught]
    assert any(re.search(r"\[W101\] .*15 entr", m) for m in messages)
    assert any("[W102]" in m and "BORDER POLICE" in m for m in messages)  # the gazetteer says MIL, PETRARCH COP
    assert d.format == "petrarch-agents" and (len(d.entries), len(d.skipped)) == (73, 15)
    e = by_name(d)
    assert e["foreign minister"].sector == "GOV" and e["troops"].sector == "MIL"
    assert e["congressman"].sector == "LEG" and "congresswomen" in e["congressman"].aliases
    assert e["minister of silly walks"].aliases[-1] == "ministries of silly walks"
    assert e["media"].sector == "JRN"


# ---- documentation ---------------------------------------------------------------------------------------

def test_dictionaries_docs_name_every_field_label_and_message():
    text = DOCS.read_text(encoding="utf-8")
    for word in ("name", "aliases", "country", "sector", "type", "titles", "title", "from", "until",
                 "person", "organisation", "state", PERSON_KNOWN, "ORG_HEAD", "E107", "E108", "E109", "E110",
                 "W101", "W102", "--actors", "strict"):
        assert re.search(rf"`[^`]*{re.escape(word)}[^`]*`", text), word


# ---- through the pipeline and the command line (real model) -----------------------------------------------

REPORT = (" date 2025-03-04 PHNOM PENH — The Southern Riverine Flotilla held talks with a delegation of the "
          "Vietnamese navy in Phnom Penh on Tuesday. — AKP\n")


@pytest.mark.model
def test_dictionaries_build_pipeline_is_cached_per_dictionaries_and_does_not_leak():
    from comity.nlp.pipeline import build_pipeline

    path = str(DATA / "actors.yaml")
    with_dict = build_pipeline(None, (path,))
    assert build_pipeline(None, (path,)) is with_dict
    plain = build_pipeline()
    assert plain is not with_dict
    assert with_dict.meta["comity_dictionaries"] == [path]

    def labels(nlp):
        doc = nlp("The Southern Riverine Flotilla sailed.")  # keep the Doc alive: a SpanGroup dies with it
        return {(s.text, s.label_) for s in doc.spans["comity_actors"]}

    assert ("Southern Riverine Flotilla", "ORG") in labels(with_dict)
    assert not any("Flotilla" in t for t, _ in labels(plain))


@pytest.mark.model
def test_dictionaries_extract_cli_codes_an_actor_only_the_dictionary_knows(tmp_path):
    from typer.testing import CliRunner

    from comity.cli import app

    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["extract", str(report)])
    assert plain.exit_code == 0, plain.stderr
    assert not any(e["source"]["country"] == "KHM" and e["source"]["sector"] == "MIL"
                   for line in plain.stdout.splitlines() for e in json.loads(line)["events"])
    result = runner.invoke(app, ["extract", str(report), "--actors", str(DATA / "actors.yaml")])
    assert result.exit_code == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    talks = [e for e in record["events"] if e["cameo"] == "040"]
    assert talks, record["events"]
    assert talks[0]["source"]["country"] == "KHM" and talks[0]["source"]["sector"] == "MIL"
    assert talks[0]["target"]["country"] == "VNM"


@pytest.mark.model
@pytest.mark.parametrize("content, name, message", [
    (GOOD + "- name: B\n  type: organisation\n  country: ATL\n", "bad.yaml", "bad.yaml:7: unknown country code 'ATL'"),
    ("name,type,country\nA,person,VNM,x\n", "bad.csv", "bad.csv:2 is malformed"),
    ("LAOS [lao\n", "bad.actors.txt", "bad.actors.txt:1 is malformed"),
])
def test_dictionaries_extract_cli_reports_a_bad_dictionary_cleanly(tmp_path, content, name, message):
    from typer.testing import CliRunner

    from comity.cli import app

    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(report), "--actors", str(bad)])
    assert result.exit_code == 2
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""


@pytest.mark.model
def test_dictionaries_extract_cli_warns_about_unused_agents(tmp_path):
    from typer.testing import CliRunner

    from comity.cli import app

    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(report), "--actors", str(DATA / "small.agents.txt"),
                                      "--actors", str(DATA / "actors.csv")])
    assert result.exit_code == 0, result.stderr
    assert "[W101]" in result.stderr and "small.agents.txt:15 'aid group'" in result.stderr
