"""The actor gazetteer's source data is complete and consistent, and its compiled form is current.

In the manner of dateparser's tests/test_dateparser_data_integrity.py: the YAML is edited by hand, the
JSONL is generated from it, and these tests notice when one was changed without the other.
"""
from __future__ import annotations

from collections import defaultdict

import pycountry
import pytest

from comity.nlp.compile import PATTERNS_PATH, compile_patterns, dumps, read_compiled
from comity.nlp.gazetteer import (
    CAPITAL, CITY, COUNTRY, DEMONYM, EXTRA_CODES, IGO_CODE, KINDS, ORG_HEAD, PLACE, fold, load_gazetteer,
)

NON_MEMBER_STATES = {"VAT", "PSE", "TWN", "KOS"}  # UN observers, Taiwan, Kosovo
SOME_UN_MEMBERS = ["VNM", "LAO", "KHM", "CHN", "USA", "RUS", "IND", "JPN", "AUS", "PNG", "SSD", "TUV", "NRU",
                   "MKD", "SWZ", "CPV", "TLS", "BRA", "ZAF", "FJI"]


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_data_integrity_compiled_patterns_are_current(gazetteer):
    expected = dumps(compile_patterns(gazetteer))
    actual = PATTERNS_PATH.read_text(encoding="utf-8") if PATTERNS_PATH.exists() else ""
    if actual != expected:
        old, new = set(actual.splitlines()), set(expected.splitlines())
        sample = sorted(new - old)[:3] + sorted(old - new)[:3]
        pytest.fail(f"{PATTERNS_PATH.name} is stale ({len(new - old)} patterns missing, "
                    f"{len(old - new)} extra, "
                    f"e.g. {sample}); run `python -m comity.nlp.compile` and commit the result")


def test_data_integrity_compiled_patterns_are_well_formed():
    patterns = read_compiled()
    assert patterns, "no compiled patterns"
    assert patterns == sorted(patterns, key=lambda p: (p["label"], p["pattern"], p["id"]))
    for p in patterns:
        assert set(p) == {"label", "pattern", "id"}, p
        assert p["label"] in KINDS, p
        assert p["pattern"] and p["pattern"] == p["pattern"].strip(), p
        assert p["id"].count("|") == 2, p


def test_data_integrity_codes_are_iso_or_known(gazetteer):
    for code in gazetteer.countries:
        assert code in EXTRA_CODES or pycountry.countries.get(alpha_3=code) is not None, code
    for org in gazetteer.organisations:
        if org.kind == ORG_HEAD:
            assert org.country == "", org
        else:
            assert org.country == IGO_CODE or org.country in gazetteer.countries, org
    for p in read_compiled():
        code = p["id"].split("|")[0]
        assert code in gazetteer.countries or code in {IGO_CODE, ""}, p
        assert (code == "") == (p["label"] in {ORG_HEAD, PLACE}), p


def test_data_integrity_every_un_member_is_present(gazetteer):
    codes = set(gazetteer.countries)
    assert len(codes - NON_MEMBER_STATES) >= 193
    assert NON_MEMBER_STATES <= codes
    missing = [c for c in SOME_UN_MEMBERS if c not in codes]
    assert not missing, f"UN members missing from countries.yaml: {missing}"


def test_data_integrity_every_state_has_capital_and_cities(gazetteer):
    thin = [c.code for c in gazetteer.countries.values() if not c.capitals or len(c.cities) < 2]
    assert not thin, f"give these a capital and at least two cities: {thin}"


def test_data_integrity_preferred_name_comes_first(gazetteer):
    # the canonical name is names[0]; pycountry's names are appended after the YAML's, never before
    assert gazetteer.countries["VNM"].name == "Vietnam"
    assert gazetteer.countries["KOR"].name == "South Korea"
    assert gazetteer.countries["TUR"].name == "Türkiye"


@pytest.mark.parametrize("word", ["Khmer", "Malay", "Kurdish", "Persian", "Arab", "Tamil"])
def test_data_integrity_no_ethnic_demonyms(gazetteer, word):
    # these name peoples or languages that spill across borders, not a state
    assert all(e.kind != DEMONYM for e in gazetteer.lookup(word)), word


