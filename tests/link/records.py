"""Hand-built records for the linking tests: no model, no files."""
from __future__ import annotations

import datetime as dt

from comity.model import Agreement, Article, ArticleResult, Evidence, Mechanism, Person, Place


def evidence(text: str = "quote", start: int = 0) -> Evidence:
    return Evidence(sentence=0, start=start, end=start + len(text), text=text)


def agreement(kind: str = "mou", parties=("LAO", "VNM"), period=(None, None), *, name: str = "",
              status: str = "mentioned", signed_on: str | None = None, domain: str | None = None,
              id: str = "a1", signatories=(), start: int = 0) -> Agreement:
    return Agreement(id=id, kind=kind, name=name or f"the {kind}", parties=tuple(sorted(parties)),
                     status=status, evidence=evidence(name or kind, start), domain=domain,
                     period_start=period[0], period_end=period[1], signed_on=signed_on,
                     signatories=tuple(signatories))


def mechanism(name: str, countries=("LAO", "VNM"), *, ordinal: int | None = None, status: str = "mentioned",
              date: str | None = None, place: Place | None = None, level: str | None = None,
              id: str = "k1", start: int = 0) -> Mechanism:
    return Mechanism(id=id, name=name, countries=tuple(sorted(countries)), evidence=evidence(name, start),
                     ordinal=ordinal, level=level, status=status, date=date, place=place)


def report(article_id: str, published: str | None, *, agreements=(), mechanisms=(), persons=(),
           source: str | None = None) -> ArticleResult:
    article = Article(id=article_id, text="", source=source,
                      published=dt.date.fromisoformat(published) if published else None)
    return ArticleResult(article=article, agreements=tuple(agreements), mechanisms=tuple(mechanisms),
                         persons=tuple(Person(id=pid, name=name) for pid, name in persons))
