"""``python -m comity.eval BASELINE SHARED``: measure the gate's sets again and raise their floors.

    python -m comity.eval tests/eval/eval_baseline.json ../shared            # raise floors only
    python -m comity.eval tests/eval/eval_baseline.json ../shared --allow-regression

Each floor becomes ``measured - margin`` when that is higher; with ``--allow-regression`` it
follows the measurement down too (say why in the commit message).
"""
from __future__ import annotations

import argparse

from .baseline import update_baseline


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m comity.eval", description=__doc__.splitlines()[0])
    ap.add_argument("baseline", help="the floors file (tests/eval/eval_baseline.json)")
    ap.add_argument("shared", help="the shared data folder its paths are relative to (../shared)")
    ap.add_argument("--margin", type=float, default=0.02, help="floor = measured - margin (default 0.02)")
    ap.add_argument("--allow-regression", action="store_true",
                    help="let floors go down too (say why in the commit message)")
    args = ap.parse_args()
    changes = update_baseline(args.baseline, args.shared, margin=args.margin,
                              allow_regression=args.allow_regression)
    print("\n".join(changes) or "no floor changed")  # noqa: T201  (a command-line entry point)


if __name__ == "__main__":
    main()
