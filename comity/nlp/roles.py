"""Who a noun phrase refers to: a person, a state, an organisation, or both sides.

Used by the event, agreement and mechanism rules. Resolution works on the phrase a
head token governs, in order: a named person; "the two sides"-style phrases (both
states of the report's dyad); a state, capital or organisation named in the phrase;
a demonym ("the Lao minister" -> the Lao official if there is one); pronouns and
"the latter"/"the host"/"the visiting minister" from the discourse so far.

The words these rules read are the lists of resources/roles.yaml (`role_words()`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from .components.actors import actor_index, entry_of
from .sentences import doc_text
from .word_lists import CODE_WORDS, PATTERNS, WORD_CODE, WORD_CODES, WORDS, WordLists, read_resource

# the lists of resources/roles.yaml, by kind (see comity/nlp/word_lists.py); the file says what each is for
ROLE_LISTS = {
    "both_words": WORDS, "all_words": WORDS, "group_nouns": WORDS, "group_pronouns": WORDS,
    "origin_nouns": WORDS, "person_pronouns": WORDS, "subject_pronouns": WORDS, "party_nouns": WORDS,
    "local_government": WORDS, "business_words": WORDS, "member_nouns": WORDS, "latter_words": WORDS,
    "former_words": WORDS, "one_official_heads": WORDS, "host_words": WORDS, "guest_words": WORDS,
    "sectors": CODE_WORDS, "short_forms": WORD_CODE, "styled_forms": WORD_CODES,
    # read by components/context.py
    "talks_words": WORDS, "entourage_verbs": WORDS, "sides_preps": WORDS, "spokesperson_titles": PATTERNS,
    "envoy_titles": PATTERNS,
}


@cache
def role_words() -> WordLists:
    """resources/roles.yaml, read and checked (DataError naming the file and line)."""
    return read_resource("roles.yaml", ROLE_LISTS)


@cache
def _origin_preps() -> frozenset[str]:
    from .triggers import trigger_table  # late: the trigger table reads the analysis, which reads no roles

    return trigger_table().origin_preps


_WORDS = role_words()
# the lists the event and agreement rules read too
BOTH_WORDS = _WORDS.both_words
GROUP_NOUNS = _WORDS.group_nouns
GROUP_PRONOUNS = _WORDS.group_pronouns
ORIGIN_NOUNS = _WORDS.origin_nouns
PERSON_PRONOUNS = _WORDS.person_pronouns


# the sectors of actors who act for no state (CAMEO codes): a firm, a former official
NON_STATE = frozenset({"BUS", "ELI"})


@dataclass(frozen=True)
class Ref:
    country: str | None
    sector: str | None = None
    person: str | None = None
    name: str | None = None


class Discourse:
    """What the resolver needs to know about one doc: spans by token, people, the dyad."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.span_at: dict[int, object] = {}
        for span in actor_index(doc).spans:
            for i in range(span.start, span.end):
                self.span_at[i] = span
        self.persons = list(doc._.persons or [])
        self.person_at: dict[int, object] = {}
        for p in self.persons:
            for s, e in p.mentions:
                for i in range(s, e):
                    self.person_at[i] = p
        self.dyad = tuple(doc._.dyad or ())
        from .components.context import rank_countries  # here: context imports nothing of ours
        self.ranked = rank_countries(doc)
        self.last_person = None  # most recent person in a subject, for "he"/"she"
        self.visitor: str | None = None
        self.host: str | None = None
        self.pair: tuple[str, ...] | None = None  # who "the two sides" are now, in a report of 3+ states

    def focus(self, sent) -> None:
        """In a report about three or more states (a minister's round of talks at a summit), "the
        two ministers" are the pair the narrative is at: the officials a sentence names ("At the
        meeting with Koizumi, the two ministers agreed"), with the report's main state when it
        names one other; a sentence that names none keeps the pair before it. States merely
        mentioned ("condemned the North's launch") do not move it."""
        if len(self.ranked) < 3 or not self.dyad:
            return
        named = []
        for p in self.persons:
            if p.country and p.country != "IGO" and p.country not in named and any(
                    sent.start <= s < sent.end for s, _ in p.mentions):
                named.append(p.country)
        main = self._protagonist()
        if len(named) == 2:
            self.pair = tuple(named)
        elif len(named) == 1 and named[0] != main:
            self.pair = (main, named[0])

    def person_ref(self, p) -> Ref:
        return Ref(country=p.country, sector=(p.sector or "GOV") if p.country else None, person=p.id, name=p.name)

    def _protagonist(self) -> str:
        """The state whose round of meetings a report follows: the reporting agency's, else that of
        the official named most often, else the most prominent."""
        home = self.doc._.home_country
        if home in self.ranked:
            return home
        counted = [p for p in self.persons if p.country and p.country != "IGO"]
        if counted:
            return max(counted, key=lambda p: len(p.mentions)).country
        return self.ranked[0]

    def both(self) -> list[Ref]:
        return [Ref(country=c, sector="GOV") for c in (self.pair or self.dyad)]

    def phrase(self, head: Token) -> list[Token]:
        """The noun phrase of `head`, without relative clauses and trailing prepositional phrases
        (their nouns belong to other referents: "the Minister of Laos" is kept, "talks with X" is not)."""
        left = head.left_edge.i
        right = head.i
        # "of" always belongs to the referent ("the Minister of Laos"); "from" (event_triggers.yaml
        # origin_preps) does for people named by a plural or a counterpart ("top diplomats from Chile,
        # Kenya and Peru", "his counterparts from Laos"), where it says whose they are, not where
        # something moved from
        own = _origin_preps() if head.tag_ in ("NNS", "NNPS") or head.lower_ in ORIGIN_NOUNS else ("of",)
        for child in head.rights:
            if child.dep_ in ("appos", "compound", "flat", "nmod") or (child.dep_ == "prep" and child.lower_ in own):
                right = max(right, child.right_edge.i)
        return [self.doc[i] for i in range(left, right + 1)]

    def resolve(self, head: Token | None) -> list[Ref]:
        if head is None:
            return []
        refs = self._resolve_one(head)
        for conj in head.conjuncts:  # "Giang and Khamliang agreed"
            if conj.i > head.i:
                refs += [r for r in self._resolve_one(conj) if r not in refs]
        for title in (c for c in head.children if c.dep_ == "appos"):
            # "A, defence attaché of X, and General B, commander of Y, signed": the parse hangs the
            # second person on the first one's title; only a named person is taken so
            for conj in title.conjuncts:
                if conj.i > head.i and conj.i in self.person_at:
                    refs += [r for r in self._resolve_one(conj) if r not in refs]
        return refs

    def _resolve_one(self, head: Token) -> list[Ref]:
        words = self.phrase(head)
        lower = {t.lower_ for t in words}
        for t in [head] + words:
            if t.i in self.person_at:
                return [self.person_ref(self.person_at[t.i])]
        w = _WORDS
        if head.lemma_.lower() in w.member_nouns and any(
                t.i in self.span_at and entry_of(self.span_at[t.i])[0] == "IGO" for t in words if t.i < head.i):
            return []  # "ASEAN members", "other NATO member states": some states, not the organisation
        # a firm's noun ("Morocco's banking industry"; not "firm opposition"), not a word of a name the
        # gazetteer knows ("the West Bank city of Nablus")
        if {t.lower_ for t in words if t.pos_ in ("NOUN", "PROPN") and t.i not in self.span_at} & w.business_words:
            code = self._nationality_in(words)
            return [Ref(country=code, sector="BUS")]  # a firm: coded as no state's act (events skip it)
        for t in [head] + words:  # "the North's launches" in a report on the two Koreas
            code = w.short_forms.get(t.text)
            if code and t.i > 0 and self.doc[t.i - 1].lower_ == "the" and code in self.ranked:
                return [Ref(country=code, sector="GOV")]
            styled = w.styled_forms.get(t.text)
            if styled and t.i > 0 and self.doc[t.i - 1].lower_ == "the" and t.i not in self.span_at:
                code = next((c for c in self.ranked if c in styled), None)  # the report's main one
                if code:
                    return [Ref(country=code, sector="GOV")]
        if lower & w.all_words and (lower & w.group_nouns or head.lower_ in w.all_words) and len(self.ranked) >= 3:
            # "called on all sides to show restraint": the states, not an organisation an official of it names
            return [Ref(country=c, sector="GOV") for c in [c for c in self.ranked if c != "IGO"][:3]]
        if ((lower & w.both_words and (lower & w.group_nouns or head.lower_ in w.both_words))
                or head.lower_ in w.group_pronouns):  # "the two sides", "both", "the two signed"
            return self.both()
        back = w.latter_words | w.former_words
        # "the latter", "the former's proposal" point back; "Nepal's former Prime Minister" is an
        # adjective of a title, no pointer
        pointing = {t.lower_ for t in words if t.dep_ != "amod" or t.i == head.i}
        if head.lower_ in back or pointing & back:
            return self._latter_former(head, bool(pointing & w.latter_words))
        if any(t.lower_ in w.former_words and t.i not in self.span_at and t.head.i not in self.span_at
               and (t.head.i == head.i or t.head.head.i == head.i and t.head.dep_ == "compound") for t in words):
            # "Nepal's former Prime Minister called": an official no more, CAMEO's elite (ELI), acts for
            # no state (not "the former Yugoslav Republic", a state's name; nor "supporters of former
            # President X", whose head is the supporters)
            code = self._nationality_in(words)
            return [Ref(country=code, sector="ELI")]
        if head.tag_ in ("NNS", "NNPS") or lower & w.group_nouns:
            # "the defence ministers of Cambodia, Laos and Vietnam": every state named
            named = []
            for t in words:
                span = self.span_at.get(t.i)
                if span is not None and span.label_ in ("COUNTRY", "DEMONYM"):
                    code = entry_of(span)[0]
                    if code and code not in named:
                        named.append(code)
            if len(named) >= 2:
                return [Ref(country=c, sector=w.sectors.get(head.lower_, "GOV")) for c in named]
        for t in [head] + words:
            span = self.span_at.get(t.i)
            if span is not None and span.label_ in ("COUNTRY", "CAPITAL", "ORG", "IGO", "ORG_HEAD", "CITY"):
                code, sector, canonical = entry_of(span)
                if span.label_ == "CITY" and not lower & w.local_government or not code:
                    continue  # a city is where things happen, not who acts; a bare "border guard" is nobody's
                name = canonical if code == "IGO" else None
                return [Ref(country=code, sector=sector or "GOV", name=name)]
        for t in words:
            span = self.span_at.get(t.i)
            if span is not None and span.label_ == "DEMONYM":
                code = entry_of(span)[0]
                same = [p for p in self.persons if p.country == code]
                if head.lower_ in w.one_official_heads and len(same) == 1:
                    return [self.person_ref(same[0])]
                return [Ref(country=code, sector=w.sectors.get(head.lower_, "GOV"))]
        holder = self._title_holder(head, words)
        if holder is not None:  # "the prime minister invited Hagel": the one so titled
            return [self.person_ref(holder)]
        if head.lower_ in w.party_nouns and head.text[:1].isupper() and words[0].lower_ == "the":
            return self._main_figure(head)
        if head.lower_ in w.person_pronouns and self.last_person is not None:
            return [self.person_ref(self.last_person)]
        if head.lower_ in w.subject_pronouns and head.dep_ in ("nsubj", "nsubjpass"):
            # no person has acted yet: "he" is the last official the text has named with a state
            named = [(s, p) for p in self.persons if p.country for s, _ in p.mentions if s < head.i]
            if named:
                s, p = max(named, key=lambda sp: sp[0])
                if self._same_thread(s, head.i):
                    return [self.person_ref(p)]
        if lower & w.host_words and self.host:
            return [Ref(country=self.host, sector="GOV")]
        if lower & w.guest_words and self.visitor:
            return [Ref(country=self.visitor, sector="GOV")]
        return []

    def _nationality_in(self, words: list[Token]) -> str | None:
        """The state a phrase's first state or nationality word names ("Morocco's banking industry")."""
        return next((entry_of(self.span_at[t.i])[0] for t in words if t.i in self.span_at
                     and self.span_at[t.i].label_ in ("COUNTRY", "DEMONYM")), None)

    def _title_holder(self, head: Token, words: list[Token]):
        """"The prime minister invited Hagel": a definite phrase that is, word for word, the title of
        exactly one official with a state the report names is that official."""
        if len(words) < 2 or words[0].lower_ != "the" or head.pos_ not in ("NOUN", "PROPN") \
                or any(t.i in self.span_at for t in words):
            return None
        said = " ".join(t.lower_ for t in words[1:])
        holders = [p for p in self.persons if p.country and any(t.lower() == said for t in p.titles)]
        return holders[0] if len(holders) == 1 else None

    def _same_thread(self, start: int, end: int) -> bool:
        """Whether "he" at `end` may still mean the person named at `start`: in the same paragraph, or,
        when "he" opens a later paragraph (nothing before it there to point to), when the paragraphs
        between show the narrative still on that person: one at least goes on about them ("...," he
        told the officers) and the others are headings (a line with no closing punctuation). A "he"
        opening the very next paragraph has no such sign and stays unresolved."""
        text = doc_text(self.doc)[self.doc[start].idx:self.doc[end].idx]
        if "\n" not in text:
            return True
        lines = text.split("\n")
        if lines[-1].strip():
            return False  # "he" inside a paragraph that named no one: the old paragraph's person is not it
        paragraphs = [line for line in lines[1:-1] if line.strip()]
        pronouns = _WORDS.subject_pronouns
        going_on = False
        for line in paragraphs:
            if line.rstrip()[-1:].isalnum():
                continue  # a heading
            if not pronouns & {w.strip(".,;:!?\"'“”‘’").lower() for w in line.split()}:
                return False
            going_on = True
        return going_on

    def _main_figure(self, head: Token) -> list[Ref]:
        """The official with a state the text has named most often before `head` (the first so
        named on a tie): whom "the Democrat" of a report means."""
        count = {p.id: sum(1 for s, _ in p.mentions if s < head.i) for p in self.persons if p.country}
        named = [p for p in self.persons if count.get(p.id)]
        if not named:
            return []
        return [self.person_ref(max(named, key=lambda p: count[p.id]))]

    def _latter_former(self, head: Token, latter: bool) -> list[Ref]:
        seen = []
        for i in range(head.sent.start, head.i):
            p = self.person_at.get(i)
            if p is not None and p not in seen:
                seen.append(p)
        if len(seen) >= 2:
            return [self.person_ref(seen[-1] if latter else seen[0])]
        return []

    def note_subject(self, refs: list[Ref]) -> None:
        persons = [r for r in refs if r.person]
        if len(persons) == 1:
            self.last_person = next(p for p in self.persons if p.id == persons[0].person)
