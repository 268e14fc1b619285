"""Benchmark: comity's extraction against bare spaCy on the same texts, in one run.

    .venv/bin/python bench/extract_vs_spacy.py                 # ~200 docs, best of 3
    .venv/bin/python bench/extract_vs_spacy.py --docs 400 --repeat 5 --synthetic

Texts: the dev reports (../shared/dev), the seeds (../shared/seeds) and the samples bundled in
comity/samples, repeated (or, with --synthetic, recombined paragraph by paragraph with a fixed
seed) up to --docs documents; or, with --corpus diplomatic|mixed|..., the template corpora of
bench/corpus.py. Reading the files is not timed.

Timed, alternately, --repeat runs of each (rates from the best run):
  spaCy   `nlp.pipe(texts)` with a separately loaded copy of the same model
          (`comity.nlp.loader.find_model()`, every component comity loads: comity disables none);
          the texts are the NFC bodies comity itself feeds the model.
  comity  `Pipeline.extract_many(articles)`: NFC and offset map, the same spaCy components,
          comity's components, and the Doc -> record boundary.
comity's own share = comity / spaCy - 1, the median over the paired runs (each repeat times
both sides back to back), with comity's fast path off (both sides parse every report); the
target is <= 25 %. With the fast path on (comity's default), reports with
nothing to record skip the model, which is timed and shown on a line of its own. Both wall-clock and
process CPU time are reported: on a shared machine the CPU time is the steadier figure.

A third, instrumented pass (one run, batch by batch) splits comity's time by layer: its
make_doc work beyond the tokenizer (NFC, offset map, doc extensions), each comity component,
and `doc_to_result`, as CPU time against the spaCy components' CPU time in the same pass.
"""
from __future__ import annotations

import argparse
import inspect
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import spacy  # noqa: E402

from comity.ingest import read_paths  # noqa: E402
from comity.ingest.normalize import nfc_with_offsets  # noqa: E402
from comity.ingest.plaintext import read_text  # noqa: E402
from comity.model import Article  # noqa: E402
from comity.nlp.loader import find_model  # noqa: E402
from comity.nlp.pipeline import COMITY_COMPONENTS  # noqa: E402
from comity.nlp.to_records import doc_to_result  # noqa: E402
from comity.pipeline import Pipeline  # noqa: E402


def corpus(shared: Path, docs: int, synthetic: bool, seed: int = 13, kind: str = "reports") -> list[Article]:
    if kind != "reports":  # bench/corpus.py's template corpora: diplomatic, mixed, sport...
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from corpus import articles

        return articles(kind, docs)
    paths = [shared / "dev", shared / "seeds", REPO / "comity" / "samples"]
    base = [a for a in read_paths(paths) if isinstance(a, Article)]
    if not base:
        sys.exit(f"no reports found under {', '.join(map(str, paths))}")
    if not synthetic:
        return [base[i % len(base)] for i in range(docs)]
    # Recombine: each new report keeps a real header and takes 3-8 paragraphs from the pool.
    rng = random.Random(seed)
    paragraphs = [p for a in base for p in a.body.split("\n\n") if p.strip()]
    out = []
    for i in range(docs):
        head = base[i % len(base)]
        body = "\n\n".join(rng.sample(paragraphs, rng.randint(3, 8)))
        out.append(read_text(body, id=f"synthetic-{i:04d}", published=head.published))
    return out


def clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) since ``start``."""
    wall, cpu = clock()
    return wall - start[0], cpu - start[1]


def time_spacy(nlp, texts: list[str], batch_size: int) -> tuple[tuple[float, float], int]:
    started = clock()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return since(started), tokens


def time_comity(pipe: Pipeline, articles: list[Article]) -> tuple[float, float]:
    started = clock()
    for _ in pipe.extract_many(articles):
        pass
    return since(started)


def layers(pipe: Pipeline, articles: list[Article], batch_size: int) -> dict[str, float]:
    """CPU seconds per layer in one instrumented pass (see the module docstring).

    Streams batch by batch like `extract_many`, so no more docs are alive at once than there.
    """
    nlp = pipe.nlp
    t: dict[str, float] = defaultdict(float)
    base = [name for name in nlp.pipe_names if name not in COMITY_COMPONENTS]
    procs = [(name, nlp.get_pipe(name)) for name in COMITY_COMPONENTS]
    for i in range(0, len(articles), batch_size):
        chunk = articles[i:i + batch_size]
        texts = [nfc_with_offsets(a.body)[0] for a in chunk]
        started = time.process_time()
        for text in texts:
            nlp.make_doc(text)
        tokenizer = time.process_time() - started
        t["spaCy tokenizer"] += tokenizer
        started = time.process_time()
        docs = [pipe.make_doc(a) for a in chunk]
        t["comity make_doc (NFC, offsets, doc extensions)"] += max(0.0, time.process_time() - started - tokenizer)
        started = time.process_time()
        with nlp.select_pipes(enable=base):
            docs = list(nlp.pipe(docs, batch_size=batch_size))
        t["spaCy components (" + ", ".join(base) + ")"] += time.process_time() - started
        for name, proc in procs:
            started = time.process_time()
            docs = [proc(doc) for doc in docs]
            t[name] += time.process_time() - started
        started = time.process_time()
        for doc in docs:
            doc_to_result(doc, doc._.article)
        t["doc_to_result (records)"] += time.process_time() - started
    return dict(t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared data folder")
    ap.add_argument("--docs", type=int, default=200, help="documents per run (default 200)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each side; the best counts (default 3)")
    ap.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size, as comity's Pipeline")
    ap.add_argument("--synthetic", action="store_true", help="recombine paragraphs instead of repeating reports")
    ap.add_argument("--corpus", default="reports",
                    help="reports (default: dev, seeds and samples) or a kind of bench/corpus.py "
                         "(diplomatic, mixed, ...)")
    args = ap.parse_args()

    articles = corpus(args.shared, args.docs, args.synthetic, kind=args.corpus)
    texts = [nfc_with_offsets(a.body)[0] for a in articles]
    model = find_model()
    bare = spacy.load(model)  # a copy of its own: comity's pipeline adds components to the cached one
    # comity's fast path (if this comity has one) lets reports with nothing to record skip the
    # model; the overhead figure is measured without it, so both sides parse every report
    has_fast_path = "fast_path" in inspect.signature(Pipeline).parameters
    pipe = Pipeline(batch_size=args.batch_size, **({"fast_path": False} if has_fast_path else {}))
    fast = Pipeline(batch_size=args.batch_size) if has_fast_path else None
    print(f"model {model} {bare.meta.get('version', '')}; spaCy {spacy.__version__}; "
          f"components {', '.join(bare.pipe_names)} (+ comity: {', '.join(COMITY_COMPONENTS)})")
    print(f"{len(articles)} documents, {sum(map(len, texts)):,} characters; best of {args.repeat} runs each")

    time_spacy(bare, texts[:20], args.batch_size)  # warm-up: first-call allocations, lazy imports
    time_comity(pipe, articles[:20])
    spacy_times, comity_times, fast_times, tokens = [], [], [], 0
    for _ in range(args.repeat):
        seconds, tokens = time_spacy(bare, texts, args.batch_size)
        spacy_times.append(seconds)
        comity_times.append(time_comity(pipe, articles))
        if fast is not None:
            fast_times.append(time_comity(fast, articles))
    n = len(articles)
    print(f"\n{'':22}{'wall s':>8}{'CPU s':>8}{'docs/s':>9}{'tokens/s':>10}   (rates from CPU time)")
    rows = [("spaCy nlp.pipe", spacy_times), ("comity extract_many", comity_times)]
    if fast_times:
        rows.append(("comity + fast path", fast_times))
    for name, times in rows:
        wall, cpu = min(w for w, _ in times), min(c for _, c in times)
        print(f"{name:22}{wall:8.2f}{cpu:8.2f}{n / cpu:9.1f}{tokens / cpu:10,.0f}")
    # each repeat runs both sides back to back; the median of those paired ratios is the figure,
    # steadier on a shared machine than a ratio of two independent minimums
    for label, i in (("CPU", 1), ("wall", 0)):
        ratios = sorted(c[i] / s_[i] for s_, c in zip(spacy_times, comity_times))
        ratio = statistics.median(ratios)
        print(f"{label:5} comity / spaCy = {ratio:.3f} (median of {len(ratios)} paired runs, "
              f"{ratios[0]:.3f}-{ratios[-1]:.3f}): comity's own layers cost {ratio - 1:.1%} of spaCy's time "
              f"(target <= 25%: {'OK' if ratio - 1 <= 0.25 else 'OVER'})")

    split = layers(pipe, articles, args.batch_size)
    spacy_part = sum(v for k, v in split.items() if k.startswith("spaCy"))
    print("\ninstrumented pass (one run; CPU time per layer):")
    for name, seconds in split.items():
        print(f"  {name:60}{seconds:7.2f} CPU s {seconds / spacy_part:7.1%} of spaCy")
    ours = sum(v for k, v in split.items() if not k.startswith("spaCy"))
    print(f"  {'comity layers together':60}{ours:7.2f} CPU s {ours / spacy_part:7.1%} of spaCy")


if __name__ == "__main__":
    main()
