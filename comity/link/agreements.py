"""One agreement across many reports: identity, timeline, conflicts, succession and hierarchy.

Pure functions over records (no database, no spaCy model). `identity_key` says which
per-report mentions are the same instrument; `link_agreements` groups the mentions of a
batch of `ArticleResult`s into `LinkedAgreement`s, each with a dated timeline of status
observations; `link` finds predecessors, successors, parents and children among them.
The rules are documented in docs/agreements.md; the store keeps these keys as given.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Iterable

from ..model import Agreement, ArticleResult, Evidence

# Where a status lies in an instrument's life: before signature, or at/after it.
PRE_SIGNATURE = frozenset({"proposed", "negotiating"})
POST_SIGNATURE = frozenset({"signed", "renewed", "agreed_to_implement", "implemented", "reviewed"})
# Order of statuses reported on the same day (the later one is taken as the latest).
STAGE = {"mentioned": 0, "proposed": 1, "negotiating": 2, "signed": 3, "renewed": 4,
         "agreed_to_implement": 5, "implemented": 6, "reviewed": 7}

# Words that never distinguish one instrument from another: determiners, prepositions,
# words about the report rather than the instrument ("new", "signed"), and the filler
# "cooperation" ("cooperation in X" = "X cooperation" = "X").
STOPWORDS = frozenset(
    "a an the of on in for and to with between regarding concerning about at by from its their this that "
    "these those new signed renewed draft existing current said latest bilateral trilateral cooperation s".split())
# The words that name each kind; the kind is in the key already.
KIND_WORDS = {
    "mou": {"memorandum", "memoranda", "understanding", "mou"},
    "joint_vision": {"joint", "vision", "statement"},
    "joint_statement": {"joint", "statement", "declaration", "communique", "leader"},
    "action_plan": {"action", "plan"},
    "annual_plan": {"annual", "yearly", "plan"},
    "protocol": {"protocol"},
    "treaty": {"treaty"},
    "minutes": {"minute"},
    "letter_of_intent": {"letter", "intent"},
    "agreement": {"agreement", "pact", "accord"},
}
# A name made only of these says nothing about which instrument it is ("the minutes of the meeting").
GENERIC = frozenset({"meeting", "talk", "session", "document", "deal", "exchange"})
# British spelling is the key's spelling; -ize/-yze become -ise/-yse by rule.
SPELLING = {"defense": "defence", "offense": "offence", "labor": "labour", "center": "centre",
            "program": "programme", "armored": "armoured", "harbor": "harbour", "honor": "honour",
            "neighbor": "neighbour", "neighboring": "neighbouring", "dialog": "dialogue",
            "catalog": "catalogue", "license": "licence"}
# Kinds that can hold annual plans, in order of preference.
PARENT_KINDS = ("protocol", "action_plan", "agreement", "treaty", "mou", "joint_vision", "other")
CHILD_KINDS = frozenset({"annual_plan"})


# ---- names -------------------------------------------------------------------------------------------

@cache
def _fold():
    # imported late: the gazetteer lives in comity.nlp, whose package import loads spaCy
    from ..nlp.gazetteer import fold

    return fold


@cache
def country_words(code: str) -> frozenset[str]:
    """Every word of a state's names and demonyms, folded ("VNM" -> viet, nam, vietnam, vietnamese...)."""
    from ..nlp.gazetteer import load_gazetteer

    country = load_gazetteer().countries.get(code)
    if country is None:
        return frozenset()
    return frozenset(w for n in (*country.names, *country.demonyms) for w in _words(_fold()(n)))


def _words(folded: str) -> list[str]:
    folded = re.sub(r"\bco[-\s]?operat", "cooperat", folded)
    return re.findall(r"[^\W_]+", folded.replace("'s", "").replace("&", " and "))  # any script


def _spell(word: str) -> str:
    word = SPELLING.get(word, word)
    word = re.sub(r"(?<=\w\w)iz(e|es|ed|ing|ation|ations)$", r"is\1", word)
    word = re.sub(r"(?<=\w\w)yz(e|es|ed|ing)$", r"ys\1", word)
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]  # plural: "laws" = "law", "leaders" = "leader"
    return SPELLING.get(word, word)


