"""The event coder's guards: checks of one trigger reading that need more than the shared
analysis (analysis.GUARDS) can see — the trigger's family, the other triggers of its clause, the
sentence's dates and the report's day.

Like the analysis guards they are named in event_triggers.yaml (`guards`, in the order they run,
after the analysis guards), a row skips one with `skip_guards`, and each passes (True) or vetoes
(False) with the reason `comity explain` prints. Each reads the reading and the coder; what the
coder works out for them (the topic of talks, what is praised, whether a fire is returned) stays
in EventCoder as named helpers, because it walks the parse in ways a word list cannot say.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Token

from . import analysis


@dataclass
class Reading:
    """One trigger reading as a coder guard sees it."""

    coder: Any  # the EventCoder (its table and its parse helpers)
    doc: Doc
    token: Token  # the trigger
    pred: Token  # the verb it is the act of (the trigger itself for a verb)
    trig: Any  # the trigger row (triggers.Trigger)
    sent_dates: list  # the dates of its sentence
    anchor: Any  # the report's day
    disc: Any  # the doc's roles.Discourse (its person_at: the tokens of every person's mentions)

    @cached_property
    def about(self) -> list:
        """The sentence's dates that may date the act (read by two guards, found once): a reaction's
        dates after its verb date what it reacts to ("thanked Vietnam for its support during the
        chairmanship in 2024")."""
        reaction = self.coder.table.in_group(self.trig.family, "reaction")
        return [d for d in self.sent_dates if not (reaction and d.start > self.token.idx)]

    @cached_property
    def governing(self) -> set:
        """The trigger, its verb and the verbs that verb completes ("vowed to provide aid": "vowed"),
        whose occasion ("in his address at the summit in October") is the act's too."""
        out, t = {self.token, self.pred}, self.pred
        while t.dep_ == "xcomp" and t.head.i != t.i:
            t = t.head
            out.add(t)
        return out

    @cached_property
    def told_by(self) -> set:
        """The words a date may hang on to date this act: the trigger, its verb, and for a noun the
        verbs of its relative clauses ("welcomed the joint patrol, which ended last week")."""
        own = {c for c in self.token.children if c.dep_ == "relcl"} if self.trig.pos == "NOUN" else set()
        return {self.token, self.pred} | own


def _content(r: Reading) -> bool:
    table = r.coder.table
    return r.trig.pos == "NOUN" and r.pred.i != r.token.i and not table.in_group(r.trig.family, "content") and any(
        table.in_group(t.family, "content") for t in r.coder._triggers(r.pred))


def _unagented_participle(t: Token) -> bool:
    return t.tag_ == "VBN" and not any(c.dep_ == "agent" for c in t.children)


def _fixture(r: Reading) -> bool:
    """Whether an encounter verb is a sporting fixture: its object, or the object of one of its
    prepositions, is a match, a final or a qualifier ("host Uzbekistan for their next qualifying
    contest", "met Japan in the final"), or so qualified ("a qualifying round")."""
    if not r.coder.table.in_group(r.trig.family, "team_encounter") or r.trig.pos != "VERB":
        return False
    words = r.coder.table.fixture_words
    nouns = [c for c in r.token.children if c.dep_ in ("dobj", "obj")]
    nouns += [g for c in r.token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(n.lower_ in words or n.lemma_.lower() in words
               or any(m.dep_ in ("amod", "compound") and m.lower_ in words for m in n.children) for n in nouns)


def _domestic_meeting(r: Reading) -> bool:
    """Whether a consultation is a meeting of one state's own body ("chairs a meeting of the Cabinet
    Committee on Security", "a meeting of the cabinet chaired by the prime minister"): the meeting
    noun (the trigger, its object, or the noun a participle trigger describes) is "of" a body
    named by a word of `domestic_bodies`."""
    if not r.coder.table.in_group(r.trig.family, "body_meeting"):
        return False
    t = r.token
    nouns = [t] if r.trig.pos == "NOUN" else [c for c in t.children if c.dep_ in ("dobj", "obj")]
    if r.trig.pos == "VERB" and t.dep_ in ("acl", "amod", "relcl"):
        nouns.append(t.head)  # "a meeting of the cabinet chaired by X"
    bodies = r.coder.table.domestic_bodies
    return any(g.dep_ == "pobj" and any(w.lower_ in bodies for w in g.subtree)
               for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children)


def _setting(r: Reading) -> bool:
    """Whether the act is told as the setting of something that is no act: in the past progressive,
    in an adverbial clause of a verb no trigger reads ("the incident took place on May 16 when the
    minister was visiting Washington", "the attack came just as the two were preparing to resume
    talks"). What was going on when something else happened is background; "met X while he was
    visiting Hanoi" stays, its clause hangs on an act."""
    past_be = r.coder.table.setting_aux
    for v in [r.pred, *r.pred.ancestors]:
        if v.tag_ == "VBG" and v.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ in past_be for c in v.children):
            return not r.coder._triggers(v.head)
    return False


def _former_official(r: Reading) -> bool:
    """"Nepal's former Prime Minister X also called up Modi (to offer his congratulations)": the subject
    of the act's clause, or of the clause it hangs on, names a person with an office they no longer
    hold, who acts for no state (the guide codes acts of states)."""
    verb = r.pred
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None or verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    if subj is None:
        return False
    return analysis.past_office(subj, r.disc.person_at)


def _welcomes_a_guest(r: Reading) -> bool:
    """"Welcomed Prince X at the airport", "welcomed the Lao delegation": a host receiving a guest,
    a person the report names or a delegation; "welcomed the outcome" or "welcomed the patrol" is
    no visit (what is praised has rows of its own)."""
    table = r.coder.table
    if not (table.in_group(r.trig.family, "guest_received") and r.trig.lemma in table.guest_verbs):
        return True
    guest = next((c for c in r.token.children if c.dep_ in ("dobj", "obj")), None)
    if guest is None:
        return False
    return guest.i in r.disc.person_at or guest.lemma_.lower() in table.guest_nouns


def _terror(r: Reading) -> bool:
    """Whether a disapproval is of terrorism or a terror attack whose phrase names no author
    ("condemned the recent terror attack in Pahalgam", "denounced terrorism"): the act of a group,
    not of a state. One that names its author by a possessive ("Pakistan's terror proxies") or the
    word before it ("a Pakistan-backed terror attack") stays, as an act on that state."""
    if not r.coder.table.in_group(r.trig.family, "disapproval") or r.trig.pos != "VERB":
        return False
    words = r.coder.table.terror_words
    for obj in (c for c in r.token.children if c.dep_ in ("dobj", "obj")):
        phrase = list(obj.subtree)
        if not any(t.lower_ in words or t.lemma_.lower() in words for t in phrase):
            continue
        return not any(t.dep_ == "poss" or (t.ent_type_ in ("GPE", "NORP") and t.dep_ in ("compound", "amod", "npadvmod"))
                       for t in phrase)
    return False


def _verbal_attack(r: Reading) -> bool:
    """Whether an attack is one of words: "attacked the European Union and others for failing to
    condemn ...", an attack for a conduct (a reason preposition whose object is a verb, a gerund),
    criticises; "attacked the convoy for two hours" is no such reason."""
    if not r.coder.table.in_group(r.trig.family, "attack_in_words") or r.trig.pos != "VERB":
        return False
    return any(c.dep_ == "prep" and c.lower_ in r.coder.table.reason_preps
               and any(g.dep_ == "pcomp" and g.pos_ in ("VERB", "AUX") for g in c.children)
               for c in r.token.children)


def _credited(token: Token, verbs: frozenset[str]) -> bool:
    """Whether a noun act told in general (a plural with no article or possessive: "joint military
    drills", not "the visit", "the task group's port call"), or one it is joined to ("drills and
    cooperation"), is the subject of a verb of effect: "joint military drills ... have helped
    strengthen ties" tells what such acts do, not one held."""
    if token.tag_ != "NNS" or any(c.dep_ in ("det", "poss") for c in token.children):
        return False
    t = token
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in verbs


# name -> (passes, reason when it does not)
CODER_GUARDS: dict[str, tuple[Callable[[Reading], bool], str]] = {
    # "demanded the withdrawal": the withdrawal is what is demanded, not an act
    "not_content": (lambda r: not _content(r), "the content of a demand, an appeal or a rejection"),
    # "discussed joint exercises"
    "not_topic": (lambda r: not (r.trig.pos == "NOUN" and not r.coder.table.in_group(r.trig.family, "never_a_topic")
                                 and r.coder._topic_of_talks(r.token)),
                  "a topic of talks, not an act held"),
    # "thanked Japan for the assistance it has provided": the thanks is the news
    "not_reason": (lambda r: not r.coder._reason_of_praise(r.token),
                   "what someone is thanked or praised for"),
    # "the signed plan" (but "a statement signed by the three countries" is their signing)
    "not_signed_thing": (lambda r: not (r.coder.table.in_group(r.trig.family, "signed_thing") and r.token.dep_ in ("amod", "acl")
                                        and not r.coder._signed_by_parties(r.token)),
                         "a signed thing, not a signing"),
    # "promising areas of cooperation", "the first of 30 promised by Washington" (a promise told as done)
    "not_intent_attribute": (lambda r: not (r.coder.table.in_group(r.trig.family, "stated_intent") and r.trig.pos == "VERB"
                                            and (r.token.dep_ == "amod"
                                                 or (r.token.dep_ == "acl" and r.token.tag_ == "VBN"))),
                             "an intent word describing a noun"),
    # "met X on strengthening ties", "a visit to deepen cooperation"
    "not_purpose": (lambda r: not (r.coder.table.in_group(r.trig.family, "stated_intent") and r.trig.pos == "VERB"
                                   and r.coder._purpose_of_another_act(r.token)),
                    "the purpose or topic of another act"),
    # "reiterated their commitment to support efforts at stability": promised, not done
    "not_pledged": (lambda r: not (not r.coder.table.in_group(r.trig.family, "stated_intent") and r.trig.pos == "VERB"
                                   and r.coder._pledged_act(r.token)),
                    "what a commitment or readiness is to, not an act done"),
    # "fired back at the troops"
    "not_returned_fire": (lambda r: not (r.coder.table.in_group(r.trig.family, "retort")
                                         and r.coder._returned_fire(r.token, r.trig)),
                          "fire returned at someone, not a retort"),
    # "fishermen arrested in Sri Lankan waters"
    "not_participle_state": (lambda r: not (r.token.dep_ in ("amod", "acl")
                                            and _unagented_participle(r.token)),
                             "a participle telling a state"),
    # "the sanctions imposed on Russian banks": the noun's required word as a participle
    "not_participle_of_noun": (lambda r: not (r.trig.pos == "NOUN" and r.trig.requires_word and any(
        c.dep_ in ("acl", "amod") and _unagented_participle(c) and c.lower_ in r.trig.requires_word
        for c in r.token.children)), "a participle telling a state"),
    # "sent last week", "in recent years"
    "not_dated_background": (lambda r: not any(analysis.background_kind(d) and analysis.attached(
        r.doc, d, r.told_by) for d in r.about), "dated as background"),
    # "recently visited", "had previously signed"
    "not_told_background": (lambda r: not (analysis.background_adverb(r.token) or (
        r.pred.i != r.token.i and analysis.background_adverb(r.pred))),
        "told as background ('recently visited', 'previously signed')"),
    # "the agreement, which was signed in 2021": history, not news of the day
    "not_history": (lambda r: not any(analysis.earlier(d, r.anchor) and (analysis.attached(
        r.doc, d, {r.token, r.pred}) or analysis.in_setting(r.doc, d, r.governing)) for d in r.about),
        "dated before the report's month or year"),
    # "the agreement provides for the training of cadets": a verb "provide for" with nothing given
    # says what a text stipulates, not what someone gives
    "not_stipulation": (lambda r: not (r.trig.lemma in r.coder.table.stipulation_verbs and r.trig.pos == "VERB"
                                       and not any(c.dep_ in ("dobj", "obj", "dative") for c in r.token.children)
                                       and any(c.dep_ == "prep" and c.lower_ in r.coder.table.stipulation_preps
                                               for c in r.token.children)), "what a text provides for"),
    # "will host Uzbekistan for their next qualifying contest": teams, not states, meet
    "not_fixture": (lambda r: not _fixture(r), "a sporting fixture between teams"),
    # "chairs a meeting of the Cabinet Committee on Security": a state's own affair
    "not_domestic_meeting": (lambda r: not _domestic_meeting(r), "a meeting of a state's own body"),
    # "the incident took place when the minister was visiting Washington"
    "not_setting": (lambda r: not _setting(r), "told as the setting of another happening"),
    # "would be met with a response"
    "not_passive_meet": (lambda r: not (r.trig.lemma in r.coder.table.met_with_verbs
                                        and any(c.dep_ == "auxpass" for c in r.token.children)
                                        and not any(c.dep_ == "agent" for c in r.token.children)),
                         "a passive 'met with', not a meeting"),
    # "former Prime Minister X called up Modi": out of office, no state's act
    "not_former_official": (lambda r: not _former_official(r), "a former official, who acts for no state"),
    # "welcomed the outcome of the talks"
    "welcomes_a_guest": (_welcomes_a_guest, "what is welcomed is no guest"),
    # "condemned the terror attack in Pahalgam": a group's act, no state's
    "not_terror": (lambda r: not _terror(r), "terrorism disapproved of, the act of no state"),
    # "attacked the EU for failing to condemn": criticism, not force
    "not_verbal_attack": (lambda r: not _verbal_attack(r), "an attack in words, for a conduct, not of force"),
    # "joint drills have helped strengthen ties": an act credited with an effect, background
    "not_credited": (lambda r: not (r.trig.pos == "NOUN" and _credited(r.token, r.coder.table.credit_verbs)),
                     "an act credited with an effect, told as background"),
}
