"""Countries and codes, one way everywhere (issue 17): every command that takes a state takes a name,
an alias or an ISO alpha-3 code (`comity.query.resolve_country`); an unknown state, a name of two
states or a dyad of one state exits 2 with a message naming the closest matches, never an empty answer.
At 80 columns, as a small terminal shows them."""
from __future__ import annotations

import json

import pytest
import store_records as rec
from typer.testing import CliRunner

from comity.cli import app
from comity.model import result_to_json

runner = CliRunner(env={"COLUMNS": "80"})


def invoke(*args: str):
    return runner.invoke(app, list(args))


def said(result) -> str:
    """stderr as one line: the error box's borders and line breaks gone."""
    lines = [line.strip().strip("│╭╰─╮╯").strip() for line in result.stderr.splitlines()]
    return " ".join(" ".join(lines).split())


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("country")
    records = folder / "records.jsonl"
    records.write_text("".join(result_to_json(r) + "\n" for r in rec.all_results()), encoding="utf-8")
    url = f"sqlite:///{folder / 'comity.db'}"
    result = invoke("ingest", "--records", str(records), "--db", url)
    assert result.exit_code == 0, result.stderr
    return url


def rows(db: str, *args: str) -> list:
    result = invoke(*args, "--db", db, "--json")
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return json.loads(result.stdout)


@pytest.mark.parametrize("codes,names", [
    (("timeline", "VNM", "LAO"), ("timeline", "Việt Nam", "Laos")),
    (("timeline", "VNM", "LAO"), ("timeline", "viet nam", "Lao PDR")),
    (("events", "--dyad", "VNM-LAO"), ("events", "--dyad", "Vietnam-Laos")),
    (("events", "--dyad", "VNM-LAO"), ("events", "--dyad", "Viet Nam Laos")),
    (("events", "--country", "KHM"), ("events", "--country", "Cambodia")),
    (("events", "--country", "KHM"), ("events", "-c", "khm")),
    (("agreements", "--between", "VNM", "LAO"), ("agreements", "--between", "Vietnam", "Laotian")),
    (("mechanisms", "--between", "VNM", "LAO"), ("mechanisms", "--between", "Laos", "Viet Nam")),
    (("persons", "--country", "LAO"), ("persons", "--country", "Laos")),
])
def test_country_cli_names_and_codes_answer_alike(db, codes, names):
    expected = rows(db, *codes)
    assert expected and rows(db, *names) == expected


@pytest.mark.parametrize("args,unknown,closest", [
    (("timeline", "VNM", "ZZZ"), "ZZZ", None),
    (("timeline", "Vietnma", "LAO"), "Vietnma", "Vietnam (VNM)"),
    (("events", "--dyad", "XXX-YYY"), "XXX", None),
    (("events", "--dyad", "Laso-VNM"), "Laso", "Laos (LAO)"),
    (("events", "--country", "Cambodja"), "Cambodja", "Cambodia (KHM)"),
    (("agreements", "--between", "VNM", "Loas"), "Loas", "Laos (LAO)"),
    (("mechanisms", "--between", "Atlantis", "VNM"), "Atlantis", None),
    (("persons", "--country", "Veitnam"), "Veitnam", "Vietnam (VNM)"),
    (("export", "--dyad", "VNM-QQQ", "-o", "-"), "QQQ", None),
])
def test_country_cli_an_unknown_state_exits_2_with_the_closest(db, args, unknown, closest):
    result = invoke(*args, "--db", db)
    message = said(result)
    assert result.exit_code == 2 and result.stdout == "", (result.stdout, message)
    assert "E211" in message and f"'{unknown}' is not a country comity knows" in message
    if closest:
        assert "closest:" in message and closest in message


@pytest.mark.parametrize("args", [
    ("timeline", "VNM", "VNM"), ("timeline", "Vietnam", "Việt Nam"), ("events", "--dyad", "VNM-VNM"),
    ("events", "--dyad", "vnm viet nam"), ("agreements", "--between", "VNM", "Vietnam"),
    ("mechanisms", "--between", "LAO", "LAO"),
])
def test_country_cli_a_state_with_itself_exits_2(db, args):
    result = invoke(*args, "--db", db)
    message = said(result)
    assert result.exit_code == 2 and "E213" in message and ("VNM is one state" in message
                                                            or "LAO is one state" in message)


@pytest.mark.parametrize("args,option", [
    (("events", "--country", "Atlantis", "--dyad", "VNM-LAO"), "--country"),
    (("events", "--country", "VNM", "--dyad", "VNM-Atlantis"), "--dyad"),
    (("export", "--country", "Atlantis", "-o", "-"), "--country"),
    (("timeline", "Atlantis", "VNM"), "COUNTRY_A COUNTRY_B"),
    (("agreements", "--between", "Atlantis", "VNM"), "--between"),
])
def test_country_cli_the_error_names_the_option(db, args, option):
    result = invoke(*args, "--db", db)
    assert result.exit_code == 2 and f"Invalid value for {option}: [E211] 'Atlantis'" in said(result)


def test_country_cli_a_name_of_two_states_asks_for_the_code(db):
    result = invoke("events", "--country", "Congo", "--db", db)
    message = said(result)
    assert result.exit_code == 2 and "E212" in message and "COD" in message and "COG" in message


def test_country_cli_help_says_names_are_taken():
    for command in ("timeline", "events", "agreements", "persons"):
        assert "name" in " ".join(invoke(command, "--help").stdout.split()), command
