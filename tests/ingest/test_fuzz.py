"""Fuzzing the readers (issue 16): whatever bytes a file holds, whatever a JSON line says, reading it
gives Articles, InputErrors and InputWarnings only, never an exception, and every Article's text is
safe to store (no NUL or other control characters, no lone surrogates). Hypothesis drives the bytes;
a corpus of hostile files written here drives `comity ingest` on SQLite and PostgreSQL (test below).

Bounded: each property runs a fixed number of examples with no deadline (the machine is shared)."""
from __future__ import annotations

import gzip
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comity.errors import InputError, InputWarning
from comity.ingest import read_paths
from comity.model import Article

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # what no stored text may hold
SUFFIXES = [".txt", ".jsonl", ".json", ".html", ".txt.gz", ".jsonl.gz"]


def read_all(path) -> list:
    items = list(read_paths([path]))
    assert all(isinstance(i, (Article, InputError, InputWarning)) for i in items), items
    for item in items:
        if isinstance(item, Article):
            assert not UNSAFE.search(item.text), repr(item.text[:80])
            assert not UNSAFE.search(item.title or "") and not UNSAFE.search(item.id)
        else:
            assert item.where and item.message.startswith(("[E", "[W")), item
    return items


@FUZZ
@given(data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES))
def test_fuzz_any_bytes_in_any_file_kind(tmp_path, data, suffix):
    path = tmp_path / f"report{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    read_all(path)


# text with the characters that broke readers before: controls, surrogates, markup, bidi, NUL
PIECES = list("abc ,.\n\t[]/\\\"'{}<>—") + ["\x00", "\x1b", "\x07", "\u2028", "\u202e", "\ufeff", "\ud800",
                                               "\udfff", "[/red]", "Việt Nam", "\r\n"]
HOSTILE_TEXT = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | HOSTILE_TEXT,
                          lambda inner: st.lists(inner, max_size=4) | st.dictionaries(HOSTILE_TEXT, inner,
                                                                                        max_size=4),
                          max_leaves=12)
FIELDS = st.fixed_dictionaries({"text": HOSTILE_TEXT}, optional={
    "id": HOSTILE_TEXT | st.integers(), "title": HOSTILE_TEXT | JSON_VALUE, "published": HOSTILE_TEXT | JSON_VALUE,
    "url": HOSTILE_TEXT, "source": HOSTILE_TEXT | JSON_VALUE})


@FUZZ
@given(lines=st.lists(FIELDS | JSON_VALUE, min_size=1, max_size=6))
def test_fuzz_json_lines_of_any_shape(tmp_path, lines):
    path = tmp_path / "feed.jsonl"
    # ensure_ascii: lone surrogates travel as \ud800 escapes, as a hostile producer would write them
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    items = read_all(path)
    # every line is answered once: its article, or its numbered error (with the line)
    answers = [i for i in items if not isinstance(i, InputWarning)]
    assert len(answers) == len(lines), answers
    assert all(re.search(r":\d+$", e.where) for e in answers if isinstance(e, InputError)), answers


@FUZZ
@given(text=HOSTILE_TEXT, depth=st.integers(min_value=0, max_value=3000))
def test_fuzz_deep_and_wide_json(tmp_path, text, depth):
    path = tmp_path / "deep.jsonl"
    line = "[" * depth + json.dumps(text) + "]" * depth
    path.write_text(line + "\n" + json.dumps({"id": "ok", "text": "Talks were held."}) + "\n", encoding="utf-8")
    items = read_all(path)
    assert [i.id for i in items if isinstance(i, Article)] == ["ok"]  # the good line always comes through


# ---- a corpus of hostile files beside the seeds, through `comity ingest` on both backends ------------

def _hostile_corpus(folder, n_each: int = 22) -> int:
    """Write about 300 files each of which is bad in a known way (14 kinds); return how many."""
    import os
    import random

    rng = random.Random(16)
    deep = "[" * 1000 + "]" * 1000
    kinds = {
        "empty.txt": lambda i: b"",
        "blank.txt": lambda i: b" \n\t " * (i + 1),
        "binary.txt": lambda i: bytes(rng.randrange(256) for _ in range(64)) + b"\x00" * 8,
        "shift-jis.txt": lambda i: ("国防大臣が会談した。" * (i + 1)).encode("shift_jis"),
        "corrupt.txt.gz": lambda i: b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256) for _ in range(40)),
        "deep.jsonl": lambda i: (deep + "\n").encode(),
        "bigint.jsonl": lambda i: ('{"id": "n", "text": "x", "n": ' + "9" * (5000 + i) + "}\n").encode(),
        "array.jsonl": lambda i: json.dumps([i, "Talks were held."]).encode() + b"\n",
        "notext.jsonl": lambda i: json.dumps({"id": f"t{i}", "title": "Talks\u0000[/red]"}).encode() + b"\n",
        "baddate.jsonl": lambda i: json.dumps({"id": f"d{i}", "text": "Talks.", "published": "[/red]"}).encode()
        + b"\n",
        "bomb.txt.gz": lambda i: gzip.compress(b"\x00" * (2 * 1024 * 1024 + i)),
        "nomain.html": lambda i: b"<html><body><script>x()</script></body></html>",
    }
    count = 0
    for name, make in kinds.items():
        for i in range(n_each):
            stem, _, suffix = name.partition(".")
            odd = ["", "[bold]", "\x1b[31m", "\nline"][i % 4]  # names that once broke the messages
            (folder / f"{stem}-{i}{odd}.{suffix}").write_bytes(make(i))
            count += 1
    for i in range(n_each):
        os.mkfifo(folder / f"pipe-{i}.txt")
        (folder / f"gone-{i}.txt").symlink_to(folder / f"missing-{i}.txt")
        count += 2
    return count


def _stored(url: str) -> dict:
    from sqlalchemy import select

    from comity.storage import Store
    from comity.storage import schema as s

    with Store.open(url) as store, store.read() as conn:
        ev, mn, ar = s.events.c, s.event_mentions.c, s.articles.c
        events = sorted(conn.execute(select(ar.input_id, ev.cameo, ev.date, ev.source_country, ev.target_country)
                                     .join(s.event_mentions, mn.event_id == ev.id)
                                     .join(s.articles, ar.id == mn.article_id)).all())
        return {"counts": store.counts(), "events": events}


@pytest.mark.model
def test_fuzz_hostile_folder_and_the_seeds_on_both_backends(shared, tmp_path, monkeypatch, postgres_server,
                                                         postgres_template):
    """About 300 hostile files beside the seeds: `comity ingest` exits 3 with one line per bad file and
    no traceback, and stores the seeds' records, the same on SQLite and PostgreSQL."""
    import shutil

    from conftest import new_postgres_database
    from typer.testing import CliRunner

    from comity.cli import app

    monkeypatch.setenv("COMITY_MAX_GZIP_MB", "1")  # so that a 2 MB bomb is over the limit
    folder = tmp_path / "in"
    folder.mkdir()
    bad = _hostile_corpus(folder)
    assert bad >= 300
    for seed in sorted((shared / "seeds").glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    urls = [f"sqlite:///{tmp_path / 'fuzz.db'}", new_postgres_database(postgres_server, template=postgres_template)]
    stored = []
    for url in urls:
        result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["ingest", "-q", str(folder), "--db", url])
        assert result.exit_code == 3, (result.stderr[-2000:], result.exception)
        skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
        assert len(skipped) == bad, len(skipped)
        assert "Traceback" not in result.stderr and "\x1b" not in result.stderr
        stored.append(_stored(url))
    assert stored[0] == stored[1]
    assert stored[0]["counts"]["articles"] == 2 and len(stored[0]["events"]) >= 9
