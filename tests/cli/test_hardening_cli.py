"""Issue 16 through the real command line: one bad input never aborts `comity extract` or `comity ingest`;
it is a numbered error naming its file (and line), the run goes on, the summary counts it, the exit
code is 3. Every input is written here, in tmp_path."""
from __future__ import annotations

import json
import os

import pytest
from cli_run import said
from sqlalchemy import select
from typer.testing import CliRunner

from comity.cli import app
from comity.storage import Store
from comity.storage import schema as s

pytestmark = pytest.mark.model

runner = CliRunner(env={"COLUMNS": "200"})
GOOD = "Vietnam and Laos signed an agreement in Hanoi on Monday."


def good_lines(n: int = 3, **extra) -> str:
    return "".join(json.dumps({"id": f"good-{i}", "text": f"{GOOD} Talk number {i}.", **extra}) + "\n"
                   for i in range(n))


def extract(*args):
    result = runner.invoke(app, ["extract", *map(str, args)])
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result, records


def assert_skipped_one(result, records, message: str, *, read: int = 3):
    assert result.exit_code == 3, (result.stderr, result.exception)
    assert message in said(result), said(result)
    assert "Traceback" not in result.stderr + result.stdout
    assert [r["article"]["id"] for r in records] == [f"good-{i}" for i in range(read)]
    assert f"{read} article(s) read, {read} extracted, 1 skipped" in said(result)


@pytest.mark.parametrize("line, message", [
    ("[" * 1000 + "]" * 1000, "bad.jsonl:2: [E006] line is not JSON: nested too deep"),
    ('{"text": "x", "n": ' + "9" * 5000 + "}", "bad.jsonl:2: [E006] line is not JSON: Exceeds the limit"),
    ('{"text": "' + GOOD + '", "published": "[/red]"}',
     "bad.jsonl:2: [E011] \"published\" is not a date: '[/red]'"),
    (json.dumps({"text": "Vietnam and Laos met. " * 50_000}),
     "bad.jsonl:2: [E015] report is 1,100,000 characters, over the limit of 1,000,000"),
])
def test_hardening_cli_bad_line_is_skipped_and_the_run_goes_on(tmp_path, line, message):
    lines = good_lines().splitlines()
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([lines[0], line, *lines[1:]]) + "\n", encoding="utf-8")
    result, records = extract(path)
    assert_skipped_one(result, records, f"{path.name}:2: " + message.split(":2: ", 1)[1])


def test_hardening_cli_lone_surrogate_and_nul_are_replaced_and_written(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "s", "text": "' + GOOD + r' \ud800 \u0000.", "title": "t\u0000"}' + "\n",
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result, _ = extract(path, "-o", out)
    assert result.exit_code == 0, (result.stderr, result.exception)
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["article"]["text"].endswith(" \ufffd  .") and record["article"]["title"] == "t"


def test_hardening_cli_file_name_not_utf8_is_read_and_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"report\xff.txt")).write_text(GOOD + "\n", encoding="utf-8")
    (folder / os.fsdecode(b"empty\xfe.txt")).write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result, _ = extract(folder, "-o", out)
    assert result.exit_code == 3, (result.stderr, result.exception)
    assert "empty\\xfe.txt: [E002]" in said(result)
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["article"]["id"] == "report\ufffd"


@pytest.mark.parametrize("name", ["foo[", "[bold]x", "bar\\[", "[red]", "end\\"])
def test_hardening_cli_markup_in_a_folder_name_is_printed_as_is(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "a.jsonl").write_text(good_lines(), encoding="utf-8")
    result, records = extract(folder)
    assert_skipped_one(result, records, f"{folder / 'empty.txt'}: [E002]")


