"""Issue 16: a JSON Lines file is read a line at a time, so memory follows the longest line and not
the file, with each line's errors still named by file and line, and the file decoded as a whole file
would be (BOM, cp1252, damaged UTF-8)."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest

from comity.errors import InputError, InputWarning
from comity.ingest import read_paths
from comity.model import Article

REPORT = {"text": "Vietnam and Laos signed a border agreement in Vientiane on Tuesday, officials said. " * 20}


def read(path):
    items = list(read_paths([path]))
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)],
            [i for i in items if isinstance(i, InputWarning)])


def test_jsonl_stream_errors_keep_their_line_numbers(tmp_path, monkeypatch):
    monkeypatch.setenv("COMITY_MAX_LINE_MB", "1")
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a", **REPORT}), "", "   ", "{not json", json.dumps({"id": "b"}),
             json.dumps({"id": "huge", "text": "x " * (600 * 1024)}), json.dumps({"id": "c", **REPORT}),
             "[1, 2]"]
    path.write_bytes("\r\n".join(lines).encode())  # CRLF, and no newline after the last line
    articles, errors, _ = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    assert [(e.where, e.message[:6]) for e in errors] == [
        (f"{path}:4", "[E006]"), (f"{path}:5", "[E007]"), (f"{path}:6", "[E019]"), (f"{path}:8", "[E009]")]
    assert "COMITY_MAX_LINE_MB" in errors[2].message


def test_jsonl_stream_a_line_over_the_limit_across_chunks_and_at_the_end(tmp_path, monkeypatch):
    from comity.ingest import files

    monkeypatch.setenv("COMITY_MAX_LINE_MB", "1")
    monkeypatch.setattr(files, "CHUNK", 1000)  # many chunks per line
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a", **REPORT}) + "\n" + json.dumps({"id": "b", "text": "y" * (2 << 20)}))
    articles, errors, _ = read(path)
    assert [a.id for a in articles] == ["a"] and [e.where for e in errors] == [f"{path}:2"]


@pytest.mark.parametrize("data, text, warning", [
    (b"\xef\xbb\xbf" + json.dumps({"text": "Phan V\u0103n Giang"}).encode(), "Phan V\u0103n Giang", None),
    ('{"text": "Caf\u00e9 \u201cd\u00e9j\u00e0\u201d"}'.encode("cp1252"), "Caf\u00e9 \u201cd\u00e9j\u00e0\u201d", "W002"),
    (json.dumps({"text": "Phan V\u0103n Giang"}, ensure_ascii=False).encode() + b'\n{"text": "cut \xc3"}',
     "cut \ufffd", "W003"),
])
def test_jsonl_stream_decodes_as_the_whole_file_would(tmp_path, data, text, warning):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(data)
    articles, errors, warnings = read(path)
    assert not errors and articles[-1].text == text
    assert [w.message[:6] for w in warnings] == ([f"[{warning}]"] if warning else [])


RSS = """
import sys
from pathlib import Path
# the peak resident set is inherited through fork and exec (pytest's own): start it afresh
Path("/proc/self/clear_refs").write_text("5")
from comity.ingest import read_paths
n = sum(1 for _ in read_paths([sys.argv[1]]))
peak = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM"))
print(n, int(peak.split()[1]) // 1024)
"""


def peak_mb(path) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", RSS, str(path)], capture_output=True, text=True, check=True)
    n, mb = map(int, out.stdout.split())
    return n, mb


@pytest.mark.skipif(not os.access("/proc/self/clear_refs", os.W_OK), reason="peak memory is read from /proc")
def test_jsonl_stream_memory_follows_a_line_not_the_file(tmp_path):
    small, big = tmp_path / "small.jsonl", tmp_path / "big.jsonl"
    line = json.dumps(REPORT) + "\n"
    small.write_text(line, encoding="utf-8")
    big.write_text(line * (40 * 1024 * 1024 // len(line)), encoding="utf-8")  # 40 MB
    n, big_mb = peak_mb(big)
    _, small_mb = peak_mb(small)
    assert n == 40 * 1024 * 1024 // len(line)
    # read whole, 40 MB of JSON Lines cost about 3 times that (bytes, text, lines); a line at a time,
    # a chunk and a line
    assert big_mb - small_mb < 20, (big_mb, small_mb)
