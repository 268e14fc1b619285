"""comity_agreements: the agreements a report names, with kind, period, parties and status.

Neither spaCy model tags treaty names, so agreements are found by patterns of our own
(resources/agreement_terms.yaml). The status comes from the words that govern the
agreement on the parse path ("agreed to carry out the plan" -> agreed_to_implement;
"implementation of the protocol has yielded outcomes" -> reviewed); signing dates and
signatories come from the sentence's sign event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...errors import DataError, Errors
from ...source_yaml import load_source_lines
from .. import analysis
from ..word_lists import where
from ..coding import load_codebook
from ..fastpath import any_required_literals, may_contain
from ..roles import BOTH_WORDS, GROUP_PRONOUNS, Discourse, Ref
from ..sentences import doc_text, sentences, text_of
from ..word_lists import CAMEO_CODES, FOLDED, PAIRS, WORDS, read_lists
from .actors import actor_index, entry_of
from .dates import dates_in

STATUS_RANK = ("signed", "renewed", "agreed_to_implement", "proposed", "negotiating", "reviewed",
               "implemented", "mentioned")
NAME_DEPS = {"prep", "amod", "compound", "nummod", "pobj", "poss", "det", "nmod", "appos", "quantmod", "npadvmod"}


def _right_edge(token: Token) -> int:
    """Rightmost token of `token`'s phrase, leaving out coordinated phrases and clauses:
    "the protocol for the 2025–29 period and the 2025 plan" names two instruments; and the
    circumstances of the signing: "at a ceremony", "in Pyongyang", "on Tuesday"."""
    right = token.i
    for child in token.rights:
        if child.dep_ == "prep" and _circumstance(child):
            continue
        if child.dep_ not in ("conj", "cc", "relcl", "acl", "appos", "punct") or _same_name(child):
            right = max(right, _right_edge(child))
    return right


def _same_name(child: Token) -> bool:
    """A coordinated or dash-joined word that belongs to the name: "transfer of defence equipment
    and technology", "between Japan and Vietnam", "Việt Nam–Japan defence cooperation" (the parser
    makes an apposition of what follows the dash); not a second instrument ("the protocol ... and
    the 2025 plan") nor a clause."""
    doc = child.doc
    if child.dep_ == "appos":
        return child.left_edge.i > 0 and doc[child.left_edge.i - 1].text in ("–", "-", "—") \
            and doc[child.left_edge.i - 1].whitespace_ == ""
    if child.dep_ == "cc":
        return any(c.dep_ == "conj" and _same_name(c) for c in child.head.children)
    if child.dep_ != "conj" or child.pos_ in ("VERB", "AUX"):
        return False
    if child.head.dep_ == "pobj" and child.head.head.lower_ in agreement_terms().joint_party_prepositions:
        return True
    if any(c.dep_ in ("det", "poss") for c in child.children):
        return False
    words = doc[child.left_edge.i : child.i + 1].text
    return not any(p.search(words) for _, p, _ in agreement_terms().kinds)


def _circumstance(prep: Token) -> bool:
    """A prepositional phrase that says when or where, not which instrument: "at a ceremony",
    "during the visit", "in Canberra", "on Tuesday", "in June 2024"."""
    word, terms = prep.lower_, agreement_terms()
    if word in terms.circumstance_prepositions:
        return True
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or word not in terms.dated_prepositions:
        return False
    if (word, obj.lemma_.lower()) in terms.manner_phrases:
        return True  # "in a comprehensive manner", "in force since 2015"
    doc = prep.doc  # the model's entities are not read: the fast path runs some reports without the NER
    if obj.like_num or any(d.kind != "period" and d.start <= obj.idx < d.end for d in doc._.dates or ()):
        return True
    spans = actor_index(doc).covering(obj.i)
    return word in terms.place_prepositions and any(s.label_ in ("CAPITAL", "CITY") for s in spans)


# "did not renew", "failed to renew", "has yet to renew": the shared analysis' reading of a
# verb that governs an agreement (one negation word list for every rule: resources/cues.yaml)
_negated = analysis.denied


def _with_preps(head: Token, span: Span) -> list[Token]:
    """The "with"/"between" phrases of the instrument `head` names: in its name, or right after
    it on the verb ("invoked its treaty with the United States", "signed similar treaties with
    two other countries")."""
    terms = agreement_terms()
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in terms.party_prepositions]
    doc = head.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in terms.verb_party_prepositions and after.dep_ == "prep" \
            and any(a.i == after.head.i for a in head.ancestors):
        preps.append(after)
    return preps


def _clauses(head: Token, name: Span) -> list[Token]:
    """The clauses told of the instrument: on its head, or after its name on a word of it ("the
    MoU between Singapore and France, which was renewed on Monday": the parser may hang the
    clause on "Singapore")."""
    return [c for c in head.children if c.dep_ in ("relcl", "acl")] + [
        c for t in name if t.i != head.i for c in t.children if c.dep_ == "relcl" and c.i >= name.end]


def _denied(t: Token) -> bool:
    """A denied act, told by a verb ("did not renew") or a noun ("no renewal of the MoU was
    agreed", "the renewal of the MoU was not discussed")."""
    if t.pos_ in ("VERB", "AUX"):
        return _negated(t)
    if any(c.dep_ == "det" and c.lower_ in analysis.cues()["negation.denials"] for c in t.children):
        return True
    verb = t.head
    while verb.pos_ == "ADP" and verb.head.i != verb.i:
        verb = verb.head
    return t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and verb.pos_ in ("VERB", "AUX") and _negated(verb)


def _enters_force(t: Token) -> bool:
    """"entered into force", "came into effect", "took effect", "became effective", "brought
    ... into force", "the entry into force"."""
    lemma, terms = t.lemma_.lower(), agreement_terms()
    if lemma in terms.force_heads:
        around = list(t.children)
        if lemma in terms.force_nouns and t.dep_ == "dobj":  # "hailed the entry into force": "into" hangs on the verb
            around += [c for c in t.head.children if c.i > t.i]
        return any(c.dep_ == "prep" and any((c.lower_, o.lemma_.lower()) in terms.force_phrases for o in c.children)
                   for c in around)
    # "took effect" (an object), "became effective" (a complement)
    return any(c.dep_ in ("dobj", "acomp") and (lemma, c.lower_) in terms.effect_phrases for c in t.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _realised(verb: Token) -> bool:
    """Whether the verb reports a done act ("renewed", "has been extended"), not a plan or a
    wish ("to renew", "will extend", "agreed to renew")."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    not_done, done, _ = _aux_words()
    if aux & not_done:
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(aux & done))


@cache
def _aux_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The auxiliaries, from cues.yaml (read once): of an act not (yet) done (future, supposed, obliged,
    advised or able, and the infinitive's "to"), of a done one (perfect, passive, past perfect), and of
    one to come (future and "to")."""
    c = analysis.cues()
    future = c["modality.future_aux"] | c["modality.infinitive_marks"]
    not_done = future | c["modality.hypothetical_aux"] | c["modality.obligation_aux"] | c["modality.advice_aux"]
    return not_done, c["tense.done_aux"] | c["tense.past_perfect_aux"], future


def _agent_heads(head: Token) -> list[Token]:
    """Who acts on the instrument `head` names: the subject (or passive agent) of the nearest
    verb that governs it, climbing "agreed to sign" and "met and signed" to their subject."""
    verb = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    while (not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children)
           and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i):
        verb = verb.head
    agents = [c for c in verb.children if c.dep_ == "nsubj"]
    agents += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return agents


def _here_then_before(doc: Doc, token: Token) -> list[tuple[int, int]]:
    """Where "the two ministers" or "between them" looks for whom it means, in order: its own
    sentence up to it, then the sentence before (blank lines skipped); token ranges."""
    sent = token.sent
    spans = [(sent.start, token.i)]
    before = sent.start - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    if before >= 0:
        spans.append((doc[before].sent.start, doc[before].sent.end))
    return spans


def _pair_just_named(doc: Doc, disc: Discourse, subj: Token) -> list:
    """The two officials of two states named in the sentence before "the two ministers" (or
    earlier in its own sentence), if there are exactly two."""
    for start, end in _here_then_before(doc, subj):
        people = []
        for i in range(start, end):
            p = disc.person_at.get(i)
            if p is not None and p not in people:
                people.append(p)
        if len({p.country for p in people}) == 2 and len(people) == 2 and all(p.country for p in people):
            return [disc.person_ref(p) for p in people]
        if people:
            return []
    return []


def _state_codes(doc: Doc, start: int, end: int, labels=("COUNTRY", "DEMONYM")) -> list[str]:
    """The states named in tokens [start, end) by a span of `labels` (a name, a nationality), in order,
    each once; no organisation of states (IGO)."""
    codes: list[str] = []
    for s in actor_index(doc).starting_in(start, end):
        code = entry_of(s)[0] if s.label_ in labels else ""
        if code and code != "IGO" and code not in codes:
            codes.append(code)
    return codes


