"""JSON Lines: one report per line, validated at the boundary with pydantic.

Fields: `text` (required), `id`, `published`, `url`, `title`, `source`, and optionally
`dateline` and `language`; others are ignored. `published` is a date or an ISO timestamp;
a timestamp keeps its date as written (`2025-03-19T07:20:00+09:00` -> 2025-03-19, though
it is still the 18th in UTC), because the local date is the one "today" refers to.

`Article.text` is the `text` field as given. A wire dateline inside it (`SEOUL, March 19
(Yonhap) --`) is parsed as in plain text, but fields in the JSON win over parsed ones.
Blank lines are skipped. A `.json` file that holds one JSON object, or an array of
objects, is read too; array items are numbered from 1 (`path#2`, id `stem-2`).
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import Errors, InputError
from ..model import Article
from .wire import parse_wire


def parse_published(value: Any) -> dt.date | None:
    """A date, `YYYY-MM-DD`, or an ISO timestamp -> its date as written; '' -> None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError("not a string")
    value = value.strip()
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    return dt.datetime.fromisoformat(value).date()


class JsonArticle(BaseModel):
    model_config = ConfigDict(extra="ignore")

    text: str
    id: str | None = None
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    dateline: str | None = None
    language: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_str(cls, value: Any) -> Any:
        # Numeric ids are common in exports; bools are not ids.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> dt.date | None:
        return parse_published(value)


def _error(where: str, data: dict[str, Any], e: ValidationError) -> InputError:
    first = e.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else ""
    if field == "text" and (first["type"] == "missing" or not data.get("text")):
        return InputError(where, Errors.E007)
    if field == "published":
        return InputError(where, Errors.E011.format(value=data.get("published")))
    return InputError(where, Errors.E014.format(field=field, detail=first["msg"]))


def article_from_json(
    data: Any, *, where: str, fallback_id: str, published: dt.date | None = None
) -> Article:
    """Validate one decoded JSON value and make an Article; raises InputError."""
    if not isinstance(data, dict):
        kind = {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(data), "number")
        raise InputError(where, Errors.E009.format(kind=kind))
    try:
        item = JsonArticle.model_validate(data)
    except ValidationError as e:
        raise _error(where, data, e) from e
    if not item.text.strip():
        raise InputError(where, Errors.E007)
    wire = parse_wire(item.text, where=where)
    return Article(
        id=item.id or fallback_id,
        text=item.text,
        published=item.published or wire.published or published,
        dateline=item.dateline or wire.dateline,
        source=item.source or wire.source,
        title=item.title,
        url=item.url,
        language=item.language or "en",
        body_start=wire.body_start,
        body_end=wire.body_end,
        origin=where,
    )


def _one(data: Any, where: str, fallback_id: str, published: dt.date | None) -> Article | InputError:
    try:
        return article_from_json(data, where=where, fallback_id=fallback_id, published=published)
    except InputError as e:
        return e
    except Exception as e:  # noqa: BLE001 -- a line nobody foresaw is that line's error, not the file's
        return InputError(where, Errors.E012.format(detail=f"{type(e).__name__}: {e}"))


def _loads(line: str, where: str) -> Any:
    """One JSON value, or an InputError (E006) for a line that is not JSON, is nested too deep
    for Python's parser (RecursionError) or holds a number too long to convert (ValueError)."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        return InputError(where, Errors.E006.format(detail=f"{e.msg} (column {e.colno})"))
    except RecursionError:
        return InputError(where, Errors.E006.format(detail="nested too deep"))
    except ValueError as e:
        return InputError(where, Errors.E006.format(detail=str(e).split(";")[0]))


def read_jsonl(
    text: str, *, path: str, stem: str, published: dt.date | None = None, whole_json: bool = False
) -> Iterator[Article | InputError]:
    """Yield an Article or an InputError (`where` = "path:line") for each non-blank line.

    With `whole_json` (a `.json` file), the text is first tried as one JSON document.
    """
    if whole_json:
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):
            pass  # not one document: read it as JSON Lines below (each bad line is then named)
        else:
            if isinstance(document, list):
                for n, data in enumerate(document, 1):
                    yield _one(data, f"{path}#{n}", f"{stem}-{n}", published)
            else:
                yield _one(document, path, stem, published)
            return
    # Split on "\n" only: str.splitlines would also break on U+2028, which JSON allows in strings.
    for n, line in enumerate(text.split("\n"), 1):
        item = article_from_line(line, f"{path}:{n}", f"{stem}-{n}", published)
        if item is not None:
            yield item


def article_from_line(line: str, where: str, fallback_id: str,
                      published: dt.date | None = None) -> Article | InputError | None:
    """One line of JSON Lines read on its own (`read_paths` streams a file a line at a time, and
    `comity watch` reads a growing file a few lines at a time): an Article, that line's InputError,
    or None for a blank line."""
    line = line.rstrip("\r")
    if not line.strip():
        return None
    data = _loads(line, where)
    return data if isinstance(data, InputError) else _one(data, where, fallback_id, published)
