"""`comity extract` through its real command line, on real files: good input, every kind
of bad input, and the promise that nothing is lost silently."""
import json

import pytest
from typer.testing import CliRunner

from comity.cli import app

pytestmark = pytest.mark.model

DATA = __import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "ingest"
runner = CliRunner()


def run(*args):
    result = runner.invoke(app, ["extract", *map(str, args)])
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result, records


def test_extract_cli_seeds_to_stdout(shared):
    result, records = run(*sorted((shared / "seeds").glob("*.txt")))
    assert result.exit_code == 0, result.stderr
    assert [r["article"]["id"] for r in records] == ["000_aea7e2ec31218e0a", "002_903a55c8c03dccfb"]
    assert "2 article(s) read, 2 extracted, 0 skipped" in result.stderr


def test_extract_cli_output_file(shared, tmp_path):
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["extract", str(shared / "seeds"), "-o", str(out)])
    assert result.exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert str(out) in result.stderr


@pytest.mark.parametrize("name, message", [
    ("binary.dat", "binary.dat: [E003]"),
    ("empty.txt", "empty.txt: [E002]"),
    ("navigation_only.html", "navigation_only.html: [E008]"),
    ("corrupt.txt.gz", "corrupt.txt.gz: [E010]"),
    ("does-not-exist.txt", "does-not-exist.txt: [E001]"),
])
def test_extract_cli_bad_file_is_named_and_others_go_through(name, message):
    result, records = run(DATA / "wire.txt", DATA / name, DATA / "no_header.txt")
    assert result.exit_code == 3
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert [r["article"]["id"] for r in records] == ["wire", "no_header"]
    assert "2 article(s) read, 2 extracted, 1 skipped" in result.stderr


def test_extract_cli_bad_jsonl_lines_named_with_line_numbers():
    result, records = run(DATA / "articles.jsonl")
    assert result.exit_code == 3
    for line, code in ((4, "E006"), (5, "E009"), (6, "E007"), (7, "E011")):
        assert f"articles.jsonl:{line}: [{code}]" in result.stderr
    assert {r["article"]["id"] for r in records} >= {"kor-1", "42"}
    assert "4 skipped" in result.stderr


def test_extract_cli_cp1252_is_read_with_a_warning():
    result, records = run(DATA / "cp1252.txt")
    assert result.exit_code == 0
    assert "[W002]" in result.stderr and "cp1252" in result.stderr
    assert len(records) == 1


def test_extract_cli_published_option_dates_a_headerless_report(tmp_path):
    report = tmp_path / "call.txt"
    report.write_text("Vietnamese Defence Minister Phan Van Giang held a phone call with his Lao counterpart "
                      "Khamliang Outhakaysone on Tuesday.", encoding="utf-8")
    result, records = run(report, "--published", "2025-12-04")
    assert result.exit_code == 0, result.stderr
    assert records[0]["article"]["published"] == "2025-12-04"
    assert {e["date"] for e in records[0]["events"]} == {"2025-12-02"}


def test_extract_cli_bad_published_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", str(DATA / "wire.txt"), "--published", "next Tuesday"])
    assert result.exit_code == 2
    assert "E105" in result.stderr


def test_extract_cli_help_explains_every_option():
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    for option in ("--output", "--published", "--quiet"):
        assert option in result.stdout


def test_extract_cli_reports_with_no_publication_date_get_a_hint(tmp_path):
    """A wire report dated only "Nov 6" (no year, no --published) has its days left undated: the run
    says how many such reports there were and how to give a date; with --published it says nothing."""
    report = tmp_path / "reuters.txt"
    report.write_text("BERLIN, Nov 6 (Reuters) - Germany's defence minister met his Dutch counterpart "
                      "on Monday in Berlin.\n", encoding="utf-8")
    result, _ = run(report)
    assert result.exit_code == 0, result.stderr
    assert "[W005] 1 report(s) carry no publication date" in result.stderr and "--published" in result.stderr
    dated, records = run("--published", "2025-11-07", report)
    assert dated.exit_code == 0 and "W005" not in dated.stderr
    assert records[0]["article"]["published"] == "2025-11-07"
