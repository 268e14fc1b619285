"""The event trigger table (resources/event_triggers.yaml), loaded and checked."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


from ..errors import DataError, Errors
from ..source_yaml import load_source

FAMILIES = ("consult", "visit", "call", "praise", "empathy", "sign", "intent", "appeal", "invite",
            "accuse", "threaten", "investigate", "demand", "accuse_more", "reject", "sanction", "mobilize",
            "coerce", "assault", "retreat", "cooperate", "aid")


@dataclass(frozen=True)
class Trigger:
    family: str
    lemma: str
    cameo: str
    pos: str = "VERB"
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    requires_word: frozenset[str] = frozenset()
    window: int = 3
    intent: str | None = None
    target_preps: frozenset[str] = frozenset()
    needs_target: bool = False  # codes nothing unless the sentence names the target ("work with Laos")


@dataclass(frozen=True)
class TriggerTable:
    by_lemma: dict[str, tuple[Trigger, ...]]
    intent_complements: dict[str, frozenset[str]]
    humanitarian_words: frozenset[str]
    civilian_protesters: frozenset[str] = frozenset()


def _path():
    return resources.files("comity.nlp") / "resources" / "event_triggers.yaml"


@cache
def trigger_table() -> TriggerTable:
    path = _path()
    data = load_source(path.read_text(encoding="utf-8"))
    by_lemma: dict[str, list[Trigger]] = {}
    for family in FAMILIES:
        for row in data.get(family) or ():
            try:
                trig = Trigger(
                    family=family, lemma=row["lemma"], cameo=str(row["cameo"]),
                    pos=row.get("pos", "VERB"), objects=frozenset(row.get("objects") or ()),
                    not_objects=frozenset(row.get("not_objects") or ()),
                    requires_word=frozenset(row.get("requires_word") or ()), window=int(row.get("window", 3)),
                    intent=str(row["intent"]) if row.get("intent") else None,
                    target_preps=frozenset(row.get("target_preps") or ()),
                    needs_target=bool(row.get("needs_target", False)),
                )
            except (KeyError, TypeError) as e:
                raise DataError(Errors.E104.format(path=path, detail=f"{family}: {row!r}: {e}")) from e
            words = trig.objects | trig.not_objects | trig.requires_word | trig.target_preps | {trig.lemma}
            if not all(isinstance(w, str) for w in words):
                raise DataError(Errors.E104.format(path=path, detail=f"{family}: {row!r}: words must be text"))
            if trig.pos not in ("VERB", "NOUN", "ADJ"):
                raise DataError(Errors.E104.format(path=path, detail=f"{family}: {row!r}: pos must be VERB, NOUN or ADJ"))
            by_lemma.setdefault(trig.lemma, []).append(trig)
    unknown = set(data) - set(FAMILIES) - {"intent_complements", "humanitarian_words", "civilian_protesters"}
    if unknown:
        raise DataError(Errors.E104.format(path=path, detail=f"unknown sections {sorted(unknown)}"))
    return TriggerTable(
        by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        intent_complements={str(k): frozenset(v) for k, v in (data.get("intent_complements") or {}).items()},
        humanitarian_words=frozenset(data.get("humanitarian_words") or ()),
        civilian_protesters=frozenset(data.get("civilian_protesters") or ()),
    )
