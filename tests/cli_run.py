"""comity's command line in tests, through typer's runner: `invoke` checks the exit code unless told
not to, `said` gives stderr with the console's line wrapping undone."""
from __future__ import annotations

from collections.abc import Callable

from typer.testing import CliRunner, Result

from comity.cli import app


def invoker(runner: CliRunner) -> Callable[..., Result]:
    """`invoke(*args, ok=True)` on `runner` (a terminal width of the test module's choosing)."""
    def invoke(*args: str, ok: bool = True) -> Result:
        result = runner.invoke(app, list(args))
        if ok:
            assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
        return result

    return invoke


def said(result: Result) -> str:
    """stderr with the console's line wrapping undone."""
    return " ".join(result.stderr.split())
