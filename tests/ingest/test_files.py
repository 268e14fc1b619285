"""Opening files: folders, gzip, decoding, and bad input that must not stop a run."""
from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from comity.errors import InputError, InputWarning
from comity.ingest import read_paths
from comity.ingest.files import decode, reader_for
from comity.model import Article


def only(items, cls):
    return [item for item in items if isinstance(item, cls)]


@pytest.mark.parametrize(
    "name,code",
    [("empty.txt", "E002"), ("blank.txt", "E002"), ("binary.dat", "E003"), ("neither.txt", "E005"),
     ("corrupt.txt.gz", "E010"), ("not_gzip.jsonl.gz", "E010"), ("does-not-exist.txt", "E001")],
)
def test_files_bad_input_gives_one_clear_error(data_dir, name, code):
    path = data_dir / name
    [error] = read_paths([path])
    assert isinstance(error, InputError)
    assert error.where == str(path)
    assert error.message.startswith(f"[{code}]")


def test_files_bad_input_does_not_stop_the_others(data_dir):
    names = ["does-not-exist.txt", "empty.txt", "binary.dat", "wire.txt", "corrupt.txt.gz", "no_header.txt"]
    items = list(read_paths([data_dir / n for n in names]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["InputError", "InputError", "InputError", "Article", "InputError", "Article"]


def test_files_cp1252_is_read_with_a_warning(data_dir):
    path = data_dir / "cp1252.txt"
    warning, article = read_paths([path])
    assert isinstance(warning, InputWarning)
    assert warning.where == str(path)
    assert "cp1252" in warning.message and str(path) in str(warning)
    assert isinstance(article, Article)
    for decoded in ("Viet Nam’s", "“strategic partnership”", "café"):
        assert decoded in article.text
    assert (article.published, article.dateline, article.source) == (dt.date(2023, 10, 2), "PARIS", "AFP")


def test_files_gzip_reads_like_the_plain_file(data_dir):
    [plain] = read_paths([data_dir / "wire.txt"])
    [packed] = read_paths([data_dir / "wire.txt.gz"])
    assert packed.id == "wire"
    assert (packed.text, packed.published, packed.dateline, packed.source, packed.body_span) == (
        plain.text, plain.published, plain.dateline, plain.source, plain.body_span)


def test_files_folder_is_walked_in_sorted_order(data_dir):
    tree = data_dir / "tree"
    items = list(read_paths([tree]))
    assert all(isinstance(i, Article) for i in items)
    assert [i.origin for i in items] == [
        str(tree / "a" / "first.txt"), str(tree / "a" / "third.html.gz"),
        str(tree / "b" / "second.txt"), f"{tree / 'c' / 'items.jsonl'}:1",
    ]
    assert [i.id for i in items] == ["first", "third", "second", "tree-json-1"]


def test_files_folder_passes_over_readme_hidden_and_unknown(data_dir):
    origins = " ".join(i.origin for i in read_paths([data_dir / "tree"]))
    for skipped in ("README", ".hidden", ".cache", "notes.md", "pixel.png"):
        assert skipped not in origins


def test_files_explicit_unknown_suffix_is_read_as_text(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(" date 2024-03-04 HANOI — Talks. — VNA", encoding="utf-8")
    [article] = read_paths([path])
    assert (article.id, article.published, article.source) == ("report", dt.date(2024, 3, 4), "VNA")


def test_files_explicit_binary_with_unknown_suffix_is_named(data_dir):
    path = data_dir / "tree" / "c" / "pixel.png"
    [error] = read_paths([path])
    assert error.where == str(path) and error.message.startswith("[E003]")


def test_files_single_path_is_not_iterated_as_letters(data_dir):
    [article] = read_paths(str(data_dir / "wire.txt"))
    assert article.id == "wire"


def test_files_empty_gzip_is_empty(tmp_path):
    path = tmp_path / "nothing.txt.gz"
    path.write_bytes(gzip.compress(b"", mtime=0))
    [error] = read_paths([path])
    assert error.message.startswith("[E002]")


def test_files_utf16_with_bom_is_read_with_a_warning():
    text, warnings = decode("HANOI — Talks.".encode("utf-16"), "x.txt")  # Python writes the BOM
    assert text == "HANOI — Talks."
    assert [w.where for w in warnings] == ["x.txt"] and "UTF-16" in warnings[0].message


@pytest.mark.parametrize(
    "data",
    ["Ça va".encode("utf-8"), "Ça va".encode("cp1252")],
)
def test_files_decode_accepts_utf8_and_cp1252(data):
    assert decode(data, "x")[0] == "Ça va"


def test_files_decode_rejects_mojibake():
    # Valid cp1252 byte for byte, but a run of symbols no Western text has: Shift-JIS, say.
    data = "国防大臣が会談した。".encode("shift_jis")
    with pytest.raises(InputError) as info:
        decode(data, "x")
    assert info.value.message.startswith("[E005]")


@pytest.mark.parametrize(
    "name,kind,id",
    [("000_aea7e2ec31218e0a.txt", "text", "000_aea7e2ec31218e0a"), ("x.TXT", "text", "x"),
     ("a.b.jsonl.gz", "jsonl", "a.b"), ("page.htm", "html", "page"), ("feed.json", "json", "feed"),
     ("x.gz", None, "x"), ("notes.md", None, "notes"), ("plain", None, "plain")],
)
def test_files_reader_for_name(name, kind, id):
    assert reader_for(Path(name)) == (kind, id)


def test_files_unlistable_folder_is_reported_and_walk_goes_on(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("Talks.", encoding="utf-8")
    real_iterdir = Path.iterdir

    def iterdir(self):
        if self.name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    error, article = read_paths([tmp_path])
    assert error.where == str(tmp_path / "locked") and "Permission denied" in error.message
    assert article.id == "a"


# ---- damaged UTF-8 and files that are not regular files (#16, item 7) ----------------------------------

def test_files_utf8_cut_mid_character_stays_utf8_with_a_counted_warning():
    data = "Phan Văn Giang met his counterpart in Viê".encode("utf-8")[:-1]  # cut inside "ê"
    text, [warning] = decode(data, "cut.txt")
    assert text == "Phan Văn Giang met his counterpart in Vi\ufffd"
    assert warning.message.startswith("[W003]") and "1 byte(s)" in warning.message


def test_files_utf8_with_stray_bytes_keeps_every_offset():
    good = "Hà Nội talks; "
    data = good.encode("utf-8") + b"\x91\x92" + "Tô Lâm".encode("utf-8")
    text, [warning] = decode(data, "x.txt")
    assert text == good + "\ufffd\ufffd" + "Tô Lâm"  # one U+FFFD per bad byte
    assert "2 byte(s)" in warning.message


def test_files_whole_cp1252_file_is_still_cp1252():
    text, [warning] = decode("Talks in Bogotá, “cordial”".encode("cp1252"), "x.txt")
    assert text == "Talks in Bogotá, “cordial”" and "cp1252" in warning.message


def test_files_fifo_is_an_error_named_or_in_a_folder(tmp_path):
    import os

    (tmp_path / "a.txt").write_text("HANOI - Talks were held.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would wait forever
    for given in ([tmp_path / "pipe.txt"], [tmp_path]):
        errors = only(read_paths(given), InputError)
        assert [(e.where, e.message[:6]) for e in errors] == [(str(tmp_path / "pipe.txt"), "[E018]")]
        assert "FIFO" in errors[0].message
    assert len(only(read_paths([tmp_path]), Article)) == 1


def test_files_dangling_link_and_linked_folder_are_told(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "b.txt").write_text("HANOI - Talks were held.", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "more").symlink_to(tmp_path / "docs", target_is_directory=True)
    items = list(read_paths([tmp_path]))
    [error] = only(items, InputError)
    assert error.where == str(tmp_path / "gone.txt") and "symbolic link to nothing" in error.message
    [warning] = only(items, InputWarning)
    assert warning.where == str(tmp_path / "more") and warning.message.startswith("[W004]")
    assert [a.id for a in only(items, Article)] == ["b"]  # read once, through the folder itself
