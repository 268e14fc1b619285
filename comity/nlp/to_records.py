"""Doc -> ArticleResult: the one module that knows both spaCy and comity's records.

Offsets: the doc is built from the NFC form of the article's body, so every doc
character offset goes through the article's offset map back into `Article.text`
as given.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..model import (Actor, Agreement, ArticleResult, Event, Evidence, Meeting, Mechanism, Person,
                     Place, Plover)
from ..model.article import Article
from .coding import code_info
from .gazetteer import fold
from .sentences import sentences, text_of

MEETING_KIND = {"040": "talks", "041": "call", "042": "visit", "043": "visit", "044": "sideline",
                "045": "mediation", "046": "negotiation"}
EXERCISE_STEP = "exercise_encounter"  # the step of a 040 drawn from a joint exercise or patrol
MEETING_RULE_JOIN = "+"  # a meeting's rule: the rules of the events it is drawn from ("consult.meet+visit.visit")


class Offsets:
    def __init__(self, doc: Doc, article: Article):
        self.article = article
        self.map = doc._.offset_map
        self.base = article.body_start
        self.sent_index = {s.start: n for n, s in enumerate(sentences(doc).spans)}

    def char(self, i: int) -> int:
        return self.base + (self.map[i] if self.map is not None else i)

    def evidence(self, sent: Span) -> Evidence:
        start, end = self.char(sent.start_char), self.char(len(text_of(sent).rstrip()) + sent.start_char)
        return Evidence(sentence=self.sent_index[sent.start], start=start, end=end,
                        text=self.article.text[start:end])


def doc_to_result(doc: Doc, article: Article) -> ArticleResult:
    off = Offsets(doc, article)
    persons = tuple(_person(doc, off, p) for p in doc._.persons or ())
    events = _events(doc, off)
    agreements = tuple(_agreement(off, n, a) for n, a in enumerate(doc._.agreements or (), 1))
    mechanisms = tuple(_mechanism(off, n, m) for n, m in enumerate(doc._.mechanisms or (), 1))
    return ArticleResult(article=article, persons=persons, events=events, agreements=agreements,
                         mechanisms=mechanisms, meetings=_meetings(events))


def _person(doc: Doc, off: Offsets, p) -> Person:
    mentions = tuple((off.char(doc[s].idx), off.char(doc[e - 1].idx + len(doc[e - 1].text)))
                     for s, e in p.mentions)
    confidence = {"title": 0.9, "dictionary": 0.9, "leaders": 0.9, "counterpart": 0.8, "office": 0.8,
                  "context": 0.6, "dateline": 0.5, "report": 0.4}.get(p.country_from or "", 0.5)
    # where the country came from is what later steps (comity_context) may have changed
    steps = (f"persons.country.{p.country_from}",) if p.country_from else ()
    return Person(id=p.id, name=p.name, country=p.country, titles=tuple(p.titles), rank=p.rank,
                  aliases=tuple(p.aliases), mentions=mentions, key=fold(p.name), confidence=confidence,
                  rule=p.rule, steps=steps)


def _actor(ref) -> Actor | None:
    if ref is None:
        return None
    return Actor(country=ref.country, sector=ref.sector, person=ref.person,
                 name=ref.name if ref.country == "IGO" else None)


def _events(doc: Doc, off: Offsets) -> tuple[Event, ...]:
    merged: dict[tuple, dict] = {}
    for cand in doc._.events or ():
        source, target = _actor(cand.source), _actor(cand.target)
        key = (cand.cameo, source.country if source else None, target.country if target else None, cand.date)
        evidence = off.evidence(cand.sent)
        if key in merged:
            row = merged[key]
            if evidence != row["evidence"] and evidence not in row["more"]:
                row["more"].append(evidence)
            row["confidence"] = min(0.95, row["confidence"] + 0.1)  # said twice: surer
            row["steps"].append("records.merged")
            continue
        merged[key] = {"cand": cand, "source": source, "target": target, "evidence": evidence, "more": [],
                       "confidence": cand.confidence, "steps": list(cand.steps)}
    # "held talks with X" is read from the verb and from the noun "talks", which has no "with" of its
    # own: where one reading finds no target, the same sentence's targeted event says it all
    targeted = {(k[0], k[1], k[3], row["evidence"]) for k, row in merged.items() if k[2] is not None}
    rows = [row for k, row in merged.items() if k[2] is not None or (k[0], k[1], k[3], row["evidence"]) not in targeted]
    events = []
    for n, row in enumerate(rows, 1):
        cand = row["cand"]
        info = code_info(cand.cameo)
        place = Place(name=cand.place[0], country=cand.place[1]) if cand.place else None
        events.append(Event(
            id=f"e{n}", cameo=cand.cameo,
            plover=Plover(type=info.plover_type, mode=info.plover_mode, context=tuple(info.plover_context)),
            source=row["source"], target=row["target"], date=cand.date, evidence=row["evidence"],
            place=place, date_text=cand.date_text, date_granularity=cand.granularity,
            goldstein=info.goldstein, quad_class=info.quad_class, trigger=cand.trigger.text,
            more_evidence=tuple(row["more"]), confidence=round(row["confidence"], 2),
            rule=cand.rule, steps=tuple(row["steps"])))
    return tuple(events)


def _meetings(events: tuple[Event, ...]) -> tuple[Meeting, ...]:
    groups: dict[tuple, list[Event]] = {}
    for ev in events:
        if not ev.cameo.startswith("04") or ev.plover.type != "CONSULT" or ev.target is None:
            continue
        countries = tuple(sorted({c for c in (ev.source.country, ev.target.country) if c}))
        if len(countries) < 2:
            continue
        groups.setdefault((ev.date, countries), []).append(ev)
    meetings = []
    for n, ((date, countries), evs) in enumerate(groups.items(), 1):
        codes = {e.cameo for e in evs}
        kind = next(MEETING_KIND[c] for c in ("040", "044", "041", "042", "043", "046", "045") if c in codes)
        if all(EXERCISE_STEP in e.steps for e in evs):  # the forces' encounter, no talks told (events.py)
            kind = "exercise"
        visit = next((e for e in evs if e.cameo == "042"), None)
        place = next((e.place for e in evs if e.place), None)
        host = None
        if kind == "call":  # only calls that day: no venue, nobody hosts
            place = None
        elif "044" not in codes:
            host = visit.target.country if visit else (place.country if place and place.country in countries else None)
        people = tuple(dict.fromkeys(p for e in evs for p in (e.source.person, e.target.person) if p))
        meetings.append(Meeting(id=f"m{n}", date=date, kind=kind, countries=countries, place=place,
                                host_country=host, participants=people, events=tuple(e.id for e in evs),
                                rule=MEETING_RULE_JOIN.join(dict.fromkeys(e.rule for e in evs))))
    return tuple(meetings)


def _agreement(off: Offsets, n: int, a) -> Agreement:
    return Agreement(id=f"a{n}", kind=a.kind, name=a.name, parties=tuple(a.parties), status=a.status,
                     evidence=off.evidence(a.sent), domain=a.domain, period_start=a.period_start,
                     period_end=a.period_end, signed_on=a.signed_on, signatories=tuple(a.signatories),
                     witnesses=tuple(a.witnesses), confidence=a.confidence, rule=a.rule, steps=tuple(a.steps))


def _mechanism(off: Offsets, n: int, m) -> Mechanism:
    place = Place(name=m.place[0], country=m.place[1]) if m.place else None
    return Mechanism(id=f"k{n}", name=m.name, countries=tuple(m.countries), evidence=off.evidence(m.sent),
                     ordinal=m.ordinal, level=m.level, status=m.status, date=m.date, place=place,
                     confidence=m.confidence, rule=m.rule, steps=tuple(m.steps))
