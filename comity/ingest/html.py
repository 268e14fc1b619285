"""HTML pages: the main text and metadata, through trafilatura.

`Article.text` is the main text trafilatura extracts (paragraphs joined by newlines),
not the HTML source: every offset comity emits for a page points into that extracted
text, which `comity` can reproduce from the same page and trafilatura version. When
the text begins with the headline, as it usually does, the body starts after it; a
wire dateline and sign-off inside the text are parsed as in plain text.

Extraction favours precision, and a page must have at least one line of four words or
more, so a page that only has navigation gives no text (E008) rather than a report
made of menu entries. The page's
own metadata (title, date, canonical URL) wins over what the text says.
"""
from __future__ import annotations

import datetime as dt

import trafilatura

from ..errors import Errors, InputError
from ..model import Article
from .wire import parse_wire

_MIN_WORDS = 4


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None  # trafilatura guessed something odd; the page is still worth reading


def _has_prose(text: str) -> bool:
    # Menus that slip through come out as one or two words a line ("Home About").
    return any(len(line.split()) >= _MIN_WORDS for line in text.split("\n"))


def read_html(
    html: str, *, id: str, origin: str | None = None, published: dt.date | None = None
) -> Article:
    """Make an Article of one HTML page; raises InputError (E008) if it has no main text."""
    where = origin or id
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, output_format="python", include_comments=False,
            favor_precision=True,
        )
    except Exception as e:  # noqa: BLE001 -- a page that crashes the extractor is one bad input, not a crash
        raise InputError(where, Errors.E012.format(detail=f"trafilatura failed: {e}")) from e
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not _has_prose(text):
        raise InputError(where, Errors.E008)
    title = doc.title or None
    skip = 0
    first_line = text.split("\n", 1)[0]
    if title and first_line.strip() == title.strip() and "\n" in text:
        skip = len(first_line) + 1
    wire = parse_wire(text[skip:], where=where)
    return Article(
        id=id,
        text=text,
        published=_date(doc.date) or wire.published or published,
        dateline=wire.dateline,
        source=wire.source,
        title=title,
        url=doc.url or None,
        body_start=skip + wire.body_start,
        body_end=skip + wire.body_end,
        origin=origin,
    )
