"""`comity demo`, the README's main job, on the bundled samples."""
import json

import pytest
from typer.testing import CliRunner

from comity.cli import app
from comity.cli.demo import sample_dir

pytestmark = pytest.mark.model


def test_demo_cli_prints_findings_and_writes_records(tmp_path):
    out = tmp_path / "samples.jsonl"
    result = CliRunner().invoke(app, ["demo", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    for heading in ("Meetings", "Agreements", "People", str(out)):
        assert heading in result.stdout
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(list(sample_dir().glob("*.txt"))) >= 5
    assert sum(len(r["events"]) for r in records) > 10
    assert sum(len(r["agreements"]) for r in records) >= 3


def test_demo_cli_weather_sample_yields_nothing(tmp_path):
    out = tmp_path / "samples.jsonl"
    CliRunner().invoke(app, ["demo", "-o", str(out)])
    records = {json.loads(line)["article"]["id"]: json.loads(line) for line in out.read_text().splitlines()}
    quiet = [r for rid, r in records.items() if "weather" in rid or "cold" in rid]
    assert quiet, sorted(records)
    for r in quiet:
        assert r["events"] == [] and r["agreements"] == [] and r["persons"] == []
