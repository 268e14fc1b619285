"""`comity watch` (issue 18; docs/watch.md): keep a store current from RSS/Atom feeds and folders.

A round polls each source once: a feed is fetched (with its last ETag and Last-Modified), each entry
not yet seen has its page fetched and its main text taken by trafilatura (comity.ingest.html), and the
articles are ingested as `comity ingest` does (storage.batches.ingest_articles: the same dedup, the
same alerts); a folder gives its new or changed files. What was seen lives in the store
(watch_sources, watch_items), so a second round fetches nothing it has and ingests nothing twice.
A source that fails is reported and the others go on.
"""
from __future__ import annotations

import datetime as dt
import re
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from . import retry
from .about import __version__
from .errors import InputError
from .model import Article
from .storage import runs
from .storage import schema as s
from .storage.batches import IngestCount, ingest_articles
from .storage.store import Store

USER_AGENT = f"comity/{__version__} (news watcher; +https://pypi.org/project/comity/)"
TIMEOUT = 20.0  # seconds, per request
MAX_BYTES = 5 * 1024 * 1024  # a feed or page larger than this is refused
DEFAULT_EVERY = 15 * 60  # seconds between polls of one source
_EVERY = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


class WatchError(Exception):
    """A sources file that cannot be used; the message names the file and line."""


class FetchError(Exception):
    """One fetch that failed: `reason` says why; `permanent` when retrying would not help (404, 410...)."""

    def __init__(self, url: str, reason: str, permanent: bool = False):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.permanent = url, reason, permanent


KINDS = ("feed", "sitemap", "jsonl", "folder")  # the keys of a sources file


@dataclass(frozen=True)
class Source:
    kind: str  # one of KINDS: a feed or news sitemap is fetched (either may be either: the body tells)
    target: str  # the URL, the folder's path or the JSON Lines file's path
    every: int = DEFAULT_EVERY  # seconds
    where: str = "command line"  # "watch.yaml:3"

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.target}"


def parse_every(value: object) -> int:
    """"15m", "1h", "90s", "2d" or a number of seconds; raises ValueError."""
    m = _EVERY.match(str(value))
    if not m or int(m.group(1)) <= 0:
        raise ValueError(f"every: {value!r} is not a duration such as 90s, 15m, 1h or 1d")
    return int(m.group(1)) * _UNITS[m.group(2)]


