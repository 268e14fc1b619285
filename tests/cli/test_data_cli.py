"""`comity data check` and the library front door the README shows."""
import subprocess
import sys

from typer.testing import CliRunner

from comity.cli import app
from comity.errors import DataError
from comity.nlp.compile import PATTERNS_PATH, check_compiled

runner = CliRunner()


def test_data_check_loads_every_source_and_says_the_patterns_are_current():
    result = runner.invoke(app, ["data", "check"])
    assert result.exit_code == 0, result.output
    for name in ("agencies.yaml", "cameo.yaml", "titles.yaml", "event_triggers.yaml", "agreement_terms.yaml",
                 "mechanism_terms.yaml", "roles.yaml", "venues.yaml", "actor_patterns.jsonl"):
        assert name in result.output


def test_data_check_compiled_stale_patterns_are_an_error(tmp_path):
    stale = tmp_path / "actor_patterns.jsonl"
    lines = PATTERNS_PATH.read_text(encoding="utf-8").splitlines(keepends=True)
    stale.write_text("".join(lines[:-1]), encoding="utf-8")  # one pattern lost since the last compile
    try:
        check_compiled(stale)
    except DataError as e:
        assert "comity data compile" in str(e) and str(stale) in str(e)
    else:
        raise AssertionError("a stale compiled file passed the check")


def test_library_front_door_is_lazy_and_complete():
    code = ("import sys, comity; assert 'spacy' not in sys.modules; "
            "from comity.pipeline import Pipeline, extract; from comity.ingest import read_paths; "
            "assert comity.Pipeline is Pipeline and comity.extract is extract; "
            "assert comity.read_paths is read_paths; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"