def name_words(name: str, *, countries: Iterable[str] = (), drop: Iterable[str] = ()) -> tuple[str, ...]:
    """The words that identify a name, sorted: no diacritics, case, parentheses, determiners, numbers,
    British/US spelling differences, plurals, word order, nor the given countries' names."""
    text = re.sub(r"\([^)]*(?:\)|$)", " ", _fold()(name))
    text = re.sub(r"\b\d+(?:st|nd|rd|th)?\b", " ", text)  # years, "2029-25", "5th"
    skip = set(STOPWORDS) | set(drop)
    for code in countries:
        skip |= country_words(code)
    return tuple(sorted({w for w in (_spell(w) for w in _words(text)) if w not in skip}))


# What a report may write after an instrument's name: a relative clause, when and where it was
# signed, how it will be carried out ("..., which was signed in 2021", "in New Delhi").
_TAIL = re.compile(r",\s*(?:which|that|who|signed|inked|concluded|in force|as)\b|\s(?:which|who)\s|"
                   r"\s(?:signed|inked|concluded|in force)\b(?=\s+(?:in|on|at|by|last|since|\d))|"
                   r"\sin force\b|\sin an? \w+(?: and \w+)? (?:manner|way)\b|"
                   r"\sand (?:the|a|an) [^,]*?\b(?:plans?|protocols?|agreements?|memorand\w*|mous?|treat(?:y|ies))\b",
                   re.I)
_PLACE_TAIL = re.compile(r"\s(?:in|at)\s+((?:[A-Z][\w\u00C0-\u1EF9'’.-]*\s?){1,4})$")


def core_name(name: str) -> str:
    """The name without what follows it in the sentence (a clause, a signing place or date)."""
    m = _TAIL.search(name)
    if m and m.start() > 0:
        name = name[:m.start()]
    m = _PLACE_TAIL.search(name.strip())
    if m:
        from ..nlp.gazetteer import CAPITAL, CITY, COUNTRY, load_gazetteer

        if any(e.kind in (CAPITAL, CITY, COUNTRY) for e in load_gazetteer().lookup(m.group(1).strip())):
            name = name.strip()[:m.start()]
    return name.strip()


def normalise_name(name: str, kind: str, parties: Iterable[str] = ()) -> str:
    """The part of an agreement's name that says which instrument it is (see `identity_key`)."""
    return " ".join(name_words(core_name(name), countries=parties, drop=KIND_WORDS.get(kind, ())))


# ---- identity ----------------------------------------------------------------------------------------

def period_usable(start: int | None, end: int | None) -> bool:
    """A period that can identify an instrument: at least one year known, and not reversed."""
    return (start is not None or end is not None) and not (start and end and start > end)


def period_reversed(start: int | None, end: int | None) -> bool:
    return bool(start and end and start > end)


def identity_key(agreement: Agreement) -> str:
    """The same instrument across reports.

    kind + sorted parties + period when a period is known ("protocol|LAO-VNM|2025-2029");
    otherwise kind + parties + the normalised name ("mou|LAO-VNM|name:defence law military").
    A reversed period (2029-2025) is never used: such a mention is keyed by its name. A name
    that says nothing (empty, or only "meeting"...) is replaced by the signing date when known.
    """
    parties = "-".join(sorted(agreement.parties))
    head = f"{agreement.kind}|{parties}|"
    if period_usable(agreement.period_start, agreement.period_end):
        return head + f"{agreement.period_start or ''}-{agreement.period_end or ''}"
    words = normalise_name(agreement.name, agreement.kind, agreement.parties)
    if (not words or set(words.split()) <= GENERIC) and agreement.signed_on:
        return head + f"signed:{agreement.signed_on}"
    return head + f"name:{words}"


