"""How `--help` reads: prose flows to the terminal's width, and a flag takes no value, so no `<bool>`
beside it (typer shows one by default).

Typer's rich help keeps the line breaks of a docstring after its first paragraph, so text wrapped
at 110 columns in the source came out with short lines at 80 and long ones cut at 160: each
paragraph is joined into one line here, and rich wraps it."""
from __future__ import annotations

import inspect
from typing import Any

from typer.core import TyperCommand, TyperGroup


def _bare_flags(params: list[Any]) -> list[Any]:
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""  # typer's rich help prints a metavar given in place of the type
    return params


def reflow(text: str | None) -> str | None:
    """Each paragraph of a docstring as one line; a paragraph of indented or bulleted lines is kept as is."""
    if not text:
        return text
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(p if any(line[:1] in (" ", "-", "*", "\b") for line in p.splitlines()[1:])
                       else " ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


class Command(TyperCommand):
    """A command whose help flows to the width and whose flags (--json, --quiet, --help...) show no
    `<bool>` in --help."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.help = reflow(self.help)

    def get_params(self, ctx: Any) -> list[Any]:
        return _bare_flags(super().get_params(ctx))


class Group(TyperGroup):
    """The same for a group (comity, comity data) and its own options (--version, --help)."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.help = reflow(self.help)

    def get_params(self, ctx: Any) -> list[Any]:
        return _bare_flags(super().get_params(ctx))