def _states_just_named(doc: Doc, disc: Discourse, obj: Token) -> list:
    """In a report of three or more states, the two states named (by name, not by an official) in the
    sentence before "between them" (or earlier in its own sentence), if there are exactly two."""
    if len(disc.ranked) < 3:
        return []
    for start, end in _here_then_before(doc, obj):
        codes = _state_codes(doc, start, end)
        if len(codes) == 2:
            return [Ref(country=c, sector="GOV") for c in codes]
        if codes:
            return []
    return []


def _complements(verb: Token) -> list[Token]:
    """The verbs completing `verb`: "expected [to be signed]", "is due [to be signed]"."""
    out = []
    for c in verb.children:
        if c.dep_ == "xcomp":
            out.append(c)
        elif c.dep_ == "acomp":
            out += [x for x in c.children if x.dep_ == "xcomp"]
    return out


def _future(verb: Token) -> bool:
    """"will sign", "to be signed", "would be inked"; and a verb joined to one of these, which shares
    its auxiliary: "to hold talks early next year and sign the pact", "will meet and sign"."""
    future = _aux_words()[2]
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in future for c in verb.children):
        return True
    # a base form only: in "moved to reset ties and signed a treaty" the parser may join "signed" to "reset"
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return verb.dep_ == "conj" and verb.tag_ == "VB" and not own_aux and not _has_subject(verb) and verb.head.i != verb.i \
        and verb.head.pos_ in ("VERB", "AUX") and _future(verb.head)


def _dates_verb(doc: Doc, date, verb: Token) -> bool:
    """Whether the date expression hangs on `verb` (through nouns and prepositions, not
    through another verb)."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(12):
        if t.i == verb.i:
            return True
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return False
        t = t.head
    return False


SECTION = "section"  # the key of a field's metadata: the kind of its list (comity/nlp/word_lists.py), or None


def _section(kind: str | None, default=frozenset()):
    """A field of AgreementTerms read from the section of its name: a list of `kind`, or (None) a
    mapping of the compiler's own (kinds, domains, status cues)."""
    if kind is None:
        return field(metadata={SECTION: kind})
    return field(default=default, metadata={SECTION: kind})


def _first_word(date) -> str:
    """The first word of a date mention, in lower case: "last" of "last December"."""
    return date.text.split(maxsplit=1)[0].lower() if date.text.strip() else ""