def short_id(key: str) -> str:
    """An 8-character id for a key, stable across runs (what the CLI shows and accepts)."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


# ---- records -----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Observation:
    """What one report says about an instrument."""

    article_id: str
    published: str | None  # the report's date, ISO
    status: str
    signed_on: str | None
    evidence: Evidence
    name: str  # as written in this report
    confidence: float
    source: str | None = None  # the report's agency
    agreement_id: str | None = None  # the record's id inside its report ("a2")
    domain: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    signatories: tuple[str, ...] = ()  # names, as the report gives them
    witnesses: tuple[str, ...] = ()

    @property
    def date(self) -> str | None:
        """When the status holds: the signing date for a signing, otherwise the report's date."""
        return self.signed_on if self.status == "signed" and self.signed_on else self.published

    def describe(self) -> str:
        return f"{self.status} {self.date or 'undated'} (report {self.article_id})"


@dataclass(frozen=True, slots=True)
class LinkedAgreement:
    key: str
    kind: str
    domain: str | None
    parties: tuple[str, ...]
    period_start: int | None
    period_end: int | None
    name: str  # the fullest name any report gives
    observations: tuple[Observation, ...]  # sorted by report date (undated last)
    latest_status: str
    latest_date: str | None
    conflicts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. a reversed period that was not used for linking

    @property
    def id(self) -> str:
        return short_id(self.key)

    @property
    def reports(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.article_id for o in self.observations))


def observation_order(o: Observation) -> tuple:
    return (o.published is None, o.published or "", STAGE.get(o.status, 0), o.article_id, o.evidence.start)


def observe(result: ArticleResult, agreement: Agreement) -> Observation:
    names = {p.id: p.name for p in result.persons}
    article = result.article
    return Observation(
        article_id=article.id, published=article.published.isoformat() if article.published else None,
        status=agreement.status, signed_on=agreement.signed_on, evidence=agreement.evidence,
        name=agreement.name, confidence=agreement.confidence, source=article.source,
        agreement_id=agreement.id, domain=agreement.domain, period_start=agreement.period_start,
        period_end=agreement.period_end, signatories=tuple(names.get(p, p) for p in agreement.signatories),
        witnesses=tuple(names.get(p, p) for p in agreement.witnesses))


def link_agreements(results: Iterable[ArticleResult]) -> list[LinkedAgreement]:
    """Group the agreements of many reports by `identity_key`, each with its timeline."""
    groups: dict[str, list[Observation]] = {}
    heads: dict[str, Agreement] = {}
    seen: set[tuple] = set()
    for result in results:
        for agreement in result.agreements:
            obs = observe(result, agreement)
            key = identity_key(agreement)
            ident = (key, obs.article_id, agreement.id, obs.status, obs.evidence.start)
            if ident in seen:  # the same report read twice in one run
                continue
            seen.add(ident)
            groups.setdefault(key, []).append(obs)
            heads.setdefault(key, agreement)
    linked = [_build(key, heads[key], sorted(obs, key=observation_order)) for key, obs in groups.items()]
    return sorted(linked, key=lambda a: (a.parties, a.period_start is None, a.period_start or 0,
                                         a.period_end or 0, a.kind, a.key))


def _build(key: str, head: Agreement, observations: list[Observation]) -> LinkedAgreement:
    usable = [o for o in observations if period_usable(o.period_start, o.period_end)]
    start = usable[0].period_start if usable else None
    end = usable[0].period_end if usable else None
    notes = tuple(f"period {o.period_start}–{o.period_end} in report {o.article_id} looks reversed; "
                  f"not used for linking" for o in observations if period_reversed(o.period_start, o.period_end))
    telling = [o for o in observations if o.status != "mentioned"]
    latest = (telling or observations)[-1]
    domains = Counter(o.domain for o in observations if o.domain)
    return LinkedAgreement(
        key=key, kind=head.kind, domain=domains.most_common(1)[0][0] if domains else None,
        parties=tuple(sorted(head.parties)), period_start=start, period_end=end,
        name=best_name(o.name for o in observations), observations=tuple(observations),
        latest_status=latest.status, latest_date=latest.date, conflicts=conflicts(observations), notes=notes)


