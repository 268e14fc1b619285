"""The shared sentence analysis: what a sentence says of an act besides the act itself.

One place, one word list each (resources/cues.yaml), for what every extraction rule asks:

- **negation**: is the act denied ("did not sign", "failed to meet", "no talks were held")?
  `negated` reads an act the event coder codes; `denied` reads a verb that governs an
  agreement, where "has yet to renew" denies too;
- **modality**: is it only planned ("will visit", "agreed to hold": `planned`), conditional
  ("if the talks resume": `conditional`), hypothetical ("hoped it could be signed":
  `hypothetical`), or an obligation laid on someone ("Libya must hand over": `obliged`)?
- **tense**: a plan told in the past, so never carried out as told ("was to travel":
  `unrealised`); a clause in the past perfect, before the news ("which had been signed":
  `past_perfect_clause`);
- **background**: a date that places the act before the news of the day ("last week", "in
  2021": `background_date`, with `earlier` and `attached`);
- **reported speech**: the content of an appeal, a proposal or an obligation, not an act
  ("invited X to visit", "proposed that Japan continue": `embedded`), and the clause a
  speech act tells of (`speech_clause`);
- **clause scope**: which verb a token's clause hangs from (`to_clause`, `clause_subject`).

Each token-level answer is computed once per doc (cached in `doc.user_data`), whichever rule
asks. `GUARDS` names the token-level vetoes, for the rule tables (resources/
event_triggers.yaml names them) and for the trace of `comity explain`: a guard is true when
the act passes it. The functions read only the parse (dependencies, POS, tags, lemmas), so
they are tested on Docs built by hand (tests/nlp/test_analysis.py).
"""
from __future__ import annotations

from functools import wraps
from typing import Callable, Container

from spacy.tokens import Doc, Token

# the cue lists of resources/cues.yaml, read and checked by cue_lists.py
from .cue_lists import cues

CACHE_KEY = "comity.analysis"  # doc.user_data: {analysis name: {token index: answer}}


def cached(fn: Callable[[Token], object]) -> Callable[[Token], object]:
    """Compute `fn(token)` once per doc and token: every rule that asks reads the same answer."""
    name = fn.__name__

    @wraps(fn)
    def wrapper(token: Token):
        store = token.doc.user_data.setdefault(CACHE_KEY, {}).setdefault(name, {})
        if token.i not in store:
            store[token.i] = fn(token)
        return store[token.i]

    return wrapper


# ---- clause scope ----------------------------------------------------------------------------------

def to_clause(t: Token) -> bool:
    """"to travel" in "was to travel", "is to visit": an infinitive completing its head."""
    return t.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def _has_aux(token: Token, words: frozenset[str], deps=("aux",)) -> bool:
    return any(c.dep_ in deps and c.lower_ in words for c in token.children)


# ---- negation ----------------------------------------------------------------------------------------

def _denial_subject(head: Token) -> bool:
    """"no new document was signed", "no decision was taken": a subject or object with "no"."""
    no = cues()["negation.denying_determiners"]
    return any(child.dep_ in ("nsubjpass", "dobj", "nsubj") and any(g.lower_ in no for g in child.children)
               for child in head.children)


@cached
def negated(token: Token) -> bool:
    """Whether the act `token` tells is denied: "did not sign", "never met", "failed to meet",
    "stopped short of signing", "no new document was signed"."""
    denials, failures = cues()["negation.denials"], cues()["negation.failure_heads"]
    if any(c.dep_ == "neg" or c.lower_ in denials for c in token.children):
        return True
    for anc in list(token.ancestors)[:4]:
        if anc.lemma_.lower() in failures or anc.lower_ in failures:
            return True
        if anc.pos_ == "VERB" and any(c.dep_ == "neg" for c in anc.children) and anc.dep_ != "ROOT":
            if token.dep_ == "conj" and token.head.i == anc.i and token.tag_ in ("VBD", "VBZ") and any(
                    c.dep_ in ("aux", "auxpass") for c in anc.children):
                continue  # "said the drill was not directed at anyone and thanked China": its own clause
            return True
    return any(_denial_subject(head) for head in [token] + list(token.ancestors)[:3])


