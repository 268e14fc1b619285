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
