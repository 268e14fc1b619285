"""Country and sector codes, and the spellings under which a dictionary name is matched.

Shared by the user (YAML/CSV) and PETRARCH readers, so both check codes the same way and
both produce patterns that the gazetteer's matcher (case-sensitive, on ORTH) can use.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry

from ..compile import tone_variant
from ..gazetteer import EXTRA_CODES, IGO_CODE, SECTORS, strip_diacritics

# Non-state actors as PLOVER codes them (ONTOLOGY.md §2.3). They take the place of a country
# code; comity's records already use IGO for international bodies. EUR is left out on purpose:
# it means Europe (a region, not coded) in CAMEO and a body in PLOVER.
NON_STATE_CODES = frozenset({IGO_CODE, "NGO", "IMG", "MNC", "ISM"})
# PETRARCH/CAMEO codes the UN "UNO"; comity's records code every international body IGO.
PETRARCH_COUNTRY_ALIASES = {"UNO": IGO_CODE}

# CAMEO role codes (PETRARCH files) -> comity's sectors (PLOVER). CAMEO MED is the media
# (PLOVER JRN), its health sector HLH is PLOVER MED; PLOVER dropped INS and SEP (both rebels).
# Religion, ethnicity and group codes (MOS, CHR, HMS...) are not sectors and map to nothing.
CAMEO_SECTORS = {**{s: s for s in SECTORS - {"MED", "FORUM"}},
                 "MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB"}


def is_state_code(code: str) -> bool:
    return code in EXTRA_CODES or (
        re.fullmatch(r"[A-Z]{3}", code) is not None and pycountry.countries.get(alpha_3=code) is not None)


def is_country_code(code: str) -> bool:
    """A code an actor's `country` may hold: a state (ISO alpha-3, KOS) or a non-state code."""
    return code in NON_STATE_CODES or is_state_code(code)


def non_state_list() -> str:
    return ", ".join(sorted(NON_STATE_CODES))


def sector_list() -> str:
    return " ".join(sorted(SECTORS))


def cameo_sector(chunks: list[str]) -> str:
    """The first 3-letter chunk of a CAMEO code (after the country) that is a sector, or ""."""
    for chunk in chunks:
        if chunk in CAMEO_SECTORS:
            return CAMEO_SECTORS[chunk]
    return ""


@cache
def state_name(code: str) -> str | None:
    """The gazetteer's name for a state, so a dictionary's state entries share the gazetteer's ids."""
    from ..gazetteer import load_gazetteer

    country = load_gazetteer().countries.get(code)
    return country.name if country else None


# ---- spellings ----------------------------------------------------------------------------------------

def _is_latin(word: str) -> bool:
    letters = [c for c in unicodedata.normalize("NFD", word) if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def strip_latin_marks(text: str) -> str:
    """Drop accents from Latin-script words only: "Nguyễn" -> "Nguyen", but "Сергей" stays (й is a
    letter of its own, not и with an accent) and Hangul, Arabic or Thai are left as they are."""
    return "".join(strip_diacritics(part) if _is_latin(part) else part for part in re.split(r"(\s+)", text))


def written_variants(surface: str) -> set[str]:
    """Spellings of a name written by a person (user dictionaries): as written, without Latin accents,
    with the other Vietnamese tone placement, in capitals (datelines), with either apostrophe."""
    forms = {surface, strip_latin_marks(surface), tone_variant(surface)}
    forms |= {f.upper() for f in forms}
    forms |= {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}
    return forms


SMALL_WORDS = frozenset(["of", "the", "and", "for", "on", "in", "at", "to",
                         "de", "du", "des", "la", "le", "del", "da", "di", "van", "von"])


def _capitalise(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def title_case(upper_name: str, *, short_upper: int = 3) -> str:
    """A PETRARCH name (written in capitals) as news prints it: "GROUP OF 77" -> "Group of 77".
    Words of up to `short_upper` letters stay in capitals (UN, PLO); "U.S." and "77" are kept."""
    words = upper_name.split()
    out = []
    for n, word in enumerate(words):
        if "." in word or any(c.isdigit() for c in word):
            out.append(word)
        elif n and word.lower() in SMALL_WORDS:
            out.append(word.lower())
        elif len(word) <= short_upper and word.isalpha():
            out.append(word.upper())
        else:
            out.append(_capitalise(word))
    return " ".join(out)


def capitals_variants(upper_name: str) -> set[str]:
    """Spellings of a name from a capitals-only source: as title case with short words in capitals
    or not ("UN Security Council", "Un..."), the 4-letter variant ("IRAN" and "Iran"), all capitals."""
    forms = {title_case(upper_name, short_upper=n) for n in (0, 3, 4)} | {upper_name.upper()}
    return forms | {f.replace("'", "’") for f in forms}


def lower_variants(phrase: str) -> set[str]:
    """Spellings of a common noun phrase (PETRARCH agents): "foreign minister", "Foreign minister",
    "Foreign Minister", "FOREIGN MINISTER"."""
    lower = phrase.lower()
    forms = {lower, lower[:1].upper() + lower[1:], title_case(lower.upper(), short_upper=0), lower.upper()}
    return forms | {f.replace("'", "’") for f in forms}
