"""Reading comity's hand-edited YAML files (gazetteers, trigger lists, titles: comity/nlp/resources).

PyYAML follows YAML 1.1, where a bare `on`, `off`, `yes`, `no`, `y` or `n` is a boolean:
`target_preps: [on, upon]` loads as `[True, "upon"]`, and "called on X" silently stops
matching; `country: NO` would be False. Our files are word lists, so only `true` and `false`
are booleans here. Two equal keys in one mapping (PyYAML keeps the second) are an error.
"""
from __future__ import annotations

from typing import Any

import yaml

BOOL_TAG = "tag:yaml.org,2002:bool"


def construct_bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool | str:
    """`true`/`false` as booleans; the YAML 1.1 words (`on`, `no`, `Y`...) as written."""
    value = loader.construct_scalar(node)
    return {"true": True, "false": False}.get(str(value).lower(), value)


class SourceLoader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}",
                                                        key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


SourceLoader.add_constructor(BOOL_TAG, construct_bool)


def load_source(text: str) -> Any:
    """Parse one of comity's source files (see the module docstring)."""
    return yaml.load(text, Loader=SourceLoader)  # noqa: S506 - a SafeLoader subclass


class LineDict(dict):
    """A mapping read by `load_source(text, lines=True)`: `.line` is where it starts (1-based)."""

    line: int | None = None
    key_lines: dict[Any, int] = {}  # the line of each key


class LineList(list):
    """A sequence read by `load_source(text, lines=True)`: `.line` is where it starts (1-based)."""

    line: int | None = None


class LineLoader(SourceLoader):
    """SourceLoader whose mappings and sequences remember their line, for messages that point
    the editor of a file at the row at fault."""


def _line_map(loader: LineLoader, node: yaml.MappingNode):
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    data.update(loader.construct_mapping(node))
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)  # type: ignore[no-untyped-call]
        if isinstance(key, (str, int, float, bool)):
            data.key_lines[key] = key_node.start_mark.line + 1


def _line_seq(loader: LineLoader, node: yaml.SequenceNode):
    data = LineList()
    data.line = node.start_mark.line + 1
    yield data
    data.extend(loader.construct_sequence(node))


LineLoader.add_constructor("tag:yaml.org,2002:map", _line_map)
LineLoader.add_constructor("tag:yaml.org,2002:seq", _line_seq)


def load_source_lines(text: str) -> Any:
    """`load_source`, with each mapping and sequence a LineDict or LineList carrying its line."""
    return yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass


def line_of(node: Any, key: Any = None) -> int | None:
    """The line a mapping or sequence read by `load_source_lines` starts on, or that of its
    `key` when given (None when not known)."""
    if key is not None and key in getattr(node, "key_lines", {}):
        return node.key_lines[key]
    return getattr(node, "line", None)
