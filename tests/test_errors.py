"""The error catalogue: every message carries its code, codes are unique and well formed."""
import re

from comity.errors import Errors, Warnings


def _codes(cls):
    return [k for k in vars(cls) if re.fullmatch(r"[EW]\d{3}", k)]


def test_errors_messages_carry_their_code():
    for cls in (Errors, Warnings):
        for code in _codes(cls):
            assert getattr(cls, code).startswith(f"[{code}] ")


def test_errors_codes_are_unique_and_in_their_catalogue():
    assert all(c.startswith("E") for c in _codes(Errors))
    assert all(c.startswith("W") for c in _codes(Warnings))
    assert len(_codes(Errors)) == len(set(_codes(Errors))) > 10


def test_errors_placeholders_format():
    assert "cp1252" in Errors.E004.format(encoding="cp1252")
    assert "3 article(s)" in Warnings.W001.format(count=3)
