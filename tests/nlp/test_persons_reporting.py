"""People in reporting as crawled (issue #15): headlines, captions, garbled ranks, offices written
many ways. Sentences written for these tests; they run the real model (marked `model`)."""
import pytest

from comity.pipeline import extract

pytestmark = pytest.mark.model


def people(text, published="2024-05-06"):
    return {p.name: p for p in extract(text, published=published).persons}


def test_a_rank_before_a_common_noun_names_nobody():
    p = people("The visiting General Officer laid a wreath in New Delhi, said Defence Minister Rajnath Singh. "
               "Data from the General Administration of Customs showed exports rose.")
    assert set(p) == {"Rajnath Singh"}


def test_caption_words_are_no_names_even_run_onto_a_name():
    p = people("Representative Image\nChancellor Olaf Scholz was greeted by Kenyan President William "
               "RutoImage: Reuters/pool\nPresident William Ruto thanked Germany.")
    assert set(p) == {"Olaf Scholz", "William Ruto"}
    assert "Image" not in " ".join(p["William Ruto"].aliases)


def test_the_pieces_of_a_rank_after_a_comma_are_no_name():
    p = people("The guests were met by the Chief Commander, Brig. Gen. Somsak Inthavong, in Vientiane, and by "
               "the province's Commander, Col. Tran Van Binh.")
    assert set(p) == {"Somsak Inthavong", "Tran Van Binh"}
    assert p["Somsak Inthavong"].rank == "Brig. Gen." and p["Tran Van Binh"].rank == "Col."


def test_a_headline_in_title_case_gives_no_name_running_into_its_words():
    p = people("Chinese Defence Minister Meets Visiting General Nguyen Tan Cuong\n"
               "Defence Minister Says Ties Strong\n"
               "BEIJING - Chinese Defence Minister Dong Jun received Vietnamese Defence Minister Phan Van Giang "
               "in Beijing on Monday.")
    assert set(p) == {"Nguyen Tan Cuong", "Dong Jun", "Phan Van Giang"}  # "Says Ties Strong" is no one
    assert "Says" not in p
