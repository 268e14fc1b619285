"""The fast path: which reports need the tagger, parser and NER at all.

Most of a general news stream (sport, markets, weather) holds nothing comity records, and
the statistical components are nearly all of the cost of a report. A report can yield a
record through four doors only, each opened by words that can be seen on the tokens alone:

- an **event** needs a trigger (resources/event_triggers.yaml, compiled by nlp/triggers.py
  for the event coder and this module alike, speech acts included: "proposed that Japan
  continue ...") with the object or nearby word the trigger asks for ("have" counts only
  with "talks", "meeting"...), *and* an actor
  with a country, which only gazetteer spans of states, capitals, demonyms and organisations
  with a country code give (a city or a sea gives a place, never an actor; a person's country
  comes from those spans);
- a **person** is kept only with an office (a title head word such as "Minister"; one written
  in lower case, "minister", counts only beside a capitalised word that does not open a
  sentence, where the person's name can stand), a rank phrase or "counterpart(s)" next
  to the name (resources/titles.yaml, `counterpart_words` of `finder_words`);
- an **agreement** or a **mechanism** is found by the patterns of agreement_terms.yaml and
  mechanism_terms.yaml.

`FastPath.needs_parse(doc)` checks each door on a doc that has only been tokenized, and
errs on the side of the full pipeline: a trigger is any word the lemmatizer *could* map to
a trigger lemma under any part of speech (its exception table, suffix rules and the
attribute ruler, read from the loaded model), and its object or nearby word may be anywhere
in the report (the same test for lemmas); every word of a rank phrase present anywhere
counts as the phrase; gazetteer matches count before overlaps are resolved; the term
patterns are searched on the whole text with their lookarounds removed (and once more with
a space at each seam where two tokens touch letter to letter, since comity searches them
sentence by sentence and a sentence may end at such a seam). A gazetteer match with a label
this module does not know (a user dictionary's person, say) opens the parse. A name from the
bundled leaders list (PERSON_LEADER) does not: a leader is recorded only with a title, rank or
role in the report, or beside another official found by one, whose words open a door of their own
(nlp/dictionaries/leaders.py). A report whose
doors are all shut yields what the full pipeline yields for it, an empty result, without
running tagger, parser or NER. A report with no person door open (no title, rank or
"counterpart") can hold no person, and the NER's entities are read by comity_persons only:
such a report runs without the NER (`route()` says NO_NER), with the same records.

The decision is per report, not per sentence, on purpose: comity's rules read the whole
report (the dyad, the anchor date, people's later mentions, sentence numbers in evidence)
and the model's token vectors see across sentence ends, so parsing only some sentences
would change the records. tests/batch/test_fastpath.py checks that the output is identical
with and without the fast path.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.attrs import IDX, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..source_yaml import load_source

SKIP, NO_NER, FULL = "skip", "no-ner", "full"  # routes: what a report needs of the model
DOORS = ("term", "title", "rank", "dictionary", "state and trigger")
PERSON_DOORS = frozenset({"title", "rank", "dictionary"})  # a person may be found: entities matter
STATE_LABELS = frozenset({"COUNTRY", "DEMONYM", "CAPITAL", "ORG", "IGO", "ORG_HEAD"})
PLACE_LABELS = frozenset({"CITY", "PLACE"})  # where things happen: no actor
QUIET_LABELS = PLACE_LABELS | {"PERSON_LEADER"}  # open no door (a leader needs a title, rank or role)
_WORD = re.compile(r"\w")
LOWER_TITLE_WINDOW = 8  # tokens on either side of a lower-case title head where its person's name stands
_SENTENCE_ENDS = frozenset({".", "!", "?", "\"", "“", "”", ":", ";"})


@dataclass(frozen=True)
class Term:
    """One term pattern (lookarounds removed) and literals one of which any match contains."""

    pattern: re.Pattern[str]
    literals: tuple[str, ...] | None  # casefolded; None: no literal is certain, always search

    def may_match(self, folded: str) -> bool:
        return may_contain(folded, self.literals)


@dataclass
class FastPath:
    """Decides per report whether the statistical components must run (see the module doc)."""

    triggers: dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]]  # lemma -> (objects, words) each
    title_heads: frozenset[int]  # orth ids
    rank_phrases: tuple[frozenset[int], ...]
    terms: tuple[Term, ...]
    lemma_rules: tuple[tuple[str, str], ...] = ()
    lemma_exceptions: dict[str, frozenset[str]] = field(default_factory=dict)
    matcher: object | None = None  # the gazetteer's PhraseMatcher (tokens only)
    any_trigger: bool = False  # a lemmatizer we cannot read: every word may be a trigger
    # heads written in lower case ("the Jordanian foreign minister", "its chief executive"): common words
    # of any news; they open the title door only beside a capitalised word (see _lower_title)
    lower_heads: frozenset[int] = frozenset()
    counterparts: frozenset[int] = frozenset()  # lower ids: "his Lao counterpart X", "their counterparts A and B"
    _labels: dict[int, tuple[str, str]] = field(default_factory=dict, repr=False)
    _lemmas: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)
    _strings: object | None = field(default=None, repr=False)

    @classmethod
    def from_nlp(cls, nlp: Language) -> FastPath | None:
        """The fast path for comity's pipeline `nlp`, or None when `nlp` lacks comity's gazetteer
        (then there is nothing to decide with, and every report is parsed)."""
        if "comity_actors" not in nlp.pipe_names:
            return None
        from .lexicon import titles
        from .triggers import trigger_table

        lex = titles()
        rules, exceptions, readable = _lemma_tables(nlp)
        gazetteer = nlp.get_pipe("comity_actors")
        triggers = trigger_table().fast_triggers()  # the rows and the speech acts: the coder's words
        return cls(triggers=triggers,
                   title_heads=frozenset(get_string_id(h) for h in lex.heads if not h.islower()),
                   lower_heads=frozenset(get_string_id(h) for h in lex.heads if h.islower()),
                   counterparts=frozenset(get_string_id(w.lower()) for w in lex.finder["counterpart_words"]),
                   rank_phrases=tuple(frozenset(get_string_id(w) for w in r.split()) for r in lex.ranks),
                   terms=term_patterns(), lemma_rules=rules, lemma_exceptions=exceptions,
                   matcher=getattr(gazetteer, "matcher", None), any_trigger=not readable,
                   _strings=nlp.vocab.strings)

    # -- the decision -------------------------------------------------------------------
    def needs_parse(self, doc: Doc) -> bool:
        return self.route(doc) != SKIP

    def route(self, doc: Doc) -> str:
        """SKIP (nothing to record), NO_NER (records, but no person: the NER, whose entities
        only comity_persons reads, need not run) or FULL."""
        doors = self.doors(doc)
        if doors & PERSON_DOORS:
            return FULL
        return NO_NER if doors else SKIP

    def door(self, doc: Doc) -> str | None:
        """The first open door, for messages and tests; None when the report can yield nothing."""
        return next((d for d in DOORS if d in self.doors(doc)), None)

    def doors(self, doc: Doc) -> set[str]:
        """The open doors: "title", "rank", "dictionary" (a person may be found), "term",
        "state and trigger"."""
        found = set()
        if self._term(doc):
            found.add("term")
        if not len(doc):
            return found
        ids = doc.to_array([ORTH, LOWER])
        orths = set(ids[:, 0].tolist())
        if (not self.title_heads.isdisjoint(orths) or not self.counterparts.isdisjoint(ids[:, 1].tolist())
                or (not self.lower_heads.isdisjoint(orths) and self._lower_title(doc, ids))):
            found.add("title")
        if any(rank <= orths for rank in self.rank_phrases):
            found.add("rank")
        state = False
        if self.matcher is not None:
            for match_id, _, _ in self.matcher(doc):  # type: ignore[operator]
                label, code = self._label(match_id)
                if label in STATE_LABELS:
                    state = state or bool(code)  # a bare "border guard" is nobody's
                elif label not in QUIET_LABELS:
                    found.add("dictionary")
        if state and (self.any_trigger or self.has_trigger(orths)):
            found.add("state and trigger")
        return found

    def _lower_title(self, doc: Doc, ids) -> bool:
        """Whether a head in lower case stands near a capitalised word that does not open a
        sentence, or opens one as a name does (before a comma or another capitalised word): a person
        with such a title is named beside it ("Ayman Safadi, the Jordanian foreign minister,";
        "policy chief Kaja Kallas"; "The foreign minister, Maria Lopez,"), while "its chief executive
        citing strong demand" names nobody."""
        orth = ids[:, 0].tolist()
        for i, o in enumerate(orth):
            if o not in self.lower_heads:
                continue
            for j in range(max(0, i - LOWER_TITLE_WINDOW), min(len(doc), i + LOWER_TITLE_WINDOW + 1)):
                if not doc[j].text[:1].isupper():
                    continue
                opens = j == 0 or doc[j - 1].is_space or doc[j - 1].text in _SENTENCE_ENDS \
                    or "\n" in doc[j - 1].whitespace_
                # a name may open a sentence too: "Safadi, the foreign minister, ...", "Ayman Safadi, ..."
                if not opens or (j + 1 < len(doc) and (doc[j + 1].text == "," or doc[j + 1].text[:1].isupper())):
                    return True
        return False

    def has_trigger(self, orths: set[int]) -> bool:
        """Whether some word may be a trigger whose object and nearby word, if it asks for them,
        are in the report too."""
        lemmas: set[str] = set()
        for orth in orths:
            lemmas |= self._lemmas_of(orth)
        lowers = {self._strings[o].lower() for o in orths}  # type: ignore[index]
        for lemma in lemmas.intersection(self.triggers):
            for objects, words in self.triggers[lemma]:
                if ((not objects or not objects.isdisjoint(lemmas))
                        and (not words or not words.isdisjoint(lowers))):
                    return True
        return False

    def _label(self, match_id: int) -> tuple[str, str]:
        """(label, country code) of a gazetteer match: its key is "LABEL\\tCODE|SECTOR|NAME"."""
        found = self._labels.get(match_id)
        if found is None:
            label, _, kb_id = self._strings[match_id].partition("\t")  # type: ignore[index]
            found = self._labels[match_id] = (label, kb_id.split("|", 1)[0])
        return found

    def _lemmas_of(self, orth: int) -> frozenset[str]:
        found = self._lemmas.get(orth)
        if found is None:
            found = frozenset(self.possible_lemmas(self._strings[orth]))  # type: ignore[index]
            if len(self._lemmas) < 500_000:
                self._lemmas[orth] = found
        return found

    def _term(self, doc: Doc) -> bool:
        text = doc.text
        folded = text.casefold()
        if any(t.may_match(folded) and t.pattern.search(text) for t in self.terms):
            return True
        seams = _seams(doc)
        if not seams:
            return False
        parts, last = [], 0
        for pos in seams:
            parts += [text[last:pos], " "]
            last = pos
        spaced = "".join(parts) + text[last:]
        folded = spaced.casefold()
        return any(t.may_match(folded) and t.pattern.search(spaced) for t in self.terms)

    # -- words ----------------------------------------------------------------------------
    def is_trigger(self, word: str) -> bool:
        """Whether the lemmatizer could give `word` a trigger lemma under some part of speech."""
        return not self.possible_lemmas(word).isdisjoint(self.triggers)

    def possible_lemmas(self, word: str) -> set[str]:
        """Every lemma (lower case) spaCy's rule lemmatizer or attribute ruler can give `word`:
        the word itself, its exceptions and every suffix rule's result, for any part of speech
        (spacy.pipeline.Lemmatizer.rule_lemmatize returns one of these)."""
        lower = word.lower()
        out = {lower}
        out |= self.lemma_exceptions.get(lower, frozenset())
        for old, new in self.lemma_rules:
            if lower.endswith(old):
                out.add(lower[: len(lower) - len(old)] + new)
        return out


