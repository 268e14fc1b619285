"""Compile the actor gazetteer YAML into spaCy phrase patterns: `python -m comity.nlp.compile`.

The patterns are matched on ORTH (case-sensitive: "Chad" the state, not "chad"), so every spelling the
news may print has to be a pattern of its own. From each surface form in the YAML we derive:
  - the diacritic-free form ("Việt Nam" -> "Viet Nam"; Xinhua and Kyodo copy drops the marks),
  - the other placement of the Vietnamese tone mark ("Khánh Hòa" / "Khánh Hoà"; both styles are in use),
  - the ALL-CAPS form (datelines: "HÀ NỘI —"),
  - both apostrophes ("People's" / "People’s"; VNA prints the typographic one).
Possessives need nothing: the tokenizer splits "Laos’" and "ASEAN's" off the name.

The output is sorted, so a change to the YAML shows as a readable diff of the JSONL.
tests/test_data_integrity.py checks that the committed file matches the YAML.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

from ..errors import DataError, Errors
from .gazetteer import Gazetteer, load_gazetteer, strip_diacritics

PATTERNS_PATH = Path(__file__).parent / "resources" / "compiled" / "actor_patterns.jsonl"

# Vietnamese tone marks (grave, acute, hook, tilde, dot below) as NFD combining characters.
_TONE = "\u0300\u0301\u0309\u0303\u0323"
# In a word-final "oa", "oe" or "uy" the old style puts the tone on the first vowel (Hòa, Thủy) and the
# new one on the second (Hoà, Thuỷ). After "q" the "u" is part of the consonant (Quý), so it never moves.
_TONE_ON_FIRST = re.compile(rf"(?<![qQ])([oOuU])([{_TONE}])([aAeEyY])(?![\w{_TONE}\u0302\u0306\u031b])")
_TONE_ON_SECOND = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONE}])(?![\w{_TONE}\u0302\u0306\u031b])")


def tone_variant(text: str) -> str:
    """The same Vietnamese name with the other tone-mark placement ("Hòa" <-> "Hoà"); often unchanged."""
    nfd = unicodedata.normalize("NFD", text)
    moved = _TONE_ON_FIRST.sub(r"\1\3\2", nfd)
    if moved == nfd:
        moved = _TONE_ON_SECOND.sub(r"\1\3\2", nfd)
    return unicodedata.normalize("NFC", moved)


def surface_variants(surface: str) -> set[str]:
    """Every spelling under which `surface` is matched."""
    forms = {surface, strip_diacritics(surface), tone_variant(surface)}
    forms |= {f.upper() for f in forms}
    forms |= {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}
    return forms


def compile_patterns(gazetteer: Gazetteer) -> list[dict[str, str]]:
    """SpanRuler phrase patterns {"label": KIND, "pattern": text, "id": "code|sector|canonical"}, sorted."""
    seen = {(entry.kind, form, entry.id)
            for entry, surface in gazetteer.surfaces()
            for form in surface_variants(surface)}
    return [{"label": label, "pattern": pattern, "id": id_} for label, pattern, id_ in sorted(seen)]


def dumps(patterns: list[dict[str, str]]) -> str:
    return "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in patterns)


def write_compiled(path: Path = PATTERNS_PATH, gazetteer: Gazetteer | None = None) -> int:
    """Write the patterns as JSONL; returns how many were written."""
    patterns = compile_patterns(gazetteer or load_gazetteer())
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(patterns), encoding="utf-8")
    return len(patterns)


def read_compiled(path: Path = PATTERNS_PATH) -> list[dict[str, str]]:
    """The compiled patterns; DataError (E103) when the file is missing or unreadable."""
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as e:
        raise DataError(Errors.E103.format(path=path)) from e


def check_compiled(path: Path = PATTERNS_PATH) -> str:
    """One line saying the compiled patterns are those the gazetteer's YAML gives today;
    DataError (E103) when they are missing or stale (an edit not followed by a compile)."""
    current = compile_patterns(load_gazetteer())
    if read_compiled(path) != current:
        raise DataError(Errors.E103.format(path=path))
    return f"{Path(path).name}: {len(current)} patterns, current"


def main(argv: list[str] | None = None) -> int:
    n = write_compiled(PATTERNS_PATH)
    sys.stdout.write(f"wrote {n} patterns to {PATTERNS_PATH}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
