"""PETRARCH (TABARI) actor and agent dictionaries, read into comity entries. docs/dictionaries.md.

Actors file: a name (`_` for spaces), `+synonym` lines, and `[CODE]` blocks, each optionally
restricted in time: `[USAGOV >19890120]`, `[HOB <950601]`, `[HOBGOV 19950601-19990815]`.
The code is a country (its first three letters) followed by 3-letter sector and group codes.
Agents file: role words that add a sector to whatever actor they come with: `MINISTER [~GOV]`,
`POLICE {} [~COP]` (no plural), `ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]` (irregular
plural), and `!SET! = A, B` substitution sets used as `!SET!` in phrases.
Comments: `#` to the end of the line and `<!-- ... -->` blocks.

Reading is two steps: the syntax (any fault raises E107 with file:line) and the conversion of
codes. With `strict` (the default) a code whose country comity cannot place raises E108;
otherwise that entry is kept out and listed in `ActorDictionary.skipped`.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...errors import DataError, Errors
from ..lexicon import titles as title_lexicon
from .codes import (
    PETRARCH_COUNTRY_ALIASES,
    cameo_sector,
    is_country_code,
    is_state_code,
    non_state_list,
    title_case,
)
from .model import (
    AGENT,
    AS_WRITTEN,
    CAPITALS,
    COMMON_NOUN,
    ORGANISATION,
    PERSON,
    STATE,
    ActorDictionary,
    ActorEntry,
    Office,
    Skipped,
)
from .user import fail

_BLOCK = re.compile(r"\[([^\[\]]*)\]")
_DATE = r"\d{8}|\d{6}"
_CODE_BLOCK = re.compile(
    rf"^(?P<code>[A-Za-z][A-Za-z0-9]*(?:/[A-Za-z][A-Za-z0-9]*)*|[-+]+)"
    rf"(?:\s+(?:(?P<op>[<>])\s*(?P<date>{_DATE})|(?P<d1>{_DATE})\s*-\s*(?P<d2>{_DATE})))?$")
_AGENT_LINE = re.compile(r"^(?P<phrase>[^\[\]{}]+?)\s*(?:\{(?P<plural>[^{}]*)\})?\s*\[(?P<code>[^\[\]]*)\]$")
_SET_DEF = re.compile(r"^(?P<set>![A-Za-z0-9_]+!)\s*=\s*(?P<items>.+)$")
_SET_USE = re.compile(r"![A-Za-z0-9_]+!")


# ---- lines --------------------------------------------------------------------------------------------

def content_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of the lines that hold something, comments removed."""
    in_comment = False
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        if stripped.startswith("<!"):
            in_comment = "-->" not in stripped[2:]
            continue
        if stripped.startswith("<") and stripped.endswith(">"):
            continue  # other markup lines (<Actor>, <Country>) carry no entries
        stripped = stripped.split("#", 1)[0].strip()
        if stripped:
            yield n, stripped


def clean_name(raw: str, where: str) -> str:
    name = " ".join(raw.replace("_", " ").split())
    if not name or "|" in name:
        raise fail(where, f"{raw!r} is not a name")
    return name


def parse_date(text: str, where: str) -> dt.date:
    """YYYYMMDD, or TABARI's YYMMDD (19YY from 30 on, 20YY before)."""
    try:
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        year = int(text[:2])
        return dt.date(year + (1900 if year >= 30 else 2000), int(text[2:4]), int(text[4:]))
    except ValueError as e:
        raise fail(where, f"{text} is not a date (YYYYMMDD or YYMMDD)") from e


# ---- actors: syntax -----------------------------------------------------------------------------------

@dataclass
class CodeBlock:
    code: str
    start: dt.date | None
    end: dt.date | None
    where: str


@dataclass
class ActorRecord:
    """One actor as written: its name, synonyms and code blocks."""

    name: str
    where: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[CodeBlock] = field(default_factory=list)


def parse_code_blocks(text: str, where: str) -> list[CodeBlock]:
    if _BLOCK.sub("", text).strip():
        raise fail(where, f"expected [CODE] blocks, found {text!r} (is a bracket missing?)")
    blocks = []
    for content in _BLOCK.findall(text):
        m = _CODE_BLOCK.match(content.strip())
        if m is None:
            raise fail(where, f"[{content}] is not a code block: write [CODE], [CODE <YYYYMMDD], "
                              "[CODE >YYYYMMDD] or [CODE YYYYMMDD-YYYYMMDD]")
        start = end = None
        if m["op"] == "<":
            end = parse_date(m["date"], where) - dt.timedelta(days=1)
        elif m["op"] == ">":
            start = parse_date(m["date"], where) + dt.timedelta(days=1)
        elif m["d1"]:
            start, end = parse_date(m["d1"], where), parse_date(m["d2"], where)
            if end < start:
                raise fail(where, f"[{content}]: the period ends before it starts")
        blocks.append(CodeBlock(m["code"].upper(), start, end, where))
    return blocks


