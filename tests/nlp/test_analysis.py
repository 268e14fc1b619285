"""The shared sentence analysis (comity/nlp/analysis.py) on Docs built by hand: no model needed."""
import pytest
import spacy
from spacy.tokens import Doc

from comity.errors import DataError
from comity.nlp import analysis
from comity.nlp.analysis import GUARDS
from comity.nlp.cue_lists import parse_cues

VOCAB = spacy.blank("en").vocab


def make_doc(words, heads, deps, pos, lemmas=None, tags=None):
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
               lemmas=lemmas or [w.lower() for w in words])


# ---- negation ------------------------------------------------------------------------------------------

def test_analysis_negation_by_not_on_the_verb():
    doc = make_doc(["Peru", "did", "not", "sign", "it"], [3, 3, 3, 3, 3],
                   ["nsubj", "aux", "neg", "ROOT", "dobj"], ["PROPN", "AUX", "PART", "VERB", "PRON"])
    assert analysis.negated(doc[3]) and analysis.denied(doc[3])
    assert not GUARDS["not_negated"](doc[3], doc[3])


def test_analysis_negation_by_a_failure_verb_above_the_act():
    doc = make_doc(["Chile", "failed", "to", "meet", "Peru"], [1, 1, 3, 1, 3],
                   ["nsubj", "ROOT", "aux", "xcomp", "dobj"], ["PROPN", "VERB", "PART", "VERB", "PROPN"],
                   ["chile", "fail", "to", "meet", "peru"])
    assert analysis.negated(doc[3]) and analysis.denied(doc[3])


def test_analysis_negation_by_no_on_the_subject():
    doc = make_doc(["No", "accord", "was", "signed"], [1, 3, 3, 3],
                   ["det", "nsubjpass", "auxpass", "ROOT"], ["DET", "NOUN", "AUX", "VERB"])
    assert analysis.negated(doc[3])


def test_analysis_negation_has_yet_to_counts_for_agreements():
    doc = make_doc(["Fiji", "has", "yet", "to", "renew", "it"], [1, 1, 1, 4, 1, 4],
                   ["nsubj", "ROOT", "advmod", "aux", "xcomp", "dobj"], ["PROPN", "VERB", "ADV", "PART", "VERB", "PRON"],
                   ["fiji", "have", "yet", "to", "renew", "it"])
    assert analysis.denied(doc[4])


def test_analysis_plain_act_is_not_negated():
    doc = make_doc(["Peru", "met", "Chile"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "PROPN"],
                   ["peru", "meet", "chile"])
    assert not analysis.negated(doc[1]) and not analysis.denied(doc[1])
    assert all(guard(doc[1], doc[1]) for guard in GUARDS.values())


def test_analysis_answers_are_cached_per_doc():
    doc = make_doc(["Peru", "did", "not", "sign"], [3, 3, 3, 3], ["nsubj", "aux", "neg", "ROOT"],
                   ["PROPN", "AUX", "PART", "VERB"])
    assert analysis.negated(doc[3])
    assert doc.user_data[analysis.CACHE_KEY]["negated"] == {3: True}


# ---- modality ------------------------------------------------------------------------------------------

