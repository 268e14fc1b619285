"""Why a record exists: one report, sentence by sentence (`comity explain`, issue 14).

For each sentence: the candidate triggers the event coder weighed (from its trace, which it
writes into `doc.user_data["comity.trace"]` when that list is there: one dict per candidate,
with the rule that matched, the outcome, and for a veto the guard and its reason), then the
records drawn from the sentence with the rule that made each and the steps that changed it.

    >>> explanation = explain(article, pipeline)
    >>> print(render(explanation))

`explain` runs the model; `explanation_of` and `render` do not, so the layout is tested on
hand-made sentences, traces and records.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from .model import Agreement, Article, ArticleResult, Event, Evidence, Mechanism, Meeting, Person, to_dict

if TYPE_CHECKING:
    from .pipeline import Pipeline

TRACE_KEY = "comity.trace"  # doc.user_data: the event coder appends one dict per candidate trigger
WIDTH = 80
INDENT = "    "


@dataclass(frozen=True)
class SentenceExplanation:
    """One sentence (its index is the `sentence` of the evidence of records drawn from it)."""

    sentence: Evidence
    candidates: tuple[dict[str, Any], ...] = ()
    events: tuple[Event, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    mechanisms: tuple[Mechanism, ...] = ()
    persons: tuple[Person, ...] = ()  # the people first named in it

    @property
    def index(self) -> int:
        return self.sentence.sentence

    @property
    def empty(self) -> bool:
        return not (self.candidates or self.events or self.meetings or self.agreements or self.mechanisms
                    or self.persons)


@dataclass(frozen=True)
class Explanation:
    result: ArticleResult
    sentences: tuple[SentenceExplanation, ...]
    traced: bool = True  # whether the event coder traced any candidate (an empty trace may be a coder that keeps none)
    people: dict[str, str] = field(default_factory=dict)  # person id -> name, to show who acts

    @property
    def article(self) -> Article:
        return self.result.article

    def only(self, n: int) -> Explanation:
        """The explanation narrowed to sentence `n` (IndexError if the report has no such sentence)."""
        picked = tuple(s for s in self.sentences if s.index == n)
        if not picked:
            raise IndexError(f"sentence {n} is not in the report (it has sentences 0 to {len(self.sentences) - 1})")
        return Explanation(self.result, picked, self.traced, self.people)


def explain(article: Article, pipeline: Pipeline) -> Explanation:
    """Run the whole pipeline on one report with the event coder's trace on. The fast path is not
    taken: a report it would skip is explained too (its records are the same either way)."""
    from .nlp.sentences import sentences
    from .nlp.to_records import Offsets, doc_to_result

    doc = pipeline.make_doc(article)
    doc.user_data[TRACE_KEY] = []  # before the event coder runs: it writes here when the list exists
    doc = pipeline.nlp(doc)
    result = doc_to_result(doc, article)
    off = Offsets(doc, article)
    spans = [off.evidence(s) for s in sentences(doc).spans]
    trace = doc.user_data.get(TRACE_KEY) or []
    return explanation_of(result, spans, trace, traced=bool(trace))


def explanation_of(result: ArticleResult, sentences: list[Evidence], trace: Iterable[dict[str, Any]],
                   traced: bool = True) -> Explanation:
    """Group a report's trace and records by sentence: events and agreements by their evidence,
    meetings by their first event's, people by their first mention."""
    by_sentence: dict[int, dict[str, list]] = {s.sentence: {} for s in sentences}

    def put(n: int | None, kind: str, item: Any) -> None:
        if n in by_sentence:
            by_sentence[n].setdefault(kind, []).append(item)

    for row in trace:
        put(row.get("sentence"), "candidates", row)
    for event in result.events:
        put(event.evidence.sentence, "events", event)
    sentence_of_event = {e.id: e.evidence.sentence for e in result.events}
    for meeting in result.meetings:
        put(sentence_of_event.get(meeting.events[0]) if meeting.events else None, "meetings", meeting)
    for agreement in result.agreements:
        put(agreement.evidence.sentence, "agreements", agreement)
    for mechanism in result.mechanisms:
        put(mechanism.evidence.sentence, "mechanisms", mechanism)
    for person in result.persons:
        if person.mentions:
            put(_sentence_at(sentences, person.mentions[0][0]), "persons", person)
    explained = tuple(SentenceExplanation(sentence=s, **{k: tuple(v) for k, v in by_sentence[s.sentence].items()})
                      for s in sentences)
    return Explanation(result, explained, traced, {p.id: p.name for p in result.persons})


def _sentence_at(sentences: list[Evidence], char: int) -> int | None:
    """The index of the sentence holding character `char` of the article's text."""
    return next((s.sentence for s in sentences if s.start <= char < max(s.end, s.start + 1)), None)


# ---- JSON --------------------------------------------------------------------------------------------

