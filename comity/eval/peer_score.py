"""Scoring on the field's sentence sets: PETRARCH-2 validation and PLOVER gold records.

Each gold document is one sentence; comity extracts it and every event it returns is a
candidate. A sentence where comity returns nothing is a miss for each measure (never left
out), and ``coverage`` reports how many eventful sentences got at least one event.

PETRARCH-2 (``score_petrarch``): the expected codings of a sentence are grouped into *units*:
one per (CAMEO code, source, target), a coding and its mirror (the same code with source
and target swapped, which PETRARCH emits for "A and B met") forming one unit that accepts
either order. Per unit:

root_accuracy   comity has an event in the sentence with the unit's CAMEO root (2 digits).
dyad_accuracy   comity has an event with the unit's source and target countries, in order
                (either order for a mirrored unit). A country PETRARCH leaves unknown
                (``---``) matches anything.
pair_accuracy   the same, order ignored (comity codes talks once, FORMAT.md: either order).
event_accuracy  one comity event has both the root and the (ordered) dyad.
noevent_accuracy  share of the ``noevents`` sentences where comity returns no event.
``root``/``pair``/``event`` PRF: the sets of roots, pairs and (root, pair) per sentence, so
events comity adds (also on ``noevents`` sentences) count as false positives.
Checks: ``sector`` compares source sectors where PETRARCH gives one, among event matches.

PLOVER (``score_plover``): one event per record.

type_accuracy   comity has an event of the record's PLOVER (2.0) type in the sentence.
event_accuracy  ... and that event's source country is among the record's source countries
                and its target country among the target countries (a side the record leaves
                empty matches anything).
``type`` PRF: the set of PLOVER types per sentence (comity's CAMEO 01x/02x events, which
PLOVER drops, count as type "(none)").

Both keep a confusion table (gold root or type against the matching, else the first,
comity event of the sentence; ``—`` for none) and per-category figures where the file has
categories (PETRARCH: AFP sentences carry PETRARCH-2's own output, the rest hand-written
test expectations).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .gold import GoldActor, GoldDoc
from .scorer import NONE, Checks, Confusion, PRFScore

NO_TYPE = "(none)"  # comity events PLOVER has no type for (CAMEO 01x, 02x)


def _pc(actor: Any) -> str | None:
    return actor.get("country") if isinstance(actor, dict) else None


def _ps(actor: Any) -> str | None:
    return actor.get("sector") if isinstance(actor, dict) else None


def _side_ok(gold: GoldActor, pred_country: str | None) -> bool:
    return gold.country is None or gold.country == pred_country


@dataclass
class SentenceOutcome:
    """What happened on one sentence: for the error listing and the report."""

    id: str
    text: str
    category: str | None
    gold: list[str]  # units as "code SRC>TGT"
    pred: list[str]  # comity events as "code SRC>TGT (PLOVER)"
    ok: dict[str, bool] = field(default_factory=dict)  # measure -> all units passed


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += bool(ok)

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class PeerScores:
    kind: str  # petrarch | plover
    accuracy: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))
    prf: dict[str, PRFScore] = field(default_factory=lambda: defaultdict(PRFScore))
    checks: Checks = field(default_factory=Checks)
    confusion: Confusion = field(default_factory=Confusion)
    by_category: dict[str, dict[str, Accuracy]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Accuracy)))
    outcomes: list[SentenceOutcome] = field(default_factory=list)
    sentences: int = 0
    skipped: list[str] = field(default_factory=list)  # sentences with no text
    missing: list[str] = field(default_factory=list)  # no prediction given

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"sentences": self.sentences, "skipped": list(self.skipped),
                               "missing_articles": list(self.missing)}
        for name, acc in sorted(self.accuracy.items()):
            out[name] = round(acc.value, 3)
            out[f"{name}_n"] = [acc.right, acc.total]
        for name, prf in sorted(self.prf.items()):
            out[name] = prf.to_dict()
        out.update({f"{k}_check": v for k, v in self.checks.to_dict().items()})
        if self.by_category:
            out["by_category"] = {cat: {k: [a.right, a.total] for k, a in sorted(accs.items())}
                                  for cat, accs in sorted(self.by_category.items())}
        return out


def _desc(code: str, src: str | None, tgt: str | None, extra: str = "") -> str:
    return f"{code} {src or '-'}>{tgt or '-'}" + (f" ({extra})" if extra else "")


def _pred_desc(e: dict) -> str:
    return _desc(e.get("cameo") or "?", _pc(e.get("source")), _pc(e.get("target")),
                 (e.get("plover") or {}).get("type") or NO_TYPE)


def _preds_by_id(preds: list[dict]) -> dict[str, dict]:
    return {str((p.get("article") or {}).get("id")): p for p in preds}


def petrarch_units(doc: GoldDoc) -> list[tuple[str, GoldActor, GoldActor, bool]]:
    """The sentence's expected codings as (code, source, target, either_order) units."""
    units: list[tuple[str, GoldActor, GoldActor, bool]] = []
    seen: set[tuple] = set()
    keys = {(e.cameo, e.source[0].code, e.target[0].code) for e in doc.events}
    for e in doc.events:
        s, t = e.source[0], e.target[0]
        key = (e.cameo, s.code, t.code)
        mirror = (e.cameo, t.code, s.code)
        if key in seen or mirror in seen:
            continue
        seen.add(key)
        units.append((e.cameo or "", s, t, mirror in keys and mirror != key))
    return units


