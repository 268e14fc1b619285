"""One person across reports: the store's person key, by `comity.nlp.names`' rules.

`person_key(name, country)` is `"<name key>|<country>"` ("phanvangiang|VNM"; `"...|"` when the
report gives no country), where the name key is `comity.nlp.names.name_key` with each name part
replaced by its canonical spelling from `name_variants.yaml`: diacritics, case, spaces, hyphens
and the listed transliterations ("Sjafrie Sjamsoeddin" = "Syafrie Syamsuddin") fold together,
one vowel does not ("Minh" is not "Mạnh"). The country is part of the identity: two people of one
name in two states are two people.

A key is a function of the name and country alone, so which people exist does not depend on the
order reports are ingested in. That is why `same_person`'s last rule (long parts sharing their
consonant skeleton, "Chanyalath" / "Chanyalat") is not in the key: it is not transitive, and
applied at save time it would make the first spelling stored decide who is merged with whom.
Spellings it should merge belong in `name_variants.yaml`; `rekey(conn)` then re-keys a store.

This mirrors `comity.nlp.names` (checked by a test) but lives here because the store must not
import spaCy (importing `comity.nlp` loads the pipeline).
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

from ..source_yaml import load_source

SEPARATOR = "|"

# as comity.nlp.gazetteer._UNDECOMPOSED
_UNDECOMPOSED = str.maketrans({
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "þ": "th", "Þ": "Th",
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-",
})
_PARTS = re.compile(r"[\s\-‐‑’'.]+")  # as comity.nlp.names.name_parts
_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    """comity.nlp.gazetteer.fold: no diacritics, case-folded, single spaces."""
    decomposed = unicodedata.normalize("NFD", text.translate(_UNDECOMPOSED))
    stripped = unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
    return " ".join(stripped.casefold().split())


def name_parts(name: str) -> list[str]:
    """The folded parts of a name, letters and digits only (other punctuation never names anyone)."""
    parts = ("".join(_WORD.findall(p)).replace("_", "") for p in _PARTS.split(_fold(name)))
    return [p for p in parts if p]


@cache
def _variants() -> dict[str, str]:
    """Each listed spelling of a name part -> the group's first spelling (comity.nlp.names._variants)."""
    path = resources.files("comity") / "nlp" / "resources" / "name_variants.yaml"
    table: dict[str, str] = {}
    for group in load_source(path.read_text(encoding="utf-8")) or ():
        canonical = "".join(name_parts(group[0]))
        for spelling in group:
            table["".join(name_parts(spelling))] = canonical
    return table


def name_key(name: str) -> str:
    """A name's identity: its parts folded and canonical, without spaces ("Syafrie Syamsuddin" ->
    "sjafriesjamsoeddin"). Also what person look-ups fold a typed name to."""
    table = _variants()
    return "".join(table.get(p, p) for p in name_parts(name))


def person_key(name: str, country: str | None) -> str:
    """The store's identity of a person: name key and country ("phanvangiang|VNM")."""
    return f"{name_key(name)}{SEPARATOR}{country or ''}"


def key_prefix(name: str) -> str:
    """What every key of a person of this name starts with, for a LIKE (no wildcard in a key)."""
    return f"{name_key(name)}{SEPARATOR}"


# ---- re-keying a store ----------------------------------------------------------------------------

