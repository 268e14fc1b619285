"""comity.nlp.dates: finding date expressions and resolving them against the publication date.

Expected values were worked out by calendar (2025-12-02 is a Tuesday, 2024-12-18 a
Wednesday, 2024-04-08 a Monday, 2025-06-01 a Sunday, 2026-04-01 a Wednesday).
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comity.nlp.dates import KINDS, DateMention, find_dates, resolve

D = date.fromisoformat


def only(text: str, published: date | None) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


def values(text: str, published: date | None) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


# -- written dates -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Australia on Friday, June 14, 2024, handed over a boat", "on Friday, June 14, 2024", "2024-06-14"),
        ("talks on December 18, 2024 in Hanoi", "on December 18, 2024", "2024-12-18"),
        ("signed on 18 December 2024.", "on 18 December 2024", "2024-12-18"),
        ("signed on Friday, 14 June 2024.", "on Friday, 14 June 2024", "2024-06-14"),
        ("held on the 18th of December 2024", "on the 18th of December 2024", "2024-12-18"),
        ("held December 18th, 2024", "December 18th, 2024", "2024-12-18"),
        ("since Dec. 15, 2024", "Dec. 15, 2024", "2024-12-15"),
        ("from Sept. 5, 2023 onwards", "Sept. 5, 2023", "2023-09-05"),
        ("from Sept 5 2023 onwards", "Sept 5 2023", "2023-09-05"),
        ("record of 2024-12-18 kept", "2024-12-18", "2024-12-18"),
        ("a leap day, February 29, 2024", "February 29, 2024", "2024-02-29"),
    ],
)
def test_dates_written_date_resolves_without_published(text, expression, value):
    m = only(text, None)
    assert (m.text, m.value, m.granularity, m.kind) == (expression, value, "day", "point")
    assert text[m.start:m.end] == expression


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("talks on December 18 during the visit", "2024-12-18", "2024-12-18"),
        ("online talks on December 30, reviewing", "2023-01-02", "2022-12-30"),  # the year before
        ("its anniversary on December 22", "2025-12-16", "2025-12-22"),          # six days ahead
        ("a visit from Dec. 15", "2025-12-17", "2025-12-15"),
        ("met on July 10 and", "2024-07-11", "2024-07-10"),
        ("on January 5 the pact", "2024-12-20", "2025-01-05"),                  # 16 days ahead
        ("on March 1 the pact", "2024-12-31", "2025-03-01"),                    # 60 days: still ahead
        ("on March 2 the pact", "2024-12-31", "2024-03-02"),                    # 61 days: last year
        ("on February 29 the pact", "2025-03-01", "2024-02-29"),                # only leap years
    ],
)
def test_dates_yearless_day_is_placed_near_published(text, published, value):
    m = only(text, D(published))
    assert (m.value, m.granularity, m.kind) == (value, "day", "point")


@pytest.mark.parametrize(
    "text",
    ["December 18th", "18th of December", "18 December", "the 18th of December", "Dec 18", "Dec. 18",
     "18 Dec.", "December 18"],
)
def test_dates_us_and_uk_orders_and_ordinals(text):
    m = only(f"It happened {text}, officials said.", D("2024-12-20"))
    assert (m.text, m.value, m.granularity) == (text, "2024-12-18", "day")


def test_dates_explicit_date_wins_over_weekday():
    m = only("signed a memorandum in New Delhi on Tuesday (March 11), the ministry said", D("2025-03-12"))
    assert (m.text, m.value, m.kind) == ("on Tuesday (March 11)", "2025-03-11", "point")
    # The written date is used even when it does not fall on the weekday written beside it.
    assert only("on Tuesday (March 13)", D("2025-03-14")).value == "2025-03-13"
    assert only("on Monday (June 14, 2024)", None).value == "2024-06-14"
    assert only("Monday, June 14, 2024", None).value == "2024-06-14"


def test_dates_local_time_is_not_part_of_the_mention():
    text = "met Antony Blinken in New York on September 20 (local time) on the sidelines"
    m = only(text, D("2023-09-22"))
    assert (m.text, m.value) == ("on September 20", "2023-09-20")
    assert m.end == text.index(" (local time)")


# -- weekdays ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        ("met in Vientiane on Tuesday, during which", "2025-12-02", "on Tuesday", "2025-12-02"),  # same day
        ("talks in Hanoi on Tuesday, the statement said", "2025-12-17", "on Tuesday", "2025-12-16"),
        ("Nakatani and Giang agreed Saturday to step up", "2025-06-01", "Saturday", "2025-05-31"),
        ("No new document was signed at Saturday's meeting", "2025-06-01", "Saturday", "2025-05-31"),
        ("held their sixth dialogue on Monday, pledging", "2025-06-10", "on Monday", "2025-06-09"),
        ("On Wednesday, Giang led a delegation", "2025-04-11", "On Wednesday", "2025-04-09"),
        ("docked at the port on Monday morning, beginning", "2024-04-08", "on Monday morning", "2024-04-08"),
        ("a ceremony last Friday", "2024-04-08", "last Friday", "2024-04-05"),
        ("a ceremony last Monday", "2024-04-08", "last Monday", "2024-04-01"),  # strictly before
        ("a ceremony this Friday", "2024-04-08", "this Friday", "2024-04-12"),  # the publication's week
    ],
)
def test_dates_weekday_is_latest_such_day_on_or_before_published(text, published, expression, value):
    m = only(text, D(published))
    assert (m.text, m.value, m.granularity, m.kind) == (expression, value, "day", "point")


def test_dates_next_weekday_is_future():
    m = only("talks next Monday", D("2024-04-08"))
    assert (m.value, m.kind) == ("2024-04-15", "future")


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Giang is scheduled to meet Prime Minister Han Duck-soo on Wednesday before", "2024-03-19",
         "2024-03-20"),
        ("The two teams are due to meet again in a second friendly in Bangkok on Friday.", "2026-04-01",
         "2026-04-03"),
        ("He will visit Jakarta on Tuesday", "2025-12-02", "2025-12-02"),  # on or after: today
        ("The minister is scheduled to travel on to Jakarta on Wednesday", "2025-05-20", "2025-05-21"),
        # an arrival awaited: "is expected at", "is due in"
        ("The envoy is expected at the ministry on Tuesday.", "2025-06-11", "2025-06-17"),
        ("The defence minister is due in Hanoi on Friday.", "2025-06-11", "2025-06-13"),
        # "was to": a plan as it stood, still ahead of a report that says it was called off
        ("Singh was to travel to Tokyo on Thursday", "2025-02-04", "2025-02-06"),
        # ... but "was to Vietnam" is a trip's destination, not a plan
        ("His first trip abroad was to Vietnam on Thursday", "2025-02-04", "2025-01-30"),
        # No future in the clause: the latest such day.
        ("Vietnam would work with ASEAN members, Hang said on Thursday", "2024-07-12", "2024-07-11"),
        ("The ministry that will host the talks said on Thursday", "2024-07-12", "2024-07-11"),
        ("Later on Monday, Chien paid a courtesy call", "2025-06-10", "2025-06-09"),
    ],
)
def test_dates_weekday_in_future_context_looks_forward(text, published, value):
    assert only(text, D(published)).value == value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("The exercise will be held in October", "2024-06-11", "2024-10"),
        ("The exercise was held in October", "2024-06-11", "2023-10"),
        ("The treaty will take effect on August 20", "2024-06-01", "2024-08-20"),
        ("The treaty took effect on August 20", "2024-06-01", "2023-08-20"),
        ("Hamada had planned to visit Hanoi in December, but", "2023-01-02", "2022-12"),  # past perfect
        ("The 58th meeting would be held in Malaysia in January", "2024-12-10", "2025-01"),
    ],
)
def test_dates_future_context_moves_yearless_dates_forward(text, published, value):
    assert only(text, D(published)).value == value


# -- relative days ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "published", "expression", "value", "kind"),
    [
        ("co-chaired the exchange in Dien Bien yesterday.", "2026-03-28", "yesterday", "2026-03-27", "point"),
        ("Yesterday the ministers met", "2026-03-28", "Yesterday", "2026-03-27", "point"),
        ("met yesterday afternoon", "2026-03-28", "yesterday afternoon", "2026-03-27", "point"),
        ("Malaysia and Thailand today agreed", "2024-12-10", "today", "2024-12-10", "point"),
        ("Today, the ministry said", "2024-12-10", "Today", "2024-12-10", "point"),
        ("beat Thailand at the stadium last night,", "2026-04-01", "last night", "2026-03-31", "point"),
        ("will meet tonight", "2026-04-01", "tonight", "2026-04-01", "point"),
        ("arrived this morning", "2026-04-01", "this morning", "2026-04-01", "point"),
        ("said earlier today", "2026-04-01", "earlier today", "2026-04-01", "point"),
        ("will sign tomorrow", "2026-03-31", "tomorrow", "2026-04-01", "future"),
        ("arrived the day before yesterday", "2026-03-01", "the day before yesterday", "2026-02-27", "point"),
    ],
)
def test_dates_relative_day(text, published, expression, value, kind):
    m = only(text, D(published))
    assert (m.text, m.value, m.granularity, m.kind) == (expression, value, "day", kind)


def test_dates_today_inside_a_title_is_not_a_date():
    assert find_dates("according to USA Today and China Today", D("2024-12-10")) == []


# -- months --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        ("The second exchange was held in October 2024.", None, "in October 2024", "2024-10"),
        ("upgraded their ties in November 2023", "2025-06-01", "in November 2023", "2023-11"),
        ("a report of October 2024 said", None, "October 2024", "2024-10"),
        ("the exchange in mid-March 2025", None, "in mid-March 2025", "2025-03"),
        ("held in October, which", "2024-12-18", "in October", "2024-10"),
        ("held in Tokyo in November.", "2024-12-05", "in November", "2024-11"),  # that November
        ("held in Tokyo in November.", "2023-01-02", "in November", "2022-11"),
        ("had planned to visit in December", "2023-01-02", "in December", "2022-12"),
        ("Samudra Shakti would be held in May.", "2025-03-12", "in May", "2025-05"),
        ("since taking office in December, said", "2024-06-11", "in December", "2023-12"),
        ("the anniversary, which fell in January.", "2026-03-28", "in January", "2026-01"),
        ("announced in Sept. that", "2024-12-01", "in Sept.", "2024-09"),
        ("since early May the talks", "2024-12-01", "since early May", "2024-05"),
        ("established in September last year.", "2024-04-08", "in September last year", "2023-09"),
        ("signed in Manila in July last year, and", "2025-02-20", "in July last year", "2024-07"),
        ("took office in May last year.", "2025-06-01", "in May last year", "2024-05"),
        ("signed in Canberra last December, covering", "2024-06-14", "last December", "2023-12"),
        ("signed in Canberra last December, covering", "2025-01-10", "last December", "2024-12"),
        ("signed in Canberra last December, covering", "2024-12-20", "last December", "2023-12"),
    ],
)
def test_dates_month(text, published, expression, value):
    m = only(text, D(published) if published else None)
    assert (m.text, m.value, m.granularity, m.kind) == (expression, value, "month", "point")


def test_dates_next_month_name_is_future():
    m = only("will meet next March", D("2024-04-08"))
    assert (m.value, m.granularity, m.kind) == ("2025-03", "month", "future")


def test_dates_month_followed_by_a_day_is_a_day():
    m = only("During their stay until April 12, the sailors", D("2024-04-08"))
    assert (m.text, m.value, m.granularity) == ("April 12", "2024-04-12", "day")


# -- relative years, months and weeks -------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "published", "expression", "value", "granularity", "kind"),
    [
        ("in the first ten months of this year", "2024-11-27", "this year", "2024", "year", "point"),
        ("which falls this year.", "2023-01-02", "this year", "2023", "year", "point"),
        ("the vessel sank last year", "2024-11-27", "last year", "2023", "year", "relative_past"),
        ("will be held next year.", "2026-03-28", "next year", "2027", "year", "future"),
        ("a plan for next year, aiming", "2025-12-17", "for next year", "2026", "year", "future"),
        ("to sign the plan early next year.", "2023-12-15", "early next year", "2024", "year", "future"),
        ("in Hanoi later this year.", "2025-06-01", "later this year", "2025", "year", "future"),
        ("announced earlier this year", "2025-06-01", "earlier this year", "2025", "year", "relative_past"),
        ("by the end of next year", "2025-06-01", "by the end of next year", "2026", "year", "future"),
        ("in the second half of this year.", "2024-03-19", "in the second half of this year", "2024", "year",
         "future"),
        ("the activity conducted last month.", "2025-02-20", "last month", "2025-01", "month",
         "relative_past"),
        ("the floods last month", "2025-01-10", "last month", "2024-12", "month", "relative_past"),
        ("by President Biden earlier this month", "2023-09-22", "earlier this month", "2023-09", "month",
         "relative_past"),
        ("will open later this month", "2024-07-11", "later this month", "2024-07", "month", "future"),
        ("will open next month", "2024-12-10", "next month", "2025-01", "month", "future"),
        ("held this month", "2024-12-10", "this month", "2024-12", "month", "point"),
        # Weeks at month granularity: the month of that ISO week's Thursday.
        ("the dialogue held in Ha Noi last week", "2025-11-01", "last week", "2025-10", "month",
         "relative_past"),
        ("concluded last week", "2025-03-12", "last week", "2025-03", "month", "relative_past"),
        ("concluded last week", "2024-10-07", "last week", "2024-10", "month", "relative_past"),  # Thu Oct 3
        ("will meet next week", "2024-12-27", "next week", "2025-01", "month", "future"),  # Thu Jan 2
        ("met this week", "2024-09-30", "this week", "2024-09", "month", "point"),  # the publication month
    ],
)
def test_dates_relative_unit(text, published, expression, value, granularity, kind):
    m = only(text, D(published))
    assert (m.text, m.value, m.granularity, m.kind) == (expression, value, granularity, kind)


@pytest.mark.parametrize(
    ("text", "expression", "kind"),
    [
        ("has yielded outcomes in recent years,", "in recent years", "relative_past"),
        ("its achievements in recent times", "in recent times", "relative_past"),
        ("over the past 50 years, under", "over the past 50 years", "relative_past"),
        ("over the last year", "over the last year", "relative_past"),
        ("in the past few months", "in the past few months", "relative_past"),
        ("in the coming months", "in the coming months", "future"),
        ("in the near future", "in the near future", "future"),
    ],
)
def test_dates_vague_span_has_kind_but_no_value(text, expression, kind):
    m = only(text, D("2025-12-02"))
    assert (m.text, m.value, m.granularity, m.end_value, m.kind) == (expression, None, None, None, kind)


# -- ranges --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "published", "expression", "first", "last"),
    [
        ("on a working visit to Laos from June 8-11.", "2025-06-10", "from June 8-11", "2025-06-08",
         "2025-06-11"),
        ("a visit from October 17-19", "2024-10-20", "from October 17-19", "2024-10-17", "2024-10-19"),
        ("an official visit to Vietnam from Dec. 15 to 17 at", "2025-12-17", "from Dec. 15 to 17",
         "2025-12-15", "2025-12-17"),
        ("visiting June 8 to 11", "2025-06-10", "June 8 to 11", "2025-06-08", "2025-06-11"),
        ("visiting June 8–11", "2025-06-10", "June 8–11", "2025-06-08", "2025-06-11"),
        ("visiting June 8—11", "2025-06-10", "June 8—11", "2025-06-08", "2025-06-11"),
        ("talks on June 8 and 9", "2025-06-10", "June 8 and 9", "2025-06-08", "2025-06-09"),
        ("exercises between 3 and 5 March", "2025-03-10", "between 3 and 5 March", "2025-03-03",
         "2025-03-05"),
        ("in Japan on an official visit from Feb. 18 to 21.", "2025-02-20", "from Feb. 18 to 21",
         "2025-02-18", "2025-02-21"),
        ("a visit June 28 to July 2", "2024-07-03", "June 28 to July 2", "2024-06-28", "2024-07-02"),
        ("a visit Dec. 30 to Jan. 2", "2025-01-03", "Dec. 30 to Jan. 2", "2024-12-30", "2025-01-02"),
        ("a visit 28 June to 2 July", "2024-07-03", "28 June to 2 July", "2024-06-28", "2024-07-02"),
        ("held June 8-11, 2025 in", None, "June 8-11, 2025", "2025-06-08", "2025-06-11"),
        ("held 8-11 June 2025 in", None, "8-11 June 2025", "2025-06-08", "2025-06-11"),
    ],
)
def test_dates_day_range(text, published, expression, first, last):
    m = only(text, D(published) if published else None)
    assert (m.text, m.value, m.end_value, m.granularity, m.kind) == (expression, first, last, "day", "range")


def test_dates_month_range():
    m = only("drills from June to August 2024", None)
    assert (m.text, m.value, m.end_value, m.granularity, m.kind) == (
        "from June to August 2024", "2024-06", "2024-08", "month", "range")


def test_dates_range_without_published_is_unresolved():
    m = only("on a working visit from June 8-11", None)
    assert (m.text, m.value, m.end_value, m.granularity, m.kind) == (
        "from June 8-11", None, None, None, "range")


def test_dates_backwards_day_span_is_not_a_range():
    assert all(m.kind != "range" for m in find_dates("June 11-8", D("2025-06-20")))


# -- periods and years ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expression", "start", "end"),
    [
        ("the protocol for the 2020–24 period", "2020–24", "2020", "2024"),
        ("the protocol for the 2025–29 period", "2025–29", "2025", "2029"),
        ("the protocol for the 2025-2029 period", "2025-2029", "2025", "2029"),
        ("the protocol for the 2021–2025 period", "2021–2025", "2021", "2025"),
        ("an action plan for 2026—2030", "2026—2030", "2026", "2030"),
        ("a protocol from 2026 to 2030, it added", "from 2026 to 2030", "2026", "2030"),
        ("a protocol between 2026 and 2030", "between 2026 and 2030", "2026", "2030"),
        ("a plan for 2024/25", "2024/25", "2024", "2025"),
        ("a plan for 1998–02", "1998–02", "1998", "2002"),  # two digits across a century
        ("the roadmap for military cooperation until 2030 and", "until 2030", None, "2030"),
        ("the joint vision for defence partnership towards 2030", "towards 2030", None, "2030"),
        ("a vision toward 2045", "toward 2045", None, "2045"),
    ],
)
def test_dates_period(text, expression, start, end):
    m = only(text, None)
    assert (m.text, m.value, m.end_value, m.granularity, m.kind) == (expression, start, end, "year", "period")


@pytest.mark.parametrize(
    ("text", "expression", "year"),
    [
        ("the Viet Nam International Defence Expo 2024.", "2024", "2024"),
        ("the signed defence cooperation plan for 2026.", "2026", "2026"),
        ("the fourth will take place in Laos in 2028", "in 2028", "2028"),
        ("has trained its pilots since 1998.", "1998", "1998"),
        ("an economic slowdown in mid-2024", "2024", "2024"),
        ("the month 2024-12 closed", "2024", "2024"),  # not a period: 12 is not after 24
    ],
)
def test_dates_lone_year_is_a_year_ref(text, expression, year):
    m = only(text, D("2025-06-01"))
    assert (m.text, m.value, m.granularity, m.end_value, m.kind) == (
        expression, year, "year", None, "year_ref")


def test_dates_two_years_joined_by_and_are_two_year_refs():
    assert [(m.text, m.kind) for m in find_dates("in 2019 and 2020", None)] == [
        ("in 2019", "year_ref"), ("2020", "year_ref")]


# -- not dates -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "the 2,337km shared border",
        "Viet Nam came from behind to beat Thailand 2–1 in a friendly",
        "equipment worth VNĐ5 billion (US$190,000)",
        "Marles said, and Mar-a-Lago",
        "Singh may visit, Theresa May said",
        "the 23rd minute and the 77th founding anniversary",
        "Good Friday and Black Monday",
        "veterans of the 1990s",
        "officers trained every year",
        "ratified the next year",
        "XJanuary 5",
    ],
)
def test_dates_not_a_date(text):
    assert find_dates(text, D("2025-06-01")) == []


def test_dates_impossible_day_is_not_a_day():
    assert [(m.text, m.kind) for m in find_dates("on February 30, 2024", None)] == [("2024", "year_ref")]
    assert find_dates("on February 30", D("2025-06-01")) == []


# -- no publication date -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expression", "kind"),
    [
        ("held talks in Baku on November 12 with", "on November 12", "point"),
        ("held a phone conversation on Thursday with", "on Thursday", "point"),
        ("co-chaired the exchange yesterday", "yesterday", "point"),
        ("signed a security agreement last December", "last December", "point"),
        ("planned to take place next year", "next year", "future"),
        ("took office in May last year", "in May last year", "point"),
        ("held in October", "in October", "point"),
        ("concluded last week", "last week", "relative_past"),
    ],
)
def test_dates_relative_without_published_is_unresolved(text, expression, kind):
    m = only(text, None)
    assert (m.text, m.value, m.granularity, m.end_value, m.kind) == (expression, None, None, None, kind)


def test_dates_published_datetime_counts_by_its_own_day():
    published = datetime(2024, 3, 19, 10, 32, tzinfo=timezone(timedelta(hours=9)))
    assert only("South Korea and Vietnam agreed Tuesday", published).value == "2024-03-19"
    assert only("Giang arrived here Monday", published).value == "2024-03-18"


def test_dates_mentions_are_ordered_and_disjoint():
    text = ("Tea Seiha is paying an official visit to Vietnam from Dec. 15 to 17. The plan was inked after "
            "talks in Hanoi on Tuesday. A protocol from 2026 to 2030 will follow next year.")
    assert values(text, D("2025-12-17")) == [
        ("from Dec. 15 to 17", "2025-12-15"), ("on Tuesday", "2025-12-16"), ("from 2026 to 2030", "2026"),
        ("next year", "2026")]


# -- resolve -------------------------------------------------------------------------------

def test_dates_resolve_one_expression():
    m = resolve("on Tuesday", D("2025-12-17"))
    assert m is not None and (m.start, m.end, m.value) == (0, 10, "2025-12-16")
    m = resolve("  Dec. 15 to 17 ", D("2025-12-17"))
    assert m is not None and (m.start, m.text, m.value, m.end_value) == (2, "Dec. 15 to 17", "2025-12-15",
                                                                       "2025-12-17")
    assert resolve("no date in here", D("2025-12-17")) is None
    assert resolve("", None) is None


def test_dates_resolve_bare_month():
    m = resolve("October", D("2024-12-18"))
    assert m is not None and (m.text, m.value, m.granularity) == ("October", "2024-10", "month")
    m = resolve("October", None)
    assert m is not None and (m.value, m.granularity) == (None, None)


def test_dates_resolve_prefers_the_longest_expression():
    m = resolve("talks on Tuesday, then a visit from June 8-11", D("2025-06-10"))
    assert m is not None and m.text == "from June 8-11"


@pytest.mark.parametrize(
    ("expression", "published", "tense", "value"),
    [
        ("on Wednesday", "2025-12-16", "future", "2025-12-17"),
        ("on Wednesday", "2025-12-16", None, "2025-12-10"),
        ("in August", "2024-06-11", None, "2024-08"),   # within three months ahead
        ("in August", "2024-06-11", "past", "2023-08"),
        ("in April", "2024-06-11", "future", "2025-04"),
        ("on June 20", "2024-06-11", "past", "2023-06-20"),
    ],
)
def test_dates_resolve_tense_overrides_context(expression, published, tense, value):
    m = resolve(expression, D(published), tense=tense)
    assert m is not None and m.value == value


def test_dates_resolve_rejects_unknown_tense():
    with pytest.raises(ValueError, match="tense"):
        resolve("on Monday", D("2025-12-16"), tense="later")


# -- properties ------------------------------------------------------------------------------

_PIECES = ["on", "in", "from", "between", "and", "to", "last", "next", "this", "early", "later", "the",
           "Tuesday", "Saturday's", "December", "Dec.", "Sept", "May", "18", "18th", "30", "8-11", "2024",
           "2020–24",
           "(March 11)", "(local time)", "yesterday", "week", "month", "year", "years", "recent", "of", ",",
           "—", "-", "until", "towards", "2,337", "2–1", "31", "29", "February", "today", "Today", "will"]
_ISO = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


def _check(text: str, published: date | None) -> None:
    found = find_dates(text, published)
    previous_end = 0
    for m in found:
        assert m.text == text[m.start:m.end]
        assert m.start >= previous_end and m.end > m.start
        previous_end = m.end
        assert m.kind in KINDS
        assert (m.granularity is None) == (m.value is None and m.end_value is None)
        for value in (m.value, m.end_value):
            if value is not None:
                assert re.fullmatch(_ISO[m.granularity], value), m


_published = st.one_of(st.none(), st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), published=_published)
def test_dates_property_offsets_hold_on_any_text(text, published):
    _check(text, published)
    resolve(text, published)


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(_PIECES), max_size=14), seps=st.sampled_from([" ", "  ", ", ", "\n"]),
       published=_published)
def test_dates_property_offsets_hold_on_date_like_text(words, seps, published):
    text = seps.join(words)
    _check(text, published)
    resolve(text, published)


# -- the shared reports ----------------------------------------------------------------------

_HEADER = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})\b")


def _reports(shared):
    """(id, published, body) for every dev report and seed."""
    for path in sorted((shared / "dev").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        header = _HEADER.match(text)
        yield path.stem, (D(header.group(1)) if header else None), text
    for line in (shared / "dev" / "dev-jsonl.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        published = datetime.fromisoformat(row["published"]).date() if row.get("published") else None
        yield row["id"], published, row["text"]


def test_dates_every_sentence_of_the_shared_reports(shared):
    sentences = 0
    for _, published, text in _reports(shared):
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
            _check(sentence, published)
            sentences += 1
    assert sentences > 200


def test_dates_gold_dates_are_found_in_dev_reports(shared):
    """Every date the gold gives a dev report can be read off one of the report's mentions."""
    gold = {row["id"]: row for row in map(json.loads, (shared / "gold" / "dev.jsonl").open(encoding="utf-8"))}
    checked = 0
    for report_id, published, text in _reports(shared):
        if report_id not in gold:
            continue
        row = gold[report_id]
        gold_published = row["published"][:10] if row["published"] else None
        assert (published.isoformat() if published else None) == gold_published
        found = find_dates(text, published)
        readable = {m.value for m in found if m.value} | {m.value[:7] for m in found
                                                            if m.value and m.granularity == "day"}
        wanted = {e["date"] for e in row["events"]} | {m["date"] for m in row["meetings"]} \
            | {m["date"] for m in row.get("mechanisms", [])} | {a["signed_on"] for a in row["agreements"]}
        missing = {w for w in wanted if w} - readable
        assert not missing, (report_id, missing)
        spans = {(m.value, m.end_value) for m in found if m.kind == "period"} \
            | {(m.value, m.value) for m in found if m.granularity == "year" and m.end_value is None}
        for agreement in row["agreements"]:
            if agreement["period_end"] is not None:
                start = agreement["period_start"]
                key = (str(start) if start is not None else None, str(agreement["period_end"]))
                assert key in spans, (report_id, agreement["name_as_written"], key)
        checked += 1
    assert checked == 24


# ---- reports without a publication date: the lead's written date places months and years -------

def test_dates_undated_report_places_months_and_years_from_its_lead():
    from comity.nlp.dates import find_dates_undated, lead_date

    text = ("Australia on Friday, June 14, 2024, handed over a patrol boat to Papua New Guinea. The two "
            "countries signed a security agreement last December and a treaty last year; they met on "
            "Tuesday and again yesterday.")
    assert lead_date(find_dates(text, None)) == D("2024-06-14")
    found = {m.text: m.value for m in find_dates_undated(text)}
    assert found["last December"] == "2023-12"
    assert found["last year"] == "2023"
    assert found["on Tuesday"] is None and found["yesterday"] is None  # days stay unknown


def test_dates_undated_report_without_a_written_lead_date_stays_unresolved():
    from comity.nlp.dates import find_dates_undated

    late = "The ministers met on Tuesday. " * 12 + "The treaty was signed on March 3, 2019, and renewed last year."
    assert {m.text: m.value for m in find_dates_undated(late)}["last year"] is None  # 2019 is not the lead
    assert [m.value for m in find_dates_undated("They met last month.")] == [None]
