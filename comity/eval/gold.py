"""Gold data in one internal form, whatever file it came from.

Three formats are read (``read_gold(path, fmt)``; ``detect_format`` guesses from the file):

``comity``    comity's own gold JSON Lines (``../shared/gold/seeds.jsonl``, ``dev.jsonl``): one
              report per line, with events, meetings, agreements and persons (``comity_gold.py``).
``plover``    the PLOVER gold standard records (``PLOVER_GSR_CAMEO.txt``): one coded sentence per
              record, PLOVER 0.5b1 type names mapped to PLOVER 2.0 (``plover_gold.py``).
``petrarch``  the PETRARCH-2 validation sentences (``PETR2_GSR_validation.xml``): sentences with
              the expected CAMEO codes and actor codes (``petrarch_gold.py``).

Every format becomes a list of ``GoldDoc``. A comity-format doc points at a report kept
elsewhere (``text`` is None); a peer-set doc carries its own sentence in ``text``, which
comity extracts. Actors are reduced to what comity emits: a country (ISO alpha-3, or
``IGO``/``NGO``/... for non-state codes), a sector, and the code as written.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, EvalError

FORMATS = ("comity", "plover", "petrarch")


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One side of a gold event. ``country`` is None when the file leaves it unknown (``---``)."""

    country: str | None
    sector: str | None = None
    code: str = ""  # as written in the file ("USAMIL", "IGOUNO", "VNM")
    text: str | None = None  # the words the annotator marked, when the file gives them


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A gold event. ``cameo`` and ``plover`` are None when the file does not code them.

    ``source``/``target`` are tuples because PLOVER records list compound actors; comity's
    and PETRARCH's events have at most one actor per side.
    """

    cameo: str | None
    plover: str | None
    source: tuple[GoldActor, ...] = ()
    target: tuple[GoldActor, ...] = ()
    date: str | None = None
    optional: bool = False
    mode: str | None = None  # PLOVER mode as given (mapped to 2.0 names where they changed)
    raw_type: str | None = None  # the event name as written in the file (PLOVER 0.5b1: DEMAND, FIGHT...)
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldMeeting:
    date: str | None
    countries: tuple[str, ...]  # the row's countries (or its participants' countries) plus the host
    place: str | None = None
    status: str | None = "held"  # held | planned | background; only held rows are scored


@dataclass(frozen=True, slots=True)
class GoldAgreement:
    kind: str | None
    parties: tuple[str, ...]
    period_start: int | None = None
    period_end: int | None = None
    status: str | None = None
    signed_on: str | None = None


@dataclass(frozen=True, slots=True)
class GoldPerson:
    name: str | None
    country: str | None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold unit: a report (comity format) or a coded sentence (peer sets)."""

    id: str
    format: str
    text: str | None = None  # the sentence to extract (peer sets); None when the report is elsewhere
    published: dt.date | None = None
    events: tuple[GoldEvent, ...] = ()
    no_events: bool = False  # the file says explicitly that nothing is to be coded
    meetings: tuple[GoldMeeting, ...] = ()
    agreements: tuple[GoldAgreement, ...] = ()
    persons: tuple[GoldPerson, ...] = ()
    # score.py labels predicted events by PLOVER type when a gold line codes some event by
    # type only; decided per document at read time, exactly as score.py decides it.
    label_by_plover: bool = False
    category: str | None = None  # PETRARCH-2 sentence category (AFP, GOLD, TEST, VERB, ...)
    extra: dict[str, str] = field(default_factory=dict, compare=False)


def sha256_file(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, in hex: pins the gold data a floor was measured on."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def detect_format(path: str | Path) -> str:
    """Guess the gold format from the file: XML is PETRARCH, a JSON array PLOVER, JSON Lines comity."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as f:
            head = f.read(4096).lstrip("\ufeff \t\r\n")
    except OSError as e:
        raise EvalError(Errors.E301.format(where=path, detail=e)) from e
    except UnicodeDecodeError as e:
        raise EvalError(Errors.E301.format(where=path, detail="not UTF-8")) from e
    if head.startswith("<"):
        return "petrarch"
    if head.startswith("["):
        return "plover"
    if head.startswith("{"):
        return "comity"
    raise EvalError(Errors.E302.format(path=path))


def read_gold(path: str | Path, fmt: str | None = None) -> list[GoldDoc]:
    """Read a gold file of the given format (guessed when None) into GoldDocs."""
    from .comity_gold import read_comity_gold
    from .petrarch_gold import read_petrarch_gold
    from .plover_gold import read_plover_gold

    fmt = fmt or detect_format(path)
    readers = {"comity": read_comity_gold, "plover": read_plover_gold, "petrarch": read_petrarch_gold}
    if fmt not in readers:
        raise EvalError(Errors.E302.format(path=path))
    return readers[fmt](path)


def read_lines(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise EvalError(Errors.E301.format(where=path, detail=e)) from e
    except UnicodeDecodeError as e:
        raise EvalError(Errors.E301.format(where=path, detail="not UTF-8")) from e
