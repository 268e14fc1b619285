"""The shared seeds and dev set read with the headers the gold gives them."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from comity.errors import InputError, InputWarning
from comity.ingest import read_paths
from comity.model import Article


def gold_headers(shared, name):
    lines = (shared / "gold" / name).read_text(encoding="utf-8").splitlines()
    rows = (json.loads(line) for line in lines)
    return {row["id"]: row for row in rows}


def as_tuple(article):
    published = article.published.isoformat() if article.published else None
    return published, article.dateline, article.source


@pytest.mark.parametrize(
    "stem,expected",
    [("000_aea7e2ec31218e0a", ("2024-12-18", "HÀ NỘI", "VNS")),
     ("002_903a55c8c03dccfb", ("2025-12-02", "VIENTIANE", "VNA/VNS"))],
)
def test_shared_seeds_headers(shared, stem, expected):
    [article] = read_paths([shared / "seeds" / f"{stem}.txt"])
    assert isinstance(article, Article)
    assert article.id == stem
    assert as_tuple(article) == expected
    assert not article.body.startswith((" ", "date", expected[1]))
    assert not article.body.endswith(expected[2])


def test_shared_dev_folder_matches_gold(shared):
    gold = gold_headers(shared, "dev.jsonl")
    items = list(read_paths([shared / "dev"]))
    assert not [i for i in items if isinstance(i, (InputError, InputWarning))]
    articles = {a.id: a for a in items}
    assert sorted(articles) == sorted(gold)  # every report read once; README.md passed over
    wrong = {
        id: (as_tuple(a), (gold[id]["published"], gold[id]["dateline"], gold[id]["source"]))
        for id, a in articles.items()
        if as_tuple(a) != (gold[id]["published"], gold[id]["dateline"], gold[id]["source"])
    }
    assert wrong == {}


def test_shared_dev_jsonl_dates(shared):
    got = {a.id: a.published for a in read_paths([shared / "dev" / "dev-jsonl.jsonl"])}
    assert got == {
        "dev-11-korea-vietnam-defense": dt.date(2024, 3, 19),
        "dev-19-brazil-argentina-defense": dt.date(2024, 6, 11),
    }


def test_shared_dev_bodies_leave_out_header_and_sign_off(shared):
    for article in read_paths([shared / "dev"]):
        body = article.body
        assert body == body.strip(), article.id
        assert not body.startswith("date "), article.id
        if article.source:
            assert not body.endswith(article.source), article.id
        assert not body.endswith("(END)"), article.id


def test_shared_seeds_gold_agrees(shared):
    gold = gold_headers(shared, "seeds.jsonl")
    for article in read_paths([shared / "seeds"]):
        row = gold[article.id]
        assert as_tuple(article) == (row["published"], row["dateline"], row["source"])
