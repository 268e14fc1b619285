"""Behaviour of the actor gazetteer: lookups, validation of the YAML, and the compiled patterns in spaCy."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from spacy.util import filter_spans

from comity.errors import DataError
from comity.nlp.compile import compile_patterns, read_compiled, surface_variants, tone_variant, write_compiled
from comity.nlp.gazetteer import Entry, Gazetteer, fold, load_gazetteer, strip_diacritics


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def ruler_nlp():
    """A blank English pipeline with the compiled patterns in a SpanRuler, as the brief specifies."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(read_compiled())
    return nlp


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    """(text, label, code) of the longest non-overlapping matches."""
    doc = nlp(text)  # keep the Doc alive: a SpanGroup dies with it
    spans = filter_spans(doc.spans["ruler"])
    return [(s.text, s.label_, s.id_.split("|")[0]) for s in spans]


# ---- fold and lookup -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Việt Nam", "viet nam"), ("  ĐÀ   NẴNG ", "da nang"), ("People’s", "people's"),
    ("Bà Rịa–Vũng Tàu", "ba ria-vung tau"), ("İzmir", "izmir"), ("Łódź", "lodz"),
])
def test_gazetteer_fold(text, expected):
    assert fold(text) == expected


def test_gazetteer_strip_diacritics_keeps_case():
    assert strip_diacritics("HÀ NỘI") == "HA NOI"
    assert strip_diacritics("Điện Biên Phủ") == "Dien Bien Phu"


@pytest.mark.parametrize("surface,kind,code,sector", [
    ("Việt Nam", "COUNTRY", "VNM", ""), ("Viet Nam", "COUNTRY", "VNM", ""),
    ("Vietnam", "COUNTRY", "VNM", ""),
    ("VIỆT NAM", "COUNTRY", "VNM", ""), ("viet   nam", "COUNTRY", "VNM", ""),
    ("Vietnamese", "DEMONYM", "VNM", ""),
    ("Lao", "DEMONYM", "LAO", ""), ("Laotian", "DEMONYM", "LAO", ""), ("Laos", "COUNTRY", "LAO", ""),
    ("Lao People's Democratic Republic", "COUNTRY", "LAO", ""),  # from pycountry
    ("Hà Nội", "CAPITAL", "VNM", ""), ("HA NOI", "CAPITAL", "VNM", ""), ("Hanoi", "CAPITAL", "VNM", ""),
    ("Vientiane", "CAPITAL", "LAO", ""), ("Phnom Penh", "CAPITAL", "KHM", ""),
    ("Siem Reap", "CITY", "KHM", ""), ("Khanh Hoa", "CITY", "VNM", ""),
    ("Điện Biên Phủ", "CITY", "VNM", ""),
    ("Korea, Republic of", "COUNTRY", "KOR", ""),  # pycountry's name
    ("VPA", "ORG", "VNM", "MIL"), ("Việt Nam People's Army", "ORG", "VNM", "MIL"),
    ("Communist Party of Viet Nam", "ORG", "VNM", "PTY"), ("Pentagon", "ORG", "USA", "GOV"),
    ("ASEAN", "IGO", "IGO", ""), ("ADMM-Plus", "IGO", "IGO", ""),
    ("Shangri-La Dialogue", "IGO", "IGO", "FORUM"),
    ("Ministry of National Defence", "ORG_HEAD", "", "GOV"), ("Ministry of Defense", "ORG_HEAD", "", "GOV"),
])
def test_gazetteer_lookup(gazetteer, surface, kind, code, sector):
    entries = gazetteer.lookup(surface)
    assert any((e.kind, e.code, e.sector) == (kind, code, sector) for e in entries), entries


def test_gazetteer_lookup_unknown_and_ambiguous(gazetteer):
    assert gazetteer.lookup("Atlantis") == []
    assert {e.code for e in gazetteer.lookup("Congo")} == {"COG", "COD"}
    assert all(e.ambiguous for e in gazetteer.lookup("Chad"))
    assert not any(e.ambiguous for e in gazetteer.lookup("Chadian"))


def test_gazetteer_canonical_names(gazetteer):
    assert gazetteer.country_name("VNM") == "Vietnam"
    assert gazetteer.country_name("KOS") == "Kosovo"
    assert gazetteer.lookup("HANOI")[0].canonical == "Hà Nội"
    with pytest.raises(KeyError):
        gazetteer.country_name("XYZ")
    assert load_gazetteer() is gazetteer  # cached


def test_gazetteer_entry_id_round_trip():
    entry = Entry("ORG", "VNM", "MIL", "People's Army of Viet Nam")
    assert entry.id == "VNM|MIL|People's Army of Viet Nam"
    assert Entry.from_id("ORG", entry.id) == entry


