"""A report too long for one pass of the model is read in sections (issue 16; docs/limits.md).

spaCy's parser needs about 1 GB of memory per 100,000 characters and refuses texts over
`nlp.max_length`; a report over `COMITY_SECTION_CHARS` (100,000 by default: news reports are a few
thousand) is cut at paragraph boundaries into sections no longer than that, each extracted on its
own, and their records joined into the report's one result. A section is the report itself with a
narrower body (`body_start`/`body_end`), so every offset stays an offset into the report's text as
given; sentence numbers run on across sections, and the ids of a later section's records get the
section's number (`p1.2`, `e3.2`) so that none collides. Each section is read as a report of its
own; a person named in two sections (the same `key`, the folded name, and the same country) is then
joined into the record of the first section that names them, with the mentions and titles of both,
and the events, agreements and meetings of the later section point to that record.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from .model import Article, ArticleResult

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def needs_sections(article: Article, size: int) -> bool:
    return len(article.body) > size


def split(article: Article, size: int) -> list[Article]:
    """The report as sections of at most `size` characters, cut after the last paragraph break
    (else line break, sentence end, space) that keeps a section within it; as a last resort, at
    `size`. One section (the report) when it is not longer than `size`."""
    if not needs_sections(article, size):
        return [article]
    start, end = article.body_span
    sections = []
    while end - start > size:
        window = article.text[start:start + size]
        cut = 0
        for pattern in _BREAKS:
            found = [m.end() for m in pattern.finditer(window) if m.end() > size // 2]
            if found:
                cut = found[-1]
                break
        cut = cut or size
        sections.append(dataclasses.replace(article, body_start=start, body_end=start + cut))
        start += cut
    sections.append(dataclasses.replace(article, body_start=start, body_end=end))
    return sections


def join(article: Article, parts: Sequence[tuple[ArticleResult, int]]) -> ArticleResult:
    """One result for the report from its sections' results, each with the number of sentences the
    sections before it hold."""
    fields: dict[str, list] = {"persons": [], "events": [], "agreements": [], "mechanisms": [], "meetings": []}
    for n, (result, sentences_before) in enumerate(parts, 1):
        renamed = _renamed(result, f".{n}" if n > 1 else "", sentences_before)
        for name in fields:
            fields[name] += getattr(renamed, name)
    joined = ArticleResult(article=article, **{name: tuple(items) for name, items in fields.items()})
    return _same_persons_joined(joined) if len(parts) > 1 else joined


def _same_persons_joined(result: ArticleResult) -> ArticleResult:
    """One record per person across sections: a later section's record of a person the report named
    before (same key and country) is merged into the first, and references to it are redirected."""
    first: dict[tuple[str, str | None], int] = {}
    persons: list = []
    alias: dict[str, str] = {}
    for p in result.persons:
        k = (p.key or p.name, p.country)
        if k not in first:
            first[k] = len(persons)
            persons.append(p)
            continue
        kept = persons[first[k]]
        alias[p.id] = kept.id
        persons[first[k]] = dataclasses.replace(
            kept, mentions=kept.mentions + p.mentions, titles=tuple(dict.fromkeys(kept.titles + p.titles)),
            aliases=tuple(dict.fromkeys(kept.aliases + p.aliases)), rank=kept.rank or p.rank,
            confidence=max(kept.confidence, p.confidence))
    if not alias:
        return result

    def pid(value):  # type: ignore[no-untyped-def]
        return alias.get(value, value)

    def actor(a):  # type: ignore[no-untyped-def]
        return a if a is None or a.person not in alias else dataclasses.replace(a, person=pid(a.person))

    return dataclasses.replace(
        result, persons=tuple(persons),
        events=tuple(dataclasses.replace(e, source=actor(e.source), target=actor(e.target)) for e in result.events),
        agreements=tuple(dataclasses.replace(a, signatories=tuple(dict.fromkeys(map(pid, a.signatories))),
                                             witnesses=tuple(dict.fromkeys(map(pid, a.witnesses))))
                         for a in result.agreements),
        meetings=tuple(dataclasses.replace(m, participants=tuple(dict.fromkeys(map(pid, m.participants))))
                       for m in result.meetings),
    )


def _renamed(result: ArticleResult, suffix: str, sentences_before: int) -> ArticleResult:
    if not suffix and not sentences_before:
        return result

    def rid(value: str | None) -> str | None:
        return f"{value}{suffix}" if value else value

    def ev(evidence):  # type: ignore[no-untyped-def]
        return dataclasses.replace(evidence, sentence=evidence.sentence + sentences_before)

    def actor(a):  # type: ignore[no-untyped-def]
        return a if a is None or a.person is None else dataclasses.replace(a, person=rid(a.person))

    return dataclasses.replace(
        result,
        persons=tuple(dataclasses.replace(p, id=rid(p.id)) for p in result.persons),
        events=tuple(dataclasses.replace(e, id=rid(e.id), source=actor(e.source), target=actor(e.target),
                                         evidence=ev(e.evidence),
                                         more_evidence=tuple(ev(x) for x in e.more_evidence))
                     for e in result.events),
        agreements=tuple(dataclasses.replace(a, id=rid(a.id), evidence=ev(a.evidence),
                                             signatories=tuple(rid(p) for p in a.signatories),
                                             witnesses=tuple(rid(p) for p in a.witnesses))
                         for a in result.agreements),
        mechanisms=tuple(dataclasses.replace(m, id=rid(m.id), evidence=ev(m.evidence)) for m in result.mechanisms),
        meetings=tuple(dataclasses.replace(m, id=rid(m.id), participants=tuple(rid(p) for p in m.participants),
                                           events=tuple(rid(e) for e in m.events))
                       for m in result.meetings),
    )
