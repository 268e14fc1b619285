"""Scoring in comity's format: the key rules of ``../shared/tools/score.py``, reimplemented.

A test (``tests/eval/test_comity_score.py``) checks that these rules give score.py's counts on
the same predictions. Each field is a set of keys per report, micro-averaged:

events      (event class, unordered pair of countries, date). The class groups CAMEO codes
            analysts count as one fact (``CLASSES``: 040/044/045/046 are "consult", 042/043
            "visit"...; otherwise the two-digit root). A report whose gold codes an event by
            PLOVER ``type`` alone is scored by PLOVER type. Optional gold events are neither
            required nor counted against a prediction that finds them. A gold date of null (the
            report states no day) matches a left-over prediction of the same class and pair
            whatever its date (``match_undated``). Checked among matches: ``undated`` (the
            prediction left an undated gold event undated too) and ``direction`` (source and
            target as gold has them, for the directed types: all but ``SYMMETRIC``).
meetings    (date, set of countries) of held gold meetings, against predicted events whose
            CAMEO code starts with 04; optional 04x gold events are ignored as false positives.
            A gold meeting of three or more states matches when the day's predicted meetings
            among its states cover all of them (``cover_groups``; those pairs are then part of
            the match). Checked among matches: place (folded, diacritics off).
agreements  (kind, set of parties, period start, period end). Checked: status (gold ``status``,
            else ``status_in_article``), signing date.
persons     (name folded, country). Checked: role (at least half its words among the titles).

Beyond score.py, ``event_types``, ``event_dyads`` and ``event_dates`` score each part of the
event key alone (the set of classes, of pairs, of dates per report), per-label PRF is kept
for events, and a confusion table by CAMEO root (or class, or PLOVER type) aligns missed and
spurious events that share a pair and a date. At root level a class confusion inside one root
(040 talks coded as 042 visit) shows on the diagonal; ``by="class"`` separates them.

Predictions are FORMAT.md records as dicts (``comity.model.to_dict(result)`` or a JSON line).
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .gold import GoldDoc, GoldEvent
from .scorer import Checks, Confusion, LabelledPRF, PRFScore, align_labels

FIELDS = ("events", "meetings", "agreements", "persons")
PART_FIELDS = ("event_types", "event_dyads", "event_dates")

# CAMEO codes grouped into the facts an analyst of diplomacy counts (score.py's CLASSES): the
# longest matching prefix wins; otherwise the two-digit root is the class.
CLASSES = {
    "01": "statement", "018": "empathy",
    "02": "appeal", "03": "intent",
    "040": "consult", "044": "consult", "045": "consult", "046": "consult",
    "041": "phone", "042": "visit", "043": "visit",
    "050": "support", "051": "support", "052": "support", "053": "support",
    "054": "recognize", "055": "apologize", "056": "forgive", "057": "sign",
}


# Types whose direction matters are all but these (score.py's SYMMETRIC): the symmetric PLOVER
# types and CAMEO classes, where "who to whom" is not part of the fact.
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE", "consult", "phone", "visit", "sign", "intent", "03", "06"}


def event_class(code: str | None) -> str:
    code = code or ""
    for n in (4, 3, 2):
        if code[:n] in CLASSES:
            return CLASSES[code[:n]]
    return code[:2]


def fold(text: str | None) -> str:
    """Lower-case letters only, diacritics removed: 'Hà Nội' -> 'hanoi'."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", text.casefold())


def role_words(text: str | None) -> set[str]:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z ]", " ", text.casefold()).replace("defense", "defence")
    return {w for w in text.split() if len(w) > 2}


def pair(a: str | None, b: str | None) -> frozenset:
    return frozenset(x for x in (a, b) if x)


def country(actor: Any) -> str | None:
    return actor.get("country") if isinstance(actor, dict) else actor


def _first_country(actors: tuple) -> str | None:
    return actors[0].country if actors else None


def gold_event_key(ev: GoldEvent) -> tuple:
    label = event_class(ev.cameo) if ev.cameo else ev.plover
    return (label, pair(_first_country(ev.source), _first_country(ev.target)), ev.date)


def pred_event_key(ev: dict, by_plover: bool) -> tuple:
    label = (ev.get("plover") or {}).get("type") if by_plover else event_class(ev.get("cameo"))
    return (label, pair(country(ev.get("source")), country(ev.get("target"))), ev.get("date"))