def _seams(doc: Doc) -> list[int]:
    """Character offsets where a token ends and the next begins with no space, both letters."""
    if len(doc) < 2:
        return []
    text = doc.text
    cols = doc.to_array([IDX, SPACY])
    out = []
    for i in (cols[:-1, 1] == 0).nonzero()[0].tolist():
        pos = int(cols[i + 1, 0])
        if _WORD.match(text, pos - 1) and _WORD.match(text, pos):
            out.append(pos)
    return out


# ---- source data ----------------------------------------------------------------------------------

def _resource(name: str) -> dict:
    return load_source((resources.files("comity.nlp") / "resources" / name).read_text(encoding="utf-8"))


@cache
def term_patterns() -> tuple[Term, ...]:
    """The agreement and mechanism term patterns, as comity_agreements and comity_mechanisms
    read them (case-insensitive), each with the literals a match must contain."""
    patterns = [p for group in _resource("agreement_terms.yaml")["kinds"].values() for p in group]
    patterns += _resource("mechanism_terms.yaml")["patterns"]
    out = []
    for p in patterns:
        bare = without_lookarounds(p)
        out.append(Term(re.compile(bare, re.IGNORECASE), required_literals(bare)))
    return tuple(out)


def without_lookarounds(pattern: str) -> str:
    """`pattern` without its lookaround groups: a lookaround only narrows what matches, so
    the rest matches wherever the whole did (and more)."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            depth = 0
            while i < len(pattern):
                if pattern[i] == "\\":
                    i += 2
                    continue
                depth += {"(": 1, ")": -1}.get(pattern[i], 0)
                i += 1
                if depth == 0:
                    break
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Casefolded strings one of which every match of `pattern` contains (searching text for
    them is far cheaper than running the pattern); None when no such set can be read off."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, re.IGNORECASE)
    except Exception:  # a private module: if it changes, search every time
        return None
    found = _required(list(parsed))
    return tuple(sorted(found)) if found else None


def any_required_literals(patterns: list[str]) -> tuple[str, ...] | None:
    """Casefolded strings one of which every match of any of `patterns` contains (None if
    some pattern has none): a text without them need not be searched with the patterns."""
    found: set[str] = set()
    for p in patterns:
        literals = required_literals(without_lookarounds(p))
        if literals is None:
            return None
        found.update(literals)
    return tuple(sorted(found))


def may_contain(folded: str, literals: tuple[str, ...] | None) -> bool:
    return literals is None or any(lit in folded for lit in literals)


def _required(items: list) -> set[str] | None:
    from re._constants import BRANCH, LITERAL, SUBPATTERN  # type: ignore[import-not-found]

    best: set[str] | None = None

    def better(cand: set[str] | None) -> None:
        nonlocal best
        if cand and all(cand) and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    run: list[str] = []
    for op, arg in items + [(None, None)]:
        if op is LITERAL:
            run.append(chr(arg))
            continue
        if run:
            better({"".join(run).casefold()})
            run = []
        if op is SUBPATTERN:
            better(_required(list(arg[-1])))
        elif op is BRANCH:
            branches = [_required(list(b)) for b in arg[1]]
            if all(branches):
                better(set().union(*branches))  # type: ignore[arg-type]
    return best


def _lemma_tables(nlp: Language) -> tuple[tuple[tuple[str, str], ...], dict[str, frozenset[str]], bool]:
    """Suffix rules and exceptions (form -> lemmas, lower case) of the model's lemmatizer and
    attribute ruler, over all parts of speech; and whether they could be read."""
    from .triggers import trigger_table

    exceptions: dict[str, set[str]] = {}
    rules: set[tuple[str, str]] = set()
    if "attribute_ruler" in nlp.pipe_names:
        for p in nlp.get_pipe("attribute_ruler").patterns:
            lemma = str(p.get("attrs", {}).get("LEMMA") or "").lower()
            if not lemma:
                continue
            for pattern in p["patterns"]:
                for token in pattern:
                    words = [token[k] for k in ("LOWER", "ORTH", "TEXT", "NORM") if k in token]
                    if not words and lemma in trigger_table().lemmas:
                        return (), {}, False  # a trigger lemma for words we cannot list: any word may be one
                    for value in words:
                        for v in value.get("IN", ()) if isinstance(value, dict) else [value]:
                            exceptions.setdefault(str(v).lower(), set()).add(lemma)
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) != "rule":
            return (), {}, False
        for table in lemmatizer.lookups.get_table("lemma_exc", {}).values():
            for form, lemmas in table.items():
                exceptions.setdefault(form.lower(), set()).update(x.lower() for x in lemmas)
        for table in lemmatizer.lookups.get_table("lemma_rules", {}).values():
            rules.update((old, new) for old, new in table)
    return tuple(sorted(rules)), {k: frozenset(v) for k, v in exceptions.items()}, True
