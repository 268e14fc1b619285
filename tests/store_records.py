"""Hand-made ArticleResults for the store tests: no model needed, every case the store must handle.

- `vna` and `xinhua`: two reports of one VNM–KHM signing (different texts, published a day apart)
- `vna_repost`: `vna`'s body under another header and agency (an aggregator's copy)
- `lao_2024` and `lao_2025`: VNM–LAO talks a year apart; Giang's title changes, written once
  without diacritics; a protocol proposed in 2024 and signed in 2025
- `undated`: a report with no date (its event cannot be matched to any other)
"""
from __future__ import annotations

import datetime as dt

from comity.model import (
    Actor, Agreement, Article, ArticleResult, Event, Evidence, Mechanism, Meeting, Person, Place, Plover,
)


def article(id: str, body: str, published: str | None, source: str | None, dateline: str = "HÀ NỘI") -> Article:
    header = f" date {published} {dateline} — " if published else ""
    sign_off = f" — {source}" if source else ""
    text = header + body + sign_off
    return Article(id=id, text=text, published=dt.date.fromisoformat(published) if published else None,
                   dateline=dateline if published else None, source=source, body_start=len(header),
                   body_end=len(header) + len(body), origin=f"{id}.txt")


def ev(article: Article, id: str, cameo: str, plover: str, src: str, tgt: str | None, date: str | None,
       quote: str, *, src_person: str | None = None, tgt_person: str | None = None, place: Place | None = None,
       quad: int = 1, goldstein: float = 1.0) -> Event:
    start = article.text.index(quote)
    return Event(id=id, cameo=cameo, plover=Plover(type=plover, mode="", context=("military",)),
                 source=Actor(country=src, sector="GOV", person=src_person),
                 target=Actor(country=tgt, sector="MIL", person=tgt_person) if tgt else None, date=date,
                 evidence=Evidence(sentence=0, start=start, end=start + len(quote), text=quote), place=place,
                 date_granularity="day" if date and len(date) == 10 else None, goldstein=goldstein,
                 quad_class=quad, trigger=quote.split()[1])


def evidence(article: Article, quote: str) -> Evidence:
    start = article.text.index(quote)
    return Evidence(sentence=1, start=start, end=start + len(quote), text=quote)


HANOI = Place("Hà Nội", "VNM")
VNA_BODY = ("Defence Minister Phan Văn Giang and Cambodian Minister Tea Seiha signed the defence cooperation "
            "plan for 2026 in Hà Nội on Tuesday. Tea Seiha is on an official visit to Việt Nam.")
XINHUA_BODY = ("Cambodia and Vietnam have signed a defence cooperation plan for next year. The plan was inked "
               "by Tea Seiha and Vietnamese Defence Minister Phan Van Giang in Hanoi on Tuesday.")


def vna() -> ArticleResult:
    a = article("vna-2025-12-16", VNA_BODY, "2025-12-16", "VNA/VNS")
    giang = Person(id="p1", name="Phan Văn Giang", country="VNM", titles=("Minister of National Defence",),
                   rank="General", key="phan van giang")
    seiha = Person(id="p2", name="Tea Seiha", country="KHM", titles=("Minister of National Defence",),
                   key="tea seiha")
    e1 = ev(a, "e1", "057", "SUPPORT", "VNM", "KHM", "2025-12-16", "signed the defence cooperation plan",
            src_person="p1", tgt_person="p2", place=HANOI, goldstein=8.0)
    e2 = ev(a, "e2", "042", "CONSULT", "KHM", "VNM", "2025-12-16", "Tea Seiha is on an official visit",
            src_person="p2", place=HANOI, goldstein=1.9)
    plan = Agreement(id="a1", kind="annual_plan", name="the defence cooperation plan for 2026",
                     parties=("KHM", "VNM"), status="signed", evidence=evidence(a, "the defence cooperation plan"),
                     period_start=2026, period_end=2026, signed_on="2025-12-16", signatories=("p1", "p2"))
    meeting = Meeting(id="m1", date="2025-12-16", kind="visit", countries=("KHM", "VNM"), place=HANOI,
                      host_country="VNM", participants=("p1", "p2"), events=("e1", "e2"))
    return ArticleResult(article=a, persons=(giang, seiha), events=(e1, e2), agreements=(plan,), meetings=(meeting,))


