"""The event trigger table (resources/event_triggers.yaml), compiled and checked.

One compiler for the rules of the event coder: the trigger rows of each family, the speech
acts (verbs coded from the clause they tell of), the guards each row passes (names of
comity.nlp.analysis.GUARDS), the family groups and the word lists the coder's rules read.
The same table feeds the pipeline (comity/nlp/components/events.py) and the fast path
(comity/nlp/fastpath.py: `TriggerTable.fast_triggers`), so the two see the same words.

Every error names the file and the line of the row at fault: an unknown section or key, a
repeated id, an unknown family, guard, clause or cue list, a CAMEO code (`cameo`, `intent`)
that resources/cameo.yaml does not know, a word that is not text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..errors import DataError, Errors
from ..source_yaml import load_source_lines
from .analysis import CLAUSES, GUARDS as ANALYSIS_GUARDS, cues, where
from .coder_guards import CODER_GUARDS

# every guard a row may name: the shared analysis' and the event coder's own
GUARDS = (*ANALYSIS_GUARDS, *CODER_GUARDS)

FAMILIES = ("consult", "visit", "call", "praise", "empathy", "sign", "intent", "appeal", "invite",
            "accuse", "threaten", "investigate", "demand", "accuse_more", "reject", "sanction", "mobilize",
            "coerce", "assault", "retreat", "cooperate", "aid")
ROW_KEYS = frozenset({"id", "lemma", "pos", "objects", "not_objects", "requires_word", "window", "cameo", "intent",
                      "target_preps", "needs_target", "skip_guards", "intransitive", "received"})
SPEECH_KEYS = frozenset({"id", "family", "lemma", "lemmas_from", "clause", "replaces", "cameo", "intent",
                         "target_preps", "skip_guards"})
WORD_LISTS = ("humanitarian_words", "civilian_protesters", "encounter_nouns", "sideline_words", "discussion_verbs",
              "feeling_verbs", "member_preps", "conversation_verbs", "phone_words", "purpose_heads",
              "fixture_words", "domestic_bodies", "setting_aux", "vessel_words", "encounter_acts",
              "guest_nouns", "separate_words", "quantity_nouns", "pledge_nouns", "impostor_verbs",
              "terror_words")
GROUPS = ("content", "domestic", "venue", "reaction", "together", "exhortation", "disapproval")
SECTIONS = frozenset(FAMILIES) | set(WORD_LISTS) | {"guards", "speech_acts", "family_groups", "intent_complements"}


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
    intransitive: bool = False  # counts only with no direct object ("protesters demonstrated", not "demonstrated growth")
    received: bool = False  # told from the receiving side ("Ukraine took delivery of US vehicles"): the giver acts
    id: str = ""  # the row's id in event_triggers.yaml
    guards: tuple[str, ...] = ()  # names of analysis.GUARDS the act must pass, in order
    clause: str | None = None  # a speech act: the clause it reads (analysis.CLAUSES)

    @property
    def reads_clause(self) -> bool:
        """A speech act coded from the subject of its clause ("said X must", "proposed that X")."""
        return self.clause is not None and self.clause != "none"


@dataclass(frozen=True)
class SpeechAct:
    """A speech act row: the trigger it codes, the verbs that say it, and for the `none`
    clause the family of the reading it replaces."""

    trigger: Trigger
    lemmas: frozenset[str]
    replaces: str | None = None


@dataclass(frozen=True)
class TriggerTable:
    by_lemma: dict[str, tuple[Trigger, ...]]
    intent_complements: dict[str, frozenset[str]]
    humanitarian_words: frozenset[str]
    civilian_protesters: frozenset[str] = frozenset()
    speech_acts: tuple[SpeechAct, ...] = ()
    groups: dict[str, frozenset[str]] = field(default_factory=dict)  # family_groups: name -> families
    encounter_nouns: frozenset[str] = frozenset()
    sideline_words: frozenset[str] = frozenset()
    discussion_verbs: frozenset[str] = frozenset()
    feeling_verbs: frozenset[str] = frozenset()
    member_preps: frozenset[str] = frozenset()
    conversation_verbs: frozenset[str] = frozenset()
    phone_words: frozenset[str] = frozenset()
    purpose_heads: frozenset[str] = frozenset()
    fixture_words: frozenset[str] = frozenset()
    domestic_bodies: frozenset[str] = frozenset()
    setting_aux: frozenset[str] = frozenset()
    vessel_words: frozenset[str] = frozenset()
    encounter_acts: frozenset[str] = frozenset()
    guest_nouns: frozenset[str] = frozenset()
    separate_words: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    pledge_nouns: frozenset[str] = frozenset()
    impostor_verbs: frozenset[str] = frozenset()
    terror_words: frozenset[str] = frozenset()

    @property
    def speech_lemmas(self) -> frozenset[str]:
        return frozenset().union(*(act.lemmas for act in self.speech_acts))

    @property
    def lemmas(self) -> frozenset[str]:
        """Every lemma a rule of the table may start from."""
        return frozenset(self.by_lemma) | self.speech_lemmas

    def fast_triggers(self) -> dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]]:
        """lemma -> (objects, required words) of each rule: what the fast path must see in a
        report before it may be an event. A speech act asks for neither (its clause is read on
        the parse)."""
        out: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {
            lemma: [(t.objects, t.requires_word) for t in found] for lemma, found in self.by_lemma.items()}
        for act in self.speech_acts:
            for lemma in sorted(act.lemmas):
                out.setdefault(lemma, []).append((frozenset(), frozenset()))
        return {lemma: tuple(rows) for lemma, rows in out.items()}


def _path():
    return resources.files("comity.nlp") / "resources" / "event_triggers.yaml"


class _Compiler:
    """Reads the table's sections, checking each row where it stands (see the module doc)."""

    def __init__(self, data: dict, path, codes):
        self.data, self.path, self.codes = data, path, codes
        self.ids: dict[str, str] = {}
        self.default_guards = self._default_guards()

    def fail(self, node, detail: str, key=None):
        raise DataError(Errors.E104.format(path=where(self.path, node, key), detail=detail))

    def words(self, node, row, key) -> frozenset[str]:
        value = row.get(key) or []
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            self.fail(row, f"{key}: words must be text", key)
        return frozenset(value)

    def code(self, row, key) -> str | None:
        value = row.get(key)
        if value is None or value == "":
            return None
        code = str(value)
        if self.codes is not None and code not in self.codes:
            self.fail(row, f"{key}: unknown CAMEO code {code!r} (see resources/cameo.yaml)", key)
        return code

    def _default_guards(self) -> tuple[str, ...]:
        names = self.data.get("guards") or []
        if not isinstance(names, list):
            self.fail(self.data, "guards: give a list of guard names", "guards")
        for name in names:
            if name not in GUARDS:
                self.fail(self.data, f"unknown guard {name!r}; known: {', '.join(GUARDS)}", "guards")
        return tuple(names)

    def guards(self, row) -> tuple[str, ...]:
        skip = self.words(row, row, "skip_guards")
        unknown = sorted(skip - set(GUARDS))
        if unknown:
            self.fail(row, f"unknown guard {unknown[0]!r}; known: {', '.join(GUARDS)}", "skip_guards")
        return tuple(g for g in self.default_guards if g not in skip)

    def check_row(self, row, allowed: frozenset[str], section: str) -> str:
        if not isinstance(row, dict):
            self.fail(self.data, f"{section}: each row is a mapping", section)
        unknown = sorted(set(row) - allowed)
        if unknown:
            self.fail(row, f"{section}: unknown key {unknown[0]!r}; known: {', '.join(sorted(allowed))}", unknown[0])
        rid = row.get("id")
        if not isinstance(rid, str) or not rid:
            self.fail(row, f"{section}: every row needs an id")
        if rid in self.ids:
            self.fail(row, f"id {rid!r} is used twice (first in {self.ids[rid]})", "id")
        self.ids[rid] = section
        if row.get("cameo") is None:
            self.fail(row, f"{section}: {rid}: no cameo")
        return rid

    def trigger(self, row, family: str) -> Trigger:
        rid = self.check_row(row, ROW_KEYS, family)
        if not isinstance(row.get("lemma"), str):
            self.fail(row, f"{family}: {rid}: the lemma must be text", "lemma")
        pos = row.get("pos", "VERB")
        if pos not in ("VERB", "NOUN", "ADJ"):
            self.fail(row, f"{family}: {rid}: pos must be VERB, NOUN or ADJ", "pos")
        try:
            window = int(row.get("window", 3))
        except (TypeError, ValueError):
            self.fail(row, f"{family}: {rid}: window must be a number", "window")
        return Trigger(
            family=family, lemma=row["lemma"], cameo=self.code(row, "cameo"), pos=pos,
            objects=self.words(row, row, "objects"), not_objects=self.words(row, row, "not_objects"),
            requires_word=self.words(row, row, "requires_word"), window=window, intent=self.code(row, "intent"),
            target_preps=self.words(row, row, "target_preps"), needs_target=bool(row.get("needs_target", False)),
            intransitive=bool(row.get("intransitive", False)), received=bool(row.get("received", False)),
            id=rid, guards=self.guards(row))

    def speech_act(self, row) -> SpeechAct:
        rid = self.check_row(row, SPEECH_KEYS, "speech_acts")
        family, clause = row.get("family"), row.get("clause")
        if family not in FAMILIES:
            self.fail(row, f"speech_acts: {rid}: unknown family {family!r}", "family")
        if clause not in CLAUSES:
            self.fail(row, f"speech_acts: {rid}: unknown clause {clause!r}; known: {', '.join(CLAUSES)}", "clause")
        replaces = row.get("replaces")
        if (clause == "none") != (replaces is not None) or (replaces is not None and replaces not in FAMILIES):
            self.fail(row, f"speech_acts: {rid}: a `none` clause, and it only, names the family it replaces",
                      "replaces")
        lemmas: set[str] = set()
        for name in self.words(row, row, "lemmas_from"):
            key = f"reported_speech.{name}"
            if key not in cues().lists:
                self.fail(row, f"speech_acts: {rid}: unknown cue list {name!r} (cues.yaml, reported_speech)",
                          "lemmas_from")
            lemmas |= cues()[key]
        if isinstance(row.get("lemma"), str):
            lemmas.add(row["lemma"])
        if not lemmas:
            self.fail(row, f"speech_acts: {rid}: give a lemma or lemmas_from")
        first = row["lemma"] if isinstance(row.get("lemma"), str) else min(lemmas)
        trig = Trigger(family=family, lemma=first, cameo=self.code(row, "cameo"), intent=self.code(row, "intent"),
                       target_preps=self.words(row, row, "target_preps"), id=rid, guards=self.guards(row),
                       clause=clause)
        return SpeechAct(trigger=trig, lemmas=frozenset(lemmas), replaces=replaces)

    def word_list(self, name: str) -> frozenset[str]:
        return self.words(self.data, self.data, name)

    def groups(self) -> dict[str, frozenset[str]]:
        body = self.data.get("family_groups") or {}
        out = {}
        for name, families in body.items():
            if name not in GROUPS:
                self.fail(body, f"family_groups: unknown group {name!r}; known: {', '.join(GROUPS)}", name)
            words = self.words(body, body, name)
            unknown = sorted(words - set(FAMILIES))
            if unknown:
                self.fail(body, f"family_groups: {name}: unknown family {unknown[0]!r}", name)
            out[name] = words
        return {name: out.get(name, frozenset()) for name in GROUPS}


