"""Files: which ones to read, how to open them, how to decode them.

Folders are walked recursively in sorted order (by name, so runs are repeatable). Inside
a folder only these are read, with their `.gz` forms (`x.txt.gz`): `.txt` `.text`
(plain text), `.jsonl` `.json` (JSON Lines), `.html` `.htm` (HTML). Everything else is
passed over without a message: other suffixes (`.md`, `.csv`, images), hidden files and
folders (name starting with "."), and README files of any suffix, since a corpus folder
often documents itself. A file named explicitly is always read; if its suffix is unknown
it is read as plain text, and if it turns out to be binary that is reported (E003).

Decoding: UTF-8, with a byte-order mark dropped (offsets count from after it). A UTF-8 file
with a few bad bytes (damaged, or cut in the middle of a character) stays UTF-8: each bad byte
becomes U+FFFD, counted in a warning (W003). Only a file with no UTF-8 character beyond ASCII
at all, that decodes cleanly as cp1252 (Windows Western, the usual culprit) and looks like
text, is read as cp1252 with a warning (W002); a UTF-16 file with a BOM likewise. Anything
else is E005.

Only regular files are read: a FIFO, socket or device, named or met in a folder, is that
input's error (E018; reading a FIFO would wait forever), and so is a link to nothing (E012).
A symbolic link to a folder is not followed (a link may loop), with a warning (W004).

A `.gz` file is decompressed a chunk at a time up to `COMITY_MAX_GZIP_MB` (default 50 MB,
comity/limits.py): a file that would decompress to more is skipped (E016) before it can
fill the memory.

JSON Lines are never held whole: `sniff` decides the encoding in one pass that keeps nothing
(the rules of `decode`), then `lines` gives them one at a time (each at most COMITY_MAX_LINE_MB).
"""
from __future__ import annotations

import codecs
import gzip
import re
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


def walk(folder: Path) -> Iterator[Path | InputError | InputWarning]:
    """Readable files under `folder`, depth first, sorted by name; symlinked folders are not
    followed (a warning says so). A folder that cannot be listed, and a file of a readable suffix
    that is not a regular file, give an InputError and the walk goes on."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as e:
        yield InputError(str(folder), Errors.E012.format(detail=e.strerror or e))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.upper().startswith("README"):
            continue
        if entry.is_dir():
            if entry.is_symlink():
                yield InputWarning(str(entry), Warnings.W004.format(path=entry))
            else:
                yield from walk(entry)
        elif reader_for(entry)[0] is not None:
            problem = not_a_file(entry)
            yield entry if problem is None else problem


def not_a_file(path: Path) -> InputError | None:
    """Why `path` cannot be read as a file (a link to nothing, a FIFO, a socket, a device), or None."""
    if path.is_file():
        return None
    if not path.exists():
        return InputError(str(path), Errors.E012.format(detail="a symbolic link to nothing"))
    kind = ("FIFO" if path.is_fifo() else "socket" if path.is_socket()
            else "device" if path.is_block_device() or path.is_char_device() else "special file")
    return InputError(str(path), Errors.E018.format(kind=kind))


def load_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped if its name ends in `.gz`; raises InputError. A plain file is read in
    one piece (one copy of it in memory, not its chunks and their join)."""
    return b"".join(chunks(path, plain_chunk=-1))


def gunzip(raw, where: str, limit: int | None = None) -> bytes:  # type: ignore[no-untyped-def]
    """Decompress the gzip stream `raw` (a binary file) a chunk at a time; raises InputError
    (E010) if it is not gzip, and (E016) as soon as it passes `limit` bytes (default: the
    COMITY_MAX_GZIP_MB setting)."""
    return b"".join(_gunzipped(raw, where, limit if limit is not None else limits.max_gzip_bytes()))


