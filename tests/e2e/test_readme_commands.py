"""Every `comity` command in the README's shell examples runs as written, in the README's order, in a
folder holding the files they name (a few written reports) and against a store that they fill
themselves (`comity watch --once`, then `comity ingest`): a renamed option, a command that no longer
exists or an example that now fails makes this test fail, so the README cannot rot.

An example whose comment says "exit N" must exit N; every other must exit 0. Two things are not run
as written, and why is said where they are replaced: the team PostgreSQL URL becomes the PostgreSQL
test server's, and the placeholder id of `comity agreement reports/ --id ...` becomes a real one from
the line above it (as its comment says). `comity serve` runs until stopped: tests/web/test_serve_cli.py
serves for real."""
from __future__ import annotations

import gzip
import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from comity.cli import app

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
TEAM_DB = "postgresql+psycopg://me@dbhost/comity"
PLACEHOLDER_ID = "3f2a"
NOT_RUN = {"comity serve": "runs until stopped; tests/web/test_serve_cli.py serves for real"}


def readme_commands() -> list[tuple[int, str]]:
    """(line number, command) for each line of a ```bash block that starts with `comity `."""
    found, in_bash = [], False
    for n, line in enumerate(README.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            in_bash = line.strip() == "```bash"
        elif in_bash and line.startswith("comity "):
            found.append((n, line))
    return found


def expected_exit(line: str) -> int:
    said = re.search(r"#.*\bexit (\d)", line)
    return int(said.group(1)) if said else 0


ACTORS = """\
- name: Southern Riverine Flotilla
  aliases: [SRF]
  type: organisation
  country: KHM
  sector: MIL
"""


@pytest.fixture
def workdir(shared, tmp_path, monkeypatch) -> Path:
    """The files the examples name, beside a `../shared` as in a checkout."""
    (tmp_path / "shared").symlink_to(shared)
    work = tmp_path / "repo"
    work.mkdir()
    seeds = sorted((shared / "seeds").glob("*.txt"))
    dev = sorted((shared / "dev").glob("dev-*.txt"))
    shutil.copy(seeds[0], work / "report.txt")
    (work / "more-reports").mkdir()
    shutil.copy(seeds[1], work / "more-reports")
    (work / "plain-body.txt").write_text(
        "Vietnam and Laos signed a plan on defence cooperation in Hanoi on Monday, the two ministries said.\n",
        encoding="utf-8")
    with gzip.open(work / "feed.jsonl.gz", "wt", encoding="utf-8") as f:
        for path in dev[2:4]:  # a Vietnam-Cambodia plan, told by two agencies
            f.write(json.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")}) + "\n")
    for folder, files in (("reports", [*seeds, dev[0]]), ("archive", dev[4:6]), ("inbox", dev[6:7])):
        (work / folder).mkdir()
        for path in files:
            shutil.copy(path, work / folder)
    (work / "my-actors.yaml").write_text(ACTORS, encoding="utf-8")
    (work / "watch.yaml").write_text("- {folder: inbox}\n", encoding="utf-8")
    monkeypatch.chdir(work)
    monkeypatch.setenv("COMITY_DB", str(work / "comity.db"))
    return work


def test_readme_commands_run_as_written(workdir, postgres_server):
    from conftest import new_postgres_database

    commands = readme_commands()
    assert len(commands) >= 25  # the README's examples were found
    runner = CliRunner()
    last_ids: list[str] = []
    ran = 0
    for n, line in commands:
        args = shlex.split(line, comments=True)
        if " ".join(args) in NOT_RUN:
            continue
        if TEAM_DB in args:  # the team's server is the test server here
            args[args.index(TEAM_DB)] = new_postgres_database(postgres_server)
        if PLACEHOLDER_ID in args:  # "ids from the line above": the first one it listed
            assert last_ids, f"README.md:{n}: no agreement listed on the line above"
            args[args.index(PLACEHOLDER_ID)] = last_ids[0]
        result = runner.invoke(app, args[1:])
        assert result.exit_code == expected_exit(line), (
            f"README.md:{n}: {line}\nexit {result.exit_code}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}",
            result.exception)
        if args[1:3] == ["agreements", "reports/"]:
            listed = runner.invoke(app, [*args[1:], "--json"])
            last_ids = [a["id"] for a in json.loads(listed.stdout)]
        ran += 1
    assert ran == len(commands) - sum(1 for _, line in commands if line.split("#")[0].strip() in NOT_RUN)
