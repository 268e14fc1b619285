"""The small files of named word lists (roles.yaml, venues.yaml, mechanism_terms.yaml) are checked."""
from __future__ import annotations

import pytest

from comity.errors import DataError
from comity.nlp.components.mechanisms import MECHANISM_LISTS, cues, mechanism_terms
from comity.nlp.roles import ROLE_LISTS, role_words
from comity.nlp.venues import VENUE_LISTS, venue_words
from comity.nlp.word_lists import CODE_WORDS, NAMED_PATTERNS, ORDERED, WORD_CODE, WORDS, read_lists

SPEC = {"both_words": WORDS, "ordinals": ORDERED, "sectors": CODE_WORDS, "short_forms": WORD_CODE,
        "levels": NAMED_PATTERNS}
GOOD = ("both_words: [Two, both]\nordinals: [first, second]\nsectors: {MIL: [army]}\n"
        "short_forms: {North: PRK}\nlevels: {ministerial: [minister]}\n")


def test_lists_are_read_by_kind():
    lists = read_lists(GOOD, "x.yaml", SPEC)
    assert lists.both_words == frozenset({"two", "both"})
    assert lists.ordinals == ("first", "second")
    assert lists.sectors == {"army": "MIL"} and lists.short_forms == {"North": "PRK"}
    assert lists.levels == {"ministerial": ("minister",)}


@pytest.mark.parametrize("text, detail", [
    (GOOD + "extra_words: [a]\n", "x.yaml, line 6 is invalid: unknown list 'extra_words'"),
    (GOOD.replace("ordinals: [first, second]\n", ""), "missing lists: ordinals"),
    (GOOD.replace("[Two, both]", "[two, 3]"), "x.yaml, line 1 is invalid: both_words: words must be text"),
    (GOOD.replace("PRK", "Korea"), "short_forms: words each with a state code"),
    (GOOD.replace("[minister]", "['minister(']"), "not a regular expression"),
    (GOOD.replace("ministerial:", "deputy minister:"), "levels: names"),
])
def test_unknown_missing_or_malformed_lists_are_errors_naming_file_and_line(text, detail):
    with pytest.raises(DataError, match=r"^\[E104\]") as exc:
        read_lists(text, "x.yaml", SPEC)
    assert detail in str(exc.value)


def test_shipped_files_hold_every_list_they_are_read_for():
    assert set(role_words()) == set(ROLE_LISTS)
    assert set(venue_words()) == set(VENUE_LISTS)
    assert set(mechanism_terms()) == set(MECHANISM_LISTS)
    assert cues().ordinals["fourth"] == 4
    assert cues().level.search("the deputy-ministerial dialogue").lastgroup == "deputy_ministerial"
    assert cues().level.search("the ASEAN Defence Ministers' Meeting").lastgroup == "ministerial"
