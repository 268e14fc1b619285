"""The CAMEO codebook: each code's name, Goldstein score, quad class and PLOVER translation.

The facts live in ``resources/cameo.yaml`` (human-edited; its header says where they come from).
This module reads that file once, checks it, and answers ``code_info("057")``.

Quad classes follow the **Phoenix convention** (openeventdata/phoenix_pipeline), decided by the
CAMEO root alone (``quad_classes`` in cameo.yaml):

====  =====================  ==================================
quad  meaning                CAMEO roots
====  =====================  ==================================
0     neutral                01 statement, 02 appeal
1     verbal cooperation     03, 04, 05
2     material cooperation   06, 07, 08
3     verbal conflict        09, 10, 11, 12, 13, 16
4     material conflict      14, 15, 17, 18, 19, 20
====  =====================  ==================================

Other producers move 01-02, 09, 14 and 16 (GDELT, ICEWS), so a reported quad metric names this one.
The GDELT-named export writes GDELT's own classes instead (comity/query/tables.py, gdelt_quad_class).

CAMEO 01x and 02x have no PLOVER equivalent: their ``plover_type`` is ``""`` and comity keeps
such events in CAMEO only.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from ..errors import DataError, Errors
from ..model.event import PLOVER_TYPE_ORDER
from ..source_yaml import load_source

__all__ = ["CodeInfo", "PLOVER_TYPES", "code_info", "load_codebook", "quad_by_root", "quad_class"]

QUAD_CLASSES = range(5)  # 0 neutral ... 4 material conflict

# PLOVER 2.0 event types, plus "" for CAMEO codes PLOVER drops (01x, 02x).
PLOVER_TYPES = frozenset(PLOVER_TYPE_ORDER)

_CODE = re.compile(r"\d{2,4}")
_ROOT = re.compile(r"\d{2}")


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One codebook entry. ``plover_type`` is "" when PLOVER has no equivalent."""

    cameo: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str
    plover_mode: str = ""
    plover_context: tuple[str, ...] = ()


def quad_class(cameo: str) -> int:
    """The Phoenix quad class (0-4) of a CAMEO code, from its two-digit root."""
    try:
        return quad_by_root()[cameo[:2]]
    except KeyError:
        raise DataError(Errors.E106.format(code=cameo)) from None


def quad_by_root(path: str | Path | None = None) -> Mapping[str, int]:
    """The quad class of each CAMEO root ("04" -> 1), from cameo.yaml's ``quad_classes``."""
    return _load(Path(path) if path is not None else _default_path())[1]


def _default_path() -> Path:
    return Path(str(resources.files("comity.nlp") / "resources" / "cameo.yaml"))


def load_codebook(path: str | Path | None = None) -> Mapping[str, CodeInfo]:
    """The codebook as a read-only mapping from code ("04", "042", "0421") to CodeInfo.

    Reads the shipped ``cameo.yaml`` unless ``path`` is given; each file is read once.
    Raises DataError (E104) if the file is malformed.
    """
    return _load(Path(path) if path is not None else _default_path())[0]


@cache
def _load(path: Path) -> tuple[Mapping[str, CodeInfo], Mapping[str, int]]:
    try:
        data = load_source(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise DataError(Errors.E104.format(path=path, detail=e)) from e
    if not isinstance(data, dict) or not isinstance(data.get("codes"), dict):
        raise DataError(Errors.E104.format(path=path, detail="expected a top-level `codes:` mapping"))
    quads = _quads(path, data.get("quad_classes"))
    book: dict[str, CodeInfo] = {}
    for code, entry in data["codes"].items():
        book[str(code)] = _entry(path, code, entry, quads)
    for code in book:
        # Every leaf must be reachable by the fallback, so its root must be there too.
        if code[:2] not in book:
            raise DataError(Errors.E104.format(path=path, detail=f"{code!r} has no root entry {code[:2]!r}"))
    return MappingProxyType(book), quads


def _quads(path: Path, classes: Any) -> Mapping[str, int]:
    """``quad_classes`` (class -> its roots) as root -> class; each root in one class only."""
    def bad(detail: str) -> DataError:
        return DataError(Errors.E104.format(path=path, detail=f"quad_classes: {detail}"))

    if not isinstance(classes, dict):
        raise bad("a mapping of quad classes (0-4) to lists of CAMEO roots is required")
    out: dict[str, int] = {}
    for quad, roots in classes.items():
        if isinstance(quad, bool) or quad not in QUAD_CLASSES:
            raise bad(f"unknown class {quad!r}; use 0 to 4")
        if not isinstance(roots, list) or not all(isinstance(r, str) and _ROOT.fullmatch(r) for r in roots):
            raise bad(f"class {quad}: a list of quoted two-digit roots")
        for root in roots:
            if root in out:
                raise bad(f"root {root!r} is in classes {out[root]} and {quad}")
            out[root] = quad
    return MappingProxyType(out)


def _entry(path: Path, code: Any, entry: Any, quads: Mapping[str, int]) -> CodeInfo:
    def bad(detail: str) -> DataError:
        return DataError(Errors.E104.format(path=path, detail=f"code {code!r}: {detail}"))

    # An unquoted key such as 0312 reaches us as an int, and its leading zero is gone.
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise bad("keys must be quoted strings of 2-4 digits")
    if code[:2] not in quads:
        raise bad("unknown CAMEO root")
    if not isinstance(entry, dict):
        raise bad("expected a mapping with name, goldstein and plover")
    name, goldstein, plover = entry.get("name"), entry.get("goldstein"), entry.get("plover")
    if not isinstance(name, str) or not name.strip():
        raise bad("`name` must be a non-empty string")
    if isinstance(goldstein, bool) or not isinstance(goldstein, int | float) or not -10 <= goldstein <= 10:
        raise bad(f"`goldstein` must be a number from -10 to 10, not {goldstein!r}")
    if not isinstance(plover, dict):
        raise bad("`plover` must be a mapping with type, mode and context")
    ptype, mode, context = plover.get("type"), plover.get("mode", ""), plover.get("context", [])
    if ptype not in PLOVER_TYPES:
        raise bad(f"unknown PLOVER type {ptype!r}")
    if not isinstance(mode, str):
        raise bad("`plover.mode` must be a string")
    if not isinstance(context, list) or not all(isinstance(c, str) and c for c in context):
        raise bad("`plover.context` must be a list of labels")
    return CodeInfo(
        cameo=code,
        name=name.strip(),
        goldstein=float(goldstein),
        quad_class=quads[code[:2]],
        plover_type=ptype,
        plover_mode=mode.strip(),
        plover_context=tuple(context),
    )


def code_info(cameo: str) -> CodeInfo:
    """Look a CAMEO code up, falling back from 4 to 3 to 2 digits for leaves the codebook lacks.

    The returned ``cameo`` is the entry found, so ``code_info("0421").cameo == "042"`` shows the
    fallback. Raises DataError (E106) for a malformed code or one whose root is not 01-20.
    """
    book = load_codebook()
    if not isinstance(cameo, str) or not _CODE.fullmatch(cameo):
        raise DataError(Errors.E106.format(code=cameo))
    for size in range(len(cameo), 1, -1):
        info = book.get(cameo[:size])
        if info is not None:
            return info
    raise DataError(Errors.E106.format(code=cameo))
