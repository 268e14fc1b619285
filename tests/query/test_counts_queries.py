"""The queries that read event_counts (the charts, the dyad ranking, a dyad's total) give what counting
the events themselves gives, on SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
from sqlalchemy import text

import store_records as rec
from comity.query import EventFilter, count_events, dyads, views
from comity.storage import Store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request, tmp_path_factory):
    from conftest import backend_url

    url = backend_url(request, tmp_path_factory, "counts")
    results = rec.all_results() + rec.synthetic(80, seed=13)
    r = rec.synthetic(1, seed=14)[0]  # events dated to the year and to the month only
    results.append(dataclasses.replace(
        r, article=dataclasses.replace(r.article, id="coarse", text=r.article.text + " (coarse)"),
        events=(dataclasses.replace(r.events[0], date="2021"), dataclasses.replace(r.events[1], date="2021-07"))))
    st = Store.open(url)
    st.save(results)
    yield st
    st.close()


def direct(conn, dyad=None, size=7) -> dict[tuple[str, str], int]:
    """Events per period and type counted from the events (what activity() used to do)."""
    n: Counter = Counter()
    for src, tgt, date, plover in conn.execute(text("SELECT source_country, target_country, date, plover_type "
                                                    "FROM events")):
        if dyad and (src, tgt) not in {dyad, dyad[::-1]}:
            continue
        if date and len(date) >= size:
            n[(date[:size], plover)] += 1
    return dict(n)


@pytest.mark.parametrize("dyad", [None, ("VNM", "LAO"), ("LAO", "VNM"), ("KHM", "VNM"), ("IGO", "VNM"),
                                  ("USA", "CHN"), ("VNM", "VNM")])
@pytest.mark.parametrize("bucket", ["month", "year"])
def test_activity_equals_a_count_of_the_events(store, dyad, bucket):
    with store.read() as conn:
        got = {(a.period, a.plover_type): a.events for a in views.activity(conn, dyad=dyad, bucket=bucket)}
        assert got == direct(conn, dyad, 7 if bucket == "month" else 4)
        assert got or dyad in (("VNM", "VNM"), ("IGO", "VNM"))  # none; IGO-VNM's one event is undated


def test_activity_since_drops_earlier_periods(store):
    with store.read() as conn:
        every = views.activity(conn, bucket="month")
        later = views.activity(conn, bucket="month", since="2022-03-15")
    assert later == [a for a in every if a.period >= "2022-03"] and len(later) < len(every)


def test_dyad_total_and_ranking_equal_counts_of_the_events(store):
    with store.read() as conn:
        pairs = Counter()
        for src, tgt, n in conn.execute(text(
                "SELECT source_country, target_country, count(*) FROM events WHERE source_country IS NOT NULL "
                "AND target_country IS NOT NULL AND source_country <> target_country "
                "GROUP BY source_country, target_country")):
            pairs[tuple(sorted((src, tgt)))] += n
        for (x, y), n in pairs.items():
            assert views.dyad_total(conn, (x, y)) == views.dyad_total(conn, (y, x)) == n
            assert count_events(conn, EventFilter(dyad=(x, y))) == n
        assert views.dyad_total(conn, ("VNM", "VNM")) == 0
        ranked = dyads(conn, limit=1000)
    assert ranked == sorted(((x, y, n) for (x, y), n in pairs.items()), key=lambda t: (-t[2], t[0], t[1]))