def test_analysis_future_auxiliary_and_planning_verb_plan_the_act():
    doc = make_doc(["Peru", "will", "visit", "Chile"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"],
                   ["PROPN", "AUX", "VERB", "PROPN"])
    assert analysis.planned(doc[2])
    doc = make_doc(["They", "pledged", "to", "meet"], [1, 1, 3, 1], ["nsubj", "ROOT", "aux", "xcomp"],
                   ["PRON", "VERB", "PART", "VERB"], ["they", "pledge", "to", "meet"])
    assert analysis.planned(doc[3]) and not analysis.planned(doc[1])


def test_analysis_condition_marks_the_clause():
    doc = make_doc(["If", "Peru", "signs", ",", "Chile", "will", "sign"], [2, 2, 6, 6, 6, 6, 6],
                   ["mark", "nsubj", "advcl", "punct", "nsubj", "aux", "ROOT"],
                   ["SCONJ", "PROPN", "VERB", "PUNCT", "PROPN", "AUX", "VERB"],
                   ["if", "peru", "sign", ",", "chile", "will", "sign"])
    assert analysis.conditional(doc[2]) and not analysis.conditional(doc[6])
    assert not GUARDS["not_conditional"](doc[2], doc[2])


def test_analysis_could_is_hypothetical_must_is_an_obligation():
    doc = make_doc(["It", "could", "be", "signed"], [3, 3, 3, 3], ["nsubjpass", "aux", "auxpass", "ROOT"],
                   ["PRON", "AUX", "AUX", "VERB"])
    assert analysis.hypothetical(doc[3]) and not GUARDS["not_hypothetical"](doc[3], doc[3])
    doc = make_doc(["Peru", "must", "withdraw"], [2, 2, 2], ["nsubj", "aux", "ROOT"], ["PROPN", "AUX", "VERB"])
    assert analysis.obliged(doc[2]) and analysis.embedded(doc[2]) and not analysis.hypothetical(doc[2])


def test_analysis_future_sentence_reads_whole_phrases():
    assert analysis.future_sentence("The talks are to be held in Lima.")
    assert analysis.future_sentence("They meet next week.")
    assert not analysis.future_sentence("The talks were held in Lima; nextdoor officials watched.")


# ---- tense ---------------------------------------------------------------------------------------------

def test_analysis_plan_told_in_the_past_is_unrealised():
    doc = make_doc(["Ruiz", "was", "to", "travel"], [1, 1, 3, 1], ["nsubj", "ROOT", "aux", "xcomp"],
                   ["PROPN", "AUX", "PART", "VERB"], ["ruiz", "be", "to", "travel"], ["NNP", "VBD", "TO", "VB"])
    assert analysis.unrealised(doc[3]) and not GUARDS["realised"](doc[3], doc[3])
    doc = make_doc(["Ruiz", "is", "to", "travel"], [1, 1, 3, 1], ["nsubj", "ROOT", "aux", "xcomp"],
                   ["PROPN", "AUX", "PART", "VERB"], ["ruiz", "be", "to", "travel"], ["NNP", "VBZ", "TO", "VB"])
    assert not analysis.unrealised(doc[3]) and analysis.planned(doc[3])


def test_analysis_past_perfect_relative_clause_is_not_current():
    doc = make_doc(["the", "pact", ",", "which", "had", "been", "signed"], [1, 1, 1, 6, 6, 6, 1],
                   ["det", "ROOT", "punct", "nsubjpass", "aux", "auxpass", "relcl"],
                   ["DET", "NOUN", "PUNCT", "PRON", "AUX", "AUX", "VERB"])
    assert analysis.past_perfect_clause(doc[6]) and not GUARDS["current"](doc[6], doc[6])


# ---- background ----------------------------------------------------------------------------------------

class Mention:
    def __init__(self, start, end, value, granularity="year", kind="point"):
        self.start, self.end, self.value, self.granularity, self.kind = start, end, value, granularity, kind


def test_analysis_an_earlier_year_attached_to_the_act_is_history():
    doc = make_doc(["Peru", "signed", "it", "in", "2019"], [1, 1, 1, 1, 3],
                   ["nsubj", "ROOT", "dobj", "prep", "pobj"], ["PROPN", "VERB", "PRON", "ADP", "NUM"])
    year = Mention(doc[4].idx, doc[4].idx + 4, "2019")
    assert analysis.earlier(year, "2024-05-01") and not analysis.earlier(year, "2019-05-01")
    assert analysis.attached(doc, year, {doc[1]})
    assert not analysis.attached(doc, year, {doc[0]})


def test_analysis_relative_past_dates_are_background():
    assert analysis.background_kind(Mention(0, 9, "2024-04", kind="relative_past"))
    assert not analysis.background_kind(Mention(0, 9, "2024-04", kind="point"))


# ---- reported speech -----------------------------------------------------------------------------------

def test_analysis_invited_to_visit_is_embedded():
    doc = make_doc(["Peru", "invited", "him", "to", "visit"], [1, 1, 1, 4, 1],
                   ["nsubj", "ROOT", "dobj", "aux", "xcomp"], ["PROPN", "VERB", "PRON", "PART", "VERB"],
                   ["peru", "invite", "he", "to", "visit"])
    assert analysis.embedded(doc[4]) and not analysis.embedded(doc[1])
    assert not GUARDS["not_embedded"](doc[4], doc[4])


PROPOSED = dict(words=["Peru", "proposed", "that", "Chile", "continue", "talks"], heads=[1, 1, 4, 4, 1, 4],
                deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj"],
                pos=["PROPN", "VERB", "SCONJ", "PROPN", "VERB", "NOUN"],
                lemmas=["peru", "propose", "that", "chile", "continue", "talk"])


def test_analysis_proposed_clause_is_embedded_and_names_the_party():
    doc = make_doc(**PROPOSED)
    assert analysis.embedded(doc[4])
    assert analysis.speech_clause(doc[1], "proposal").i == 3
    assert analysis.speech_clause(doc[1], "must") is None
    assert analysis.speech_clause(doc[1], "none") is None  # it has a clause: not a bare call


def test_analysis_said_troops_violated_is_a_violation_clause():
    doc = make_doc(["Peru", "said", "Chilean", "troops", "violated", "the", "border"], [1, 1, 3, 4, 1, 6, 4],
                   ["nsubj", "ROOT", "amod", "nsubj", "ccomp", "det", "dobj"],
                   ["PROPN", "VERB", "ADJ", "NOUN", "VERB", "DET", "NOUN"],
                   ["peru", "say", "chilean", "troop", "violate", "the", "border"])
    assert analysis.speech_clause(doc[1], "violation").i == 3
    assert analysis.speech_clause(doc[1], "must") is None


def test_analysis_every_guard_has_a_reason_in_plain_words():
    assert set(analysis.GUARD_REASONS) == set(GUARDS) and all(analysis.GUARD_REASONS.values())


# ---- the cue file --------------------------------------------------------------------------------------

def test_analysis_cues_load_from_the_package():
    cues = analysis.cues()
    assert "fail" in cues["negation.failure_heads"] and "will" in cues["modality.future_aux"]


@pytest.mark.parametrize("text, message", [
    ("negation:\n  denials: [no]\nmood:\n  x: [a]\n", "cues.yaml, line 3 is invalid: unknown section or list 'mood'"),
    ("negation:\n  denials: [no]\n  nope: [a]\n", "cues.yaml, line 3 is invalid: unknown list 'negation.nope'"),
    ("modality:\n  future_aux: [will]\n  hypothetical_aux:\n    - could\n    - [may]\n",
     "cues.yaml, line 3 is invalid: modality.hypothetical_aux: words must be text"),
    ("tense:\n  past_perfect_aux: [had, true]\n", "cues.yaml, line 2 is invalid: tense.past_perfect_aux: words must be"),
    ("tense: [had]\n", "cues.yaml, line 1 is invalid: tense: expected named lists"),
])
def test_analysis_bad_cues_name_file_and_line(text, message):
    with pytest.raises(DataError) as err:
        parse_cues(text, "cues.yaml")
    assert message in str(err.value)


def test_analysis_shipped_cues_must_hold_every_list_a_part_may_leave_some_out():
    assert parse_cues("negation:\n  denials: [no]\n")["modality.future_aux"] == frozenset()
    with pytest.raises(DataError) as err:
        parse_cues("negation:\n  denials: [no]\n", "cues.yaml", complete=True)
    assert "cues.yaml" in str(err.value) and "modality.future_aux" in str(err.value)


@pytest.mark.parametrize("before, attributed", [
    ("Talks went well, the ministry said ", True),
    ("the ministry said in a statement ", True),
    ("according to Xinhua ", True),
    ("the foreign minister told reporters, ", True),
    ("Peru signed the accord ", False),
    ("the ministry said the talks went well ", False),  # the date is the clause's, not the saying's
])
def test_analysis_attribution_ends_the_text_before_a_date(before, attributed):
    assert analysis.ends_in_attribution(before) is attributed


def test_analysis_infinitive_of_an_invitation_is_embedded():
    # "Peru renewed an invitation to visit Lima": the visit is asked for, not made
    doc = make_doc(["Peru", "renewed", "an", "invitation", "to", "visit", "Lima"], [1, 1, 3, 1, 5, 3, 5],
                   ["nsubj", "ROOT", "det", "dobj", "aux", "acl", "dobj"],
                   ["PROPN", "VERB", "DET", "NOUN", "PART", "VERB", "PROPN"],
                   ["peru", "renew", "an", "invitation", "to", "visit", "lima"])
    assert analysis.embedded(doc[5]) and not GUARDS["not_embedded"](doc[5], doc[5])
    # "a plan to visit Lima" asks nobody: not embedded (a plan is read by `planned`)
    plan = make_doc(["Peru", "has", "a", "plan", "to", "visit", "Lima"], [1, 1, 3, 1, 5, 3, 5],
                    ["nsubj", "ROOT", "det", "dobj", "aux", "acl", "dobj"],
                    ["PROPN", "VERB", "DET", "NOUN", "PART", "VERB", "PROPN"],
                    ["peru", "have", "a", "plan", "to", "visit", "lima"])
    assert not analysis.embedded(plan[5])


def test_analysis_a_future_visit_is_planned_by_its_modifier():
    doc = make_doc(["Peru", "looks", "forward", "to", "a", "future", "visit"], [1, 1, 1, 1, 6, 6, 3],
                   ["nsubj", "ROOT", "advmod", "prep", "det", "amod", "pobj"],
                   ["PROPN", "VERB", "ADV", "ADP", "DET", "ADJ", "NOUN"],
                   ["peru", "look", "forward", "to", "a", "future", "visit"])
    assert analysis.planned_noun(doc[6])
    past = make_doc(["Peru", "praised", "the", "successful", "visit"], [1, 1, 4, 4, 1],
                    ["nsubj", "ROOT", "det", "amod", "dobj"], ["PROPN", "VERB", "DET", "ADJ", "NOUN"])
    assert not analysis.planned_noun(past[4])


def test_analysis_a_headline_infinitive_is_planned():
    # "Minister to visit Lima": a headline's future; "came to visit Lima" has a verb above it
    doc = make_doc(["Minister", "to", "visit", "Lima"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"],
                   ["PROPN", "PART", "VERB", "PROPN"])
    assert analysis.planned(doc[2])
    came = make_doc(["Peru", "came", "to", "visit", "Lima"], [1, 1, 3, 1, 3], ["nsubj", "ROOT", "aux", "advcl", "dobj"],
                    ["PROPN", "VERB", "PART", "VERB", "PROPN"], ["peru", "come", "to", "visit", "lima"])
    assert not analysis.planned(came[3])


def test_analysis_talks_a_passive_planning_verb_tells_are_planned():
    doc = make_doc(["Talks", "with", "Peru", "are", "scheduled"], [4, 0, 1, 4, 4],
                   ["nsubjpass", "prep", "pobj", "auxpass", "ROOT"], ["NOUN", "ADP", "PROPN", "AUX", "VERB"],
                   ["talk", "with", "peru", "be", "schedule"])
    assert analysis.planned_noun(doc[0])
    held = make_doc(["Talks", "with", "Peru", "were", "held"], [4, 0, 1, 4, 4],
                    ["nsubjpass", "prep", "pobj", "auxpass", "ROOT"], ["NOUN", "ADP", "PROPN", "AUX", "VERB"],
                    ["talk", "with", "peru", "be", "hold"])
    assert not analysis.planned_noun(held[0])


def test_analysis_a_background_heading_opens_a_box_not_a_sentence():
    assert analysis.background_heading("Background\n\n • On 13 May, Peru and Chile signed a treaty.")
    assert analysis.background_heading("Background: Peru and Chile signed a treaty in May.")
    assert not analysis.background_heading("Background checks found that Peru signed a treaty.")
    assert not analysis.background_heading("Peru and Chile signed a treaty.")


def test_analysis_infinitive_parsed_onto_the_verb_of_an_invitation_is_embedded():
    # "Peru made an invitation to visit Lima", the infinitive hung from "made"
    doc = make_doc(["Peru", "made", "an", "invitation", "to", "visit", "Lima"], [1, 1, 3, 1, 5, 1, 5],
                   ["nsubj", "ROOT", "det", "dobj", "aux", "advcl", "dobj"],
                   ["PROPN", "VERB", "DET", "NOUN", "PART", "VERB", "PROPN"],
                   ["peru", "make", "an", "invitation", "to", "visit", "lima"])
    assert analysis.embedded(doc[5])
    came = make_doc(["Peru", "came", "to", "visit", "Lima"], [1, 1, 3, 1, 3], ["nsubj", "ROOT", "aux", "advcl", "dobj"],
                    ["PROPN", "VERB", "PART", "VERB", "PROPN"], ["peru", "come", "to", "visit", "lima"])
    assert not analysis.embedded(came[3])


def test_analysis_a_future_auxiliary_hung_from_another_word_of_the_verb_group_plans():
    # "talks will be co-chaired": "will" hangs from "be", "be" from the "co" of "co-chaired"
    words = ["Talks", "will", "be", "co", "-", "chaired"]
    spaces = [True, True, True, False, False, False]
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=[3, 2, 3, 3, 3, 3],
              deps=["nsubj", "aux", "auxpass", "ROOT", "punct", "advcl"],
              pos=["NOUN", "AUX", "AUX", "ADV", "PUNCT", "VERB"], lemmas=["talk", "will", "be", "co", "-", "chair"])
    assert analysis.planned(doc[5])
    past = Doc(VOCAB, words=["Talks", "were", "co", "-", "chaired"], spaces=[True, True, False, False, False],
               heads=[2, 2, 2, 2, 2], deps=["nsubj", "auxpass", "ROOT", "punct", "advcl"],
               pos=["NOUN", "AUX", "ADV", "PUNCT", "VERB"], lemmas=["talk", "be", "co", "-", "chair"])
    assert not analysis.planned(past[4])


def test_analysis_recently_on_the_verb_places_the_act_before_the_news():
    doc = make_doc(["Peru", "recently", "visited", "Chile"], [2, 2, 2, 2], ["nsubj", "advmod", "ROOT", "dobj"],
                   ["PROPN", "ADV", "VERB", "PROPN"])
    assert analysis.background_adverb(doc[2])
    today = make_doc(["Peru", "also", "visited", "Chile"], [2, 2, 2, 2], ["nsubj", "advmod", "ROOT", "dobj"],
                     ["PROPN", "ADV", "VERB", "PROPN"])
    assert not analysis.background_adverb(today[2])


def test_analysis_headline_infinitive_hung_from_a_site_banner_is_planned():
    # "All Sections / Minister Umar to visit Rome": the parse hangs the headline from the banner
    doc = make_doc(["All", "Sections", "Minister", "Umar", "to", "visit", "Rome"], [1, 1, 3, 1, 5, 1, 5],
                   ["det", "ROOT", "compound", "appos", "aux", "relcl", "dobj"],
                   ["DET", "PROPN", "PROPN", "PROPN", "PART", "VERB", "PROPN"],
                   tags=["DT", "NNPS", "NNP", "NNP", "TO", "VB", "NNP"])
    assert analysis.planned(doc[5])
    # "the first leader to visit Rome" in a sentence with a finite verb is no plan
    doc = make_doc(["Umar", "was", "the", "first", "leader", "to", "visit", "Rome"], [1, 1, 4, 4, 1, 6, 4, 6],
                   ["nsubj", "ROOT", "det", "amod", "attr", "aux", "relcl", "dobj"],
                   ["PROPN", "AUX", "DET", "ADJ", "NOUN", "PART", "VERB", "PROPN"],
                   tags=["NNP", "VBD", "DT", "JJ", "NN", "TO", "VB", "NNP"])
    assert not analysis.planned(doc[6])
