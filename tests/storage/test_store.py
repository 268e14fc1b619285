"""The Store on SQLite and a real PostgreSQL: what is stored once, what merges, what a failed batch leaves."""
from __future__ import annotations

import pytest
from sqlalchemy import select, text

import store_records as rec
from comity.storage import Store
from comity.storage import schema as s


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as st:
        yield st


def rows(store, sql, **params):
    with store.read() as conn:
        return conn.execute(text(sql), params).mappings().all()


def test_store_save_counts_every_kind(store):
    count = store.save(rec.all_results())
    assert (count.new, count.copies, count.known) == (5, 1, 0)
    c = store.counts()
    assert c["articles"] == 6 and c["stories"] == 4  # vna+xinhua+repost one story; lao x2; undated
    assert c["persons"] == 3  # Giang (3 spellings/reports), Tea Seiha, Khamliang
    assert c["events"] == 6  # the 057 signing told twice is one event; the VNM–LAO talks are two dates
    assert c["event_mentions"] == 7
    assert c["agreements"] == 2 and c["agreement_observations"] == 4
    assert c["meetings"] == 3 and c["mechanisms"] == 1 and c["mechanism_occurrences"] == 1


def test_store_save_twice_changes_nothing(store):
    store.save(rec.all_results())
    before = store.counts()
    again = store.save(rec.all_results())
    assert (again.new, again.copies, again.known) == (0, 0, 6)
    assert store.counts() == before


def test_store_same_body_other_header_is_one_more_source(store):
    store.save([rec.vna()])
    before = store.counts()
    count = store.save([rec.vna_repost()])
    assert count.copies == 1
    after = store.counts()
    assert after["articles"] == before["articles"] + 1
    assert {k: v for k, v in after.items() if k != "articles"} == {k: v for k, v in before.items() if k != "articles"}
    copies = rows(store, "SELECT story_id, is_primary, source FROM articles ORDER BY id")
    assert copies[0]["story_id"] == copies[1]["story_id"]
    assert [bool(c["is_primary"]) for c in copies] == [True, False]


def test_store_retelling_joins_story_and_event(store):
    store.save([rec.vna(), rec.xinhua()])
    signing = rows(store, "SELECT * FROM events WHERE cameo = '057'")
    assert len(signing) == 1 and signing[0]["num_mentions"] == 2 and signing[0]["num_articles"] == 2
    stories = rows(store, "SELECT DISTINCT story_id FROM articles")
    assert len(stories) == 1
    assert rows(store, "SELECT first_published FROM stories")[0]["first_published"] == "2025-12-16"


def test_store_retelling_far_apart_is_another_story(store):
    late = rec.xinhua()
    import dataclasses
    import datetime as dt
    late = dataclasses.replace(late, article=dataclasses.replace(late.article, published=dt.date(2026, 3, 1)))
    store.save([rec.vna(), late])
    assert len(rows(store, "SELECT DISTINCT story_id FROM articles")) == 2
    assert len(rows(store, "SELECT * FROM events WHERE cameo = '057'")) == 1  # still one event


def test_store_person_one_identity_with_dates(store):
    store.save([rec.lao_2025(), rec.lao_2024(), rec.vna()])
    giang = rows(store, "SELECT * FROM persons WHERE key = 'phanvangiang|VNM'")
    assert len(giang) == 1
    assert (giang[0]["first_seen"], giang[0]["last_seen"]) == ("2024-12-18", "2025-12-16")
    assert giang[0]["name"] == "Phan Van Giang"  # as first stored
    obs = rows(store, "SELECT name, observed_on FROM person_observations WHERE person_id = :p ORDER BY observed_on",
               p=giang[0]["id"])
    assert [o["observed_on"] for o in obs] == ["2024-12-18", "2025-12-02", "2025-12-16"]