# ---- validation ------------------------------------------------------------------------------------

GOOD_COUNTRIES = ("countries:\n"
                  "  VNM: {names: [Vietnam], demonyms: [Vietnamese], capital: [Hanoi], cities: [Hue]}\n")
GOOD_ORGS = "organisations:\n  - {name: VPA, country: VNM, sector: MIL}\n"


def load(tmp_path: Path, countries: str = GOOD_COUNTRIES, orgs: str = GOOD_ORGS) -> Gazetteer:
    (tmp_path / "c.yaml").write_text(countries, encoding="utf-8")
    (tmp_path / "o.yaml").write_text(orgs, encoding="utf-8")
    return Gazetteer.from_files(tmp_path / "c.yaml", tmp_path / "o.yaml")


def test_gazetteer_minimal_files_load(tmp_path):
    gaz = load(tmp_path)
    assert list(gaz.countries) == ["VNM"] and gaz.lookup("vpa")[0].code == "VNM"


@pytest.mark.parametrize("countries,orgs,message", [
    (GOOD_COUNTRIES.replace("VNM", "XXX"), GOOD_ORGS, "pycountry does not know"),
    (GOOD_COUNTRIES.replace("VNM", "Vnm"), GOOD_ORGS, "not an ISO 3166-1 alpha-3"),
    (GOOD_COUNTRIES.replace("cities", "towns"), GOOD_ORGS, "unknown field"),
    (GOOD_COUNTRIES + "  VNM: {names: [Viet Nam]}\n", GOOD_ORGS, "duplicate key"),
    (GOOD_COUNTRIES.replace("[Hue]", "[Hue], ambiguous: [Chad]"), GOOD_ORGS, "is not one of its names"),
    (GOOD_COUNTRIES.replace("[Vietnam]", "[Viet|Nam]"), GOOD_ORGS, "is not a name"),
    (GOOD_COUNTRIES.replace("[Vietnam]", "[]"), GOOD_ORGS, "at least one name"),
    (GOOD_COUNTRIES, GOOD_ORGS.replace("MIL", "ARMY"), "is not one of"),
    (GOOD_COUNTRIES, GOOD_ORGS.replace("VNM", "LAO"), "neither IGO nor a code"),
    (GOOD_COUNTRIES, "heads:\n  - {head: Navy}\n", "sector None"),
    ("countries: [VNM]\n", GOOD_ORGS, "must be a mapping"),
    (GOOD_COUNTRIES + "places: [{a: b}]\n", GOOD_ORGS, "places[0]"),
])
def test_gazetteer_invalid_yaml_raises_e104(tmp_path, countries, orgs, message):
    with pytest.raises(DataError, match=r"\[E104\]") as info:
        load(tmp_path, countries, orgs)
    assert message in str(info.value)


# ---- compilation ------------------------------------------------------------------------------------

def test_gazetteer_tone_variant():
    assert tone_variant("Khánh Hòa") == "Khánh Hoà"
    assert tone_variant("Thanh Hoá") == "Thanh Hóa"
    assert tone_variant("Thủy") == "Thuỷ"
    for unchanged in ["Hoàng", "Quý", "Nguyễn", "Hà Nội"]:
        assert tone_variant(unchanged) == unchanged


def test_gazetteer_surface_variants():
    assert surface_variants("Hà Nội") == {"Hà Nội", "Ha Noi", "HÀ NỘI", "HA NOI"}
    assert {"Lao People’s Army", "LAO PEOPLE'S ARMY"} <= surface_variants("Lao People's Army")
    assert "KHÁNH HOÀ" in surface_variants("Khánh Hòa")


def test_gazetteer_compile_is_deterministic(gazetteer, tmp_path):
    patterns = compile_patterns(gazetteer)
    assert patterns == compile_patterns(gazetteer)
    assert {"label": "CAPITAL", "pattern": "HA NOI", "id": "VNM||Hà Nội"} in patterns
    assert {"label": "ORG", "pattern": "VPA", "id": "VNM|MIL|People's Army of Viet Nam"} in patterns
    n = write_compiled(tmp_path / "p.jsonl", gazetteer)
    assert n == len(patterns) and read_compiled(tmp_path / "p.jsonl") == patterns


def test_gazetteer_read_compiled_missing_raises_e103(tmp_path):
    with pytest.raises(DataError, match=r"\[E103\]"):
        read_compiled(tmp_path / "nope.jsonl")