def denied(verb: Token) -> bool:
    """Whether the act a verb governing an agreement reports is denied: "did not renew", "was
    not renewed", "failed to renew", "stopped short of signing", "has yet to renew", "No decision
    was taken on renewing" (the denial may sit on the verb the act completes)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    failures = cues()["negation.failure_heads"]
    if any(a.lemma_.lower() in failures for a in list(verb.ancestors)[:3]):
        return True
    if verb.dep_ == "xcomp" and any(c.lower_ in cues()["negation.pending"] for c in verb.head.children):
        return True  # "has yet to renew", "is yet to be signed"
    no, t = cues()["negation.denying_determiners"], verb
    for _ in range(3):  # "did not agree to renew", "no decision on renewing"
        if t.dep_ not in ("xcomp", "pcomp", "prep") or t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ in ("VERB", "AUX", "NOUN") and any(
                c.dep_ == "neg" or (c.dep_ in ("nsubj", "nsubjpass", "det")
                                    and (c.lower_ in no or any(d.dep_ == "det" and d.lower_ in no for d in c.children)))
                for c in t.children):
            return True
    return False


# ---- modality ----------------------------------------------------------------------------------------

@cached
def conditional(token: Token) -> bool:
    """"if the talks resume", "unless both sides agree": on the verb or one of two above it."""
    marks = cues()["modality.conditional_marks"]
    return any(c.dep_ == "mark" and c.lower_ in marks for t in [token] + list(token.ancestors)[:2] for c in t.children)


def hypothetical(token: Token) -> bool:
    """"hoped it could be signed": neither done nor promised."""
    return _has_aux(token, cues()["modality.hypothetical_aux"])


def obliged(token: Token) -> bool:
    """"Libya must hand over the suspects": an obligation laid on someone, not an act."""
    return _has_aux(token, cues()["modality.obligation_aux"])


@cached
def planned(token: Token) -> bool:
    """"will visit", "agreed to hold", "is to visit Hanoi next week": promised or planned."""
    if _has_aux(token, cues()["modality.future_aux"], ("aux", "auxpass")):
        return True
    if _headline_infinitive(token) or _future_verb_group(token) or _on_the_agenda(token):
        return True
    heads, objects = cues()["modality.planning_heads"], cues()["modality.future_object_heads"]
    copulas, t = cues()["modality.plan_copulas"], token
    for _ in range(3):
        if t.dep_ in ("xcomp", "ccomp", "pcomp", "advcl", "conj", "pobj", "prep", "acl") and t.head.i != t.i:
            infinitive = to_clause(t)
            # "will travel to Madrid and meet Robles": a bare verb joined to a planned one shares its plan
            joined = t.dep_ == "conj" and t.tag_ == "VB" and not any(
                c.dep_ in ("aux", "auxpass") for c in t.children)
            # "the exchange will see the ministers visiting a school": the act a future verb has in view
            seen = t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in objects
            # "would embark on new ways of cooperation, including joint exercises": the items a
            # planned act includes are planned with it
            listed = t.dep_ == "prep" and t.lemma_.lower() in cues()["modality.listing_preps"]
            t = t.head
            if t.lemma_.lower() in heads or (infinitive and t.lemma_ in copulas and t.tag_ in ("VBZ", "VBP")):
                return True
            if listed and _future_verb(_verb_above(t)):
                return True
            if (joined or seen) and _future_verb(t):
                return True
        else:
            break
    return False


def _on_the_agenda(token: Token) -> bool:
    """"A joint exercise is also on schedule", "talks are on the agenda": the copula of a plan."""
    return token.lemma_ in cues()["modality.plan_copulas"] and any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in cues()["modality.plan_states"]
                                 for g in c.children) for c in token.children)


def _verb_above(token: Token) -> Token:
    """The verb a word's phrase hangs from ("would widen their ties": ties -> widen), or the word."""
    t = token
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") else token


def _future_verb(token: Token) -> bool:
    """"will visit", "will be held", "Minister to visit Washington": the verb itself is future."""
    return (_has_aux(token, cues()["modality.future_aux"], ("aux", "auxpass")) or _headline_infinitive(token)
            or _future_verb_group(token))


