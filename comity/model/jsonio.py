"""The one boundary between records and JSON (FORMAT.md, interchange version 1).

Records are converted generically from their dataclass fields, so a field added to a
record appears in the JSON without touching this module. Dates become ISO strings,
tuples become lists; reading reverses both from the type hints.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from functools import cache
from typing import Any

from .results import ArticleResult

FORMAT_VERSION = 1


def to_dict(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(value, options[0]) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(v, args[0]) for v in value)
        return tuple(_convert(v, a) for v, a in zip(value, args))
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    return value


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: _convert(v, hints[k]) for k, v in data.items() if k in names})


def result_to_json(result: ArticleResult) -> str:
    return json.dumps(to_dict(result), ensure_ascii=False)


def result_from_json(line: str) -> ArticleResult:
    return from_dict(ArticleResult, json.loads(line))
