"""comity_events: code the events of each sentence in CAMEO (PLOVER follows from the code).

Per sentence: find triggers from the table (resources/event_triggers.yaml, compiled by
nlp/triggers.py) on the parse; drop those a guard of their row vetoes (the shared analysis of
nlp/analysis.py: negated, conditional, hypothetical, asked of someone, told of the past) and
those the coder's own rules veto; turn planned ones ("will visit", "agreed to hold") into
intents (CAMEO 03x, PLOVER AGREE); resolve source and target with `roles.Discourse`; date
each event by a date in its sentence or, failing that, by the report's anchor date (the date
of the encounter it reports); skip sentences that only look back ("last week", "in recent
years"), because background is not news of the day.

Each EventCandidate names the row that found it (`rule`, the row's id) and, in order, the
steps that changed it (`steps`): "planned_intent", "humanitarian", "civilian_protest",
"sidelines", "the_visitor", where its date came from ("date_from_sentence", "date_from_anchor",
"day_carried" from an earlier sentence of the paragraph, "undated", "days_apart"), and the
post-steps "precise_places", "spoken_in_calls", "calls_over_talks", "protest_over_consult",
"demonstration_over_complaint", "with_hosting", "talks_of_the_call", "meeting_of_the_summons",
"other_encounter_undated", "date_of_encounter", "during_the_encounter".

The trace (for `comity explain`): when `doc.user_data["comity.trace"]` is a list (explain
mode; off by default, and then nothing is built), the coder appends one dict per trigger
reading it examined, in the order examined:
    {"sentence": int,        # index in comity.nlp.sentences.sentences(doc).spans
     "token": int,           # the trigger's index in the doc
     "text": str,            # the trigger's text
     "rule": str | None,     # the row's id
     "outcome": "event" | "vetoed",
     "guard": str | None,    # what vetoed it: a guard of analysis.GUARDS or a rule of the
                             # coder's own (not_content, not_history, has_source, ...)
     "reason": str | None,   # the veto in plain words
     "cameo": str | None, "source": str | None, "target": str | None}  # the event's code and states
A reading that codes several events (one per pair of states) gives one "event" entry each.
The post-steps above act after the trace is written: an event they drop stays "event" there.
"""
from __future__ import annotations

from bisect import bisect_left
from datetime import date as date_cls, timedelta
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import analysis
from ..coder_guards import CODER_GUARDS, Reading
from ..roles import GROUP_NOUNS, GROUP_PRONOUNS, NON_STATE, ORIGIN_NOUNS, PERSON_PRONOUNS, Discourse, Ref
from ..sentences import doc_text, sentences, text_of
from ..triggers import Trigger, TriggerTable, trigger_table
from ..venues import venue_in, where_clause_venue
from .actors import actor_index, entry_of
from .dates import dates_in

_CANDIDATES = "comity.events.candidates"  # doc.user_data key: token indices that may be triggers
ANCHOR_REACH = timedelta(days=60)  # how far before publication the report's encounter may lie
TRACE_KEY = "comity.trace"  # doc.user_data key: a list to fill in explain mode (see the module doc)
PLACE_LABELS = {"CITY", "CAPITAL", "COUNTRY"}


class Veto(NamedTuple):
    """Why a trigger reading coded nothing: the guard's name and a short reason in plain words."""

    guard: str
    reason: str


@dataclass
class EventCandidate:
    cameo: str
    family: str
    source: Ref
    target: Ref | None
    sent: Span
    trigger: Token
    date: str | None = None
    date_text: str | None = None
    granularity: str | None = None
    place: tuple[str, str | None] | None = None
    planned: bool = False
    confidence: float = 0.6
    extra_sents: list[Span] = field(default_factory=list)
    rule: str = ""  # id of the trigger row (resources/event_triggers.yaml) that found it
    steps: list[str] = field(default_factory=list)  # post-steps and guards that changed it, in order


