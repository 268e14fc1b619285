"""Issue 17: progress moves per report. `Pipeline.extract_many` yields results in input order a
stretch (4 x batch_size) at a time, so a bar fed by results jumped by a stretch; `on_progress` is
told of each report as it leaves the model, with or without the model (fast path), failed or not."""
from __future__ import annotations

import datetime as dt

import pytest

from comity.model import Article

pytestmark = pytest.mark.model

TALKS = "Vietnamese Defence Minister Tran Quoc An held talks with his Lao counterpart in Hanoi on Monday."
NOTHING = "The weather in the mountain towns stayed mild for most of the week, forecasters said."


def articles(n: int) -> list[Article]:
    return [Article(id=f"r{i}", text=(TALKS if i % 3 else NOTHING) + f" Item {i}.",
                    published=dt.date(2026, 3, 2)) for i in range(n)]


def run(pipeline, items, on_error=None) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    for result in pipeline.extract_many(items, on_error=on_error, on_progress=lambda n: seen.append(("done", n))):
        seen.append(("result", result.article.id))
    return seen


def test_progress_one_step_per_report_before_its_result(pipeline):
    items = articles(2 * 4 * pipeline.batch_size + 5)  # more than two stretches
    seen = run(pipeline, items)
    steps = [n for kind, n in seen if kind == "done"]
    assert steps == [1] * len(items)
    assert [x for kind, x in seen if kind == "result"] == [a.id for a in items]
    done = 0
    for kind, x in seen:  # every report is counted done before its result arrives
        if kind == "done":
            done += 1
        else:
            assert done > int(x[1:])
    # the first stretch is counted while it is extracted, not only when its results come
    first_result = next(i for i, (kind, _) in enumerate(seen) if kind == "result")
    assert first_result == 4 * pipeline.batch_size


def test_progress_counts_a_failed_report_once(pipeline, monkeypatch):
    monkeypatch.setenv("COMITY_MAX_REPORT_CHARS", "1000")
    items = articles(20)
    items[7] = Article(id="long", text=TALKS + " More." * 300, published=dt.date(2026, 3, 2))
    failed: list[str] = []
    seen = run(pipeline, items, on_error=lambda article, e: failed.append(article.id))
    assert failed == ["long"]
    assert [n for kind, n in seen if kind == "done"] == [1] * 20
    assert [x for kind, x in seen if kind == "result"] == [a.id for a in items if a.id != "long"]


def test_evaluate_tells_its_total_then_each_report(pipeline, tmp_path):
    """`comity evaluate` on reports (not a predictions file) extracts them first: its bar learns how many
    and then moves once per report."""
    from comity.eval import evaluate

    folder = tmp_path / "reports"
    folder.mkdir()
    for i, text in enumerate([TALKS, NOTHING, TALKS]):
        (folder / f"r{i}.txt").write_text(text + "\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(f'{{"id": "r{i}", "events": [], "meetings": [], "agreements": [], "persons": []}}\n'
                            for i in range(3)), encoding="utf-8")
    calls: list[tuple[str, object]] = []

    def progress(total):
        calls.append(("total", total))
        return lambda n: calls.append(("done", n))

    ev = evaluate(gold, [folder], pipeline=pipeline, progress=progress)
    assert ev.predictions_from == "extracted"
    assert calls == [("total", 3), ("done", 1), ("done", 1), ("done", 1)]
