"""The event trigger table (resources/event_triggers.yaml), compiled and checked.

One compiler for the rules of the event coder: the trigger rows of each family, the speech
acts (verbs coded from the clause they tell of), the guards each row passes (names of
comity.nlp.analysis.GUARDS), the family groups and the word lists the coder's rules read.
The same table feeds the pipeline (comity/nlp/components/events.py) and the fast path
(comity/nlp/fastpath.py: `TriggerTable.fast_triggers`), so the two see the same words.

Every error names the file and the line of the row at fault: an unknown section or key, a
repeated id, an unknown family, guard, clause or cue list, a CAMEO code (`cameo`, `intent`)
that resources/cameo.yaml does not know, a word that is not text. The word lists and the lists of
the family and code groups are read by comity/nlp/word_lists.py (a group is the list
"family_groups.<name>"); the shipped table must hold every one the coder reads (`complete`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping
from functools import cache
from importlib import resources

from ..errors import DataError, Errors
from ..source_yaml import load_source_lines
from .analysis import CLAUSES, GUARDS as ANALYSIS_GUARDS, cues
from .coder_guards import CODER_GUARDS
from .word_lists import CAMEO_CODES, NUMBERS, WORDS, read_lists, where

# every guard a row may name: the shared analysis' and the event coder's own
GUARDS = (*ANALYSIS_GUARDS, *CODER_GUARDS)

FAMILIES = ("consult", "visit", "call", "praise", "empathy", "sign", "intent", "appeal", "invite",
            "accuse", "threaten", "investigate", "demand", "accuse_more", "reject", "sanction", "mobilize",
            "coerce", "assault", "retreat", "cooperate", "aid")
ROW_KEYS = frozenset({"id", "lemma", "pos", "objects", "not_objects", "requires_word", "window", "cameo", "intent",
                      "target_preps", "needs_target", "skip_guards", "intransitive", "received"})
SPEECH_KEYS = frozenset({"id", "family", "lemma", "lemmas_from", "clause", "replaces", "cameo", "intent",
                         "target_preps", "skip_guards"})
_WORDS = ("humanitarian_words", "civilian_protesters", "encounter_nouns", "sideline_words", "discussion_verbs",
          "feeling_verbs", "member_preps", "conversation_verbs", "phone_words", "purpose_heads",
          "fixture_words", "domestic_bodies", "setting_aux", "vessel_words", "encounter_acts",
          "guest_nouns", "separate_words", "quantity_nouns", "pledge_nouns", "impostor_verbs",
          # the event coder's slots, pronouns and verbs of its post-steps (the YAML says what each is for)
          "bound_possessives", "relative_pronouns", "encounter_openers", "impostor_links", "impostor_marks",
          "impostor_outright", "fire_preps", "opinion_verbs", "opinion_nouns", "reason_preps", "between_preps",
          "agent_preps", "met_preps", "gift_preps", "promise_preps", "origin_preps", "hosting_verbs",
          "summons_verbs", "handover_acts", "terror_words",
          # the words of the coder's guards (comity/nlp/coder_guards.py)
          "guest_verbs", "stipulation_verbs", "stipulation_preps", "met_with_verbs", "credit_verbs")
# word lists whose words stand for a number ("two days after": 2; a week: 7 days)
NUMBER_LISTS = ("number_words", "day_units", "apart_preps")
# the table's word lists by kind (comity/nlp/word_lists.py reads and checks them)
WORD_LISTS = {**dict.fromkeys(_WORDS, WORDS), **dict.fromkeys(NUMBER_LISTS, NUMBERS)}
GROUPS = ("content", "domestic", "venue", "reaction", "together",
          # the event coder's own (event_triggers.yaml, family_groups, says why each is treated alike)
          "encounter", "frame_of_the_day", "conversation", "preferred", "promises", "stated_intent", "giving",
          "visitor_from_report", "with_counterpart", "force", "each_meets_target", "all_parties",
          "joint_encounter", "for_a_reason", "passive_by_both", "jointly_done", "round_of_talks",
          "target_where_held", "clause_target", "object_not_target", "encounter_object", "calling",
          "party_in_object", "target_from_place", "dated_by_encounter", "exhortation", "disapproval",
          # the coder's guards' own (comity/nlp/coder_guards.py)
          "team_encounter", "body_meeting", "guest_received", "never_a_topic", "signed_thing", "retort",
          "attack_in_words")
# named sets of CAMEO codes the coder's rules and post-steps read (event_triggers.yaml, code_groups)
CODE_GROUPS = ("consultation", "met", "in_person", "meeting", "call", "talks", "visit", "hosting", "signing",
               "military_cooperation", "disapproval", "protest", "threat", "complaint", "demonstration",
               "unspecified_intent", "intent_by_verb", "intent_by_word")
# the family groups (lists of families) and code groups (lists of CAMEO codes) as named lists
GROUP_LISTS = {**{f"family_groups.{name}": WORDS for name in GROUPS},
               **{f"code_groups.{name}": CAMEO_CODES for name in CODE_GROUPS}}
# the table's sections that are no word list: the trigger rows of each family and the rest
SECTIONS = frozenset(FAMILIES) | {"guards", "speech_acts", "family_groups", "code_groups", "intent_complements"}


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
    speech_acts: tuple[SpeechAct, ...] = ()
    groups: dict[str, frozenset[str]] = field(default_factory=dict)  # family_groups: name -> families
    code_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code_groups: name -> codes, in order
    words: Mapping[str, Any] = field(default_factory=dict)  # the word lists of WORD_LISTS, by name

    def __getattr__(self, name: str) -> Any:
        """A word list of the table by its name (`table.summons_verbs`); one WORD_LISTS names and the
        file leaves out (a test's partial table) is empty."""
        words = self.__dict__.get("words")
        if words is None or name not in WORD_LISTS:
            raise AttributeError(name)
        return words.get(name, {} if WORD_LISTS[name] == NUMBERS else frozenset())

    def in_group(self, family: str, group: str) -> bool:
        """Whether a family is of a family group (event_triggers.yaml, family_groups); an unknown
        group is a KeyError."""
        return family in self.groups[group]

    def code_in(self, code: str, group: str) -> bool:
        """Whether a CAMEO code is of a code group (event_triggers.yaml, code_groups): one of its
        codes or under one ("04" holds 040-046); an unknown group is a KeyError."""
        return code.startswith(self.code_groups[group])

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


def compile_table(text: str, path="event_triggers.yaml", codes=None, complete: bool = False) -> TriggerTable:
    """Compile the table's text; `codes` are the CAMEO codes a row or code group may name (None:
    any). A `complete` table (the shipped one) must hold every family group, code group and
    word list the coder reads; a partial one (a test's few rows) leaves the missing ones empty."""
    data = load_source_lines(text) or {}
    lists = read_lists(data, path, {**WORD_LISTS, **GROUP_LISTS}, others=SECTIONS - {"family_groups", "code_groups"},
                       complete=complete, codes=codes)
    groups = {name: lists.pop(f"family_groups.{name}") for name in GROUPS}
    for name, families in groups.items():
        unknown = sorted(families - set(FAMILIES))
        if unknown:
            raise DataError(Errors.E104.format(path=where(path, data["family_groups"], name),
                                               detail=f"family_groups.{name}: unknown family {unknown[0]!r}"))
    comp = _Compiler(data, path, codes)
    by_lemma: dict[str, list[Trigger]] = {}
    for family in FAMILIES:
        for row in data.get(family) or ():
            trig = comp.trigger(row, family)
            by_lemma.setdefault(trig.lemma, []).append(trig)
    return TriggerTable(
        by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        intent_complements={str(k): frozenset(v) for k, v in (data.get("intent_complements") or {}).items()},
        speech_acts=tuple(comp.speech_act(row) for row in data.get("speech_acts") or ()),
        groups=groups,
        code_groups={name: lists.pop(f"code_groups.{name}") for name in CODE_GROUPS},
        words=lists,
    )


@cache
def trigger_table() -> TriggerTable:
    from .coding import load_codebook

    path = _path()
    return compile_table(path.read_text(encoding="utf-8"), path, frozenset(load_codebook()), complete=True)
