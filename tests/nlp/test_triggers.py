"""The trigger table compiler (comity/nlp/triggers.py): rule ids, guards, speech acts, and
errors that name the file and the line of the row at fault. No model needed."""
import pytest

from comity.errors import DataError
from comity.nlp.coder_guards import CODER_GUARDS
from comity.nlp.triggers import GUARDS, compile_table, trigger_table

CODES = frozenset({"040", "036", "042", "020", "100"})
GOOD = """guards: [not_negated, not_embedded]
consult:
  - {id: consult.meet, lemma: meet, cameo: "040", intent: "036", target_preps: [with]}
appeal:
  - {id: appeal.urge, lemma: urge, cameo: "020", skip_guards: [not_embedded]}
speech_acts:
  - {id: speech.must-demand, family: demand, lemmas_from: [say_verbs], clause: must, cameo: "100"}
"""


def test_triggers_rows_carry_id_and_guards():
    table = compile_table(GOOD, "t.yaml", CODES)
    [meet] = table.by_lemma["meet"]
    assert meet.id == "consult.meet" and meet.guards == ("not_negated", "not_embedded")
    assert table.by_lemma["urge"][0].guards == ("not_negated",)  # asking is the act: not_embedded skipped
    [act] = table.speech_acts
    assert act.trigger.id == "speech.must-demand" and act.trigger.reads_clause and "say" in act.lemmas
    assert "say" in table.lemmas and "say" in table.fast_triggers()


@pytest.mark.parametrize("row, message", [
    ('{id: consult.meet, lemma: meet, cameo: "040", colour: red}', "line 3 is invalid: consult: unknown key 'colour'"),
    ('{id: consult.meet, lemma: meet, cameo: "049"}', "line 3 is invalid: cameo: unknown CAMEO code '049'"),
    ('{id: consult.meet, lemma: meet, cameo: "040", intent: "0399"}', "line 3 is invalid: intent: unknown CAMEO code"),
    ('{id: consult.meet, lemma: meet, cameo: "040", skip_guards: [not_rude]}', "line 3 is invalid: unknown guard 'not_rude'"),
    ('{lemma: meet, cameo: "040"}', "line 3 is invalid: consult: every row needs an id"),
    ('{id: consult.meet, lemma: meet, cameo: "040", objects: [talks, 3]}', "line 3 is invalid: objects: words must be text"),
    ('{id: consult.meet, lemma: meet, pos: NOUNS, cameo: "040"}', "line 3 is invalid: consult: consult.meet: pos must be"),
])
def test_triggers_bad_row_names_file_and_line(row, message):
    text = f"guards: [not_negated]\nconsult:\n  - {row}\n"
    with pytest.raises(DataError) as err:
        compile_table(text, "t.yaml", CODES)
    assert "t.yaml, " + message in str(err.value)


def test_triggers_repeated_id_is_an_error():
    text = GOOD + 'visit:\n  - {id: consult.meet, lemma: visit, cameo: "042"}\n'
    with pytest.raises(DataError, match=r"t.yaml, line 9 is invalid: id 'consult.meet' is used twice"):
        compile_table(text, "t.yaml", CODES)


@pytest.mark.parametrize("text, message", [
    ("guards: [not_negated, not_polite]\n", "line 1 is invalid: unknown guard 'not_polite'"),
    ("guards: []\nconsults:\n  - {id: a, lemma: meet, cameo: \"040\"}\n", "line 2 is invalid: unknown section or list 'consults'"),
    ('speech_acts:\n  - {id: s, family: demand, lemmas_from: [say_verbs], clause: whisper, cameo: "100"}\n',
     "line 2 is invalid: speech_acts: s: unknown clause 'whisper'"),
    ('speech_acts:\n  - {id: s, family: demand, lemmas_from: [mutter_verbs], clause: must, cameo: "100"}\n',
     "line 2 is invalid: speech_acts: s: unknown cue list 'mutter_verbs'"),
    ('speech_acts:\n  - {id: s, family: demand, lemma: call, clause: none, cameo: "100"}\n',
     "line 2 is invalid: speech_acts: s: a `none` clause, and it only, names the family it replaces"),
    ("family_groups:\n  content: [appeal, pleading]\n", "line 2 is invalid: family_groups.content: unknown family"),
])
def test_triggers_bad_sections_name_file_and_line(text, message):
    with pytest.raises(DataError) as err:
        compile_table(text, "t.yaml", CODES)
    assert "t.yaml, " + message in str(err.value)


def test_triggers_shipped_table_ids_unique_and_guards_known():
    table = trigger_table()
    rows = [t for found in table.by_lemma.values() for t in found] + [a.trigger for a in table.speech_acts]
    ids = [t.id for t in rows]
    assert all(ids) and len(ids) == len(set(ids))
    assert all(g in GUARDS for t in rows for g in t.guards)
    assert {a.trigger.clause for a in table.speech_acts} == {"must", "violation", "consequence", "proposal", "none"}
    # every guard, the shared analysis' and the event coder's, is named in the table (none is hidden in code)
    assert set().union(*(t.guards for t in rows)) == set(GUARDS)


