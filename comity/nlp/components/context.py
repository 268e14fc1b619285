"""comity_context: what the whole report is about, for the rules that need it.

- the dyad: the two states the report is mainly about (people's countries count
  most, then countries, capitals and demonyms named), so that "the two sides" and
  an event with one side named can be completed;
- people's countries where the text gives none (`fill_person_countries`).

A person's country comes first from the text: a nationality word or a state's organisation
in the title ("Vietnamese Defence Minister", "Pentagon Press Secretary", "President of the
UAE"), the user's dictionaries, the bundled leaders list (comity_persons). For a person still
without one, these are tried in order, and the first that gives a country wins:

1. counterpart: "X met his Lao counterpart Y" - Y is from the other side of the dyad;
2. an office only some states have, named in the title ("Foreign Office spokesperson",
   "DFA spokesperson", "Treasury Secretary"; titles.yaml `offices_of_states`, and acronyms
   organisations.yaml flags `ambiguous`): the state among those that ranks highest in the
   report, if the report names any of them (an acronym's own mentions do not count; the
   outlet's home does: "DFA" in an Inquirer report is the Philippine one). It comes before the guesses below because it is
   read from the person's own title (a "Foreign Office" spokesperson in a Bangkok Post report
   on Pakistan is Pakistani, not Thai);
3. a spokesperson whose title names no state speaks for the state or body named first in the
   sentence before, in the same paragraph (none if that body is of no named state) ("China's foreign ministry said ... | "...," spokesperson Lin
   Jian told a briefing"): the body a report quotes is its subject;
3b. an aide whose title names the office he serves and no state ("Special Adviser to the President",
   titles.yaml `finder_words` `aide_prepositions`) serves the state of the first person named in that office;
3c. an officer (a military rank) serves the state of the armed forces (an organisation of sector MIL)
   named last before him in his sentence, else the one before ("The Commanding Officer of RFA Lyme Bay,
   Capt. X"): the unit he commands, not the host;
4. officials listed as the objects of one verb ("met Prime Minister A and National Assembly
   Chairman B") serve one state; not subjects ("A and B held talks") nor "between A and B";
   an official's entourage ("X, accompanied by Foreign Minister A") serves X's state, and the
   partner in talks ("X held talks with Prime Minister B") the other state of the dyad;
5. the outlet's home: an official named with no country in a Bangkok Post, WAM or Kazinform
   report serves that outlet's state, if the report is about that state (it is one of the
   countries the report names), or was filed there and names no more than one other state
   ("DOHA (QNA) -- the Amir received a call from the Prime Minister of Pakistan"). The outlet comes from the sign-off (agencies.yaml) or, when
   the wire layout was not recognised, from an agency the dateline took in ("ASTANA. KAZINFORM -")
   or a marker left in the body's first or last words ("RIYADH, Jan 15, 2024 (SPA) --",
   "— Emirates News Agency (WAM)");
6. the side of the dyad with no named official: in a report about two states whose officials
   are named, one of unknown nationality belongs to the side that has none yet; failing that, one
   holding the office an official of one side holds belongs to the other side; in a report about
   three states whose named officials are the envoys of two, the third, which hosts them;
7. the dateline's country, when it is one of the dyad's two states ("ISLAMABAD —");
7b. the state the person's paragraph names most, when one leads (its officials count most): a
   paragraph about one side ("... Economy Minister X also approved it, according to Buenos Aires media");
8. the state the report is most about (the first of the ranking the dyad is taken from): a report
   names its own officials without their state ("According to Minister of Defence A", "House speaker B");
   not for an envoy, whose report is most often about the state he is posted to;
9. none (a report that names no state).
A wrong guess costs no more than no country, and each step is weaker evidence than the one
before it, so the chain stops at the first answer.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import load_gazetteer
from ..agencies import home_country_in_dateline, home_country_in_text
from ..roles import role_words
from ..triggers import trigger_table
from .actors import actor_index, entry_of
from ..lexicon import titles
from ..sentences import doc_text
from .persons import ambiguous_org_states

COUNTED = {"COUNTRY": 1.0, "DEMONYM": 1.0, "CAPITAL": 0.5, "ORG": 0.5}
SPEAKERS = {"COUNTRY", "DEMONYM", "ORG", "ORG_HEAD", "IGO"}  # what a spokesperson may speak for


def _title_pattern(name: str) -> re.Pattern[str]:
    """Any of the title words roles.yaml lists under `name` (regular expressions), as whole words."""
    return re.compile(r"(?i)\b(?:" + "|".join(role_words()[name]) + r")\b")


SPOKES = _title_pattern("spokesperson_titles")  # "Foreign Ministry Spokesperson"
ENVOY = _title_pattern("envoy_titles")  # "Ambassador", "Chargé d'Affaires"


def counted_spans(doc: Doc) -> list[tuple[Span, str, float]]:
    """(span, its code, its weight) of each actor span that names a state by itself (COUNTED labels; an
    acronym two bodies share, "DND", "RCA", names none); the code may be empty or IGO."""
    return [(span, entry_of(span)[0], COUNTED[span.label_]) for span in actor_index(doc).spans
            if span.label_ in COUNTED and (span.label_ != "ORG" or not ambiguous_org_states(span.text))]


def rank_countries(doc: Doc) -> list[str]:
    weight: Counter[str] = Counter()
    first: dict[str, int] = {}
    for span, code, w in counted_spans(doc):
        if code and code != "IGO":
            weight[code] += w
            first.setdefault(code, span.start)
    for person in doc._.persons or ():
        if person.country:
            weight[person.country] += 3.0
            first.setdefault(person.country, person.mentions[0][0])
    return sorted(weight, key=lambda c: (-weight[c], first[c]))


class ReportContext:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ranked = rank_countries(doc)
        doc._.dyad = tuple(ranked[:2]) if len(ranked) >= 2 else None
        self.fill_person_countries(doc, ranked)
        if doc._.dyad is None:
            ranked = rank_countries(doc)
            doc._.dyad = tuple(ranked[:2]) if len(ranked) >= 2 else None
        return doc

    def fill_person_countries(self, doc: Doc, ranked: list[str]) -> None:
        """Countries for people the text gives none, by the chain in the module docstring."""
        persons = doc._.persons or []
        if not persons:
            return
        by_id = {p.id: p for p in persons}
        dyad = set(doc._.dyad or ())
        # 1. counterparts: "X ... his Lao counterpart Y"
        for p in persons:
            other = by_id.get(p.counterpart_of)
            if other is None:
                continue
            if other.country is None and p.country and len(dyad) == 2 and p.country in dyad:
                other.country, other.country_from = next(iter(dyad - {p.country})), "counterpart"
            if not p.titles and other.titles:
                p.titles = list(other.titles)
        if all(p.country for p in persons):
            return
        # 2. an office only some states have: the one the report is most about (named by more than
        # the ambiguous acronym itself: "DFA" is the Philippine one only in a report that names the Philippines)
        order = {c: k for k, c in enumerate(ranked)}
        home = doc._.home_country
        if home is None:
            article = doc._.article
            home = doc._.home_country = (home_country_in_dateline(getattr(article, "dateline", None))
                                         or home_country_in_text(doc.text))
        named = self._named_states(doc, persons) | ({home} if home else set())
        for p in persons:
            states = [c for c in getattr(p, "office_states", ()) if c in order and c in named]
            if p.country is None and states:
                p.country, p.country_from = min(states, key=order.__getitem__), "office"
        # 3. a spokesperson speaks for the state whose body the sentence before quoted
        for p in persons:
            if p.country is None and any(SPOKES.search(t) for t in p.titles):
                code = self._state_spoken_for(doc, p.mentions[0][0])
                if code:
                    p.country, p.country_from = code, "context"
        # 3b. an aide of an office serves the state of the first person the report names in it
        self._aides(persons)
        # 3c. an officer serves the state whose forces the text names just before him
        self._officers(doc, persons)
        # 4. officials listed together as the objects of one verb or preposition are of one state; an
        # official's entourage serves the official's state, a partner in talks the other side of the dyad
        self._conjoined(doc, persons)
        self._entourage_and_partners(doc, persons, doc._.dyad)
        # 5. the outlet's home state, when the report is about it
        place = doc._.dateline_place or self._dateline_place(doc)
        if home and (home in order or (place and place[1] == home and len(ranked) < 2)):
            # about its state, or filed at home about one other state ("DOHA (QNA) -- the Amir received
            # a call from the Prime Minister of Pakistan")
            for p in persons:
                if p.country is None:
                    p.country, p.country_from = home, "context"
        # 6. a report about two states whose officials are named: an official of unknown
        # nationality belongs to the side that has no named official yet
        if len(dyad) == 2:
            for p in persons:
                if p.country is None:
                    empty = [c for c in doc._.dyad if not any(q.country == c for q in persons)]
                    if len(empty) == 1:
                        p.country, p.country_from = empty[0], "context"
            # and one who holds the office an official of one side holds is of the other side ("Defence
            # Minister Khawaja Asif and Russian Defence Minister Sergei Shoigu")
            for p in persons:
                if p.country is None:
                    sides = {q.country for q in persons if q.country in dyad
                             and {t.casefold() for t in q.titles} & {t.casefold() for t in p.titles}}
                    if len(sides) == 1:
                        p.country, p.country_from = next(iter(dyad - sides)), "context"
        # a report about three states whose officials named are the envoys of two: an official of unknown
        # nationality is of the third, the host ("Deputy Foreign Minister X handed aid to the Lao Ambassador
        # A and the Cambodian Ambassador B" in a report that names Vietnam as often as Laos and Cambodia)
        if len(ranked) >= 3:
            empty = [c for c in ranked[:3] if not any(q.country == c for q in persons)]
            envoys = all(any(ENVOY.search(t) for t in q.titles) for q in persons if q.country in ranked[:3])
            if len(empty) == 1 and envoys:
                for p in persons:
                    if p.country is None:
                        p.country, p.country_from = empty[0], "context"
        # 7. the dateline's state, when it is one of the two the report is about
        if place and place[1] in dyad:
            for p in persons:
                if p.country is None:
                    p.country, p.country_from = place[1], "dateline"
        # 7b. the state the person's paragraph is most about, when it names one more than any other
        counted = None
        for p in persons:
            if p.country is None and not any(ENVOY.search(t) for t in p.titles):
                counted = counted if counted is not None else counted_spans(doc)
                code = self._paragraph_state(doc, persons, p.mentions[0][0], counted)
                if code and code not in ranked[:1]:  # the report's first state is step 8's answer
                    p.country, p.country_from = code, "context"
        # 8. the state the report is most about: an official named with no state is most often its own
        # ("According to Minister of Defence A" in a ministry's release, "Foreign Ministry Spokesperson B")
        # an envoy is not: the state a report about an embassy's work names most is the one he is posted to
        if ranked:
            for p in persons:
                if p.country is None and not any(ENVOY.search(t) for t in p.titles):
                    p.country, p.country_from = ranked[0], "report"

    @staticmethod
    def _officers(doc: Doc, persons: list) -> None:
        """"The Commanding Officer of RFA Lyme Bay, Capt. James Wingrove", "The US Navy destroyer USS Rafael
        Peralta docked ... | The ship, ... led by its commanding officer, Commander Robert Chen": an officer
        (a military rank) the text gives no state serves the state of the armed forces (an organisation of
        sector MIL) it names last before him, in his sentence or else the one before: the unit he commands
        or serves in, not the host whose side has no other named official."""
        spans = actor_index(doc)
        for p in persons:
            if p.country is not None or not p.rank:
                continue
            sent = doc[p.mentions[0][0]].sent
            before = doc[sent.start - 1].sent if sent.start > 0 else None
            for start, end in ((sent.start, p.mentions[0][0]), (before.start, before.end) if before else (0, 0)):
                forces = [entry_of(span)[0] for span in spans.starting_in(start, end)
                          if span.label_ == "ORG" and entry_of(span)[1] == "MIL" and entry_of(span)[0] not in ("", "IGO")]
                if forces:
                    p.country, p.country_from = forces[-1], "context"
                    break

    @staticmethod
    def _paragraph_state(doc: Doc, persons: list, token: int, counted: list) -> str | None:
        """"The final contract will be signed in Copenhagen when Petri travels to the European country. Economy
        Minister Luis Toto Caputo was also reported to have greenlighted the expenditure, according to Buenos
        Aires media.": the state the paragraph names most (its officials count most, as in the report's
        ranking) is the side it is about, in a report that names another state more."""
        text, at = doc_text(doc), doc[token].idx  # the doc's text joined once, not on each `doc.text`
        begin = max(text.rfind("\n\n", 0, at), 0)
        end = text.find("\n\n", at)
        end = len(text) if end < 0 else end
        weight: Counter[str] = Counter()
        for span, code, w in counted:  # counted_spans(doc)
            if begin <= span.start_char < end and code and code != "IGO":
                weight[code] += w
        for q in persons:
            if q.country:
                weight[q.country] += 3.0 * sum(begin <= doc[s].idx < end for s, _ in q.mentions)
        ranked = weight.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None

    @staticmethod
    def _aides(persons: list) -> None:
        """"President Muhammadu Buhari spoke to President Donald Trump ... The Special Adviser to the
        President on Media and Publicity, Mr. Femi Adesina": an aide whose title names the office he serves
        (titles.yaml `aide_prepositions`) and no state serves the state of the first person named in that
        office; the report speaks of its own leader first."""
        preps = {w.casefold() for w in titles().finder["aide_prepositions"]}
        holders = sorted((p.mentions[0][0], t.casefold(), p.country) for p in persons if p.country for t in p.titles)
        for p in persons:
            if p.country is not None:
                continue
            for title in p.titles:
                words = title.casefold().split()
                served = [" ".join(words[k + 1:]) for k, w in enumerate(words) if w in preps]
                # the office served, with or without the word before it ("to the President", "to President")
                served += [s.split(" ", 1)[1] for s in served if " " in s]
                owner = next((c for _, t, c in holders for s in served if s == t or s.startswith(t + " ")), None)
                if owner:
                    p.country, p.country_from = owner, "context"
                    break

    @staticmethod
    def _dateline_place(doc: Doc) -> tuple[str, str] | None:
        """The place of a dateline that took an agency in ("ASTANA. KAZINFORM"): its first part."""
        dateline = getattr(doc._.article, "dateline", None)
        if not dateline or not re.search(r"[.,/(]", dateline):
            return None
        for entry in load_gazetteer().lookup(re.split(r"[.,/(]", dateline)[0].strip()):
            if entry.kind in ("CAPITAL", "CITY", "COUNTRY"):
                return entry.canonical, entry.code
        return None

    @staticmethod
    def _named_states(doc: Doc, persons: list) -> set[str]:
        """States the report names by a name, demonym, capital or an organisation of theirs alone, or
        whose officials it names."""
        return {p.country for p in persons if p.country} | {code for _, code, _ in counted_spans(doc)}

    @staticmethod
    def _conjoined(doc: Doc, persons: list) -> None:
        """"met Prime Minister Pham Minh Chinh and National Assembly Chairman Vuong Dinh Hue": the
        second is of the first's state, and so on down a list. Only objects: subjects joined by "and"
        are often the two sides ("Blinken and Wang Yi held talks"), and so are the objects of
        "between"."""
        owner = {i: p for p in persons for s, e in p.mentions for i in range(s, e)}
        for _ in range(3):  # a list of three or four is filled in as many rounds
            changed = False
            for p in persons:
                if p.country is not None:
                    continue
                for s, e in p.mentions:
                    head = next((t for t in doc[s:e] if t.dep_ == "conj"), None)
                    if head is None:
                        continue
                    first = head.head
                    while first.dep_ == "conj":
                        first = first.head
                    if first.dep_ not in ("dobj", "pobj") or first.head.lower_ in role_words().sides_preps:
                        continue
                    other = owner.get(head.head.i)
                    if other is not None and other is not p and other.country:
                        p.country, p.country_from = other.country, "context"
                        changed = True
                        break
                else:
                    changed = ReportContext._from_next_in_list(doc, p, owner) or changed
            if not changed:
                return

    @staticmethod
    def _from_next_in_list(doc: Doc, p, owner: dict) -> bool:
        """The first object of a list takes the state of the one after it when the text gives that one's
        and not its own ("condolences to Prime Minister A and Minister B" with B known as Malaysian)."""
        nationality = {i for span in actor_index(doc).spans if span.label_ in ("COUNTRY", "DEMONYM")
                       for i in range(span.start, span.end)}
        for s, e in p.mentions:
            root = doc[s:e].root
            if root.dep_ not in ("dobj", "pobj") or root.head.lower_ in role_words().sides_preps:
                continue
            nxt = next((t for t in root.children if t.dep_ == "conj"), None)
            other = owner.get(nxt.i) if nxt is not None else None
            if nxt is not None and any(t.i in nationality for t in doc[nxt.left_edge.i:nxt.i]):
                continue  # "Defence Minister A and Russian Defence Minister B": the state word sets B apart
            if other is not None and other is not p and other.country:
                p.country, p.country_from = other.country, "context"
                return True
        return False

    @staticmethod
    def _entourage_and_partners(doc: Doc, persons: list, dyad: tuple[str, str] | None) -> None:
        """"Trudeau, accompanied by Foreign Affairs Minister A, Defence Minister B ...": A and B serve
        Trudeau's state; "Shoigu held talks with Prime Minister C", "In talks with Foreign Minister D,
        Secretary Clinton ...": C and D are of the other state of the report's two. Read off the parse,
        for people the steps before left without a country."""
        owner = {i: p for p in persons for s, e in p.mentions for i in range(s, e)}
        words, table = role_words(), trigger_table()
        for p in persons:
            if p.country is not None:
                continue
            for s, e in p.mentions:
                first = _list_head(doc[s:e].root)
                if first.dep_ != "pobj":
                    continue
                prep, governor = first.head, first.head.head
                # "accompanied by A" (event_triggers.yaml agent_preps), "talks with C" (met_preps)
                if prep.lower_ in table.agent_preps and governor.lemma_ in words.entourage_verbs:
                    other = owner.get(_accompanied(governor).i)
                    if other is not None and other is not p and other.country:
                        p.country, p.country_from = other.country, "context"
                        break
                elif prep.lower_ in table.met_preps and governor.lemma_ in words.talks_words and dyad:
                    other = next((owner[t.i] for t in _subjects_of(governor) if t.i in owner), None)
                    if other is not None and other is not p and other.country in dyad:
                        p.country = next(c for c in dyad if c != other.country)
                        p.country_from = "context"
                        break

    @staticmethod
    def _state_spoken_for(doc: Doc, token: int) -> str | None:
        """The state named first in the sentence before the one at `token`, in the same paragraph:
        "China's foreign ministry said ... | "...," spokesperson Lin Jian told a briefing." """
        sent = doc[token].sent
        if sent.start == 0:
            return None
        before = doc[sent.start - 1].sent
        if "\n" in doc_text(doc)[before.end_char:sent.start_char]:
            return None  # a new paragraph
        named = sorted((span.start, span.end, entry_of(span)[0])
                       for span in actor_index(doc).starting_in(before.start, before.end) if span.label_ in SPEAKERS)
        if not named:
            return None
        _, end, code = named[0]
        if not code and len(named) > 1 and doc[end].lower_ == "of" and named[1][0] == end + 1:
            code = named[1][2]  # "the Ministry of Foreign Affairs of China"
        # "The Department of Foreign Affairs summoned a Chinese diplomat": a body of no named state
        # speaks first, and the state named after it is not the one it speaks for
        return code if code and code != "IGO" else None


def _list_head(token):
    """The first item of the list `token` stands in ("A, B and C": A), or the token itself; the parser
    hangs some lists of titled names as appositions or compounds of the next ("Minister A and Minister B")."""
    for _ in range(6):
        if token.dep_ not in ("conj", "appos", "compound") or token.head is token:
            break
        token = token.head
    return token


def _accompanied(verb):
    """Who is accompanied: "Trudeau, accompanied by ..." (the noun the participle hangs on), "Hollande,
    who is accompanied by ..." (the noun the clause hangs on), "Hollande is accompanied by ..." (the subject)."""
    if verb.dep_ in ("acl", "relcl"):
        return verb.head
    return next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), verb)


def _subjects_of(word):
    """The subjects of the clause a talks word stands in: "Shoigu held talks with ...", "In talks with ...,
    Clinton discussed ...", "Shoigu met with ..."."""
    token = word
    for _ in range(4):
        subjects = [t for t in token.children if t.dep_ in ("nsubj", "nsubjpass")]
        if subjects or token.head is token:
            return subjects
        token = token.head
    return []


@Language.factory("comity_context", assigns=["doc._.dyad"], requires=["doc._.persons", "doc._.dates"])
def make_report_context(nlp: Language, name: str) -> ReportContext:
    return ReportContext(nlp, name)
