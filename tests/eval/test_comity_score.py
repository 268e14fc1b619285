"""comity-format scoring: score.py's rules on inline examples, and the same counts as score.py."""
from __future__ import annotations

import copy
import importlib.util
import json
import random

import pytest

from comity.eval import read_comity_gold, score_comity
from comity.eval.comity_score import FIELDS, event_class

GOLD = {
    "id": "r1",
    "events": [
        {"cameo": "040", "source": "VNM", "target": "LAO", "date": "2024-12-18"},
        {"cameo": "042", "source": "LAO", "target": "VNM", "date": "2024-12-18"},
        {"cameo": "043", "source": "VNM", "target": "LAO", "date": "2024-12-18", "optional": True},
        {"cameo": "057", "source": "VNM", "target": "LAO", "date": "2024-12-18"},
        {"cameo": "111", "source": "VNM", "target": "CHN", "date": "2024-12-17", "optional": True},
    ],
    "meetings": [{"date": "2024-12-18", "place": "Ha Noi", "countries": ["LAO", "VNM"], "host_country": "VNM"}],
    "agreements": [{"kind": "mou", "parties": ["LAO", "VNM"], "status": "signed", "signed_on": "2024-12-18"}],
    "persons": [{"name": "Phan Văn Giang", "country": "VNM", "role": "Defence Minister"}],
}


def ev(cameo, src, tgt, date="2024-12-18", place=None, ptype=""):
    return {"cameo": cameo, "plover": {"type": ptype}, "source": {"country": src}, "target": {"country": tgt},
            "date": date, "place": {"name": place} if place else None}


def gold_docs(tmp_path, *lines):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    return read_comity_gold(path)


@pytest.mark.parametrize("code, cls", [
    ("040", "consult"), ("044", "consult"), ("0441", "consult"), ("042", "visit"), ("043", "visit"),
    ("057", "sign"), ("051", "support"), ("018", "empathy"), ("013", "statement"), ("0312", "intent"),
    ("111", "11"), ("", ""), (None, ""),
])
def test_comity_score_event_class(code, cls):
    assert event_class(code) == cls


def test_comity_score_perfect_prediction(tmp_path):
    pred = {"article": {"id": "r1"},
            "events": [ev("044", "LAO", "VNM", place="Hà Nội"), ev("042", "LAO", "VNM"), ev("057", "LAO", "VNM")],
            "agreements": [{"kind": "mou", "parties": ["VNM", "LAO"], "status": "signed", "signed_on": "2024-12-18"}],
            "persons": [{"name": "Phan Van Giang", "country": "VNM", "titles": ["Minister of National Defence"]}]}
    s = score_comity(gold_docs(tmp_path, GOLD), [pred])
    f = s.figures()
    for name in FIELDS:
        assert f[name]["f1"] == 1.0, name
    assert f["meetings"]["place"] == 1.0 and f["agreements"]["status"] == 1.0 and f["persons"]["role"] == 1.0
    assert s.confusion.errors() == []


def test_comity_score_misses_spurious_and_optional(tmp_path):
    pred = {"article": {"id": "r1"},
            "events": [ev("040", "VNM", "LAO", place="Vientiane"),  # right key, wrong place
                       ev("043", "VNM", "LAO"),                     # visit class: matches the 042 key
                       ev("111", "VNM", "CHN", date="2024-12-17"),  # optional: neutral
                       ev("138", "VNM", "CHN")]}                    # spurious
    s = score_comity(gold_docs(tmp_path, GOLD), [pred])
    events = s.fields["events"]
    assert (events.tp, events.fp, events.fn) == (2, 1, 1)  # 057 missed
    assert s.checks["meetings"].to_dict() == {"place": 0.0}
    assert (s.fields["agreements"].fn, s.fields["persons"].fn) == (1, 1)
    assert ("events", "missed", "r1", ("sign", frozenset({"VNM", "LAO"}), "2024-12-18")) in s.errors
    # the missed 057 and the spurious 138 sit in different slots (pairs differ)
    assert s.confusion.errors() == [(("05", "—"), 1), (("—", "13"), 1)]