class EventCoder:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.table: TriggerTable = trigger_table()
        self._strings = nlp.vocab.strings
        self._keys: dict[int, bool] = {}  # string id -> may it be a trigger (see _candidates)
        self._key_words = self.table.lemmas | self.table.encounter_nouns
        self._refs_key, self._refs = None, []  # the last trigger's target refs (see _target_refs)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.code(doc)
        return doc

    def code(self, doc: Doc) -> list[EventCandidate]:
        disc = Discourse(doc)
        places = self._places(doc)
        anchor = self._anchor_date(doc)
        doc._.anchor_date = getattr(anchor, "value", anchor)
        venue = self._venue(doc, places, anchor)
        events: list[EventCandidate] = []
        sents = sentences(doc)
        text = doc_text(doc)
        day, last_end = anchor, 0  # the day the narrative is at (see _leading_day)
        background = False  # in a "Background" box (see _opens_background)
        for sent in sents.spans:
            new_paragraph = "\n" in text[last_end:sent.start_char]
            if new_paragraph:
                day = anchor  # a new paragraph: back to the report's encounter
            last_end = sent.start_char + len(text[sent.start_char:sent.end_char].rstrip())  # its blank lines too
            sent_dates = self._sentence_dates(doc, sent)
            day = self._leading_day(doc, sent, sent_dates) or day
            background = background or self._opens_background(sent, new_paragraph or sent.start_char == 0)
            if background or not sents.codable(sent):
                continue
            disc.focus(sent)
            told = []
            for token in self._candidates(doc, sent):
                for trig in self._triggers(token):
                    for event in self._events(doc, disc, sent, token, trig, sent_dates, day, places, venue):
                        told.append(event)
                        if self.table.code_in(event.cameo, "visit"):
                            disc.visitor = event.source.country
                            disc.host = event.target.country if event.target else None
            events += told
            day = self._encounter_day(told, sent_dates) or day
        events = self._calls_over_talks(self._spoken_in_calls(doc, self._precise_places(events)))
        events = self._meeting_of_the_summons(self._talks_of_the_call(events))  # across sentences
        events = self._with_hosting(self._demonstration_over_complaint(self._protest_over_consult(events)))
        events = self._exercise_encounters(self._port_calls(self._held_not_planned(events)), places, venue)
        events = self._signing_encounters(events, places, venue)
        events = self._during_the_encounter(self._other_encounters_undated(events))
        events = self._not_with_impostors(doc, events)
        return self._two_sided(events) if doc._.dyad else events

    def _during_the_encounter(self, events: list[EventCandidate]) -> list[EventCandidate]:
        """What a sentence tells "During the meeting with Vucic, ..." or "At the exchange, ..." was
        said or done at that encounter: with no day of its own, it takes the day the report gives
        the encounter of its pair (its sentence's own day), when there is one such day."""
        def pair(ev):
            return frozenset({ev.source.country, ev.target.country if ev.target else None})

        days: dict[frozenset, set] = {}
        for e in events:
            if self.table.in_group(e.family, "encounter") and not e.planned and e.date \
                    and "date_from_sentence" in e.steps:
                days.setdefault(pair(e), set()).add((e.date, e.date_text, e.granularity))
        out = []
        for ev in events:
            day = days.get(pair(ev), set())
            if len(day) == 1 and "date_from_sentence" not in ev.steps and self._opens_at_encounter(ev.sent):
                (date, text, gran), = day
                if date != ev.date:
                    ev = replace(ev, date=date, date_text=text, granularity=gran,
                                 steps=[*ev.steps, "during_the_encounter"])
            out.append(ev)
        return out

    def _opens_at_encounter(self, sent: Span) -> bool:
        """Whether a sentence opens "During the meeting ...", "At the talks, ...", "At the exchange"."""
        first = sent[0]
        if first.lower_ not in self.table.encounter_openers:
            return False
        obj = next((c for c in first.children if c.dep_ == "pobj"), None)
        return obj is not None and obj.lemma_.lower() in self.table.encounter_nouns

    def _other_encounters_undated(self, events: list[EventCandidate]) -> list[EventCandidate]:
        """A day dates the encounter its sentence tells, and what goes on telling it; not another
        encounter the report adds with no day of its own ("Xi met Phuc on Saturday ... Xi also met
        Moon", "Kagame on Wednesday received the general ... He also held talks with Kazura"). A
        meeting, visit or call (04x) dated only by the report's anchor or a carried day, whose
        states or named officials are not those of the encounter that day's sentence tells, is
        undated; unless the report dates an encounter of its pair and people elsewhere ("Xi met
        world leaders" in a headline, "Also on Saturday, Xi met Abe"): it is that one. Only when
        the dated encounter is between named officials: "held talks with four leaders today"
        dates all the meetings told after it."""
        def people(ev):
            return {r.person for r in (ev.source, ev.target) if r is not None and r.person}

        def pair(ev):
            return frozenset({ev.source.country, ev.target.country if ev.target else None})

        told = [e for e in events if self.table.in_group(e.family, "encounter") and not e.planned
                and e.date and "date_from_sentence" in e.steps]  # encounters dated by their own sentence
        out = []
        for ev in events:
            if not self.table.code_in(ev.cameo, "consultation") or ev.planned:
                out.append(ev)
                continue
            if ev.date is None and ev.target is not None and ev.source.person and ev.target.person:
                # told again with no day ("Wang Yi meets Vucic ... on February 13" in the lead, "met ...
                # Vucic" in the body): the encounter of the same two people the report dates
                days = {(e.date, e.date_text, e.granularity) for e in told
                        if pair(e) == pair(ev) and people(ev) <= people(e)}
                if len(days) == 1:
                    (date, text, gran), = days
                    ev = replace(ev, date=date, date_text=text, granularity=gran,
                                 steps=[*ev.steps, "date_of_encounter"])
                out.append(ev)
                continue
            if not (ev.date and ("date_from_anchor" in ev.steps or "day_carried" in ev.steps)):
                out.append(ev)
                continue
            # the encounters that date the day: its meetings and calls (a visit the same sentence
            # tells, "received X, who is on a visit", is the frame of the day, not one of them)
            dating = [e for e in told if e.date == ev.date and e.date_text == ev.date_text
                      and not self.table.in_group(e.family, "frame_of_the_day")]
            if not dating or any(not (e.source.person and e.target and e.target.person) for e in dating):
                out.append(ev)
                continue
            if any(pair(e) == pair(ev) and people(ev) <= people(e) for e in dating) \
                    or analysis.same_day(text_of(ev.sent)):  # "Later in the day, he also called on X"
                out.append(ev)  # the dated encounter, told on
                continue
            own = next((e for e in told if pair(e) == pair(ev) and people(ev) <= people(e)), None)
            if own is not None:
                out.append(replace(ev, date=own.date, date_text=own.date_text, granularity=own.granularity,
                                   steps=[*ev.steps, "date_of_encounter"]))
            else:
                out.append(replace(ev, date=None, date_text=None, granularity=None,
                                   steps=[*ev.steps, "other_encounter_undated"]))
        return out

    def _signing_encounters(self, events: list[EventCandidate], places, venue) -> list[EventCandidate]:
        """A signing by two named officials of two states is an encounter of theirs ("the document was
        signed on Aug. 20 by Uzbek Defence Minister A and his Kazakh counterpart B"): a signing done
        (057) on a day and pair with no meeting, visit or call of its own also codes a meeting (040).
        Not a signing of states or bodies alone ("the two sides also signed a MoU with the UAE"):
        that may be done apart."""
        met = {self._day_pair(e) for e in events  # a visit is no meeting ("who arrived on a visit")
               if self.table.code_in(e.cameo, "met")}
        out = list(events)
        for ev in events:
            if self.table.code_in(ev.cameo, "signing") and not ev.planned and ev.target is not None and ev.target.country \
                    and ev.source.person is not None and ev.target.person is not None \
                    and ev.target.country != ev.source.country and self._day_pair(ev) not in met:
                met.add(self._day_pair(ev))
                # placed as a meeting is: where the signing's sentence says, else the report's venue
                pred = self._predicate(ev.trigger) if ev.trigger.pos_ == "NOUN" else ev.trigger
                place = where_clause_venue(pred, places) or self._place_in(ev.sent, places) or venue
                third = place and place[1] and place[1] not in {ev.source.country, ev.target.country}
                out.append(replace(ev, cameo="044" if third else "040", family="consult", place=place,
                                   confidence=ev.confidence * 0.8, steps=[*ev.steps, "signing_encounter"]))
        return out

    def _not_with_impostors(self, doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
        """A report that tells someone was impersonated ("impersonating Macron, a duo prank-calls
        Duda", "a caller posing as the president", "a person claiming to be President X") tells
        that the encounters with that person were with an impostor: no call, talks or meeting
        with that state's official."""
        faked = self._impersonated(doc)
        if not faked:
            return events
        return [e for e in events if not (self.table.in_group(e.family, "conversation") and e.target is not None
                                          and e.target.name and set(e.target.name.split()) & faked)]

    def _impersonated(self, doc: Doc) -> set[str]:
        """The names (words of proper nouns) of the people a report says were impersonated: the
        proper nouns right after "impersonating", or after "posing as", "claiming to be",
        "pretending to be" (read off the words: a headline's parse makes "Impersonating" a name)."""
        verbs = self.table.impostor_verbs
        out: set[str] = set()
        for t in doc:
            if t.lower_ not in verbs and t.lemma_.lower() not in verbs:
                continue
            i, linked = t.i + 1, False
            while i < len(doc) and doc[i].lower_ in self.table.impostor_links:
                linked = linked or doc[i].lower_ in self.table.impostor_marks
                i += 1
            outright = self.table.impostor_outright
            if not linked and not (t.lower_ in outright or t.lemma_.lower() in outright):
                continue  # "claimed victory", "posed a threat": no one passed off
            # the name, with its title ("French President Emmanuel Macron")
            while i < len(doc) and (doc[i].pos_ == "PROPN" or (doc[i].pos_ == "ADJ" and doc[i].text[:1].isupper())):
                out.add(doc[i].text)
                i += 1
        return out

    @staticmethod
    def _two_sided(events: list[EventCandidate]) -> list[EventCandidate]:
        """In a report about two states or more, an event is between two of them (the guide codes
        only acts between two states): an act that has no second state once the post-steps are
        done is dropped. A meeting, visit, hosting or call without one ("the championship was
        hosted by Slovakia", "Duda and the caller can be heard discussing") is no encounter
        between states; a rejection, a concern or an appeal aimed at no state ("rejected that
        claim", "urged regional leaders", "expressed deep concern"), or a state's act on its own
        people, is nobody's act on another state. A report about one state keeps them: its
        events may be the domestic ones CAMEO codes ("demonstrators received ministers from the
        government")."""
        return [e for e in events
                if e.target is not None and e.target.country and e.target.country != e.source.country]

    @staticmethod
    def _opens_background(sent: Span, starts_paragraph: bool) -> bool:
        """A paragraph headed "Background" (or "Context:") opens a box of earlier events that runs
        to the end of the report: "Background • On 13 June, A and B signed ..." is history, not
        news of the day, whatever day it names."""
        return starts_paragraph and analysis.background_heading(text_of(sent))

    @staticmethod
    def _precise_places(events: list[EventCandidate]) -> list[EventCandidate]:
        """An encounter reported at a region and at a place in it ("co-chaired the exchange in the
        province of Dien Bien" ... "held talks in Dien Bien Phu city") was at the place: events of
        one day and pair of states placed at a broad venue take the precise venue of that country."""
        precise = {}
        for ev in events:
            if ev.place and not getattr(ev.place, "broad", True) and ev.target is not None:
                precise.setdefault((ev.date, frozenset({ev.source.country, ev.target.country}), ev.place[1]), ev.place)
        out = []
        for ev in events:
            if getattr(ev.place, "broad", False) and ev.target is not None:
                better = precise.get((ev.date, frozenset({ev.source.country, ev.target.country}), ev.place[1]))
                if better is not None:
                    ev = replace(ev, place=better, steps=[*ev.steps, "precise_places"])
            out.append(ev)
        return out

    def _spoken_in_calls(self, doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
        """A report that has told of phone calls ("made phone calls to several leaders") and then
        says its official "also spoke with" another, at no place, tells of one more call (041)."""
        phone = self.table.phone_words
        first = next((t.i for t in doc if t.lower_ in phone or t.lemma_.lower() in phone), None)
        if first is None:
            return events
        talk = self.table.conversation_verbs
        return [replace(e, cameo="041", steps=[*e.steps, "spoken_in_calls"])
                if self.table.code_in(e.cameo, "meeting") and e.target is not None and not e.planned and e.place is None
                and e.trigger.pos_ in ("VERB", "AUX") and e.trigger.lemma_.lower() in talk
                and e.sent.start > first else e for e in events]

    @staticmethod
    def _sentence_pair(e: EventCandidate) -> tuple[int, frozenset]:
        """An event's sentence and pair of states, for the rules that keep one reading of a sentence."""
        return e.sent.start, frozenset({e.source.country, e.target.country if e.target else None})

    def _calls_over_talks(self, events: list[EventCandidate]) -> list[EventCandidate]:
        """"Held phone talks", "held a virtual meeting": one encounter, a call. The plain talks
        a sentence's other trigger codes for the same pair are that call, not a second meeting."""
        table = self.table
        calls = {self._sentence_pair(e) for e in events if table.code_in(e.cameo, "call") and e.target is not None}
        return self._keep_over(events, lambda e: table.code_in(e.cameo, "meeting") and e.target is not None
                               and self._sentence_pair(e) in calls,
                               lambda e: table.code_in(e.cameo, "call"), self._sentence_pair, "calls_over_talks")

    @staticmethod
    def _day_pair(e: EventCandidate) -> tuple[str | None, frozenset]:
        """An event's day and pair of states: one encounter of a report, whatever its sentence."""
        return e.date, frozenset({e.source.country, e.target.country if e.target else None})

    def _talks_of_the_call(self, events: list[EventCandidate]) -> list[EventCandidate]:
        """A call readout tells the call and then what was said in it ("Lavrov had a telephone
        conversation with Tillerson. ... When discussing bilateral relations, ..."): the talks
        the later sentences code for the pair on the call's day are the call (the guide codes the
        call, 041), not a second meeting. `_calls_over_talks` does this within one sentence."""
        table = self.table
        calls = {self._day_pair(e) for e in events if table.code_in(e.cameo, "call") and e.target is not None
                 and not e.planned}
        return self._keep_over(events, lambda e: table.code_in(e.cameo, "talks") and not e.planned
                               and e.target is not None and self._day_pair(e) in calls,
                               lambda e: table.code_in(e.cameo, "call") and not e.planned, self._day_pair,
                               "talks_of_the_call")

    def _meeting_of_the_summons(self, events: list[EventCandidate]) -> list[EventCandidate]:
        """A summons is told and then its meeting ("summoned the ambassador on Monday ... During
        the meeting with the ambassador, it was emphasized ..."): the meeting the report codes for
        the pair on the summons' day is the summons (a protest, 114), not a consultation.
        `_protest_over_consult` does this within one sentence."""
        table, summoning = self.table, self.table.summons_verbs
        summons = {self._day_pair(e) for e in events if table.code_in(e.cameo, "disapproval") and e.target is not None
                   and e.trigger.lemma_.lower() in summoning and not e.planned}
        return self._keep_over(events, lambda e: table.code_in(e.cameo, "talks") and not e.planned
                               and e.target is not None and self._day_pair(e) in summons,
                               lambda e: e.trigger.lemma_.lower() in summoning and table.code_in(e.cameo, "disapproval"),
                               self._day_pair, "meeting_of_the_summons")

    def _protest_over_consult(self, events: list[EventCandidate]) -> list[EventCandidate]:
        """A meeting held to deliver a protest ("met the embassy's representative and handed over
        a note protesting ...") is the protest: PLOVER codes summoning to complain as ACCUSE."""
        # only a protest to the same party: "met his Vietnamese counterpart, warning that North Korea
        # would pay a price" is a meeting and a warning
        table = self.table
        protests = {self._sentence_pair(e) for e in events if table.code_in(e.cameo, "protest")}
        # a call stays a call: "warned Biden in a phone call" is the call and the warning
        return self._keep_over(events, lambda e: table.code_in(e.cameo, "in_person")
                               and self._sentence_pair(e) in protests,
                               lambda e: table.code_in(e.cameo, "protest"), self._sentence_pair,
                               "protest_over_consult")

    @staticmethod
    def _keep_over(events, dropped, winner, key, step: str) -> list[EventCandidate]:
        """`events` without those `dropped` says go; the `winner` events of the same `key` (sentence
        and pair) that stand for them note the post-step `step`."""
        gone = {key(e) for e in events if dropped(e)}
        return [replace(e, steps=[*e.steps, step]) if winner(e) and key(e) in gone else e
                for e in events if not dropped(e)]

    def _demonstration_over_complaint(self, events: list[EventCandidate]) -> list[EventCandidate]:
        """"Began a hunger strike to protest the decision", "staged rallies in protest": the protest
        is the demonstration (CAMEO 14x), not an official complaint (114) besides it."""
        table = self.table
        demo = {(e.sent.start, e.source.country) for e in events if table.code_in(e.cameo, "demonstration")}
        return self._keep_over(events, lambda e: table.code_in(e.cameo, "complaint")
                               and (e.sent.start, e.source.country) in demo,
                               lambda e: table.code_in(e.cameo, "demonstration"),
                               lambda e: (e.sent.start, e.source.country), "demonstration_over_complaint")

    # -- triggers ---------------------------------------------------------------------
    def _candidates(self, doc: Doc, sent: Span) -> list[Token]:
        """The tokens of `sent` that may be triggers or encounter nouns: those whose lower form or
        lemma is a key of the trigger table, a reporting verb or an encounter noun. Read off the
        doc's arrays once, so that most words never become a Token (docs/benchmarks.md)."""
        found = doc.user_data.get(_CANDIDATES)
        if found is None:
            arr = doc.to_array([LOWER, LEMMA])
            keys = [i for i in np.unique(arr).tolist() if self._is_key(i)]
            found = doc.user_data[_CANDIDATES] = np.nonzero(np.isin(arr, keys).any(axis=1))[0].tolist()
        lo, hi = bisect_left(found, sent.start), bisect_left(found, sent.end)
        return [doc[i] for i in found[lo:hi]]

    def _is_key(self, string_id: int) -> bool:
        known = self._keys.get(string_id)
        if known is None:
            word = self._strings[string_id].lower()
            known = self._keys[string_id] = word in self._key_words
        return known

    def _triggers(self, token: Token) -> list[Trigger]:
        by_lemma = self.table.by_lemma
        lower, lemma = token.lower_, token.lemma_.lower()
        if lower not in by_lemma and lemma not in by_lemma:
            return self._speech_act(token, lemma)  # most words: decided before anything else is read
        found = []
        for key in dict.fromkeys((lemma, lower)):  # in this order: a set's order changes from run to run
            for trig in by_lemma.get(key, ()):
                if trig.pos == "VERB" and token.pos_ not in ("VERB",):
                    continue
                if trig.pos == "NOUN" and token.pos_ not in ("NOUN", "PROPN"):
                    continue
                if trig.pos == "ADJ" and token.pos_ != "ADJ":
                    continue
                if trig.objects and not self._has_object(token, trig.objects):
                    continue
                if trig.not_objects and self._has_object(token, trig.not_objects):
                    continue
                if trig.intransitive and any(c.dep_ in ("dobj", "obj") for c in token.children):
                    continue  # "demonstrated a growth of 0.9 percent", "rallied support": no protest
                if trig.requires_word and not self._near(token, trig.requires_word, trig.window):
                    continue
                if trig not in found:
                    found.append(trig)
        # the most specific reading wins: "online talks" is a call before it is talks
        found.sort(key=lambda t: (not (t.requires_word or t.objects), not self.table.in_group(t.family, "preferred")))
        if found:
            # "called on X to settle disputes" asks; "called on X" visits: the reading of a verb
            # with no clause (event_triggers.yaml, speech_acts, clause `none`)
            return [self._reading_without_clause(token, found[0]) or found[0]]
        return []

    def _speech_act(self, token: Token, lemma: str) -> list[Trigger]:
        """The first speech act (event_triggers.yaml, speech_acts) whose verb `lemma` is and whose
        clause the token has: "said Sudan must return", "proposed that Japan continue"."""
        for act in self.table.speech_acts:
            if act.replaces is None and lemma in act.lemmas and \
                    analysis.speech_clause(token, act.trigger.clause) is not None:
                return [act.trigger]
        return []

    def _reading_without_clause(self, token: Token, best: Trigger) -> Trigger | None:
        for act in self.table.speech_acts:
            if act.replaces == best.family and best.lemma in act.lemmas and \
                    analysis.speech_clause(token, act.trigger.clause) is not None:
                return act.trigger
        return None

    @staticmethod
    def _has_object(token: Token, objects: frozenset[str]) -> bool:
        if token.dep_ in ("amod", "acl", "relcl") and token.head.lemma_.lower() in objects:
            return True  # "Minister X held talks": the small parser often makes "held" a modifier
        for child in token.children:
            if child.dep_ in ("dobj", "obj", "attr", "nsubjpass") and (
                    child.lemma_.lower() in objects or child.lower_ in objects):
                return True
            if child.dep_ == "prep":
                if any(g.lemma_.lower() in objects or g.lower_ in objects for g in child.children):
                    return True
        return False

    @staticmethod
    def _near(token: Token, words: frozenset[str], window: int = 3) -> bool:
        doc = token.doc
        sent = sentences(doc).of(token)
        lo, hi = max(sent.start, token.i - window), min(sent.end, token.i + window)
        # a possessive counts as the trigger's own only ("their meeting"), not another noun's
        # ("the platform meeting all their requirements")
        if any(doc[i].lower_ in words and (doc[i].dep_ != "poss" or doc[i].head.i == token.i)
               for i in range(lo, hi) if i != token.i):
            return True
        # or the head of a phrase of the trigger's own, however far: "spoke to President X on the telephone"
        return any(g.dep_ == "pobj" and g.lower_ in words
                   for c in token.children if c.dep_ == "prep" for g in c.children)

    # -- one event --------------------------------------------------------------------
    def _events(self, doc, disc, sent, token, trig, sent_dates, anchor, places, venue) -> list[EventCandidate]:
        found = self._code_trigger(doc, disc, sent, token, trig, sent_dates, anchor, places, venue)
        trace = doc.user_data.get(TRACE_KEY)
        if isinstance(trace, list):
            self._trace(trace, doc, token, trig, found)
        return found if isinstance(found, list) else []

    def _code_trigger(self, doc, disc, sent, token, trig, sent_dates, anchor, places,
                      venue) -> list[EventCandidate] | Veto:
        """The events one trigger reading codes, or the Veto (guard and reason) that stopped it."""
        pred = (self._predicate(token) if trig.pos == "NOUN"
                else token.head if trig.pos == "ADJ" and token.dep_ == "acomp" else token)  # "was concerned": "was"
        reading = None
        for name in trig.guards:  # the row's guards (event_triggers.yaml): the shared analysis', then ours
            if name in analysis.GUARDS:
                if not analysis.GUARDS[name](token, pred):
                    return Veto(name, analysis.GUARD_REASONS[name])
                continue
            reading = reading or Reading(self, doc, token, pred, trig, sent_dates, anchor, disc)
            passes, reason = CODER_GUARDS[name]
            if not passes(reading):
                return Veto(name, reason)
        steps: list[str] = []
        planned = analysis.planned(pred) or any(d.kind == "future" and analysis.attached(doc, d, {token, pred})
                                                for d in sent_dates)
        planned = planned or (trig.pos == "NOUN" and analysis.planned_noun(token))  # "a future visit"
        if planned and self.table.code_in(trig.intent or "", "threat") and pred.dep_ == "xcomp" and any(
                self.table.in_group(t.family, "promises") for t in self._triggers(pred.head)):
            return Veto("not_promised_threat", "a promise to act, which the promise codes, not a threat")
        cameo = trig.cameo
        if self.table.in_group(trig.family, "stated_intent"):
            cameo = self._intent_code(token) if self.table.code_in(trig.cameo, "unspecified_intent") else trig.cameo
        elif planned:
            if not trig.intent:
                return Veto("has_intent", "planned, and the rule has no intent code for a plan")
            cameo = trig.intent
            steps.append("planned_intent")
        if self.table.in_group(trig.family, "giving") and self._near_words(token, self.table.humanitarian_words):
            cameo = "073" if not planned else "033"
            steps.append("humanitarian")
        sources = [r for r in self._sources(disc, token, pred, trig) if r.country]
        if not sources and self.table.in_group(trig.family, "visitor_from_report") and trig.pos == "NOUN" and not any(
                c.dep_ == "prep" and c.lower_ in trig.target_preps for c in token.children):
            sources = self._the_visitor(disc, venue)  # "the visit" (not "a visit to Djibouti", another one)
            steps += ["the_visitor"] if sources else []
        if not sources:
            return Veto("has_source", "no actor with a state")
        if self.table.in_group(trig.family, "with_counterpart"):
            sources = self._not_own_counterpart(disc, token, pred, trig, sources)
        if trig.reads_clause:
            # "he said the two sides must ...", "suggested the two sides continue": an exhortation
            # that includes the speaker is no appeal to another state (nor a breach it tells an accusation)
            told = disc.resolve(analysis.speech_clause(token, trig.clause))
            if not told or {r.country for r in told} & {r.country for r in sources}:
                return Veto("told_other_party", "the clause names no other state than the speaker's")
        if self.table.in_group(trig.family, "exhortation") and self._asks_own_side(disc, token, pred, trig, sources):
            # "urged the two neighbours to deepen cooperation": those asked include the asker, whose
            # stated intent it is (03x), not an appeal
            cameo = self._intent_code(token)
            steps.append("own_side_asked")
        if self.table.in_group(trig.family, "force") and self._civilians_act(pred):
            # "protesters clashed with supporters of the visiting president": a street brawl, no
            # state's use of force (the subject's nationality would make it one)
            return Veto("not_civilian_force", "people in the street, not a state's forces")
        if self.table.code_in(cameo, "complaint") and self._civilian_subject(token, pred):
            cameo = "141"  # "activists staged a protest": a demonstration, not an official complaint
            steps.append("civilian_protest")
        explicit = self._explicit_target(disc, token, pred, trig, sources)
        if trig.needs_target and explicit is None:
            # "workers will work overtime": only "work with Laos" is an intent toward a state
            return Veto("needs_target", "the rule needs a named target and the sentence names none")
        pairs = self._pairs(disc, token, pred, trig, sources, explicit)
        if trig.received:  # "X took delivery of US vehicles": the state that gives acts on X
            pairs = [(target, source) for source, target in pairs if target is not None]
        disc.note_subject(sources)
        # a day that dates another clause ("X, who arrived on Sunday, also met Y") is not this event's
        own_dates = [d for d in sent_dates if not self._dates_another_clause(doc, d, pred)]
        published = doc._.published.isoformat() if doc._.published else None
        if published and not planned:  # what has happened cannot be dated after the report: "congratulated
            # the army on its upcoming anniversary on December 22" in a report of December 16
            own_dates = [d for d in own_dates if not (d.value and d.granularity == "day" and d.value > published)]
        # a day the parse hangs on this act ("met Marcos on Friday") before the nearest one
        attached = [d for d in own_dates if analysis.attached(doc, d, {token, pred})]
        if self.table.in_group(trig.family, "encounter") and not planned:
            # a caption that tells the encounter itself ("Wang Yi meets Vucic ... on February 13.
            # Photo: ...") dates it; its day dates nothing else (kind stamp)
            attached = [replace(d, kind="point") if d.kind == "stamp" and d.value and d.granularity == "day"
                        else d for d in attached]
        # the day of a noun act that is its verb's subject or object ("Scholz's visit to Ethiopia on
        # Thursday saw him meet", "began his visit on Thursday"), not what a verb is for ("arrived
        # Monday for a three-day visit")
        own_day = trig.pos == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "dobj") and bool(attached)
        date, date_text, granularity = self._date(attached or own_dates, anchor, token, planned, trig.family,
                                                  own_day=own_day)
        steps.append(self._date_step(doc, sent_dates, date, date_text))
        shift = self._days_apart(pred) if date and granularity == "day" else 0
        if shift:  # "landed in Nairobi on Friday, a day after arriving in Ethiopia": Thursday
            date = (date_cls.fromisoformat(date) + timedelta(days=shift)).isoformat()
            steps.append("days_apart")
        out = []
        for source, target in pairs:
            if source.sector in NON_STATE or (target is not None and target.sector in NON_STATE):
                continue  # a firm's deal or trip, a former minister's call, is no state's act
            if target is not None and target.country is None and self.table.in_group(trig.family, "with_counterpart"):
                continue  # talks with a person whose state is unknown ("met Foreign Minister X"): no state's counterpart
            if target and source.country == target.country and not (
                    self.table.in_group(trig.family, "domestic") or self.table.code_in(cameo, "demonstration")):
                continue
            place, code, own_steps = None, cameo, list(steps)
            if self.table.code_in(code, "in_person"):  # a call joins two places: it has no venue
                place = where_clause_venue(pred, places) or self._place_in(sent, places) or venue
                third = place and place[1] and place[1] not in {source.country, target and target.country}
                if self.table.code_in(code, "meeting") and (self._near_words(token, self.table.sideline_words, window=12) or third):
                    code = "044"
                    own_steps.append("sidelines")
            out.append(EventCandidate(cameo=code, family=trig.family, source=source, target=target, sent=sent,
                                      trigger=token, date=date, date_text=date_text, granularity=granularity,
                                      place=place, planned=planned,
                                      confidence=0.7 if target and source.person else 0.5,
                                      rule=trig.id, steps=own_steps))
        return out or Veto("state_pair", "no pair of states: a firm's act, or one state's own affair")

    def _asks_own_side(self, disc, token, pred, trig, sources: list[Ref]) -> bool:
        """Whether those an appeal asks are the asker's side and one other state, the two of them ("urging
        the two neighbours to ...", "calling on the Japanese and Australian governments to ..."); not
        "called on all sides", which asks a wider circle."""
        own = {r.country for r in sources}
        asked = {r.country for r in self._target_refs(disc, token, pred, trig) if r.country}
        return len(own) == 1 and len(asked) == 2 and bool(asked & own)

    def _returned_fire(self, token: Token, trig: Trigger) -> bool:
        """A retort verb that is also a verb of violence ("fired back") aimed at someone or something
        ("fired back at the attackers", "fired back shells") is returned fire: only the bare
        retort ("fired back that ...", "fired back, calling ...") is criticism."""
        if not any(self.table.in_group(t.family, "force") for t in self.table.by_lemma.get(trig.lemma, ())):
            return False  # "hit back at critics": no reading of violence to tell apart
        return any(c.dep_ in ("dobj", "obj") or (c.dep_ == "prep" and c.lower_ in self.table.fire_preps)
                   for c in token.children)

    def _pairs(self, disc, token, pred, trig, sources, explicit) -> list[tuple[Ref, Ref | None]]:
        """Who acts on whom: one (source, target) pair per event the trigger codes."""
        if len({r.country for r in sources}) >= 2 and explicit is not None \
                and self.table.in_group(trig.family, "each_meets_target") \
                and not any(r.country == explicit.country for r in sources):
            # "Healey and Crosetto held talks with Nakatani": each with the one the talks were with
            return [(r, explicit) for r in sources]
        if len({r.country for r in sources}) >= 2 and explicit is not None \
                and self.table.in_group(trig.family, "all_parties"):
            # "the two sides signed a trilateral MoU with the UAE": all three are parties
            parties = sources + [explicit]
            return [(a, b) for n, a in enumerate(parties) for b in parties[n + 1:] if a.country != b.country]
        if len({r.country for r in sources}) >= 2 and explicit is not None \
                and not self.table.in_group(trig.family, "each_meets_target"):
            # "US and British activists protested against China": each state acts on the target
            return [(r, explicit) for r in sources if r.country != explicit.country]
        acting = {r.country for r in sources}
        if len(acting) >= 2 and explicit is None and not self.table.in_group(trig.family, "together"):
            # "they appreciated the president of China for hosting": the one the act is on is one
            # of those "they" may name; the others act on it (never it on another of them)
            named = next((r for r in self._target_refs(disc, token, pred, trig) if r.country in acting), None)
            if named is not None:
                states = [c for c in disc.ranked if c != "IGO"]
                subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ in GROUP_PRONOUNS and len(states) == 3:
                    # a report on three states, where the sentence's pair is the one acted on and
                    # another: "they" (not "the two sides", a count) are the two others
                    sources = [Ref(country=c, sector="GOV") for c in states if c != named.country]
                return [(r, named) for r in sources if r.country != named.country]
        if len({r.country for r in sources}) >= 3 and self.table.in_group(trig.family, "together"):
            # acts of three or more states together ("the three ministers signed"): one event per pair
            return [(a, b) for n, a in enumerate(sources) for b in sources[n + 1:] if a.country != b.country]
        if len({r.country for r in sources}) >= 3:  # side by side on someone else, never on one another
            acting = {r.country for r in sources}
            targets = [self._target(disc, token, pred, trig, r, [r]) for r in sources]
            return [(r, t if t is not None and t.country not in acting else None) for r, t in zip(sources, targets)]
        pairs = [(sources[0], self._target(disc, token, pred, trig, sources[0], sources))]
        if len(sources) == 1:  # "thanked Vietnam and Cambodia": each state it names is a target
            named = {r.country: r for r in self._target_refs(disc, token, pred, trig)
                     if r.country and r.country != sources[0].country}
            if len(named) >= 2:
                pairs = [(sources[0], r) for r in named.values()]
                if self.table.in_group(trig.family, "joint_encounter") and self._one_joint_encounter(token, trig):
                    # "held a working session with the Cambodian and Lao PMs": one encounter of three
                    # states or more, coded for every pair (the guests with one another too)
                    guests = list(named.values())
                    pairs += [(a, b) for n, a in enumerate(guests) for b in guests[n + 1:]]
        return pairs

    def _one_joint_encounter(self, token: Token, trig: Trigger) -> bool:
        """Whether a consultation is one encounter, told by a singular noun ("a working session",
        "a meeting with A and B"), not "talks", "meetings" or a verb ("met A and B"), which may
        be several; and not said to be "separate" or "bilateral"."""
        noun = token if trig.pos == "NOUN" else next(
            (c for c in token.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in trig.objects), None)
        if noun is None or noun.tag_ != "NN":
            return False
        return not any(t.lower_ in self.table.separate_words for t in token.sent)

    @staticmethod
    def _date_step(doc: Doc, sent_dates: list, date, date_text) -> str:
        """Where an event's date came from: a date its sentence names, the report's anchor (the
        date of the encounter it reports), or a day an earlier sentence of the paragraph named."""
        if date is None:
            return "undated"
        if any(d.value == date and d.text == date_text for d in sent_dates):
            return "date_from_sentence"
        return "date_from_anchor" if date == doc._.anchor_date else "day_carried"

    def _trace(self, trace: list, doc: Doc, token: Token, trig: Trigger, found) -> None:
        """One entry per trigger reading examined, for `comity explain` (see the module doc)."""
        entry = {"sentence": sentences(doc).spans.index(sentences(doc).of(token)), "token": token.i,
                 "text": token.text, "rule": trig.id or None}
        if isinstance(found, Veto):
            trace.append({**entry, "outcome": "vetoed", "guard": found.guard, "reason": found.reason,
                          "cameo": None, "source": None, "target": None})
            return
        for ev in found:
            trace.append({**entry, "outcome": "event", "guard": None, "reason": None, "cameo": ev.cameo,
                          "source": ev.source.country, "target": ev.target.country if ev.target else None})

    # the shared sentence analysis (comity/nlp/analysis.py), under the names the rules used
    _embedded = staticmethod(analysis.embedded)
    _earlier = staticmethod(analysis.earlier)
    _attached = staticmethod(analysis.attached)
    _negated = staticmethod(analysis.negated)
    _conditional = staticmethod(analysis.conditional)
    _planned = staticmethod(analysis.planned)
    _unrealised = staticmethod(analysis.unrealised)

    def _topic_of_talks(self, token: Token) -> bool:
        """Whether a noun trigger is what talks are about: the object of "discussed", "reviewed"
        (or of a preposition under them: "exchanged views on joint exercises")."""
        t = token
        for _ in range(4):
            if t.dep_ not in ("dobj", "pobj", "prep", "conj", "compound") or t.head.i == t.i:
                return False
            t = t.head
            if t.pos_ == "VERB":
                return t.lemma_.lower() in self.table.discussion_verbs or (
                    t.lemma_.lower() in self.table.opinion_verbs
                    and any(c.lower_ in self.table.opinion_nouns for c in t.children))
        return False

    _PURPOSE_DEPS = ("xcomp", "acl", "relcl", "advcl", "pcomp", "pobj", "prep", "conj")

    def _purpose_of_another_act(self, token: Token) -> bool:
        """Whether an intent verb is what another act is for or about: "met Duterte on strengthening
        ties", "a visit to strengthen cooperation", "discussed ways to strengthen" (`purpose_heads`
        and the discussion verbs of event_triggers.yaml), not "agreed to strengthen ties"."""
        heads = self.table.purpose_heads | self.table.discussion_verbs
        t = token
        for _ in range(4):
            if t.dep_ not in self._PURPOSE_DEPS or t.head.i == t.i:
                return False
            t = t.head
            if t.lemma_.lower() in heads or t.lower_ in heads:
                return True
        return False

    def _pledged_act(self, token: Token) -> bool:
        """Whether a verb is what a commitment is to: "their commitment to support efforts", "its readiness
        to provide aid" (`pledge_nouns`): the infinitive the noun governs."""
        return (token.dep_ in ("acl", "xcomp") and token.head.lower_ in self.table.pledge_nouns
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))

    @staticmethod
    def _signed_by_parties(token: Token) -> bool:
        """"A joint statement signed by the three countries", "by both sides": a participle whose agent
        is plural tells a signing; "a statement signed by the press officer" is one side's paper."""
        return any(g.dep_ == "pobj" and g.tag_ in ("NNS", "NNPS")
                   for c in token.children if c.dep_ == "agent" for g in c.children)

    def _reason_of_praise(self, token: Token) -> bool:
        """Whether a trigger stands in what someone is thanked, praised or pitied for ("for the
        assistance", "for the support it has provided", "on the success of the talks"): the
        reason, not an event of its own."""
        t = token  # Token objects are made afresh on each access: compare positions
        for _ in range(5):
            head = t.head
            if head.i == t.i:
                return False
            if t.dep_ == "prep" and t.lower_ in self.table.reason_preps:
                return any(self.table.in_group(trig.family, "for_a_reason") for trig in self._triggers(head))
            t = head
        return False

    @staticmethod
    def _predicate(token: Token) -> Token:
        """The verb a noun trigger hangs from: 'extended his congratulations' -> extended."""
        head = token
        while head.dep_ in ("dobj", "pobj", "prep", "compound", "conj", "appos", "nsubj", "nsubjpass", "attr",
                            "amod") and head.head.i != head.i:
            if head.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in head.head.children):
                # "the edition of the exercise would be held in May" is the exercise's verb, but "the
                # recording of the call was posted by X" is X's act on the call, not the call's verb
                break
            head = head.head
            if head.pos_ in ("VERB", "AUX"):
                return head
        return token

    def _intent_code(self, token: Token) -> str:
        words = [t for t in token.subtree if t.i > token.i][:25]
        for code in self.table.code_groups["intent_by_verb"]:  # meeting intents first: "agreed to hold the dialogue"
            vocab = self.table.intent_complements.get(code, frozenset())
            for t in words[:4]:
                if t.pos_ == "VERB" and t.lemma_.lower() in vocab:
                    return code
        lemmas = {t.lemma_.lower() for t in words}
        for code in self.table.code_groups["intent_by_word"]:
            if lemmas & self.table.intent_complements.get(code, frozenset()):
                return code
        return "030"

    def _near_words(self, token: Token, words, window: int = 8) -> bool:
        sent = sentences(token.doc).of(token)
        lo, hi = max(sent.start, token.i - window), min(sent.end, token.i + window)
        return any(token.doc[i].lower_ in words for i in range(lo, hi))

    # -- actors -----------------------------------------------------------------------
    def _sources(self, disc: Discourse, token: Token, pred: Token, trig: Trigger) -> list[Ref]:
        if trig.pos == "NOUN":  # "the latter's official visit": the possessor acts
            for child in token.children:
                if child.dep_ == "poss" and not self._bound_possessive(disc, child, pred):
                    refs = disc.resolve(child)
                    if refs:
                        return refs
            for child in token.children:  # "indirect talks between Iran and the US": both sides act
                if child.dep_ == "prep" and child.lower_ in self.table.between_preps:
                    refs = disc.resolve(next((g for g in child.children if g.dep_ == "pobj"), None))
                    if len({r.country for r in refs if r.country}) >= 2:
                        return refs
            for child in token.children:  # "a visit by a delegation of ...": the agent acts
                if child.dep_ == "prep" and child.lower_ in self.table.agent_preps:
                    agent = next((g for g in child.children if g.dep_ == "pobj"), None)
                    refs = disc.resolve(agent) if agent is not None else []
                    if refs:
                        return refs
        verb, via = pred, None
        for _ in range(4):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                         and not self._dateline_subject(disc, c)), None)
            if subj is not None and subj.dep_ == "nsubjpass" and (
                    via == "xcomp" or (verb.i == pred.i and pred.lemma_.lower() in self.table.feeling_verbs)):
                pass  # "he is scheduled to meet", "Japan was concerned by": the passive's subject acts
            elif subj is not None and subj.dep_ == "nsubjpass":
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
                if subj is None and via is not None:
                    break  # the passive of another clause ("said the drill was not directed at anyone
                    # and thanked China" parsed as one clause): the trigger's own subject is lost
                if subj is None:
                    return disc.both() if self.table.in_group(trig.family, "passive_by_both") else []
            if subj is None and verb.i == pred.i and verb.tag_ == "VBN":
                # a participle with its agent: "the dialogue, co-chaired by A and B", "a plan signed by A"
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
            if subj is not None and subj.lower_ in self.table.relative_pronouns and verb.dep_ == "relcl":
                subj = verb.head  # "Chien, who is on an official visit": the antecedent acts
                while subj.dep_ == "conj" and subj.head.i != subj.i:
                    subj = subj.head  # "Healey and Crosetto, who are visiting Japan": both
            if subj is not None:
                refs = disc.resolve(subj)
                if subj.dep_ == "nsubj":  # "A and B met" parsed as two subjects with the "and" lost
                    for other in verb.children:
                        if other.dep_ == "nsubj" and other.i != subj.i and not self._dateline_subject(disc, other):
                            refs += [r for r in disc.resolve(other) if r not in refs]
                if refs:
                    return refs
                if subj.lower_ == "it":
                    return []  # a thing acts ("after it signed a supply deal"): no state by default
                if self.table.in_group(trig.family, "giving") and subj.pos_ == "NOUN" \
                        and subj.lower_ not in GROUP_NOUNS | ORIGIN_NOUNS:
                    return []  # "the gifts provide encouragement": a thing, not a donor, acts
                if self.table.in_group(trig.family, "force") and subj.pos_ == "NOUN":
                    return []  # "terrorists fired at tourists": force used by people no state owns
                break
            if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and verb.head.i != verb.i:
                via, verb = verb.dep_, verb.head  # "agreed to carry out", "is willing to withdraw": the subject acts
            elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
                own = self._gerund_subject(disc, verb)
                if own:
                    return own
                via, verb = "pcomp", verb.head.head  # "X met Y after signing the plan": X signed
            else:
                own = self._gerund_subject(disc, verb) if verb.dep_ == "acl" else []
                if own:
                    return own  # "hours of Russia firing missiles", parsed as a clause of "hours"
                break
        # the parse lost the subject ("Minister Shin Won-sik held talks" is often misparsed):
        # the nearest named person before the trigger in the sentence acts
        for i in range(token.i - 1, token.sent.start - 1, -1):
            person = disc.person_at.get(i)
            if person is not None:
                return [disc.person_ref(person)]
        if self.table.in_group(trig.family, "jointly_done"):
            return disc.both()
        return self._round_protagonist(disc, token, trig)

    @staticmethod
    def _gerund_subject(disc: Discourse, verb: Token) -> list[Ref]:
        """"Within hours of Russia firing missiles, India said": a gerund right after the noun of a
        preposition has that noun for its subject (the parse hangs both on the preposition), not
        the main clause's."""
        if verb.tag_ != "VBG" or verb.i == 0:
            return []
        before = verb.doc[verb.i - 1]
        if before.dep_ != "pobj" or before.pos_ not in ("PROPN", "NOUN"):
            return []
        return [r for r in disc.resolve(before) if r.country]

    def _not_own_counterpart(self, disc, token, pred, trig, sources: list[Ref]) -> list[Ref]:
        """"He also held talks with his Rwandan counterpart Kazura": who meets an official of a state
        as a counterpart is of another state. A pronoun the discourse took for an official of that
        same state (the host who acted last) is the last official of the report's other state the
        text has named before it."""
        if len(sources) != 1 or not sources[0].person:
            return sources
        subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in PERSON_PRONOUNS:
            return sources
        own = sources[0].country
        met = [r for r in self._target_refs(disc, token, pred, trig) if r.person and r.person != sources[0].person]
        if not met or any(r.country != own for r in met):
            return sources
        others = [(s, p) for p in disc.persons if p.country and p.country != own and p.country in disc.dyad
                  for s, _ in p.mentions if s < token.i]
        if not others:
            return sources
        return [disc.person_ref(max(others, key=lambda sp: sp[0])[1])]

    @staticmethod
    def _the_visitor(disc: Discourse, venue) -> list[Ref]:
        """"The visit was an important step", "the high-profile visit was marked by talks": a visit
        no one is said to make is the report's visit: the visitor a visit told before names, else
        the one of the report's two states that is not where the encounter was."""
        if disc.visitor:
            return [Ref(country=disc.visitor, sector="GOV")]
        where = venue[1] if venue else None
        if len(disc.dyad) == 2 and where in disc.dyad:
            return [Ref(country=disc.dyad[1] if disc.dyad[0] == where else disc.dyad[0], sector="GOV")]
        return []

    def _round_protagonist(self, disc: Discourse, token: Token, trig: Trigger) -> list[Ref]:
        """In a report of one official's round of meetings with three or more states, talks no one is
        said to hold ("So far, talks have taken place with A, B and C", "Notable were meetings with
        ministers from A and B") are the protagonist's: the official of the report's main state."""
        if not self.table.in_group(trig.family, "round_of_talks") or trig.pos != "NOUN" or len(disc.ranked) < 3 \
                or not disc.dyad:
            return []
        # "talks with A", or talks that "have taken place with A": the ones met are named
        heads = (token, token.head) if token.dep_ in ("nsubj", "nsubjpass") else (token,)
        if not any(c.dep_ == "prep" and c.lower_ in self.table.met_preps for h in heads for c in h.children):
            return []  # "the talks touched on Haiti": talks told before, whose parties are known
        main = disc._protagonist()
        people = [p for p in disc.persons if p.country == main]
        if not people:
            return []
        return [disc.person_ref(max(people, key=lambda p: len(p.mentions)))]

    @staticmethod
    def _dateline_subject(disc: Discourse, subj: Token) -> bool:
        """A dateline parsed as a second subject: "New Delhi, May 25 (IANS) US President Trump called
        up ...": a city or capital followed by a comma, beside another subject of the same verb, is where
        the report was filed, not who acts."""
        span = disc.span_at.get(subj.i)
        if span is None or span.label_ not in ("CAPITAL", "CITY") or subj.i + 1 >= len(subj.doc) \
                or subj.doc[subj.i + 1].text != ",":
            return False
        return any(c.dep_ == "nsubj" and c.i > subj.i for c in subj.head.children)

    def _civilians_act(self, pred: Token) -> bool:
        """The verb's subject is people in the street, also as "a group of protesters"."""
        words = self.table.civilian_protesters
        subj = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return False
        heads = [subj] + [g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"]  # "a group of protesters"
        return any(h.lemma_.lower() in words or h.lower_ in words for h in heads)

    def _bound_possessive(self, disc: Discourse, poss: Token, pred: Token) -> bool:
        """"Khamliang shared his deep sympathy": a possessive pronoun on a noun trigger is bound by
        the subject of the verb it hangs from, who acts; the discourse's last person (whom "his"
        resolves to on its own) may be the other side. Only when that subject names someone."""
        bound = self.table.bound_possessives
        if poss.lower_ not in bound or pred.i == poss.head.i:
            return False
        subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
        return subj is not None and subj.lower_ not in bound and bool(disc.resolve(subj))

    def _civilian_subject(self, token: Token, pred: Token) -> bool:
        subj = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and (subj.lemma_.lower() in self.table.civilian_protesters
                                     or subj.lower_ in self.table.civilian_protesters)

    def _explicit_target(self, disc, token, pred, trig, sources: list[Ref]) -> Ref | None:
        """The target the sentence names (object or "with/to/against" phrase), if any; for a
        demonstration with no named target, the state where it happens."""
        countries = {r.country for r in sources}
        for ref in self._target_refs(disc, token, pred, trig):
            if ref.country and ref.country not in countries:
                return ref
        if self.table.in_group(trig.family, "target_where_held") and token.sent.start is not None:
            sent = token.sent
            place = venue_in(sent, [s for s in actor_index(disc.doc).starting_in(sent.start, sent.end)
                                    if s.label_ in PLACE_LABELS])
            if place and place[1] and place[1] not in countries:
                return Ref(country=place[1], sector="GOV")
        return None

    def _target_refs(self, disc, token, pred, trig) -> list[Ref]:
        """The refs the sentence names as the target (see `_find_target_refs`), once per trigger:
        an event asks for them up to three times."""
        key = (disc, token.i, pred.i, trig)  # the Discourse itself: an id could be reused by the next doc
        if self._refs_key != key:
            self._refs_key, self._refs = key, self._find_target_refs(disc, token, pred, trig)
        return self._refs

    def _members(self, head: Token) -> list[Token]:
        """"met with a number of ministers on the sidelines, including A, B and C": the members a
        "including" phrase of the clause names, wherever the parse hangs it."""
        return [g for t in head.subtree if t.dep_ == "prep" and t.lower_ in self.table.member_preps
                for g in t.children if g.dep_ == "pobj"]

    def _find_target_refs(self, disc, token, pred, trig) -> list[Ref]:
        cands: list[Token] = []
        members: list[Token] = []
        table = self.table
        if table.in_group(trig.family, "clause_target") or trig.reads_clause:
            # "demanded that Hamas renounce", "warning that the regime would", "proposed that Japan continue"
            for head in self._heads(token, pred):
                for child in head.children:
                    if child.dep_ == "ccomp":
                        cands += [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
        for head in self._heads(token, pred):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in trig.target_preps:
                    cands += self._also_with([g for g in child.children if g.dep_ == "pobj"], child.lower_)
                    if table.in_group(trig.family, "conversation"):
                        members += self._members(head)
                if child.dep_ in ("dobj", "obj") and not table.in_group(trig.family, "object_not_target") \
                        and head.lemma_.lower() not in table.discussion_verbs \
                        and not (table.in_group(trig.family, "encounter_object") and child.lemma_.lower() in trig.objects):
                    # "discussed the North Korean threat": what is discussed is a topic, not whom with;
                    # the encounter noun of a consultation ("held talks", "played host to X") is no
                    # counterpart either ("host" would resolve to the state hosting the report's visit)
                    cands.append(child)
                if child.dep_ in ("dobj", "obj") and table.in_group(trig.family, "calling") and trig.pos == "VERB" \
                        and head is token:
                    # "telephoned Modi", "called up Modi": a calling verb's object is the one called
                    # (a call noun's verb has the call itself as object: "held a phone call")
                    cands.append(child)
                if child.dep_ in ("dobj", "obj") and (child.lemma_.lower() in trig.objects
                                                      or table.in_group(trig.family, "party_in_object")):
                    # "expressed opposition to China's moves", "signed a memorandum of understanding
                    # with the UAE": the object's own phrase names the target (or another party)
                    cands += [g for p in self._noun_phrase_preps(child) if p.lower_ in trig.target_preps
                              for g in p.children if g.dep_ == "pobj"]
                if child.dep_ == "dative":
                    cands.append(child)
                if child.dep_ == "agent" and head.lemma_.lower() in self.table.feeling_verbs:
                    cands += [g for g in child.children if g.dep_ == "pobj"]  # "concerned by China's actions"
                if (child.dep_ == "prep" and child.lower_ in table.gift_preps and table.in_group(trig.family, "giving")
                        and not any(p.dep_ == "prep" and p.lower_ in trig.target_preps
                                    for p in head.children)):
                    # "handed over equipment as gifts from X to Y": the gift's "to" names who receives the aid
                    cands += [g for n in child.children if n.dep_ == "pobj"
                              for p in self._noun_phrase_preps(n)
                              if p.lower_ in trig.target_preps for g in p.children if g.dep_ == "pobj"]
                if child.dep_ == "xcomp" and table.in_group(trig.family, "promises"):
                    # "promised to deploy more capabilities to the Philippines", "pledged to provide
                    # aid to Laos": the promise is to whom the promised act goes
                    cands += [g for p in child.children if p.dep_ == "prep" and p.lower_ in table.promise_preps
                              for g in p.children if g.dep_ == "pobj"]
        refs = []
        for cand in cands:
            found = disc.resolve(cand)
            if not found and table.in_group(trig.family, "target_from_place"):
                found = self._place_state(disc, cand)  # "visited Da Nang", "led a delegation to Dongxing city"
            refs += found
        for cand in members:
            # only officials: "including trade with Japan" names a topic, not a member
            refs += [r for r in disc.resolve(cand) if r.person and r not in refs]
        return refs

    @staticmethod
    def _also_with(objects: list[Token], prep: str) -> list[Token]:
        """"talks with A, B and C, as well as with D": the objects of a preposition and of the same
        preposition repeated after a coordinator, which the parse hangs from the first object."""
        out = list(objects)
        for obj in objects:
            for head in [obj, *obj.conjuncts]:
                for p in head.children:
                    if p.dep_ == "prep" and p.lower_ == prep and p.i > 0 and p.nbor(-1).dep_ in ("cc", "advmod"):
                        out += [g for g in p.children if g.dep_ == "pobj" and g not in out]
        return out

    @staticmethod
    def _heads(token: Token, pred: Token) -> tuple[Token, ...]:
        """The trigger and the verb it hangs from, once each and in that order (a set of Tokens
        iterates in an order that changes from run to run: hashes of docs are by address)."""
        return (token,) if pred.i == token.i else (token, pred)

    @staticmethod
    def _noun_phrase_preps(noun: Token) -> list[Token]:
        """The prepositions of a noun and of its "of" complements: "memorandum of understanding
        with the UAE" -> [of, with]."""
        out, todo = [], [noun]
        while todo and len(out) < 8:
            head = todo.pop()
            for p in head.children:
                if p.dep_ == "prep":
                    out.append(p)
                    if p.lower_ == "of":
                        todo += [g for g in p.children if g.dep_ == "pobj"]
        return out

    @staticmethod
    def _place_state(disc, head: Token) -> list[Ref]:
        """The state of a city a phrase names: who is visited when a report names where."""
        for t in disc.phrase(head):
            span = disc.span_at.get(t.i)
            if span is not None and span.label_ == "CITY":
                code = entry_of(span)[0]
                if code:
                    return [Ref(country=code, sector="GOV")]
        return []

    def _target(self, disc, token, pred, trig, source: Ref, sources: list[Ref]) -> Ref | None:
        if len(sources) >= 2:
            other = next((r for r in sources[1:] if r.country != source.country), None)
            if other is not None:
                return other
            # subjects of one state ("a delegation of X's army, led by Col. Y, visited Z"): one side
        for ref in self._target_refs(disc, token, pred, trig):
            if ref.country != source.country or (ref.person and ref.person != source.person
                                                 and not self.table.in_group(trig.family, "with_counterpart")):
                # talks are with another state: "called on Defence Secretary X" of the source's own
                # state (a pronoun or the parse lost who called) names no counterpart; look further
                return ref
        if self._with_unnamed_many(disc, token, pred, trig):
            return None
        # the other side of the pair the narrative is at (Discourse.focus: "During his conversation with
        # France's A, B declared to restore relations" in a report of calls with four states), else of the
        # report's two
        pair = disc.pair or disc.dyad
        if source.country in pair and len(pair) == 2:
            other = pair[1] if pair[0] == source.country else pair[0]
            return Ref(country=other, sector="GOV")
        # talks with an official of the source's own state and no other state in view: that
        # official, so that the pair of one state is dropped (talks with nobody named stay untargeted)
        return next((r for r in self._target_refs(disc, token, pred, trig)
                     if r.person and r.person != source.person), None)

    def _with_unnamed_many(self, disc, token, pred, trig) -> bool:
        """"Discusses issues with counterparts", "met a number of his counterparts": the act is with
        several officials whose states the phrase does not name, not with the report's other state
        (whom the dyad would otherwise make the target)."""
        heads = []
        for head in EventCoder._heads(token, pred):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in trig.target_preps:
                    heads += [g for g in child.children if g.dep_ == "pobj"]
                elif child.dep_ in ("dobj", "obj") and self.table.in_group(trig.family, "with_counterpart"):
                    heads.append(child)
        for g in heads:
            if g.lemma_.lower() in self.table.quantity_nouns:  # "a number of his counterparts"
                g = next((n for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                          for n in p.children if n.dep_ == "pobj"), g)
            if g.tag_ not in ("NNS", "NNPS") or g.lemma_.lower() not in ORIGIN_NOUNS:
                continue
            # what names their states: "Asian counterparts", "counterparts from Laos"; not "his"
            # (his own), nor where they met ("counterparts at the forum in Jakarta")
            naming = [g] + [c for c in g.children if c.dep_ in ("amod", "compound", "nmod")]
            naming += [t for c in g.children if c.dep_ == "prep" and c.lower_ in self.table.origin_preps
                       for t in c.subtree]
            if not any(r.country for t in naming for r in disc.resolve(t)):
                return True
        return False

    # -- dates and places ---------------------------------------------------------------
    @staticmethod
    def _leading_day(doc: Doc, sent: Span, sent_dates: list):
        """A day that opens a sentence ("On Thursday, the Chinese delegation crossed ...", "Later
        on Monday, ..."): reports of several days move their narrative to it, and the sentences
        after it in its paragraph that name no day of their own are on that day too. Only a day
        that has come by the report's date (a plan is no narrative)."""
        published = doc._.published.isoformat() if doc._.published else None
        for d in sent_dates:
            if d.start - sent.start_char > 12:
                break
            if d.kind == "point" and d.granularity == "day" and d.value and not (published and d.value > published):
                return d
        return None

    def _encounter_day(self, told: list[EventCandidate], sent_dates: list):
        """The day of an encounter a sentence dates ("Wong spoke by phone with Prabowo on Tuesday
        evening"): the sentences after it in its paragraph that name no day go on telling it ("He
        congratulated ...", "At the exchange, ..."). Only a meeting, call, visit or signing that
        happened, dated by a day the sentence names."""
        for ev in told:
            if self.table.in_group(ev.family, "encounter") and not ev.planned and ev.granularity == "day":
                mention = next((d for d in sent_dates if d.value == ev.date and d.text == ev.date_text), None)
                if mention is not None:
                    return mention
        return None

    def _days_apart(self, pred: Token) -> int:
        """Days from the sentence's day to an act told as "a day after" or "two days before" it:
        "landed in Nairobi on Friday, a day after arriving in Ethiopia" (-1), "Two days after
        arriving in Hanoi, the minister met Giang on Friday" (-2). 0 when the act is not so told."""
        head, table = pred.head, self.table
        if pred.dep_ != "pcomp" or head.lower_ not in table.apart_preps:
            return 0
        units = table.day_units
        unit = head.head if head.head.lemma_.lower() in units and head.dep_ == "prep" else next(
            (c for c in head.children if c.dep_ == "npadvmod" and c.lemma_.lower() in units), None)
        if unit is None:
            return 0
        count = next((c for c in unit.children if c.dep_ in ("nummod", "det")), None)
        if count is None:
            return 0
        n = table.number_words.get(count.lower_) or (int(count.text) if count.text.isdigit() else 0)
        return n * units[unit.lemma_.lower()] * table.apart_preps[head.lower_]

    @staticmethod
    def _dates_another_clause(doc: Doc, mention, pred: Token) -> bool:
        """Whether a date phrase hangs from a verb that is neither the event's predicate nor one
        above it: "Marcos, who arrived on Monday evening, also met Chinh on Tuesday" dates the
        arrival with Monday, the meeting with Tuesday; "agreed on Tuesday to hold talks" dates
        the intent by "agreed", which governs it."""
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        t = span.root
        for _ in range(6):
            if t.head.i == t.i:
                return False
            t = t.head
            if t.pos_ in ("VERB", "AUX") and not span.start <= t.i < span.end:
                break
        else:
            return False
        if t.pos_ not in ("VERB", "AUX") or t.i == pred.i:
            return False
        return not any(a.i == t.i for a in pred.ancestors) and t.dep_ in ("relcl", "advcl", "acl", "ccomp")

    def _anchor_date(self, doc: Doc):
        """The date of the encounter the report is about: the first day-precise date in a
        sentence that reports an event, else the first such date, else the first day of a
        span ("from September 15-18" tells the visit, not the meeting), else publication.
        Dates that only say when something was *said* ("the ministry said on Thursday"), and days
        after the report's own ("its anniversary on December 22" in a report of December 16: an
        encounter reported as news has happened), never anchor."""
        first = first_range = None
        published = doc._.published.isoformat() if doc._.published else None
        # news reports the days just before it: a day months before the report is history
        oldest = (doc._.published - ANCHOR_REACH).isoformat() if doc._.published else None
        doc._.anchor_stated = True
        for sent in sentences(doc).spans:
            for d in self._sentence_dates(doc, sent):
                if not (d.value and d.granularity == "day") or (published and d.value > published) \
                        or (oldest and d.value < oldest):
                    continue  # after the report, or history ("founded on December 22, 1944")
                if d.kind == "range":
                    first_range = first_range or d
                    continue
                if d.kind != "point":
                    continue
                first = first or d
                if any(self._triggers(t) or (t.pos_ in ("NOUN", "PROPN") and t.lower_ in self.table.encounter_nouns)
                       for t in self._candidates(doc, sent)):  # "attended the ADMM-Plus meeting on Saturday" too
                    return d
        if first or first_range:
            return first or first_range
        # No day in the text: a wire dateline's day ("MOSCOW, August 1.") is the story's day
        if doc._.dateline_day:
            return doc._.dateline_day.isoformat()
        # The publication date still tells what is history ("signed in 2019"), but dates no act:
        # a day is reported only when the text supports it (`_date`)
        doc._.anchor_stated = False
        published = doc._.published
        return published.isoformat() if published else None

    @staticmethod
    def _sentence_dates(doc: Doc, sent: Span) -> list:
        """Date mentions of a sentence, without those that date a statement about the event."""
        out = []
        for d in dates_in(doc, sent.start_char, sent.end_char):
            before = doc_text(doc)[max(sent.start_char, d.start - 30):d.start]
            if analysis.ends_in_attribution(before):  # "the ministry said on Thursday": when it was said
                continue
            out.append(d)
        return out

    def _date(self, sent_dates, anchor, token, planned, family="", own_day=False):
        anchor_value = anchor.value if hasattr(anchor, "value") else anchor
        anchor_text = anchor.text if hasattr(anchor, "text") else None
        if not token.doc._.anchor_stated and not (planned or self.table.in_group(family, "stated_intent")):
            # the text names no day for the report's encounter: the act stays undated, unless a
            # day in its own sentence dates it; an intent keeps the day it was stated (reported)
            anchor_value = anchor_text = None
        if self.table.in_group(family, "dated_by_encounter") and anchor_value and not planned and not own_day:
            # a visit is dated by the encounter it is reported for; unless a day is the visit noun's
            # own ("Scholz's visit to Ethiopia on Thursday saw him meet ...", "began his visit on Thursday")
            return anchor_value, anchor_text, "day"
        points = [d for d in sent_dates if d.value and d.kind in ("point", "range") and d.granularity == "day"]
        if points and not planned:
            d = min(points, key=lambda d: abs(d.start - token.idx))
            if d.kind == "range" and anchor_value and d.value <= anchor_value <= (d.end_value or d.value):
                return anchor_value, anchor_text, "day"
            return d.value, d.text, d.granularity
        return anchor_value, anchor_text, "day" if anchor_value else None

    def _places(self, doc: Doc) -> list[Span]:
        return [s for s in actor_index(doc).spans if s.label_ in PLACE_LABELS]

    def _place_in(self, sent: Span, places: list[Span]) -> tuple[str, str | None] | None:
        return venue_in(sent, places)

    def _venue(self, doc: Doc, places: list[Span], anchor):
        """Where the report's encounter took place: the first venue named in a sentence that
        reports a meeting, visit, signing, handover or exercise, or names an encounter ("at the
        annual meeting in Bangkok"), as done (not planned, not negated, not history); failing
        that, the dateline's place."""
        for sent in sentences(doc).spans:
            if analysis.future_sentence(text_of(sent)):
                continue
            dates = self._sentence_dates(doc, sent)
            for t in self._candidates(doc, sent):
                trigs = self._triggers(t)
                if trigs and self.table.in_group(trigs[0].family, "venue"):
                    pred = self._predicate(t) if trigs[0].pos == "NOUN" else t
                elif t.pos_ == "NOUN" and (t.lower_ in self.table.encounter_nouns
                                           or t.lemma_.lower() in self.table.encounter_nouns):  # "ceremonies"
                    pred = self._predicate(t)
                else:
                    continue
                if self._negated(t) or self._negated(pred) or any(
                        (analysis.background_kind(d) or analysis.earlier(d, anchor)) and analysis.attached(doc, d, {t, pred})
                        for d in dates):
                    continue  # not held, or history ("signed an agreement in Canberra last December")
                place = self._place_in(sent, places)
                if place:
                    return place
        return doc._.dateline_place

    def _with_hosting(self, events: list[EventCandidate]) -> list[EventCandidate]:
        """A visit is also hosted: CAMEO 043 from the host's side (the visit's mirror)."""
        out = list(events)
        for ev in events:
            if self.table.code_in(ev.cameo, "hosting") and ev.trigger.lemma_.lower() in self.table.hosting_verbs \
                    and ev.target is not None \
                    and (ev.target.person or self._receives_guests(ev.trigger)) and not ev.planned:
                # "Hegseth hosted Singh at the Pentagon", "Sisi welcomed the prince at the airport": the
                # guest came on a visit, and they met
                out.append(replace(ev, cameo="042", source=ev.target, target=ev.source, confidence=ev.confidence * 0.8,
                                   steps=[*ev.steps, "with_hosting"]))
                out.append(replace(ev, cameo="040", confidence=ev.confidence * 0.8, steps=[*ev.steps, "with_hosting"]))
            if self.table.code_in(ev.cameo, "visit") and ev.target is not None and not ev.planned:
                out.append(EventCandidate(cameo="043", family="visit", source=ev.target, target=ev.source,
                                          sent=ev.sent, trigger=ev.trigger, date=ev.date, date_text=ev.date_text,
                                          granularity=ev.granularity, place=ev.place,
                                          confidence=ev.confidence * 0.8, rule=ev.rule,
                                          steps=[*ev.steps, "with_hosting"]))
        return out

    def _receives_guests(self, verb: Token) -> bool:
        """Whether a hosting verb's object (or one joined to it) is a guest noun: "received a delegation
        of the US Navy" hosts guests as a named person would be."""
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        return any(t.lemma_.lower() in self.table.guest_nouns or t.lower_ in self.table.guest_nouns
                   for o in objs for t in (o, *o.conjuncts))

    def _port_calls(self, events: list[EventCandidate]) -> list[EventCandidate]:
        """A visit made by a warship or a naval group ("the frigate X arrived in Lagos on Monday") is
        a port call, which is military cooperation (062) of the two states besides the visit."""
        out = list(events)
        told = {(ev.sent.start, ev.source.country, ev.target.country) for ev in events
                if self.table.code_in(ev.cameo, "military_cooperation") and ev.target is not None}  # "arrived ... for a port call": said already
        for ev in events:
            if self.table.code_in(ev.cameo, "visit") and ev.target is not None and not ev.planned \
                    and self._ship_visits(ev.trigger) \
                    and (ev.sent.start, ev.source.country, ev.target.country) not in told:
                out.append(replace(ev, cameo="062", family="cooperate", steps=[*ev.steps, "port_call"]))
        return out

    def _held_not_planned(self, events: list[EventCandidate]) -> list[EventCandidate]:
        """An exercise or patrol a report tells as held on a day ("the navies began a coordinated patrol
        on Thursday") and then as what it "will" do or "would" show ("INS Kulish will undertake the
        coordinated patrol with ...", "the joint exercise would showcase their resolve") is that one
        act: its planned reading on the same day and pair is no intent of another."""
        acts = self.table.encounter_acts
        held = {self._day_pair(e) for e in events
                if not e.planned and e.target is not None and e.trigger.lemma_.lower() in acts}
        return [e for e in events if not (e.planned and e.trigger.lemma_.lower() in acts
                                          and self._day_pair(e) in held)]

    def _exercise_encounters(self, events: list[EventCandidate], places, venue) -> list[EventCandidate]:
        """An exercise or patrol the forces of two states hold together is their encounter of that day
        (a meeting, as the record of a joint exercise is): a 040 besides the 062. So is aid a named
        official hands over in person (`handover_acts`). Placed where the act's sentence says, else at
        the report's venue."""
        out = list(events)
        for ev in events:
            if self.table.code_in(ev.cameo, "military_cooperation") and ev.target is not None and not ev.planned and \
                    ev.trigger.lemma_.lower() in self.table.encounter_acts:
                step = "exercise_encounter"
            elif ev.target is not None and not ev.planned and ev.source.person is not None and \
                    ev.trigger.lemma_.lower() in self.table.handover_acts:
                step = "handover_encounter"
            else:
                continue
            place = ev.place or self._place_in(ev.sent, places) or venue  # placed as a signing's encounter is
            out.append(replace(ev, cameo="040", family="consult", place=place, steps=[*ev.steps, step]))
        return out

    def _ship_visits(self, token: Token) -> bool:
        """Whether the one who visits (the subject of the visit's verb) is named as a ship or a naval group."""
        pred = token if token.pos_ in ("VERB", "AUX") else self._predicate(token)
        words = self.table.vessel_words
        for subj in (c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")):
            span = subj.doc[subj.left_edge.i:subj.right_edge.i + 1]
            lowered = " ".join(t.lower_ for t in span)
            if any(t.lower_ in words or t.lemma_.lower() in words for t in span) or any(
                    " " in w and w in lowered for w in words):
                return True
        return False


@Language.factory("comity_events", assigns=["doc._.events"], requires=["doc._.persons", "doc._.dates", "doc._.dyad"])
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