def parse_actors(text: str, path_label: str) -> list[ActorRecord]:
    """The actors of a PETRARCH actors file, as written (no code is checked here)."""
    records: list[ActorRecord] = []

    def finish() -> None:
        if records and not records[-1].codes:
            raise fail(records[-1].where, f"actor {records[-1].name!r} has no [CODE]")

    for n, line in content_lines(text):
        where = f"{path_label}:{n}"
        if line.startswith("+"):
            if not records:
                raise fail(where, "a +synonym before any actor")
            if "[" in line or "]" in line:
                raise fail(where, "a +synonym takes no code; put codes under the actor's name")
            records[-1].synonyms.append(clean_name(line[1:], where))
        elif line.startswith("["):
            if not records:
                raise fail(where, "a [CODE] before any actor")
            records[-1].codes += parse_code_blocks(line, where)
        else:
            finish()
            name, bracket, rest = line.partition("[")
            if "]" in name or "{" in name or "=" in name:
                raise fail(where, f"{line!r} is not an actor line (NAME [CODE])")
            records.append(ActorRecord(clean_name(name.rstrip("_ "), where), where))
            if bracket:
                records[-1].codes += parse_code_blocks(bracket + rest, where)
    finish()
    return records


# ---- actors: conversion -------------------------------------------------------------------------------

class _Unplaced(Exception):
    def __init__(self, reason: str):
        self.reason = reason


def convert_code(block: CodeBlock, strict: bool) -> Office | None:
    """An office for a code block; None for a null code ("---": do not code this name)."""
    code = block.code
    if not any(c.isalpha() for c in code):
        return None
    if "/" in code:
        if strict:
            raise fail(block.where, f"compound code {code} (several actors in one name) is not supported")
        raise _Unplaced(f"compound code {code}")
    country = PETRARCH_COUNTRY_ALIASES.get(code[:3], code[:3])
    if len(code) < 3 or not is_country_code(country):
        if strict:
            raise DataError(Errors.E108.format(where=block.where, code=code[:3], non_state=non_state_list()))
        raise _Unplaced(f"{code[:3]} is not a country or non-state code")
    sector = cameo_sector([code[i:i + 3] for i in range(3, len(code), 3)])
    return Office(country=country, sector=sector, start=block.start, end=block.end, code=code)


def _split_title(name: str) -> tuple[str | None, str]:
    """("President", "George W. Bush") from "President George W. Bush"; a title that is the whole
    name ("Prince of Dol Amroth") stays."""
    lex = title_lexicon()
    words = name.split()
    n = 0
    while n < len(words) - 1 and lex.is_title_word(words[n]):
        n += 1
    title = " ".join(words[:n])
    # "Central African Republic": "Central" is a title word, but a title ends in a head or is a rank
    if not (words[n - 1:n] and (words[n - 1] in lex.heads or title in lex.ranks or title in lex.honorifics)):
        return None, name
    if words[n] in lex.connectors or words[n].lower() in ("of", "the"):
        return None, name
    return title, " ".join(words[n:])


def _display(name: str) -> tuple[str, str]:
    """(name as news prints it, spelling) for a PETRARCH name."""
    words = name.split()
    if len(words) > 1 and words[0].upper() == "THE":
        name = " ".join(words[1:])  # "THE_AU": the article stays outside the name, as in the gazetteer
    if name != name.upper():
        return name, AS_WRITTEN
    # "UN", "PLO", "KU" alone are acronyms; in longer names only 2-letter words are ("Red Cross")
    return title_case(name, short_upper=3 if " " not in name else 2), CAPITALS


def actor_entry(record: ActorRecord, offices: list[Office]) -> ActorEntry:
    names = [_display(n) for n in [record.name, *record.synonyms]]
    spelling = CAPITALS if all(s == CAPITALS for _, s in names) else AS_WRITTEN
    name, *aliases = [n for n, _ in names]
    undated = [o for o in offices if not o.dated]
    latest = max(offices, key=lambda o: (o.end or dt.date.max, o.start or dt.date.min))
    main = undated[0] if undated else latest
    title, short = _split_title(name)
    if title is not None or any(o.dated for o in offices):
        kind = PERSON
        if title is not None:
            name = short
            offices = [Office(o.country, o.sector, title, o.start, o.end, o.code) for o in offices]
        aliases = [_split_title(a)[1] for a in aliases]
    elif len(main.code) == 3 and is_state_code(main.country):  # a bare country code: a name of the state
        kind = STATE
    else:
        kind = ORGANISATION
    return ActorEntry(name=name, type=kind, country=main.country, sector=main.sector,
                      aliases=tuple(a for a in dict.fromkeys(aliases) if a != name),
                      titles=(title,) if title else (), offices=tuple(offices), where=record.where,
                      spelling=spelling)


