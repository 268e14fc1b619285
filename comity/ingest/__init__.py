"""Readers: files, folders and strings in, `Article`s out.

    for item in read_paths(["reports/", "feed.jsonl.gz"], published=None):
        if isinstance(item, Article): ...
        else: report(item)          # InputError or InputWarning, each with .where and .message

`read_paths` never raises for bad input: each file (or JSON line) that cannot be read
gives one `InputError` naming it ("path" or "path:line"), and the others are still read;
that holds for any exception while reading one input, not only the foreseen ones. Every
Article's text has control characters and lone surrogates replaced (`clean_text`, one
character for one) and a report over `COMITY_MAX_REPORT_CHARS` is an InputError (E015):
see comity/limits.py and docs/limits.md.
Which files are read and how they are decoded: `files.py`; the wire header: `wire.py`;
JSON Lines (read a line at a time: `_stream_jsonl`): `jsonl.py`; HTML: `html.py`. `Article.text` is always the input as given
(after decoding), so offsets into it are offsets into the input.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import limits
from ..errors import Errors, InputError, InputWarning
from ..model import Article
from . import files
from .html import read_html
from .jsonl import article_from_line, read_jsonl
from .normalize import clean_field, clean_text, content_hash, nfc_with_offsets
from .plaintext import read_text

__all__ = ["InputError", "InputWarning", "content_hash", "nfc_with_offsets", "read_paths", "read_text"]

Item = Article | InputError | InputWarning


def _checked(item: Item) -> Item:
    """An Article made safe to store and print, or an InputError if it is over the size limit."""
    if not isinstance(item, Article):
        return item
    where = item.origin or item.id
    limit = limits.max_report_chars()
    if len(item.text) > limit:
        return InputError(where, Errors.E015.format(size=len(item.text), limit=limit))
    fields = {name: clean_field(value) for name in ("id", "dateline", "source", "title", "url", "language",
                                                      "origin")
              if isinstance(value := getattr(item, name), str) and clean_field(value) != value}
    text = clean_text(item.text)
    if fields or text is not item.text:
        item = dataclasses.replace(item, text=text, **fields)
    return item


def _read_file(path: Path, published: dt.date | None) -> Iterator[Item]:
    """Everything `_read_one` yields, checked; an exception nobody foresaw is this file's error."""
    try:
        for item in _read_one(path, published):
            yield _checked(item)
    except Exception as e:  # noqa: BLE001 -- one bad input is that input's error, never the run's
        yield InputError(str(path), Errors.E012.format(detail=f"{type(e).__name__}: {e}"))


def _read_one(path: Path, published: dt.date | None) -> Iterator[Item]:
    where = str(path)
    kind, stem = files.reader_for(path)
    if kind == "jsonl":
        try:
            yield from _stream_jsonl(path, stem, published)
        except InputError as e:
            yield e
        return
    try:
        text, warnings = files.decode(files.load_bytes(path), where)
    except InputError as e:
        yield e
        return
    text = clean_text(text)
    yield from warnings
    if kind in ("jsonl", "json"):
        yield from read_jsonl(text, path=where, stem=stem, published=published, whole_json=kind == "json")
        return
    try:
        if kind == "html":
            yield read_html(text, id=stem, origin=where, published=published)
        else:
            yield read_text(text, id=stem, published=published, origin=where)
    except InputError as e:
        yield e


def _stream_jsonl(path: Path, stem: str, published: dt.date | None) -> Iterator[Item]:
    """A JSON Lines file a line at a time: memory follows the longest line, not the file. The
    encoding is decided first, in a pass over the file (as for a whole file: files.sniff); a line
    over COMITY_MAX_LINE_MB is that line's error (E019)."""
    where = str(path)
    encoding, warnings = files.sniff(path)
    if encoding == "utf-16":  # a UTF-16 file does not split on a "\n" byte: read it whole
        text, warnings = files.decode(files.load_bytes(path), where)
        yield from warnings
        yield from read_jsonl(clean_text(text), path=where, stem=stem, published=published)
        return
    yield from warnings
    limit = limits.max_line_bytes()
    for n, line in files.lines(path, encoding, limit):
        if line is None:
            yield InputError(f"{where}:{n}", Errors.E019.format(limit=limit // (1024 * 1024)))
        elif (item := article_from_line(clean_text(line), f"{where}:{n}", f"{stem}-{n}", published)) is not None:
            yield item


def read_paths(paths: Iterable[str | Path], *, published: dt.date | None = None) -> Iterator[Item]:
    """Yield an Article for each report in `paths` (files or folders), an InputError for each
    input that could not be read, and an InputWarning for each read with a caveat.

    `published` is the date for reports that carry none of their own.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]  # one path is an easy slip, and iterating a str would read its letters
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in files.walk(path):
                if isinstance(file, (InputError, InputWarning)):
                    yield file
                else:
                    yield from _read_file(file, published)
        elif path.exists():
            problem = files.not_a_file(path)  # a FIFO named on the command line would block the run
            yield from _read_file(path, published) if problem is None else [problem]
        else:
            yield InputError(str(given), Errors.E001)
