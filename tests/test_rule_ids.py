"""Rule ids (comity/rules.py): where a rule's row is found."""
from comity.rules import person_rule_rows_in, rule_source, trigger_rows, trigger_rows_in

TABLE = """\
# a hand-written table
consult:
  - {lemma: meet, cameo: "040"}
  - {lemma: hold, objects: [talks], cameo: "040"}  # "held talks"
  - {id: consult.hold-call, lemma: hold, objects: [call], cameo: "041"}
visit:
  - lemma: visit
    cameo: "042"
intent_complements: {"036": [meet]}
"""


def test_rows_are_named_family_dot_lemma_with_their_line_and_text():
    rows = trigger_rows_in(TABLE)
    (meet,) = rows["consult.meet"]
    assert (meet.line, meet.text) == (3, '- {lemma: meet, cameo: "040"}')  # whole lines, as written
    (hold,) = rows["consult.hold"]
    assert hold.line == 4 and hold.text.endswith('# "held talks"')  # the row's comment is shown with it
    (visit,) = rows["visit.visit"]
    assert visit.line == 7 and visit.text == '- lemma: visit\n    cameo: "042"'


def test_an_explicit_id_wins_over_the_family_and_lemma():
    rows = trigger_rows_in(TABLE)
    assert [r.line for r in rows["consult.hold"]] == [4]  # not the row with its own id
    assert [r.line for r in rows["consult.hold-call"]] == [5]
    assert not any(k.startswith("intent_complements") for k in rows)  # word lists are no rules


def test_the_bundled_table_has_the_host_row_behind_a_made_up_visit():
    (host,) = [r for r in trigger_rows()["visit.host"] if "043" in r.text]
    assert host.file == "event_triggers.yaml" and "lemma: host" in host.text and host.line > 1


def test_rule_source_points_to_data_rows_or_to_code():
    assert rule_source("sign.sign-order").rows and rule_source("sign.sign-order").known
    (mou,) = rule_source("agreements.term.mou").rows
    assert mou.file == "agreement_terms.yaml" and mou.text.startswith("mou:")
    (person,) = rule_source("persons.title-left").rows  # the person finder's rules are declared in titles.yaml
    assert person.file == "titles.yaml" and person.line > 1 and "reads: [" in person.text
    assert person.text.startswith("persons.title-left:\n") and "says:" in person.text
    country = rule_source("persons.country.context")  # where a country came from is written in code
    assert not country.rows and "context.py" in country.code
    assert not rule_source("no-such-rule").known and not rule_source("persons.no-such-rule").known


def test_person_rule_rows_run_from_their_id_to_their_last_value():
    text = "ranks: [General]\nrules:\n  persons.a: {says: x, reads: []}  # one line\n" \
           "  persons.b:\n    says: y\n    reads: [ranks,\n            ranks]\nother: [z]\n"
    rows = person_rule_rows_in(text)
    (a,) = rows["persons.a"]
    assert (a.line, a.text) == (3, "persons.a: {says: x, reads: []}  # one line")
    (b,) = rows["persons.b"]
    assert (b.line, b.text) == (4, "persons.b:\n  says: y\n  reads: [ranks,\n          ranks]")

