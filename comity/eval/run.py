"""``evaluate()``: gold file + predictions (or reports to extract) -> figures. The CLI's logic.

    ev = evaluate("../shared/gold/dev.jsonl", ["../shared/dev"])            # extract, then score
    ev = evaluate("../shared/gold/dev.jsonl", ["records.jsonl"])            # score `comity extract` output
    ev = evaluate("../shared/peer/PLOVER/PLOVER_GSR_CAMEO.txt")             # sentences from the gold file
    ev.flat()   # {"events.f1": 0.61, ...} or {"type_accuracy": 0.42, ...}: what floors are set on

Predictions are recognised by content: a JSON Lines file (optionally gzipped) whose first
record has an ``article`` object is read as FORMAT.md records; anything else is taken as
reports and extracted with comity. For the PLOVER and PETRARCH sets the sentences come from
the gold file and are extracted with the record's date as ``published``.
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, EvalError, InputError
from ..ingest import read_paths, read_text
from ..model import Article, to_dict
from .comity_score import ComityScores, score_comity
from .gold import GoldDoc, detect_format, read_gold, sha256_file
from .peer_score import PeerScores, score_petrarch, score_plover


@dataclass
class Evaluation:
    gold: str
    format: str
    sha256: str
    scores: ComityScores | PeerScores
    predictions_from: str  # "file" | "extracted"
    skipped_inputs: list[str] = field(default_factory=list)
    by_group: dict[str, ComityScores] = field(default_factory=dict)  # group (theme) -> its reports' scores

    def figures(self) -> dict[str, Any]:
        out = {"gold": self.gold, "format": self.format, "sha256": self.sha256,
               "predictions": self.predictions_from, "skipped_inputs": self.skipped_inputs,
               **self.scores.figures(), "confusion": self.scores.confusion.to_dict()}
        if self.by_group:
            out["by_group"] = {name: _headline(s) for name, s in self.by_group.items()}
        return out

    def flat(self) -> dict[str, float]:
        """The headline numbers, one level deep (``events.f1``, ``root_accuracy``): floors use these."""
        out: dict[str, float] = {}
        for key, value in self.scores.figures().items():
            if isinstance(value, float):
                out[key] = value
            elif isinstance(value, dict) and "f1" in value:
                # p, r, f1 and the checks among matches (events.direction, meetings.place, ...)
                out.update({f"{key}.{m}": v for m, v in value.items() if isinstance(v, float)})
        return out


def is_predictions_file(path: Path) -> bool:
    """True for a JSON Lines file of FORMAT.md records (its first record has an ``article``)."""
    if not path.is_file() or not path.name.endswith((".jsonl", ".jsonl.gz", ".json", ".ndjson")):
        return False
    try:
        for line in _lines(path):
            if line.strip():
                data = json.loads(line)
                return isinstance(data, dict) and isinstance(data.get("article"), dict)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, EOFError, gzip.BadGzipFile):
        return False
    return False


def _headline(s: ComityScores) -> dict[str, Any]:
    """A group's figures: report count, and P/R/F1 (with checks) of the four fields."""
    figures = s.figures()
    return {"documents": s.docs, **{name: figures[name] for name in ("events", "meetings", "agreements", "persons")}}


def read_groups(path: str | Path, key: str = "theme") -> dict[str, str]:
    """{report id: group} from a JSON Lines file of objects with ``id`` and ``key`` (the real
    corpus's ``sources.jsonl`` has a ``theme``); raises EvalError (E307) naming the line."""
    groups: dict[str, str] = {}
    for where, data in _json_objects(path, Errors.E307):
        if "id" not in data or key not in data:
            raise EvalError(Errors.E307.format(where=where, detail=f"needs \"id\" and \"{key}\""))
        groups[str(data["id"])] = str(data[key])
    return groups