def vna_repost() -> ArticleResult:
    """The same body under another header: an aggregator's copy (the NLP output would be the same)."""
    a = article("aggregator-copy", VNA_BODY, "2025-12-17", "Vietnam Plus", dateline="HANOI")
    original = vna()
    return ArticleResult(article=a, persons=original.persons, events=(), agreements=(), meetings=())


def xinhua() -> ArticleResult:
    a = article("xinhua-2025-12-17", XINHUA_BODY, "2025-12-17", "Xinhua", dateline="PHNOM PENH")
    giang = Person(id="p1", name="Phan Van Giang", country="VNM", titles=("Defence Minister",), key="phan van giang")
    e1 = ev(a, "e1", "057", "SUPPORT", "KHM", "VNM", "2025-12-16", "have signed a defence cooperation plan",
            goldstein=8.0)
    plan = Agreement(id="a1", kind="annual_plan", name="a defence cooperation plan for next year",
                     parties=("KHM", "VNM"), status="signed", evidence=evidence(a, "a defence cooperation plan"),
                     period_start=2026, period_end=2026, signed_on="2025-12-16")
    return ArticleResult(article=a, persons=(giang,), events=(e1,), agreements=(plan,))


LAO_2024 = ("Defence Minister Phan Văn Giang held talks with his Lao counterpart Khamliang Outhakaysone on "
            "December 18. They agreed to negotiate a protocol on defence cooperation for 2025–29. "
            "The second Việt Nam-Laos Defence Border Friendship Exchange was held in October.")
LAO_2025 = ("General Phan Van Giang met Khamliang Outhakaysone in Vientiane on Tuesday. The two ministers "
            "signed the protocol on defence cooperation for the 2025–2029 period.")


def lao_2024() -> ArticleResult:
    a = article("lao-2024", LAO_2024, "2024-12-18", "VNS")
    giang = Person(id="p1", name="Phan Văn Giang", country="VNM", titles=("Defence Minister",), key="phan van giang")
    kham = Person(id="p2", name="Khamliang Outhakaysone", country="LAO", titles=("Defence Minister",),
                  rank="Senior Lieutenant General", key="khamliang outhakaysone")
    e1 = ev(a, "e1", "040", "CONSULT", "VNM", "LAO", "2024-12-18", "held talks with his Lao counterpart",
            src_person="p1", tgt_person="p2", place=HANOI)
    protocol = Agreement(id="a1", kind="protocol", name="a protocol on defence cooperation for 2025–29",
                         parties=("LAO", "VNM"), status="negotiating",
                         evidence=evidence(a, "agreed to negotiate a protocol"), period_start=2025, period_end=2029)
    exchange = Mechanism(id="x1", name="Việt Nam-Laos Defence Border Friendship Exchange", countries=("LAO", "VNM"),
                         evidence=evidence(a, "Defence Border Friendship Exchange"), ordinal=2, status="held",
                         date="2024-10")
    meeting = Meeting(id="m1", date="2024-12-18", kind="talks", countries=("LAO", "VNM"), place=HANOI,
                      host_country="VNM", participants=("p1", "p2"), events=("e1",))
    return ArticleResult(article=a, persons=(giang, kham), events=(e1,), agreements=(protocol,),
                         mechanisms=(exchange,), meetings=(meeting,))