def load_sources(path: Path) -> list[Source]:
    """The sources of a YAML file: a list of `{feed: URL, every: 15m}`, `{sitemap: URL}`, `{jsonl: PATH}`
    or `{folder: PATH, every: 1m}`. A relative path is taken from the file's own folder. Raises
    WatchError naming file and line."""
    import yaml

    from .source_yaml import line_of, load_source_lines

    try:
        data = load_source_lines(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise WatchError(f"{path}: cannot read: {e.strerror or e}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise WatchError(f"{where}: not YAML: {getattr(e, 'problem', None) or e}") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise WatchError(f"{path}:{line_of(data) or 1}: expected a list of sources "
                         "(- feed: URL / - sitemap: URL / - jsonl: PATH / - folder: PATH)")
    sources = []
    for entry in data:
        line = line_of(entry) or line_of(data) or 1
        where = f"{path}:{line}"
        if not isinstance(entry, dict):
            raise WatchError(f"{where}: a source is a mapping such as {{feed: URL, every: 15m}}")
        kinds = [k for k in KINDS if k in entry]
        unknown = sorted(str(k) for k in entry if k not in (*KINDS, "every"))
        if unknown:
            raise WatchError(f"{path}:{line_of(entry, unknown[0]) or line}: unknown key {unknown[0]!r} "
                             f"(known: {', '.join(KINDS)}, every)")
        if len(kinds) != 1:
            raise WatchError(f"{where}: a source has exactly one of feed: URL, sitemap: URL, jsonl: PATH "
                             "or folder: PATH")
        kind = kinds[0]
        target = entry[kind]
        if not isinstance(target, str) or not target.strip():
            raise WatchError(f"{path}:{line_of(entry, kind) or line}: {kind}: needs a value")
        if kind in ("feed", "sitemap") and urlsplit(target).scheme not in ("http", "https"):
            raise WatchError(f"{path}:{line_of(entry, kind) or line}: {kind}: {target!r} is not an http(s) URL")
        if kind in ("folder", "jsonl"):
            local = Path(target).expanduser()
            target = str(local if local.is_absolute() else (path.parent / local))
        try:
            every = parse_every(entry.get("every", f"{DEFAULT_EVERY}s"))
        except ValueError as e:
            raise WatchError(f"{path}:{line_of(entry, 'every') or line}: {e}") from None
        sources.append(Source(kind, target, every, where))
    return sources


def command_line_source(given: str, every: int = DEFAULT_EVERY) -> Source:
    """A URL given on the command line is a feed or a news sitemap (its body tells which); a `.jsonl`
    file, JSON Lines that grow; anything else, a folder."""
    if urlsplit(given).scheme in ("http", "https"):
        return Source("feed", given, every)
    local = Path(given).expanduser()
    if local.suffix.lower() in (".jsonl", ".ndjson") and not local.is_dir():
        return Source("jsonl", str(local), every)
    return Source("folder", str(local), every)


@dataclass
class Page:
    """A fetched answer: status, headers (lower-case names), the body and the charset it declared."""

    status_code: int
    headers: dict[str, str]
    content: bytes
    charset: str | None

    @property
    def text(self) -> str:
        try:
            return self.content.decode(self.charset or "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know
            return self.content.decode("utf-8", errors="replace")


class Fetcher:
    """httpx with comity's User-Agent, a timeout, a size cap, robots.txt and one request at a time per
    host (a lock per host: the watcher is sequential, the lock keeps it so if that changes)."""

    def __init__(self, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, user_agent: str = USER_AGENT):
        import httpx

        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.client = httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=5,
                                   headers={"User-Agent": user_agent})
        self._locks: dict[str, threading.Lock] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        self.client.close()

    def _lock(self, url: str) -> threading.Lock:
        return self._locks.setdefault(urlsplit(url).netloc, threading.Lock())

    def allowed(self, url: str) -> bool:
        """robots.txt of the URL's host, fetched once per host; none (or unreadable) allows all."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = None
            try:
                with self._lock(url):
                    r = self.client.get(f"{host}/robots.txt")
                if r.status_code == 200 and len(r.content) <= self.max_bytes:
                    parser = urllib.robotparser.RobotFileParser()
                    parser.parse(r.text.splitlines())
            except Exception:
                parser = None
            self._robots[host] = parser
        parser = self._robots[host]
        return parser is None or parser.can_fetch(self.user_agent, url)

    def get(self, url: str, headers: dict[str, str] | None = None) -> Page:
        """The answer (status 200 or 304), its body read up to the size cap; raises FetchError."""
        import httpx

        if not self.allowed(url):
            raise FetchError(url, "disallowed by robots.txt", permanent=True)
        try:
            with self._lock(url), self.client.stream("GET", url, headers=headers or {}) as r:
                if r.status_code == 304:
                    return Page(304, dict(r.headers), b"", None)
                if r.status_code >= 400:
                    raise FetchError(url, f"HTTP {r.status_code} {r.reason_phrase}".strip(),
                                     permanent=r.status_code in (404, 410, 401, 403, 451))
                declared = r.headers.get("content-length") or ""
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(url, f"larger than {self.max_bytes} bytes", permanent=True)
                body = bytearray()
                for chunk in r.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(url, f"larger than {self.max_bytes} bytes", permanent=True)
                return Page(r.status_code, dict(r.headers), bytes(body), r.charset_encoding)
        except httpx.TooManyRedirects:
            raise FetchError(url, "too many redirects") from None
        except httpx.TimeoutException:
            raise FetchError(url, "timed out") from None
        except httpx.HTTPError as e:
            raise FetchError(url, f"{type(e).__name__}: {e}") from None


@dataclass
class RoundCount:
    sources: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source or item, reason)
    fetched: int = 0  # pages (or files, or JSON lines) read
    waiting: int = 0  # sources skipped this round: they failed in a row and their backoff runs
    ingest: IngestCount = field(default_factory=IngestCount)


class State:
    """What the store knows of the watched sources."""

    def __init__(self, store: Store):
        self.store = store

    def seen(self, source: str) -> set[str]:
        with self.store.read() as conn:
            return set(conn.execute(select(s.watch_items.c.item).where(s.watch_items.c.source == source))
                       .scalars())

    def mark(self, source: str, item: str, status: str = "ingested") -> None:
        with self.store.write() as conn:
            conn.execute(s.watch_items.delete().where((s.watch_items.c.source == source)
                                                      & (s.watch_items.c.item == item)))
            conn.execute(s.watch_items.insert().values(source=source, item=item, status=status,
                                                       seen_at=runs.now()))

    def source(self, source: str) -> dict[str, Any]:
        with self.store.read() as conn:
            row = conn.execute(select(s.watch_sources).where(s.watch_sources.c.source == source)) \
                .mappings().first()
        return dict(row) if row else {"source": source, "etag": None, "last_modified": None, "failures": 0}

    def backoff_seconds(self, source: str) -> float:
        """How long a source that failed its last polls in a row waits before the next (comity.retry:
        1 min, doubling, at most 6 h); 0 for a source whose last poll went well."""
        return retry.delay(self.source(source).get("failures") or 0)

    def backing_off(self, source: str) -> str | None:
        """Why the source is not polled now ("failed 3 times in a row, last: HTTP 500; next try after
        ..."), or None when it may be."""
        known = self.source(source)
        wait = retry.delay(known.get("failures") or 0)
        if not wait or not known.get("checked_at"):
            return None
        try:
            again = dt.datetime.fromisoformat(known["checked_at"]) + dt.timedelta(seconds=wait)
        except ValueError:
            return None
        if again <= dt.datetime.now(dt.timezone.utc):
            return None
        return (f"failed {known['failures']} time(s) in a row (last: {known.get('last_error')}); "
                f"next try after {again.isoformat(timespec='seconds')}")

    def polled(self, source: str, *, etag: str | None = None, last_modified: str | None = None,
               error: str | None = None) -> None:
        old = self.source(source)
        row = {"source": source, "checked_at": runs.now(), "last_error": error,
               "failures": (old.get("failures") or 0) + 1 if error else 0,
               "etag": old.get("etag") if error else etag,
               "last_modified": old.get("last_modified") if error else last_modified}
        with self.store.write() as conn:
            conn.execute(s.watch_sources.delete().where(s.watch_sources.c.source == source))
            conn.execute(s.watch_sources.insert().values(**row))


Report = Callable[[str, str], None]  # (label, message): "failed", "new"...
Extract = Callable[[list[Article]], Iterable[Any]]


class Watcher:
    """Runs rounds over `sources` into `store`; `extract` as for ingest_articles; `report(label, msg)`
    tells what happens; `stop()` (a signal) makes a round end between articles."""

    def __init__(self, store: Store, sources: list[Source], extract: Extract, *, report: Report,
                 fetcher: Fetcher | None = None, run_id: int | None = None):
        self.store, self.sources, self.extract, self.report = store, sources, extract, report
        self.fetcher = fetcher or Fetcher()
        self.state = State(store)
        self.run_id = run_id
        self.stopping = False

    def stop(self) -> None:
        self.stopping = True

    def round(self, sources: list[Source] | None = None) -> RoundCount:
        count = RoundCount()
        for source in sources if sources is not None else self.sources:
            if self.stopping:
                break
            wait = self.state.backing_off(source.key)
            if wait:
                count.waiting += 1
                self.report("waiting", f"{source.target}: {wait}")
                continue
            count.sources += 1
            try:
                if source.kind in ("feed", "sitemap"):
                    self._feed(source, count)
                elif source.kind == "jsonl":
                    self._jsonl(source, count)
                else:
                    self._folder(source, count)
            except FetchError as e:
                count.failed.append((source.target, e.reason))
                self.state.polled(source.key, error=e.reason)
                self.report("failed", f"{source.target}: {e.reason}")
        return count

    def loop(self, *, sleep: Callable[[float], None] = time.sleep,
             on_round: Callable[[RoundCount], object] | None = None) -> None:
        """Rounds until stop(): each source when its interval has passed (or, after failures in a row,
        when its backoff has, if that is longer)."""
        due = {src.key: 0.0 for src in self.sources}
        while not self.stopping:
            now = time.monotonic()
            ready = [src for src in self.sources if due[src.key] <= now]
            if ready:
                done = self.round(ready)
                if on_round:
                    on_round(done)
                for src in ready:
                    due[src.key] = time.monotonic() + max(src.every, self.state.backoff_seconds(src.key))
            wait = min(due.values()) - time.monotonic()
            while wait > 0 and not self.stopping:
                sleep(min(wait, 0.5))
                wait = min(due.values()) - time.monotonic()

    def _ingest(self, source: Source, item: str, article: Article, count: RoundCount) -> None:
        done = ingest_articles(self.store, [article], self.extract, run_id=self.run_id, batch_size=1)
        count.ingest += done
        self.state.mark(source.key, item)

    def _feed(self, source: Source, count: RoundCount) -> None:
        """A feed (RSS, Atom) or a news sitemap (a urlset, or a sitemap index of them): the body says
        which, so either key of a sources file, or a bare URL on the command line, takes both."""
        known = self.state.source(source.key)
        headers = {}
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        r = self.fetcher.get(source.target, headers)
        if r.status_code == 304:
            self.state.polled(source.key, etag=known.get("etag"), last_modified=known.get("last_modified"))
            return
        entries = sitemap_entries(r.content, source.target, self.fetcher)
        if entries is None:
            entries = feed_entries(r.content, source.target)
        retry = self._entries(source, entries, count)
        if self.stopping:
            return  # polled again next time: its unseen entries are still unseen
        self.state.polled(source.key, etag=None if retry else r.headers.get("etag"),
                          last_modified=None if retry else r.headers.get("last-modified"))

    def _entries(self, source: Source, entries: list[Entry], count: RoundCount) -> bool:
        """Fetch and ingest each entry not seen before; True when one failed for now (a 5xx, a timeout),
        so the source's validators must not be kept and the next round reads it in full again."""
        from .ingest.html import read_html

        seen = self.state.seen(source.key)
        retry = False
        for entry in entries:
            if self.stopping:
                return retry
            if not entry.item or entry.item in seen:
                continue
            if not entry.link:
                self.state.mark(source.key, entry.item, "failed: no link")
                continue
            try:
                page = self.fetcher.get(entry.link)
                count.fetched += 1
                if not _looks_like_html(page):
                    raise FetchError(entry.link, f"not an HTML page ({page.headers.get('content-type')})",
                                     permanent=True)
                article = read_html(page.text, id=entry.link, origin=entry.link, published=entry.published)
            except FetchError as e:
                count.failed.append((entry.link, e.reason))
                self.report("failed", f"{entry.link}: {e.reason}")
                if e.permanent:
                    self.state.mark(source.key, entry.item, f"failed: {e.reason}")
                else:
                    retry = True
                continue
            except InputError as e:
                count.failed.append((entry.link, str(e)))
                self.report("skipped", str(e))
                self.state.mark(source.key, entry.item, "failed: no text")
                continue
            self._ingest(source, entry.item, article, count)
            seen.add(entry.item)
        return retry

    def _jsonl(self, source: Source, count: RoundCount) -> None:
        """A JSON Lines file that grows (a crawler's output, say): each round reads the whole lines
        written since the last one, from the byte offset kept in the store; a line still being written
        (no newline yet) waits for the next round. A file that got shorter was replaced: it is read
        again from its start, and the store's dedup skips what it has."""
        from .ingest.jsonl import article_from_line

        path = Path(source.target)
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise FetchError(source.target, "not a file")
        except OSError as e:
            raise FetchError(source.target, f"cannot read: {e.strerror or e}") from None
        offset, line = _position(self.state.source(source.key).get("etag"))
        if size < offset:
            self.report("restarted", f"{source.target}: shorter than last read; reading it from the start")
            offset, line = 0, 0
        if size == offset:
            self.state.polled(source.key, etag=_position_tag(offset, line))
            return
        try:
            with path.open("rb") as f:
                f.seek(offset)
                chunk = f.read(min(size - offset, JSONL_ROUND_BYTES))
        except OSError as e:
            raise FetchError(source.target, f"cannot read: {e.strerror or e}") from None
        whole = chunk[:chunk.rfind(b"\n") + 1]  # only finished lines
        if not whole and len(chunk) == JSONL_ROUND_BYTES:
            raise FetchError(source.target, f"a line longer than {JSONL_ROUND_BYTES} bytes at byte {offset}",
                             permanent=True)
        text = whole.decode("utf-8", errors="replace")
        lines = text.split("\n")[:-1]  # split on "\n" only, as `comity ingest` does (JSON allows U+2028)
        for n, raw in enumerate(lines, line + 1):
            if self.stopping:
                return  # this round's lines are read again next time; the dedup skips the stored ones
            item = article_from_line(raw, f"{path}:{n}", f"{path.stem}-{n}")
            if item is None:
                continue
            count.fetched += 1
            if isinstance(item, InputError):
                count.failed.append((item.where, str(item)))
                self.report("skipped", str(item))
            else:
                count.ingest += ingest_articles(self.store, [item], self.extract, run_id=self.run_id,
                                                batch_size=1)
        self.state.polled(source.key, etag=_position_tag(offset + len(whole), line + len(lines)))

    def _folder(self, source: Source, count: RoundCount) -> None:
        from .ingest import InputWarning, files, read_paths

        folder = Path(source.target)
        if not folder.is_dir():
            raise FetchError(source.target, "not a folder")
        seen = self.state.seen(source.key)
        for file in files.walk(folder):
            if self.stopping:
                return
            if isinstance(file, (InputError, InputWarning)):
                continue
            try:
                st = file.stat()
            except OSError:
                continue
            item = f"{file}|{st.st_size}|{st.st_mtime_ns}"
            if item in seen:
                continue
            count.fetched += 1
            for article in read_paths([file]):
                if isinstance(article, InputError):
                    count.failed.append((str(file), str(article)))
                    self.report("skipped", str(article))
                elif isinstance(article, Article):
                    count.ingest += ingest_articles(self.store, [article], self.extract,
                                                    run_id=self.run_id, batch_size=1)
            self.state.mark(source.key, item)
        self.state.polled(source.key)


JSONL_ROUND_BYTES = 64 * 1024 * 1024  # at most this much of a growing JSON Lines file per round
SITEMAP_CHILDREN = 50  # at most this many sitemaps of a sitemap index per round
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class Entry:
    """One item a feed or sitemap lists: its key in watch_items, the page, the date it gives."""

    item: str | None
    link: str | None
    published: dt.date | None = None


def feed_entries(body: bytes, url: str) -> list[Entry]:
    """The entries of an RSS or Atom feed; FetchError when the body is no feed."""
    import feedparser

    feed = feedparser.parse(body)
    if feed.bozo and not feed.entries:
        raise FetchError(url, f"not an RSS or Atom feed ({feed.get('bozo_exception')})")
    return [Entry(e.get("id") or e.get("link"), e.get("link"), _entry_date(e)) for e in feed.entries]


def sitemap_entries(body: bytes, url: str, fetcher: Fetcher | None = None) -> list[Entry] | None:
    """The pages of a sitemap (`<urlset>`, news sitemaps included: their publication date is the
    report's date when its page gives none), or of the sitemaps a `<sitemapindex>` lists (fetched
    with `fetcher`, at most SITEMAP_CHILDREN, newest first as listed); None when the body is not a
    sitemap. A page's key is its URL (a sitemap lists each page once)."""
    import xml.etree.ElementTree as ET

    if b"urlset" not in body[:2048] and b"sitemapindex" not in body[:2048]:
        return None  # cheap test first: most feeds never reach the XML parser twice
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return None
    tag = root.tag.removeprefix(_SITEMAP_NS)
    if tag == "urlset":
        entries = []
        for node in root.iter(f"{_SITEMAP_NS}url"):
            loc = (node.findtext(f"{_SITEMAP_NS}loc") or "").strip()
            when = node.findtext(f"{_NEWS_NS}news/{_NEWS_NS}publication_date") \
                or node.findtext(f"{_SITEMAP_NS}lastmod")
            entries.append(Entry(loc or None, loc or None, _iso_date(when)))
        return entries
    if tag == "sitemapindex":
        if fetcher is None:
            return []
        children = [(n.findtext(f"{_SITEMAP_NS}loc") or "").strip()
                    for n in root.iter(f"{_SITEMAP_NS}sitemap")][:SITEMAP_CHILDREN]
        entries = []
        for child in filter(None, children):
            got = sitemap_entries(fetcher.get(child).content, child)  # an index inside an index: ignored
            if got is None:
                raise FetchError(child, "not a sitemap (listed by a sitemap index)")
            entries += got
        return entries
    return None


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10]) if value else None
    except ValueError:
        return None


def _looks_like_html(page: Page) -> bool:
    """A page to read: HTML by its Content-Type, or, with none or a generic one, by its first bytes.
    A PDF, an image or a JSON answer listed by a feed is reported, not read as prose."""
    ctype = page.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml", "text/plain"):
        return True
    if ctype and ctype not in ("application/octet-stream", "binary/octet-stream"):
        return False
    start = page.content[:512].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in start


def _position(tag: str | None) -> tuple[int, int]:
    """(byte offset, lines read) of a JSON Lines source, kept in its `etag` column as "bytes=N;lines=M"."""
    try:
        parts = dict(p.split("=", 1) for p in (tag or "").split(";") if "=" in p)
        return int(parts.get("bytes", 0)), int(parts.get("lines", 0))
    except ValueError:
        return 0, 0


def _position_tag(offset: int, lines: int) -> str:
    return f"bytes={offset};lines={lines}"


def _entry_date(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]) if parsed else None


def iter_sources(sources: Iterable[Source]) -> Iterator[Source]:
    """Each source once (the same feed or folder named twice is polled once)."""
    seen: set[str] = set()
    for src in sources:
        if src.key not in seen:
            seen.add(src.key)
            yield src
