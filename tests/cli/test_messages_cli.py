"""Messages print what they say (issue 17): text with brackets in it (`pip install 'comity[parquet]'`,
a file name, a report's words) is escaped before rich prints it, so no word in brackets is eaten as
markup; and `comity[all]` installs every optional extra."""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest
from cli_run import said
from typer.testing import CliRunner

from comity.cli import app
from comity.errors import Errors, Warnings

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner(env={"COLUMNS": "80"})


def _catalogue() -> list[str]:
    return [m for cls in (Errors, Warnings) for name in dir(cls) if re.fullmatch(r"[EW]\d{3}", name)
            for m in [str(getattr(cls, name))] if "[" in m]


def test_messages_cli_every_message_with_brackets_prints_them(capsys):
    from comity.cli._run import error, warning

    messages = _catalogue()
    assert any("comity[parquet]" in m for m in messages) and any("comity[dask]" in m for m in messages)
    for message in messages:
        error(message)
        warning(message)
        shown = " ".join(capsys.readouterr().err.split())
        assert shown == f"error {' '.join(message.split())} warning {' '.join(message.split())}", message


def test_messages_cli_parquet_without_pyarrow_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    db = f"sqlite:///{tmp_path / 'empty.db'}"
    result = runner.invoke(app, ["export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "pip install 'comity[parquet]' (or pip install pyarrow)" in said(result)


def test_messages_cli_dask_without_dask_names_the_extra(tmp_path, monkeypatch):
    from comity.batch import cluster

    monkeypatch.setattr(cluster, "distributed", None)
    report = tmp_path / "r.txt"
    report.write_text("HÀ NỘI — Nothing happened today.", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'comity.db'}"
    result = runner.invoke(app, ["ingest", str(report), "--db", db, "--dask", "local", "-q"])
    assert result.exit_code == 2
    assert "pip install 'comity[dask]' (or pip install 'dask[distributed]')" in said(result)


def test_messages_cli_file_names_with_brackets_are_printed(tmp_path):
    bad = tmp_path / "[draft] report.bin"
    bad.write_bytes(b"\x00\x01")
    result = runner.invoke(app, ["agreements", str(bad), "-q", "--json"])
    assert "[draft] report.bin" in said(result), said(result)


@pytest.mark.parametrize("path", sorted((REPO / "comity" / "cli").glob("*.py")), ids=lambda p: p.name)
def test_messages_cli_no_error_text_reaches_rich_unescaped(path):
    """An exception, input item or message interpolated into rich markup must go through escape()
    (or error()/warning()/say(), which escape)."""
    raw = re.compile(r"\.print\(f?\".*\{(e|exc|item|message|line|error)\}")
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if raw.search(line)]
    assert not lines, f"{path.name}: lines {lines}"


def test_messages_cli_all_extra_holds_every_optional_extra():
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"]
    optional = sorted(k for k in extras if k not in ("all", "dev"))
    assert optional == ["dask", "parquet"]
    (everything,) = extras["all"]
    name, listed = re.fullmatch(r"(\w+)\[([\w,]+)\]", everything).groups()
    assert name == "comity" and sorted(listed.split(",")) == optional
