"""The person finder's word lists are data (titles.yaml `finder_words`), checked when read."""
import pytest

from comity.errors import DataError
from comity.nlp.lexicon import FINDER_LISTS, _finder_words, titles


def test_finder_words_shipped_lists_are_all_there():
    assert set(titles().finder) == set(FINDER_LISTS)
    assert "president" in titles().finder["weak_heads"] and "Secretary" in titles().finder["general_offices"]


@pytest.mark.parametrize("lists, message", [
    (None, "a mapping of word lists is required"),
    ({name: ["x"] for name in FINDER_LISTS} | {"weak_head": ["x"]}, "unknown lists ['weak_head']"),
    ({name: ["x"] for name in FINDER_LISTS if name != "cased_only"}, "missing lists ['cased_only']"),
    ({name: ["x"] for name in FINDER_LISTS} | {"cased_only": ["under", 3]}, "finder_words.cased_only"),
])
def test_finder_words_bad_lists_name_the_file_and_the_list(lists, message):
    with pytest.raises(DataError) as e:
        _finder_words("titles.yaml", {"finder_words": lists} if lists is not None else {})
    assert "titles.yaml" in str(e.value) and message in str(e.value)