def test_hardening_cli_control_characters_in_a_name_are_escaped(tmp_path):
    (tmp_path / "new\nline\x1b[31m.txt").write_text("", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(good_lines(), encoding="utf-8")
    result, records = extract(tmp_path)
    assert_skipped_one(result, records, "new\\x0aline\\x1b[31m.txt: [E002]")
    assert "\x1b" not in result.stderr


@pytest.fixture
def boom(monkeypatch):
    """An article that makes extraction raise (as a bug or spaCy's E088 would), whichever the route."""
    from comity.pipeline import Pipeline

    real = Pipeline.make_doc

    def make_doc(self, article):
        if article.id == "boom":
            raise RuntimeError("a bug")
        return real(self, article)

    monkeypatch.setattr(Pipeline, "make_doc", make_doc)


def boom_input(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = good_lines().splitlines()
    path.write_text("\n".join([lines[0], json.dumps({"id": "boom", "text": GOOD}), *lines[1:]]) + "\n",
                    encoding="utf-8")
    return path


def test_hardening_cli_extraction_error_is_that_articles_error(tmp_path, boom):
    path = boom_input(tmp_path)
    result, records = extract(path)
    assert result.exit_code == 3, (result.stderr, result.exception)
    assert f"{path.name}:2: [E017] could not be extracted (RuntimeError: a bug)" in said(result)
    assert [r["article"]["id"] for r in records] == ["good-0", "good-1", "good-2"]
    assert "4 article(s) read, 3 extracted, 1 skipped" in said(result)


def test_hardening_cli_batch_extract_reports_a_failed_article(tmp_path, boom):
    from comity.batch import extract as batch_extract
    from comity.ingest import read_paths

    failed = []
    results = list(batch_extract(read_paths([boom_input(tmp_path)]), workers=1, on_error=failed.append))
    assert [r.article.id for r in results] == ["good-0", "good-1", "good-2"]
    assert [e.where for e in failed] == [f"{tmp_path / 'in.jsonl'}:2"] and "E017" in failed[0].message


def runs(db_url):
    with Store.open(db_url) as store, store.read() as conn:
        query = select(s.runs.c.status, s.runs.c.n_skipped).order_by(s.runs.c.id)
        return [tuple(r) for r in conn.execute(query)]


def titles(db_url):
    with Store.open(db_url) as store, store.read() as conn:
        return sorted(conn.execute(select(s.articles.c.title)).scalars(), key=str)


def test_hardening_cli_ingest_goes_past_bad_lines_on_both_backends(db_url, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_deep.jsonl").write_text("[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(good_lines(title="t\u0000"), encoding="utf-8")
    (folder / "c_big.jsonl").write_text('{"text": "x", "n": ' + "9" * 5000 + "}\n", encoding="utf-8")
    for n in (1, 2):
        result = runner.invoke(app, ["ingest", str(folder), "--db", db_url])
        assert result.exit_code == 3, (result.stderr, result.exception)
        assert "a_deep.jsonl:1: [E006]" in said(result) and "c_big.jsonl:1: [E006]" in said(result)
        assert "3 report(s) read" in said(result)
    assert titles(db_url) == ["t", "t", "t"]  # NUL removed at the reader: PostgreSQL stores as SQLite
    assert runs(db_url) == [("done", 2), ("done", 2)]


def test_hardening_cli_ingest_extraction_error_is_skipped_and_rerun_gets_past(tmp_path, boom):
    db = f"sqlite:///{tmp_path / 'c.db'}"
    path = boom_input(tmp_path)
    for _ in (1, 2):
        result = runner.invoke(app, ["ingest", str(path), "--db", db])
        assert result.exit_code == 3, (result.stderr, result.exception)
        assert f"{path.name}:2: [E017]" in said(result)
    assert len(titles(db)) == 3 and runs(db) == [("done", 1), ("done", 1)]


def test_hardening_cli_ingest_crash_marks_the_run_failed(tmp_path, monkeypatch):
    db = f"sqlite:///{tmp_path / 'c.db'}"
    path = tmp_path / "in.jsonl"
    path.write_text(good_lines(), encoding="utf-8")

    def save(self, *a, **kw):
        raise RuntimeError("disk on fire")

    with monkeypatch.context() as m:
        m.setattr(Store, "save", save)
        result = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert result.exit_code == 1
    assert "internal error, run 1 marked failed: RuntimeError: disk on fire; traceback in" in said(result)
    assert "Traceback" not in result.stderr
    trace = said(result).split("traceback in ", 1)[1].split()[0]
    with open(trace, encoding="utf-8") as f:
        assert "disk on fire" in f.read()
    os.unlink(trace)
    again = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert again.exit_code == 0, again.stderr
    assert runs(db) == [("failed", 0), ("done", 0)] and len(titles(db)) == 3


def test_hardening_cli_ingest_records_nul_and_deep_lines_on_both_backends(db_url, tmp_path):
    import store_records as rec

    from comity.model import to_dict

    record = to_dict(rec.vna())
    record["article"]["title"] = "t\u0000"
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record) + "\n" + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", "--records", str(path), "--db", db_url])
    assert result.exit_code == 3, (result.stderr, result.exception)
    assert "records.jsonl:2: [E006] line is not JSON: nested too deep" in said(result)
    assert titles(db_url) == ["t"]  # PostgreSQL would refuse the NUL


def test_hardening_cli_report_limit_is_checked_before_spacy_and_raises_spacys(pipeline, monkeypatch):
    from comity.errors import InputError
    from comity.model import Article

    article = Article(id="big", text="Hanoi talks. " * 80_000, origin="big.txt")  # 1,040,000 characters
    with pytest.raises(InputError, match=r"big.txt: \[E015\] report is 1,040,000 characters"):
        pipeline.make_doc(article)
    monkeypatch.setenv("COMITY_MAX_REPORT_CHARS", "2000000")
    assert len(pipeline.make_doc(article).text) == 1_040_000  # not spaCy's E088
    assert pipeline.nlp.max_length > 1_040_000


def test_hardening_cli_input_error_crosses_processes():
    import pickle

    from comity.errors import InputError

    error = pickle.loads(pickle.dumps(InputError("a.jsonl:2", "[E017] could not be extracted")))
    assert (error.where, error.message, str(error)) == ("a.jsonl:2", "[E017] could not be extracted",
                                                         "a.jsonl:2: [E017] could not be extracted")


def test_hardening_cli_extract_internal_error_is_one_line(tmp_path, monkeypatch):
    import comity.cli.extract as extract_cli

    def result_to_json(result):
        raise RuntimeError("a bug")

    monkeypatch.setattr(extract_cli, "result_to_json", result_to_json)
    path = tmp_path / "in.jsonl"
    path.write_text(good_lines(1), encoding="utf-8")
    result, _ = extract(path)
    assert result.exit_code == 1
    assert "error internal error: RuntimeError: a bug; traceback in" in said(result)
    assert "Traceback" not in result.stderr
    os.unlink(said(result).split("traceback in ", 1)[1].split()[0])


def test_hardening_cli_store_error_quotes_the_url_as_given(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", "mysql[/red]://x/y"])
    assert result.exit_code == 2
    assert "error [E201] 'mysql[/red]://x/y' is not a database" in said(result)
