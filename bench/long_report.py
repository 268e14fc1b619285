"""Time per character of one long report (issue 16): does comity's time grow with a report's length
or faster? spaCy's own time is close to linear; comity's rules once made a long report cost the
square of its length (every actor span rescanned for each preposition and instrument).

    .venv/bin/python bench/long_report.py                      # 10k, 40k, 80k characters
    .venv/bin/python bench/long_report.py --sizes 10 40 160    # in thousands of characters

One report is made by joining the paragraphs of `bench/corpus.py`'s diplomatic reports until it
has the size; each size is extracted in this process (the model loaded once, before timing) with
the fast path off, and reported as seconds, seconds for spaCy's own pipes alone on the same text
(`nlp.pipe` with comity's components disabled), and comity's share. Read the ratios of one run:
the machine is shared. A size over COMITY_SECTION_CHARS (100,000) is read in sections.
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import time
from pathlib import Path


def _corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", Path(__file__).with_name("corpus.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def long_text(chars: int, seed: int = 11) -> str:
    corpus, rng = _corpus(), random.Random(seed)
    paragraphs: list[str] = []
    n = 0
    while sum(len(p) + 2 for p in paragraphs) < chars:
        report = corpus.diplomatic_report(rng, n)
        paragraphs += [p for p in report.split("\n\n")[1:] if p.strip()]  # no dateline but the first
        n += 1
    text = "\n\n".join(paragraphs)
    return text[: text.rfind("\n\n", 0, chars) if len(text) > chars else len(text)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 40, 80], help="thousands of characters")
    args = parser.parse_args()

    from comity.nlp.loader import load_base_model
    from comity.pipeline import Pipeline, extract

    pipeline = Pipeline(fast_path=False)
    extract("Warm-up: Vietnam and Laos held talks in Hanoi.", published="2025-06-11", pipeline=pipeline)
    base = load_base_model()
    print(f"{'chars':>8} {'comity s':>9} {'spaCy s':>8} {'comity s/10k':>13} {'comity/spaCy':>13}")
    for size in args.sizes:
        text = long_text(size * 1000)
        start = time.process_time()
        extract(text, published="2025-06-11", pipeline=pipeline)
        comity = time.process_time() - start
        start = time.process_time()
        list(base.pipe([text]))
        spacy_s = time.process_time() - start
        print(f"{len(text):>8} {comity:>9.1f} {spacy_s:>8.1f} {comity / len(text) * 10_000:>13.2f} "
              f"{comity / spacy_s:>13.2f}")


if __name__ == "__main__":
    main()
