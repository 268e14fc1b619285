"""Filter values are checked before any SQL is built; bad ones get a catalogue message."""
import pytest

from comity.errors import StoreError
from comity.query import EventFilter, EventType, parse_dyad
from comity.query.filters import end_of


@pytest.mark.parametrize("value,expected", [("VNM-LAO", ("VNM", "LAO")), ("vnm lao", ("VNM", "LAO")),
                                            ("VNM,LAO", ("VNM", "LAO")), (("khm", "vnm"), ("KHM", "VNM"))])
def test_filters_dyad(value, expected):
    assert parse_dyad(value) == expected


@pytest.mark.parametrize("value", ["VNM", "VNM-LAO-KHM", "Vietnam-Laos", "VNM-'; DROP TABLE events;--"])
def test_filters_bad_dyad(value):
    with pytest.raises(StoreError, match="E205"):
        parse_dyad(value)


def test_filters_type():
    assert EventType.parse("consult") == EventType(plover="CONSULT")
    assert EventType.parse("04") == EventType(cameo="04")
    with pytest.raises(StoreError, match="E204"):
        EventType.parse("04%")


@pytest.mark.parametrize("value", ["2025-13", "yesterday", "2025/12/01", "2025-12-01'"])
def test_filters_bad_dates(value):
    with pytest.raises(StoreError, match="E208"):
        EventFilter.parse(since=value)


def test_filters_end_of():
    assert (end_of("2024"), end_of("2024-02"), end_of("2025-02"), end_of("2025-02-03")) == \
        ("2024-12-31", "2024-02-29", "2025-02-28", "2025-02-03")