def rekey(conn: Any) -> dict[str, int]:
    """Rebuild `persons` from `person_observations` by the current keys, as a fresh ingest of the same
    reports would: each observation joins the person of its own name and country; a person's name is
    that of its first stored observation, its dates span its observations. Rows are reused (the lowest
    old id of a new person's observations), references in event mentions, meeting participants and
    agreement signatories are re-pointed by report, and persons left without observations are
    deleted. Deterministic; running it twice changes nothing. Returns counts of what changed.

    Used by migration 0004, and to apply an edited name_variants.yaml to an existing store. Plain SQL
    on named columns, so it works at any schema revision from 0004 on.
    """
    from sqlalchemy import JSON, bindparam, column, table, text

    obs = conn.execute(text("SELECT id, person_id, article_id, name, country, observed_on "
                            "FROM person_observations ORDER BY id")).all()
    groups: dict[str, list[Any]] = {}
    for o in obs:
        groups.setdefault(person_key(o.name, o.country), []).append(o)
    old = {r.id: r for r in conn.execute(text("SELECT id, key, name, country, first_seen, last_seen FROM persons"))}
    # which row each person keeps: its observations' lowest old id not claimed by an earlier person
    taken: set[int] = set()
    target: dict[str, int | None] = {}
    for key in sorted(groups, key=lambda k: groups[k][0].id):
        mine = sorted({o.person_id for o in groups[key]} - taken)
        target[key] = mine[0] if mine else None
        if mine:
            taken.add(mine[0])
    # free the keys first: a new key may be held by another row now (an edited variants table)
    keep = {pid for pid in target.values() if pid is not None}
    final = {pid: k for k, pid in target.items() if pid is not None}
    freed = [{"tmp": f"~rekey~{i}", "id": i} for i, r in old.items() if final.get(i) != r.key]
    freed_ids = {f["id"] for f in freed}
    if freed:
        conn.execute(text("UPDATE persons SET key = :tmp WHERE id = :id"), freed)
    new_rows = 0
    for key in sorted(groups, key=lambda k: groups[k][0].id):
        members = groups[key]
        dates = sorted(o.observed_on for o in members if o.observed_on)
        values = {"key": key, "name": members[0].name, "country": key.split(SEPARATOR, 1)[1] or None,
                  "first": dates[0] if dates else None, "last": dates[-1] if dates else None}
        pid = target[key]
        if pid is None:
            pid = conn.execute(text("INSERT INTO persons (key, name, country, first_seen, last_seen) "
                                    "VALUES (:key, :name, :country, :first, :last) RETURNING id"), values).scalar_one()
            target[key] = pid
            new_rows += 1
        else:
            r = old[pid]
            if pid in freed_ids or (r.name, r.country, r.first_seen, r.last_seen) != \
                    (values["name"], values["country"], values["first"], values["last"]):
                conn.execute(text("UPDATE persons SET key = :key, name = :name, country = :country, "
                                  "first_seen = :first, last_seen = :last WHERE id = :id"), {**values, "id": pid})
    # (article, old person id) -> new person id, for everything that names a person in a report
    moved: dict[tuple[int, int], int] = {}
    obs_moves = []
    for key, members in groups.items():
        for o in members:
            moved.setdefault((o.article_id, o.person_id), target[key])
            if o.person_id != target[key]:
                obs_moves.append({"pid": target[key], "id": o.id})
    if obs_moves:
        conn.execute(text("UPDATE person_observations SET person_id = :pid WHERE id = :id"), obs_moves)
    repointed = 0
    if any(a != b for (_, a), b in moved.items()):
        def new(article: int, pid: Any) -> Any:
            return moved.get((article, pid), pid) if isinstance(pid, int) else pid

        ups = []
        for r in conn.execute(text("SELECT id, article_id, source_person_id, target_person_id FROM event_mentions "
                                   "WHERE source_person_id IS NOT NULL OR target_person_id IS NOT NULL")):
            src, tgt = new(r.article_id, r.source_person_id), new(r.article_id, r.target_person_id)
            if (src, tgt) != (r.source_person_id, r.target_person_id):
                ups.append({"s": src, "t": tgt, "id": r.id})
        if ups:
            conn.execute(text("UPDATE event_mentions SET source_person_id = :s, target_person_id = :t WHERE id = :id"),
                         ups)
        repointed += len(ups)
        for name, col in (("meeting_mentions", "participants"), ("agreement_observations", "signatories")):
            t = table(name, column("id"), column("article_id"), column(col, JSON))
            ups = []
            for r in conn.execute(t.select()):
                ids = r._mapping[col] or []
                fixed = [new(r.article_id, i) for i in ids]
                if fixed != ids:
                    ups.append({"b_id": r.id, "b_v": fixed})
            if ups:
                conn.execute(t.update().where(t.c.id == bindparam("b_id")).values({col: bindparam("b_v", type_=JSON)}),
                             ups)
            repointed += len(ups)
    gone = [i for i in old if i not in keep]
    if gone:
        conn.execute(text("DELETE FROM persons WHERE id = :id"), [{"id": i} for i in gone])
    return {"persons": len(groups), "new": new_rows, "deleted": len(gone), "observations": len(obs_moves),
            "references": repointed}