def score_petrarch(golds: list[GoldDoc], preds: list[dict]) -> PeerScores:
    s = PeerScores("petrarch")
    by_id = _preds_by_id(preds)
    for g in golds:
        if not g.text:
            s.skipped.append(g.id)
            continue
        s.sentences += 1
        p = by_id.get(g.id)
        if p is None:
            s.missing.append(g.id)
        events = (p or {}).get("events") or []
        roots = [(e.get("cameo") or "")[:2] for e in events]
        dyads = [(_pc(e.get("source")), _pc(e.get("target"))) for e in events]
        units = petrarch_units(g)
        cat = s.by_category[g.category or "?"]
        out = SentenceOutcome(g.id, g.text, g.category,
                              [_desc(c, a.code, b.code, "either order" if sym else "") for c, a, b, sym in units],
                              [_pred_desc(e) for e in events])
        s.outcomes.append(out)
        if not units:
            ok = not events
            s.accuracy["noevent_accuracy"].add(ok)
            cat["noevent_accuracy"].add(ok)
            out.ok["noevent"] = ok
        else:
            s.accuracy["coverage"].add(bool(events))
            cat["coverage"].add(bool(events))
        for name in ("root", "dyad", "pair", "event"):
            out.ok.setdefault(name, True)
        for code, src, tgt, either in units:
            root = code[:2]

            def dyad_ok(d: tuple, ordered: bool = True) -> bool:
                fwd = _side_ok(src, d[0]) and _side_ok(tgt, d[1])
                back = _side_ok(src, d[1]) and _side_ok(tgt, d[0])
                return fwd or ((either or not ordered) and back)

            found = {
                "root": root in roots,
                "dyad": any(dyad_ok(d) for d in dyads),
                "pair": any(dyad_ok(d, ordered=False) for d in dyads),
                "event": any(r == root and dyad_ok(d) for r, d in zip(roots, dyads)),
            }
            for name, ok in found.items():
                s.accuracy[f"{name}_accuracy"].add(ok)
                cat[f"{name}_accuracy"].add(ok)
                out.ok[name] = out.ok[name] and ok
            match = next((i for i, (r, d) in enumerate(zip(roots, dyads)) if r == root and dyad_ok(d)), None)
            if match is not None:
                # the gold side comity's source stands for (the target's, for a mirrored unit read backwards)
                forward = _side_ok(src, dyads[match][0]) and _side_ok(tgt, dyads[match][1])
                sector = src.sector if forward else tgt.sector
                if sector:
                    s.checks.check("sector", _ps(events[match].get("source")) == sector)
            same_root = next((r for r in roots if r == root), None)
            s.confusion.add(root, same_root or (roots[0] if roots else NONE))
        if not units:
            for r in roots:
                s.confusion.add(NONE, r)
        gold_keys = {(c[:2], _pair(a.country, b.country)) for c, a, b, _ in units}
        pred_keys = {(r, _pair(*d)) for r, d in zip(roots, dyads)}
        s.prf["root"].score_set({k[0] for k in pred_keys}, {k[0] for k in gold_keys})
        s.prf["pair"].score_set({k[1] for k in pred_keys}, {k[1] for k in gold_keys})
        s.prf["event"].score_set(pred_keys, gold_keys)
    return s


def _pair(a: str | None, b: str | None) -> frozenset:
    return frozenset(x for x in (a, b) if x)


def score_plover(golds: list[GoldDoc], preds: list[dict]) -> PeerScores:
    s = PeerScores("plover")
    by_id = _preds_by_id(preds)
    for g in golds:
        if not g.text or not g.events:
            s.skipped.append(g.id)
            continue
        s.sentences += 1
        p = by_id.get(g.id)
        if p is None:
            s.missing.append(g.id)
        events = (p or {}).get("events") or []
        gold = g.events[0]
        types = [(e.get("plover") or {}).get("type") or NO_TYPE for e in events]
        srcs = {a.country for a in gold.source if a.country}
        tgts = {a.country for a in gold.target if a.country}

        def actors_ok(e: dict) -> bool:
            return ((not srcs or _pc(e.get("source")) in srcs)
                    and (not tgts or _pc(e.get("target")) in tgts))

        type_ok = gold.plover in types
        event_ok = any(t == gold.plover and actors_ok(e) for t, e in zip(types, events))
        cat = s.by_category[gold.plover or "?"]
        for name, ok in (("coverage", bool(events)), ("type_accuracy", type_ok), ("event_accuracy", event_ok)):
            s.accuracy[name].add(ok)
            cat[name].add(ok)
        s.prf["type"].score_set(set(types), {gold.plover})
        s.confusion.add(gold.plover or "?", gold.plover if type_ok else (types[0] if types else NONE))
        names = lambda actors: "+".join(a.code or "?" for a in actors) or None  # noqa: E731
        s.outcomes.append(SentenceOutcome(
            g.id, g.text, gold.plover,
            [_desc(gold.plover or "?", names(gold.source), names(gold.target), gold.raw_type or "")],
            [_pred_desc(e) for e in events], {"type": type_ok, "event": event_ok}))
    return s
