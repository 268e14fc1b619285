"""The PLOVER gold standard records (``../shared/peer/PLOVER/PLOVER_GSR_CAMEO.txt``).

The file is one JSON array. Its first record (``"event": "DOCUMENT"``) documents the file;
each other record is one English sentence taken from the examples of the CAMEO 1.1b3 manual,
hand-coded in PLOVER 0.5b1 by Parus Analytics (2016)::

    {"id": "PLOVER-GSR01-AGREE-0001", "date": "2000-01-01",
     "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"}, ...],
     "target": [...] | "" | absent,
     "event": "AGREE", "mode": "...", "context": "refugees", "eventText": "agreed cooperate",
     "text": "Senior Hungarian and Romanian officials agreed on Wednesday that ...",
     "textInfo": {"markup": "... (SRC/TAR: Hungarian) ... (EVT: agreed) ..."}, ...}

What the reader does with it:

- **Event types** use the 0.5b1 names; ``OLD_TO_NEW`` maps the four that changed to PLOVER 2.0
  (the names the CAMEO-to-PLOVER 2021 table and comity use). Mode: INVESTIGATE and DISAPPROVE
  became modes of ACCUSE, and the 0.5b1 CONSULT mode ``host`` is 2.0's ``visit``.
- **Actors**: ``code`` is a 3-letter country or non-state code; three are not ISO 3166 alpha-3
  and are mapped (``CODE_FIXES``: JAP, ITL, VTN). ``sector`` keeps its first three letters
  (``CVLalb`` is CVL with an ethnic tag); ``***`` means unknown. A target given as ``""``
  (or, once, a stray context word) means no target.
- **Dates** are all ``2000-01-01``, a placeholder (manual examples carry no date); it is passed
  to comity as the publication date as the record gives it, and dates are not scored.
- **Text**: whitespace is collapsed and the braces that wrap two manual quotations
  (``{France is ready ...}``) are dropped; nothing else is touched.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..errors import Errors, EvalError
from .gold import GoldActor, GoldDoc, GoldEvent, read_lines

# PLOVER 0.5b1 name -> (PLOVER 2.0 type, mode implied by the old name).
OLD_TO_NEW: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),           # 2.0 renamed DEMAND to REQUEST (requests, demands, orders)
    "DISAPPROVE": ("ACCUSE", "disapprove"),  # 2.0 ACCUSE covers disapprove, investigate, allege
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),            # 2.0 folds two-sided fighting into ASSAULT
}
PLOVER_2 = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
OLD_MODES = {("CONSULT", "host"): "visit"}  # 2.0: "visit" = actor visits, recipient hosts

# Codes in the GSR that are not ISO 3166-1 alpha-3 (or are retired ISO codes) -> ISO.
CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}


def new_type(old: str) -> tuple[str, str | None]:
    """A PLOVER 0.5b1 event name -> (PLOVER 2.0 type, implied mode or None)."""
    if old in OLD_TO_NEW:
        return OLD_TO_NEW[old]
    if old in PLOVER_2:
        return old, None
    raise ValueError(f"unknown PLOVER event name {old!r}")


def plover_actor(item: dict[str, Any]) -> GoldActor:
    code = str(item.get("code") or "").strip().upper()
    sector = str(item.get("sector") or "").strip()[:3].upper()
    country = CODE_FIXES.get(code, code) or None
    return GoldActor(country=country, sector=sector if sector.isalpha() else None, code=code,
                     text=item.get("actorText"))


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return ()  # "", null, or a stray string: no actor
    return tuple(plover_actor(a) for a in value if isinstance(a, dict))


def clean_text(text: str) -> str:
    text = " ".join(text.split())
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1].strip()
    return text.removeprefix("{").strip()


def read_plover_gold(path: str | Path) -> list[GoldDoc]:
    """Read the PLOVER GSR JSON array; raises EvalError (E301) on a malformed file or record."""
    try:
        records = json.loads(read_lines(path))
    except json.JSONDecodeError as e:
        raise EvalError(Errors.E301.format(where=path, detail=f"not JSON: {e}")) from e
    if not isinstance(records, list):
        raise EvalError(Errors.E301.format(where=path, detail="expected a JSON array of records"))
    docs = []
    for n, rec in enumerate(records):
        where = f"{path}#{n}"
        if not isinstance(rec, dict) or rec.get("event") == "DOCUMENT":
            continue
        rid, old, text = rec.get("id"), rec.get("event"), rec.get("text")
        if not isinstance(rid, str) or not isinstance(old, str) or not isinstance(text, str):
            raise EvalError(Errors.E301.format(where=where, detail="record needs string id, event and text"))
        try:
            ptype, implied_mode = new_type(old.strip().upper())
        except ValueError as e:
            raise EvalError(Errors.E301.format(where=f"{where} ({rid})", detail=e)) from None
        mode = str(rec.get("mode") or "").strip() or implied_mode
        mode = OLD_MODES.get((ptype, mode or ""), mode)
        published = _date(rec.get("date"))
        event = GoldEvent(cameo=None, plover=ptype, source=_actors(rec.get("source")),
                          target=_actors(rec.get("target")),
                          date=published.isoformat() if published else None,
                          mode=mode, raw_type=old, note=str(rec.get("eventText") or ""))
        context = rec.get("context")
        docs.append(GoldDoc(id=rid, format="plover", text=clean_text(text), published=published,
                            events=(event,), extra={"context": str(context or "")}))
    return docs


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