def _future_verb_group(token: Token) -> bool:
    """"will be co-chaired", "will also be held": a future auxiliary among the words just before the
    verb that belong to its verb group, which the parse may hang from another of them ("will" from
    "be", "be" from the "co" of "co-chaired")."""
    future, doc = cues()["modality.future_aux"], token.doc
    for i in range(token.i - 1, max(token.sent.start, token.i - 6) - 1, -1):
        t = doc[i]
        if not t.whitespace_:
            continue  # a piece of the verb's own word: the "co" and "-" of "co-chaired"
        if t.dep_ not in ("aux", "auxpass", "advmod", "neg", "punct"):
            return False
        if t.lower_ in future:
            return True
    return False


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb with a tense: a sentence, not a headline


def _headline_infinitive(token: Token) -> bool:
    """"Defence Minister to visit Washington", "Border exchange to be held this month": a bare
    infinitive that heads its sentence is a headline's future (no verb above it could make it
    a purpose or a result)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    if token.dep_ == "ROOT":
        return True
    # a headline run together with a site banner ("All Sections Defence Minister X to visit
    # Washington") is parsed as a noun phrase the infinitive hangs from: no finite verb anywhere
    # in the sentence could make it a purpose or a result ("the first leader to visit Kyiv" has one)
    return not any(a.pos_ in ("VERB", "AUX") for a in token.ancestors) and not any(
        t.tag_ in FINITE_TAGS for t in token.sent)


@cached
def planned_noun(token: Token) -> bool:
    """"a future visit", "the upcoming talks", "the planned signing": a noun act its modifier
    places ahead, whatever tense the verb it hangs from is in ("looks forward to a future visit");
    and one in the subject of a passive planning verb ("talks with Luxon are also scheduled", "a
    visit is planned")."""
    mods = cues()["modality.plan_modifiers"]
    if any(c.dep_ == "amod" and c.lower_ in mods for c in token.children):
        return True
    if token.dep_ == "dobj" and token.head.pos_ in ("VERB", "AUX"):
        # "is planning meetings with Sanchez", "the visit will include talks with Robles"
        verb = token.head
        if verb.lemma_.lower() in cues()["modality.plan_object_heads"] or (
                verb.lemma_.lower() in cues()["modality.future_object_heads"] and _future_verb(verb)):
            return True
    t = token
    for _ in range(8):  # up the noun phrase to the verb it is the subject of
        if t.head.i == t.i or t.pos_ in ("VERB", "AUX"):
            return False
        if t.dep_ == "nsubjpass":
            verb = t.head
            return verb.lemma_.lower() in cues()["modality.planning_heads"] and any(c.dep_ == "auxpass" for c in verb.children)
        t = t.head
    return False


def ends_in_attribution(text: str) -> bool:
    """Whether `text` ends in an attribution ("..., the ministry said", "according to Xinhua"):
    a date right after it dates the saying, not the act told."""
    return bool(cues().attribution_pattern.search(text))


def same_day(text: str) -> bool:
    """Whether a sentence's text places its act on the day the narrative is at ("Later in the
    day, ...", "on the same day"): that day is stated, not only the report's."""
    return bool(cues().same_day_pattern.search(text))


def future_sentence(text: str) -> bool:
    """Whether a sentence's text speaks of the future ("will", "next week", "to be held")."""
    return bool(cues().future_pattern.search(text))


# ---- tense -------------------------------------------------------------------------------------------

@cached
def unrealised(token: Token) -> bool:
    """A plan told in the past: "Singh was to travel to Tokyo", "the two sides had planned to
    sign". Such a sentence looks back on an arrangement that was postponed, cancelled or
    overtaken, so it is neither news of the day nor a promise made that day (the present "is to
    visit" is a plan, see `planned`)."""
    heads, past = cues()["modality.planning_heads"], cues()["tense.past_perfect_aux"]
    copulas, t = cues()["modality.plan_copulas"], token
    for _ in range(3):
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            return False
        head = t.head
        infinitive = to_clause(t)
        if infinitive and head.lemma_ in copulas and head.tag_ == "VBD":
            return True
        if infinitive and head.lemma_.lower() in heads and _has_aux(head, past):
            return True
        t = head
    return False


def past_perfect_clause(token: Token) -> bool:
    """"the treaty, which had been signed in Wellington": a relative or adverbial clause in the
    past perfect tells what came before the news."""
    return token.dep_ in ("relcl", "advcl") and _has_aux(token, cues()["tense.past_perfect_aux"])


# ---- background --------------------------------------------------------------------------------------

def earlier(mention, anchor) -> bool:
    """A year or month named as such ("in 2021", "in March") before the report's own year or
    month. Day dates are left to date the event they modify."""
    value = anchor.value if hasattr(anchor, "value") else anchor
    if not (value and mention.value and mention.granularity in ("year", "month")
            and mention.kind in ("point", "year_ref")):
        return False
    return mention.value < value[:len(mention.value)]


def attached(doc: Doc, mention, heads: set) -> bool:
    """Whether a date phrase modifies one of `heads` ("will visit next year") rather than a
    noun ("the plan for next year") or another verb ("invited him to visit later this year",
    "his visit since taking office in December")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(4):
        if t in heads:
            return True
        if t.head.i == t.i or t.pos_ in ("NOUN", "PROPN") and t.i != span.root.i:
            return False
        if t.pos_ in ("VERB", "AUX") and t.i != span.root.i:
            return False
        t = t.head
    return t in heads


def in_setting(doc: Doc, mention, heads: set) -> bool:
    """Whether a date phrase dates the occasion an act is told in, a chain of prepositional phrases
    that hangs on the act's verb ("In his address at the summit in October last year, Xi vowed ...",
    "at the talks in March"): nouns and prepositions only, no other verb or object between."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(8):
        if t.dep_ not in ("pobj", "prep") or t.head.i == t.i:
            return False
        t = t.head
        if t in heads:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def background_heading(text: str) -> bool:
    """Whether a sentence's text opens with the heading of a background box ("Background", "Context:"):
    what follows it in the report tells earlier events, not the news of the day."""
    return bool(cues().heading_pattern.search(text))


