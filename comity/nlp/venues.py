"""Where an encounter took place: the venue a sentence names.

Reports name places for many reasons: where the meeting was ("held talks in Da Nang"), where a
delegation went ("led a delegation to Dongxing city, where the two ministers held talks"), and
where things are ("Henderson, south of Perth", "Mong Cai city in Quang Ninh province"). A venue is
a city or capital of the gazetteer that the sentence locates something at:

- the object of "in" or "at", reached through the words that wrap a place name in a noun phrase
  ("in Cambodia's Siem Reap province", "at the port of Cam Ranh", "in Dongxing city");
- the antecedent of a "where" clause ("to Dongxing city, where the two ministers held talks");
- a place that only situates another place gives way to it: the venue of "in Mong Cai city in
  Quang Ninh province" is Mong Cai, of "in Henderson, south of Perth" Henderson;
- a gathering whose name opens with a city ("on the sidelines of the Munich Security Conference") is in it;
- "here" is the dateline's place;
- a place that situates a topic ("the clashes in the Gaza Strip") is no venue;
- a city in the name of an agreement or a university ("the EU Lisbon agreement"), or in a clause of what
  is still to come ("will take part in the summit in Kazan"), is no venue.

Works on the dependency parse, with the word before the name as a fallback for parses that miss
the preposition ("in Kuala Lumpur" is a venue whatever the parser attached it to). The words it
reads are the lists of resources/venues.yaml (`venue_words()`).
"""
from __future__ import annotations

from functools import cache
from typing import NamedTuple

from spacy.tokens import Span, Token

from .components.actors import actor_index, entry_of
from .gazetteer import load_gazetteer
from .word_lists import WORDS, WordLists, read_resource

VENUE_LABELS = ("CITY", "CAPITAL")
_WRAPPING_DEPS = frozenset({"compound", "appos", "nmod", "poss"})
# the lists of resources/venues.yaml (word sets; see comity/nlp/word_lists.py); the file says what each is for
VENUE_LISTS = {
    "locative_preps": WORDS, "place_nouns": WORDS, "region_nouns": WORDS, "named_not_places": WORDS,
    "topic_nouns": WORDS, "future_aux": WORDS, "where_words": WORDS, "here_words": WORDS, "attend_verbs": WORDS,
}


@cache
def venue_words() -> WordLists:
    """resources/venues.yaml, read and checked (DataError naming the file and line)."""
    return read_resource("venues.yaml", VENUE_LISTS)


@cache
def _sidelines() -> frozenset[str]:
    """"on the sidelines of the Munich Security Conference": event_triggers.yaml's sideline_words."""
    from .triggers import trigger_table  # late: the trigger table reads the analysis

    return trigger_table().sideline_words


class Venue(NamedTuple):
    """A venue as (name, country code); `broad` when the text names it as a region ("in the province of
    Dien Bien"): an encounter reported with a broad and a precise venue was at the precise one."""

    name: str
    country: str | None
    broad: bool = False


def phrase_head(token: Token) -> Token:
    """The noun that stands for a place name in its clause: "Siem Reap" -> "province" in
    "Cambodia's Siem Reap province", "Nang" -> "city" in "the city of Da Nang"."""
    place_nouns = venue_words().place_nouns
    t = token
    for _ in range(4):
        head = t.head
        if head.i == t.i:
            break
        if t.dep_ in _WRAPPING_DEPS and (t.dep_ != "poss" or head.lower_ in place_nouns) or (
                t.dep_ == "amod" and head.lower_ in place_nouns):  # "Dongxing city" parsed as an adjective
            t = head
        elif t.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in place_nouns:
            t = head.head
        else:
            break
    return t


def _located(span: Span, head: Token) -> bool:
    """The place is the object of "in"/"at" (or follows one directly)."""
    locative = venue_words().locative_preps
    if head.dep_ == "pobj" and head.head.lower_ in locative:
        return True
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in locative


def _topic_place(head: Token) -> bool:
    """The place situates a topic ("the clashes in the Gaza Strip", "the situation in Kyiv"), not an act."""
    prep = head.head
    words = venue_words()
    return head.dep_ == "pobj" and prep.lower_ in words.locative_preps and prep.head.lower_ in words.topic_nouns


