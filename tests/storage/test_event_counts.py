"""event_counts (issue 7): Store.save keeps it equal to a count over the events, on SQLite and a real
PostgreSQL, through copies, retellings, re-ingest, undated and year-dated events, concurrent writers,
and the migration that adds it to an old store."""
from __future__ import annotations

import dataclasses
import threading
from collections import Counter

import pytest
from alembic import command
from sqlalchemy import text

import store_records as rec
from comity.storage import Store, migrate
from comity.storage import counts as event_counts
from comity.storage.engine import make_engine
from comity.storage.mapping import event_key


def expected(conn) -> Counter:
    """The table's rows computed here, in Python, from the events themselves (independent of the SQL in
    comity.storage.counts and in migration 0003)."""
    out: Counter = Counter()
    for src, tgt, date, plover in conn.execute(text(
            "SELECT source_country, target_country, date, plover_type FROM events")):
        period = "" if not date else date[:7] if len(date) >= 7 else date[:4]
        src, tgt = src or "", tgt or ""
        out[(src, tgt, period, plover)] += 1
        out[(src, tgt, "*", "*")] += 1
        out[("*", "*", period, plover)] += 1
    return out


def table(store: Store) -> Counter:
    with store.read() as conn:
        return Counter({(r[0], r[1], r[2], r[3]): r[4] for r in conn.execute(text(
            "SELECT source_country, target_country, period, plover_type, events FROM event_counts"))})


def retold(result, tag: str):
    """Another outlet's report of the same events (own body, same dates, codes and dyads): its events
    join the stored ones. The words added go at the end, so every quote keeps its offsets."""
    art = result.article
    body = art.text + f" Also reported by {tag}."
    return dataclasses.replace(result, article=dataclasses.replace(
        art, id=f"{art.id}-{tag}", text=body, source=tag, body_end=len(body)))


def year_dated():
    """A report whose events are dated to the year only, and one with no target country."""
    r = rec.synthetic(1, seed=11)[0]
    a = dataclasses.replace(r.article, id="year-only", text=r.article.text + " (year)")
    events = (dataclasses.replace(r.events[0], date="2023", date_granularity="year"),
              dataclasses.replace(r.events[1], target=None, date="2023-05", date_granularity="month"))
    return dataclasses.replace(r, article=a, events=events)


def test_event_counts_equal_the_events_after_a_varied_ingest(db_url):
    many = rec.synthetic(60, seed=5)
    with Store.open(db_url) as store:
        store.save(rec.all_results())  # a repost (same body, other header) and a retelling (vna/xinhua)
        store.save(rec.all_results())  # re-ingest: every copy known, nothing new
        store.save(many[:30] + [many[0], year_dated()])  # a copy read twice in one batch
        store.save(many[30:] + [retold(r, "Kyodo") for r in many[:20]])  # retellings: events join
        store.save([retold(r, "AFP") for r in many[10:40]] + [rec.vna_repost()])
        got = table(store)
        with store.read() as conn:
            assert got == expected(conn)
            n_events = conn.execute(text("SELECT count(*) FROM events")).scalar()
    assert sum(n for k, n in got.items() if k[:2] == ("*", "*")) == n_events
    assert sum(n for k, n in got.items() if k[2:] == ("*", "*")) == n_events
    # the VNM-KHM signing told by VNA, its repost and Xinhua, twice over: one event
    assert got[("VNM", "KHM", "2025-12", "SUPPORT")] == 1
    assert got[("IGO", "VNM", "", "SUPPORT")] == 1  # the undated report
    year = year_dated().events[0]
    assert got[("*", "*", "2023", year.plover.type)] == 1  # dated to the year: its own period


def test_event_counts_a_failed_batch_counts_nothing(db_url, monkeypatch):
    from comity.storage import store as store_module

    with Store.open(db_url) as store:
        store.save(rec.synthetic(5, seed=1))
        before = table(store)

        real_add = event_counts.add
        added = []

        def add_then_fail(conn, counts):  # the counts are written, then the batch fails before COMMIT
            real_add(conn, counts)
            added.append(sum(counts.values()))
            raise RuntimeError("midway")

        monkeypatch.setattr(store_module.event_counts, "add", add_then_fail)
        with pytest.raises(RuntimeError):
            store.save(rec.synthetic(5, seed=2))
        assert added and added[0] > 0
        assert table(store) == before


def test_event_counts_concurrent_writers_count_each_event_once(db_url):
    """Writer B stores a retelling of events writer A has inserted but not yet committed. On PostgreSQL
    B's insert waits for A's commit and then inserts nothing: B must not count those events too (which
    a re-read of the keys after the insert would). On SQLite B waits at BEGIN; same result."""
    import time

    from comity.storage.store import _Writer

    originals = rec.synthetic(6, seed=9)
    # no people: B's first conflicting insert is then its events' (not its people's)
    copies = [dataclasses.replace(retold(r, "Xinhua"), persons=(), agreements=()) for r in originals]
    Store.open(db_url).close()  # migrated before the writers start
    errors = []

    def writer_b():
        try:
            with Store.open(db_url) as b:
                b.save(copies)
        except Exception as e:  # reported below: an assertion in a thread would be lost
            errors.append(e)

    with Store.open(db_url) as a:
        thread = threading.Thread(target=writer_b)
        with a.write() as conn:
            w = _Writer(conn, None)
            for r in originals:
                w.save(r)
            w.finish()
            thread.start()
            time.sleep(1.5)  # B reads no events (A's are not committed) and waits on A's keys or lock
        thread.join(timeout=60)
        assert not errors
        with a.read() as conn:
            assert table(a) == expected(conn)
            distinct = {event_key(e, "") for r in originals for e in r.events}  # all dated: no story in the key
            assert conn.execute(text("SELECT count(*) FROM events")).scalar() == len(distinct)
            assert conn.execute(text("SELECT count(*) FROM event_mentions")).scalar() == \
                2 * sum(len(r.events) for r in originals)


def test_event_counts_rebuild_matches(db_url):
    with Store.open(db_url) as store:
        store.save(rec.all_results() + rec.synthetic(20, seed=3))
        saved = table(store)
        with store.write() as conn:
            conn.execute(text("DELETE FROM event_counts"))
            assert event_counts.rebuild(conn) == len(saved)
        assert table(store) == saved


def test_event_counts_migration_backfills_an_old_store(db_url):
    """A store at 0002 (before event_counts) with events is upgraded with its counts right, and goes on
    counting what is saved afterwards."""
    with Store.open(db_url) as store:
        store.save(rec.all_results() + rec.synthetic(40, seed=4) + [year_dated()])
    engine = make_engine(db_url)
    config = migrate._config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")  # events as 0002 left them; no event_counts
    with engine.connect() as conn:
        assert migrate.current(conn) == "0002"
        assert "event_counts" not in set(engine.dialect.get_table_names(conn))
    engine.dispose()
    with Store.open(db_url) as store:
        with store.read() as conn:
            assert migrate.current(conn) == migrate.head()
            assert table(store) == expected(conn) and table(store)
        store.save(rec.synthetic(10, seed=6) + [retold(r, "AFP") for r in rec.synthetic(10, seed=4)])
        with store.read() as conn:
            assert table(store) == expected(conn)
