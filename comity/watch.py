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

from .about import __version__
from .errors import InputError
from .model import Article
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


@dataclass(frozen=True)
class Source:
    kind: str  # "feed" or "folder"
    target: str  # the feed's URL or the folder's path
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
    """The sources of a YAML file: a list of `{feed: URL, every: 15m}` or `{folder: PATH, every: 1m}`.
    A relative folder is taken from the file's own folder. Raises WatchError naming file and line."""
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
                         "(- feed: URL / - folder: PATH)")
    sources = []
    for entry in data:
        line = line_of(entry) or line_of(data) or 1
        where = f"{path}:{line}"
        if not isinstance(entry, dict):
            raise WatchError(f"{where}: a source is a mapping such as {{feed: URL, every: 15m}}")
        kinds = [k for k in ("feed", "folder") if k in entry]
        unknown = sorted(str(k) for k in entry if k not in ("feed", "folder", "every"))
        if unknown:
            raise WatchError(f"{path}:{line_of(entry, unknown[0]) or line}: unknown key {unknown[0]!r} "
                             "(known: feed, folder, every)")
        if len(kinds) != 1:
            raise WatchError(f"{where}: a source has exactly one of feed: URL or folder: PATH")
        kind = kinds[0]
        target = entry[kind]
        if not isinstance(target, str) or not target.strip():
            raise WatchError(f"{path}:{line_of(entry, kind) or line}: {kind}: needs a value")
        if kind == "feed" and urlsplit(target).scheme not in ("http", "https"):
            raise WatchError(f"{path}:{line_of(entry, kind) or line}: feed: {target!r} is not an http(s) URL")
        if kind == "folder":
            folder = Path(target).expanduser()
            target = str(folder if folder.is_absolute() else (path.parent / folder))
        try:
            every = parse_every(entry.get("every", f"{DEFAULT_EVERY}s"))
        except ValueError as e:
            raise WatchError(f"{path}:{line_of(entry, 'every') or line}: {e}") from None
        sources.append(Source(kind, target, every, where))
    return sources


def command_line_source(given: str, every: int = DEFAULT_EVERY) -> Source:
    """A URL given on the command line is a feed; anything else, a folder."""
    if urlsplit(given).scheme in ("http", "https"):
        return Source("feed", given, every)
    return Source("folder", str(Path(given).expanduser()), every)


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
    fetched: int = 0  # pages (or files) read
    ingest: IngestCount = field(default_factory=IngestCount)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


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
                                                       seen_at=_now()))

    def source(self, source: str) -> dict[str, Any]:
        with self.store.read() as conn:
            row = conn.execute(select(s.watch_sources).where(s.watch_sources.c.source == source)) \
                .mappings().first()
        return dict(row) if row else {"source": source, "etag": None, "last_modified": None, "failures": 0}

    def polled(self, source: str, *, etag: str | None = None, last_modified: str | None = None,
               error: str | None = None) -> None:
        old = self.source(source)
        row = {"source": source, "checked_at": _now(), "last_error": error,
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
            count.sources += 1
            try:
                if source.kind == "feed":
                    self._feed(source, count)
                else:
                    self._folder(source, count)
            except FetchError as e:
                count.failed.append((source.target, e.reason))
                self.state.polled(source.key, error=e.reason)
                self.report("failed", f"{source.target}: {e.reason}")
        return count

    def loop(self, *, sleep: Callable[[float], None] = time.sleep,
             on_round: Callable[[RoundCount], object] | None = None) -> None:
        """Rounds until stop(): each source when its interval has passed."""
        due = {src.key: 0.0 for src in self.sources}
        while not self.stopping:
            now = time.monotonic()
            ready = [src for src in self.sources if due[src.key] <= now]
            if ready:
                done = self.round(ready)
                if on_round:
                    on_round(done)
                for src in ready:
                    due[src.key] = time.monotonic() + src.every
            wait = min(due.values()) - time.monotonic()
            while wait > 0 and not self.stopping:
                sleep(min(wait, 0.5))
                wait = min(due.values()) - time.monotonic()

    def _ingest(self, source: Source, item: str, article: Article, count: RoundCount) -> None:
        done = ingest_articles(self.store, [article], self.extract, run_id=self.run_id, batch_size=1)
        count.ingest += done
        self.state.mark(source.key, item)

    def _feed(self, source: Source, count: RoundCount) -> None:
        import feedparser

        from .ingest.html import read_html

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
        feed = feedparser.parse(r.content)
        if feed.bozo and not feed.entries:
            raise FetchError(source.target, f"not an RSS or Atom feed ({feed.get('bozo_exception')})")
        seen = self.state.seen(source.key)
        retry = False
        for entry in feed.entries:
            if self.stopping:
                return  # the feed is polled again next time: its unseen entries are still unseen
            link = entry.get("link")
            item = entry.get("id") or link
            if not item or item in seen:
                continue
            if not link:
                self.state.mark(source.key, item, "failed: no link")
                continue
            try:
                page = self.fetcher.get(link)
                count.fetched += 1
                published = _entry_date(entry)
                article = read_html(page.text, id=link, origin=link, published=published)
            except FetchError as e:
                count.failed.append((link, e.reason))
                self.report("failed", f"{link}: {e.reason}")
                if e.permanent:
                    self.state.mark(source.key, item, f"failed: {e.reason}")
                else:
                    retry = True  # the feed's ETag is not kept, so next round reads its entries again
                continue
            except InputError as e:
                count.failed.append((link, str(e)))
                self.report("skipped", str(e))
                self.state.mark(source.key, item, "failed: no text")
                continue
            self._ingest(source, item, article, count)
            seen.add(item)
        self.state.polled(source.key, etag=None if retry else r.headers.get("etag"),
                          last_modified=None if retry else r.headers.get("last-modified"))

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
