"""What the event coder says about its work: the rule and steps of each event, and the trace
of the trigger readings it examined (for `comity explain`). On the real model."""
import pytest

from comity.ingest import Article
from comity.nlp.components.events import TRACE_KEY
from comity.nlp.sentences import sentences

pytestmark = pytest.mark.model

TRACE_FIELDS = {"sentence", "token", "text", "rule", "outcome", "guard", "reason", "cameo", "source", "target"}


def _doc(pipeline, text, published=None, trace=False):
    doc = pipeline.make_doc(Article(id="t", text=text, published=published))
    if trace:
        doc.user_data[TRACE_KEY] = []
    return pipeline.nlp(doc)


def test_event_trace_negated_trigger_is_vetoed_by_not_negated(pipeline):
    doc = _doc(pipeline, "Peru held talks with Chile on Monday. Peru did not sign the fisheries accord with Chile.",
               trace=True)
    trace = doc.user_data[TRACE_KEY]
    assert all(set(entry) == TRACE_FIELDS for entry in trace)
    [signed] = [e for e in trace if e["text"] == "sign"]
    assert signed["outcome"] == "vetoed" and signed["guard"] == "not_negated" and signed["reason"]
    assert signed["sentence"] == 1 and doc[signed["token"]].text == "sign"
    assert signed["rule"].startswith("sign.") and signed["cameo"] is None
    held = [e for e in trace if e["text"] == "held"]
    assert held and held[0]["outcome"] == "event" and held[0]["cameo"] == "040"
    assert (held[0]["source"], held[0]["target"]) == ("PER", "CHL") and held[0]["sentence"] == 0


def test_event_trace_is_off_by_default(pipeline):
    doc = _doc(pipeline, "Peru did not sign the fisheries accord with Chile.")
    assert TRACE_KEY not in doc.user_data


def test_event_trace_sentence_index_is_that_of_the_sentence_spans(pipeline):
    doc = _doc(pipeline, "Rain fell in Lima. Peru held talks with Chile.", trace=True)
    [entry] = [e for e in doc.user_data[TRACE_KEY] if e["text"] == "held"]
    assert sentences(doc).spans[entry["sentence"]].start <= entry["token"] < sentences(doc).spans[entry["sentence"]].end


def test_event_rule_and_steps_of_a_planned_visit(pipeline):
    doc = _doc(pipeline, "The Peruvian president will visit Chile next month.")
    [ev] = [e for e in doc._.events if e.cameo == "036"]
    assert ev.rule == "visit.visit"
    assert ev.steps[0] == "planned_intent"


def test_event_steps_say_where_the_date_came_from(pipeline):
    import datetime as dt

    text = "Peru and Chile held talks in Lima on Monday, March 4.\nPeru later signed a fisheries accord with Chile."
    doc = _doc(pipeline, text, published=dt.date(2024, 3, 5))
    held = [e for e in doc._.events if e.cameo == "040"]
    assert held and "date_from_sentence" in held[0].steps
    signed = [e for e in doc._.events if e.cameo == "057"]
    assert signed and "date_from_anchor" in signed[0].steps and signed[0].rule.startswith("sign.")


def test_event_visit_hosted_by_the_other_side_notes_with_hosting(pipeline):
    doc = _doc(pipeline, "The Peruvian foreign minister visited Chile on Monday.")
    hosted = [e for e in doc._.events if e.cameo == "043"]
    assert hosted and hosted[0].steps[-1] == "with_hosting" and hosted[0].rule == "visit.visit"
    [visit] = [e for e in doc._.events if e.cameo == "042"]
    assert "with_hosting" not in visit.steps


def test_event_steps_a_day_carried_from_an_earlier_sentence(pipeline):
    import datetime as dt

    text = ("Peru and Chile held talks in Lima on Monday, March 4.\n"
            "On Tuesday, Peru's foreign minister Ana Ruiz met Bolivia's foreign minister Luis Soto in La Paz. "
            "Ruiz thanked Bolivia for its support.")
    doc = _doc(pipeline, text, published=dt.date(2024, 3, 6))
    thanks = [e for e in doc._.events if e.cameo == "051"]
    assert thanks and thanks[0].date == "2024-03-05" and "day_carried" in thanks[0].steps


def test_event_trace_history_is_vetoed_by_the_coders_own_rule(pipeline):
    import datetime as dt

    doc = _doc(pipeline, "Peru signed a fisheries accord with Chile in 2019.", published=dt.date(2024, 5, 2), trace=True)
    [signed] = [e for e in doc.user_data[TRACE_KEY] if e["text"] == "signed"]
    assert signed["outcome"] == "vetoed" and signed["guard"] == "not_history" and "before" in signed["reason"]
    assert not [e for e in doc._.events if e.cameo == "057"]


def test_event_trace_a_row_that_skips_the_history_guard_codes_the_old_signing(pipeline):
    """The coder's guards are data: the same sentence, with the signing row told to skip
    not_history in the table's text, codes the 2019 signing."""
    import datetime as dt
    import re

    from comity.nlp.components.events import EventCoder
    from comity.nlp.triggers import _path, compile_table

    text = "Peru signed a fisheries accord with Chile in 2019."
    doc = _doc(pipeline, text, published=dt.date(2024, 5, 2), trace=True)
    [signed] = [e for e in doc.user_data[TRACE_KEY] if e["text"] == "signed"]
    row = re.escape(signed["rule"])
    yaml_text = re.sub(r"(\{id: " + row + r", )", r"\1skip_guards: [not_history], ", _path().read_text("utf-8"))
    coder = next(c for _, c in pipeline.nlp.pipeline if isinstance(c, EventCoder))
    shipped = coder.table
    coder.table = compile_table(yaml_text)
    try:
        doc = _doc(pipeline, text, published=dt.date(2024, 5, 2))
    finally:
        coder.table = shipped
    assert [(e.source.country, e.target.country) for e in doc._.events if e.cameo == "057"] == [("PER", "CHL")]
