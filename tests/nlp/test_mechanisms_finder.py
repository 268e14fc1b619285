"""The mechanism finder (comity/nlp/components/mechanisms.py) on sentences written for these tests."""
import pytest

from comity.pipeline import extract

pytestmark = pytest.mark.model


def found(text, published="2025-04-11"):
    return [(m.name, m.ordinal, m.status) for m in extract(text, published=published).mechanisms]


def test_an_ordinal_glued_to_its_suffix_is_the_ordinal_not_the_start_of_the_name():
    (name, ordinal, status), = found("The defence ministers of Thailand and Laos co-chaired the 12th "
                                     "Thailand-Laos border defence friendship exchange on Wednesday.")
    assert (name, ordinal, status) == ("Thailand-Laos border defence friendship exchange", 12, "held")


def test_a_capitalised_exchange_keeps_its_first_word():
    (name, ordinal, _), = found("Troops met at the third Laos-Cambodia Border Friendship Exchange in 2024.")
    assert (name, ordinal) == ("Laos-Cambodia Border Friendship Exchange", 3)