def test_comity_score_confusion_pairs_within_a_slot(tmp_path):
    gold = {"id": "r1", "events": [{"cameo": "057", "source": "VNM", "target": "LAO", "date": "2024-12-18"}]}
    pred = {"article": {"id": "r1"}, "events": [ev("0312", "LAO", "VNM")]}
    s = score_comity(gold_docs(tmp_path, gold), [pred])
    assert s.confusion.errors() == [(("05", "03"), 1)]
    s = score_comity(gold_docs(tmp_path, gold), [pred], confusion_by="class")
    assert s.confusion.errors() == [(("sign", "intent"), 1)]


@pytest.mark.parametrize("titles, ok", [
    (["Deputy Minister of National Defence"], True),
    (["Deputy Defense Minister"], True),        # defense = defence; two of four words is half
    (["Defence attaché"], False),               # one of four words is not
    ([], False),
])
def test_comity_score_person_role_needs_half_its_words(tmp_path, titles, ok):
    gold = {"id": "r1", "persons": [{"name": "Hoàng Xuân Chiến", "country": "VNM",
                                     "role": "Deputy Minister of National Defence"}]}
    pred = {"article": {"id": "r1"}, "persons": [{"name": "Hoang Xuan Chien", "country": "VNM", "titles": titles}]}
    s = score_comity(gold_docs(tmp_path, gold), [pred])
    assert s.fields["persons"].tp == 1
    assert s.checks["persons"].to_dict() == {"role": 1.0 if ok else 0.0}


def test_comity_score_missing_report_counts_as_empty(tmp_path):
    s = score_comity(gold_docs(tmp_path, GOLD, {"id": "r2"}), [{"article": {"id": "r2"}}])
    assert s.missing == ["r1"]
    assert s.fields["events"].fn == 3 and s.fields["events"].tp == 0


def test_comity_score_plover_typed_gold(tmp_path):
    gold = {"id": "r1", "events": [{"type": "CONSULT", "source": "VNM", "target": "LAO", "date": None}]}
    pred = {"article": {"id": "r1"}, "events": [ev("040", "VNM", "LAO", date=None, ptype="CONSULT"),
                                                ev("057", "VNM", "LAO", date=None, ptype="SUPPORT")]}
    s = score_comity(gold_docs(tmp_path, gold), [pred])
    assert (s.fields["events"].tp, s.fields["events"].fp) == (1, 1)
    assert s.confusion.errors() == [(("—", "SUPPORT"), 1)]


def test_comity_score_meeting_ignores_optional_consult(tmp_path):
    gold = {"id": "r1", "events": [{"cameo": "042", "source": "LAO", "target": "VNM", "date": "2024-12-17",
                                    "optional": True}], "meetings": []}
    pred = {"article": {"id": "r1"}, "events": [ev("042", "LAO", "VNM", date="2024-12-17"),
                                                ev("040", "LAO", "KHM", date="2024-12-17")]}
    s = score_comity(gold_docs(tmp_path, gold), [pred])
    assert (s.fields["meetings"].tp, s.fields["meetings"].fp) == (0, 1)  # only LAO-KHM counts


# ---- the same counts as ../shared/tools/score.py -------------------------------------------