# ---- the compiled patterns in a real SpanRuler ----------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("HÀ NỘI — The Lao People’s Army delegation",
     [("HÀ NỘI", "CAPITAL", "VNM"), ("Lao People’s Army", "ORG", "LAO")]),
    ("KHÁNH HOÀ — a port call", [("KHÁNH HOÀ", "CITY", "VNM")]),
    ("Laos’ ASEAN Chairmanship", [("Laos", "COUNTRY", "LAO"), ("ASEAN", "IGO", "IGO")]),
    ("a patrol boat for Papua New Guinea", [("Papua New Guinea", "COUNTRY", "PNG")]),
    ("drills in the South China Sea", [("South China Sea", "PLACE", "")]),
    ("chad and turkey for dinner", []),  # case-sensitive: common nouns are not states
    # a town whose name starts with another state's island: the longer name wins
    ("leaders gathered in Labuan Bajo for the summit", [("Labuan Bajo", "CITY", "IDN")]),
    ("the frigate docked at Civitavecchia", [("Civitavecchia", "CITY", "ITA")]),
])
def test_gazetteer_span_ruler_matches(ruler_nlp, text, expected):
    assert found(ruler_nlp, text) == expected


# States named in the lead sentence of each report, read by hand (not produced by the gazetteer).
LEAD_COUNTRIES = {
    "seeds/000_aea7e2ec31218e0a.txt": {"VNM", "LAO"},
    "seeds/002_903a55c8c03dccfb.txt": {"VNM", "LAO"},
    "dev/dev-01-vietnam-laos-border-exchange.txt": {"VNM", "LAO"},
    "dev/dev-02-laos-vietnam-policy-dialogue.txt": {"VNM", "LAO"},
    "dev/dev-03-vietnam-cambodia-plan-2026-vna.txt": {"VNM", "KHM"},
    "dev/dev-04-cambodia-vietnam-plan-2026-xinhua.txt": {"VNM", "KHM"},
    "dev/dev-05-japan-vietnam-shangri-la.txt": {"JPN", "VNM"},
    "dev/dev-06-india-vietnam-defence-policy-dialogue.txt": {"IND", "VNM"},
    "dev/dev-07-vietnam-russia-phone-call.txt": {"RUS"},
    "dev/dev-08-us-navy-port-call-cam-ranh.txt": {"VNM", "USA"},
    "dev/dev-09-vietnam-china-protest-note.txt": {"VNM", "CHN"},
    "dev/dev-10-china-vietnam-border-exchange.txt": {"CHN", "VNM"},
    "dev/dev-12-vietnam-australia-admm-plus.txt": {"MYS", "AUS"},
    "dev/dev-13-philippines-japan-defense.txt": {"PHL", "JPN"},
    "dev/dev-14-indonesia-india-defence-dialogue.txt": {"IDN", "IND"},
    "dev/dev-15-malaysia-thailand-border-committee.txt": {"MYS", "THA"},
    "dev/dev-16-australia-png-patrol-boat.txt": {"AUS", "PNG"},
    "dev/dev-17-france-singapore-defence.txt": {"FRA", "SGP"},
    "dev/dev-18-turkiye-azerbaijan-defence.txt": {"TUR", "AZE"},
    "dev/dev-20-vietnam-korea-trade.txt": {"VNM", "KOR"},
    "dev/dev-21-vietnam-thailand-football.txt": {"VNM", "THA"},
    "dev/dev-22-vietnam-us-unga-sidelines.txt": {"USA"},
    "dev/dev-23-cambodia-laos-vietnam-trilateral.txt": {"VNM", "KHM", "LAO"},
    "dev/dev-24-vietnam-japan-video-call.txt": {"VNM", "JPN"},
}


def lead_sentence(text: str) -> str:
    """The first paragraph without the ` date YYYY-MM-DD ` header: one sentence in wire style."""
    return re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s+", "", text.split("\n", 1)[0])


# Seeds added later have no hand-read expectation yet; they still must name at least one state.
_SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
NEW_SEEDS = sorted({f"seeds/{p.name}" for p in _SEEDS.glob("*.txt")} - set(LEAD_COUNTRIES))


@pytest.mark.parametrize("name", sorted(LEAD_COUNTRIES) + NEW_SEEDS)
def test_gazetteer_finds_countries_in_lead_sentences(ruler_nlp, shared, name):
    path = shared / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared")
    lead = lead_sentence(path.read_text(encoding="utf-8"))
    codes = {code for _, _, code in found(ruler_nlp, lead)} - {"", "IGO"}
    if name in LEAD_COUNTRIES:
        assert codes == LEAD_COUNTRIES[name], found(ruler_nlp, lead)
    else:
        assert codes, f"no state found in the lead of {name}: {lead!r}"
