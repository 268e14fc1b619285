"""The CAMEO codebook: lookups, fallback, quad classes and agreement with the public PLOVER table."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from comity.errors import DataError
from comity.nlp.coding import CodeInfo, code_info, load_codebook, quad_class

YAML_PATH = Path(__file__).resolve().parents[2] / "comity" / "nlp" / "resources" / "cameo.yaml"
# /work/main -> /work/shared: the project's shared folder sits beside the repo.
PEER_TABLE = (Path(__file__).resolve().parents[2].parent / "shared" / "peer" / "PLOVER"
              / "CAMEO2PLOVER-2021.txt")


def raw_codes() -> dict:
    return yaml.safe_load(YAML_PATH.read_text(encoding="utf-8"))["codes"]


@pytest.mark.parametrize(
    ("cameo", "ptype", "mode", "context"),
    [
        ("057", "SUPPORT", "", "diplomatic"),
        ("0312", "AGREE", "", "military"),
        ("041", "CONSULT", "phone", None),
        ("042", "CONSULT", "visit", None),
        ("043", "CONSULT", "visit", None),
        ("044", "CONSULT", "third-party", None),
        ("062", "COOPERATE", "", "military"),
        ("072", "AID", "", "military"),
        ("114", "ACCUSE", "allege", "diplomatic"),
        ("138", "THREATEN", "violence", "military"),
    ],
)
def test_coding_plover_translation(cameo, ptype, mode, context):
    info = code_info(cameo)
    assert info.cameo == cameo
    assert info.plover_type == ptype
    assert info.plover_mode == mode
    if context is not None:
        assert context in info.plover_context


def test_coding_sign_agreement_scores():
    info = code_info("057")
    assert info == CodeInfo(
        cameo="057", name="Sign formal agreement", goldstein=8.0, quad_class=1,
        plover_type="SUPPORT", plover_mode="", plover_context=("diplomatic",),
    )


@pytest.mark.parametrize(
    ("cameo", "goldstein"),
    [("040", 1.0), ("042", 1.9), ("043", 2.8), ("0312", 5.2), ("062", 7.4), ("072", 8.3), ("138", -7.0),
     ("163", -6.5), ("19", -10.0)],
)
def test_coding_goldstein_values(cameo, goldstein):
    assert code_info(cameo).goldstein == goldstein


@pytest.mark.parametrize(
    ("cameo", "quad"),
    [("013", 0), ("026", 0), ("036", 1), ("042", 1), ("057", 1), ("062", 2), ("084", 2), ("090", 3),
     ("114", 3), ("138", 3), ("161", 3), ("145", 4), ("154", 4), ("173", 4), ("190", 4), ("200", 4)],
)
def test_coding_quad_class_phoenix(cameo, quad):
    assert code_info(cameo).quad_class == quad
    assert quad_class(cameo) == quad


@pytest.mark.parametrize("cameo", ["013", "018", "026", "0212"])
def test_coding_01x_02x_have_no_plover_type(cameo):
    info = code_info(cameo)
    assert info.plover_type == ""
    assert info.plover_mode == ""
    assert info.plover_context == ()


@pytest.mark.parametrize(("cameo", "found"), [("0421", "042"), ("0629", "062"), ("099", "09"), ("1389", "138")])
def test_coding_fallback_to_parent(cameo, found):
    assert found in load_codebook()
    assert cameo not in load_codebook()
    info = code_info(cameo)
    assert info.cameo == found
    assert info == load_codebook()[found]


@pytest.mark.parametrize("cameo", ["21", "211", "0012", "00", "", "4", "12345", "04a", " 042"])
def test_coding_unknown_code_raises(cameo):
    with pytest.raises(DataError, match=r"^\[E106\]"):
        code_info(cameo)


def test_coding_codebook_is_cached_and_read_only():
    book = load_codebook()
    assert load_codebook() is book
    with pytest.raises(TypeError):
        book["999"] = book["040"]  # type: ignore[index]


def test_coding_every_yaml_code_parses():
    codes = raw_codes()
    assert len(codes) >= 300
    for code in codes:
        assert isinstance(code, str), f"unquoted key {code!r}"
        info = code_info(code)
        assert info.cameo == code
        assert -10.0 <= info.goldstein <= 10.0, code
        assert info.name, code


def test_coding_roots_and_reference_subcodes_present():
    book = load_codebook()
    roots = [f"{n:02d}" for n in range(1, 21)]
    subcodes = ("013 018 019 020 022 0212 030 031 0311 0312 0313 0314 032 033 0332 0334 036 037 038 039 "
                "040 041 042 043 044 045 046 050 051 052 053 054 055 056 057 060 061 062 063 064 "
                "070 071 072 073 074 075 138 150 151 152 153 154 161 1621 1622 163 166").split()
    missing = [c for c in roots + subcodes if c not in book]
    assert not missing


def test_coding_inherited_goldstein_matches_its_source():
    codes = raw_codes()
    inherited = {c: e["goldstein_from"] for c, e in codes.items() if "goldstein_from" in e}
    assert inherited, "expected some leaves to borrow a parent's value"
    for code, source in inherited.items():
        assert code.startswith(source) and source != code, code
        assert "goldstein_from" not in codes[source], f"{code} borrows from {source}, which borrows too"
        assert codes[code]["goldstein"] == codes[source]["goldstein"], code


def _peer_rows() -> list[tuple[str, str]]:
    rows = []
    for line in PEER_TABLE.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line.strip())
        if m:
            rows.append((m.group(1), m.group(2)))
    return rows


@pytest.mark.skipif(not PEER_TABLE.exists(), reason="shared/peer/PLOVER table not beside the repo")
def test_coding_plover_type_matches_peer_table():
    rows = _peer_rows()
    assert len(rows) > 250
    allowed: dict[str, set[str]] = {}
    for code, ptype in rows:  # the table gives root 08 twice (CONCEDE, RETREAT)
        allowed.setdefault(code, set()).add(ptype)
    book = load_codebook()
    checked = [code for code in allowed if code in book]
    assert len(checked) == len(allowed), sorted(set(allowed) - set(book))
    wrong = {code: (book[code].plover_type, allowed[code]) for code in checked
             if book[code].plover_type not in allowed[code]}
    assert not wrong


QUADS = 'quad_classes:\n  0: ["01", "02"]\n  1: ["03", "04"]\n'


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("codes:\n  0312: {name: x, goldstein: 1, plover: {type: AGREE}}\n", "quoted strings"),
        ('codes:\n  "04": {name: Consult, goldstein: 11, plover: {type: CONSULT}}\n', "goldstein"),
        ('codes:\n  "04": {name: Consult, goldstein: 1, plover: {type: MEET}}\n', "PLOVER type"),
        ('codes:\n  "042": {name: Visit, goldstein: 1.9, plover: {type: CONSULT}}\n', "no root"),
        ('codes:\n  "04": {name: "", goldstein: 1, plover: {type: CONSULT}}\n', "name"),
        ('codes:\n  "05": {name: Cooperate, goldstein: 1, plover: {type: SUPPORT}}\n', "unknown CAMEO root"),
        ("- just a list\n", "codes"),
    ],
)
def test_coding_invalid_source_raises(tmp_path, text, detail):
    path = tmp_path / "cameo.yaml"
    path.write_text(text if text.startswith("-") else QUADS + text, encoding="utf-8")
    with pytest.raises(DataError, match=r"^\[E104\]") as exc:
        load_codebook(path)
    assert detail in str(exc.value)


@pytest.mark.parametrize(
    ("quads", "detail"),
    [
        ("", "quad_classes: a mapping"),
        ('quad_classes:\n  5: ["04"]\n', "unknown class 5"),
        ('quad_classes:\n  1: [4]\n', "quoted two-digit roots"),
        ('quad_classes:\n  0: ["04"]\n  1: ["04"]\n', "root '04' is in classes 0 and 1"),
    ],
)
def test_coding_quad_classes_are_checked(tmp_path, quads, detail):
    path = tmp_path / "cameo.yaml"
    path.write_text(quads + 'codes:\n  "04": {name: Consult, goldstein: 1, plover: {type: CONSULT}}\n',
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"^\[E104\]") as exc:
        load_codebook(path)
    assert detail in str(exc.value)


def test_coding_quad_classes_cover_every_root_once():
    from comity.nlp.coding import quad_by_root

    assert sorted(quad_by_root()) == [f"{n:02d}" for n in range(1, 21)]
