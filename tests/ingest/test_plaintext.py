"""read_text and plain-text files: text as given, header parsed into fields."""
from __future__ import annotations

import datetime as dt

import pytest

from comity.errors import InputError
from comity.ingest import read_paths, read_text
from comity.model import Article


def test_plaintext_wire_file(data_dir):
    [article] = read_paths([data_dir / "wire.txt"])
    raw = (data_dir / "wire.txt").read_text(encoding="utf-8")
    assert article.text == raw  # header and sign-off stay in the text
    assert (article.id, article.origin) == ("wire", str(data_dir / "wire.txt"))
    assert (article.published, article.dateline) == (dt.date(2025, 2, 14), "VIENTIANE")
    assert article.source == "VNA/VNS"
    assert article.body.startswith("Lao and Thai defence officials")
    assert article.body.endswith("later this year.")


def test_plaintext_loose_layout_with_crlf(data_dir):
    [article] = read_paths([data_dir / "wire_loose.txt"])
    assert (article.published, article.dateline, article.source) == (dt.date(2024, 11, 5), "Hà Nội", "VNA")
    assert article.body.startswith("Việt Nam and Cambodia")
    assert article.body.endswith("next year.")
    assert "\r\n" in article.text  # line ends are not rewritten: offsets stay true to the file


def test_plaintext_no_header_uses_caller_date(data_dir):
    [article] = read_paths([data_dir / "no_header.txt"], published=dt.date(2024, 8, 7))
    assert (article.published, article.dateline, article.source) == (dt.date(2024, 8, 7), None, "AFP")
    assert article.body_start == 0
    assert article.body.endswith("together in 2023.")


def test_plaintext_no_header_no_date():
    article = read_text("Talks were held on Thursday.")
    assert article.published is None
    assert article.body == "Talks were held on Thursday."


def test_plaintext_own_date_beats_caller_date():
    article = read_text(" date 2024-12-18 HANOI — Talks. — VNA", published=dt.date(2020, 1, 1))
    assert article.published == dt.date(2024, 12, 18)


def test_plaintext_read_text_sets_id_and_origin():
    article = read_text("Talks.", id="abc", origin="feed:3")
    assert isinstance(article, Article)
    assert (article.id, article.origin) == ("abc", "feed:3")


def test_plaintext_bom_is_dropped(data_dir):
    [article] = read_paths([data_dir / "bom.txt"])
    assert not article.text.startswith("\ufeff")
    assert article.text.startswith(" date 2024-06-03")
    assert (article.published, article.dateline) == (dt.date(2024, 6, 3), "PHNOM PENH")
    assert article.source == "Xinhua"
    assert read_text("\ufeffTalks.").text == "Talks."


@pytest.mark.parametrize("text", ["", "   \n\t"])
def test_plaintext_empty_text_is_an_error(text):
    with pytest.raises(InputError) as info:
        read_text(text, id="empty")
    assert info.value.where == "empty"
    assert "E002" in info.value.message
