"""The PETRARCH-2 validation sentences (``../shared/peer/UniversalPetrarch/PETR2_GSR_validation.xml``).

Each record is a sentence with its expected codings::

    <Sentence category="AFP" date="20080806" id="AFP0808020905_1" evaluate="true"/>
    <!-- PATTERN * TALKS   [046:046]     # HOLD-->
    <EventCoding eventcode="046" sourcecode="LBNGOV" targetcode="USAMIL" />
    <EventCoding eventcode="046" sourcecode="USAMIL" targetcode="LBNGOV" />
    <Text> The US commander in Iraq, General David Petraeus, held talks with ... </Text>
    <Parse> ...CoNLL-U dependency parse... </Parse></Sentence>

or ``<EventCoding noevents="True" />`` for a sentence that must yield nothing.

The file is not well-formed XML (most ``<Sentence .../>`` tags close themselves and a
``</Sentence>`` follows anyway; ``#`` banner lines sit between elements), so it is read with
regular expressions: comments are removed, the file is cut at each ``<Sentence`` tag, and each
piece gives its ``EventCoding`` tags and its ``<Text>``. The parse is ignored: comity parses
the text itself. Sentences with ``evaluate="false"`` are dropped; a sentence with an empty
``<Text>`` (one: ``abc12_3``) is kept with ``text=""``, and the scorer counts it as skipped.

Text: line wraps are collapsed to spaces and GigaWord's PTB-style quotes (````unacceptable''``)
become ``"``; nothing else is changed.

Dates are ``YYYYMMDD``; one record has ``121108``, which is not a date: it gets none.

**Actor codes** (``USA``, ``VNMGOV``, ``USAMIL``, ``IGOUNOMIL``, ``---REB``) are a 3-letter
country or non-state code followed by 3-letter agent codes. ``parse_actor_code`` keeps the
country (``---`` -> None, unknown), and the first agent that is a sector comity knows
(GOV, MIL, REB, OPP...) as the sector. Other agents (religions such as MUS, regions such as
GZA, organisations such as UNO or EEC) are not sectors and are dropped.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from .gold import GoldActor, GoldDoc, GoldEvent, read_lines
from .plover_gold import CODE_FIXES

# CAMEO/Phoenix agent codes that are sectors of a state or group (PLOVER's sector list).
SECTORS = frozenset({
    "GOV", "MIL", "REB", "OPP", "CVL", "LEG", "JUD", "COP", "SPY", "JRN", "MED", "BUS", "EDU", "LAB",
    "PTY", "UAF", "CRM", "AGR", "ELI", "REF", "HRI", "PRM", "PRE", "SOC", "REL", "ENV", "HLH", "DEV",
    "PPL", "NGO", "IGO", "MNC", "INS", "SEP",
})

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*?)/?>")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_END = re.compile(r"</Sentences>")


def parse_actor_code(code: str) -> GoldActor:
    """``"USAMIL"`` -> GoldActor(country="USA", sector="MIL"); ``"---REB"`` -> (None, "REB")."""
    code = (code or "").strip().upper()
    head = code[:3]
    country = None if not head or set(head) <= {"-"} else CODE_FIXES.get(head, head)
    agents = [code[i:i + 3] for i in range(3, len(code), 3)]
    sector = next((a for a in agents if a in SECTORS), None)
    return GoldActor(country=country, sector=sector, code=code)


def clean_text(text: str) -> str:
    """Collapse the file's hard line wraps, and turn GigaWord's ``quotes'' into plain ones."""
    text = re.sub(r"\s*``\s*", ' "', text).replace("''", '"')
    return " ".join(text.split())


def _attrs(text: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(text)}


def _date(value: str | None) -> dt.date | None:
    if not value or not re.fullmatch(r"\d{8}", value):
        return None
    try:
        return dt.datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        return None


def read_petrarch_gold(path: str | Path) -> list[GoldDoc]:
    """Read the PETRARCH-2 validation file into one GoldDoc per sentence to evaluate."""
    raw = _COMMENT.sub("", read_lines(path))
    end = _END.search(raw)
    raw = raw[: end.start()] if end else raw
    starts = list(_SENTENCE.finditer(raw))
    docs = []
    for i, m in enumerate(starts):
        block = raw[m.end(): starts[i + 1].start() if i + 1 < len(starts) else len(raw)]
        attrs = _attrs(m.group(1))
        sid = attrs.get("id", f"sentence-{i + 1}")
        if attrs.get("evaluate", "true").lower() != "true":
            continue
        text_match = _TEXT.search(block)
        text = clean_text(html.unescape(text_match.group(1))) if text_match else ""
        published = _date(attrs.get("date"))
        events, no_events = [], False
        for coding in _CODING.finditer(block):
            c = _attrs(coding.group(1))
            if c.get("noevents", "").lower() == "true":
                no_events = True
                continue
            if "eventcode" not in c:
                continue
            events.append(GoldEvent(
                cameo=c["eventcode"].strip(), plover=None,
                source=(parse_actor_code(c.get("sourcecode", "")),),
                target=(parse_actor_code(c.get("targetcode", "")),),
                date=published.isoformat() if published else None,
            ))
        docs.append(GoldDoc(id=sid, format="petrarch", text=text, published=published, events=tuple(events),
                            no_events=no_events and not events, category=attrs.get("category"),
                            extra={"date_as_written": attrs.get("date", "")}))
    return docs
