"""Peak memory of reading inputs of 1, 10 and 100 MB (issue 16): memory must follow what one report
needs, not the size of the input or of what it decompresses to.

    .venv/bin/python bench/read_memory.py                 # 1, 10, 100 MB
    .venv/bin/python bench/read_memory.py --sizes 1 10    # smaller

Each case runs in a fresh process that streams `comity.ingest.read_paths` over one file (counting
articles and errors, keeping none) and reports its peak resident set (VmHWM, reset at its start:
a child inherits its parent's peak through fork and exec; ru_maxrss where there is no /proc). The inputs are
written to a temporary folder first: JSON Lines of 2 KB reports, the same gzipped, one plain-text
report of the whole size (over COMITY_MAX_REPORT_CHARS, so refused: E015), and a gzip of zeros
(refused past COMITY_MAX_GZIP_MB: E016). The baseline is the same process reading one small file.
No NLP runs here: extraction's memory is the model's and one batch's (docs/benchmarks.md).
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import resource, sys
from pathlib import Path
try:  # the peak resident set is inherited through fork and exec: start it afresh (Linux)
    Path("/proc/self/clear_refs").write_text("5")
    status = Path("/proc/self/status")
except OSError:
    status = None
from comity.ingest import read_paths
from comity.errors import InputError
from comity.model import Article
articles = errors = 0
for item in read_paths([sys.argv[1]]):
    articles += isinstance(item, Article)
    errors += isinstance(item, InputError)
if status is not None:
    peak = next(line for line in status.read_text().splitlines() if line.startswith("VmHWM"))
    print(articles, errors, int(peak.split()[1]) // 1024)
else:
    print(articles, errors, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""
REPORT = ("HANOI, May 3 (VNA) - The defence ministers of Vietnam and Laos held talks in Hanoi on Monday "
          "and agreed to carry out the defence cooperation plan for next year. ") * 12


def write_inputs(folder: Path, mb: int) -> dict[str, Path]:
    """The inputs, written a piece at a time: this process never holds one whole (a child process
    starts with its parent's peak memory as its own, which would hide the reader's)."""
    size = mb * 1024 * 1024
    line = json.dumps({"id": "r", "text": REPORT}) + "\n"
    paths = {"jsonl": folder / f"feed-{mb}.jsonl", "jsonl.gz": folder / f"feed-{mb}.jsonl.gz",
             "txt (one report)": folder / f"one-{mb}.txt", "gzip of zeros": folder / f"zeros-{mb}.txt.gz"}
    with open(paths["jsonl"], "w", encoding="utf-8") as plain, \
            gzip.open(paths["jsonl.gz"], "wt", encoding="utf-8") as packed:
        for _ in range(size // len(line) + 1):
            plain.write(line)
            packed.write(line)
    with open(paths["txt (one report)"], "w", encoding="utf-8") as f:
        for _ in range(size // (len(REPORT) + 2) + 1):
            f.write(REPORT + "\n\n")
    with gzip.open(paths["gzip of zeros"], "wb") as f:
        for _ in range(mb):
            f.write(b"\0" * 1024 * 1024)
    return paths


def peak(path: Path) -> tuple[int, int, int]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
    articles, errors, rss = map(int, out.stdout.split())
    return articles, errors, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100], help="input sizes in MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = folder / "small.txt"
        small.write_text(REPORT, encoding="utf-8")
        base = peak(small)[2]
        print(f"baseline (one small report): peak RSS {base} MB")
        print(f"{'input':<18} {'MB':>5} {'articles':>9} {'errors':>7} {'peak RSS MB':>12} {'over baseline':>14}")
        for mb in args.sizes:
            for kind, path in write_inputs(folder, mb).items():
                articles, errors, rss = peak(path)
                print(f"{kind:<18} {mb:>5} {articles:>9} {errors:>7} {rss:>12} {rss - base:>14}")
                path.unlink()


if __name__ == "__main__":
    main()
