"""Issue 16: no single input stops the reader or fills the memory. Each bad input is that input's
numbered error (file and line), the others are read; text is made safe to store and print."""
from __future__ import annotations

import gzip
import json

import pytest

from comity import limits
from comity.errors import InputError
from comity.ingest import read_paths
from comity.ingest.normalize import clean_field, clean_text, nfc_with_offsets
from comity.model import Article

GOOD = {"id": "good", "text": "Vietnam and Laos signed an agreement in Hanoi on Monday."}


def read(*paths):
    items = list(read_paths(paths))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def jsonl(tmp_path, *lines: str, name: str = "in.jsonl"):
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("line, detail", [
    ("[" * 1000 + "]" * 1000, "nested too deep"),
    ('{"text": "x", "n": ' + "9" * 5000 + "}", "digits"),
])
def test_limits_json_line_python_cannot_parse_is_that_lines_error(tmp_path, line, detail):
    path = jsonl(tmp_path, line, json.dumps(GOOD))
    articles, errors = read(path)
    assert [a.id for a in articles] == ["good"]
    assert [e.where for e in errors] == [f"{path}:1"] and "[E006]" in errors[0].message
    assert detail in errors[0].message


def test_limits_deep_whole_json_file_falls_back_to_lines(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    articles, errors = read(path)
    assert not articles and [e.where for e in errors] == [f"{path}:1"]


def test_limits_unforeseen_exception_is_that_lines_error(tmp_path, monkeypatch):
    import comity.ingest.jsonl as jsonl_module

    real = jsonl_module.parse_wire

    def parse_wire(text, **kw):
        if "boom" in text:
            raise RuntimeError("a bug")
        return real(text, **kw)

    monkeypatch.setattr(jsonl_module, "parse_wire", parse_wire)
    path = jsonl(tmp_path, json.dumps({"text": "boom"}), json.dumps(GOOD))
    articles, errors = read(path)
    assert [a.id for a in articles] == ["good"]
    assert errors[0].where == f"{path}:1" and "RuntimeError: a bug" in errors[0].message


def test_limits_unforeseen_exception_in_a_file_is_that_files_error(tmp_path, monkeypatch):
    from comity import ingest

    def read_text(*a, **kw):
        raise RuntimeError("a bug")

    monkeypatch.setattr(ingest, "read_text", read_text)
    (tmp_path / "a.txt").write_text("one report\n", encoding="utf-8")
    jsonl(tmp_path, json.dumps(GOOD), name="b.jsonl")
    articles, errors = read(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert errors[0].where == str(tmp_path / "a.txt") and "[E012]" in errors[0].message


def test_limits_lone_surrogate_and_nul_are_replaced_at_the_reader(tmp_path):
    line = r'{"text": "Hanoi \ud800 and \u0000 Vientiane.", "title": "t\u0000", "source": "V\u001bNA"}'
    articles, errors = read(jsonl(tmp_path, line))
    assert not errors
    (article,) = articles
    assert article.text == "Hanoi \ufffd and   Vientiane."  # one character for one: offsets stay true
    assert (article.title, article.source) == ("t", "VNA")
    json.dumps(article.text, ensure_ascii=False).encode("utf-8")  # writable


def test_limits_file_name_not_utf8_gives_a_writable_id(tmp_path):
    import os

    name = os.fsdecode(b"bad\xff.txt")
    (tmp_path / name).write_text("Vietnam and Laos signed an agreement.\n", encoding="utf-8")
    (article,) = read(tmp_path)[0]
    assert article.id == "bad\ufffd"
    assert article.origin == str(tmp_path / "bad\ufffd.txt")
    (article.id + article.origin).encode("utf-8")


def test_limits_clean_text_and_field():
    assert clean_text("a\x00b\tc\nd\r\x7f\x85\ud800") == "a b\tc\nd\r  \ufffd"
    assert clean_field("t\x00\x1b[31m\ud800") == "t[31m\ufffd"
    text = "no controls here"
    assert clean_text(text) is text and clean_field(text) is text


def test_limits_report_over_the_size_limit_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setenv("COMITY_MAX_REPORT_CHARS", "1000")
    big = {"id": "big", "text": "Vietnam and Laos met. " * 100}
    path = jsonl(tmp_path, json.dumps(big), json.dumps(GOOD))
    articles, errors = read(path)
    assert [a.id for a in articles] == ["good"]
    assert errors[0].where == f"{path}:1" and "[E015] report is 2,200 characters" in errors[0].message
    assert "COMITY_MAX_REPORT_CHARS" in errors[0].message


def test_limits_defaults():
    assert limits.max_report_chars() == 1_000_000 and limits.section_chars() == 100_000
    assert limits.max_gzip_bytes() == 50 * 1024 * 1024


@pytest.mark.parametrize("value", ["", "zero", "0", "-5"])
def test_limits_bad_setting_falls_back_to_the_default(monkeypatch, value):
    monkeypatch.setenv("COMITY_MAX_GZIP_MB", value)
    assert limits.max_gzip_bytes() == 50 * 1024 * 1024


def test_limits_gzip_over_the_limit_is_skipped_naming_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("COMITY_MAX_GZIP_MB", "1")
    bomb = tmp_path / "zeros.txt.gz"
    bomb.write_bytes(gzip.compress(b"0" * (3 * 1024 * 1024)))
    small = tmp_path / "small.txt.gz"
    small.write_bytes(gzip.compress(b"Vietnam and Laos signed an agreement.\n"))
    articles, errors = read(bomb, small)
    assert [a.id for a in articles] == ["small"]
    assert errors[0].where == str(bomb) and "[E016] decompresses to more than 1 MB" in errors[0].message


def test_limits_gzip_just_under_the_limit_is_read():
    import io

    from comity.ingest.files import gunzip

    data = b"x" * 1000
    assert gunzip(io.BytesIO(gzip.compress(data)), "f", limit=1000) == data
    with pytest.raises(InputError, match="E016"):
        gunzip(io.BytesIO(gzip.compress(data)), "f", limit=999)
    with pytest.raises(InputError, match="E010"):
        gunzip(io.BytesIO(b"not gzip"), "f", limit=999)


def test_limits_nfc_text_gets_no_per_character_list():
    text = "x" * 1_000_000
    normal, mapping = nfc_with_offsets(text)
    assert normal is text and isinstance(mapping, range) and mapping[-1] == len(text)
