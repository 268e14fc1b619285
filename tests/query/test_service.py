"""Every query and filter against a filled store, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from comity.errors import StoreError
from comity.query import (
    EventFilter, count_events, dyads, get_person, list_events, list_persons, search, timeline,
)


def ids(rows):
    return sorted(r.cameo for r in rows)


def test_service_events_all_once(conn):
    rows = list_events(conn, EventFilter())
    assert len(rows) == count_events(conn) == 6
    assert [r.date for r in rows][:2] == ["2025-12-16", "2025-12-16"]  # newest first, undated last
    assert rows[-1].date is None


def test_service_event_row_has_all_sources(conn):
    signing = [r for r in list_events(conn, EventFilter.parse(dyad="KHM-VNM", type="057"))]
    assert len(signing) == 1
    row = signing[0]
    assert row.reports == 2 and row.mentions == 2
    assert row.sources == ("VNA/VNS", "Vietnam Plus", "Xinhua")  # the repost counts as a source
    assert set(row.persons) == {"Phan Văn Giang", "Tea Seiha"}
    assert row.report == "vna-2025-12-16"


@pytest.mark.parametrize("kwargs,expected", [
    (dict(country="LAO"), ["040", "040", "057"]),
    (dict(dyad="LAO-VNM"), ["040", "040", "057"]),
    (dict(dyad="VNM-LAO"), ["040", "040", "057"]),
    (dict(type="CONSULT"), ["040", "040", "042"]),
    (dict(type="04"), ["040", "040", "042"]),
    (dict(type="042"), ["042"]),
    (dict(type="05"), ["051", "057", "057"]),
    (dict(since="2025"), ["040", "042", "057", "057"]),
    (dict(since="2025-12-03", until="2025-12"), ["042", "057"]),
    (dict(until="2024"), ["040"]),
    (dict(person="phan van giang"), ["040", "040", "057"]),
    (dict(person="Khamliang"), ["040", "040"]),
    (dict(text="SIGNED THE"), ["057", "057"]),
    (dict(text="signed the défence"), ["057"]),
    (dict(text="official visit"), ["042"]),
    (dict(country="VNM", type="CONSULT", since="2025"), ["040", "042"]),
])
def test_service_event_filters(conn, kwargs, expected):
    assert ids(list_events(conn, EventFilter.parse(**kwargs))) == expected


def test_service_filters_treat_input_as_data(conn):
    hostile = "x' OR 1=1; DROP TABLE events; --"
    assert list_events(conn, EventFilter.parse(text=hostile, person=hostile)) == []
    assert list_events(conn, EventFilter.parse(text="%")) == []  # LIKE wildcards are escaped
    assert count_events(conn) == 6


def test_service_limit_offset_and_order(conn):
    newest = list_events(conn, EventFilter(limit=2))
    oldest = list_events(conn, EventFilter(limit=2, newest_first=False))
    assert [r.date for r in oldest] == ["2024-12-18", "2025-12-02"]
    assert newest[0].date == "2025-12-16"
    assert [r.id for r in list_events(conn, EventFilter(limit=2, offset=1))] == \
        [r.id for r in list_events(conn, EventFilter(limit=3))][1:]


def test_service_timeline_in_date_order(conn):
    items = timeline(conn, "VNM", "LAO")
    assert [(i.date, i.kind, i.code, i.summary.split(":")[0]) for i in items] == [
        ("2024-12-18", "meeting", "talks", "talks (hosted by VNM)"),
        ("2024-12-18", "agreement", "protocol", "negotiating"),  # the protocol's status timeline...
        ("2024-12-18", "event", "040", "CONSULT VNM–LAO"),
        ("2025-12-02", "meeting", "talks", "talks (hosted by LAO)"),
        ("2025-12-02", "agreement", "protocol", "signed"),  # ...one instrument, two statuses
        ("2025-12-02", "event", "040", "CONSULT LAO–VNM"),
        ("2025-12-02", "event", "057", "SUPPORT VNM–LAO"),
    ]
    assert timeline(conn, "LAO", "VNM") == items
    assert timeline(conn, "VNM", "USA") == []


def test_service_timeline_date_range(conn):
    assert {i.date for i in timeline(conn, "VNM", "LAO", since="2025")} == {"2025-12-02"}


def test_service_persons(conn):
    people = list_persons(conn)
    assert [p.name for p in people][0] == "Phan Văn Giang"
    giang = people[0]
    # as last reported: Xinhua (2025-12-17) gives the title; the rank comes from VNA (2025-12-16)
    assert giang.reports == 4 and giang.titles == ("Defence Minister",) and giang.rank == "General"
    assert [p.name for p in list_persons(conn, country="LAO")] == ["Khamliang Outhakaysone"]
    assert [p.name for p in list_persons(conn, name="seiha")] == ["Tea Seiha"]


@pytest.mark.parametrize("name", ["Phan Van Giang", "phan văn giang", "PHAN VAN GIANG", "Giang"])
def test_service_person_diacritics_optional(conn, name):
    detail = get_person(conn, name)
    assert detail.person.name == "Phan Văn Giang"
    assert set(detail.names) == {"Phan Văn Giang", "Phan Van Giang"}
    offices = {o.title: (o.first_seen, o.last_seen, o.reports) for o in detail.offices}
    assert offices == {"Defence Minister": ("2024-12-18", "2025-12-17", 2),
                       "Minister of National Defence": ("2025-12-02", "2025-12-16", 2)}
    assert [(r.title, r.first_seen, r.last_seen) for r in detail.ranks] == [("General", "2025-12-02", "2025-12-16")]
    assert [(m.date, m.countries) for m in detail.meetings] == [
        ("2024-12-18", "LAO-VNM"), ("2025-12-02", "LAO-VNM"), ("2025-12-16", "KHM-VNM")]
    assert detail.events == 3


def test_service_person_exact_name_beyond_the_first_50_substring_matches(db_url):
    """60 people whose names contain "Phan Van Giang", each in more reports than Phan Văn Giang himself:
    `comity person` still finds him, not one of them (it used to look for the exact name only among
    the 50 most reported substring matches)."""
    import store_records as rec
    from comity.model import ArticleResult, Person
    from comity.query import find_persons
    from comity.storage import Store

    results = []
    for i in range(60):
        for copy in range(2):
            a = rec.article(f"ng-{i}-{copy}", f"Report {i}-{copy} on Nguyen Phan Van Giang {i}.", "2025-01-02", "VNA")
            results.append(ArticleResult(article=a, persons=(
                Person(id="p1", name=f"Nguyen Phan Van Giang {i}", country="VNM", titles=(), key=""),)))
    a = rec.article("giang", "Phan Văn Giang spoke.", "2025-01-03", "VNA")
    results.append(ArticleResult(article=a, persons=(Person(id="p1", name="Phan Văn Giang", country="VNM",
                                                            titles=("Defence Minister",), key=""),)))
    with Store.open(db_url) as store:
        store.save(results)
        with store.read() as conn:
            assert len(list_persons(conn, name="Phan Van Giang", limit=100)) == 61
            assert [p.name for p in find_persons(conn, "Phan Van Giang")] == ["Phan Văn Giang"]
            assert get_person(conn, "phan văn giang").offices[0].title == "Defence Minister"
            # no exact match: the substring matches, most reported first, at most 50
            partial = find_persons(conn, "Van Giang")
            assert len(partial) == 50 and all("Nguyen" in p.name for p in partial)


def test_service_person_unknown(conn):
    with pytest.raises(StoreError, match="E206"):
        get_person(conn, "Nobody Atall")


def test_service_search(conn):
    hits = search(conn, "ha noi official visit")
    assert [h.report for h in hits] == ["vna-2025-12-16"]
    assert hits[0].copies == 2  # Xinhua's retelling and the repost
    # cut where the words meet ("in Hà Nội ... an official visit"), not at the dateline's "HÀ NỘI"
    assert "Hà Nội" in hits[0].snippet and "official visit" in hits[0].snippet
    assert {h.report for h in search(conn, "Giang")} == {"vna-2025-12-16", "xinhua-2025-12-17", "lao-2024", "lao-2025"}
    assert search(conn, "hanoi") == [search(conn, "HANOI")[0]]


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "giang*", "x' OR '1'='1", "NEAR(", ""])
def test_service_search_syntax_is_never_sql_or_fts(conn, query):
    search(conn, query)  # no error whatever the text


def test_service_dyads(conn):
    assert dyads(conn) == [("LAO", "VNM", 3), ("KHM", "VNM", 2), ("IGO", "VNM", 1)]


def test_service_event_pages_match_a_plain_sort(db_url):
    """The branched, index-ordered paging gives exactly what sorting every match would."""
    import dataclasses

    import store_records as rec
    from sqlalchemy import select

    from comity.query.filters import event_conditions
    from comity.storage import Store
    from comity.storage import schema as s

    results = rec.synthetic(120, seed=3, events_per_report=4) + [rec.undated()]
    results += [dataclasses.replace(r, article=dataclasses.replace(r.article, id=f"u{i}", text=r.article.text + f" {i}",
                                                                   published=None),
                                    events=tuple(dataclasses.replace(x, date=None) for x in r.events))
                for i, r in enumerate(rec.synthetic(5, seed=4))]
    with Store.open(db_url) as store:
        store.save(results)
        with store.read() as conn:
            for kwargs in (dict(), dict(dyad="VNM-LAO"), dict(country="KHM"), dict(country="VNM", type="04"),
                           dict(dyad="CHN-USA", since="2022")):
                for newest in (True, False):
                    for offset, limit in ((0, 5), (3, 7), (0, 1000), (40, 30)):
                        f = EventFilter.parse(**kwargs, limit=limit, offset=offset, newest_first=newest)
                        e = s.events.c
                        dated = conn.execute(select(e.id, e.date).where(*event_conditions(f), e.date.is_not(None))).all()
                        undated = conn.execute(select(e.id).where(*event_conditions(f), e.date.is_(None))).scalars()
                        expected = [i for _, i in sorted(((d, i) for i, d in dated), reverse=newest)]
                        expected += sorted(undated, reverse=newest)
                        got = [r.id for r in list_events(conn, f)]
                        assert got == expected[offset:offset + limit], (kwargs, newest, offset, limit)
                        assert count_events(conn, f) == len(expected)


def test_service_search_snippet_shows_where_the_words_meet():
    """The snippet is cut around the place with most of the query's words, not the first of them."""
    from comity.query.service import snippet

    text = ("Hanoi — The ministers agreed to deepen military ties. " + "Filler words here. " * 12
            + "Priority goes to peacekeeping and military medicine next year.")
    cut = snippet(text, text.lower(), ["military", "medicine"])
    assert "military medicine" in cut and "military ties" not in cut
    assert snippet(text, text.lower(), ["ministers"]).startswith("Hanoi — The ministers")