@dataclass
class ComityScores:
    fields: dict[str, PRFScore] = field(default_factory=lambda: {f: PRFScore() for f in FIELDS + PART_FIELDS})
    checks: dict[str, Checks] = field(default_factory=lambda: {f: Checks() for f in FIELDS})
    events_by_label: LabelledPRF = field(default_factory=LabelledPRF)
    confusion: Confusion = field(default_factory=Confusion)
    missing: list[str] = field(default_factory=list)
    errors: list[tuple[str, str, str, tuple]] = field(default_factory=list)  # (field, kind, doc id, key)
    docs: int = 0

    def errors_for(self, name: str) -> list[tuple[str, str, tuple]]:
        """The missed and spurious keys of one field, as score.py lists them: (doc id, kind, key)."""
        return [(where, kind, key) for f, kind, where, key in self.errors if f == name]

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"documents": self.docs, "missing_articles": list(self.missing)}
        for name, prf in self.fields.items():
            out[name] = prf.to_dict()
            if name in self.checks:
                out[name].update(self.checks[name].to_dict())
        out["events_by_label"] = self.events_by_label.to_dict()
        return out


def score_comity(golds: list[GoldDoc], preds: list[dict], *, confusion_by: str = "root") -> ComityScores:
    """Score prediction records against comity-format gold; see the module docstring."""
    by_id: dict[str, dict] = {}
    for p in preds:
        aid = (p.get("article") or {}).get("id")
        if aid is not None:
            by_id[str(aid)] = p
    s = ComityScores()
    for g in golds:
        s.docs += 1
        p = by_id.get(g.id)
        if p is None:
            s.missing.append(g.id)
            p = {}
        _score_events(s, g, p, confusion_by)
        _score_meetings(s, g, p)
        _score_agreements(s, g, p)
        _score_persons(s, g, p)
    return s


def match_undated(gold: set, pred: set) -> dict:
    """Pair each gold key whose last part (the date) is null with one left-over predicted key
    equal in all other parts, whatever its date: {gold key: predicted key}. Both sides are taken
    in ``repr`` order, as score.py takes them, so ties resolve the same way."""
    out = {}
    left = sorted(pred - gold, key=repr)
    for g in sorted((k for k in gold - pred if k[-1] is None), key=repr):
        for p in left:
            if p[:-1] == g[:-1]:
                out[g] = p
                left.remove(p)
                break
    return out


def cover_groups(gold: set, pred: set) -> dict:
    """Gold meetings of three or more states covered by the day's predicted pairs among them:
    {gold key: [the predicted keys that cover it]}."""
    out = {}
    for g in sorted(gold - pred, key=repr):
        date, states = g
        if len(states) < 3:
            continue
        parts = [p for p in pred if len(p[1]) == 2 and p[1] <= states and (p[0] == date or date is None)]
        if parts and frozenset().union(*(p[1] for p in parts)) == states:
            out[g] = parts
    return out


def _add(s: ComityScores, name: str, gold: set, pred: set, ignore: set, where: str,
         also: dict | None = None) -> dict:
    """Count one report for one field; ``also`` maps gold keys to the predicted key (or keys)
    that match them without being equal. Returns {gold key: predicted key or keys}."""
    matched: dict = {k: k for k in gold & pred}
    used = set(matched)
    for g, p in (also or {}).items():
        if g not in matched:
            matched[g] = p
            used.update(p if isinstance(p, list) else [p])
    spurious = pred - used - ignore
    missed = gold - set(matched)
    prf = s.fields[name]
    prf.tp += len(matched)
    prf.fp += len(spurious)
    prf.fn += len(missed)
    s.errors += [(name, "missed", where, k) for k in missed]
    s.errors += [(name, "spurious", where, k) for k in spurious]
    return matched


def _score_events(s: ComityScores, g: GoldDoc, p: dict, confusion_by: str) -> None:
    required = {gold_event_key(e) for e in g.events if not e.optional}
    optional = {gold_event_key(e) for e in g.events if e.optional} - required
    direction: dict[tuple, tuple] = {}
    for e in g.events:
        direction.setdefault(gold_event_key(e), (_first_country(e.source), _first_country(e.target)))
    pred_events = p.get("events") or []
    said: dict[tuple, set] = {}  # predicted key -> the (source, target) pairs predicted under it
    for e in pred_events:
        said.setdefault(pred_event_key(e, g.label_by_plover), set()).add(
            (country(e.get("source")), country(e.get("target"))))
    pred = set(said)
    for gk, pk in _add(s, "events", required, pred, optional, g.id, match_undated(required, pred)).items():
        if gk[-1] is None:
            s.checks["events"].check("undated", pk[-1] is None)
        if gk[0] not in SYMMETRIC and None not in direction[gk]:
            s.checks["events"].check("direction", direction[gk] in said[pk])
    s.events_by_label.score_set(pred, required, label=lambda k: str(k[0]), ignore=optional)
    for i, name in enumerate(PART_FIELDS):
        def part(keys, i=i):  # type: ignore[no-untyped-def]
            return {k[i] for k in keys}
        # a part found only in optional events is neutral, as the whole key is
        s.fields[name].score_set(part(pred), part(required), part(optional) - part(required))
    _confuse(s.confusion, g, pred_events, confusion_by)


