"""HTML pages through trafilatura: text is the extracted main text."""
from __future__ import annotations

import datetime as dt

import pytest

from comity.errors import InputError
from comity.ingest import read_paths
from comity.ingest.html import read_html
from comity.model import Article


def test_html_article_page(data_dir):
    [article] = read_paths([data_dir / "article.html"])
    assert isinstance(article, Article)
    assert article.id == "article"
    assert article.title == "Laos and Thailand agree joint river patrols"
    assert article.url == "https://news.example.org/2025/02/laos-thailand-river-patrols"
    assert article.published == dt.date(2025, 2, 14)
    assert article.dateline == "VIENTIANE"
    assert "<p>" not in article.text and "Home" not in article.text and "Privacy" not in article.text


def test_html_body_skips_headline_and_dateline(data_dir):
    [article] = read_paths([data_dir / "article.html"])
    assert article.text.startswith("Laos and Thailand agree joint river patrols\n")
    assert article.body.startswith("Lao and Thai defence officials")
    assert article.body.endswith("later this year.")


def test_html_navigation_only_page_is_an_error(data_dir):
    path = data_dir / "navigation_only.html"
    [error] = read_paths([path])
    assert isinstance(error, InputError)
    assert error.where == str(path)
    assert error.message.startswith("[E008]")


def test_html_caller_date_when_page_has_none():
    paragraph = "Thai and Lao officers met at the border to review patrols. " * 5
    page = f"<html><body><article><p>{paragraph}</p></article></body></html>"
    article = read_html(page, id="p", published=dt.date(2022, 3, 4))
    assert article.published == dt.date(2022, 3, 4)
    assert article.body.startswith("Thai and Lao officers")


MENU = "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>"


@pytest.mark.parametrize("page", ["", "<html></html>", MENU])
def test_html_empty_pages_are_errors(page):
    with pytest.raises(InputError) as info:
        read_html(page, id="p", origin="p.html")
    assert info.value.where == "p.html"
    assert info.value.message[:6] in ("[E008]", "[E012]")