def to_json(explanation: Explanation) -> dict[str, Any]:
    """The explanation as plain data: records through the one JSON boundary (`to_dict`)."""
    return {
        "article": explanation.article.id,
        "traced": explanation.traced,
        "sentences": [{
            "sentence": s.index, "start": s.sentence.start, "end": s.sentence.end, "text": s.sentence.text,
            "candidates": [dict(c) for c in s.candidates],
            **{kind: [to_dict(r) for r in getattr(s, kind)]
               for kind in ("events", "meetings", "agreements", "mechanisms", "persons")},
        } for s in explanation.sentences],
    }


# ---- text --------------------------------------------------------------------------------------------

def render(explanation: Explanation, width: int = WIDTH, *, all_sentences: bool = True) -> str:
    """The explanation as text at most `width` columns wide where it can be: sentences wrap
    between words, record lines between fields, never inside a code, an id or a rule."""
    return "\n".join(render_lines(explanation, width, all_sentences=all_sentences))


def render_lines(explanation: Explanation, width: int = WIDTH, *, all_sentences: bool = True) -> list[str]:
    article = explanation.article
    header = [f"report {article.id}"] + [x for x in (
        str(article.published) if article.published else None, article.dateline, article.source) if x]
    lines = [" · ".join(header)]
    if not explanation.traced:
        lines += _wrap("(no candidate trigger was traced: the report has no trigger word, or this event coder "
                       "keeps no trace; the records and their rules are below)", width, "")
    for s in explanation.sentences:
        if s.empty and not all_sentences:
            continue
        lines.append("")
        lines += _wrap(s.sentence.text, width, INDENT, first=f"[{s.index}] ")
        lines += _section("candidates", [_candidate(c) for c in s.candidates], width)
        lines += _section("events", [_event(e, explanation.people) for e in s.events], width)
        lines += _section("meetings", [_meeting(m) for m in s.meetings], width)
        lines += _section("agreements", [_agreement(a) for a in s.agreements], width)
        lines += _section("mechanisms", [_mechanism(m) for m in s.mechanisms], width)
        lines += _section("persons", [_person(p) for p in s.persons], width)
    return lines


def _wrap(text: str, width: int, indent: str, first: str = "") -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width, initial_indent=first or indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def _section(title: str, rows: list[list[str]], width: int) -> list[str]:
    if not rows:
        return []
    out = [f"{INDENT}{title}"]
    for fields in rows:
        out += _fields(fields, width, INDENT * 2)
    return out


def _fields(fields: list[str], width: int, indent: str) -> list[str]:
    """Fields joined by two spaces, broken between fields onto a further-indented line; a field
    too long for a line of its own (a quoted name) is broken between its words. Codes, ids and
    rule names hold no space, so no break falls inside one."""
    lines, line, more = [], indent, indent + INDENT

    def put(piece: str, sep: str) -> None:
        nonlocal line
        if line.strip() and len(line) + len(sep) + len(piece) > width:
            lines.append(line)
            line = more
        line += (sep if line.strip() else "") + piece

    for f in (f for f in fields if f):
        if len(more) + len(f) <= width or " " not in f:
            put(f, "  ")
        else:
            for n, word in enumerate(f.split()):
                put(word, " " if n else "  ")
    lines.append(line)
    return lines


def _quoted(text: str | None) -> str:
    return f"“{text}”" if text else ""


def _candidate(c: dict[str, Any]) -> list[str]:
    word = _quoted(c.get("text"))
    rule = c.get("rule") or "(no rule)"
    if c.get("outcome") == "event":
        pair = f"{c.get('source') or '?'}->{c.get('target') or '-'}"
        return [word, rule, f"event {c.get('cameo') or ''}".rstrip(), pair, c.get("date") or "",
                c.get("place") or ""]
    reason = c.get("reason")
    return [word, rule, f"vetoed by {c.get('guard') or '?'}", f"({reason})" if reason else ""]


def _actor(actor, people: dict[str, str]) -> str:
    if actor is None:
        return "-"
    code = actor.name if actor.country == "IGO" and actor.name else (actor.country or "?")
    return f"{code} ({people[actor.person]})" if actor.person in people else code


def _provenance(record) -> list[str]:
    return [f"rule {record.rule}" if record.rule else "no rule",
            f"steps {', '.join(record.steps)}" if record.steps else ""]


def _event(e: Event, people: dict[str, str]) -> list[str]:
    where = e.place.name if e.place else ""
    return [e.id, e.cameo, f"{_actor(e.source, people)}->{_actor(e.target, people)}", e.date or "undated", where,
            _quoted(e.trigger), *_provenance(e)]


def _meeting(m: Meeting) -> list[str]:
    return [m.id, m.kind, "-".join(m.countries), m.date or "undated", f"from {' '.join(m.events)}",
            *_provenance(m)]


def _agreement(a: Agreement) -> list[str]:
    return [a.id, a.kind, a.status, "+".join(a.parties) or "no parties", _quoted(a.name), *_provenance(a)]


def _mechanism(m: Mechanism) -> list[str]:
    return [m.id, m.status, "-".join(m.countries), _quoted(m.name), *_provenance(m)]


def _person(p: Person) -> list[str]:
    office = ", ".join(p.titles)
    return [p.id, p.name, p.country or "no country", office, *_provenance(p)]