def background_adverb(token: Token) -> bool:
    """"Ukraine, recently visited by Cameron", "had previously selected the aircraft": an adverb on
    the verb that places the act before the news of the day; "ends all previous talks with India":
    an adjective that does so for a noun act."""
    return _has_aux(token, cues()["background.adverbs"], ("advmod",)) or (
        token.pos_ == "NOUN" and _has_aux(token, cues()["background.modifiers"], ("amod",)))


def past_office(subject: Token, named: Container[int]) -> bool:
    """"Nepal's former Prime Minister X", "a past president X": a subject phrase naming a person (token
    indices `named`) whose office is qualified, before the name, by a word that places it before the
    news (the background modifiers) holds it no more."""
    first = next((t.i for t in subject.subtree if t.i in named), None)
    return first is not None and any(
        t.dep_ == "amod" and t.lower_ in cues()["background.modifiers"]
        for t in subject.doc[subject.left_edge.i:first])


def background_kind(mention) -> bool:
    """A date mention of a kind that looks back ("last week", "in recent years")."""
    return mention.kind in cues()["background.date_kinds"]


# ---- reported speech ---------------------------------------------------------------------------------

@cached
def embedded(token: Token) -> bool:
    """Whether the act is what someone asks, proposes or obliges, not what was done: "Libya
    must hand over the suspects", "invited him to visit", "proposed that Japan continue"."""
    if obliged(token):
        return True
    asks, proposes = cues()["reported_speech.embedding_heads"], cues()["reported_speech.proposal_verbs"]
    if _asked_by_noun(token):
        return True
    t = token
    for _ in range(2):
        if t.dep_ in ("xcomp", "ccomp") and t.head.i != t.i:
            clause, t = t.dep_, t.head
            if t.lemma_.lower() in asks or (clause == "ccomp" and t.lemma_.lower() in proposes):
                return True
    return False


