"""The front door: `extract(text)` for one report, `Pipeline` for batches.

    >>> import comity
    >>> result = comity.extract(text, published="2024-12-18")
    >>> pipe = comity.Pipeline()
    >>> for result in pipe.extract_many(articles): ...

A Pipeline holds the spaCy pipeline (loaded once per process) and turns Articles into
ArticleResults: it normalises the body to NFC for the model, keeps the map back to
the text as given, and hands the finished Doc to `nlp.to_records`.
"""
from __future__ import annotations

import datetime as dt
from itertools import groupby, islice
from os import PathLike
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import limits, sections
from .errors import Errors, InputError
from .ingest.normalize import nfc_with_offsets
from .ingest.plaintext import read_text
from .ingest.wire import dateline_when, header_datelines
from .model import Article, ArticleResult
from .nlp.agencies import home_country
from .nlp.dates import resolve
from .nlp.fastpath import FULL, NO_NER, SKIP, FastPath
from .nlp.gazetteer import load_gazetteer
from .nlp.pipeline import build_pipeline
from .nlp.sentences import sentences
from .nlp.to_records import doc_to_result

PLACE_KINDS = ("CAPITAL", "CITY", "COUNTRY")


def _nothing(n: int) -> None:
    pass


class Pipeline:
    def __init__(self, nlp: Language | None = None, *, model: str | None = None, batch_size: int = 16,
                 dictionaries: Iterable[str | PathLike[str]] = (), fast_path: bool = True,
                 leaders: bool = True):
        """`dictionaries`: actor dictionary files (YAML, CSV, PETRARCH; docs/dictionaries.md).
        `leaders`: the bundled list of world leaders with dated offices (resources/leaders.yaml);
        the dictionaries override it where they name the same spelling or person.
        `fast_path`: reports with nothing comity could record skip tagger, parser and NER
        (comity/nlp/fastpath.py; the records are the same either way)."""
        dictionaries = tuple(str(p) for p in dictionaries)
        if nlp is not None and (dictionaries or not leaders):
            raise ValueError("pass dictionaries and leaders to comity.nlp.build_pipeline() when you bring "
                             "your own nlp")
        self.nlp = nlp if nlp is not None else build_pipeline(model, dictionaries, leaders=leaders)
        self.batch_size = batch_size
        self.fast_path = FastPath.from_nlp(self.nlp) if fast_path else None
        self._disable = {FULL: [], NO_NER: [n for n in ("ner",) if n in self.nlp.pipe_names]}

    def make_doc(self, article: Article, whole: Article | None = None) -> Doc:
        """The Doc of a report, or of one section of `whole` (comity/sections.py): the section's body
        goes to the model, the report's header (dateline, agency, date) says where and when."""
        whole = whole or article
        limit = limits.max_report_chars()
        if len(whole.body) > limit:  # before any per-character work
            raise InputError(whole.origin or whole.id, Errors.E015.format(size=len(whole.body), limit=limit))
        # a section is at most this long; a report longer than this is cut into sections before here
        self.nlp.max_length = max(self.nlp.max_length, len(article.body) + 1)
        body, mapping = nfc_with_offsets(article.body)
        doc = self.nlp.make_doc(body)
        doc._.article = article
        doc._.published = whole.published
        doc._.offset_map = mapping
        doc._.home_country = home_country(whole.source)
        doc._.dateline_place = dateline_place(whole.dateline) or header_dateline_place(whole)
        doc._.dateline_day = dateline_day(whole.text, whole.body_start, whole.published)
        return doc

    def extract(self, article: Article) -> ArticleResult:
        if sections.needs_sections(article, limits.section_chars()):
            return self._extract_sections(article)
        doc = self.make_doc(article)
        route = self.fast_path.route(doc) if self.fast_path is not None else FULL
        if route == SKIP:
            return ArticleResult(article=article)
        return doc_to_result(self.nlp(doc, disable=self._disable[route]), article)

    def _extract_sections(self, article: Article) -> ArticleResult:
        """A report over COMITY_SECTION_CHARS, read a section at a time (comity/sections.py): each
        through the whole pipeline (its sentences are counted, so their numbers run on)."""
        parts = []
        before = 0
        for section in sections.split(article, limits.section_chars()):
            doc = self.nlp(self.make_doc(section, whole=article))
            parts.append((doc_to_result(doc, section), before))
            before += len(sentences(doc).spans)
        return sections.join(article, parts)

    def extract_many(self, articles: Iterable[Article],
                     on_error: Callable[[Article, Exception], None] | None = None,
                     on_progress: Callable[[int], None] | None = None) -> Iterator[ArticleResult]:
        """The results of `articles`, in their order. Without `on_error`, an article that cannot be
        extracted raises; with it, that article is handed to `on_error(article, exception)` instead
        of a result, and the others go on (`extraction_error` makes it the article's InputError).

        `on_progress(1)` is called as each article is done (extracted, or failed), as it leaves the
        model: results come in input order a stretch at a time (reports are grouped by what they
        need of the model), so a progress bar fed by results would move in jumps of a stretch."""
        tick = on_progress or _nothing
        if on_error is None:
            yield from self._extract_many(articles, tick)
            return
        it = iter(articles)
        while chunk := list(islice(it, 4 * self.batch_size)):
            ticked = 0

            def counted(n: int) -> None:
                nonlocal ticked
                ticked += n
                tick(n)

            try:
                results = list(self._extract_many(chunk, counted))
            except Exception:  # noqa: BLE001 -- find which article it was: one at a time
                results = None
            if results is not None:
                yield from results
                continue
            owed = len(chunk) - ticked  # the articles the failed stretch did not get to
            for article in chunk:
                try:
                    result = self.extract(article)
                except Exception as e:  # noqa: BLE001 -- that article's error, not the run's
                    on_error(article, e)
                    result = None
                if owed > 0:
                    owed -= 1
                    tick(1)
                if result is not None:
                    yield result

    def _extract_many(self, articles: Iterable[Article],
                      tick: Callable[[int], None] = _nothing) -> Iterator[ArticleResult]:
        size = limits.section_chars()
        if self.fast_path is None:
            # a run of reports of one pass each through nlp.pipe; a long one alone, in sections
            for long, run in groupby(articles, key=lambda a: sections.needs_sections(a, size)):
                if long:
                    for article in run:
                        result = self.extract(article)
                        tick(1)
                        yield result
                    continue
                for doc in self.nlp.pipe((self.make_doc(a) for a in run), batch_size=self.batch_size):
                    tick(1)
                    yield doc_to_result(doc, doc._.article)
            return
        # a stretch of reports at a time, sorted by what they need of the model (nlp/fastpath.py):
        # nothing, all but the NER, or everything; each group through nlp.pipe, results in input order
        it = iter(articles)
        while chunk := list(islice(it, 4 * self.batch_size)):
            long = {i: self.extract(a) for i, a in enumerate(chunk) if sections.needs_sections(a, size)}
            for _ in long:
                tick(1)
            docs = [self.make_doc(a) for i, a in enumerate(chunk) if i not in long]
            routes = [self.fast_path.route(doc) for doc in docs]
            for _ in range(sum(r not in (FULL, NO_NER) for r in routes)):
                tick(1)  # nothing to record: done without the model
            done: dict[int, Doc] = {}
            for route in (FULL, NO_NER):
                todo = [i for i, r in enumerate(routes) if r == route]
                piped = self.nlp.pipe([docs[i] for i in todo], batch_size=self.batch_size,
                                      disable=self._disable[route])
                for i, doc in zip(todo, piped):
                    done[i] = doc
                    tick(1)
            short = iter(enumerate(docs))
            for n in range(len(chunk)):
                if n in long:
                    yield long[n]
                    continue
                i, doc = next(short)
                article = doc._.article
                yield doc_to_result(done[i], article) if i in done else ArticleResult(article=article)