def _future(head: Token) -> bool:
    """The place is in a clause of what is still to come ("expects that he will take part in the summit in
    Kazan in October")."""
    t = head
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "aux" and c.lower_ in venue_words().future_aux for c in t.children)
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _where_clause(head: Token) -> bool:
    """The place is the antecedent of a "where" clause."""
    where = venue_words().where_words
    for child in head.children:
        if child.dep_ == "relcl" and any(t.lower_ in where and t.i < child.i for t in child.children):
            return True
    return head.i + 2 < len(head.doc) and head.nbor(1).text == "," and head.nbor(2).lower_ in where


def _outer(span: Span, head: Token, others: list[tuple[Span, Token]]) -> Span:
    """The place this one situates, if any ("Mong Cai city in Quang Ninh province" -> Mong Cai;
    "Henderson, south of Perth" -> Henderson)."""
    up = head.head
    for _ in range(4):
        for other, other_head in others:
            if other is not span and other.start < span.start and up.i in (other_head.i, other.root.i):
                return _outer(other, other_head, others)
        if up.head.i == up.i:
            break
        up = up.head
        if up.pos_ in ("VERB", "AUX"):
            break
    return span


def venue_in(sent: Span, spans) -> Venue | tuple[str, str] | None:
    """The venue a sentence names (a `Venue`; the dateline's (name, code) for "here"), or None. See
    the module doc."""
    words = venue_words()
    places = [s for s in spans if sent.start <= s.start < sent.end and s.label_ in VENUE_LABELS]
    heads = [(s, phrase_head(s.root)) for s in places]
    for span, head in heads:
        if head.lower_ in words.named_not_places or _future(head) or _topic_place(head):
            continue
        if _located(span, head) or _where_clause(head):
            venue = _outer(span, head, heads)
            broad = phrase_head(venue.root).lower_ in words.region_nouns
            return Venue(venue.text, entry_of(venue)[0], broad)
    forum = _forum_city(sent, actor_index(sent.doc).starting_in(sent.start, sent.end))
    if forum is not None:
        return forum
    if any(t.lower_ in words.here_words and t.pos_ == "ADV" for t in sent):
        return sent.doc._.dateline_place
    return None


def _forum_city(sent: Span, spans) -> Venue | None:
    """The city a gathering's name opens with, for a gathering the sentence locates an act at ("on the
    sidelines of the Munich Security Conference", "at the Jakarta International Defence Dialogue",
    "attending the Beijing Xiangshan Forum"): such a forum meets in that city."""
    words = venue_words()
    for span in spans:  # the sentence's own (its caller's actor_index(...).starting_in)
        if entry_of(span)[1] != "FORUM":
            continue
        root = span.root
        at = root.dep_ == "pobj" and (root.head.lower_ in words.locative_preps or (
            root.head.lower_ == "of" and root.head.head.lower_ in _sidelines()))
        if not (at or (root.dep_ == "dobj" and root.head.lemma_.lower() in words.attend_verbs)):
            continue
        tokens = [t for t in span if not t.like_num]
        for n in (2, 1):
            if len(tokens) > n:
                name = span.doc[tokens[0].i:tokens[n - 1].i + 1].text
                found = [e for e in load_gazetteer().lookup(name) if e.kind in VENUE_LABELS]
                if found:
                    return Venue(found[0].canonical, found[0].code, False)
    return None


def where_clause_venue(pred: Token, spans) -> Venue | None:
    """The venue of an act told in a "where" clause: "arrived in Tokyo from Manila, where he met
    Marcos on Friday" -> Manila, whatever the sentence's own venue."""
    t = pred
    for _ in range(3):
        if t.dep_ == "relcl":
            break
        if t.dep_ not in ("conj", "xcomp") or t.head.i == t.i:
            return None
        t = t.head
    else:
        return None
    if not any(c.lower_ in venue_words().where_words and c.i < t.i for c in t.children):
        return None
    antecedent = t.head
    for span in spans:
        if span.label_ in VENUE_LABELS and span.start <= antecedent.i < span.end:
            return Venue(span.text, entry_of(span)[0], False)
    return None

