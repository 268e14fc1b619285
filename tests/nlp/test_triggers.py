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
    ("guards: []\nconsults:\n  - {id: a, lemma: meet, cameo: \"040\"}\n", "line 2 is invalid: unknown section 'consults'"),
    ('speech_acts:\n  - {id: s, family: demand, lemmas_from: [say_verbs], clause: whisper, cameo: "100"}\n',
     "line 2 is invalid: speech_acts: s: unknown clause 'whisper'"),
    ('speech_acts:\n  - {id: s, family: demand, lemmas_from: [mutter_verbs], clause: must, cameo: "100"}\n',
     "line 2 is invalid: speech_acts: s: unknown cue list 'mutter_verbs'"),
    ('speech_acts:\n  - {id: s, family: demand, lemma: call, clause: none, cameo: "100"}\n',
     "line 2 is invalid: speech_acts: s: a `none` clause, and it only, names the family it replaces"),
    ("family_groups:\n  content: [appeal, pleading]\n", "line 2 is invalid: family_groups: content: unknown family"),
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