def _words_before(doc: Doc, date, n: int) -> list[str]:
    """The `n` words right before a date mention, in lower case: ["end", "of"] of "until the end
    of 2030" (fewer at the start of the text)."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return []
    words: list[str] = []
    for t in reversed(doc[: span.start]):
        if len(words) == n:
            break
        if not t.is_space:
            words.insert(0, t.lower_)
    return words


@dataclass(frozen=True)
class AgreementTerms:
    kinds: tuple[tuple[str, re.Pattern, tuple[str, ...] | None], ...] = _section(None)  # kind, pattern, literals
    domains: tuple[tuple[str, re.Pattern], ...] = _section(None)
    status_cues: tuple[tuple[str, frozenset[str]], ...] = _section(None)
    sign_verbs: frozenset[str] = _section(WORDS)
    issue_verbs: frozenset[str] = _section(WORDS)
    signed_documents: frozenset[str] = _section(WORDS)
    signing_nouns: frozenset[str] = _section(WORDS)
    generic_heads: frozenset[str] = _section(WORDS)
    vague_heads: frozenset[str] = _section(WORDS)
    sale_heads: frozenset[str] = _section(WORDS)
    consensus_verbs: frozenset[str] = _section(WORDS)
    relation_words: frozenset[str] = _section(WORDS)
    raise_verbs: frozenset[str] = _section(WORDS)
    outcome_verbs: frozenset[str] = _section(WORDS)
    partner_nouns: frozenset[str] = _section(WORDS)
    listing_words: frozenset[str] = _section(WORDS)
    attest_verbs: frozenset[str] = _section(WORDS)
    negotiation_nouns: frozenset[str] = _section(WORDS)
    group_nouns: frozenset[str] = _section(WORDS)
    commemoration_nouns: frozenset[str] = _section(WORDS)
    settle_verbs: frozenset[str] = _section(WORDS)
    attributive_heads: frozenset[str] = _section(WORDS)
    statement_verbs: frozenset[str] = _section(WORDS)
    non_state_nouns: frozenset[str] = _section(WORDS)
    company_words: frozenset[str] = _section(FOLDED)
    government_words: frozenset[str] = _section(WORDS)
    period_prepositions: frozenset[str] = _section(WORDS)
    renew_verbs: frozenset[str] = _section(WORDS)
    renew_nouns: frozenset[str] = _section(WORDS)
    definite_words: frozenset[str] = _section(WORDS)
    force_heads: frozenset[str] = _section(WORDS)
    circumstance_prepositions: frozenset[str] = _section(WORDS)
    dated_prepositions: frozenset[str] = _section(WORDS)
    place_prepositions: frozenset[str] = _section(WORDS)
    plan_year_prepositions: frozenset[str] = _section(WORDS)
    party_prepositions: frozenset[str] = _section(WORDS)
    joint_party_prepositions: frozenset[str] = _section(WORDS)
    verb_party_prepositions: frozenset[str] = _section(WORDS)
    three_counts: frozenset[str] = _section(WORDS)
    trilateral_words: frozenset[str] = _section(WORDS)
    tally_quantifiers: frozenset[str] = _section(WORDS)
    pair_counts: frozenset[str] = _section(WORDS)
    likeness_modifiers: frozenset[str] = _section(WORDS)
    perfect_aux: frozenset[str] = _section(WORDS)
    denying_determiners: frozenset[str] = _section(WORDS)
    reference_counts: frozenset[str] = _section(WORDS)
    proposal_modifiers: frozenset[str] = _section(WORDS)
    renewed_modifiers: frozenset[str] = _section(WORDS)
    past_year_prepositions: frozenset[str] = _section(WORDS)
    past_date_words: frozenset[str] = _section(WORDS)
    period_end_words: frozenset[str] = _section(WORDS)
    topic_prepositions: frozenset[str] = _section(WORDS)
    statement_prepositions: frozenset[str] = _section(WORDS)
    statement_heads: frozenset[str] = _section(WORDS)
    force_nouns: frozenset[str] = _section(WORDS)
    ceremony_nouns: frozenset[str] = _section(WORDS)
    occurrence_verbs: frozenset[str] = _section(WORDS)
    attendance_prepositions: frozenset[str] = _section(WORDS)
    exchange_verbs: frozenset[str] = _section(WORDS)
    exchanged_notes: frozenset[str] = _section(WORDS)
    ratification_words: frozenset[str] = _section(WORDS)
    raise_prepositions: frozenset[str] = _section(WORDS)
    consensus_heads: frozenset[str] = _section(WORDS)
    agreed_forms: frozenset[str] = _section(WORDS)
    frame_prepositions: frozenset[str] = _section(WORDS)
    frame_phrases: frozenset[tuple[str, str]] = _section(PAIRS)
    part_phrases: frozenset[tuple[str, str]] = _section(PAIRS)
    establish_verbs: frozenset[str] = _section(WORDS)
    manner_phrases: frozenset[tuple[str, str]] = _section(PAIRS)
    force_phrases: frozenset[tuple[str, str]] = _section(PAIRS)
    effect_phrases: frozenset[tuple[str, str]] = _section(PAIRS)
    occurrence_phrases: frozenset[tuple[str, str]] = _section(PAIRS)
    signing_codes: tuple[str, ...] = _section(CAMEO_CODES, ())


# the sections of agreement_terms.yaml: kinds, domains and status cues are mappings of their own,
# the rest lists read and checked by comity/nlp/word_lists.py
TERM_LISTS = {f.name: f.metadata[SECTION] for f in fields(AgreementTerms) if f.metadata[SECTION]}
TERM_MAPPINGS = tuple(f.name for f in fields(AgreementTerms) if not f.metadata[SECTION])


def read_terms(text: str, path="agreement_terms.yaml") -> AgreementTerms:
    """agreement_terms.yaml's text read and checked: each mapping (its name otherwise an unknown
    or missing list), each list of its kind."""
    data = load_source_lines(text) or {}
    lists = read_lists(data, path, TERM_LISTS, others=TERM_MAPPINGS, codes=load_codebook())
    for name in TERM_MAPPINGS:
        if not isinstance(data.get(name), dict):
            raise DataError(Errors.E104.format(path=where(path, data, name), detail=f"{name}: a mapping"))
    return AgreementTerms(
        kinds=tuple((k, re.compile("|".join(v), re.I), any_required_literals(v)) for k, v in data["kinds"].items()),
        domains=tuple((k, re.compile("|".join(v), re.I)) for k, v in data["domains"].items()),
        status_cues=tuple((k, frozenset(v)) for k, v in data["status_cues"].items()),
        **lists,
    )


@cache
def agreement_terms() -> AgreementTerms:
    path = resources.files("comity.nlp") / "resources" / "agreement_terms.yaml"
    return read_terms(path.read_text(encoding="utf-8"), path)


@dataclass
class AgreementCandidate:
    kind: str
    name: str
    span: Span
    sent: Span
    parties: tuple[str, ...]
    status: str
    domain: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    signed_on: str | None = None
    signatories: list[str] = field(default_factory=list)
    witnesses: list[str] = field(default_factory=list)
    confidence: float = 0.6
    back_reference: bool = False  # "the agreement", "both documents": may name one found before
    plural: bool = False
    headline: bool = False  # a generic word with no determiner in the report's first line ("sign deal")
    default_parties: bool = False  # no state of its own: the report's pair (or its three)
    rule: str = ""  # the term pattern that found it: "agreements.term.<kind>" (agreement_terms.yaml)
    steps: list[str] = field(default_factory=list)  # how the status was read, what later mentions added


class AgreementFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.terms = agreement_terms()
        # the verb of consensus_heads, read on the text (no loop over tokens)
        self.agreed = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(self.terms.agreed_forms))) + r")\b", re.I)

    def __call__(self, doc: Doc) -> Doc:
        doc._.agreements = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[AgreementCandidate]:
        disc = Discourse(doc)
        found: list[AgreementCandidate] = []
        sents = sentences(doc)
        for sent in sents.spans:
            text = text_of(sent)
            folded = text.casefold()
            hits = [(kind, m) for kind, pattern, literals in self.terms.kinds if may_contain(folded, literals)
                    for m in pattern.finditer(text)]
            if not hits or not sents.codable(sent):
                continue
            taken: set[int] = set()
            for kind, m in hits:
                span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(),
                                     alignment_mode="expand")
                if span is None or any(i in taken for i in range(span.start, span.end)):
                    continue
                cands = self._candidates(doc, disc, sent, kind, span)
                if cands:
                    taken.update(range(cands[0].span.start, cands[0].span.end))
                    for cand in cands:
                        cand.headline = sent.start == sents.spans[0].start and self._headline_word(cand.span.root)
                    found += cands
        found.sort(key=lambda c: c.span.start)
        return self._merge(self._fold_headline(self._fold_back_references(_share_sentence_parties(found))))

    def _candidates(self, doc, disc, sent, kind, match: Span) -> list[AgreementCandidate]:
        """The instrument `match` names; one per partner for a tally of like instruments ("has
        signed similar agreements with 15 countries, starting with the United Kingdom"), and
        none when the tally names no state."""
        cand = self._candidate(doc, disc, sent, kind, match)
        if cand is None:
            return []
        tally = self._tally(match.root, cand.span)
        if tally is None:
            return [] if self._unnamed_batch(cand) else [cand]
        holders = self._agents(doc, disc, match.root)
        listed = self._listed(disc, sent, tally)
        if len(holders) != 1 or not listed:
            # one deal with a group ("secured a nuclear deal with world powers led by the United
            # States"): the instrument of its own parties; a tally of several with nobody's name, none
            return [cand] if listed and not holders and not cand.plural else []
        background = {c.lemma_.lower() for c in match.root.children} & self.terms.likeness_modifiers
        if background or cand.status in ("signed", "renewed") and self._perfect(doc, match.root):
            cand.status, cand.signed_on, cand.signatories = "mentioned", None, []  # a tally of past signings
        name = doc[cand.span.start : max(tally.i, cand.span.start) + 1].text  # not the list of partners
        return [replace(cand, name=name, parties=tuple(sorted({holders[0], code})), steps=[*cand.steps, "agreements.tally"])
                for code in listed if code != holders[0]]

    def _unnamed_batch(self, cand: AgreementCandidate) -> bool:
        """A batch of documents told by a generic plural and nothing that tells them apart: "signed
        15 accords", "inked eight cooperation agreements, including economic and tourism pacts",
        "trade and cultural exchange agreements were signed". No single instrument is identified
        (unlike "17 memorandums of understanding", "the Paris Agreements"), so none is recorded;
        "both agreements" after named instruments is a back reference, read elsewhere."""
        head = cand.span.root
        if cand.back_reference or head.tag_ not in ("NNS", "NNPS") or head.lemma_.lower() not in self.terms.generic_heads:
            return False
        return not any(t.is_title and t.i != cand.span.start and t.i != head.i or t.is_upper and len(t) > 1
                       for t in cand.span)

    def _tally(self, head: Token, span: Span) -> Token | None:
        """The count of partner states in "agreements with 15 countries", "pacts with several
        nations", "MoUs with more than 20 partners" (not "with the two countries")."""
        for prep in _with_preps(head, span):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.tag_ == "NNS" and obj.lemma_.lower() in self.terms.partner_nouns and (
                        any((c.dep_ == "nummod" and not (c.lower_ in self.terms.pair_counts and any(
                                d.dep_ in ("det", "poss") for d in obj.children)))  # not "the two countries"
                            or c.lower_ in self.terms.tally_quantifiers
                            for c in obj.children)
                        or any(t.lower_ in self.terms.listing_words for t in obj.subtree)):  # "countries such as"
                    return obj
        return None

    def _listed(self, disc: Discourse, sent: Span, tally: Token) -> list[str]:
        """The states a tally names after "including", "starting with", "such as", "notably"."""
        start = next((t.i for t in tally.doc[tally.i + 1 : sent.end] if t.lower_ in self.terms.listing_words), None)
        codes: list[str] = []
        if start is None:
            return codes
        for i in range(start + 1, sent.end):
            span = disc.span_at.get(i)
            if span is not None and span.label_ in ("COUNTRY", "CAPITAL"):
                code = entry_of(span)[0]
                if code and code != "IGO" and code not in codes:
                    codes.append(code)
        return codes

    @staticmethod
    def _perfect(doc: Doc, head: Token) -> bool:
        """"has signed": the verb governing `head` in the perfect, with no date of its own."""
        verb = next((t for t in head.ancestors if t.pos_ == "VERB"), None)
        if verb is None or not any(c.dep_ == "aux" and c.lemma_.lower() in agreement_terms().perfect_aux
                                   for c in verb.children):
            return False
        return not any(_dates_verb(doc, d, verb) for d in dates_in(doc, verb.sent.start_char, verb.sent.end_char))

    def _candidate(self, doc, disc, sent, kind, match: Span) -> AgreementCandidate | None:
        head = match.root
        if head.pos_ == "VERB" or any(c.lower_ in self.terms.denying_determiners and c.dep_ == "det" for c in head.children):
            return None  # "No agreement was announced" names none
        if self._attributive(head):
            return None  # "a treaty ally", "treaty-level ties", "the North Atlantic Treaty Organization"
        if kind == "minutes" and any(c.dep_ == "nummod" for c in head.children):
            return None  # "in the last 20 minutes of the match": a stretch of time, no record
        if self._between_firms(disc, head):
            return None  # "Toyota and Panasonic signed a memorandum of understanding"
        raised = established = None
        if head.lemma_.lower() in self.terms.relation_words:
            raised = self._raised_to(head)
            established = self._established(head) if raised is None else None
            if raised is None and established is None:
                return None  # "the comprehensive strategic partnership between the two countries": a relation
        name_span = self._name_span(doc, head, sent, match, kind)
        described = self._described_name(head)
        if described is not None:
            kind = "other"  # "the Combined Joint Expeditionary Force - a defence pact": a named arrangement
        period = self._period(doc, name_span, kind)
        status, sign_verb = self._status(head, name_span)
        if raised is not None:
            if self._past_dates(doc, sent, name_span, raised):
                return None  # "upgraded their ties to a strategic partnership in 2014": background
            decided = raised.dep_ == "xcomp" and _realised(raised.head) and not _negated(raised.head)
            # "decided to lift ... to a partnership" is done; "will upgrade ties to" is planned
            status = "proposed" if _future(raised) and not decided else "agreed_to_implement"
            sign_verb = None
        if established is not None:
            # "the X Partnership, established earlier this year" (a participle with no auxiliary) or
            # "established in 2019": told as made before; "launched the X Partnership" today: agreed
            told = established.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in established.children)
            if _future(established):
                status = "proposed"
            elif told or self._past_dates(doc, sent, name_span, established):
                status = "mentioned"
            else:
                status = "agreed_to_implement"
            sign_verb = None
        if kind == "annual_plan" and period[0] is None:
            if status != "signed":
                return None  # "implementation plans" with no year is not an annual plan
            kind = "action_plan"  # "signed a military cooperation plan": a plan of action, of no one year
        if status != "signed" and head.lemma_.lower() in self.terms.vague_heads \
                and any(t.lemma_.lower() in self.terms.relation_words for t in name_span):
            return None  # "agreed on a strategic partnership deal": a relation, no document signed
        if status != "signed" and head.lemma_.lower() in self.terms.vague_heads and all(
                t.i == head.i or (t.dep_ == "det" and t.lower_ not in self.terms.definite_words)
                or (t.dep_ == "amod" and t.pos_ == "ADJ" and t.is_lower) for t in name_span) \
                and not any(c.dep_ in ("acl", "relcl") for c in head.children):  # not "a pact to do X"
            return None  # "readiness to cut a new deal", "a big deal" name no document ("the deal" may)
        if status != "signed" and self._consensus(head):
            return None  # "reached an agreement to boost cooperation", "expressed agreement on"
        if status == "mentioned" and kind == "joint_statement":
            voiced = self._voiced_in(head)
            if voiced is not None and not self._past_dates(doc, sent, name_span, voiced):
                status, sign_verb = "signed", voiced  # "In a joint statement, the two sides said ..."
        if status in ("proposed", "negotiating") and self._period_over(doc, period):
            status = "mentioned"  # "compared to the 2015-2019 agreement": its time is past, nothing is planned
        background_signing = None
        if status == "implemented" and sign_verb is not None and self._past_dates(doc, sent, name_span, sign_verb):
            status = "mentioned"  # "entered into force in 2019": background
        if status == "signed" and sign_verb is not None:
            if any(c.lemma_.lower() in self.terms.renewed_modifiers for c in head.children):
                status = "renewed"  # "signed the renewed agreement"
            past = self._past_dates(doc, sent, name_span, sign_verb)
            if past:  # "signed ... last December": background, not a signing of the day
                status = "mentioned"
                background_signing = next((d.value for d in past if d.granularity == "day"), None)
        renew = None
        if status == "renewed":
            terms = agreement_terms()
            renew = next((t for t in list(head.ancestors) + _clauses(head, name_span)
                          if t.lemma_.lower() in terms.renew_verbs and t.pos_ == "VERB"), None) or sign_verb
            anchor = renew or next((t for t in head.ancestors if t.lemma_.lower() in terms.renew_nouns), None)
            if anchor is not None and period == (None, None):
                period = self._renewal_period(doc, sent, anchor)  # also "the renewal of the MoU until 2030"
        sale = self._sale_in_passing(head, status)
        parties, defaulted = self._parties(doc, disc, name_span, sent, head, sale=sale)
        if sale and not parties:
            return None  # a sale between no two states the sentence names: a firm's business
        cand = AgreementCandidate(kind=kind, name=described.text if described is not None else name_span.text,
                                  span=name_span, sent=sent,
                                  parties=parties, status=status, back_reference=self._bare(head, name_span, match),
                                  default_parties=defaulted,
                                  plural=head.tag_ in ("NNS", "NNPS"),
                                  domain=self._domain(name_span.text) or self._domain(text_of(sent)),
                                  period_start=period[0], period_end=period[1],
                                  rule=f"agreements.term.{kind}", steps=[f"agreements.status.{status}"])
        if status in ("signed", "renewed") and sign_verb is not None:
            self._signing(doc, disc, cand, sign_verb)
        elif status == "renewed":  # "renewed their agreement on Monday": a renewal is a signing
            if renew is not None and _realised(renew) and not self._past_dates(doc, sent, name_span, renew):
                self._signing(doc, disc, cand, renew)
        cand.signed_on = cand.signed_on or background_signing
        if cand.signed_on is None and status not in ("negotiating", "proposed"):
            self._signed_in_clause(doc, disc, cand, head)
        return cand

    def _signed_in_clause(self, doc: Doc, disc: Discourse, cand: AgreementCandidate, head: Token) -> None:
        """A signing told in a clause on the name: "the RAA, signed in Manila on July 8, 2024,
        entered into force" (background: the day only); "the MoU, signed on Thursday in Hanoi,
        covers training" (the signing of the report's day, when nothing else was said of it)."""
        clause = next((c for c in _clauses(head, cand.span) if self._signs(c, head)
                       and not _future(c) and not _negated(c)), None)
        if clause is None:
            return
        past = self._past_dates(doc, cand.sent, cand.span, clause)
        if past:
            cand.signed_on = next((d.value for d in past if d.granularity == "day"), None)
        elif cand.status == "mentioned" and any(
                d.granularity == "day" and d.value and _dates_verb(doc, d, clause)
                for d in dates_in(doc, cand.sent.start_char, cand.sent.end_char)):
            cand.status = "signed"
            cand.steps.append("agreements.signed-in-clause")
            self._signing(doc, disc, cand, clause)

    @staticmethod
    def _bare(head: Token, name: Span, term: Span) -> bool:
        """"the agreement", "this deal", "both agreements", "the MoU", "the joint statement": a
        definite word (or the words of the kind's term) for an instrument and nothing else, which
        may name one told of before (of its kind, or of any kind for a generic word)."""
        if any(c.dep_ == "acl" and c.tag_ == "VBG" for c in head.children):
            return False  # "the agreement regulating navigation in the strait" says which one it is
        rest = [t for t in name if t.i != head.i and not term.start <= t.i < term.end]
        terms = agreement_terms()
        return bool(rest) and any(t.lower_ in terms.definite_words for t in rest) and all(
            t.lower_ in terms.definite_words or (t.dep_ == "nummod" and t.lower_ in terms.reference_counts) for t in rest)

    @staticmethod
    def _renewal_period(doc: Doc, sent: Span, verb: Token) -> tuple[int | None, int | None]:
        """The period a renewal runs for, said on the verb: "renewed the MoU for another five
        years, until 2030" (start unknown), "extended to 2030", "renewed for 2026-2030"."""
        for d in dates_in(doc, sent.start_char, sent.end_char):
            if not d.value and not d.end_value or not _dates_verb(doc, d, verb):
                continue
            if d.kind == "period":
                return (int(d.value[:4]) if d.value else None, int(d.end_value[:4]) if d.end_value else None)
            if d.kind == "year_ref" and any(_words_before(doc, d, len(p.split())) == p.split()
                                            for p in agreement_terms().period_end_words):
                return None, int(d.value[:4])  # "extended to 2030", "until the end of 2030"
        return None, None

    @staticmethod
    def _past_dates(doc: Doc, sent: Span, name: Span, verb: Token) -> list:
        """Dates before the report's own encounter that date the signing: "signed ... last
        December", "signed in 2019", "signed in June 2024". A year inside the name ("the 2024
        plan") names the instrument; a date of another clause ("who first met in 2019") is
        not the signing's."""
        anchor = doc._.anchor_date or ""
        terms = agreement_terms()
        out = []
        for d in dates_in(doc, sent.start_char, sent.end_char):
            if name.start_char <= d.start < name.end_char or not _dates_verb(doc, d, verb):
                continue
            if d.kind == "year_ref":
                # "in 2019": the finder takes the preposition into the mention, or leaves it before
                opening = {_first_word(d), *_words_before(doc, d, 1)}
                if d.value and anchor and opening & terms.past_year_prepositions and d.value[:4] < anchor[:4]:
                    out.append(d)
            elif d.kind in ("relative_past", "point"):
                if d.value and anchor and d.value[:7] < anchor[:7]:
                    out.append(d)
                elif d.value is None and (d.kind == "relative_past" or _first_word(d) in terms.past_date_words):
                    out.append(d)  # "last December" in a report with no publication date
        return out

    def _name_span(self, doc: Doc, head: Token, sent: Span, match: Span, kind: str) -> Span:
        right = head.i
        for child in head.rights:
            if child.dep_ in NAME_DEPS and not (child.dep_ == "prep" and _circumstance(child)):
                right = max(right, _right_edge(child))
        left = head.i
        for child in head.lefts:
            if child.dep_ in NAME_DEPS:
                left = min(left, child.left_edge.i)
        if _same_name(doc[left]) or (head.dep_ == "appos" and _same_name(head)):
            left = head.head.left_edge.i  # "the Việt Nam–Korea Free Trade Agreement"
        left, right = min(left, match.start), max(right, match.end - 1)  # all of "status of forces agreement"
        right = min(right, left + 24, sent.end - 1)
        while right > left and (doc[right].is_punct or doc[right].dep_ in ("cc",)):
            right -= 1
        right = self._period_phrase(doc, right, sent, kind)
        words = [t.text for t in doc[left : right + 1]]
        if words.count("(") > words.count(")") and right + 1 < sent.end and doc[right + 1].text == ")":
            right += 1  # "the Việt Nam–Korea Free Trade Agreement (VKFTA)"
        return doc[left : right + 1]

    @staticmethod
    def _period_phrase(doc: Doc, right: int, sent: Span, kind: str) -> int:
        """Take in a period phrase right after the name, wherever the parser hung it:
        "implementing the protocol ... for the 2025–29 period" attaches "for" to the verb.
        "in" + a year gives a plan its year ("the plan in 2026"); after any other instrument
        it says when something happened ("withdrew from the treaty in 2019")."""
        nxt, terms = right + 1, agreement_terms()
        if nxt >= sent.end or doc[nxt].lower_ not in terms.period_prepositions or (
                doc[nxt].lower_ in terms.plan_year_prepositions and kind != "annual_plan"):
            return right
        end = _right_edge(doc[nxt])
        if end >= sent.end or end - nxt > 8:
            return right
        if any(d.kind in ("period", "year_ref", "future", "point") and d.granularity == "year"
               for d in dates_in(doc, doc[nxt].idx, doc[end].idx + len(doc[end].text))):
            return end
        return right

    def _period(self, doc: Doc, span: Span, kind: str) -> tuple[int | None, int | None]:
        for d in dates_in(doc, span.start_char, span.end_char):
            if d.kind == "period" and (d.value or d.end_value):  # "until 2030" has an end only
                end = d.end_value
                return (int(d.value[:4]) if d.value else None, int(end[:4]) if end else None)
        if kind in ("annual_plan",):
            for d in dates_in(doc, span.start_char, span.end_char):
                if d.value and d.kind in ("year_ref", "future", "point") and d.granularity == "year":
                    return int(d.value[:4]), int(d.value[:4])
        return None, None

    def _status(self, head: Token, name: Span) -> tuple[str, Token | None]:
        path = []
        t = head
        for _ in range(9):
            if t.head.i == t.i:
                break
            t = t.head
            path.append(t)
        if self._commemorated(path):
            return "mentioned", None  # "attended the celebration of the 10th anniversary of the treaty"
        sign_verb = next((t for t in path if t.pos_ == "VERB" and self._signs(t, head)), None)
        attested = None
        if sign_verb is not None:
            if _negated(sign_verb):
                # "did not sign", "stopped short of signing", "failed to sign", "left without signing"
                return "negotiating", None
            if _future(sign_verb):
                return "proposed", None
            if self._ratifications(sign_verb):
                return "implemented", sign_verb  # "exchanged the instruments of ratification of X"
        elif head.head.dep_ == "prep" and head.head.lower_ in self.terms.topic_prepositions \
                and head.head.head.lemma_.lower() in self.terms.negotiation_nouns:
            return "negotiating", None  # "are in talks on a reciprocal access agreement"
        elif (later := next((c for t in path if t.pos_ in ("VERB", "AUX") for c in _complements(t)
                             if self._signs(c, head) and _future(c)), None)) is not None:
            # "the pact is expected to be signed later this year"; "is yet to be signed"
            return ("negotiating" if _negated(later) else "proposed"), None
        else:
            attested = self._attested(head, path)
        if attested is not None:
            return attested
        # the nearest governing verb decides ("reviewed X and pledged to carry out Y": Y is to
        # be implemented); nouns and prepositions on the path only when no verb gives a cue
        verbs = [t for t in path
                 if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in self.terms.outcome_verbs]
        others = [t for t in path if t.pos_ not in ("VERB", "AUX")]
        if verbs and verbs[0].lemma_.lower() in self.terms.settle_verbs and sign_verb is None \
                and not _negated(verbs[0]) and not self._cued_before(path, verbs[0]):
            # "agreed on the contents of X" (not "agreed to work towards X", "agreed to the renewal of X")
            return "agreed_to_implement", None
        for tokens in (verbs, others):
            for t in tokens:
                if sign_verb is not None and t.i == sign_verb.i:
                    return "signed", sign_verb
                force = next((v for v in [t] + [c for c in t.children if c.dep_ == "conj" and not _has_subject(c)]
                              if v.pos_ in ("VERB", "AUX") and _enters_force(v)), None)
                if force is not None:  # "entered into force", "was ratified and took effect"
                    if self._in_force_now(force):
                        return "implemented", force
                    continue  # "will enter into force after ratification", "has not yet taken effect"
                # a noun's own adjective speaks for it: "facilitate the effective implementation of X"
                words = {t.lemma_.lower(), t.lower_}
                if t.pos_ == "NOUN":
                    words |= {c.lemma_.lower() for c in t.children if c.dep_ == "amod"}
                for status, cues in self.terms.status_cues:
                    if words & cues and not (status == "signed" and sign_verb is None):
                        if status == "renewed" and _denied(t):
                            return "negotiating", None  # "did not renew the MoU": a renewal left unsigned
                        if status in ("agreed_to_implement", "reviewed") and t.pos_ == "VERB" \
                                and analysis.embedded(t):
                            return "mentioned", None  # "urged Washington to implement the communiques": asked
                        return status, sign_verb
        own = {c.lemma_.lower() for c in head.children}
        if own & self.terms.proposal_modifiers:
            return "proposed", None
        for clause in _clauses(head, name):
            # "the agreement, which is due to be signed next month"
            if any(self._signs(v, head) and _future(v) for v in [clause] + _complements(clause)):
                return "proposed", None
            if _enters_force(clause) and self._in_force_now(clause):
                return "implemented", clause  # "the agreement, which entered into force on Thursday"
            if clause.lemma_.lower() in agreement_terms().renew_verbs and clause.pos_ == "VERB" and _realised(clause):
                # "the MoU, which was renewed on Monday for five years, covers ..."
                return ("negotiating", None) if _negated(clause) else ("renewed", None)
        framed = self._framed(head)
        if framed is not None:
            return framed, None
        return "mentioned", None

    def _framed(self, head: Token) -> str | None:
        """The status an act framed by the instrument gives it: "will promote cooperation under
        the agreement" pledges to carry it out (agreed_to_implement), and so does an act to come
        "as part of" it; an act told "as part of activities in the 2023 plan" carries it out
        (implemented). A done act "under" it ("was conducted under the 2011 MoU") tells nothing, nor
        what the instrument provides: "Under the DCA, the SAF will be allowed to train", "the
        meeting will be held under the minutes" (the frame before the act, or an act undergone)."""
        t, below, part, prep = head, head, False, None
        while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
            below, t = t, t.head
            if t.dep_ != "prep":
                continue
            pair = (t.lower_, below.lemma_.lower())
            if pair in self.terms.part_phrases:
                part = True
            elif prep is None and (t.lower_ in self.terms.frame_prepositions or pair in self.terms.frame_phrases):
                prep = t
        if not part and prep is None or t.pos_ not in ("VERB", "AUX") or _negated(t):
            return None
        if not part and (prep.i < t.i or any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children)):
            return None
        if _future(t) or any(c.dep_ in ("aux", "auxpass") and c.lower_ in _aux_words()[0] for c in t.children):
            return "agreed_to_implement"
        return "implemented" if part else None

    def _voiced_in(self, head: Token) -> Token | None:
        """The done speech act a joint statement carries, which tells that the statement was
        issued: "In a joint statement, the two sides said ...", "the joint statement read";
        not "will say in a joint statement" nor "as the 2019 joint statement says"."""
        verb = None
        if head.dep_ == "pobj" and head.head.lower_ in self.terms.statement_prepositions:
            verb = head.head.head
        elif head.dep_ == "nsubj":
            verb = head.head
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in self.terms.statement_verbs:
            return None
        return verb if _realised(verb) and not _negated(verb) else None

    @staticmethod
    def _period_over(doc: Doc, period: tuple[int | None, int | None]) -> bool:
        """Whether the instrument's period ended before the year the report was published (the
        publication date, not the encounter's: a report on an anniversary may anchor in the past)."""
        year = doc._.published.year if doc._.published else int(doc._.anchor_date[:4]) if doc._.anchor_date else None
        return year is not None and period[1] is not None and period[1] < year

    def _attributive(self, head: Token) -> bool:
        """Whether the instrument word only describes another noun: "a treaty ally", "treaty-level
        ties", "treaty obligations" tell a kind of relation, not a document (unlike "the MoU signing
        ceremony", whose head is the act on a document)."""
        if head.dep_ not in ("compound", "amod", "nmod", "npadvmod"):
            return False
        described = head.head
        while described.dep_ in ("compound", "amod") and described.head.i != described.i and described.pos_ != "NOUN":
            described = described.head  # "treaty-level" -> "ties"
        return bool({described.lemma_.lower(), head.head.lemma_.lower()} & self.terms.attributive_heads)

    def _cued_before(self, path: list[Token], verb: Token) -> bool:
        """Whether a word between the instrument and `verb` gives a status: "the renewal of X"."""
        before = path[:next(i for i, t in enumerate(path) if t.i == verb.i)]
        return any(t.lemma_.lower() in cues or t.lower_ in cues for t in before for _, cues in self.terms.status_cues)

    def _commemorated(self, path: list[Token]) -> bool:
        """Whether the instrument is named as what an anniversary marks ("the tenth anniversary of
        the defence agreement"): it was signed long ago, whatever is signed at the celebration."""
        for t in path:
            if t.pos_ in ("VERB", "AUX"):
                return False
            if t.lemma_.lower() in self.terms.commemoration_nouns:
                return True
        return False

    def _in_force_now(self, verb: Token) -> bool:
        """Whether the entry into force `verb` tells is done: "entered into force", "bringing
        the agreement into force" after a done act, "enters into force today" (not "will
        enter into force", "has not yet entered into force", "takes effect next month")."""
        if _negated(verb):
            return False
        clause = verb
        for _ in range(4):  # "exchanged notes on Thursday, bringing the agreement into force"
            if clause.tag_ != "VBG" and clause.pos_ != "NOUN" or clause.head.i == clause.i:
                break
            if clause.tag_ == "VBG" and clause.dep_ not in ("advcl", "conj", "xcomp", "acl"):
                break
            clause = clause.head  # "exchanged notes bringing it into force": the notes' verb
        if _realised(clause):
            return True
        if clause.dep_ in ("advcl", "xcomp") and clause.head.lemma_.lower() in self.terms.exchange_verbs \
                and _realised(clause.head):
            return True  # "exchanged diplomatic notes on Wednesday to bring the agreement into force"
        if clause.tag_ not in ("VBZ", "VBP") or _future(clause):
            return False
        doc = clause.doc
        anchor = doc._.anchor_date
        return bool(anchor) and any(d.value == anchor and _dates_verb(doc, d, clause)
                                    for d in dates_in(doc, clause.sent.start_char, clause.sent.end_char))

    def _attested(self, head: Token, path: list[Token]) -> tuple[str, Token] | None:
        """The signing (or the entry into force) of the instrument, done on the report's day, as
        a verb reports it: "welcomed the signing today of X", "attended the signing ceremony of
        X", "the signing of X took place on Tuesday", "hailed the entry into force of X". Not
        "discussed preparations for the entry into force of X", nor "will attend the signing"."""
        def signing(t: Token) -> bool:
            return t.pos_ == "NOUN" and (t.lemma_.lower() in self.terms.signing_nouns or (
                t.lemma_.lower() in self.terms.ceremony_nouns
                and any(c.lemma_.lower() in self.terms.signing_nouns for c in t.children)))
        noun = next((t for t in path if signing(t) or (t.pos_ == "NOUN" and _enters_force(t))), None)
        verb = next((t for t in path if t.pos_ in ("VERB", "AUX")), None)
        if noun is None and verb is not None and head.head.lower_ == "of":
            # the parser hangs "of X" (or "into force of X") on the verb: "welcomed the signing
            # today of X", "hailed the entry into force of X"
            noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                         and (signing(c) or _enters_force(c))), None)
        if noun is None:
            return None
        verb = noun.head
        around = verb.lower_ if verb.pos_ == "ADP" else None
        while verb.pos_ == "ADP" and verb.head.i != verb.i:  # "presided over the signing", "present at"
            verb = verb.head
        if verb.lemma_.lower() in self.terms.exchanged_notes and verb.dep_ == "dobj":
            verb = verb.head  # "exchanged notes on the entry into force of X"
        if noun.dep_ in ("nsubj", "nsubjpass"):
            done = verb.lemma_.lower() in self.terms.occurrence_verbs or any(
                (verb.lemma_.lower(), c.lower_) in self.terms.occurrence_phrases for c in verb.children)
        else:  # "welcomed the signing"; "spoke at the signing ceremony", "met after the signing"
            done = verb.lemma_.lower() in self.terms.attest_verbs or around in self.terms.attendance_prepositions
            # "exchanged notes on the entry into force of X"
            done = done or (verb.lemma_.lower() in self.terms.exchange_verbs and _enters_force(noun))
        if not done or verb.pos_ not in ("VERB", "AUX") or _negated(verb):
            return None
        if _future(verb):
            return "proposed", None  # "will attend the signing of X"
        verb_clause = verb
        while verb_clause.tag_ == "VBG" and verb_clause.dep_ in ("advcl", "conj") and verb_clause.head.i != verb_clause.i:
            verb_clause = verb_clause.head  # "Speaking at the signing of X, Marles said ..."
        if not _realised(verb_clause):
            return None
        return ("implemented" if _enters_force(noun) else "signed"), verb

    def _raised_to(self, head: Token) -> Token | None:
        """The verb that raises a relation to the partnership `head` names: "elevating it to a
        comprehensive partnership", "lift the bilateral relationship to a strategic partnership"."""
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ not in self.terms.raise_prepositions:
            return None
        verb = prep.head
        if verb.dep_ == "dobj" and verb.head.pos_ == "VERB":  # "raised ties to a partnership" hung on "ties"
            verb = verb.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.terms.raise_verbs or _negated(verb):
            return None
        return verb

    def _established(self, head: Token) -> Token | None:
        """The verb that establishes a partnership of a proper name, a framework the report names:
        "under the framework of the UK-Nigeria Security and Defence Partnership, established earlier
        this year", "launched the Indo-Pacific Maritime Partnership" (not a relation told in lower
        case, "the strategic partnership they established in 2023", nor one merely named)."""
        if head.pos_ != "PROPN" or head.i == head.sent.start:
            return None
        verb = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.lemma_.lower() not in self.terms.establish_verbs or _negated(verb):
            return None
        return verb

    def _consensus(self, head: Token) -> bool:
        """"reached (an) agreement", "expressed agreement on", "came to an agreement": the
        meeting of minds a report tells, not a document (like "an agreement was reached")."""
        if head.lemma_.lower() not in self.terms.consensus_heads or head.tag_ != "NN":
            return False
        verb = head.head
        if head.dep_ == "pobj" and verb.lower_ == "to":
            verb = verb.head  # "came to an agreement"
        elif head.dep_ != "dobj":
            return False
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.terms.consensus_verbs

    def _ratifications(self, verb: Token) -> bool:
        """"exchanged the instruments of ratification", "exchanged ratification documents": the
        act that brings a signed instrument into force."""
        if verb.lemma_.lower() not in self.terms.exchange_verbs:
            return False
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        return any(t.lemma_.lower() in self.terms.ratification_words for o in objects for t in o.subtree)

    def _between_firms(self, disc: Discourse, head: Token) -> bool:
        """Whether every party the sentence shows is a company, a team or a player: the
        subject that signs ("Samsung Electronics signed an agreement with Hyundai Motor",
        "the players had honoured their agreement"), or else the "with"/"between" party."""
        def conjuncts(tokens):
            return [c for t in tokens for c in [t] + list(t.conjuncts) if c.i >= t.i]
        agents = conjuncts(_agent_heads(head))
        if agents:
            return all(self._firm(disc, t) for t in agents)
        others = conjuncts([g for c in head.children if c.dep_ == "prep" and c.lower_ in self.terms.party_prepositions
                            for g in c.children if g.dep_ == "pobj"])
        return bool(others) and all(self._firm(disc, t) for t in others)

    def _firm(self, disc: Discourse, token: Token) -> bool:
        """A company, team or player rather than a state or an official: not in the gazetteer,
        not a person, and a company's name ("PT Pindad", "Viettel Group", "Hyundai Motor") or a
        word such as "company" or "players". (Not the model's ORG entities: the fast path runs
        some reports without the NER, and the records must not depend on it.)"""
        words = [t for t in disc.phrase(token) if t.i <= token.i]
        labels = {disc.span_at[t.i].label_ for t in words if t.i in disc.span_at
                  and (t.i == token.i or t.dep_ in ("compound", "amod", "flat"))}
        own = disc.span_at.get(token.i)
        # a state's own words on the head or an organisation in the name; "Vietnamese businesses" are firms
        if (own is not None and own.label_ not in ("CITY", "PLACE")) or labels & {"ORG", "ORG_HEAD", "IGO"} \
                or any(t.i in disc.person_at for t in words):
            return False
        lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
        if lemmas & self.terms.government_words:
            return False
        # "planemaker Embraer", "shipbuilder Hanwha Ocean": the word for a firm before its name
        nouns = self.terms.non_state_nouns
        described = any(t.dep_ in ("compound", "nmod") and t.lemma_.lower() in nouns for t in words)
        return token.lemma_.lower() in nouns or described or bool(lemmas & self.terms.company_words)

    def _signs(self, verb: Token, head: Token) -> bool:
        """Whether `verb` signs the instrument `head` names: "signed", "inked", "sealed",
        "adopted"; "issued" a joint statement; "exchanged the documents" of an MoU."""
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB":
            return False
        if lemma in self.terms.sign_verbs:
            return True
        if lemma in self.terms.issue_verbs:
            return head.lower_ in self.terms.statement_heads
        if lemma in self.terms.exchange_verbs:
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            return any(o.i == head.i or o.lemma_.lower() in self.terms.signed_documents for o in objects)
        return False

    def _domain(self, name: str) -> str | None:
        for domain, pattern in self.terms.domains:
            if pattern.search(name):
                return domain
        return None

    def _parties(self, doc: Doc, disc: Discourse, span: Span, sent: Span, head: Token,
                 sale: bool = False) -> tuple[tuple[str, ...], bool]:
        """The parties, and whether they are only the report's own (no state of the instrument's own)."""
        named = []
        for s in actor_index(doc).starting_in(span.start, span.end):
            if s.label_ in ("COUNTRY", "DEMONYM"):
                code = entry_of(s)[0]
                if code not in named:
                    named.append(code)
        partners = [c for c in self._partners(doc, disc, span, head) if c not in named]
        named += partners
        if len(named) >= 2:
            return tuple(sorted(named)), False
        acting = set(self._agents(doc, disc, head)) | set(named)
        if len(acting) >= 2:  # "the defence ministers of Cambodia, Laos and Vietnam signed ..."
            # "They agreed to ...": who acts may be only the report's own pair
            return tuple(sorted(acting)), not named and acting == set(disc.dyad)
        agreed = self._agreed_just_before(doc, sent, head) if not named else []
        if len(agreed) >= 2:
            # "Türkiye and a consortium of Britain, Germany, Italy and Spain agreed on the sale of
            # 40 jets. The final agreement is to be inked soon": the states that just agreed
            return tuple(sorted(agreed)), False
        chained = self._chained_states(doc, sent)
        if len(chained) >= 3 and not partners:
            # "the cooperation plan of the countries' defence ministries ... the Vietnam-Laos-Cambodia
            # trust": states joined in one hyphenated name are the group the sentence is about
            return tuple(sorted(set(chained) | acting)), False
        trilateral = self._trilateral(sent)
        if partners and not trilateral:
            # "its treaty with the United States", nobody acting: the report's own state and the partner
            other = next((c for c in disc.ranked if c not in partners), None)
            return tuple(sorted(partners + [other] if other else partners)), False
        if sale and not trilateral:
            # a sale told in passing ("a $100 million deal approved by the US for Taiwan's ...",
            # "domestic contracts") binds the states its sentence names, not the report's pair: a
            # firm's order book is no instrument between the states a report is about
            said = self._states_named(doc, sent) | acting
            return (tuple(sorted(said)) if len(said) >= 2 else ()), False
        parties = set(disc.dyad) | set(named)
        if trilateral:
            from .context import rank_countries
            parties |= set(rank_countries(doc)[:3])
        return tuple(sorted(parties)), not named and parties == set(disc.dyad)

    def _described_name(self, head: Token) -> Span | None:
        """The proper name a generic instrument word describes in apposition, when the name holds
        no instrument word itself: "the Combined Joint Expeditionary Force - a defence pact between
        the two nations", "AUKUS, a security pact" (not "the Treaty of Amity, a pact ...", whose
        name says its kind)."""
        named = head.head
        if head.dep_ != "appos" or named.pos_ != "PROPN" or head.lemma_.lower() not in (
                self.terms.generic_heads | self.terms.vague_heads):
            return None
        start = min([named.i] + [c.left_edge.i for c in named.children if c.dep_ == "compound"])
        name = named.doc[start : named.i + 1]
        if any(s.label_ in ("COUNTRY", "CAPITAL", "CITY", "DEMONYM")
               for i in range(name.start, name.end) for s in actor_index(named.doc).covering(i)):
            return None  # "Hanoi, the deal's venue": a place, a state or a person, no arrangement
        if any(p.search(name.text) for _, p, _ in self.terms.kinds):
            return None
        return name

    def _sale_in_passing(self, head: Token, status: str) -> bool:
        """A sale told of, not signed, and new to the report: "a $100 million deal", "domestic
        contracts" (not "the final contract", the report's own sale; not "sealed a deal")."""
        return head.lemma_.lower() in self.terms.sale_heads and status not in ("signed", "renewed") and not any(
            c.dep_ in ("det", "poss") and c.lower_ in self.terms.definite_words for c in head.children)

    @staticmethod
    def _states_named(doc: Doc, sent: Span) -> set[str]:
        """The states (not bodies of states) the sentence names."""
        return set(_state_codes(doc, sent.start, sent.end, ("COUNTRY", "DEMONYM", "CAPITAL")))

    def _agreed_just_before(self, doc: Doc, sent: Span, head: Token) -> list[str]:
        """For a definite generic word ("the agreement", "the final deal") with no states of its own,
        the states named as who "agreed" in the sentence just before (the subject of "agree")."""
        if head.lemma_.lower() not in self.terms.generic_heads or not any(
                c.dep_ == "det" and c.lower_ in self.terms.definite_words for c in head.children):
            return []
        if sent.start == 0:
            return []
        before = sentences(doc).of(doc[sent.start - 1])
        codes: list[str] = []
        for verb in before:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.terms.settle_verbs:
                continue
            for subj in (c for c in verb.children if c.dep_ == "nsubj"):
                codes += [c for c in _state_codes(doc, subj.left_edge.i, subj.right_edge.i + 1) if c not in codes]
        return codes

    @staticmethod
    def _chained_states(doc: Doc, sent: Span) -> list[str]:
        """The states of the longest run of state names joined by hyphens in the sentence
        ("Vietnam-Laos-Cambodia", "United States-Mexico-Canada")."""
        spans = [s for s in actor_index(doc).starting_in(sent.start, sent.end) if s.label_ == "COUNTRY"]
        best: list[str] = []
        run: list[str] = []
        for i, s in enumerate(spans):
            joined = i and spans[i - 1].end + 1 == s.start and doc[s.start - 1].text in ("-", "–")
            code = entry_of(s)[0]
            run = (run if joined else []) + ([code] if code and code != "IGO" and code not in run else [])
            best = max(best, run, key=len)
        return best

    def _trilateral(self, sent: Span) -> bool:
        """Whether the sentence tells of three states acting together: "a trilateral MoU", "the
        three countries", "the three ministers"; not a count of other things ("three memorandums
        of understanding", "expelled three military attaches", "the three joint communiques")."""
        return any(t.lower_ in self.terms.trilateral_words or (
            t.lower_ in self.terms.three_counts and t.dep_ == "nummod" and t.head.lemma_.lower() in self.terms.group_nouns)
            for t in sent)

    @staticmethod
    def _partners(doc: Doc, disc: Discourse, span: Span, head: Token) -> list[str]:
        """The states a "with" or "between" phrase names as the other side, in the name ("a
        treaty with Washington") or right after it on the verb ("invoked its Mutual Defense
        Treaty with the United States"). "The two countries" are those of the two officials named
        just before, like "the two ministers" (_agents)."""
        codes: list[str] = []
        for prep in _with_preps(head, span):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                refs = disc.resolve(obj)
                if ({t.lower_ for t in disc.phrase(obj)} & BOTH_WORDS or obj.lower_ in GROUP_PRONOUNS) \
                        and refs == disc.both():
                    # "X and Y witnessed the signing of a deal between the two countries": their states;
                    # "Iran and Saudi Arabia agreed ... to activate the agreement between them": those two
                    refs = _pair_just_named(doc, disc, obj) or _states_just_named(doc, disc, obj) or refs
                for ref in refs:
                    if ref.country and ref.country != "IGO" and ref.country not in codes:
                        codes.append(ref.country)
        return codes

    @staticmethod
    def _agents(doc: Doc, disc: Discourse, head: Token) -> list[str]:
        """The states of who acts on the instrument: the subject (or passive agent) of the
        nearest verb that governs it. "The two ministers" right after "Giang also met
        Chansamone" are those two, whatever the report's main pair."""
        codes: list[str] = []
        for subj in _agent_heads(head):
            phrase = {t.lower_ for t in disc.phrase(subj)}
            refs = disc.resolve(subj)
            if phrase & BOTH_WORDS and refs == disc.both():
                refs = _pair_just_named(doc, disc, subj) or refs
            for r in refs:
                if r.country and r.country != "IGO" and r.country not in codes:
                    codes.append(r.country)
        return codes

    def _signing(self, doc: Doc, disc: Discourse, cand: AgreementCandidate, verb: Token) -> None:
        date = None
        for ev in doc._.events or ():
            if ev.cameo in self.terms.signing_codes and ev.sent == cand.sent:
                date = ev.date
        if date is None:  # "welcomed the signing of X on Tuesday": the day on the verb
            date = next((d.value for d in dates_in(doc, cand.sent.start_char, cand.sent.end_char)
                         if d.granularity == "day" and d.kind == "point" and _dates_verb(doc, d, verb)), None)
        if date is None:
            date = doc._.anchor_date
        cand.signed_on = date
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:  # "was signed by Defence Minister Richard Marles and ..."
            subj = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        refs = disc.resolve(subj) if subj is not None else []
        ids = [r.person for r in refs if r.person]
        if not ids and refs and len(refs) >= 2:  # "the two ministers signed": one official per side
            for code in (r.country for r in refs):
                p = next((p for p in disc.persons if p.country == code), None)
                if p:
                    ids.append(p.id)
        if verb.lemma_.lower() in self.terms.attest_verbs:
            cand.witnesses = ids  # "witnessed the signing", "welcomed the signing"
        else:
            cand.signatories = ids

    def _fold_back_references(self, found: list[AgreementCandidate]) -> list[AgreementCandidate]:
        """A bare "the agreement" (or "the deal", "both agreements") after an instrument of the
        same parties names that instrument, whatever its kind ("signed the minutes ... The
        agreement calls for joint patrols"): what it says goes to the instrument, and it is no
        second document. After no instrument but a verb "agreed", it names what was agreed."""
        out: list[AgreementCandidate] = []
        for cand in found:
            if cand.back_reference:
                fits = [c for c in out if cand.kind == c.kind or cand.span.root.lemma_.lower() in self.terms.generic_heads]
                earlier = [c for c in fits if not cand.parties or set(cand.parties) <= set(c.parties)]
                if not earlier and fits and _close_after(fits[-1], cand):
                    # "... the signing of an MoU with Panama. The deal was inked after the meeting":
                    # a bare word names the instrument just told of; the parties it was given are
                    # only the report's pair (no state is named in "the deal")
                    earlier = fits[-1:]
                if not fits and cand.parties:
                    # "the reciprocal access pact ... have been negotiating the treaty": "the" tells
                    # it was named before, and no treaty was, so it is the instrument of its parties
                    earlier = [c for c in out if set(c.parties) == set(cand.parties)][-1:]
                if earlier:
                    for old in earlier if cand.plural else earlier[-1:]:
                        _absorb(old, cand)
                    continue
                if cand.status == "mentioned" and cand.span.root.lemma_.lower() in self.terms.consensus_heads \
                        and self.agreed.search(doc_text(cand.span.doc), 0, cand.span.start_char):
                    continue  # "Japan and Vietnam agreed to boost ties. The agreement came during talks ..."
            out.append(cand)
        return out

    def _headline_word(self, head: Token) -> bool:
        """A generic word for an instrument with no determiner, as a headline writes it: "Türkiye,
        Qatar sign deal on defense cooperation", "Rafale pact concluded"."""
        return head.lemma_.lower() in self.terms.generic_heads and head.tag_ == "NN" and not any(
            c.dep_ in ("det", "poss", "nummod") for c in head.children)

    @staticmethod
    def _fold_headline(found: list[AgreementCandidate]) -> list[AgreementCandidate]:
        """A headline's instrument named by a generic word is the one the body tells of the same
        parties ("Türkiye, Qatar sign deal on defense cooperation" ... "Türkiye and Qatar signed a
        memorandum of understanding on defense industry cooperation"): it goes to that one."""
        out = []
        for n, cand in enumerate(found):
            body = next((c for c in found[n + 1:] if not c.headline and set(c.parties) == set(cand.parties)), None)
            if cand.headline and body is not None:
                _absorb(body, cand)
                continue
            out.append(cand)
        return out

    @staticmethod
    def _merge(found: list[AgreementCandidate]) -> list[AgreementCandidate]:
        out: dict[tuple, AgreementCandidate] = {}
        for cand in found:
            key = (cand.kind, cand.parties, cand.period_start, cand.period_end)
            old = out.get(key)
            if old is None:
                out[key] = cand
            elif STATUS_RANK.index(cand.status) < STATUS_RANK.index(old.status):
                cand.signed_on = cand.signed_on or old.signed_on
                out[key] = cand
        return _fold_short_names(_fold_same_names(list(out.values())))