def score_groups(docs: list[GoldDoc], preds: list[dict], groups: dict[str, str]) -> dict[str, ComityScores]:
    """The comity scores of each group's reports alone (reports of no group go under "(none)")."""
    members: dict[str, list[GoldDoc]] = {}
    for d in docs:
        members.setdefault(groups.get(d.id, "(none)"), []).append(d)
    return {name: score_comity(members[name], preds) for name in sorted(members)}


def _lines(path: Path) -> Iterable[str]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        yield from f


def _json_objects(path: str | Path, error: str):
    """(file:line, object) for each JSON object line of a JSON Lines file (gzip too); any other
    line, or a file that cannot be read, raises EvalError from the template `error`."""
    path = Path(path)
    try:
        for n, line in enumerate(_lines(path), 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as e:
                raise EvalError(error.format(where=f"{path}:{n}", detail=f"not JSON: {e}")) from e
            if not isinstance(data, dict):
                raise EvalError(error.format(where=f"{path}:{n}", detail="expected a JSON object per line"))
            yield f"{path}:{n}", data
    except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile) as e:
        raise EvalError(error.format(where=path, detail=e)) from e


def read_predictions(path: str | Path) -> list[dict]:
    """FORMAT.md records from a JSON Lines file; raises EvalError (E306) naming the line."""
    preds = []
    for where, data in _json_objects(path, Errors.E306):
        if not isinstance(data.get("article"), dict):
            raise EvalError(Errors.E306.format(where=where, detail="no \"article\" object"))
        preds.append(data)
    return preds


def sentence_articles(docs: list[GoldDoc]) -> list[Article]:
    """The peer sets' sentences as Articles, dated by their record (``published``)."""
    articles = []
    for d in docs:
        if d.text:
            try:
                articles.append(read_text(d.text, id=d.id, published=d.published))
            except InputError:
                continue  # a sentence of nothing but a header: scored as a miss
    return articles


def extract_all(articles: Iterable[Article], pipeline=None,
                progress: Callable[[int | None], Callable[[int], None]] | None = None) -> list[dict]:
    """The records of `articles`; `progress(total)` (the CLI's bar) gives the callback told of each
    report as it leaves the model."""
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    articles = list(articles)
    tick = progress(len(articles)) if progress else None
    return [to_dict(r) for r in pipeline.extract_many(articles, on_progress=tick)]


def evaluate(gold: str | Path, inputs: Iterable[str | Path] = (), *, fmt: str | None = None,
             pipeline=None, confusion_by: str = "root", groups: dict[str, str] | None = None,
             progress: Callable[[int | None], Callable[[int], None]] | None = None) -> Evaluation:
    """Score comity on a gold file; see the module docstring for what ``inputs`` may be.
    ``groups`` ({report id: group}, comity gold only) adds each group's own scores. ``progress``:
    when reports are extracted, called once with their number, it returns what is called with 1 as
    each is done (the CLI's bar)."""
    gold = Path(gold)
    fmt = fmt or detect_format(gold)
    docs = read_gold(gold, fmt)
    inputs = [Path(p) for p in inputs]
    skipped: list[str] = []
    if inputs and all(is_predictions_file(p) for p in inputs):
        preds = [rec for p in inputs for rec in read_predictions(p)]
        origin = "file"
    elif inputs:
        articles = []
        for item in read_paths(inputs):
            if isinstance(item, Article):
                articles.append(item)
            elif isinstance(item, InputError):
                skipped.append(str(item))
        preds, origin = extract_all(articles, pipeline, progress), "extracted"
    elif fmt == "comity":
        raise EvalError(Errors.E305)
    else:
        preds, origin = extract_all(sentence_articles(docs), pipeline, progress), "extracted"
    if fmt == "comity":
        scores: ComityScores | PeerScores = score_comity(docs, preds, confusion_by=confusion_by)
    elif fmt == "plover":
        scores = score_plover(docs, preds)
    else:
        scores = score_petrarch(docs, preds)
    by_group = score_groups(docs, preds, groups) if groups and fmt == "comity" else {}
    return Evaluation(str(gold), fmt, sha256_file(gold), scores, origin, skipped, by_group)