def extraction_error(article: Article, exc: Exception) -> InputError:
    """The numbered error of one article that could not be extracted, naming it (file and line)."""
    if isinstance(exc, InputError):
        return exc
    return InputError(article.origin or article.id, Errors.E017.format(detail=f"{type(exc).__name__}: {exc}"))


def dateline_place(dateline: str | None) -> tuple[str, str] | None:
    """The place a dateline names ("HÀ NỘI" -> ("Hà Nội", "VNM")), if the gazetteer knows it."""
    if not dateline:
        return None
    for entry in load_gazetteer().lookup(dateline):
        if entry.kind in PLACE_KINDS:
            return entry.canonical, entry.code
    return None


def header_dateline_place(article: Article) -> tuple[str, str] | None:
    """The place of a dateline that opens a line after a page's banner and headline lines
    (`ingest.wire.header_datelines`): the first the gazetteer knows; None when the text opened with
    a dateline of its own or no header line names a known place."""
    if article.dateline or article.text is None:
        return None
    start, end = article.body_span
    for place in header_datelines(article.text, start, end):
        found = dateline_place(place)
        if found:
            return found
    return None


def dateline_day(text: str, body_start: int, published: dt.date | None) -> dt.date | None:
    """The day a wire dateline states ("MOSCOW, August 1. /TASS/."), resolved by the date finder
    against the publication date as a day that has come ("December 30" sent on 2 January is last
    year's); None when the dateline gives no day.

    The dateline is part of the story as the agency sent it, so its day supports the date of what
    the report tells as done; a `date` line, a banner or a crawl stamp alone does not (they say when
    the page was published, not when the encounter was)."""
    when = dateline_when(text, body_start)
    mention = resolve(when, published, tense="past") if when else None
    if mention is None or mention.granularity != "day" or not mention.value:
        return None
    return dt.date.fromisoformat(mention.value)


def parse_published(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as e:
        raise InputError("--published", Errors.E105.format(value=value)) from e


def extract(text: str, *, published: str | dt.date | None = None, id: str = "text",
            pipeline: Pipeline | None = None) -> ArticleResult:
    """Extract the records of one report given as a string (a wire header, if present, is read)."""
    article = read_text(text, id=id, published=parse_published(published))
    return (pipeline or _default_pipeline()).extract(article)


_DEFAULT: Pipeline | None = None


def _default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT
