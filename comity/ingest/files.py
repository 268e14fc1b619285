"""Files: which ones to read, how to open them, how to decode them.

Folders are walked recursively in sorted order (by name, so runs are repeatable). Inside
a folder only these are read, with their `.gz` forms (`x.txt.gz`): `.txt` `.text`
(plain text), `.jsonl` `.json` (JSON Lines), `.html` `.htm` (HTML). Everything else is
passed over without a message: other suffixes (`.md`, `.csv`, images), hidden files and
folders (name starting with "."), and README files of any suffix, since a corpus folder
often documents itself. A file named explicitly is always read; if its suffix is unknown
it is read as plain text, and if it turns out to be binary that is reported (E003).

Decoding: UTF-8, with a byte-order mark dropped (offsets count from after it). A file
that is not UTF-8 but decodes cleanly as cp1252 (Windows Western, the usual culprit) and
looks like text is read as cp1252 with a warning (W002); a UTF-16 file with a BOM
likewise. Anything else is E005.

A `.gz` file is decompressed a chunk at a time up to `COMITY_MAX_GZIP_MB` (default 50 MB,
comity/limits.py): a file that would decompress to more is skipped (E016) before it can
fill the memory.
"""
from __future__ import annotations

import gzip
import unicodedata
import zlib
from collections.abc import Iterator
from pathlib import Path

from .. import limits
from ..errors import Errors, InputError, InputWarning, Warnings

READERS = {
    ".txt": "text", ".text": "text", ".jsonl": "jsonl", ".json": "json", ".html": "html", ".htm": "html",
}


def reader_for(path: Path) -> tuple[str | None, str]:
    """Return (reader kind or None if the suffix is unknown, article id) for a file name."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    inner = Path(name)
    kind = READERS.get(inner.suffix.lower())
    return kind, inner.stem if inner.suffix else name


def walk(folder: Path) -> Iterator[Path | InputError]:
    """Readable files under `folder`, depth first, sorted by name; symlinked folders are not
    followed. A folder that cannot be listed gives an InputError and the walk goes on."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as e:
        yield InputError(str(folder), Errors.E012.format(detail=e.strerror or e))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.upper().startswith("README"):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from walk(entry)
        elif entry.is_file() and reader_for(entry)[0] is not None:
            yield entry


def load_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped if its name ends in `.gz`; raises InputError."""
    where = str(path)
    gzipped = path.name.lower().endswith(".gz")
    try:
        if not gzipped:
            return path.read_bytes()
        with open(path, "rb") as raw:
            return gunzip(raw, where)
    except FileNotFoundError as e:
        raise InputError(where, Errors.E001) from e
    except OSError as e:
        raise InputError(where, Errors.E012.format(detail=e.strerror or e)) from e


def gunzip(raw, where: str, limit: int | None = None) -> bytes:  # type: ignore[no-untyped-def]
    """Decompress the gzip stream `raw` (a binary file) a chunk at a time; raises InputError
    (E010) if it is not gzip, and (E016) as soon as it passes `limit` bytes (default: the
    COMITY_MAX_GZIP_MB setting)."""
    limit = limit if limit is not None else limits.max_gzip_bytes()
    parts: list[bytes] = []
    size = 0
    try:
        with gzip.GzipFile(fileobj=raw, mode="rb") as f:
            while chunk := f.read(min(1 << 20, limit + 1 - size)):
                parts.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise InputError(where, Errors.E016.format(limit=limit // (1024 * 1024)))
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        raise InputError(where, Errors.E010.format(detail=e)) from e
    return b"".join(parts)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\t\n\r\f\x0b\x1b")
    return controls > len(sample) * 0.1


def _plausible(text: str) -> bool:
    """Most text, in Latin script: what a cp1252 file looks like, and mojibake does not."""
    odd = 0
    for ch in text:
        if ch < "\x80":
            continue
        category = unicodedata.category(ch)
        if not (category.startswith("L") or category in ("Pd", "Pi", "Pf", "Po", "Sc", "Zs")):
            odd += 1
    return odd <= max(2, len(text) // 100)


def decode(data: bytes, where: str) -> tuple[str, list[InputWarning]]:
    """Decode a file's bytes to text; raises InputError for empty, binary or undecodable input."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(where, Errors.E005) from e
        warning = InputWarning(where, Warnings.W002.format(path=where, encoding="UTF-16"))
        return _not_empty(text, where), [warning]
    if _looks_binary(data):
        raise InputError(where, Errors.E003)
    try:
        return _not_empty(data.decode("utf-8-sig"), where), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise InputError(where, Errors.E005) from e
    if not _plausible(text):
        raise InputError(where, Errors.E005)
    warning = InputWarning(where, Warnings.W002.format(path=where, encoding="cp1252"))
    return _not_empty(text, where), [warning]


def _not_empty(text: str, where: str) -> str:
    if not text.strip():
        raise InputError(where, Errors.E002)
    return text
