"""ArticleResult: an article with everything extracted from it, the unit of output and storage."""
from __future__ import annotations

from dataclasses import dataclass

from .actor import Meeting, Person
from .agreement import Agreement, Mechanism
from .article import Article
from .event import Event


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: Article
    persons: tuple[Person, ...] = ()
    events: tuple[Event, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    mechanisms: tuple[Mechanism, ...] = ()
    meetings: tuple[Meeting, ...] = ()