def test_triggers_coder_guards_are_named_and_skipped_like_the_others():
    text = GOOD.replace("guards: [not_negated, not_embedded]", "guards: [not_negated, not_history, not_topic]")
    text = text.replace("skip_guards: [not_embedded]", "skip_guards: [not_history]")
    table = compile_table(text, "t.yaml", CODES)
    assert table.by_lemma["meet"][0].guards == ("not_negated", "not_history", "not_topic")
    assert table.by_lemma["urge"][0].guards == ("not_negated", "not_topic")
    assert all(reason for _, reason in CODER_GUARDS.values())


@pytest.mark.parametrize("text, message", [
    ('code_groups:\n  talks: ["040", "049"]\n', "line 2 is invalid: code_groups.talks: unknown CAMEO codes ['049']"),
    ('code_groups:\n  chatter: ["040"]\n', "line 2 is invalid: unknown list 'code_groups.chatter'"),
    ("code_groups:\n  talks: [40]\n", "line 2 is invalid: code_groups.talks: CAMEO codes must be quoted text"),
    ("family_groups:\n  gossip: [consult]\n", "line 2 is invalid: unknown list 'family_groups.gossip'"),
    ("number_words: {two: 2, three: many}\n", "line 1 is invalid: number_words: give words and their numbers"),
    ("phone_words: [phone, 3]\n", "line 1 is invalid: phone_words: words must be text"),
])
def test_triggers_bad_groups_and_number_lists_name_file_and_line(text, message):
    with pytest.raises(DataError) as err:
        compile_table(text, "t.yaml", CODES)
    assert "t.yaml, " + message in str(err.value)


def test_triggers_groups_and_lists_of_a_table():
    text = ('family_groups:\n  encounter: [consult, visit]\ncode_groups:\n  consultation: ["04"]\n  meeting: ["040"]\n'
            "apart_preps: {after: -1, before: 1}\n")
    table = compile_table(text, "t.yaml", CODES | {"04"})
    assert table.in_group("visit", "encounter") and not table.in_group("call", "encounter")
    assert table.code_in("042", "consultation") and table.code_in("040", "meeting") and not table.code_in("042", "meeting")
    assert table.apart_preps == {"after": -1, "before": 1}
    assert not table.in_group("consult", "preferred") and not table.code_in("041", "call")  # partial: empty
    with pytest.raises(KeyError):
        table.in_group("consult", "gossip")  # a name the compiler does not know is no group


def test_triggers_complete_table_holds_every_group_and_list():
    from comity.nlp.triggers import _path

    shipped = _path().read_text(encoding="utf-8")
    compile_table(shipped, "event_triggers.yaml", None, complete=True)
    for name in ("  frame_of_the_day: [visit]\n", '  hosting: ["043"]\n', "summons_verbs: [summon]\n",
                 "day_units: {day: 1, week: 7}\n"):
        assert name in shipped
        key = name.split(":")[0].strip()
        with pytest.raises(DataError, match=rf"event_triggers.yaml is invalid: missing lists: .*{key}"):
            compile_table(shipped.replace(name, ""), "event_triggers.yaml", None, complete=True)
        compile_table(shipped.replace(name, ""), "event_triggers.yaml", None)  # a partial table may leave it out


def test_triggers_names_the_coder_reads_are_the_compilers():
    """Every family group, code group and word list the event coder and its guards read is one
    the compiler knows (and so one the shipped table must hold)."""
    import ast
    from pathlib import Path

    from comity.nlp.triggers import CODE_GROUPS, GROUPS, WORD_LISTS, TriggerTable

    root = Path(__file__).resolve().parents[2] / "comity" / "nlp"
    fields = set(TriggerTable.__dataclass_fields__) | set(WORD_LISTS) | {"lemmas", "speech_lemmas", "in_group",
                                                                          "code_in", "fast_triggers"}
    for path in (root / "components" / "events.py", root / "coder_guards.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("in_group", "code_in"):
                name = node.args[1]
                known = GROUPS if node.func.attr == "in_group" else CODE_GROUPS
                assert isinstance(name, ast.Constant) and name.value in known, (path.name, node.lineno)
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) \
                    and node.value.attr in ("groups", "code_groups") and isinstance(node.slice, ast.Constant):
                known = GROUPS if node.value.attr == "groups" else CODE_GROUPS
                assert node.slice.value in known, (path.name, node.lineno)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) \
                    and node.value.attr == "table":
                assert node.attr in fields, (path.name, node.lineno, node.attr)
