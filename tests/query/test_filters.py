"""Filter values are checked before any SQL is built; bad ones get a catalogue message."""
import pytest

from comity.errors import SameCountry, StoreError, UnknownCountry
from comity.query import EventFilter, EventType, parse_country, parse_dyad, resolve_country
from comity.query.filters import end_of


@pytest.mark.parametrize("value,expected", [
    ("VNM-LAO", ("VNM", "LAO")), ("vnm lao", ("VNM", "LAO")), ("VNM,LAO", ("VNM", "LAO")),
    (("khm", "vnm"), ("KHM", "VNM")), ("Vietnam-Laos", ("VNM", "LAO")), ("Viet Nam Laos", ("VNM", "LAO")),
    ("Việt Nam, Lao PDR", ("VNM", "LAO")), (("Cambodia", "VNM"), ("KHM", "VNM")),
    ("Guinea-Bissau-Senegal", ("GNB", "SEN")), ("South Korea North Korea", ("KOR", "PRK"))])
def test_filters_dyad(value, expected):
    assert parse_dyad(value) == expected


@pytest.mark.parametrize("value", ["VNM", "VNM-LAO-KHM", "Vietnam", "Vietnam Laos Cambodia"])
def test_filters_bad_dyad(value):
    with pytest.raises(StoreError, match="E205"):
        parse_dyad(value)


@pytest.mark.parametrize("value,code", [
    ("VNM", "VNM"), ("vnm", "VNM"), ("Vietnam", "VNM"), ("Việt Nam", "VNM"), ("viet  nam", "VNM"),
    ("Laotian", "LAO"), ("Lao", "LAO"), ("USA", "USA"), ("United States", "USA"), ("UK", "GBR"),
    ("HKG", "HKG")])
def test_filters_country_by_code_name_or_alias(value, code):
    assert resolve_country(value) == code == parse_country(value)


def test_filters_unknown_country_names_the_closest():
    with pytest.raises(UnknownCountry, match=r"E211.*'Laso'.*closest: .*Laos \(LAO\)"):
        resolve_country("Laso")
    with pytest.raises(UnknownCountry, match=r"E211.*'Vietnma'.*closest: Vietnam \(VNM\)"):
        resolve_country("Vietnma")
    with pytest.raises(UnknownCountry, match="'ZZZ'"):
        parse_dyad("VNM-ZZZ")
    with pytest.raises(UnknownCountry, match="'XXX'"):
        parse_dyad(("XXX", "LAO"))
    with pytest.raises(UnknownCountry, match="'Atlantis'"):
        EventFilter.parse(country="Atlantis")
    with pytest.raises(UnknownCountry, match="E211"):
        parse_dyad("VNM-'; DROP TABLE events;--")
    with pytest.raises(UnknownCountry, match="E211.*'hello'"):
        parse_dyad("hello big world")


def test_filters_a_name_of_two_states_asks_for_the_code():
    with pytest.raises(UnknownCountry, match=r"E212.*COD.*COG"):
        resolve_country("Congo")


@pytest.mark.parametrize("value", ["VNM-VNM", "vnm vnm", "Vietnam-VNM", ("Viet Nam", "Việt Nam")])
def test_filters_a_state_with_itself_is_no_dyad(value):
    with pytest.raises(SameCountry, match="E213.*VNM is one state"):
        parse_dyad(value)


def test_filters_resolver_does_not_load_spacy():
    import subprocess
    import sys

    code = ("import sys; from comity.query import resolve_country; resolve_country('Vietnam'); "
            "print('spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "False\n"


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
