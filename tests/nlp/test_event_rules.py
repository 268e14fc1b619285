"""The event coder's syntactic rules on Docs built by hand (no model needed)."""
import spacy
from spacy.tokens import Doc

from comity.nlp.analysis import speech_clause
from comity.nlp.components.events import EventCoder


def make_doc(words, heads, deps, pos, lemmas=None):
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas or [w.lower() for w in words])


HOLD = dict(words=["Laos", "held", "talks", "with", "Vietnam"], heads=[1, 1, 1, 1, 3],
            deps=["nsubj", "ROOT", "dobj", "prep", "pobj"], pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN"],
            lemmas=["Laos", "hold", "talk", "with", "Vietnam"])


def test_event_rules_object_of_the_trigger():
    doc = make_doc(**HOLD)
    assert EventCoder._has_object(doc[1], frozenset({"talk"}))
    assert not EventCoder._has_object(doc[1], frozenset({"meeting"}))


def test_event_rules_trigger_parsed_as_a_modifier_of_its_object():
    doc = make_doc(["Minister", "held", "talks"], [2, 2, 2], ["compound", "amod", "ROOT"],
                   ["PROPN", "VERB", "NOUN"], ["Minister", "hold", "talk"])
    assert EventCoder._has_object(doc[1], frozenset({"talk"}))


def test_event_rules_negation_on_the_verb_and_above_it():
    doc = make_doc(["They", "did", "not", "sign", "it"], [3, 3, 3, 3, 3],
                   ["nsubj", "aux", "neg", "ROOT", "dobj"], ["PRON", "AUX", "PART", "VERB", "PRON"])
    assert EventCoder._negated(doc[3])
    doc = make_doc(["They", "stopped", "short", "of", "signing"], [1, 1, 1, 2, 3],
                   ["nsubj", "ROOT", "advmod", "prep", "pcomp"], ["PRON", "VERB", "ADV", "ADP", "VERB"],
                   ["they", "stop", "short", "of", "sign"])
    assert EventCoder._negated(doc[4])
    assert not EventCoder._negated(make_doc(**HOLD)[1])


def test_event_rules_planned_by_auxiliary_or_by_a_planning_verb():
    doc = make_doc(["He", "will", "visit", "Laos"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"],
                   ["PRON", "AUX", "VERB", "PROPN"])
    assert EventCoder._planned(doc[2])
    doc = make_doc(["They", "agreed", "to", "meet"], [1, 1, 3, 1], ["nsubj", "ROOT", "aux", "xcomp"],
                   ["PRON", "VERB", "PART", "VERB"], ["they", "agree", "to", "meet"])
    assert EventCoder._planned(doc[3])
    assert not EventCoder._planned(make_doc(**HOLD)[1])


def test_event_rules_invitation_embeds_its_content():
    doc = make_doc(["He", "invited", "her", "to", "visit"], [1, 1, 1, 4, 1],
                   ["nsubj", "ROOT", "dobj", "aux", "xcomp"], ["PRON", "VERB", "PRON", "PART", "VERB"],
                   ["he", "invite", "she", "to", "visit"])
    assert EventCoder._embedded(doc[4])
    assert not EventCoder._embedded(doc[1])


def test_event_rules_conditional_clause():
    doc = make_doc(["If", "Laos", "agrees", ",", "he", "will", "visit"], [2, 2, 6, 6, 6, 6, 6],
                   ["mark", "nsubj", "advcl", "punct", "nsubj", "aux", "ROOT"],
                   ["SCONJ", "PROPN", "VERB", "PUNCT", "PRON", "AUX", "VERB"])
    assert EventCoder._conditional(doc[2])
    assert not EventCoder._conditional(make_doc(**HOLD)[1])


def test_event_rules_what_a_party_must_do_is_not_an_act():
    doc = make_doc(["Laos", "must", "return", "it"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"],
                   ["PROPN", "AUX", "VERB", "PRON"])
    assert EventCoder._embedded(doc[2])
    doc = make_doc(["Hanoi", "said", "Laos", "must", "return", "it"], [1, 1, 4, 4, 1, 4],
                   ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj"],
                   ["PROPN", "VERB", "PROPN", "AUX", "VERB", "PRON"], ["hanoi", "say", "laos", "must", "return", "it"])
    assert speech_clause(doc[1], "must").i == 2
    assert speech_clause(make_doc(**HOLD)[1], "must") is None
