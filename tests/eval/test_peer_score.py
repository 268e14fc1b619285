"""Sentence-set scoring (PETRARCH-2 and PLOVER) on inline gold and predictions."""
from __future__ import annotations

from comity.eval import GoldActor, GoldDoc, GoldEvent, parse_actor_code, score_petrarch, score_plover
from comity.eval.peer_score import petrarch_units


def coding(code, src, tgt):
    return GoldEvent(cameo=code, plover=None, source=(parse_actor_code(src),), target=(parse_actor_code(tgt),))


def sentence(sid, *codings, no_events=False, category="TEST", text="A sentence."):
    return GoldDoc(id=sid, format="petrarch", text=text, events=tuple(codings), no_events=no_events,
                   category=category)


def pred(sid, *events):
    return {"article": {"id": sid}, "events": [
        {"cameo": c, "plover": {"type": t}, "source": {"country": s, "sector": sec}, "target": {"country": g}}
        for c, s, g, t, sec in events]}


def test_peer_petrarch_units_merge_mirrors():
    doc = sentence("s", coding("046", "LBNGOV", "USAMIL"), coding("046", "USAMIL", "LBNGOV"),
                   coding("190", "ISR", "PSECVL"))
    units = petrarch_units(doc)
    assert [(c, a.code, b.code, either) for c, a, b, either in units] == [
        ("046", "LBNGOV", "USAMIL", True), ("190", "ISR", "PSECVL", False)]


def test_peer_petrarch_accuracies():
    golds = [
        sentence("talks", coding("046", "LBNGOV", "USAMIL"), coding("046", "USAMIL", "LBNGOV"), category="AFP"),
        sentence("visit", coding("042", "USAGOV", "CHE")),
        sentence("attack", coding("190", "---REB", "SYR")),
        sentence("quiet", no_events=True),
        sentence("noisy", no_events=True),
        sentence("empty", coding("190", "NGAREB", "NGAMUS"), text=""),
    ]
    preds = [
        pred("talks", ("040", "USA", "LBN", "CONSULT", "MIL")),     # root and dyad right (mirrored unit)
        pred("visit", ("043", "CHE", "USA", "CONSULT", "GOV")),     # root right, dyad reversed
        pred("attack"),                                            # nothing: a miss everywhere
        pred("quiet"),
        pred("noisy", ("111", "FRA", "RWA", "ACCUSE", None)),
    ]
    s = score_petrarch(golds, preds)
    f = s.figures()
    assert (s.sentences, s.skipped) == (5, ["empty"])
    assert f["root_accuracy_n"] == [2, 3]
    assert f["dyad_accuracy_n"] == [1, 3]   # the visit's order is wrong
    assert f["pair_accuracy_n"] == [2, 3]   # ... but its pair is right
    assert f["event_accuracy_n"] == [1, 3]
    assert f["coverage_n"] == [2, 3]
    assert f["noevent_accuracy_n"] == [1, 2]
    assert f["sector_check"] == 1.0         # USAMIL's sector among the one event match
    assert s.prf["root"].fp == 1            # the 111 on a no-event sentence
    assert f["by_category"]["AFP"]["root_accuracy"] == [1, 1]
    assert s.confusion.to_dict() == {"04": {"04": 2}, "19": {"—": 1}, "—": {"11": 1}}
    ok = {o.id: o.ok for o in s.outcomes}
    assert ok["visit"] == {"root": True, "dyad": False, "pair": True, "event": False}
    assert ok["noisy"]["noevent"] is False


def test_peer_petrarch_unknown_country_is_a_wildcard():
    golds = [sentence("s", coding("190", "---REB", "SYR"))]
    s = score_petrarch(golds, [pred("s", ("190", None, "SYR", "ASSAULT", None))])
    assert s.figures()["dyad_accuracy"] == 1.0
    s = score_petrarch(golds, [pred("s", ("190", "SYR", "TUR", "ASSAULT", None))])
    assert s.figures()["dyad_accuracy"] == 0.0


def test_peer_petrarch_missing_prediction_is_a_miss():
    s = score_petrarch([sentence("s", coding("040", "USA", "RUS"))], [])
    assert s.missing == ["s"]
    assert s.figures()["root_accuracy"] == 0.0 and s.figures()["coverage"] == 0.0


def plover_doc(rid, ptype, src=("USA",), tgt=()):
    return GoldDoc(id=rid, format="plover", text="A sentence.", events=(GoldEvent(
        cameo=None, plover=ptype, source=tuple(GoldActor(c, None, c) for c in src),
        target=tuple(GoldActor(c, None, c) for c in tgt), raw_type=ptype),))


def test_peer_plover_accuracies_and_confusion():
    golds = [plover_doc("a", "AGREE", ("HUN", "ROU")), plover_doc("b", "REQUEST", ("USA",), ("IRQ",)),
             plover_doc("c", "ASSAULT"), plover_doc("d", "CONSULT", ("FRA",), ("DEU",))]
    preds = [pred("a", ("0312", "HUN", "ROU", "AGREE", None)),
             pred("b", ("020", "USA", "IRQ", "", None), ("100", "USA", "IRQ", "REQUEST", None)),
             pred("c"),
             pred("d", ("040", "FRA", "ITA", "CONSULT", None))]   # right type, wrong target
    s = score_plover(golds, preds)
    f = s.figures()
    assert f["type_accuracy_n"] == [3, 4]
    assert f["event_accuracy_n"] == [2, 4]
    assert f["coverage_n"] == [3, 4]
    assert (s.prf["type"].tp, s.prf["type"].fp, s.prf["type"].fn) == (3, 1, 1)  # "(none)" for the 020
    assert s.confusion.to_dict() == {"AGREE": {"AGREE": 1}, "ASSAULT": {"—": 1}, "CONSULT": {"CONSULT": 1},
                                     "REQUEST": {"REQUEST": 1}}
    assert f["by_category"]["ASSAULT"] == {"coverage": [0, 1], "event_accuracy": [0, 1], "type_accuracy": [0, 1]}


def test_peer_plover_wrong_type_goes_to_first_predicted():
    s = score_plover([plover_doc("a", "REJECT")], [pred("a", ("111", "USA", None, "ACCUSE", None),
                                                        ("040", "USA", None, "CONSULT", None))])
    assert s.confusion.errors() == [(("REJECT", "ACCUSE"), 1)]
    assert s.outcomes[0].ok == {"type": False, "event": False}