def load_score_py(shared):
    spec = importlib.util.spec_from_file_location("score_py", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_same_as_score_py(score_py, gold_path, preds):
    tallies, missing = score_py.score(score_py.load_jsonl(gold_path), preds)
    ours = score_comity(read_comity_gold(gold_path), preds)
    assert ours.missing == missing
    for name in FIELDS:
        t, o = tallies[name], ours.fields[name]
        assert (o.tp, o.fp, o.fn) == (t.tp, t.fp, t.fn), name
        theirs = {k[:-6]: t.checks[k[:-6] + ":right"] / t.checks[k] for k in t.checks if k.endswith(":asked")}
        assert {k: round(v, 6) for k, v in ours.checks[name].to_dict().items()} == {
            k: round(round(v, 3), 6) for k, v in theirs.items()}, name
        assert sorted(map(norm, ours.errors_for(name))) == sorted(map(norm, t.errors)), name


def norm(item):
    """A comparable form of an error entry (frozensets become sorted tuples)."""
    if isinstance(item, (tuple, list)):
        return tuple(norm(x) for x in item)
    if isinstance(item, frozenset):
        return ("set",) + tuple(sorted(map(str, item)))
    return ("v", str(item))


def from_gold(line):
    """A prediction built from a gold line the way ../shared/dev/README.md describes."""
    places = {(m.get("date"), frozenset((m.get("countries") or []) + [m.get("host_country")]) - {None}):
              m.get("place") for m in line.get("meetings", [])}
    events = []
    for e in line.get("events", []):
        if e.get("optional"):
            continue
        key = (e.get("date"), frozenset(x for x in (e.get("source"), e.get("target")) if x))
        events.append({"cameo": e.get("cameo"), "plover": {"type": e.get("type")},
                       "source": {"country": e.get("source")}, "target": {"country": e.get("target")},
                       "date": e.get("date"), "place": {"name": places.get(key)} if places.get(key) else None})
    return {"article": {"id": line["id"]}, "events": events,
            "agreements": copy.deepcopy(line.get("agreements", [])),
            "persons": [{"name": p["name"], "country": p.get("country"), "titles": [p.get("role") or ""]}
                        for p in line.get("persons", [])]}


def perturb(pred, rng):
    """Drop, shift, swap and add things at random: every rule of the scorer gets exercised."""
    pred = copy.deepcopy(pred)
    events = pred["events"]
    for e in list(events):
        roll = rng.random()
        if roll < 0.15:
            events.remove(e)
        elif roll < 0.25:
            e["date"] = "1999-01-01"
        elif roll < 0.35:
            e["cameo"] = rng.choice(["040", "044", "042", "057", "111", "0312", "013", "040"])
        elif roll < 0.45:
            e["source"], e["target"] = e["target"], e["source"]
        elif roll < 0.5:
            e["place"] = {"name": "Nowhere"}
        elif roll < 0.55:
            e["date"] = None  # an undated prediction: matches undated gold only
    if rng.random() < 0.5 and events:
        extra = copy.deepcopy(rng.choice(events))
        extra["cameo"] = rng.choice(["040", "043", "120", "0212"])
        events.append(extra)
    for a in pred["agreements"]:
        if rng.random() < 0.3:
            a["status"] = "mentioned"
        if rng.random() < 0.2:
            a["period_end"] = 2099
    for p in list(pred["persons"]):
        if rng.random() < 0.2:
            p["titles"] = [rng.choice(["Ambassador", (p["titles"][0].split() or [""])[-1]])]  # none, or one word
        elif rng.random() < 0.1:
            pred["persons"].remove(p)
    return pred


@pytest.mark.parametrize("gold_name", ["seeds.jsonl", "dev.jsonl", "real.jsonl"])
def test_comity_score_equals_score_py_on_perturbed_predictions(shared, gold_name):
    score_py = load_score_py(shared)
    gold_path = shared / "gold" / gold_name
    lines = score_py.load_jsonl(gold_path)
    exact = [from_gold(line) for line in lines]
    assert_same_as_score_py(score_py, gold_path, exact)
    rng = random.Random(20240601)
    for _ in range(25):
        preds = [perturb(p, rng) for p in exact if rng.random() > 0.05]  # sometimes a report is missing
        assert_same_as_score_py(score_py, gold_path, preds)


@pytest.mark.model
@pytest.mark.parametrize("gold_name, reports", [("seeds.jsonl", "seeds"), ("dev.jsonl", "dev"),
                                               ("real.jsonl", "real/texts")])
def test_comity_score_equals_score_py_on_comity_output(shared, pipeline, gold_name, reports):
    from comity.eval.run import extract_all
    from comity.ingest import read_paths
    from comity.model import Article

    articles = [a for a in read_paths([shared / reports]) if isinstance(a, Article)]
    preds = json.loads(json.dumps(extract_all(articles, pipeline)))
    assert_same_as_score_py(load_score_py(shared), shared / "gold" / gold_name, preds)


# ---- the rules score.py gained: undated gold, direction, groups of three, status_in_article -----

def test_comity_score_undated_gold_matches_any_date_and_checks_undated(tmp_path):
    gold = {"id": "r1", "events": [{"cameo": "057", "source": "VNM", "target": "LAO", "date": None},
                                   {"cameo": "040", "source": "VNM", "target": "LAO", "date": None}]}
    pred = {"article": {"id": "r1"}, "events": [ev("057", "VNM", "LAO", date="2024-12-18"),
                                                ev("040", "VNM", "LAO", date=None)]}
    s = score_comity(gold_docs(tmp_path, gold), [pred])
    assert (s.fields["events"].tp, s.fields["events"].fp, s.fields["events"].fn) == (2, 0, 0)
    assert s.checks["events"].right["undated"] == 1 and s.checks["events"].asked["undated"] == 2


def test_comity_score_dated_gold_needs_its_day(tmp_path):
    gold = {"id": "r1", "events": [{"cameo": "057", "source": "VNM", "target": "LAO", "date": "2024-12-18"}]}
    pred = {"article": {"id": "r1"}, "events": [ev("057", "VNM", "LAO", date=None)]}
    s = score_comity(gold_docs(tmp_path, gold), [pred])
    assert (s.fields["events"].tp, s.fields["events"].fp, s.fields["events"].fn) == (0, 1, 1)


@pytest.mark.parametrize("cameo, src, tgt, right", [
    ("111", "CHN", "PHL", 0),   # directed: the accuser is gold's source
    ("111", "PHL", "CHN", 1),
    ("057", "CHN", "PHL", None),  # signing is symmetric: not checked
])
def test_comity_score_direction_checked_for_directed_types(tmp_path, cameo, src, tgt, right):
    gold = {"id": "r1", "events": [{"cameo": cameo, "source": "PHL", "target": "CHN", "date": "2024-12-18"}]}
    pred = {"article": {"id": "r1"}, "events": [ev(cameo, src, tgt)]}
    s = score_comity(gold_docs(tmp_path, gold), [pred])
    assert s.fields["events"].tp == 1
    if right is None:
        assert "direction" not in s.checks["events"].asked
    else:
        assert s.checks["events"].right["direction"] == right and s.checks["events"].asked["direction"] == 1


def test_comity_score_meeting_of_three_covered_by_its_pairs(tmp_path):
    gold = {"id": "r1", "meetings": [{"date": "2024-12-18", "countries": ["VNM", "LAO", "KHM"],
                                      "place": "Vientiane"}]}
    # the place is read from one of the covering pairs (score.py takes the first it meets): both agree here
    covering = {"article": {"id": "r1"}, "events": [ev("040", "VNM", "LAO", place="Vientiane"),
                                                    ev("040", "LAO", "KHM", place="Vientiane")]}
    s = score_comity(gold_docs(tmp_path, gold), [covering])
    assert (s.fields["meetings"].tp, s.fields["meetings"].fp, s.fields["meetings"].fn) == (1, 0, 0)
    assert s.checks["meetings"].to_dict() == {"place": 1.0}
    partial = {"article": {"id": "r1"}, "events": [ev("040", "VNM", "LAO")]}
    s = score_comity(gold_docs(tmp_path, gold), [partial])
    assert (s.fields["meetings"].tp, s.fields["meetings"].fp, s.fields["meetings"].fn) == (0, 1, 1)


def test_comity_score_status_in_article_stands_for_status(tmp_path):
    gold = {"id": "r1", "agreements": [{"kind": "mou", "parties": ["VNM", "LAO"],
                                        "status_in_article": "agreed_to_implement"}]}
    pred = {"article": {"id": "r1"}, "agreements": [{"kind": "mou", "parties": ["LAO", "VNM"],
                                                     "status": "agreed_to_implement"}]}
    s = score_comity(gold_docs(tmp_path, gold), [pred])
    assert s.checks["agreements"].to_dict() == {"status": 1.0}