def test_store_agreement_status_timeline(store):
    store.save([rec.lao_2025()])
    store.save([rec.lao_2024()])  # an older report arrives later: the status stays the latest
    ag = rows(store, "SELECT * FROM agreements WHERE kind = 'protocol'")
    assert len(ag) == 1
    assert (ag[0]["status"], ag[0]["signed_on"], ag[0]["first_seen"], ag[0]["last_seen"]) == \
        ("signed", "2025-12-02", "2024-12-18", "2025-12-02")
    statuses = rows(store, "SELECT status FROM agreement_observations ORDER BY observed_on")
    assert [r["status"] for r in statuses] == ["negotiating", "signed"]


def test_store_event_persons_are_store_ids(store):
    store.save([rec.lao_2024()])
    m = rows(store, "SELECT p.key FROM event_mentions m JOIN persons p ON p.id = m.target_person_id")
    assert [r["key"] for r in m] == ["khamliangouthakaysone|LAO"]
    meeting = rows(store, "SELECT participants FROM meeting_mentions")[0]
    assert "p1" not in str(meeting["participants"])


def test_store_failed_batch_leaves_nothing(store, monkeypatch):
    from comity.storage import mapping

    real = mapping.agreement_observation_row
    calls = []

    def fail_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    monkeypatch.setattr(mapping, "agreement_observation_row", fail_second)
    with pytest.raises(RuntimeError):
        store.save([rec.lao_2024(), rec.lao_2025()])
    assert set(store.counts().values()) == {0}
    monkeypatch.setattr(mapping, "agreement_observation_row", real)
    assert store.save([rec.lao_2024(), rec.lao_2025()]).new == 2


def test_store_runs_recorded(store):
    run = store.begin_run(["a", "b"])
    store.save([rec.vna()], run_id=run)
    store.finish_run(run, read=1, new=1)
    r = rows(store, "SELECT * FROM runs")[0]
    assert r["status"] == "done" and r["n_new"] == 1 and r["finished_at"]
    assert rows(store, "SELECT run_id FROM articles")[0]["run_id"] == run


def test_store_known_copies(store):
    from comity.storage.mapping import copy_hash

    store.save([rec.vna()])
    assert store.known_copies([copy_hash(rec.vna().article), "nope"]) == {copy_hash(rec.vna().article)}


def test_store_undated_events_never_merge_across_stories(store):
    import dataclasses

    other = rec.undated()
    other = dataclasses.replace(other, article=dataclasses.replace(
        other.article, id="undated-2", text=other.article.text + " Again.", body_end=None))
    store.save([rec.undated(), other])
    assert store.counts()["events"] == 2


def test_store_sqlite_is_wal(tmp_path):
    with Store.open(tmp_path / "x.db") as st, st.read() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_store_schema_tables_exist(store):
    with store.read() as conn:
        for name in s.COUNTED:
            conn.execute(select(s.metadata.tables[name]).limit(1)).all()


def test_store_keeps_the_rule_and_steps_of_every_record(store):
    from dataclasses import replace

    def ruled(records, rule):
        return tuple(replace(r, rule=rule, steps=(f"{rule}.step",)) for r in records)

    result = rec.lao_2024()
    result = replace(result, events=ruled(result.events, "consult.meet"), persons=ruled(result.persons, "persons.title-left"),
                     meetings=ruled(result.meetings, "consult.meet"),
                     agreements=ruled(result.agreements, "agreements.term.protocol"),
                     mechanisms=ruled(result.mechanisms, "mechanisms.term"))
    store.save([result])
    tables = {s.event_mentions: "consult.meet", s.person_observations: "persons.title-left",
              s.meeting_mentions: "consult.meet", s.agreement_observations: "agreements.term.protocol",
              s.mechanism_occurrences: "mechanisms.term"}
    with store.read() as conn:
        for table, rule in tables.items():
            got = conn.execute(select(table.c.rule, table.c.steps)).all()
            assert got and all(tuple(r) == (rule, [f"{rule}.step"]) for r in got), table.name
