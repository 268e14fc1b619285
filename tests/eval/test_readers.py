"""Gold readers on small inline files: comity JSON Lines, PLOVER GSR records, PETRARCH-2 XML."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from comity.errors import EvalError
from comity.eval import (
    GoldActor, detect_format, parse_actor_code, read_comity_gold, read_gold, read_petrarch_gold,
    read_plover_gold, sha256_file,
)
from comity.eval.plover_gold import new_type

COMITY_LINE = {
    "id": "r1", "published": "2024-12-18",
    "events": [
        {"cameo": "040", "source": "VNM", "target": "LAO", "date": "2024-12-18", "optional": False},
        {"cameo": "043", "source": "VNM", "target": "LAO", "date": "2024-12-18", "optional": True},
    ],
    "meetings": [
        {"date": "2024-12-18", "place": "Ha Noi", "countries": ["LAO"], "host_country": "VNM"},
        {"date": "2025-01-01", "participants": [{"country": "KHM"}, {"country": "LAO"}], "status": "planned"},
    ],
    "agreements": [{"kind": "mou", "parties": ["LAO", "VNM"], "period_start": 2025, "period_end": 2029,
                    "status": "signed", "signed_on": "2024-12-18"}],
    "persons": [{"name": "Phan Văn Giang", "country": "VNM", "role": "Defence Minister"}],
}

PLOVER_FILE = [
    {"id": "PLOVER-GSR01-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "header"},
    {"id": "PLOVER-GSR01-DEMAND-0001", "date": "2000-01-01", "event": "DEMAND",
     "source": [{"actorText": "Japanese", "code": "JAP", "sector": "GOV"},
                {"actorText": "Italian", "code": "ITL", "sector": "CVLalb"}],
     "target": "", "text": "{Japan and Italy   demanded\nthe release.}"},
    {"id": "PLOVER-GSR01-CONSULT-0001", "date": "2000-01-01", "event": "CONSULT", "mode": "host",
     "source": [{"code": "FRA", "sector": "***"}], "target": [{"code": "VTN"}], "text": "France hosted Vietnam."},
    {"id": "PLOVER-GSR01-INVESTIGATE-0001", "date": "2000-01-01", "event": "INVESTIGATE",
     "source": [{"code": "IGO"}], "target": "diplomatic", "text": "The UN investigated."},
]

PETRARCH_FILE = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
##################
#  banner with a stray <EventCoding...> mention
##################
<Sentences>
<Sentence category="AFP" date="20080806" id="S1" evaluate="true"/>
<!-- PATTERN * TALKS [046] -->
<EventCoding eventcode="046" sourcecode="LBNGOV" targetcode="USAMIL" />
<EventCoding eventcode="046" sourcecode="USAMIL" targetcode="LBNGOV" />
<Text>
The US commander held talks with
President Suleiman as`` planned'' on Wednesday.
</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
</Parse></Sentence>

<Sentence category="TEST" date="121108" id="S2" evaluate="true">
<EventCoding noevents="True" />
<Text>
Nothing happened.
</Text>
<Parse>
</Parse>
<!---
<Parse>
</Parse>-->
</Sentence>

<Sentence category="OTHER" date="20150101" id="S3" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGAMUS" />
<Text>
</Text>
<Parse>
</Parse></Sentence>

<Sentence category="OTHER" date="20150101" id="S4" evaluate="false"/>
<EventCoding eventcode="190" sourcecode="---REB" targetcode="SYR" />
<Text>
Ignored sentence.
</Text>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.fixture
def comity_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(COMITY_LINE, ensure_ascii=False) + "\n\n", encoding="utf-8")
    return path


@pytest.fixture
def plover_gold(tmp_path):
    path = tmp_path / "PLOVER_GSR.txt"
    path.write_text(json.dumps(PLOVER_FILE, indent=1), encoding="utf-8")
    return path


@pytest.fixture
def petrarch_gold(tmp_path):
    path = tmp_path / "validation.xml"
    path.write_text(PETRARCH_FILE, encoding="utf-8")
    return path


def test_readers_detect_format(comity_gold, plover_gold, petrarch_gold, tmp_path):
    assert [detect_format(p) for p in (comity_gold, plover_gold, petrarch_gold)] == ["comity", "plover", "petrarch"]
    odd = tmp_path / "odd.txt"
    odd.write_text("just words", encoding="utf-8")
    with pytest.raises(EvalError, match="E302"):
        detect_format(odd)


def test_readers_comity_gold_fields(comity_gold):
    [doc] = read_comity_gold(comity_gold)
    assert (doc.id, doc.format, doc.published, doc.text) == ("r1", "comity", dt.date(2024, 12, 18), None)
    assert [(e.cameo, e.source[0].country, e.target[0].country, e.optional) for e in doc.events] == [
        ("040", "VNM", "LAO", False), ("043", "VNM", "LAO", True)]
    held, planned = doc.meetings
    # the host joins the row's countries; participants stand in when countries are absent
    assert (held.countries, held.place, held.status) == (("LAO", "VNM"), "Ha Noi", "held")
    assert (planned.countries, planned.status) == (("KHM", "LAO"), "planned")
    [agreement] = doc.agreements
    assert (agreement.kind, agreement.parties, agreement.period_start, agreement.signed_on) == (
        "mou", ("LAO", "VNM"), 2025, "2024-12-18")
    assert doc.persons[0].role == "Defence Minister"
    assert doc.label_by_plover is False


def test_readers_comity_gold_plover_typed_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": 7, "events": [{"type": "CONSULT", "source": "VNM", "target": "LAO"}]}),
                    encoding="utf-8")
    [doc] = read_comity_gold(path)
    assert doc.id == "7" and doc.label_by_plover is True
    assert doc.events[0].cameo is None and doc.events[0].plover == "CONSULT"


@pytest.mark.parametrize("line, detail", [
    ("{not json", "not JSON"),
    ("[1, 2]", "JSON object"),
    ('{"events": []}', "id"),
    ('{"id": "x", "events": [{"cameo": 40, "optional": "maybe"}]}', "events.0"),
])
def test_readers_comity_gold_errors_name_the_line(tmp_path, line, detail):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match="E301") as info:
        read_comity_gold(path)
    assert f"{path}:2" in str(info.value) and detail in str(info.value)


def test_readers_plover_maps_old_names_codes_and_text(plover_gold):
    docs = read_plover_gold(plover_gold)
    assert [d.id for d in docs] == ["PLOVER-GSR01-DEMAND-0001", "PLOVER-GSR01-CONSULT-0001",
                                    "PLOVER-GSR01-INVESTIGATE-0001"]  # the DOCUMENT header is skipped
    demand, consult, investigate = docs
    assert (demand.events[0].plover, demand.events[0].raw_type) == ("REQUEST", "DEMAND")
    assert [(a.country, a.sector, a.code) for a in demand.events[0].source] == [
        ("JPN", "GOV", "JAP"), ("ITA", "CVL", "ITL")]
    assert demand.events[0].target == ()
    assert demand.text == "Japan and Italy demanded the release."
    assert demand.published == dt.date(2000, 1, 1)
    assert consult.events[0].mode == "visit"  # 0.5b1 "host" is 2.0 "visit"
    assert consult.events[0].source[0].sector is None  # "***" is unknown
    assert consult.events[0].target[0].country == "VNM"
    assert (investigate.events[0].plover, investigate.events[0].mode) == ("ACCUSE", "investigate")
    assert investigate.events[0].target == ()  # a stray context word is no actor


@pytest.mark.parametrize("old, new", [
    ("DEMAND", ("REQUEST", None)), ("DISAPPROVE", ("ACCUSE", "disapprove")), ("FIGHT", ("ASSAULT", None)),
    ("COERCE", ("COERCE", None)), ("AGREE", ("AGREE", None)),
])
def test_readers_plover_type_mapping(old, new):
    assert new_type(old) == new


def test_readers_plover_unknown_type_is_an_error(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text(json.dumps([{"id": "x", "event": "YELL", "text": "t"}]), encoding="utf-8")
    with pytest.raises(EvalError, match="YELL"):
        read_plover_gold(path)


def test_readers_petrarch_sentences(petrarch_gold):
    docs = read_petrarch_gold(petrarch_gold)
    assert [d.id for d in docs] == ["S1", "S2", "S3"]  # evaluate="false" is dropped
    s1, s2, s3 = docs
    assert s1.text == 'The US commander held talks with President Suleiman as "planned" on Wednesday.'
    assert (s1.published, s1.category, s1.no_events) == (dt.date(2008, 8, 6), "AFP", False)
    assert [(e.cameo, e.source[0].country, e.source[0].sector, e.target[0].country, e.target[0].sector)
            for e in s1.events] == [("046", "LBN", "GOV", "USA", "MIL"), ("046", "USA", "MIL", "LBN", "GOV")]
    assert (s2.no_events, s2.events, s2.published) == (True, (), None)  # "121108" is not a date
    assert s3.text == "" and len(s3.events) == 1  # kept, and counted as skipped by the scorer


@pytest.mark.parametrize("code, actor", [
    ("VNM", GoldActor("VNM", None, "VNM")),
    ("VNMGOV", GoldActor("VNM", "GOV", "VNMGOV")),
    ("USAMIL", GoldActor("USA", "MIL", "USAMIL")),
    ("---REB", GoldActor(None, "REB", "---REB")),
    ("---", GoldActor(None, None, "---")),
    ("IGOUNOMIL", GoldActor("IGO", "MIL", "IGOUNOMIL")),
    ("PSEREBHMSGOV", GoldActor("PSE", "REB", "PSEREBHMSGOV")),
    ("EGYOPPMUS", GoldActor("EGY", "OPP", "EGYOPPMUS")),
    ("NGAMUS", GoldActor("NGA", None, "NGAMUS")),
    ("JAP", GoldActor("JPN", None, "JAP")),
])
def test_readers_petrarch_actor_codes(code, actor):
    assert parse_actor_code(code) == actor


def test_readers_read_gold_dispatches_and_hashes(comity_gold, petrarch_gold):
    assert read_gold(petrarch_gold)[0].format == "petrarch"
    assert read_gold(comity_gold, "comity")[0].format == "comity"
    with pytest.raises(EvalError, match="E302"):
        read_gold(comity_gold, "conll")
    import hashlib

    assert sha256_file(comity_gold) == hashlib.sha256(comity_gold.read_bytes()).hexdigest()