def _asked_by_noun(token: Token) -> bool:
    """"renewed an invitation to visit Russia", "an open invitation for his counterpart to visit
    London": an infinitive completing a noun of asking (within three steps up, through "for X"),
    or parsed onto the verb whose object that noun is, is what is asked, not done."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    nouns, t = cues()["reported_speech.embedding_nouns"], token
    if token.dep_ in ("advcl", "xcomp"):  # parsed onto the verb: "made an invitation for him to visit"
        return any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in token.head.children)
    if token.dep_ != "acl":
        return False
    for _ in range(3):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ == "NOUN" and t.lemma_.lower() in nouns:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def clause_subject(token: Token, fits: Callable[[Token], bool], subjects=("nsubj",)) -> Token | None:
    """The noun subject of a verb's that-clause which `fits` and is not negated: the party a
    speech act is about."""
    if token.pos_ != "VERB":
        return None
    for child in token.children:
        if child.dep_ == "ccomp" and fits(child) and not any(c.dep_ == "neg" for c in child.children):
            subj = next((c for c in child.children if c.dep_ in subjects), None)
            if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
                return subj
    return None


def _must_clause(token: Token) -> Token | None:
    """"Russia said Sudan must return the helicopter": the subject of a "must" clause."""
    return clause_subject(token, obliged, ("nsubj", "nsubjpass"))


def _violation_clause(token: Token) -> Token | None:
    """"said Thai troops had violated the ceasefire": the subject of a told breach or attack."""
    verbs = cues()["reported_speech.violation_verbs"]
    return clause_subject(token, lambda c: c.lemma_.lower() in verbs)


def _consequence_clause(token: Token) -> Token | None:
    """"said Riyadh would face quick consequences", "warned that Moscow will pay a heavy price": the
    subject of a clause that tells what another will suffer for its conduct."""
    verbs, nouns = cues()["reported_speech.consequence_verbs"], cues()["reported_speech.consequence_nouns"]
    return clause_subject(token, lambda c: c.lemma_.lower() in verbs and any(
        o.dep_ in ("dobj", "obj") and o.lemma_.lower() in nouns for o in c.children))


def _proposal_clause(token: Token) -> Token | None:
    """"proposed that Japan continue ...", "suggested Laos send ...": the clause's subject."""
    return clause_subject(token, lambda c: True)


def _no_clause(token: Token) -> Token | None:
    """"called on Prime Minister Wong" with nothing asked of him: the verb itself when it has
    no clause ("called on X to settle disputes" has one)."""
    return None if any(c.dep_ in ("xcomp", "ccomp") for c in token.children) else token


# the clauses a speech act reads (event_triggers.yaml, `speech_acts`, key `clause`): each gives
# the token the act is about, or None when the verb has no such clause
CLAUSES: dict[str, Callable[[Token], Token | None]] = {
    "must": _must_clause,
    "violation": _violation_clause,
    "consequence": _consequence_clause,
    "proposal": _proposal_clause,
    "none": _no_clause,
}


def speech_clause(token: Token, clause: str) -> Token | None:
    """The token a speech act's `clause` finds under `token` (see CLAUSES)."""
    return CLAUSES[clause](token)


# ---- guards ------------------------------------------------------------------------------------------

Guard = Callable[[Token, Token], bool]  # (trigger, its predicate) -> does the act pass?

# name -> (passes, its veto in plain words for the trace of `comity explain`)
_GUARDS: dict[str, tuple[Guard, str]] = {
    # "did not sign", "failed to meet", on the trigger or on the verb a noun trigger hangs from
    "not_negated": (lambda token, pred: not negated(token) and not (pred.i != token.i and negated(pred)),
                    "negated or failed ('did not sign', 'failed to meet')"),
    "not_conditional": (lambda token, pred: not conditional(pred), "under a condition ('if', 'unless', 'whether')"),
    "not_hypothetical": (lambda token, pred: not hypothetical(pred), "only possible ('could', 'might', 'may')"),
    # asked or proposed, not done
    "not_embedded": (lambda token, pred: not embedded(pred), "asked, proposed or obliged of someone, not done"),
    # "was to travel": a plan told in the past
    "realised": (lambda token, pred: not unrealised(pred), "a plan told in the past ('was to travel')"),
    # "which had been signed"
    "current": (lambda token, pred: not past_perfect_clause(pred), "a past-perfect clause, before the news"),
}
GUARDS: dict[str, Guard] = {name: passes for name, (passes, _) in _GUARDS.items()}
GUARD_REASONS: dict[str, str] = {name: reason for name, (_, reason) in _GUARDS.items()}