def read_actors(text: str, path_label: str, *, strict: bool = True) -> ActorDictionary:
    entries, skipped = [], []
    for record in parse_actors(text, path_label):
        offices, reasons = [], []
        for block in record.codes:
            try:
                office = convert_code(block, strict)
            except _Unplaced as e:
                reasons.append(e.reason)
                continue
            if office is None:
                reasons.append(f"null code {block.code}: PETRARCH does not code this name")
            else:
                offices.append(office)
        if offices:
            entries.append(actor_entry(record, offices))
        else:
            skipped.append(Skipped(record.where, record.name, "; ".join(dict.fromkeys(reasons))))
    return ActorDictionary(path=path_label, format="petrarch-actors", entries=tuple(entries),
                           skipped=tuple(skipped))


# ---- agents -------------------------------------------------------------------------------------------

def regular_plural(phrase: str) -> str | None:
    """PETRARCH's plural of the last word: -S, -ES, -Y -> -IES; a word already in -S has none."""
    head, _, last = phrase.rpartition(" ")
    upper = last.upper()
    if upper.endswith(("SS", "X", "Z", "CH", "SH")):
        plural = last + "es"
    elif upper.endswith("S"):
        return None
    elif upper.endswith("Y") and len(upper) > 1 and upper[-2] not in "AEIOU":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return f"{head} {plural}".strip()


def _expand(phrase: str, sets: dict[str, list[str]], where: str) -> list[str]:
    uses = _SET_USE.findall(phrase)
    for use in uses:
        if use not in sets:
            raise fail(where, f"substitution set {use} is not defined (define it as {use} = A, B)")
    parts = _SET_USE.split(phrase)
    out = []
    for choice in itertools.product(*(sets[u] for u in uses)):
        text = parts[0] + "".join(c + p for c, p in zip(choice, parts[1:]))
        out.append(" ".join(text.replace("_", " ").split()).lower())
    return out


def read_agents(text: str, path_label: str, *, strict: bool = True) -> ActorDictionary:
    """Role words -> ORG_HEAD entries with a sector and no country (the context gives it).
    An agent code with no comity sector (~BAH, ~GGS) or a prefix code (NGO~) is listed in `skipped`:
    it says what kind of body an actor is, which comity has no field for. `strict` has no effect here:
    agents carry no country codes."""
    sets: dict[str, list[str]] = {}
    entries, skipped = [], []
    for n, line in content_lines(text):
        where = f"{path_label}:{n}"
        if m := _SET_DEF.match(line):
            sets[m["set"]] = [i.strip() for i in m["items"].split(",") if i.strip()]
            continue
        m = _AGENT_LINE.match(line)
        if m is None:
            raise fail(where, f"{line!r} is not an agent line (PHRASE [~CODE], PHRASE {{PLURAL}} [~CODE]) "
                              "or a set (!SET! = A, B)")
        phrase = m["phrase"].strip().rstrip("_")
        forms = _expand(phrase, sets, where)
        if not forms or not all(forms):
            raise fail(where, f"{phrase!r} is not a phrase")
        code = m["code"].replace(" ", "").upper()
        if m["plural"] is not None:
            forms += [f for p in m["plural"].split(",") if p.strip() for f in _expand(p.strip(), sets, where)]
        elif not _SET_USE.search(phrase):  # a set lists its own plurals (MINISTER, MINISTERS)
            forms += [p for p in map(regular_plural, forms) if p]
        canonical = forms[0]
        if code.startswith("~") and not code.endswith("~"):
            sector = cameo_sector([code[i:i + 3] for i in range(1, len(code), 3)])
            if not sector:
                skipped.append(Skipped(where, canonical, f"{code}: no comity sector for this agent code"))
                continue
        elif code.endswith("~") and not code.startswith("~"):
            reason = f"{code}: a prefix code names a kind of body, not a sector"
            skipped.append(Skipped(where, canonical, reason))
            continue
        else:
            raise fail(where, f"agent code [{m['code']}] must start with '~' (~GOV) or end with it (NGO~)")
        entries.append(ActorEntry(name=canonical, type=AGENT, country="", sector=sector,
                                  aliases=tuple(f for f in dict.fromkeys(forms) if f != canonical),
                                  offices=(Office(country="", sector=sector, code=code),), where=where,
                                  spelling=COMMON_NOUN))
    return ActorDictionary(path=path_label, format="petrarch-agents", entries=tuple(entries),
                           skipped=tuple(skipped))


def looks_like_agents(text: str) -> bool:
    """An agents file's codes carry '~' ([~GOV], [NGO~]); an actors file's never do."""
    for _, line in itertools.islice(content_lines(text), 200):
        for block in _BLOCK.findall(line):
            if "~" in block:
                return True
    return False