def _share_sentence_parties(found: list[AgreementCandidate]) -> list[AgreementCandidate]:
    """An instrument with no state of its own, named in a sentence after one whose parties the
    sentence tells, is between those parties: "agreed to activate the security cooperation
    agreement between them, signed in 2001, and the general agreement for cooperation in the
    field of economy" (the parser may not join the two names)."""
    for n, cand in enumerate(found):
        if not cand.default_parties:
            continue
        told = [c for c in found[:n] if c.sent.start == cand.sent.start and not c.default_parties and c.parties]
        if told:
            cand.parties = told[-1].parties
    return found


def _own_name(cand: AgreementCandidate) -> str:
    """The words that name the instrument up to its head word, without articles and possessives:
    "the Baltic cross-border defence cooperation agreement" and "a Baltic cross-border defence
    cooperation agreement" are one name."""
    head = cand.span.root
    return " ".join(t.lower_ for t in cand.span if t.i <= head.i and t.dep_ not in ("det", "poss", "punct"))


def _fold_same_names(found: list[AgreementCandidate]) -> list[AgreementCandidate]:
    """An instrument named again with the same words, in a sentence that shows fewer of its
    parties ("the ministers of Estonia, Latvia and Lithuania agreed on the X agreement" ... "we
    agreed on the approval of a X agreement", said the Estonian minister), is the same instrument:
    what the later mention says goes to the one with all the parties. A name of one or two words
    ("the agreement", "defence agreement") tells too little to be sure."""
    out: list[AgreementCandidate] = []
    for cand in found:
        name = _own_name(cand)
        fuller = next((c for c in found if c is not cand and c.kind == cand.kind and len(name.split()) > 2
                       and _own_name(c) == name and set(cand.parties) < set(c.parties)
                       and (c.period_start, c.period_end) in ((cand.period_start, cand.period_end), (None, None))), None)
        if fuller is None:
            out.append(cand)
        elif STATUS_RANK.index(cand.status) < STATUS_RANK.index(fuller.status):
            fuller.status = cand.status
    return out


