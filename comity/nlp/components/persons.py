"""comity_persons: people, their titles, ranks and countries, one cluster per person.

Rules on top of the small model, because it misses exactly what diplomatic reports
lean on: it tags "Giang" a place, misses names after long titles, and never links
"Minister Giang" to "Phan Văn Giang". So:

1. Name candidates are PERSON entities plus capitalised runs right after a title,
   rank or "counterpart" ("Senior Lieutenant General Khamliang Outhakaysone").
2. Titles are read from the words left of a name ("Vietnamese Minister of National
   Defence General"), from an apposition after it ("Tea Seiha, Deputy Prime
   Minister ... of Cambodia,"; "Ayman Safadi, the Jordanian foreign minister,") and from a title
   before a comma ("The U.S. ambassador to Japan, Rahm Emanuel,"); office words count in lower
   case too. The rank is the rank phrase next to the name; ranks and honorifics match on their
   words, whatever the tokenizer did with "Lt.-Gen." or "Dato' Seri" (PhraseIndex).
3. Candidates cluster longest first; a one-word mention joins the one person whose
   name contains that word. Every remaining lone occurrence of such a word is a
   mention too, whatever the NER said.
4. Only people with a title, rank or role somewhere are kept: comity records
   officials, not every name in a report (athletes, coaches).
Royal styles ("His Highness", "HRH") are honorifics; "Sheikh", "Sayyid" (titles.yaml `styles`) are
too, unless a known name begins with them ("Sheikh Hasina"). Long lineages stay whole ("Mohammed bin
Salman bin Abdulaziz Al Saud": particles and hyphenated parts do not count toward the name's length).
An acronym the report defines for a state's body ("the Vietnam Coast Guard (VCG)") is that state's in
a title ("VCG Commander X"); an organisation's name that two states share ("AFP", "DFA"; flagged
`ambiguous` in organisations.yaml) gives no country here but the states it may be of, and a title
naming an office only some states have ("Foreign Office", titles.yaml `offices_of_states`) gives
those states: `comity_context` picks the one the report is about.
The country comes from the title, a "his Lao counterpart" phrase, or, failing those, the
fallback chain of `comity_context` (see its module docstring).
A person whose full name is in the bundled leaders list (resources/leaders.yaml) and who held
one of its offices on the report's date takes that office's country over all of these; the
name alone makes a person only in a report that records officials found by rule 4 ("Justin
Trudeau will visit Latvia" beside "Defence Minister Harjit Sajjan"), never in one that records none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from ..dictionaries.leaders import PERSON_LEADER
from ..gazetteer import fold, load_gazetteer
from ..lexicon import TitleLexicon, titles
from ..sentences import sentences
from ...source_yaml import load_source
from .actors import actor_index, entry_of

PLACE_OR_ORG = {"COUNTRY", "CAPITAL", "CITY", "ORG", "IGO", "ORG_HEAD", "PLACE"}
NATIONALITY = {"COUNTRY", "DEMONYM"}
NICKNAME_QUOTES = {'"', "“", "”", "'", "‘", "’"}
_NICKNAME = re.compile(r"\s+[\"“”'‘’][^\"“”'‘’]+[\"“”'‘’]\s+")
GLUE = {".", "'", "’", "-"}  # pieces the tokenizer splits off "Lt. Gen.", "Dato' Seri", "Secretary-General"
DETERMINERS = {"the", "a", "an"}
NOT_NAME_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
# The finder's word lists are data (titles.yaml `finder_words`, where each is explained)
_WORDS = titles().finder
WEAK_HEADS = _WORDS["weak_heads"]
CORPORATE = _WORDS["corporate_words"]
COMPANY_OFFICE_WORDS = _WORDS["company_office_words"]
ROYAL_STYLES = _WORDS["royal_styles"]
CASED_ONLY = _WORDS["cased_only"]
GIVEN_NAME_OFFICES = _WORDS["given_name_offices"]
COUNTERPART = _WORDS["counterpart_words"]
POSTED = _WORDS["posted_prepositions"]
HYPHENED = _WORDS["hyphen_connectors"]
NAME_ABBREVIATIONS = _WORDS["name_abbreviations"]
GENERAL_OFFICES = _WORDS["general_offices"]
OFFICE_RANK_WORDS = _WORDS["office_rank_words"]
GIVEN_NAME_RANKS = _WORDS["given_name_ranks"]
APPOSITION_ADVERBS = _WORDS["apposition_adverbs"]
BODY_POSSESSIVES = _WORDS["body_possessives"]
PERSON_POSSESSIVES = _WORDS["person_possessives"]
SHARED_COUNTERPARTS = _WORDS["shared_counterpart_words"]
COUNTERPART_ORIGIN = _WORDS["counterpart_origin_prepositions"]
PLACE_OF_OFFICE = _WORDS["place_of_office_prepositions"]
PLACE_OF_OFFICE_BEFORE_THE = _WORDS["place_of_office_before_the"]
STATIONED = _WORDS["stationed_prepositions"]
NO_LONGER = _WORDS["no_longer_words"]
# the rules a person is kept by (a record's `rule`), each declared with what it reads in titles.yaml `rules`
RULE_TITLE_LEFT, RULE_TITLE_RIGHT, RULE_COUNTERPART, RULE_DICTIONARY, RULE_LEADER = titles().rule_ids(
    "persons.title-left", "persons.title-right", "persons.counterpart", "persons.dictionary",
    "persons.leader-in-office")

APPOSITION_CLOSERS = {",", ".", ";", ")"}
# what may follow the name in "the minister, X," (or "... from the Emir of Qatar, Sheikh X.")
NAME_CLOSERS = {",", ";", ")", "."}
# parts of speech of a word before "Title, X," that may qualify the office, so the title is not
# known to be whole ("Toyota President, X,")
TITLE_QUALIFIERS = {"PROPN", "NOUN", "ADJ", "NUM", "X"}

_PUNCT = re.compile(r"[.'’]")
_EDITORIAL = re.compile(r"[\[\]]")  # an editor's brackets in a name: "[Vladimir] Putin" is "Vladimir Putin"
_SEPARATORS = re.compile(r"[-\s]+")


def _key_words(key: str) -> set[str]:
    """The words of a folded name, without the commas and periods of "Teodoro, Jr." and the quotes of a
    nickname ('Joko "Jokowi" Widodo')"""
    return {w.strip(",.\"“”'‘’") for w in key.split()} - {""}


_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")  # "A.K.": given names written as initials
_GLUED = re.compile(r"(?<=[a-z])[A-Z][a-z]+$")


def _glued_tail(text: str) -> str:
    """The word run onto the end of another in a crawled text, after a lower-case letter: "RutoImage"
    -> "Image" (a caption's "Image:" glued to the name before it); "" for none. "McDonald" gives
    "Donald", which names nothing a name may not hold."""
    m = _GLUED.search(text)
    return m.group(0) if m else ""


@lru_cache(maxsize=100_000)
def _parts(text: str) -> tuple[str, ...]:
    """A token's words for phrase matching: "Lt.-Gen" -> ("Lt", "Gen"), "Dato'" -> ("Dato",)."""
    return tuple(w for w in _SEPARATORS.split(_PUNCT.sub("", text)) if w)


def phrase_words(doc: Doc) -> list[tuple[str, int]]:
    """The doc as (word, token index) for PhraseIndex.spans, computed once for every index; a
    token that is no word ("", i) breaks a phrase, glue tokens are left out."""
    words: list[tuple[str, int]] = []
    for i, text in enumerate(sentences(doc).token_texts):
        if text in GLUE:
            continue
        parts = _parts(text) if text[:1].isalpha() else ()
        if not parts:
            words.append(("", i))
        else:
            words.extend((w, i) for w in parts)
    return words


def _title_case_lines(doc: Doc, min_words: int = 3) -> set[int]:
    """Token indices of the lines written in Title Case, headlines and captions ("Mohammed Al Bowardi,
    French Armed Forces Minister Sign Cooperation Document"): every word of four letters or more is
    capitalised there, names or not, so a name's end cannot be seen; in prose a lower-case word
    comes soon."""
    out: set[int] = set()
    line: list[int] = []
    words = 0
    capitalised = True

    def close() -> None:
        if capitalised and words >= min_words:
            out.update(line)

    for token in doc:
        if "\n" in token.text:
            close()
            line, words, capitalised = [], 0, True
            continue
        line.append(token.i)
        if token.is_alpha and len(token.text) >= 4:
            words += 1
            capitalised = capitalised and token.text[0].isupper()
        if "\n" in token.whitespace_:
            close()
            line, words, capitalised = [], 0, True
    close()
    return out


@lru_cache(maxsize=4096)
def ambiguous_org_states(surface: str) -> tuple[str, ...]:
    """The states an organisation's name may denote when the gazetteer flags it ambiguous or gives it to
    bodies of two states ("AFP": PHL and FRA; "DND": PHL, and Canada's too); () for a clear name."""
    entries = load_gazetteer().lookup(surface)
    codes = tuple(dict.fromkeys(e.code for e in entries if e.code and e.code != "IGO"))
    if len(codes) > 1 or any(e.ambiguous for e in entries):
        return codes
    return ()


@lru_cache(maxsize=1)
def _titles_source() -> dict:
    """titles.yaml as read, for the lists the lexicon does not carry (`styles`, `offices_of_states`)."""
    path = resources.files("comity.nlp") / "resources" / "titles.yaml"
    return load_source(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _offices_of_states() -> tuple[re.Pattern[str] | None, dict[str, tuple[str, ...]]]:
    table = _titles_source().get("offices_of_states") or {}
    table = {str(k): tuple(v) for k, v in table.items()}
    if not table:
        return None, {}
    names = sorted(table, key=len, reverse=True)
    # an office in running text may be written in lower case ("Foreign secretary X"); an acronym may not ("FO")
    alternatives = (re.escape(n) if n.isupper() else "(?i:" + re.escape(n) + ")" for n in names)
    table.update({n.casefold(): table[n] for n in names if not n.isupper()})
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])"), table


