"""comity_actors: mark states, capitals, cities, demonyms and organisations from the gazetteer.

A PhraseMatcher over the compiled patterns (case-sensitive, so "Chad" the state is not
"chad"), longest match wins. Spans go to `doc.spans["comity_actors"]` with the label
of the entry (COUNTRY, DEMONYM, CAPITAL, CITY, ORG, IGO, ORG_HEAD) and `span.kb_id_`
"<code>|<sector>|<canonical name>".

The small model's NER is often wrong on exactly these names (it labels "Việt Nam" an
organisation and "Lao" a product), so the gazetteer is authoritative where it matches.
"""
from __future__ import annotations

import json
from bisect import bisect_left
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...errors import DataError, Errors

SPANS_KEY = "comity_actors"
LABELS = ("COUNTRY", "DEMONYM", "CAPITAL", "CITY", "ORG", "IGO", "ORG_HEAD", "PLACE")  # PLACE: seas, islands: no actor


def default_patterns_path() -> Path:
    from ..compile import PATTERNS_PATH

    return Path(PATTERNS_PATH)


class ActorGazetteer:
    def __init__(self, nlp: Language, name: str, *, spans_key: str = SPANS_KEY):
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.patterns: list[dict] = []

    def initialize(self, get_examples=None, *, nlp=None, patterns: Iterable[dict] | None = None) -> None:
        self.add_patterns(patterns if patterns is not None else load_patterns(default_patterns_path()))

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        patterns = list(patterns)
        by_key: dict[str, list[Doc]] = {}
        # make_doc only tokenizes: compiling thousands of phrases stays fast
        for p in patterns:
            key = f"{p['label']}\t{p['id']}"
            by_key.setdefault(key, []).append(self.nlp.make_doc(p["pattern"]))
        for key, docs in by_key.items():
            self.matcher.add(key, docs)
        self.patterns.extend(patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans = self.match(doc)
        self.set_annotations(doc, spans)
        return doc

    def match(self, doc: Doc) -> list[Span]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, kb_id = self.nlp.vocab.strings[match_id].split("\t", 1)
            spans.append(Span(doc, start, end, label=label, kb_id=kb_id))
        return filter_spans(spans)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        doc.spans[self.spans_key] = spans

    def to_disk(self, path, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with open(path / "patterns.jsonl", "w", encoding="utf-8") as f:
            for p in self.patterns:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")

    def from_disk(self, path, exclude=()):
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.patterns = []
        self.add_patterns(load_patterns(Path(path) / "patterns.jsonl"))
        return self


def load_patterns(path: Path) -> list[dict]:
    if not path.exists():
        raise DataError(Errors.E103.format(path=path))
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@Language.factory(
    "comity_actors",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY},
)
def make_actor_gazetteer(nlp: Language, name: str, spans_key: str) -> ActorGazetteer:
    return ActorGazetteer(nlp, name, spans_key=spans_key)


def entry_of(span: Span) -> tuple[str, str | None, str]:
    """(code, sector, canonical name) of a gazetteer span."""
    code, sector, canonical = (span.kb_id_.split("|") + ["", ""])[:3]
    return code, sector or None, canonical


class ActorIndex:
    """The gazetteer's spans of one Doc, made into `Span` objects once and indexed by token.

    Iterating `doc.spans["comity_actors"]` builds a new `Span` for every span on every pass; rules
    that asked "which actor covers this token?" that way cost a pass over the whole report per
    token, and a long report's time grew with the square of its length. Read them here instead."""

    def __init__(self, doc: Doc):
        self.spans: tuple[Span, ...] = tuple(doc.spans.get(SPANS_KEY, ()))
        self.by_start = sorted(self.spans, key=lambda s: s.start)
        self._starts = [s.start for s in self.by_start]
        self._covering: dict[int, list[Span]] = {}
        for s in self.spans:
            for i in range(s.start, s.end):
                self._covering.setdefault(i, []).append(s)

    def covering(self, i: int) -> list[Span]:
        """The spans that contain token `i`, in the group's order."""
        return self._covering.get(i, [])

    def starting_in(self, start: int, end: int) -> list[Span]:
        """The spans whose first token lies in [start, end) (a sentence's), by position."""
        return self.by_start[bisect_left(self._starts, start):bisect_left(self._starts, end)]


_INDEX_KEY = "comity.actor_index"


def actor_index(doc: Doc) -> ActorIndex:
    """The Doc's `ActorIndex`, built on first use and kept in `doc.user_data` (comity's components
    only read the actor spans once the gazetteer has set them; a changed group is indexed anew)."""
    found = doc.user_data.get(_INDEX_KEY)
    group = doc.spans.get(SPANS_KEY)
    if found is None or len(found.spans) != (len(group) if group is not None else 0):
        found = doc.user_data[_INDEX_KEY] = ActorIndex(doc)
    return found
