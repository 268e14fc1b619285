"""Plain-text reports, with or without the wire header (see `wire.py` for the layout).

`Article.text` is the text exactly as given, header and sign-off included; the header
only sets `body_start`/`body_end`, `published`, `dateline` and `source`. The one
exception is a leading byte-order mark (U+FEFF), an encoding artefact rather than
text: it is dropped, so offsets count from the character after it.
"""
from __future__ import annotations

import datetime as dt

from ..errors import Errors, InputError
from ..model import Article
from .wire import parse_wire

BOM = "\ufeff"


def read_text(
    text: str,
    *,
    id: str = "text",
    published: dt.date | None = None,
    origin: str | None = None,
) -> Article:
    """Make an Article of one report given as a string.

    `published` is used only when the text has no `date` line of its own. Raises
    InputError (`where` = `origin`, else `id`) for empty text or a header with nothing
    after it.
    """
    where = origin or id
    text = text.removeprefix(BOM)
    if not text.strip():
        raise InputError(where, Errors.E002)
    wire = parse_wire(text, where=where)
    return Article(
        id=id,
        text=text,
        published=wire.published or published,
        dateline=wire.dateline,
        source=wire.source,
        body_start=wire.body_start,
        body_end=wire.body_end,
        origin=origin,
    )
