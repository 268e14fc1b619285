"""The same reports give the same records in every process.

Python randomises the hashes of strings per process, and spaCy hashes a Token by its doc's
address: a rule that iterates a set of either chooses in an order that changes from run to run.
Processes with different hash seeds must write byte-identical records. (Before the fix, runs
differed about one time in three on these reports; three runs catch such a bug most of the time,
not always.)"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

DATA = Path(__file__).resolve().parents[1] / "data"


def test_records_do_not_depend_on_the_hash_seed(shared, tmp_path):
    reports = sorted((shared / "dev").glob("*.txt")) + sorted((DATA / "holdout").glob("ho-*.txt"))
    outputs = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"records-{seed}.jsonl"
        subprocess.run([sys.executable, "-m", "comity", "extract", *map(str, reports), "-o", str(out), "-q"],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append(out.read_bytes())
    assert outputs[0] and outputs.count(outputs[0]) == len(outputs)