def best_name(names: Iterable[str]) -> str:
    """The fullest name: most words, then most often given; leading articles dropped."""
    cleaned = [re.sub(r"^(?:the|a|an)\s+", "", core_name(n), flags=re.I) for n in names]
    counts = Counter(cleaned)
    return max(counts, key=lambda n: (len(n.split()), counts[n], n)) if counts else ""


def conflicts(observations: list[Observation]) -> tuple[str, ...]:
    """Contradictions between reports, in words: a status before signature reported on or after
    the day a report gave one at or after signature, and two different signing dates."""
    out: list[str] = []
    for obs in observations:
        if obs.status not in PRE_SIGNATURE:
            continue
        earlier = [p for p in observations if p.status in POST_SIGNATURE and p is not obs
                   and (p.published is None or obs.published is None or p.published <= obs.published)]
        if earlier:
            p = earlier[-1]
            word = "then" if p.published and obs.published and p.published < obs.published else "but"
            out.append(f"{p.describe()} {word} {obs.describe()}")
    signings: dict[str, Observation] = {}
    for obs in observations:
        if obs.status == "signed" and obs.signed_on:
            signings.setdefault(obs.signed_on, obs)
    if len(signings) > 1:
        first, *others = signings.values()
        out += [f"signed {first.signed_on} (report {first.article_id}) but signed {o.signed_on} "
                f"(report {o.article_id})" for o in others]
    return tuple(out)


# ---- succession and hierarchy ------------------------------------------------------------------------

def _period(a: LinkedAgreement) -> tuple[int, int] | None:
    if a.period_start and a.period_end and a.period_start <= a.period_end:
        return a.period_start, a.period_end
    return None


def _domains_agree(a: LinkedAgreement, b: LinkedAgreement) -> bool:
    return a.domain is None or b.domain is None or a.domain == b.domain


def link(agreements: list[LinkedAgreement]) -> dict[str, dict]:
    """Predecessor/successor and parent/children, by key.

    Successor: same kind and parties, compatible domain, both periods fully known; the later
    one starts within a year of the earlier one's end (2020-24 -> 2025-29 or 2024-28, not
    2021-25), after the earlier one starts, and ends later (2025 plan -> 2026 plan). Each has at most one of each; the
    nearest wins. Parent: an annual plan falls under the multi-year instrument of the same
    parties and compatible domain whose period contains the plan's years, preferring a
    protocol, then the narrowest period.
    """
    rel = {a.key: {"successor_of": None, "successor": None, "parent": None, "children": []}
           for a in agreements}
    dated = [(a, p) for a in agreements if (p := _period(a))]
    claims: dict[str, list[tuple[tuple[int, int], str]]] = {}
    for b, (bs, be) in dated:
        before = [(p, a) for a, p in dated if a.kind == b.kind and a.parties == b.parties
                  and a.key != b.key and _domains_agree(a, b) and p[0] < bs and p[1] - 1 <= bs <= p[1] + 1
                  and p[1] < be]
        if before:
            _, a = max(before, key=lambda item: item[0])
            claims.setdefault(a.key, []).append(((bs, be), b.key))
    for a_key, bs in claims.items():
        _, b_key = min(bs)
        rel[a_key]["successor"] = b_key
        rel[b_key]["successor_of"] = a_key
    for child, (cs, ce) in dated:
        if child.kind not in CHILD_KINDS:
            continue
        holders = [(PARENT_KINDS.index(p.kind), pe - ps, p.key) for p, (ps, pe) in dated
                   if p.kind in PARENT_KINDS and p.parties == child.parties and ps < pe
                   and ps <= cs and ce <= pe and _domains_agree(p, child)]
        if holders:
            parent = min(holders)[2]
            rel[child.key]["parent"] = parent
            rel[parent]["children"].append(child.key)
    order = {a.key: (a.period_start or 0, a.period_end or 0, a.key) for a in agreements}
    for item in rel.values():
        item["children"].sort(key=order.__getitem__)
    return rel