def _fold_short_names(found: list[AgreementCandidate]) -> list[AgreementCandidate]:
    """An instrument called by its head word and some words of a fuller name, signed by the same
    parties on the same day ("signed the defence protocol" ... "signed a protocol of understanding
    on defence cooperation"), is the instrument of the fuller name, and of its kind."""
    from ...link.agreements import name_words  # pure functions (no spaCy), imported when first used

    def words(c: AgreementCandidate) -> set[str]:
        return set(name_words(c.name, countries=c.parties))

    out: list[AgreementCandidate] = []
    for cand in found:
        fuller = next((c for c in found if c is not cand and c.kind != cand.kind and c.parties == cand.parties
                       and c.status == cand.status == "signed" and c.signed_on
                       and c.signed_on == cand.signed_on
                       and c.span.root.lemma_.lower() == cand.span.root.lemma_.lower()
                       and words(cand) < words(c)), None)
        if fuller is None:
            out.append(cand)
        else:
            fuller.signatories = fuller.signatories or cand.signatories
    return out


def _close_after(earlier: AgreementCandidate, later: AgreementCandidate, sentences: int = 2) -> bool:
    """Whether `later` comes at most `sentences` sentences after `earlier`."""
    doc = later.span.doc
    starts = {t.sent.start for t in doc[earlier.span.end : later.span.start]}
    return later.span.start >= earlier.span.end and len(starts) <= sentences


def _absorb(old: AgreementCandidate, later: AgreementCandidate) -> None:
    """What a later mention of the same instrument adds: a status further on ("entered into
    force", "was signed"; and "will not be signed" after a plan to sign it), and a period."""
    rank = STATUS_RANK.index
    if rank(later.status) < rank(old.status) or (later.status == "negotiating" and old.status == "proposed"):
        old.status = later.status
        old.steps.append(f"agreements.back-reference.{later.status}")
        if later.status in ("signed", "renewed"):
            old.signed_on = later.signed_on or old.signed_on
        elif later.status in ("negotiating", "proposed"):
            old.signed_on = None
    if old.status == later.status and old.status in ("signed", "renewed"):
        # "The treaty was signed by Defence Minister Richard Marles and ..."
        old.signatories = old.signatories or later.signatories
        old.witnesses = old.witnesses or later.witnesses
    if old.period_start is None and old.period_end is None:
        old.period_start, old.period_end = later.period_start, later.period_end


@Language.factory("comity_agreements", assigns=["doc._.agreements"],
                  requires=["doc._.events", "doc._.dates", "doc._.dyad"])
def make_agreement_finder(nlp: Language, name: str) -> AgreementFinder:
    return AgreementFinder(nlp, name)