def _confuse(table: Confusion, g: GoldDoc, pred_events: list[dict], by: str) -> None:
    """The confusion table at the level of score.py's keys, labelled by CAMEO root, score.py
    class (``by="class"``: tells 040 talks from 042 visits) or PLOVER type (``by="plover"``).

    Keys found in both are the diagonal (one count per true positive); a prediction that hits
    an optional key is neutral; the missed and spurious keys left are paired within their slot
    (same pair and date), equal labels first, and the rest go to the ``—`` row or column.
    """
    plover = by == "plover" or g.label_by_plover

    cut = event_class if by == "class" else (lambda code: (code or "??")[:2])

    def gold_label(e: GoldEvent) -> str:
        return (e.plover or "?") if plover or not e.cameo else cut(e.cameo)

    def pred_label(e: dict) -> str:
        return ((e.get("plover") or {}).get("type") or "(none)") if plover else cut(e.get("cameo"))

    required: dict[tuple, str] = {}
    optional: set[tuple] = set()
    for e in g.events:
        key = gold_event_key(e)
        if e.optional:
            optional.add(key)
        else:
            required.setdefault(key, gold_label(e))
    pred: dict[tuple, str] = {}
    for e in pred_events:
        pred.setdefault(pred_event_key(e, g.label_by_plover), pred_label(e))
    slots: dict[tuple, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for key, label in required.items():
        if key in pred:
            table.add(label, label)
        else:
            slots[key[1:]][0].append(label)
    for key, label in pred.items():
        if key not in required and key not in optional:
            slots[key[1:]][1].append(label)
    for gold_labels, pred_labels in slots.values():
        for gold_l, pred_l in align_labels(sorted(gold_labels), sorted(pred_labels)):
            table.add(gold_l, pred_l)


def _score_meetings(s: ComityScores, g: GoldDoc, p: dict) -> None:
    gm = {}
    for m in g.meetings:
        if m.status != "held":  # planned or background meetings are not events of the day
            continue
        gm[(m.date, frozenset(m.countries))] = m
    pm: dict[tuple, dict] = {}
    for ev in p.get("events") or []:
        if (ev.get("cameo") or "").startswith("04"):
            pm.setdefault((ev.get("date"), pair(country(ev.get("source")), country(ev.get("target")))), ev)
    maybe = {(e.date, pair(_first_country(e.source), _first_country(e.target))) for e in g.events
             if e.optional and (e.cameo or "").startswith("04")}
    also: dict = cover_groups(set(gm), set(pm))
    taken = {k for parts in also.values() for k in parts}
    # score.py calls the undated rule here too; a meeting key ends in its states, never null,
    # so it adds nothing today, and is kept so that the two stay the same if score.py changes
    also.update(match_undated(set(gm) - set(also), set(pm) - taken))
    for gk, pk in _add(s, "meetings", set(gm), set(pm), maybe, g.id, also).items():
        if gm[gk].place:
            first = pk[0] if isinstance(pk, list) else pk
            place = (pm[first].get("place") or {}).get("name")
            s.checks["meetings"].check("place", fold(place) == fold(gm[gk].place))


def _score_agreements(s: ComityScores, g: GoldDoc, p: dict) -> None:
    ga = {(a.kind, frozenset(a.parties), a.period_start, a.period_end): a for a in g.agreements}
    pa = {(a.get("kind"), frozenset(a.get("parties") or []), a.get("period_start"), a.get("period_end")): a
          for a in p.get("agreements") or []}
    for key in _add(s, "agreements", set(ga), set(pa), set(), g.id):
        s.checks["agreements"].check("status", ga[key].status == pa[key].get("status"))
        if ga[key].signed_on:
            s.checks["agreements"].check("signed_on", ga[key].signed_on == pa[key].get("signed_on"))


def _score_persons(s: ComityScores, g: GoldDoc, p: dict) -> None:
    gp = {(fold(x.name), x.country): x for x in g.persons}
    pp = {(fold(x.get("name")), x.get("country")): x for x in p.get("persons") or []}
    for key in _add(s, "persons", set(gp), set(pp), set(), g.id):
        role = role_words(gp[key].role)
        titles = set().union(*[role_words(t) for t in pp[key].get("titles") or []] or [set()])
        if role:
            s.checks["persons"].check("role", len(role & titles) >= max(1, len(role) // 2))
