"""Person names across articles: one identity for spellings that differ only by diacritics,
spacing, hyphens or a known transliteration.

`name_key` is exact up to diacritics, case, spaces and hyphens ("Phan Văn Giang" =
"Phan Van Giang" = "PHAN VAN-GIANG"). `same_person` also accepts transliteration
variants: parts listed in resources/name_variants.yaml, and long name parts (five
letters or more) that share their consonant skeleton and most of their letters
("Chanyalath" / "Channhalat", "Khamliang" / "Khamlieng"). Short parts must match
exactly, because in Vietnamese one vowel separates two names ("Minh" / "Mạnh").
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache
from importlib import resources


from .gazetteer import fold
from ..source_yaml import load_source

LONG_PART = 5
MIN_RATIO = 0.75


def name_parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s\-‐‑’'.]+", fold(name)) if p]


def name_key(name: str) -> str:
    """Identity key: folded, without spaces or hyphens."""
    return "".join(name_parts(name))


@cache
def _variants() -> dict[str, str]:
    path = resources.files("comity.nlp") / "resources" / "name_variants.yaml"
    table: dict[str, str] = {}
    for group in load_source(path.read_text(encoding="utf-8")) or ():
        canonical = "".join(name_parts(group[0]))
        for spelling in group:
            table["".join(name_parts(spelling))] = canonical
    return table


def _skeleton(part: str) -> str:
    """Consonants without h, doubled letters collapsed, first letter kept: chanyalath -> cnlt."""
    body = re.sub(r"[aeiouyh]", "", part[1:])
    return part[0] + re.sub(r"(.)\1+", r"\1", body)


def same_part(a: str, b: str) -> bool:
    if a == b:
        return True
    table = _variants()
    if table.get(a, a) == table.get(b, b):
        return True
    if min(len(a), len(b)) < LONG_PART:
        return False
    return _skeleton(a) == _skeleton(b) and SequenceMatcher(None, a, b).ratio() >= MIN_RATIO


def same_person(a: str, b: str) -> bool:
    """Whether two full names are one person's, allowing transliteration variants part by part."""
    pa, pb = name_parts(a), name_parts(b)
    if "".join(pa) == "".join(pb):
        return True
    return len(pa) == len(pb) >= 2 and all(same_part(x, y) for x, y in zip(pa, pb))
