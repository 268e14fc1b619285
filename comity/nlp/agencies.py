"""Agency sign-offs ("VNA/VNS", "Xinhua", "— Bangkok Post", "(SPA)") and the country each is based in."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources


from ..errors import DataError, Errors
from ..source_yaml import load_source

_SPLIT = re.compile(r"[/()\[\],;|]")
_WEB = re.compile(r"\.(?:net|com|org|gov|co|ph|my|sg|id|th|vn|la|kh|in|pk|kz|ua|jp|kr|ae|sa)(?:\.[a-z]{2})?\Z")
# agency markers where the wire layout was not recognised, so they stayed in the body: a dateline
# "RIYADH, Jan 15, 2024 (SPA) --", "ULAANBAATAR, January 15 (MONTSAME).", "KYIV, January 15. /Ukrinform/.",
# "ASTANA. KAZINFORM -", and a sign-off "— Emirates News Agency (WAM)", "— INQUIRER.net"
_LEAD_MARKERS = re.compile(
    r"\((?P<a>[^()\n]{2,40})\)\s*(?:--+|[—–―]|-\s|[.:])"
    r"|/(?P<b>[^/\n]{2,30})/\s*\.?"
    r"|\A\s*[A-Z][A-Z .'’-]{1,40}\.\s+(?P<c>[A-Z][A-Z]{1,20})\s*(?:--+|[—–―]|-\s)"
)
_TAIL_MARKER = re.compile(r"(?:[—–―]|--+|\s-)\s*(?P<a>[^—–―\n]{2,60}?)\s*\Z")
_LEAD, _TAIL = 200, 80
# a byline on a line of its own among the first lines of a crawled page ("...\n\nAAP\n\nThe federal
# government has ..."): only a name agencies.yaml knows counts, so a section label ("Politics") is none
_BYLINE = re.compile(r"^[ \t]*(?P<a>[A-Z][\w .&'’-]{1,38}?)[ \t]*$", re.M)
_BYLINE_LEAD = 600


@cache
def agency_countries() -> dict[str, str | None]:
    path = resources.files("comity.nlp") / "resources" / "agencies.yaml"
    data = load_source(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise DataError(Errors.E104.format(path=path, detail="expected a mapping of agency -> fields"))
    return {str(k): (v or {}).get("country") for k, v in data.items()}


def _loose(name: str) -> str:
    """A sign-off part compared loosely: case ignored, a leading "The" and a web suffix dropped."""
    name = _WEB.sub("", name.strip().casefold())
    if name.startswith("the "):
        name = name[4:]
    return " ".join(name.split())


@cache
def _loose_table() -> dict[str, str | None]:
    return {_loose(k): v for k, v in agency_countries().items()}


def _lookup(part: str) -> tuple[bool, str | None]:
    """(known, country) of one sign-off part."""
    part = part.strip()
    if not part:
        return False, None
    table = agency_countries()
    if part in table:
        return True, table[part]
    loose = _loose_table()
    key = _loose(part)
    if key in loose:
        return True, loose[key]
    return False, None


def home_country(source: str | None) -> str | None:
    """The country of the first known agency in a sign-off: "VNA/VNS" -> VNM; "AFP" -> None;
    "Dawn/APP" -> PAK; "Emirates News Agency (WAM)" -> ARE; "INQUIRER.net" -> PHL."""
    if not source:
        return None
    known, code = _lookup(source)
    if known:
        return code
    for part in _SPLIT.split(source):
        known, code = _lookup(part)
        if known and code:
            return code
    return None


def home_country_in_dateline(dateline: str | None) -> str | None:
    """The home country of an agency the dateline took in with the place: "ASTANA. KAZINFORM" -> KAZ."""
    if not dateline:
        return None
    for part in re.split(r"[.,/()]", dateline):
        known, code = _lookup(part)
        if known and code:
            return code
    return None


def home_country_in_text(text: str) -> str | None:
    """The home country of an agency whose marker stayed in the body because the wire layout around it
    was not recognised: in the first words ("RIYADH, Jan 15, 2024 (SPA) --", "ASTANA. KAZINFORM -") or the
    last ("... — Emirates News Agency (WAM)"), or a byline line of its own near the top ("AAP").
    Only names in agencies.yaml count."""
    for m in _LEAD_MARKERS.finditer(text, 0, min(len(text), _LEAD)):
        code = home_country(m["a"] or m["b"] or m["c"])
        if code:
            return code
    tail = _TAIL_MARKER.search(text, max(0, len(text) - _TAIL))
    if tail:
        code = home_country(tail["a"])
        if code:
            return code
    for m in _BYLINE.finditer(text, 0, min(len(text), _BYLINE_LEAD)):
        known, code = _lookup(m["a"])
        if known and code:
            return code
    return None
