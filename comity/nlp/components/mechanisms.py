"""comity_mechanisms: recurring dialogues, exchanges, committees and meetings a report names.

A mechanism is named by a pattern (resources/mechanism_terms.yaml); its ordinal
("the fourth", "15th") precedes it; its status is held when the report describes an
occurrence, planned when it looks ahead ("next", "will be held", "agreed to hold"),
mentioned otherwise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..fastpath import any_required_literals, may_contain
from ..roles import Discourse
from ..venues import venue_in
from ..sentences import sentences, text_of
from ..word_lists import NAMED_PATTERNS, ORDERED, PATTERNS, WordLists, read_resource
from .actors import actor_index, entry_of
from .dates import dates_in

# the sections of resources/mechanism_terms.yaml, by kind (see comity/nlp/word_lists.py); the file says
# what each is for
MECHANISM_LISTS = {
    "patterns": PATTERNS, "ordinal_words": ORDERED, "ordinal_suffixes": ORDERED, "planned_phrases": ORDERED,
    "back_reference_nouns": ORDERED, "levels": NAMED_PATTERNS,
}


@cache
def mechanism_terms() -> WordLists:
    """resources/mechanism_terms.yaml, read and checked (DataError naming the file and line)."""
    return read_resource("mechanism_terms.yaml", MECHANISM_LISTS)


@dataclass(frozen=True)
class Cues:
    """The regular expressions the finder reads, built from mechanism_terms.yaml's word lists."""

    ordinals: dict[str, int]  # "fourth" -> 4
    ordinal: re.Pattern[str]  # "15th" (group 1) or "fifteenth" (group 2)
    leading_ordinal: re.Pattern[str]  # a pattern read case-insensitively may take the ordinal for a name's first word
    planned: re.Pattern[str]  # a sentence that looks ahead
    back_ref: re.Pattern[str]  # "the seventh dialogue", "the 58th GBC meeting": an occurrence of one named before
    level: re.Pattern[str]  # a level's words; the group that matched is named by the level


@cache
def cues() -> Cues:
    terms = mechanism_terms()
    words = _alternatives(terms.ordinal_words)
    suffixes = _alternatives(terms.ordinal_suffixes)
    levels = "|".join(f"(?P<{level}>{'|'.join(patterns)})" for level, patterns in terms.levels.items())
    return Cues(
        ordinals={w: n for n, w in enumerate(terms.ordinal_words, 1)},
        ordinal=re.compile(r"\b(\d{1,3})(?:" + suffixes + r")\b|\b(" + words + r")\b", re.I),
        leading_ordinal=re.compile(r"(?:" + words + r")\s+", re.I),
        planned=re.compile(r"\b(?:" + _alternatives(terms.planned_phrases) + r")\b", re.I),
        back_ref=re.compile(r"\b(?:the\s+)?(?:\d{1,3}(?:" + suffixes + r")|" + words
                            + r")\s+(?:[A-Z]{2,6}\s+)?(?P<noun>" + _alternatives(terms.back_reference_nouns) + r")\b",
                            re.I),
        level=re.compile(r"\b(?:" + levels + r")\b", re.I),
    )


def _alternatives(words) -> str:
    """A regex alternation of `words` as written, in their order."""
    return "|".join(re.escape(w) for w in words)


@cache
def mechanism_patterns() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _patterns()), re.I)


@cache
def mechanism_literals() -> tuple[str, ...] | None:
    """Words one of which every mechanism name contains: the alternation, case-insensitive,
    tries every pattern at every character, so sentences without them are not searched."""
    return any_required_literals(_patterns())


def _patterns() -> list[str]:
    return list(mechanism_terms().patterns)


@dataclass
class MechanismCandidate:
    name: str
    sent: Span
    countries: tuple[str, ...]
    ordinal: int | None
    level: str | None
    status: str
    date: str | None
    place: tuple[str, str | None] | None
    confidence: float = 0.5
    rule: str = ""  # "mechanisms.term" (a pattern of mechanism_terms.yaml) or "mechanisms.back-reference"
    steps: list[str] = field(default_factory=list)


class MechanismFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.pattern = mechanism_patterns()
        self.literals = mechanism_literals()
        self.cues = cues()

    def __call__(self, doc: Doc) -> Doc:
        doc._.mechanisms = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[MechanismCandidate]:
        disc = Discourse(doc)
        cue = self.cues
        out: dict[tuple, MechanismCandidate] = {}
        named: list[MechanismCandidate] = []  # mechanisms named so far, for "the seventh dialogue"
        for sent in sentences(doc).spans:
            text = text_of(sent)
            folded = text.casefold()
            matches = ([(m.start(), m.end(), m.group(0), None) for m in self.pattern.finditer(text)]
                       if may_contain(folded, self.literals) else [])
            for m in cue.back_ref.finditer(text) if named else ():
                if not any(a <= m.start() < b for a, b, _, _ in matches):
                    earlier = next((c for c in reversed(named) if c.name.lower().endswith(m.group("noun").lower())),
                                   None)
                    if earlier is not None:
                        matches.append((m.start(), m.end(), earlier.name, earlier))
            for m_start, m_end, name, earlier in matches:
                lead = cue.leading_ordinal.match(name) if earlier is None else None
                if lead:
                    m_start, name = m_start + lead.end(), name[lead.end():]
                before = text[max(0, m_start - 40): m_start] if earlier is None else text[:m_end]
                ordinal = None
                om = list(cue.ordinal.finditer(before))
                if om and (earlier is not None or len(before) - om[-1].end() < 30):
                    last = om[-1]
                    ordinal = int(last.group(1)) if last.group(1) else cue.ordinals[last.group(2).lower()]
                level = cue.level.search(before + name) if earlier is None else None
                planned = bool(cue.planned.search(text))
                dated = [d for d in dates_in(doc, sent.start_char, sent.end_char) if d.value]
                date = dated[0].value if dated else None
                held = not planned and bool(date or ordinal)
                status = "planned" if planned else ("held" if held else "mentioned")
                start = sent.start_char + m_start
                countries = (earlier.countries if earlier is not None
                             else self._countries(doc, disc, sent, start, sent.start_char + m_end))
                key = (name.lower(), ordinal)
                if key in out:
                    continue
                cand = MechanismCandidate(
                    name=name, sent=sent, countries=countries, ordinal=ordinal,
                    level=(level.lastgroup if level else (earlier.level if earlier is not None else None)),
                    status=status, date=date if held else None,
                    place=venue_in(sent, actor_index(doc).starting_in(sent.start, sent.end)) if status != "mentioned" else None,
                    rule="mechanisms.term" if earlier is None else "mechanisms.back-reference",
                    # what made the status: a plan's words, a date, an ordinal ("the 7th"), or nothing
                    steps=[f"mechanisms.status.{'planned' if planned else 'dated' if date else 'ordinal' if ordinal else 'mentioned'}"])
                out[key] = cand
                if earlier is None:
                    named.append(cand)
        return list(out.values())

    @staticmethod
    def _countries(doc: Doc, disc: Discourse, sent: Span, start: int, end: int) -> tuple[str, ...]:
        """Members: the states named in the mechanism's own name ("Việt Nam-Laos ... Exchange",
        "meeting of the defence ministers of Việt Nam, Laos and Cambodia"), else the dyad."""
        named = []
        for s in actor_index(doc).spans:
            if start <= s.start_char < end and s.label_ in ("COUNTRY", "DEMONYM"):
                code = entry_of(s)[0]
                if code and code not in named:
                    named.append(code)
        if len(named) >= 2:
            return tuple(sorted(named))
        return tuple(sorted(set(disc.dyad) | set(named)))


@Language.factory("comity_mechanisms", assigns=["doc._.mechanisms"], requires=["doc._.dates", "doc._.dyad"])
def make_mechanism_finder(nlp: Language, name: str) -> MechanismFinder:
    return MechanismFinder(nlp, name)