def lao_2025() -> ArticleResult:
    a = article("lao-2025", LAO_2025, "2025-12-02", "VNA/VNS", dateline="VIENTIANE")
    giang = Person(id="p1", name="Phan Van Giang", country="VNM", titles=("Minister of National Defence",),
                   rank="General", key="phan van giang")
    kham = Person(id="p2", name="Khamliang Outhakaysone", country="LAO", titles=("Minister of National Defence",),
                  key="khamliang outhakaysone")
    vientiane = Place("Vientiane", "LAO")
    e1 = ev(a, "e1", "040", "CONSULT", "LAO", "VNM", "2025-12-02", "met Khamliang Outhakaysone",
            src_person="p2", tgt_person="p1", place=vientiane)
    e2 = ev(a, "e2", "057", "SUPPORT", "VNM", "LAO", "2025-12-02", "signed the protocol", goldstein=8.0)
    protocol = Agreement(id="a1", kind="protocol", name="the protocol on defence cooperation for the 2025–2029 period",
                         parties=("LAO", "VNM"), status="signed", evidence=evidence(a, "signed the protocol"),
                         period_start=2025, period_end=2029, signed_on="2025-12-02", signatories=("p1", "p2"))
    meeting = Meeting(id="m1", date="2025-12-02", kind="talks", countries=("LAO", "VNM"), place=vientiane,
                      host_country="LAO", participants=("p1", "p2"), events=("e1", "e2"))
    return ArticleResult(article=a, persons=(giang, kham), events=(e1, e2), agreements=(protocol,),
                         meetings=(meeting,))


def undated() -> ArticleResult:
    a = article("undated", "ASEAN ministers praised Việt Nam's peacekeeping work at the meeting.", None, None)
    e1 = Event(id="e1", cameo="051", plover=Plover(type="SUPPORT"), source=Actor(country="IGO", name="ASEAN"),
               target=Actor(country="VNM", sector="MIL"), date=None,
               evidence=evidence(a, "ASEAN ministers praised Việt Nam's peacekeeping work"), quad_class=1,
               goldstein=3.4)
    return ArticleResult(article=a, events=(e1,))


def all_results() -> list[ArticleResult]:
    return [vna(), xinhua(), vna_repost(), lao_2024(), lao_2025(), undated()]


COUNTRIES = ("VNM", "LAO", "KHM", "THA", "CHN", "JPN", "USA", "IND", "AUS", "IDN")
CODES = (("040", "CONSULT"), ("042", "CONSULT"), ("057", "SUPPORT"), ("051", "SUPPORT"), ("0312", "AGREE"),
         ("061", "COOPERATE"), ("112", "ACCUSE"), ("036", "AGREE"))


def synthetic(n: int, *, seed: int = 0, events_per_report: int = 3) -> list[ArticleResult]:
    """`n` distinct reports with made-up events, people and agreements (for volume and fault tests)."""
    import random

    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(2000))
        a_c, b_c = rng.sample(COUNTRIES, 2)
        body = f"Report {seed}-{i}: officials of {a_c} and {b_c} met on {day}. " + " ".join(
            f"Sentence {k} about the {a_c}-{b_c} relationship number {rng.randrange(10**9)}."
            for k in range(events_per_report))
        a = article(f"synthetic-{seed}-{i}", body, day.isoformat(), rng.choice(("VNA", "Xinhua", "Kyodo", "AFP")))
        persons = tuple(Person(id=f"p{k}", name=f"Person {rng.randrange(500)} {c}", country=c,
                               titles=(rng.choice(("Defence Minister", "Foreign Minister", "Chief of Staff")),),
                               key="") for k, c in enumerate((a_c, b_c), 1))
        events = []
        for k in range(events_per_report):
            cameo, plover = rng.choice(CODES)
            src, tgt = (a_c, b_c) if rng.random() < 0.5 else (b_c, a_c)
            quote = f"Sentence {k} about"
            events.append(ev(a, f"e{k + 1}", cameo, plover, src, tgt, day.isoformat(), quote,
                             src_person="p1" if src == a_c else "p2"))
        agreement = Agreement(id="a1", kind="mou", name=f"MoU on topic {rng.randrange(50)}",
                              parties=tuple(sorted((a_c, b_c))), status=rng.choice(("signed", "proposed")),
                              evidence=evidence(a, "officials of"), signed_on=day.isoformat())
        out.append(ArticleResult(article=a, persons=persons, events=tuple(events), agreements=(agreement,)))
    return out