@lru_cache(maxsize=4096)
def office_states_of(title: str) -> tuple[str, ...]:
    """The states that have the office or organisation a title names, when only some do
    (titles.yaml `offices_of_states`): "Foreign Office (FO) spokesperson" -> (PAK, GBR, DEU)."""
    pattern, table = _offices_of_states()
    if pattern is None:
        return ()
    return tuple(dict.fromkeys(c for m in pattern.finditer(title)
                               for c in table.get(m.group(0)) or table[m.group(0).casefold()]))


class PhraseIndex:
    """Multi-word phrases (ranks, honorifics) matched on words, whatever the tokenizer did with
    their periods, hyphens and apostrophes ("Lt. Gen.", "Lt.-Gen.", "Lt Gen"; "Dato' Seri")."""

    def __init__(self, phrases):
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(_parts(phrase))
            if words:
                self.by_first.setdefault(words[0], []).append(words)
        for options in self.by_first.values():
            options.sort(key=len, reverse=True)

    def spans(self, doc: Doc, words: list[tuple[str, int]] | None = None) -> list[tuple[int, int]]:
        """Non-overlapping matches, longest first from the left, as token spans; glue tokens
        attached to the match ("Gen" + ".") belong to it. `words`: phrase_words(doc), if at hand."""
        if words is None:
            words = phrase_words(doc)
        by_first = self.by_first
        out = []
        k = 0
        while k < len(words):
            options = by_first.get(words[k][0])
            if options is None:
                k += 1
                continue
            hit = None
            for option in options:
                n = len(option)
                if tuple(w for w, _ in words[k:k + n]) == option:
                    hit = n
                    break
            if not hit:
                k += 1
                continue
            start, end = words[k][1], words[k + hit - 1][1] + 1
            if start != words[k - 1][1] if k else True:  # a phrase starts at a token's start
                while end < len(doc) and doc[end].text in GLUE - {"-"} and not doc[end - 1].whitespace_:
                    end += 1
                out.append((start, end))
            k += hit
        return out


class CountryFrom(StrEnum):
    """Where a person's country was read: the provenance comity records as the step
    "persons.country.<value>" and weighs as the person's confidence (to_records). The finder sets
    the first three; comity_context the others, for a person the finder left without one."""

    TITLE = "title"              # a nationality or a state's body in the title ("Lao Defence Minister")
    DICTIONARY = "dictionary"    # the user's dictionary names the person, with an office of a state
    LEADERS = "leaders"          # the bundled leaders list: an office held on the report's date
    COUNTERPART = "counterpart"  # the other side of "his Lao counterpart"
    OFFICE = "office"            # an office only some states have ("Foreign Office")
    CONTEXT = "context"          # the states the report is about
    DATELINE = "dateline"        # the place the report was filed from
    REPORT = "report"            # the state the report names most


@dataclass
class TitleInfo:
    office: str | None = None
    rank: str | None = None
    country: str | None = None
    counterpart: bool = False
    anchored_by_dictionary: bool = False
    sector: str | None = None
    portable: str | None = None  # the office without the words that name its state, for a counterpart
    states: tuple[str, ...] = ()  # the states an ambiguous organisation in the title may be of
    former: bool = False  # the office is no longer held ("former Prime Minister X")

    @property
    def anchored(self) -> bool:
        """Whether the title makes an official: an office still held, a rank, a counterpart, a dictionary's word."""
        return bool((self.office and not self.former) or self.rank or self.counterpart or self.anchored_by_dictionary)


@dataclass
class PersonCluster:
    id: str
    name: str
    start: int  # token offsets of the first full mention
    end: int
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token offsets
    titles: list[str] = field(default_factory=list)
    rank: str | None = None
    country: str | None = None
    country_from: CountryFrom | None = None
    sector: str | None = None  # from a dictionary office (MIL for a border guard commander)
    aliases: list[str] = field(default_factory=list)
    counterpart_of: str | None = None
    anchored: bool = False
    portable: dict[str, str | None] = field(default_factory=dict)  # title -> its counterpart's form
    # the states whose office the title names, when only some states have it ("Foreign Office",
    # "DFA"): comity_context picks the one the report is about for a person with no country
    office_states: list[str] = field(default_factory=list)
    rule: str = ""  # the rule that kept the first mention (RULE_TITLE_LEFT...: titles.yaml `rules`)

    @property
    def key(self) -> str:
        return fold(self.name)

    def add_title(self, info: TitleInfo) -> None:
        if info.office and info.office not in self.titles:
            self.titles.append(info.office)
            self.portable[info.office] = info.portable if not info.anchored_by_dictionary else info.office
        if info.rank and not self.rank:
            self.rank = info.rank
        if info.sector and not self.sector:
            self.sector = info.sector
        self.office_states.extend(c for c in info.states if c not in self.office_states)
        if info.country and not self.country:
            self.country = info.country
            self.country_from = CountryFrom.DICTIONARY if info.anchored_by_dictionary else CountryFrom.TITLE
        self.anchored = self.anchored or info.anchored


class PersonFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.nlp = nlp
        self.lex: TitleLexicon = titles()
        self._rank_index = PhraseIndex(self.lex.ranks)
        styles = tuple(_titles_source().get("styles") or ())
        self._honorific_index = PhraseIndex((*self.lex.honorifics, *styles))  # one pass for both
        self._style_words = {_parts(x)[0] for x in styles if _parts(x)}
        self._lower_office = {w.lower() for w in self.lex.office_words} - CASED_ONLY
        self._lower_heads = {w.lower() for w in self.lex.heads}
        self._people: dict | None = None  # dictionary people by canonical name, loaded on first use
        self._leaders: dict | None = None  # the bundled leaders by canonical name, loaded on first use
        self._headline: set[int] = set()  # tokens of the report's Title Case lines (find)

    def __call__(self, doc: Doc) -> Doc:
        doc._.persons = self.find(doc)
        return doc

    # -- candidates -----------------------------------------------------------------
    def find(self, doc: Doc) -> list[PersonCluster]:
        nationality = {}  # token index -> country code: demonyms, country names ("Singapore's")
        org_country = {}  # token index -> country code of an organisation ("French Armed Forces")
        org_states = {}   # token index -> the states an ambiguous organisation may be of ("DFA", "AFP")
        blocked = set()   # token indices inside places and organisations
        cities = set()    # one-word cities, which may end a name too ("Vuong Dinh Hue")
        town_words = set()  # one-word cities and capitals, which may begin a name after a title ("Kabul Berdiev")
        org_words = set()  # tokens of organisations, of a state or generic ("Embassy", "Foreign Ministry")
        places = set()     # tokens of cities, capitals and other places ("Ruler of Dubai")
        place_country = {}  # token index -> the state of a city, capital or place ("Mayor of Hanoi")
        known: dict[tuple[int, int], tuple[str, str | None, str]] = {}  # dictionary people by token span
        leaders: dict[tuple[int, int], str] = {}  # bundled leaders by token span -> canonical name
        for span in actor_index(doc).spans:
            code = entry_of(span)[0]
            if span.label_ == "PERSON_KNOWN":
                known[(span.start, span.end)] = entry_of(span)
                continue
            if span.label_ == PERSON_LEADER:
                leaders[(span.start, span.end)] = entry_of(span)[2]
                continue
            possessive = span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")
            if code and code != "IGO":
                if span.label_ in NATIONALITY or (span.label_ == "CAPITAL" and possessive):
                    for i in range(span.start, span.end):
                        nationality[i] = code
                elif span.label_ == "ORG":
                    states = ambiguous_org_states(span.text)
                    for i in range(span.start, span.end):
                        # an acronym two states' bodies share ("DND", "AFP"): the report decides (context)
                        org_country[i] = None if states else code
                        if states:
                            org_states[i] = states
            elif code == "IGO" and span.label_ == "IGO":  # "NATO Secretary General", "ASEAN Secretary-General"
                for i in range(span.start, span.end):
                    org_country[i] = code
            if span.label_ in PLACE_OR_ORG:
                blocked.update(range(span.start, span.end))
            if span.label_ in ("ORG", "ORG_HEAD", "IGO"):
                org_words.update(range(span.start, span.end))  # "of the US Embassy" may stand in a title
            elif span.label_ in ("CITY", "CAPITAL", "PLACE"):
                places.update(range(span.start, span.end))
                if code and code != "IGO":
                    place_country.update((i, code) for i in range(span.start, span.end))
            if span.label_ == "CITY" and span.end - span.start == 1:
                cities.add(span.start)
            if span.label_ in ("CITY", "CAPITAL") and span.end - span.start == 1:
                town_words.add(span.start)
        self._defined_acronyms(doc, org_country, nationality, org_words)
        self._cities = cities
        self._town_words = town_words
        self._org_words = org_words
        self._places = places
        self._place_country = place_country
        self._org_country = org_country
        self._org_states = org_states
        self._nationality = nationality
        self._blocked = blocked
        self._ranks = {}  # rank phrase by its end token -> its start
        self._rank_tokens = set()
        words = phrase_words(doc)
        for s, e in self._rank_index.spans(doc, words):
            self._ranks[e] = s
            self._rank_tokens.update(range(s, e))
        # "Sheikh", "Sayyid" (styles): honorifics, unless a known name begins with them ("Sheikh Hasina")
        names_from = {s for s, _ in leaders} | {s for s, _ in known}
        style_words = self._style_words
        self._honorific_tokens = {i for s, e in self._honorific_index.spans(doc, words)
                                  if not (s in names_from and _parts(doc[s].text)[:1] and
                                          _parts(doc[s].text)[0] in style_words)
                                  for i in range(s, e)}
        self._not_name = {i for ent in doc.ents if ent.label_ in NOT_NAME_ENTS for i in range(ent.start, ent.end)}
        candidates = self._candidates(doc, blocked) | set(known) | set(leaders)
        self._headline = _title_case_lines(doc)
        clusters: list[PersonCluster] = []
        counterparts: list[tuple[int, PersonCluster]] = []
        bare_leaders: list[tuple[int, int]] = []  # leaders named with no title, rank or role beside them
        former: list[tuple[int, int, TitleInfo, TitleInfo]] = []  # names with only an office no longer held
        for start, end in sorted(candidates, key=lambda se: (-(se[1] - se[0]), se[0])):
            info = self._title_left(doc, start, nationality, end)
            if not info.anchored:
                info = self._plural_title_shared(doc, start, nationality) or info
            right = self._title_right(doc, end, nationality)
            if info.office and info.country is None:
                info.country = self._possessor_state(doc, start)
            own = self._state_after_name(doc, end)
            if own and (info.country is None or not info.office):
                # "Gen. Tea Banh of Cambodia and Gen. Sukumpol Suwanatat of Thailand": the state after the
                # name is the person's, over one the left words reach back to across "and"
                info.country = own
            cluster = self._attach(doc, clusters, start, end)
            if cluster is None:
                if not (info.anchored or right.anchored or (start, end) in known):
                    if (start, end) not in leaders:
                        self._leader_by_nickname(doc, start, end, leaders)
                    if (start, end) in leaders:
                        bare_leaders.append((start, end))
                    if info.former or right.former:
                        former.append((start, end, info, right))
                    continue
                cluster = PersonCluster(id="", name=_EDITORIAL.sub("", doc[start:end].text), start=start, end=end,
                                        rule=_finding_rule(info, right, (start, end) in known))
                clusters.append(cluster)
            if (start, end) not in cluster.mentions:
                cluster.mentions.append((start, end))
            # an apposition that names the office speaks before words on the left that name none ("King
            # Abdullah II of Jordan and Sheikh X, the emir of Qatar,": "of Jordan and" is no title of X's)
            for title in ((right, info) if right.office and not info.office else (info, right)):
                cluster.add_title(title)
            if (start, end) in known:  # a person the user's dictionary names: an official by definition
                cluster.add_title(self._known_office(doc, known[(start, end)]))
            if info.counterpart:
                counterparts.append((start, cluster))
        for start, end, info, right in former:
            # a former office makes no official ("former Prime Minister X" acts for no state), but one found by
            # another title keeps the mention and the title ("Foreign Secretary X ... X, a former prime minister")
            cluster = self._attach(doc, clusters, start, end)
            if cluster is not None:
                if (start, end) not in cluster.mentions:
                    cluster.mentions.append((start, end))
                for title in ((right, info) if right.office and not info.office else (info, right)):
                    cluster.add_title(title)
        for start, cluster in sorted(counterparts, key=lambda sc: sc[0]):
            # after all clusters: "Y met his Malaysian counterpart Admiral Tan Sri X" links X to Y
            # even when X's longer name was clustered first
            self._note_counterpart(doc, clusters, cluster, start)
        if leaders:
            self._add_leaders_in_office(doc, clusters, bare_leaders, leaders)
            self._leader_offices(doc, clusters, leaders)
        clusters = self._fold_headline_clusters(clusters)
        self._lone_mentions(doc, clusters, blocked)
        for cluster in clusters:
            cluster.mentions.sort()
            # "Minister" (from "Minister Khamliang") says less than "Defence Minister": keep the latter
            cluster.titles = [t for t in cluster.titles if not any(
                o != t and (o.lower().endswith(" " + t.lower()) or o.lower().startswith(t.lower() + " "))
                for o in cluster.titles)]  # and "Ambassador" to "Ambassador to Việt Nam"
            cluster.aliases = sorted({doc[s:e].text for s, e in cluster.mentions} - {cluster.name})
            if cluster.country is None:
                for title in cluster.titles:
                    cluster.office_states.extend(c for c in office_states_of(title) if c not in cluster.office_states)
        headline = self._headline
        if headline:
            # a name read only where every word is capitalised may run into the headline's words ("Minister
            # Sign"): kept where the NER, which reads the whole line, saw a name holding it
            names = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"] + list(known) + list(leaders)
            clusters = [c for c in clusters if not all(
                s in headline and not any(a <= s and e <= b for a, b in names) for s, e in c.mentions)]
        clusters.sort(key=lambda c: c.mentions[0])
        for n, cluster in enumerate(clusters, 1):
            cluster.id = f"p{n}"
        for cluster in clusters:  # ids are final now: resolve the counterpart links
            if isinstance(cluster.counterpart_of, PersonCluster):
                cluster.counterpart_of = cluster.counterpart_of.id
        return [c for c in clusters if c.anchored]

    def _defined_acronyms(self, doc: Doc, org_country: dict, nationality: dict, org_words: set) -> None:
        """An acronym the report defines for a state's body, "the Vietnam Coast Guard (VCG)", "the Lao
        Ministry of Foreign Affairs (MOFA)", is that state's wherever it stands ("VCG Commander X")."""
        defined: dict[str, str | None] = {}
        for span in actor_index(doc).spans:
            if span.label_ not in ("ORG", "ORG_HEAD") or span.end + 2 >= len(doc):
                continue
            if doc[span.end].text != "(" or doc[span.end + 2].text != ")":
                continue
            acronym = doc[span.end + 1].text
            if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 8):
                continue
            code = org_country.get(span.start)
            if span.label_ == "ORG_HEAD":  # "the Lao Ministry ...", "Japan's Defense Ministry"
                k = span.start - 1
                if k >= 0 and doc[k].lower_ in ("'s", "’s"):
                    k -= 1
                code = nationality.get(k)
            if code and acronym not in defined:
                defined[acronym] = code
            elif acronym in defined and defined[acronym] != code:
                defined[acronym] = None  # defined twice, for two states: no one's
        defined = {a: c for a, c in defined.items() if c}
        if not defined:
            return
        texts = sentences(doc).token_texts
        for i in (i for i, t in enumerate(texts) if t in defined):
            if i not in org_country and i not in nationality:
                org_country[i] = defined[texts[i]]
                org_words.add(i)

    def _candidates(self, doc: Doc, blocked: set[int]) -> set[tuple[int, int]]:
        out = set()
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                span = self._trim(doc, ent.start, ent.end, blocked)
                if span:
                    out.add(span)
        texts = sentences(doc).token_texts  # read as strings: a Token per word costs more than the rules
        heads, lower_heads, rank_words = self.lex.heads, self._lower_heads, self.lex.rank_words
        office, lower_office = self.lex.office_words, self._lower_office
        for i, text in enumerate(texts):
            # a name follows a title, a rank, an honorific or "counterpart"
            lower = text.islower()
            if not (text in heads or (lower and text in lower_heads) or text in rank_words
                    or i in self._rank_tokens or i in self._honorific_tokens or text.lower() in COUNTERPART
                    or ((text in office or (lower and text in lower_office) or i in self._nationality)
                        and self._ends_title(doc, i))):
                continue
            token = doc[i]
            if i + 1 < len(doc) and (i + 1 in self._rank_tokens or i + 1 in self._honorific_tokens):
                continue  # the name starts after the rank or honorific that follows
            start = token.i + 1
            if token.lower_ in COUNTERPART:
                start = self._past_counterpart_state(doc, start)  # "my counterpart from Timor Leste, X"
            if start < len(doc) and doc[start].text == "," and token.lower_ in COUNTERPART:
                start += 1  # "his Panamanian counterpart, X, ..."
                if start < len(doc) and (start in self._rank_tokens or start in self._honorific_tokens):
                    continue  # "counterpart, Senior Lieutenant General X": the rank anchors X
            end = self._name_end(doc, start, blocked)
            if end > start:
                out.add((start, end))
        nationality, org_words, n = self._nationality, self._org_words, len(texts)
        for i in [i for i, t in enumerate(texts) if t == ","]:  # commas only, read as strings first
            if i == 0 or i + 1 >= n:
                continue
            prev = texts[i - 1]
            # "The U.S. ambassador to Japan, Rahm Emanuel, ...": a name between commas after a title;
            # an honorific may stand before it ("the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani.")
            if ((prev in office or (prev.islower() and prev in lower_office) or i - 1 in nationality
                 or i - 1 in org_words) and self._ends_title(doc, i - 1)):
                start = i + 1
                # "Political Commander, Brig. Gen. X": the rank's pieces are no name ("Brig", "Col")
                while start < n and (start in self._honorific_tokens or start in self._rank_tokens
                                     or (texts[start] == "." and start - 1 in self._rank_tokens)):
                    start += 1
                end = self._name_end(doc, start, blocked)
                if end > start and end < n and texts[end] in NAME_CLOSERS:
                    out.add((start, end))
            # "... received Than Swe, Minister of Foreign Affairs of Myanmar.": a name before an
            # apposition the NER missed; two name words at least, so "Meanwhile, the minister," is none
            if i > 1 and prev[:1].isupper() and i - 1 not in blocked and self._opens_apposition(texts, i + 1):
                start = self._name_start(doc, i, blocked)
                if (start is not None and self._name_end(doc, start, blocked) == i
                        and self._title_right(doc, i, nationality).office):
                    out.add((start, i))
        for start, end in list(out):
            # "Gen Nakatani": without a period, "Gen" before a single name word is a given name
            if start > 0 and doc[start - 1].text in GIVEN_NAME_RANKS and end - start == 1 and self._name_word(doc[start]):
                out.discard((start, end))
                out.add((start - 1, end))
        return out

    def _opens_apposition(self, texts: list[str], k: int) -> bool:
        """Whether a title may begin at `k`, after "also" and an article (a quick test on strings)."""
        n = len(texts)
        if k < n and texts[k] in APPOSITION_ADVERBS:
            k += 1
        if k < n and texts[k] in DETERMINERS:
            k += 1
        if k >= n:
            return False
        text = texts[k]
        return (text in self.lex.office_words or (text.islower() and text in self._lower_office)
                or k in self._nationality or k in self._org_words)

    def _name_start(self, doc: Doc, end: int, blocked: set[int], limit: int = 6) -> int | None:
        """Start of a name of two name words or more that ends right before `end`, or None."""
        k, words = end, 0
        while k > 0 and words < limit:
            tok = doc[k - 1]
            if k - 1 in blocked:
                break
            if self._name_word(tok):
                words += 1
                k -= 1
            elif tok.text in self.lex.name_particles and k > 1 and self._name_word(doc[k - 2]):
                k -= 1
            elif tok.text == "-" and k > 1 and not tok.whitespace_ and not doc[k - 2].whitespace_:
                k -= 1
            else:
                break
        while k < end and not self._name_word(doc[k]):
            k += 1
        return k if words >= 2 and k < end else None

    def _ends_title(self, doc: Doc, i: int) -> bool:
        """Whether the office word at `i` closes a title with a head in it ("Minister of
        Industry and Trade" + name)."""
        j = i
        while j >= max(0, i - 8) and (self._title_token(doc, j) or j in self._nationality or j in self._org_words
                                      or doc[j].text in self.lex.connectors
                                      or (doc[j].text == "," and j > 0 and self._office_word(doc[j - 1])
                                          and self._office_word(doc[j + 1]))):
            # a comma inside a list of portfolios: "Minister for Political, Legal and Security Affairs"
            if self._is_head(doc[j]):
                return True
            j -= 1
        return False

    def _is_head(self, token) -> bool:
        return token.text in self.lex.heads or (token.text.islower() and token.text in self._lower_heads)

    def _office_word(self, token) -> bool:
        """An office word as written in a title ("Defence Minister") or in running text ("defence minister")."""
        return token.text in self.lex.office_words or (token.text.islower() and token.text in self._lower_office)

    def _title_token(self, doc: Doc, j: int) -> bool:
        """Whether token `j` can stand in a title: an office word, a rank or honorific (with the
        periods, apostrophes and hyphens the tokenizer split off), or the hyphen of "Secretary-General"."""
        tok = doc[j]
        if j in self._rank_tokens or j in self._honorific_tokens or self._office_word(tok):
            return True
        if tok.text in self.lex.rank_words:
            return True
        if tok.lower_ in HYPHENED and 1 < j < len(doc) - 2:  # the "in" of "Commander-in-Chief"
            return (doc[j - 1].text == "-" and doc[j + 1].text == "-" and not doc[j - 2].whitespace_
                    and not doc[j - 1].whitespace_ and not tok.whitespace_ and not doc[j + 1].whitespace_
                    and self._office_word(doc[j - 2]) and self._office_word(doc[j + 2]))
        if tok.text != "-" or not 0 < j < len(doc) - 1 or doc[j - 1].whitespace_ or tok.whitespace_:
            return False
        before, after = doc[j - 1], doc[j + 1]
        return ((self._office_word(before) or (before.lower_ in HYPHENED and j > 1 and doc[j - 2].text == "-"))
                and (self._office_word(after)
                     or (after.lower_ in HYPHENED and j + 2 < len(doc) and doc[j + 2].text == "-")))

    def _name_word(self, token) -> bool:
        text = token.text
        return (text[:1].isupper() and not text.isupper() and token.is_alpha
                and not (text in self.lex.office_words or text in self.lex.rank_words)
                and token.i not in self._honorific_tokens and token.i not in self._not_name
                and text not in self.lex.non_name_words and _glued_tail(text) not in self.lex.non_name_words)

    def _name_end(self, doc: Doc, start: int, blocked: set[int], limit: int = 6) -> int:
        """End of the name that starts at `start`: capitalised words, with hyphenated parts
        ("Won-sik"), particles between them ("Lula da Silva") and a suffix ("Jr.")."""
        i = start
        words = 0  # name words: particles and the parts after a hyphen do not count ("Tamim bin Hamad
        # Al-Thani", "Mishal Al-Ahmad Al-Jaber Al-Sabah" are four and four)
        while i < len(doc) and words < limit:
            tok = doc[i]
            if i == start and _INITIALS.match(tok.text) and i + 1 < len(doc) and self._name_word(doc[i + 1]):
                i += 1  # given names as initials: "A.K. Antony"
                continue
            if (i == start and tok.text in GIVEN_NAME_OFFICES and i > 0 and self._office_word(doc[i - 1])
                    and i + 1 < len(doc) and self._name_word(doc[i + 1])):
                i += 1  # "Chief of the General Staff Sultan Kamaletdinov": a given name after an office
                words += 1
                continue
            if (tok.text == "[" and i + 3 < len(doc) and doc[i + 2].text == "]" and self._name_word(doc[i + 1])
                    and self._name_word(doc[i + 3]) and i + 1 not in blocked):
                i += 3  # an editor's insertion inside a name: "President [Vladimir] Putin"
                words += 1
                continue
            if i == start and self._given_name_of_a_place(doc, i, blocked):
                i += 1  # "Uzbek Defense Minister Kabul Berdiev": a given name that is also a capital's
                words += 1
                continue
            if i in blocked:
                # a one-word city after two name words ends the name: Vietnamese given names are
                # city names too ("Vuong Dinh Hue", "Nguyen Van Vinh"); "Minister X in Hue" has its "in"
                if (words >= 2 and i in self._cities and self._name_word(tok)
                        and not (i + 1 < len(doc) and self._name_word(doc[i + 1]))):
                    i += 1
                break
            if self._name_word(tok):
                i += 1
                words += 1
                if (i == start + 1 and tok.text in NAME_ABBREVIATIONS and i + 1 < len(doc) and doc[i].text == "."
                        and not tok.whitespace_ and self._name_word(doc[i + 1])):
                    i += 1  # "Ma. Teresita Daza"
            elif (tok.text == "-" and i > start and not doc[i - 1].whitespace_ and i + 1 < len(doc)
                  and doc[i + 1].is_alpha and not tok.whitespace_):
                if i + 1 in self._nationality and i == start + 1:
                    return start  # "Anglo-French", "Sino-Russian": a pair of peoples, no name
                i += 2
            elif tok.text in self.lex.name_particles and i > start and self._particles_then_name(doc, i):
                i = self._particles_then_name(doc, i)  # "Lula da Silva", "Juan Ramón de la Fuente"
            elif (tok.text in self.lex.name_particles and i > start and i + 2 < len(doc) and doc[i + 1].text == "-"
                  and not tok.whitespace_ and not doc[i + 1].whitespace_ and self._name_word(doc[i + 2])):
                i += 2  # "Adel al-Jubeir": the particle joined to the name by a hyphen
            elif (i in self._honorific_tokens and words >= 1 and i + 1 < len(doc) and self._name_word(doc[i + 1])
                  and i + 1 not in self._honorific_tokens):
                i += 1  # a father's style inside a Malay name: "Najib Tun Razak", "Hishammuddin Tun Hussein"
            elif (len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "." and i > start
                  and i + 1 < len(doc) and self._name_word(doc[i + 1])):
                i += 1  # a middle initial: "Dinesh K. Tripathi", "Charles Q. Brown Jr."
            elif tok.text in self.lex.name_suffixes and i > start:
                i += 1
                break
            elif (tok.text == "," and words >= 2 and i + 1 < len(doc) and doc[i + 1].text in self.lex.name_suffixes
                  and doc[i + 1].text[:1].isupper() and doc[i + 1].text not in ("II", "III", "IV")):
                i += 2  # "Gilberto C. Teodoro, Jr.": the suffix after a comma
                break
            elif words >= 1 and self._quoted_nickname(doc, i):
                i = self._quoted_nickname(doc, i)  # 'Joko "Jokowi" Widodo': a nickname in quotes
            else:
                break
        return i

    def _quoted_nickname(self, doc: Doc, i: int, limit: int = 2) -> int:
        """Where the name goes on after a nickname in quotes at `i` ('Ferdinand "Bongbong" Marcos'), or 0:
        one or two name words between quotes, and a name word after the closing quote."""
        if doc[i].text not in NICKNAME_QUOTES:
            return 0
        k = i + 1
        while k < len(doc) and k - i <= limit and self._name_word(doc[k]):
            k += 1
        if (k == i + 1 or k + 1 >= len(doc) or doc[k].text not in NICKNAME_QUOTES
                or not self._name_word(doc[k + 1])):
            return 0
        return k + 1

    def _given_name_of_a_place(self, doc: Doc, i: int, blocked: set[int]) -> bool:
        """Whether the one-word city or capital at `i` is a given name: right after an office word and
        before a name word that is no place ("Defense Minister Kabul Berdiev"); "Minister in Hanoi" has its "in"."""
        return (i in self._town_words and i > 0 and self._office_word(doc[i - 1]) and i + 1 < len(doc)
                and i + 1 not in blocked and self._name_word(doc[i + 1]) and doc[i].text[:1].isupper())

    def _particles_then_name(self, doc: Doc, i: int, limit: int = 3) -> int:
        """Where the name word after a run of particles starting at `i` stands ("de la Fuente", "van der
        Berg"), or 0 when none follows."""
        k = i
        while k < len(doc) and k - i < limit and doc[k].text in self.lex.name_particles:
            k += 1
        return k if k > i and k < len(doc) and self._name_word(doc[k]) else 0

    def _trim(self, doc: Doc, start: int, end: int, blocked: set[int]) -> tuple[int, int] | None:
        """A PERSON entity cut to its name: titles and places at its left edge dropped
        ("Việt Nam Marc Knapper" -> "Marc Knapper"), hyphenated parts the NER cut off added."""
        while start < end and (self._title_token(doc, start) or (not doc[start].is_alpha
                                                                 and not _INITIALS.match(doc[start].text))
                               or start in blocked):
            start += 1
        if start >= end or not (self._name_word(doc[start]) or _INITIALS.match(doc[start].text)):
            return None
        name_end = self._name_end(doc, start, blocked)
        if name_end < end and any(self._name_word(doc[i]) for i in range(name_end, end)):
            return None  # something that is not a name inside the entity: leave it alone
        return (start, name_end) if name_end > start else None

    def _known_office(self, doc: Doc, entry: tuple[str, str | None, str]) -> TitleInfo:
        """Country and office of a dictionary person on the report's date (offices can be dated)."""
        code, _sector, canonical = entry
        info = TitleInfo(country=code or None, anchored_by_dictionary=True)
        person = self._dictionary_people().get(canonical)
        day = doc._.published
        office = person.office_on(day) if person is not None and day is not None else None
        if office is None and person is not None and not any(o.dated for o in person.offices):
            office = person.offices[0] if person.offices else None
        if office is not None:
            info.office = office.title
            info.country = office.country or info.country
            info.sector = office.sector or None
        return info

    def _leader_offices(self, doc: Doc, clusters: list[PersonCluster], leaders: dict[tuple[int, int], str]) -> None:
        """A person named in full as a bundled leader takes the country (and sector) of the leader's
        office on the report's date, over a country read from the title or guessed later from the
        context. Nothing without a report date or outside every office; nothing for a person the
        user's dictionaries place, or whose full name is not the leader's ("Hunter Biden" is not
        "Joe Biden", even if a leader's alias is one of his words)."""
        day = doc._.published
        if day is None:
            return
        people = None
        for cluster in clusters:
            if cluster.country_from == CountryFrom.DICTIONARY:
                continue
            # the full name, or a nickname within it the leader goes by ('Joko "Jokowi" Widodo')
            plain = fold(_NICKNAME.sub(" ", cluster.name))
            names = {leaders[m] for m in cluster.mentions
                     if m in leaders and (fold(doc[m[0]:m[1]].text) == cluster.key
                                          or (plain != cluster.key and fold(leaders[m]) == plain))}
            if len(names) != 1:
                continue
            people = people if people is not None else self._leader_people()
            person = people.get(names.pop())
            office = next((o for o in person.offices if o.dated and o.holds_on(day)), None) if person else None
            if office is None or not office.country:
                continue
            cluster.country, cluster.country_from = office.country, CountryFrom.LEADERS
            cluster.sector = office.sector or cluster.sector
            if not cluster.titles and office.title:
                cluster.titles.append(office.title)

    @staticmethod
    def _leader_by_nickname(doc: Doc, start: int, end: int, leaders: dict[tuple[int, int], str]) -> None:
        """A name with a nickname in quotes is the leader the nickname inside it names, when the name without
        the nickname is the leader's ('Joko "Jokowi" Widodo' with "Jokowi" the alias of Joko Widodo)."""
        text = doc[start:end].text
        plain = fold(_NICKNAME.sub(" ", text))
        if plain == fold(text):
            return
        for (s, e), canonical in list(leaders.items()):
            if start <= s and e <= end and (s, e) != (start, end) and fold(canonical) == plain:
                leaders[(start, end)] = canonical
                return

    def _add_leaders_in_office(self, doc: Doc, clusters: list[PersonCluster], spans: list[tuple[int, int]],
                               leaders: dict[tuple[int, int], str]) -> None:
        """A leader named in full who held an office on the report's date acts for a state, title or
        not ("Justin Trudeau will visit Latvia"): a person, in a report that records officials at all
        (one found by a title, rank or role already). A report with none, a sports report naming a
        president in passing, stays without persons, and so the fast path, which opens no door for a
        leader's name, keeps giving the same records."""
        day = doc._.published
        if not clusters or day is None:
            return
        people = self._leader_people()
        # longest first: a nickname joins the full name it stands in
        for start, end in sorted(spans, key=lambda se: (se[0] - se[1], se[0])):
            person = people.get(leaders[(start, end)])
            if person is None or not any(o.dated and o.holds_on(day) for o in person.offices):
                continue
            cluster = self._attach(doc, clusters, start, end)
            if cluster is None:
                cluster = PersonCluster(id="", name=doc[start:end].text, start=start, end=end, anchored=True,
                                        rule=RULE_LEADER)
                clusters.append(cluster)
            if (start, end) not in cluster.mentions:
                cluster.mentions.append((start, end))

    def _leader_people(self) -> dict:
        if self._leaders is None:
            path = self.nlp.meta.get("comity_leaders")
            if path:
                from ..dictionaries.leaders import load_leaders

                self._leaders = {p.name: p for p in load_leaders().people()}
            else:
                self._leaders = {}
        return self._leaders

    def _dictionary_people(self) -> dict:
        if self._people is None:
            from ..dictionaries import load_dictionary

            self._people = {p.name: p for path in self.nlp.meta.get("comity_dictionaries", [])
                            for p in load_dictionary(path).people()}
        return self._people

    # -- titles -----------------------------------------------------------------------
    def _title_left(self, doc: Doc, start: int, nationality: dict[int, str], end: int | None = None) -> TitleInfo:
        sent_start = doc[start].sent.start
        while sent_start > 0 and (sent_start - 1 in self._rank_tokens or sent_start - 1 in self._honorific_tokens
                                  or (doc[sent_start - 1].text == ")" and sent_start == start)
                                  or self._office_word(doc[sent_start - 1])):
            # the parser ended a sentence at "Lt.-Gen.", or inside "Permanent Secretary (Defence) X"
            sent_start = doc[sent_start - 1].sent.start
        j = start - 1
        comma = None
        while j >= sent_start:
            tok = doc[j]
            if (self._title_token(doc, j) or j in nationality or j in self._org_words
                    or tok.lower_ in COUNTERPART):
                j -= 1
            elif tok.lower_ in ("'s", "’s") and j - 1 >= sent_start and (
                    j - 1 in nationality or j - 1 in self._org_country or self._office_word(doc[j - 1])):
                j -= 1  # "Vietnam's Deputy Minister", "the People's Army"
            elif tok.text in self.lex.connectors and self._title_before(doc, j - 1, sent_start):
                j -= 1  # "Chief of the General Staff"
            elif self._in_counterpart_state(doc, j, sent_start):
                j -= 1  # "my counterpart from Laos, X"
            elif self._posted_in(doc, j) and self._title_before(doc, j - 1, sent_start):
                j -= 1  # "Defence Attaché of the Chinese Embassy in Italy"
            elif (tok.text == ")" and j - 2 >= sent_start and doc[j - 2].text == "("
                  and ((doc[j - 1].text.isupper() and doc[j - 1].is_alpha) or self._office_word(doc[j - 1]))
                  and self._title_before(doc, j - 3, sent_start)):
                j -= 3  # "Indonesian Military (TNI) Commander", "Department of National Defense (DND) Secretary",
                # "Permanent Secretary (Defence)"
            elif (tok.text == ")" and j - 2 >= sent_start and doc[j - 2].text == "("
                  and doc[j - 1].text.isupper() and doc[j - 1].is_alpha
                  and self._named_body_of_a_state(doc, j - 3, sent_start) is not None):
                # "Türkiye's Defense Industry Agency (SSB) head": a body's name in capitals, its acronym
                # in brackets, its state before it
                j = self._named_body_of_a_state(doc, j - 3, sent_start)
            elif tok.text == "," and j - 1 >= sent_start and (
                    doc[j - 1].lower_ in COUNTERPART or doc[j - 1].text in self.lex.office_words):
                j -= 1  # "counterpart, General X"; "Deputy Minister of National Defence, General X"
            elif (tok.text == "," and comma is None and end is not None and end < len(doc)
                  and doc[end].text in NAME_CLOSERS and j - 1 >= sent_start
                  and all(k in self._honorific_tokens or k in self._rank_tokens or doc[k].text in GLUE
                          for k in range(j + 1, start))):
                comma = j  # "The Minister of National Defence of Cambodia, Tea Seiha, ..."; "The UK's
                j -= 1  # Deputy Defence Adviser to Nigeria, Commander X, ..." (the rank is read below)
            elif comma is not None and j == comma - 1 \
                    and (portfolio := self._portfolio_start(doc, j, sent_start)) is not None:
                # "the secretary of defense production, X,": the portfolio the title names, before the comma
                j = portfolio - 1
            else:
                break
        if comma is not None:
            # what stands between the comma and the name, a rank or nothing ("At the ceremony, Senior
            # Colonel X, defence attaché ..."): the title when the words before the comma are none
            after_comma = self._parse_title(doc, comma + 1, start, nationality)
            if j + 1 >= comma:
                return after_comma
            info = self._parse_title(doc, j + 1, comma, nationality)
            if j - 1 >= sent_start and doc[j].text == "," and self._name_word(doc[j - 1]):
                return after_comma  # "A, Commander of the Army, B, Ambassador": the title is A's apposition
            if not info.office or (j >= sent_start and doc[j].pos_ in TITLE_QUALIFIERS):
                # "the ... minister, X,", "At the event, Chinese Ambassador to Laos, X,", "met the
                # minister, X,"; not after a word that may qualify the office ("Toyota President, X")
                return after_comma
            if self._corporate(doc, j, sent_start, info):
                return after_comma
            info.rank = info.rank or after_comma.rank
            return info
        info = self._parse_title(doc, j + 1, start, nationality)
        return info if not self._corporate(doc, j, sent_start, info) else TitleInfo()

    def _portfolio_start(self, doc: Doc, j: int, sent_start: int, limit: int = 4) -> int | None:
        """Where the portfolio ending at `j` starts: a few nouns and adjectives no title list holds, joined by
        a conjunction, after a connector that follows a title ("secretary of defense production", "Special
        Adviser to the President on Media and Publicity"); None when that is not what stands there."""
        k, words, unknown = j, 0, False
        while k >= sent_start and words < limit:
            tok = doc[k]
            if tok.is_alpha and tok.pos_ in ("NOUN", "PROPN", "ADJ") and k not in self._blocked:
                words += 1
                unknown = unknown or not self._title_token(doc, k)
            elif not (tok.pos_ == "CCONJ" and k < j and words):
                break
            k -= 1
        if not unknown or k < sent_start or k == j or doc[k + 1].pos_ == "CCONJ":
            return None
        if doc[k].text not in self.lex.connectors or not self._title_before(doc, k - 1, sent_start):
            return None
        return k + 1

    def _possessor_state(self, doc: Doc, start: int, limit: int = 8) -> str | None:
        """The state of the body whose office "its" names before the name, by the noun a participle
        such as "led" or "headed" modifies ("a delegation of the Thai Navy, headed by its commander,
        Admiral X"; "officers of the Champasak Military Command led by its Chief Commander, Col. X"):
        a state, demonym or organisation of a state in that noun phrase, else a place of one."""
        sent_start = doc[start].sent.start
        for k in range(start - 1, max(sent_start, start - limit) - 1, -1):
            if doc[k].pos_ in ("VERB", "AUX"):
                return None
            if doc[k].lower_ not in BODY_POSSESSIVES or doc[k].dep_ != "poss":
                continue
            verb = doc[k].head
            for _ in range(3):
                if verb.dep_ == "acl" and verb.tag_ == "VBN":
                    break
                verb = verb.head
            else:
                return None
            phrase = [t.i for t in verb.head.subtree if t.i < verb.i]
            for table in ((self._nationality, self._org_country), (self._place_country,)):
                codes = [c for i in reversed(phrase) for c in (t.get(i) for t in table) if c]
                if codes:
                    return codes[0]
            return None
        return None

    def _state_after_name(self, doc: Doc, end: int) -> str | None:
        """The state right after a name, "X of Thailand", "X of the Philippines", or None."""
        k = end
        if k + 1 >= len(doc) or doc[k].lower_ != "of":
            return None
        k += 1
        if doc[k].lower_ == "the" and k + 1 < len(doc):
            k += 1
        return self._nationality.get(k)

    def _plural_title_shared(self, doc: Doc, start: int, nationality: dict[int, str]) -> TitleInfo | None:
        """The title of "their Chilean counterparts A and B" for B: the name before "and" follows a
        plural "counterparts", which stands for both."""
        k = start - 1
        if k >= 0 and doc[k].lower_ == "and":
            k -= 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        if k == start - 1 or k < 0 or not self._name_word(doc[k]):
            return None
        first = self._name_start(doc, k + 1, self._blocked) or k
        while first > 0 and self._name_word(doc[first - 1]):
            first -= 1
        if first == 0 or doc[first - 1].lower_ not in SHARED_COUNTERPARTS:
            return None
        info = self._title_left(doc, first, nationality, k + 1)
        return info if info.counterpart else None

    def _past_counterpart_state(self, doc: Doc, k: int) -> int:
        """Where the name starts after "counterpart" at k - 1: past "from" + a state ("my counterpart
        from Laos"), or `k` itself."""
        if k < len(doc) and doc[k].lower_ in COUNTERPART_ORIGIN and k + 1 in self._nationality:
            k += 1
            while k in self._nationality:
                k += 1
        return k

    def _in_counterpart_state(self, doc: Doc, j: int, sent_start: int) -> bool:
        """Whether token `j` is the "from" or the closing comma of "counterpart from Laos, X"."""
        if doc[j].lower_ in COUNTERPART_ORIGIN:
            return j - 1 >= sent_start and doc[j - 1].lower_ in COUNTERPART and j + 1 in self._nationality
        if doc[j].text != "," or j - 1 not in self._nationality:
            return False
        k = j - 1
        while k >= sent_start and k in self._nationality:
            k -= 1
        return k - 1 >= sent_start and doc[k].lower_ in COUNTERPART_ORIGIN and doc[k - 1].lower_ in COUNTERPART

    def _named_body_of_a_state(self, doc: Doc, k: int, sent_start: int, limit: int = 5) -> int | None:
        """Where the state before a body's name in capitals ending at `k` stands ("Türkiye's Defense Industry
        Agency", "the Turkish Defense Industry Agency"), or None."""
        end = k
        while k >= sent_start and end - k < limit and doc[k].is_alpha and doc[k].text[:1].isupper() \
                and k not in self._nationality:
            k -= 1
        if k == end or k < sent_start:
            return None
        if k in self._nationality:
            return k
        if doc[k].lower_ in ("'s", "’s") and k - 1 in self._nationality:
            return k
        return None

    def _title_before(self, doc: Doc, k: int, sent_start: int) -> bool:
        """Whether a title word (or a country) stands at `k`, past any connectors ("Chief of the ...")."""
        while k >= sent_start and doc[k].text in self.lex.connectors:
            k -= 1
        return k >= sent_start and (self._title_token(doc, k) or k in self._nationality or k in self._org_words)

    def _corporate(self, doc: Doc, j: int, sent_start: int, info: TitleInfo) -> bool:
        """A title of a company, club or school rather than of a state: a weak head ("President",
        "spokesman") right after an unknown proper noun ("Toyota President") or a word such as
        "company" ("a company spokesman")."""
        if not info.office or info.country or info.rank or j < sent_start:
            return False
        words = info.office.split()
        heads = [w for w in words if w in self.lex.heads or w.lower() in self._lower_heads]
        if not heads or any(h.lower() not in WEAK_HEADS for h in heads):
            return False
        tok = doc[j]
        if tok.lower_ in CORPORATE:
            return True
        if tok.lower_ in ("'s", "’s") and j - 1 >= sent_start:
            j, tok = j - 1, doc[j - 1]  # "Embraer's defense head X": the company's, as "Embraer defense head"
        # an unknown name before a bare company office ("Toyota President", "Apple chief executive");
        # an office with more words than that is a state's or a movement's ("Hamas political bureau chief")
        return (all(w.lower() in WEAK_HEADS or w.lower() in COMPANY_OFFICE_WORDS for w in words)
                and (tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "PRODUCT", "FAC"))
                and tok.text[:1].isupper() and not tok.text.isupper() and tok.is_alpha
                and j not in self._blocked and j not in self._not_name and tok.ent_type_ not in ("GPE", "NORP", "LOC"))

    def _title_right(self, doc: Doc, end: int, nationality: dict[int, str]) -> TitleInfo:
        if end >= len(doc) or doc[end].text != "," or end + 1 >= len(doc):
            return TitleInfo()
        sent_end = doc[end].sent.end
        first = end + 1
        if doc[first].lower_ in APPOSITION_ADVERBS and first + 1 < sent_end:  # "Xi Jinping, also general secretary of ..."
            first += 1
        if doc[first].lower_ in DETERMINERS:  # "Ayman Safadi, the Jordanian foreign minister,"
            first += 1
        j = first
        while j < sent_end and (self._title_token(doc, j) or j in nationality or j in self._org_words
                                or (doc[j].text in self.lex.connectors and j > first)
                                or (j in self._places and j > first  # "Ruler of Dubai", "Mayor of Hanoi"
                                    and (doc[j - 1].lower_ in PLACE_OF_OFFICE or j - 1 in self._places
                                         or (doc[j - 1].lower_ == "the"
                                             and doc[j - 2].lower_ in PLACE_OF_OFFICE_BEFORE_THE)))
                                or (j > first and self._posted_in(doc, j))  # "attaché of the Embassy in Laos"
                                or (doc[j].lower_ in ("'s", "’s") and j > first
                                    and (j - 1 in nationality or j - 1 in self._org_country))):
            j += 1
            if (j < sent_end and doc[j].text == "(" and j + 2 < sent_end and doc[j + 2].text == ")"
                    and doc[j + 1].text.isupper() and doc[j + 1].is_alpha):
                j += 3  # "deputy commander of the Royal Cambodian Armed Forces (RCAF) and ..."
        while j > first and doc[j - 1].text in self.lex.connectors:
            j -= 1
        if j == first:
            return TitleInfo()
        if j >= sent_end or doc[j].text in APPOSITION_CLOSERS:
            return self._parse_title(doc, first, j, nationality)
        if not self._apposition_runs_on(doc, j, sent_end) or (self._name_word(doc[j]) and self._office_word(doc[j - 1])):
            # not an apposition: "X, Defence Minister said" is rare; keep precision. Nor is the title of
            # the next person in a list ("Foreign Minister A, Defence Minister B, and ...")
            return TitleInfo()
        info = self._parse_title(doc, first, j, nationality)
        if not info.office or not (info.country or any(
                self._is_head(w) and w.lower_ not in WEAK_HEADS for w in doc[first:j])):
            return TitleInfo()  # only a head companies and universities have too ("director of the Center ...")
        return info

    @staticmethod
    def _apposition_runs_on(doc: Doc, j: int, sent_end: int, limit: int = 12) -> bool:
        """Whether the apposition read up to `j` goes on in words no title list holds and closes
        soon, with no verb on the way ("X, deputy commander of the Chinese Navy's East Sea Fleet and
        commanding officer of the task group, said"): what was read is the title's head part."""
        for k in range(j, min(sent_end, j + limit)):
            tok = doc[k]
            if tok.text in APPOSITION_CLOSERS:
                return True
            if "\n" in tok.text or "\n" in tok.whitespace_:
                return False  # a headline's end, not an apposition's
            if tok.pos_ in ("VERB", "AUX") and tok.tag_ not in ("VBG", "VBN"):
                return False
        return False

    def _parse_title(self, doc: Doc, start: int, end: int, nationality: dict[int, str]) -> TitleInfo:
        info = TitleInfo()
        words = [doc[i] for i in range(start, end)]
        while words and (words[0].text in self.lex.connectors or words[0].lower_ in DETERMINERS
                         or words[0].text in {",", "'s", "’s"} or words[0].text in PERSON_POSSESSIVES):
            words.pop(0)
        if not words:
            return info
        info.counterpart = any(w.lower_ in COUNTERPART for w in words)
        posted = self._posted_places(words)
        for w in words:
            code = nationality.get(w.i) or self._org_country.get(w.i)
            if code and w.i not in posted:  # "Ambassador to Laos": Laos is where, not whose
                info.country = code
                break
        if info.country is None:
            # a place the office is of, when no state is named: "Mayor of Hanoi", "Deputy Commander of the
            # Quang Tri Military Command" (not where an envoy is posted: "Consul General in Houston")
            for w in words:
                code = self._place_country.get(w.i)
                if code and w.i not in posted:
                    info.country = code
                    break
        if info.country is None:
            states = [c for w in words for c in self._org_states.get(w.i, ())]
            info.states = tuple(dict.fromkeys(states))
        # rank: the rank phrase that ends next to the name (honorifics may stand between them)
        tail = [w for w in words if w.text != ","]
        while tail and tail[-1].i in self._honorific_tokens:
            tail.pop()
        if tail:
            rank_start = self._ranks.get(tail[-1].i + 1)
            if rank_start is not None and rank_start >= tail[0].i and not self._general_office(doc, rank_start):
                info.rank = doc[rank_start:tail[-1].i + 1].text
                tail = [w for w in tail if w.i < rank_start]
        # office: what is left, without nationality words at its edges and honorifics
        office = [w for w in tail if w.lower_ not in COUNTERPART and w.i not in self._honorific_tokens]
        while office and office[-1].text in {",", "-"}:
            office.pop()
        while office and (office[0].i in nationality or office[0].text in self.lex.connectors
                          or office[0].lower_ in ("'s", "’s") or office[0].lower_ in DETERMINERS):
            office.pop(0)
        while office and (office[-1].i in nationality or office[-1].text in self.lex.connectors):
            if office[-1].i in nationality and self._posted_to(office):
                break  # "Ambassador to Japan": where an envoy is posted is part of the office
            office.pop()
        heads = [w for w in office if self._is_head(w)]
        if len(heads) > 1 and office[-1].text in ROYAL_STYLES:
            office.pop()  # "Foreign Minister Prince Faisal bin Farhan": the prince is no part of the office
        if office and any(self._is_head(w) for w in office):
            info.office = doc[office[0].i : office[-1].i + 1].text
            info.former = any(w.lower_ in NO_LONGER for w in doc[office[0].i : office[-1].i + 1])
            own = [k for k, w in enumerate(office) if w.i in nationality or w.i in self._org_country]
            rest = office[own[-1] + 1:] if own else office
            while rest and (rest[0].text in self.lex.connectors or rest[0].lower_ in ("'s", "’s")):
                rest.pop(0)
            if rest and any(self._is_head(w) for w in rest):
                info.portable = doc[rest[0].i : rest[-1].i + 1].text
        return info

    def _posted_to(self, office: list) -> bool:
        """Whether `office` ends in "to" + a country ("Ambassador to Japan", "Special Envoy to Myanmar",
        "Ambassador of China to the Lao PDR")."""
        k = len(office) - 1
        while k >= 0 and office[k].i in self._nationality:
            k -= 1
        if k > 0 and office[k].lower_ == "the":
            k -= 1
        return k > 0 and office[k].lower_ in POSTED

    def _posted_in(self, doc: Doc, j: int) -> bool:
        """Whether token `j` is the "in" of a post's place in a title ("the Chinese Embassy in Cambodia")."""
        return (doc[j].lower_ in STATIONED and j + 1 < len(doc)
                and (j + 1 in self._nationality or j + 1 in self._places))

    def _posted_places(self, words: list) -> set[int]:
        """Token indices of the countries an envoy is posted to ("to [the] Laos" in a title), or an
        embassy stands in ("Defence Attaché of the Chinese Embassy in Italy")."""
        out: set[int] = set()
        for k, w in enumerate(words):
            if w.lower_ not in POSTED:
                continue
            k += 1
            if k < len(words) and words[k].lower_ == "the":
                k += 1
            while k < len(words) and (words[k].i in self._nationality or words[k].i in self._places):
                out.add(words[k].i)
                k += 1
        return out

    def _general_office(self, doc: Doc, rank_start: int) -> bool:
        """"Secretary General", "Secretary-General", "Attorney General": "General" is no rank there."""
        k = rank_start - 1
        if k >= 0 and doc[k].text == "-":
            k -= 1
        return k >= 0 and _parts(doc[rank_start].text)[0] in OFFICE_RANK_WORDS and doc[k].text in GENERAL_OFFICES

    # -- clustering -------------------------------------------------------------------
    def _headline_only(self, cluster: PersonCluster) -> bool:
        """Whether every mention of the cluster stands in a Title Case line (a headline, a caption)."""
        return all(s in self._headline for s, _ in cluster.mentions)

    def _fold_headline_clusters(self, clusters: list[PersonCluster]) -> list[PersonCluster]:
        """A name read only in a Title Case line that shares a word with a person of the body is that
        person named in the headline ("Minister Otieno Welcomes ...": its mentions join the body's
        Otieno) or words run into a body person's name ("Otieno Welcomes Norwegian Counterpart Berg
        To"): it is no person of its own, and its titles and country are not the body person's."""
        body = [c for c in clusters if not self._headline_only(c)]
        out, gone = [], {}
        for cluster in clusters:
            if not self._headline_only(cluster) or not body:
                out.append(cluster)
                continue
            words = {w for w in _key_words(cluster.key) if len(w) > 2}
            sharing = [c for c in body if not words.isdisjoint(_key_words(c.key))]
            if not sharing:
                out.append(cluster)
                continue
            owner = [c for c in sharing if words <= _key_words(c.key)]
            if len(owner) == 1:
                owner[0].mentions.extend(m for m in cluster.mentions if m not in owner[0].mentions)
            gone[id(cluster)] = owner[0] if len(owner) == 1 else None
        for cluster in out:
            if isinstance(cluster.counterpart_of, PersonCluster) and id(cluster.counterpart_of) in gone:
                cluster.counterpart_of = gone[id(cluster.counterpart_of)]
        return out

    def _attach(self, doc: Doc, clusters: list[PersonCluster], start: int, end: int) -> PersonCluster | None:
        key = fold(doc[start:end].text)
        words = _key_words(key)
        if start not in self._headline:  # a body name never joins a name read only in a headline
            clusters = [c for c in clusters if not self._headline_only(c)]
        for cluster in clusters:
            if cluster.key == key:
                return cluster
        matches = [c for c in clusters if words <= _key_words(c.key)]
        return matches[0] if len(matches) == 1 else None

    def _lone_mentions(self, doc: Doc, clusters: list[PersonCluster], blocked: set[int]) -> None:
        owners: dict[str, list[PersonCluster]] = {}
        for cluster in clusters:
            for word in _key_words(cluster.key):
                if len(word) > 2:
                    owners.setdefault(word, []).append(cluster)
        taken = {i for c in clusters for s, e in c.mentions for i in range(s, e)}
        for token in doc:
            if token.i in taken or token.i in blocked or not self._name_word(token):
                continue
            owner = owners.get(fold(token.text))
            if owner and len(owner) == 1:
                owner[0].mentions.append((token.i, token.i + 1))

    def _note_counterpart(self, doc, clusters, cluster, start) -> None:
        """'X held talks with his Lao counterpart Y': Y holds X's office, in another state."""
        if cluster.counterpart_of:
            return
        sent = doc[start].sent
        before = [c for c in clusters if c is not cluster
                  and any(sent.start <= s < start for s, _ in c.mentions)]
        if before:
            other = max(before, key=lambda c: max(s for s, _ in c.mentions if sent.start <= s < start))
            cluster.counterpart_of = other  # an object until ids are assigned
            for office in other.titles:  # "Indonesian Navy Chief of Staff" -> "Chief of Staff"
                office = other.portable.get(office, office)
                if office and office not in cluster.titles:
                    cluster.titles.append(office)


def _finding_rule(left: TitleInfo, right: TitleInfo, known: bool) -> str:
    """The rule that kept a person's first mention: a user dictionary names them, or an office,
    rank or "counterpart" stands before the name or after it ("X, the defence minister")."""
    if known:
        return RULE_DICTIONARY
    if left.counterpart:
        return RULE_COUNTERPART
    return RULE_TITLE_LEFT if left.anchored else RULE_TITLE_RIGHT


@Language.factory("comity_persons", assigns=["doc._.persons"], requires=["doc.spans", "doc.ents"])
def make_person_finder(nlp: Language, name: str) -> PersonFinder:
    return PersonFinder(nlp, name)