def compile_table(text: str, path="event_triggers.yaml", codes=None) -> TriggerTable:
    """Compile the table's text; `codes` are the CAMEO codes a row may name (None: any)."""
    data = load_source_lines(text) or {}
    if not isinstance(data, dict):
        raise DataError(Errors.E104.format(path=path, detail="expected sections"))
    for section in data:
        if section not in SECTIONS:
            raise DataError(Errors.E104.format(path=where(path, data, section), detail=f"unknown section {section!r}"))
    comp = _Compiler(data, path, codes)
    by_lemma: dict[str, list[Trigger]] = {}
    for family in FAMILIES:
        for row in data.get(family) or ():
            trig = comp.trigger(row, family)
            by_lemma.setdefault(trig.lemma, []).append(trig)
    return TriggerTable(
        by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        intent_complements={str(k): frozenset(v) for k, v in (data.get("intent_complements") or {}).items()},
        humanitarian_words=comp.word_list("humanitarian_words"),
        civilian_protesters=comp.word_list("civilian_protesters"),
        speech_acts=tuple(comp.speech_act(row) for row in data.get("speech_acts") or ()),
        groups=comp.groups(),
        encounter_nouns=comp.word_list("encounter_nouns"),
        sideline_words=comp.word_list("sideline_words"),
        discussion_verbs=comp.word_list("discussion_verbs"),
        fixture_words=comp.word_list("fixture_words"),
        domestic_bodies=comp.word_list("domestic_bodies"),
        setting_aux=comp.word_list("setting_aux"),
        impostor_verbs=comp.word_list("impostor_verbs"),
        feeling_verbs=comp.word_list("feeling_verbs"),
        member_preps=comp.word_list("member_preps"),
        conversation_verbs=comp.word_list("conversation_verbs"),
        phone_words=comp.word_list("phone_words"),
        purpose_heads=comp.word_list("purpose_heads"),
        vessel_words=comp.word_list("vessel_words"),
        encounter_acts=comp.word_list("encounter_acts"),
        guest_nouns=comp.word_list("guest_nouns"),
        separate_words=comp.word_list("separate_words"),
        quantity_nouns=comp.word_list("quantity_nouns"),
        pledge_nouns=comp.word_list("pledge_nouns"),
        terror_words=comp.word_list("terror_words"),
    )


@cache
def trigger_table() -> TriggerTable:
    from .coding import load_codebook

    path = _path()
    return compile_table(path.read_text(encoding="utf-8"), path, frozenset(load_codebook()))