def _gunzipped(raw, where: str, limit: int) -> Iterator[bytes]:  # type: ignore[no-untyped-def]
    """The decompressed chunks of the gzip stream `raw`, as `gunzip`; raises InputError (E010, E016),
    possibly after some chunks."""
    size = 0
    try:
        with gzip.GzipFile(fileobj=raw, mode="rb") as f:
            while chunk := f.read(min(CHUNK, limit + 1 - size)):
                size += len(chunk)
                if size > limit:
                    raise InputError(where, Errors.E016.format(limit=limit // (1024 * 1024)))
                yield chunk
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        raise InputError(where, Errors.E010.format(detail=e)) from e


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\t\n\r\f\x0b\x1b")
    return controls > len(sample) * 0.1


def _plausible(text: str) -> bool:
    """Most text, in Latin script: what a cp1252 file looks like, and mojibake does not."""
    return not _too_odd(sum(1 for ch in text if ch >= "\x80" and not _ordinary(ch)), len(text))


def _too_odd(odd: int, size: int) -> bool:
    """Whether `odd` characters that are neither letters nor ordinary punctuation, in `size`
    characters, are too many for text."""
    return odd > max(2, size // 100)


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
    text, bad = _utf8_with_bad_bytes(data)
    if any(ch >= "\x80" and ch != "\ufffd" for ch in text):
        # it has UTF-8 characters beyond ASCII: it is UTF-8 with some damage, not cp1252
        warning = InputWarning(where, Warnings.W003.format(path=where, count=bad))
        return _not_empty(text, where), [warning]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise InputError(where, Errors.E005) from e
    if not _plausible(text):
        raise InputError(where, Errors.E005)
    warning = InputWarning(where, Warnings.W002.format(path=where, encoding="cp1252"))
    return _not_empty(text, where), [warning]


def _utf8_with_bad_bytes(data: bytes) -> tuple[str, int]:
    """`data` decoded as UTF-8 with each byte that is not part of a valid character as U+FFFD
    (one per byte, so a count of them is a count of bad bytes), and that count."""
    text = data.decode("utf-8-sig", errors="surrogateescape")
    bad = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    return "".join("\ufffd" if "\udc80" <= ch <= "\udcff" else ch for ch in text), bad


def _not_empty(text: str, where: str) -> str:
    if not text.strip():
        raise InputError(where, Errors.E002)
    return text


# ---- reading a file a chunk or a line at a time (JSON Lines: memory follows one line, not the file)

CHUNK = 1 << 20
_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte that is not part of a UTF-8 character (surrogateescape)
_UTF8_EVIDENCE = re.compile("[^\x00-\x7f\udc80-\udcff\ufffd]")  # a real UTF-8 character beyond ASCII


def chunks(path: Path, plain_chunk: int = CHUNK) -> Iterator[bytes]:
    """The file's bytes a chunk at a time, gunzipped if its name ends in `.gz` (up to
    COMITY_MAX_GZIP_MB, as `gunzip`); a plain file `plain_chunk` bytes at a time (-1: whole). Raises
    InputError, possibly after some chunks."""
    where = str(path)
    limit = limits.max_gzip_bytes()
    try:
        with open(path, "rb") as raw:
            if not path.name.lower().endswith(".gz"):
                while chunk := raw.read(plain_chunk):
                    yield chunk
                return
            yield from _gunzipped(raw, where, limit)
    except FileNotFoundError as e:
        raise InputError(where, Errors.E001) from e
    except OSError as e:
        raise InputError(where, Errors.E012.format(detail=e.strerror or e)) from e


def sniff(path: Path) -> tuple[str, list[InputWarning]]:
    """How to decode the file a line at a time, deciding as `decode` does for the whole text, in one
    pass of bounded memory: "utf-16" (read it whole: `decode`), "utf-8", "utf-8-damaged" (bad bytes
    become U+FFFD, W003) or "cp1252" (W002). Raises InputError (E002, E003, E005, E016...)."""
    where = str(path)
    head = b""
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="surrogateescape")
    bad, evidence, has_text = 0, False, False

    def scan(piece: str) -> None:  # each test a regular expression or str method: C speed
        nonlocal bad, evidence, has_text
        bad += len(_ESCAPED.findall(piece))
        evidence = evidence or bool(_UTF8_EVIDENCE.search(piece))
        has_text = has_text or bool(piece.strip())

    for chunk in chunks(path):
        if len(head) < 8192:
            head += chunk[:8192 - len(head)]
            if head.startswith((b"\xff\xfe", b"\xfe\xff")):
                return "utf-16", []
            if len(head) >= 8192 and _looks_binary(head):
                raise InputError(where, Errors.E003)
        scan(decoder.decode(chunk))
    scan(decoder.decode(b"", final=True))
    if _looks_binary(head):
        raise InputError(where, Errors.E003)
    if not has_text:
        raise InputError(where, Errors.E002)
    if not bad:
        return "utf-8", []
    if evidence:
        return "utf-8-damaged", [InputWarning(where, Warnings.W003.format(path=where, count=bad))]
    # no UTF-8 character beyond ASCII at all: cp1252, if every byte is one and it reads as text
    decoder, odd, size = codecs.getincrementaldecoder("cp1252")(), 0, 0
    try:
        for chunk in chunks(path):
            piece = decoder.decode(chunk)
            size += len(piece)
            odd += sum(1 for ch in piece if ch >= "\x80" and not _ordinary(ch))
    except UnicodeDecodeError as e:
        raise InputError(where, Errors.E005) from e
    if _too_odd(odd, size):
        raise InputError(where, Errors.E005)
    return "cp1252", [InputWarning(where, Warnings.W002.format(path=where, encoding="cp1252"))]


def _ordinary(ch: str) -> bool:
    """A letter or ordinary punctuation: what `_plausible` counts as text."""
    category = unicodedata.category(ch)
    return category.startswith("L") or category in ("Pd", "Pi", "Pf", "Po", "Sc", "Zs")


def lines(path: Path, encoding: str, max_bytes: int) -> Iterator[tuple[int, str | None]]:
    """(number, text) for each line of the file (split on "\\n" only, "\\n" not kept), decoded as
    `sniff` decided; a line of more than `max_bytes` bytes is (number, None), its bytes dropped as they
    come, so no line is ever held whole beyond the limit."""
    n, buffer, over = 1, bytearray(), False
    for chunk in chunks(path):
        start = 0
        while (end := chunk.find(b"\n", start)) != -1:
            if not over:
                buffer += chunk[start:end]
            yield n, None if over or len(buffer) > max_bytes else _decoded(bytes(buffer), encoding, n == 1)
            n, buffer, over = n + 1, bytearray(), False
            start = end + 1
        if not over:
            buffer += chunk[start:]
            if len(buffer) > max_bytes:
                over, buffer = True, bytearray()
    if over or buffer:
        yield n, None if over or len(buffer) > max_bytes else _decoded(bytes(buffer), encoding, n == 1)


def _decoded(line: bytes, encoding: str, first: bool) -> str:
    if encoding == "cp1252":
        return line.decode("cp1252")
    codec = "utf-8-sig" if first else "utf-8"  # a byte-order mark only opens the file
    if encoding == "utf-8":
        return line.decode(codec)
    return _ESCAPED.sub("\ufffd", line.decode(codec, errors="surrogateescape"))
