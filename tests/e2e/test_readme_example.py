"""The README's Python example runs as written (on the seeds in place of `reports/`)."""
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_python_example_runs(shared, capsys):
    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    code = block.replace('"reports/"', repr(str(shared / "seeds"))).replace("    ...", "    print(result.article.id)")
    seed = sorted((shared / "seeds").glob("*.txt"))[0]
    exec(compile(code, str(README), "exec"), {"text": seed.read_text(encoding="utf-8")})
    out = capsys.readouterr().out
    assert "040 CONSULT" in out  # the first loop prints the seed's events
    assert "000_aea7e2ec31218e0a" in out and "002_903a55c8c03dccfb" in out
