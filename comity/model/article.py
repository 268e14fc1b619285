"""The article: one report as read, before any NLP."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """A report as given by a reader.

    `text` is the decoded input exactly as given (the whole file for a text file,
    the `text` field for a JSON line); every offset comity emits points into it.
    `body_start`/`body_end` delimit the report's body inside `text` (after the wire
    header, before the agency sign-off), half-open like spaCy spans.
    """

    id: str
    text: str
    published: dt.date | None = None
    dateline: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    language: str = "en"
    body_start: int = 0
    body_end: int | None = None
    origin: str | None = None  # where it was read from: "path" or "path:line"

    @property
    def body(self) -> str:
        return self.text[self.body_start : self.body_end if self.body_end is not None else len(self.text)]

    @property
    def body_span(self) -> tuple[int, int]:
        return self.body_start, self.body_end if self.body_end is not None else len(self.text)
