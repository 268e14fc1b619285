"""JSON Lines: validated per line; bad lines become errors naming file and line."""
from __future__ import annotations

import datetime as dt

import pytest

from comity.errors import InputError
from comity.ingest import read_paths
from comity.ingest.jsonl import parse_published, read_jsonl
from comity.model import Article


@pytest.fixture
def items(data_dir):
    path = data_dir / "articles.jsonl"
    got = {item.where if isinstance(item, InputError) else item.origin: item for item in read_paths([path])}
    return got, str(path)


def test_jsonl_good_line_with_timestamp_and_agency_dateline(items):
    got, path = items
    article = got[f"{path}:1"]
    assert isinstance(article, Article)
    assert article.id == "kor-1"
    assert article.published == dt.date(2025, 3, 19)  # the date as written, not shifted to UTC
    assert (article.dateline, article.source) == ("SEOUL", "Yonhap")
    assert article.title == "Seoul and Hanoi sign training pact"
    assert article.text.startswith("SEOUL, March 19 (Yonhap) --")
    assert article.body.startswith("South Korea and Vietnam")
    assert article.body.endswith("meet again next year.")  # "(END)" is not body


def test_jsonl_missing_id_falls_back_to_stem_and_line(items):
    got, path = items
    article = got[f"{path}:2"]
    assert (article.id, article.source, article.dateline) == ("articles-2", "Reuters", "BRASILIA")


def test_jsonl_numeric_id_and_url(items):
    got, path = items
    article = got[f"{path}:8"]
    assert (article.id, article.url, article.published) == ("42", "https://example.org/42", None)


@pytest.mark.parametrize("line,code", [(4, "E006"), (5, "E009"), (6, "E007"), (7, "E011")])
def test_jsonl_bad_line_gives_one_error(items, line, code):
    got, path = items
    error = got[f"{path}:{line}"]
    assert isinstance(error, InputError)
    assert error.message.startswith(f"[{code}]")
    assert str(error).startswith(f"{path}:{line}: ")


def test_jsonl_reads_every_line_once(items):
    got, path = items
    assert sorted(got) == sorted(f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7, 8))  # line 3 is blank


def test_jsonl_json_fields_win_over_parsed_ones():
    line = (
        '{"id": "x", "source": "Kyodo", "dateline": "Tokyo", "published": "2024-01-02",'
        ' "text": "SEOUL, March 19 (Yonhap) -- Talks."}'
    )
    [article] = read_jsonl(line, path="f.jsonl", stem="f")
    assert (article.source, article.dateline, article.published) == ("Kyodo", "Tokyo", dt.date(2024, 1, 2))


def test_jsonl_caller_date_only_when_none_given():
    lines = '{"text": "Talks."}\n{"text": "Talks.", "published": "2023-05-06"}\n'
    first, second = read_jsonl(lines, path="f.jsonl", stem="f", published=dt.date(2020, 1, 1))
    assert (first.published, second.published) == (dt.date(2020, 1, 1), dt.date(2023, 5, 6))


def test_jsonl_line_separator_inside_string_is_not_a_line_break():
    [article] = read_jsonl('{"text": "One\u2028two."}', path="f.jsonl", stem="f")
    assert article.text == "One\u2028two."


@pytest.mark.parametrize(
    "line,code",
    [('{"text": ""}', "E007"), ('{"text": 12}', "E014"), ('{"text": "x", "title": ["a"]}', "E014"),
     ('{"text": "x", "published": 20240101}', "E011"), ("null", "E009"), ('"text"', "E009")],
)
def test_jsonl_invalid_values(line, code):
    [error] = read_jsonl(line, path="f.jsonl", stem="f")
    assert isinstance(error, InputError)
    assert (error.where, error.message[:6]) == ("f.jsonl:1", f"[{code}]")


def test_jsonl_json_array_file(data_dir):
    first, second = read_paths([data_dir / "array.json"])
    assert (first.id, first.body) == ("a", "First report.")
    assert (second.id, second.origin) == ("array-2", f"{data_dir / 'array.json'}#2")


@pytest.mark.parametrize(
    "value,expected",
    [("2025-03-19", dt.date(2025, 3, 19)), ("2025-03-19T07:20:00+09:00", dt.date(2025, 3, 19)),
     ("2025-03-19T23:00:00-05:00", dt.date(2025, 3, 19)), ("2025-03-19T10:00:00Z", dt.date(2025, 3, 19)),
     ("2025-03-19 10:00", dt.date(2025, 3, 19)), ("", None), (None, None)],
)
def test_jsonl_published_forms(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["19 March 2025", "2025-13-01", "2025", 1710806400])
def test_jsonl_published_rejects(value):
    with pytest.raises(ValueError):
        parse_published(value)


def test_jsonl_file_with_bom(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"id": "b", "text": "Talks."}\n')
    [article] = read_paths([path])
    assert (article.id, article.text) == ("b", "Talks.")