def test_data_integrity_shared_surfaces_are_flagged(gazetteer):
    """A surface that names two different countries (or organisations) must be flagged ambiguous."""
    targets: dict[str, set] = defaultdict(set)
    unflagged: dict[str, set] = defaultdict(set)
    for entry, surface in gazetteer.surfaces():
        if not entry.code:
            continue  # generic heads and places name no one in particular
        place_kind = entry.kind in {COUNTRY, DEMONYM, CAPITAL, CITY}
        target = entry.code if place_kind else (entry.code, entry.canonical)
        targets[fold(surface)].add(target)
        if not entry.ambiguous:
            unflagged[fold(surface)].add(target)
    clashes = {s: sorted(map(str, t)) for s, t in targets.items() if len(t) > 1 and unflagged[s]}
    assert not clashes, f"list these under `ambiguous` in every entry that has them: {clashes}"


def test_data_integrity_known_ambiguities_are_flagged(gazetteer):
    assert {e.code for e in gazetteer.lookup("Congo")} == {"COG", "COD"}
    for surface in ["Congo", "Chad", "Jordan", "Georgia", "Turkey", "Niger", "Guinea", "Korea", "Dominican",
                    "Victoria", "Tripoli", "AFP"]:
        entries = gazetteer.lookup(surface)
        assert entries and all(e.ambiguous for e in entries), surface
    for surface in ["China", "Laos", "Vietnam", "Türkiye", "Papua New Guinea", "ASEAN"]:
        assert not any(e.ambiguous for e in gazetteer.lookup(surface)), surface


# ---- every hand-edited YAML file is read as words ---------------------------------------------------

def test_data_integrity_yaml_words_stay_words():
    from comity.source_yaml import load_source

    # YAML 1.1 would read these as booleans: "[on, upon]" -> [True, "upon"]
    assert load_source("preps: [on, upon, off, no, yes, Y, NO]\nflag: true") == {
        "preps": ["on", "upon", "off", "no", "yes", "Y", "NO"], "flag": True}


def test_data_integrity_yaml_duplicate_keys_are_errors():
    import yaml

    from comity.source_yaml import load_source

    with pytest.raises(yaml.YAMLError, match="duplicate key 'VNM'"):
        load_source("VNM: {names: [Vietnam]}\nVNM: {names: [Viet Nam]}")


def test_data_integrity_trigger_words_are_text():
    from comity.nlp.triggers import trigger_table

    table = trigger_table()
    rows = [t for triggers in table.by_lemma.values() for t in triggers]
    words = {w for t in rows for w in t.objects | t.not_objects | t.requires_word | t.target_preps}
    assert all(isinstance(w, str) for w in words)
    assert "on" in words  # "called on", "paid a call on", "sanctions on"


def test_data_integrity_user_dictionary_keeps_no_as_text():
    from comity.errors import DataError
    from comity.nlp.dictionaries.user import read_yaml

    text = "- name: Ola Nordmann\n  type: person\n  country: NO\n"
    with pytest.raises(DataError, match=r"actors.yaml:3: unknown country code 'NO'"):  # the two-letter code, refused as such
        read_yaml(text, "actors.yaml")
    [entry] = read_yaml(text.replace("NO", "NOR"), "actors.yaml").entries
    assert entry.country == "NOR"


def test_data_integrity_trigger_codes_are_three_or_four_digits_and_known():
    # FORMAT.md: "CAMEO code, 3 or 4 digits" (a root is written "160", not "16")
    from comity.nlp.coding import load_codebook
    from comity.nlp.triggers import trigger_table

    codebook = load_codebook()
    rows = [t for triggers in trigger_table().by_lemma.values() for t in triggers]
    codes = {t.cameo for t in rows} | {t.intent for t in rows if t.intent}
    assert not {c for c in codes if not (c.isdigit() and len(c) in (3, 4))}
    assert not codes - set(codebook)
