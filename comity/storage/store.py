"""The Store: saves ArticleResults, one transaction per batch, and never stores a thing twice.

    store = Store.open()                 # $COMITY_DB, or the default SQLite file
    run = store.begin_run(["reports/"])
    store.save(results, run_id=run)      # all of the batch, or (killed midway) none of it
    store.finish_run(run, counts)

What "twice" means (keys in mapping.py):
- the same copy read again (same text and header): skipped;
- the same body under another header (an aggregator's repost): stored as another copy
  (another source) of the story, with no records of its own;
- another report of the same happening (VNA's and Xinhua's stories of one signing): its own
  story and mentions, but its events join the existing ones (same date, code and dyad), and
  it joins their story when both were published within STORY_WINDOW_DAYS;
- people by folded name, meetings by date and countries, agreements and mechanisms by
  comity.link's keys: one row each, one observation per report.

SQLite takes the write lock at BEGIN (IMMEDIATE), so a second writer queues and readers
(WAL) go on reading the last committed state.
"""
from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, String, Table, bindparam, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import Errors, StoreError
from ..model import ArticleResult
from ..alert_rules import AlertRule
from . import alerts
from . import runs
from . import counts as event_counts
from . import mapping as m
from . import schema as s
from .engine import display_url, make_engine, resolve_url
from .migrate import ensure_current

STORY_WINDOW_DAYS = 3  # two reports of one happening published this far apart are one story
HEARTBEAT_SECONDS = 30.0  # a run renews its sign of life at most this often (storage/runs.py)
RESUME_LOOKBACK = 50  # the runs looked through for an earlier run of the same paths


@dataclass
class SaveCount:
    new: int = 0  # stories or retellings stored with their records
    copies: int = 0  # another copy of a stored body: a new source, no new records
    known: int = 0  # this very copy was already in the store
    alerts: int = 0  # alerts raised by the stored rules (storage/alerts.py)

    def __iadd__(self, other: SaveCount) -> SaveCount:
        self.new += other.new
        self.copies += other.copies
        self.known += other.known
        self.alerts += other.alerts
        return self


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._beats: dict[int, float] = {}  # run id -> when its heartbeat was last written (monotonic)

    @classmethod
    def open(cls, db: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Store:
        """The store at `db` (a URL or a file path), `$COMITY_DB`, or the default file; brought
        up to the current schema unless `migrate=False`."""
        url = resolve_url(db)
        engine = make_engine(url)
        if migrate:
            try:
                ensure_current(engine)
            except StoreError:
                engine.dispose()
                raise
            except Exception as e:  # a server that is down, a file we may not write...
                engine.dispose()
                raise StoreError(Errors.E202.format(url=display_url(url), detail=str(e).splitlines()[0])) from e
        return cls(engine)

    @property
    def url(self) -> str:
        return display_url(str(self.engine.url))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for queries (comity.query takes it)."""
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction: committed whole at the end, rolled back whole on any error."""
        with self.engine.connect() as conn:
            conn.info["write"] = True  # engine.py: BEGIN IMMEDIATE on SQLite
            try:
                with conn.begin():
                    yield conn
            finally:
                conn.info["write"] = False

    # ---- runs ------------------------------------------------------------------------------------

    def begin_run(self, paths: Iterable[str]) -> int:
        """A new run, `running`, naming this process (storage/runs.py); it `resumes` the previous run of
        the same paths when that one was interrupted or failed."""
        from ..about import __version__

        given = [str(p) for p in paths]
        with self.write() as conn:
            previous = conn.execute(select(s.runs.c.paths, s.runs.c.id, s.runs.c.status)
                                    .order_by(s.runs.c.id.desc()).limit(RESUME_LOOKBACK)).all()
            same = next((r for r in previous if r.paths == given), None)
            resumes = same.id if same is not None and same.status in (runs.INTERRUPTED, runs.FAILED) else None
            return conn.execute(insert(s.runs).values(
                started_at=runs.now(), status=runs.RUNNING, paths=given, comity_version=__version__,
                n_read=0, n_new=0, n_known=0, n_skipped=0, resumes=resumes, **runs.this_process())
                .returning(s.runs.c.id)).scalar_one()

    def run(self, run_id: int) -> dict[str, Any]:
        """One row of the runs table, as stored."""
        with self.read() as conn:
            return dict(conn.execute(select(s.runs).where(s.runs.c.id == run_id)).mappings().one())

    def heartbeat(self, run_id: int, *, every: float = HEARTBEAT_SECONDS) -> None:
        """Renew the run's sign of life, at most once per `every` seconds (a run of another machine is
        taken as interrupted when it has given none for COMITY_RUN_STALE_MINUTES)."""
        import time

        last = self._beats.get(run_id)
        if last is not None and time.monotonic() - last < every:
            return
        self._beats[run_id] = time.monotonic()
        with self.write() as conn:
            conn.execute(update(s.runs).where(s.runs.c.id == run_id).values(heartbeat_at=runs.now()))

    def finish_run(self, run_id: int, *, status: str = "done", read: int = 0, new: int = 0, known: int = 0,
                   skipped: int = 0) -> None:
        with self.write() as conn:
            conn.execute(update(s.runs).where(s.runs.c.id == run_id).values(
                finished_at=runs.now(), heartbeat_at=runs.now(), status=status, n_read=read, n_new=new, n_known=known,
                n_skipped=skipped))

    def mark_interrupted(self) -> list[dict[str, Any]]:
        """Mark `interrupted` every `running` run whose process is gone (storage/runs.py), with the
        reports it stored as its `n_new`; returns those runs (id, started_at, paths, pid, host, n_new)."""
        marked = []
        with self.write() as conn:
            for run in conn.execute(select(s.runs).where(s.runs.c.status == runs.RUNNING)).mappings().all():
                if not runs.is_stale(run):
                    continue
                stored = conn.execute(runs.stored(run["id"])).scalar_one()
                conn.execute(update(s.runs).where(s.runs.c.id == run["id"]).values(
                    status=runs.INTERRUPTED, n_new=stored))
                marked.append({**run, "status": runs.INTERRUPTED, "n_new": stored})
        return marked

    # ---- reading what is there -------------------------------------------------------------------

    def known_copies(self, hashes: Iterable[str]) -> set[str]:
        """Which of these copy hashes are stored: ingest skips them before extracting."""
        wanted = list(hashes)
        found: set[str] = set()
        with self.read() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                found.update(conn.execute(select(s.articles.c.copy_hash)
                                          .where(s.articles.c.copy_hash.in_(chunk))).scalars())
        return found

    def counts(self) -> dict[str, int]:
        with self.read() as conn:
            return {name: conn.execute(select(func.count()).select_from(s.metadata.tables[name])).scalar_one()
                    for name in s.COUNTED}

    # ---- writing ---------------------------------------------------------------------------------

    def save(self, results: Sequence[ArticleResult], *, run_id: int | None = None) -> SaveCount:
        """Store a batch in one transaction; see the module docstring for what is skipped."""
        count = SaveCount()
        with self.write() as conn:
            writer = _Writer(conn, run_id)
            for result in results:
                count += writer.save(result)
            count.alerts = writer.finish()
        return count

    # ---- alert rules (storage/alerts.py) -----------------------------------------------------------

    def save_rules(self, rules: Sequence[AlertRule]) -> dict[str, str]:
        """Keep these alert rules (by name: a known name is redefined); {name: added|replaced|unchanged}."""
        with self.write() as conn:
            return alerts.save_rules(conn, rules, runs.now())


class _Writer:
    """Writes one batch inside one transaction. Statements are built once (SQLAlchemy caches
    their compiled form) and observation rows are sent together at the end (executemany)."""

    def __init__(self, conn: Connection, run_id: int | None):
        self.conn = conn
        self.run_id = run_id
        self.sqlite = conn.dialect.name == "sqlite"
        self.ids: dict[tuple[str, str], int] = {}  # (table, key) -> id, for this batch
        self.pending: dict[str, list[dict[str, Any]]] = defaultdict(list)  # table -> rows to insert
        self.touched_events: set[int] = set()
        self.new_event_counts: Counter[event_counts.Cell] = Counter()  # what the events created add to event_counts
        self.agreement_obs: dict[int, int] = defaultdict(int)  # agreement id -> observations in this batch
        self.new_agreements: set[int] = set()
        self.new_articles: list[int] = []  # reports stored, or copied, in this batch: what alert rules read

    # -- helpers

    def _insert_ignore(self, table: Table, rows: list[dict[str, Any]]) -> None:
        dialect = sqlite if self.sqlite else postgresql
        self.conn.execute(dialect.insert(table).on_conflict_do_nothing(), rows)

    def _ids(self, table: Table, rows: list[dict[str, Any]]) -> tuple[list[int], set[int]]:
        """The ids of the rows with these keys, inserting the missing ones; and which ids are new."""
        wanted = {r["key"]: r for r in rows if (table.name, r["key"]) not in self.ids}
        created: set[int] = set()
        if wanted:
            found = dict(self.conn.execute(_BY_KEY[table.name], {"keys": list(wanted)}).all())
            missing = [r for k, r in wanted.items() if k not in found]
            if missing:
                if self.sqlite:  # one writer at a time (BEGIN IMMEDIATE): every missing key is ours
                    self._insert_ignore(table, missing)
                    new = dict(self.conn.execute(_BY_KEY[table.name], {"keys": [r["key"] for r in missing]}).all())
                    created = set(new.values())
                else:
                    # ON CONFLICT: another writer may have inserted a key meanwhile; RETURNING then names
                    # only the rows this insert made, so `created` is exactly ours (event_counts counts
                    # each event once however many writers race for it). Not on SQLite, where a RETURNING
                    # executemany is one statement text per row count, each prepared anew, for nothing.
                    created = set(self.conn.execute(postgresql.insert(table).on_conflict_do_nothing()
                                                    .returning(table.c.id), missing).scalars())
                    new = dict(self.conn.execute(_BY_KEY[table.name], {"keys": [r["key"] for r in missing]}).all())
                found.update(new)
            for key, id_ in found.items():
                self.ids[(table.name, key)] = id_
        return [self.ids[(table.name, r["key"])] for r in rows], created

    # -- one result

    def save(self, result: ArticleResult) -> SaveCount:
        conn, article = self.conn, result.article
        row = m.article_row(article)
        if conn.execute(_COPY, {"h": row["copy_hash"]}).first():
            return SaveCount(known=1)
        row.update(run_id=self.run_id, ingested_at=runs.now())
        same_body = conn.execute(_SAME_BODY, {"h": row["content_hash"]}).scalar()
        if same_body is not None:
            conn.execute(_INSERT_ARTICLE, {**row, "story_id": same_body, "is_primary": False})
            # one more source of what its primary copy tells: the alerts on it count it (storage/alerts.py)
            self.new_articles.append(conn.execute(_PRIMARY_OF_BODY, {"h": row["content_hash"]}).scalar_one())
            return SaveCount(copies=1)
        story = self._story(result, row)
        article_id = conn.execute(_INSERT_ARTICLE, {**row, "story_id": story, "is_primary": True}).scalar_one()
        self.new_articles.append(article_id)
        if self.sqlite:
            self.pending["article_fts"].append({"id": article_id, "t": row["search_text"]})
        observed = row["published"]
        persons = self._persons(result, article_id, observed)
        events = self._events(result, article_id, row["content_hash"], persons)
        self._meetings(result, article_id, row["content_hash"], persons, events)
        self._agreements(result, article_id, observed, persons)
        self._mechanisms(result, article_id, observed)
        return SaveCount(new=1)

    def _story(self, result: ArticleResult, row: dict[str, Any]) -> int:
        """The story this report retells (shared day-dated events, published close by), or a new one."""
        keys = [m.event_key(e, row["content_hash"]) for e in result.events
                if e.date and e.date_granularity in (None, "day") and len(e.date) == 10]
        published = row["published"]
        if keys and published:
            self._flush()  # the mentions of earlier reports in this batch count too
            candidates = self.conn.execute(_STORIES_OF_EVENTS, {"keys": keys}).all()
            day = dt.date.fromisoformat(published)
            close = sorted(c.story_id for c in candidates if c.published and
                           abs((dt.date.fromisoformat(c.published) - day).days) <= STORY_WINDOW_DAYS)
            if close:
                story = close[0]
                self.conn.execute(update(s.stories).where(s.stories.c.id == story).values(
                    first_published=_least(self.conn, s.stories.c.first_published, published)))
                return story
        return self.conn.execute(_INSERT_STORY, {"content_hash": row["content_hash"], "first_published": published,
                                                 "title": row["title"]}).scalar_one()

    def _persons(self, result: ArticleResult, article_id: int, observed: str | None) -> dict[str, int]:
        rows = [m.person_row(p, observed) for p in result.persons]
        ids, created = self._ids(s.persons, rows)
        local = {}
        for person, pid in zip(result.persons, ids):
            if pid not in created and observed:
                self.pending["person_seen"].append({"b_id": pid, "b_day": observed, "b_country": person.country})
            local[person.id] = pid
            self.pending["person_observations"].append(
                m.person_observation_row(person, person_id=pid, article_id=article_id, observed_on=observed))
        return local

    def _events(self, result: ArticleResult, article_id: int, story: str, persons: dict[str, int]) -> dict[str, int]:
        rows = [m.event_row(e, m.event_key(e, story)) for e in result.events]
        ids, created = self._ids(s.events, rows)
        self.new_event_counts += event_counts.of_events({eid: r for eid, r in zip(ids, rows) if eid in created}.values())
        for event, eid in zip(result.events, ids):
            self.pending["event_mentions"].append(
                m.event_mention_row(event, event_id=eid, article_id=article_id, persons=persons))
            self.touched_events.add(eid)
        return {e.id: eid for e, eid in zip(result.events, ids)}

    def _meetings(self, result: ArticleResult, article_id: int, story: str, persons: dict[str, int],
                  events: dict[str, int]) -> None:
        ids, created = self._ids(s.meetings, [m.meeting_row(mt, m.meeting_key(mt, story)) for mt in result.meetings])
        for meeting, mid in zip(result.meetings, ids):
            if mid in created:
                self.pending["meeting_countries"] += [{"meeting_id": mid, "country": c}
                                                      for c in sorted(set(meeting.countries))]
            self.pending["meeting_mentions"].append(m.meeting_mention_row(
                meeting, meeting_id=mid, article_id=article_id, persons=persons, events=events))

    def _agreements(self, result: ArticleResult, article_id: int, observed: str | None,
                    persons: dict[str, int]) -> None:
        from ..link.agreements import best_name

        rows = [m.agreement_row(a, m.agreement_key(a), observed) for a in result.agreements]
        for row in rows:
            row["name"] = best_name([row["name"]])  # as the timeline names it: no leading "the"
        ids, created = self._ids(s.agreements, rows)
        for agreement, aid in zip(result.agreements, ids):
            if aid in created:
                self.new_agreements.add(aid)
                self.pending["agreement_parties"] += [{"agreement_id": aid, "country": c}
                                                      for c in sorted(set(agreement.parties))]
            self.pending["agreement_observations"].append(m.agreement_observation_row(
                agreement, agreement_id=aid, article_id=article_id, observed_on=observed, persons=persons))
            self.agreement_obs[aid] += 1

    def _mechanisms(self, result: ArticleResult, article_id: int, observed: str | None) -> None:
        ids, _ = self._ids(s.mechanisms, [m.mechanism_row(x, m.mechanism_key(x)) for x in result.mechanisms])
        for mechanism, mid in zip(result.mechanisms, ids):
            self.pending["mechanism_occurrences"].append(m.mechanism_occurrence_row(
                mechanism, mechanism_id=mid, article_id=article_id, observed_on=observed))

    # -- after the batch: the rows held back, and the figures that summarise many rows

    def _flush(self) -> None:
        for name in FLUSH_ORDER:
            rows = self.pending.pop(name, None)
            if not rows:
                continue
            if name == "article_fts":
                self.conn.execute(text("INSERT INTO article_fts(rowid, search_text) VALUES (:id, :t)"), rows)
            elif name == "person_seen":
                self.conn.execute(_person_seen(self.conn), rows)
            elif name in ("meeting_countries", "agreement_parties"):
                self._insert_ignore(s.metadata.tables[name], rows)
            else:
                self.conn.execute(insert(s.metadata.tables[name]), rows)

    def finish(self) -> int:
        """The rows held back, the figures that summarise them, and the alerts: how many were raised."""
        self._flush()
        if self.touched_events:
            counts = self.conn.execute(_MENTION_COUNTS, {"ids": sorted(self.touched_events)}).all()
            self.conn.execute(_UPDATE_EVENT_COUNTS, [{"b_id": i, "b_n": n, "b_a": a} for i, n, a in counts])
        for aid, n in sorted(self.agreement_obs.items()):
            if aid not in self.new_agreements or n > 1:  # a new instrument seen once is right as inserted
                self._agreement_timeline(aid)
        raised = alerts.evaluate(self.conn, self.new_articles, runs.now())
        # last, so that on PostgreSQL the rows every writer updates (the store's totals) stay locked
        # only between here and the commit
        event_counts.add(self.conn, self.new_event_counts)
        return raised

    def _agreement_timeline(self, aid: int) -> None:
        """Status, signing date, first/last seen and name, from all of an instrument's observations."""
        from ..link.agreements import STAGE, best_name

        col = s.agreement_observations.c  # only the columns read here: a store of any revision has them
        obs = self.conn.execute(select(col.observed_on, col.status, col.signed_on, col.name).where(
            col.agreement_id == aid)).mappings().all()
        ordered = sorted(obs, key=lambda o: (o["observed_on"] is None, o["observed_on"] or "",
                                             STAGE.get(o["status"], 0)))
        telling = [o for o in ordered if o["status"] != "mentioned"] or ordered
        dates = [o["observed_on"] for o in obs if o["observed_on"]]
        signed = sorted(o["signed_on"] for o in obs if o["signed_on"])
        self.conn.execute(update(s.agreements).where(s.agreements.c.id == aid).values(
            status=telling[-1]["status"], signed_on=signed[0] if signed else None,
            first_seen=min(dates) if dates else None, last_seen=max(dates) if dates else None,
            name=best_name(o["name"] for o in obs)))


# statements built once: SQLAlchemy then reuses their compiled form for every row
FLUSH_ORDER = ("article_fts", "person_seen", "person_observations", "event_mentions", "meeting_countries", "meeting_mentions",
               "agreement_parties", "agreement_observations", "mechanism_occurrences")
_BY_KEY = {t.name: select(t.c.key, t.c.id).where(t.c.key.in_(bindparam("keys", expanding=True)))
           for t in (s.persons, s.events, s.meetings, s.agreements, s.mechanisms)}
_COPY = select(s.articles.c.id).where(s.articles.c.copy_hash == bindparam("h"))
_SAME_BODY = select(s.articles.c.story_id).where(s.articles.c.content_hash == bindparam("h")).limit(1)
_PRIMARY_OF_BODY = select(s.articles.c.id).where(s.articles.c.content_hash == bindparam("h"),
                                                  s.articles.c.is_primary.is_(True)).limit(1)
_INSERT_ARTICLE = insert(s.articles).returning(s.articles.c.id)
_INSERT_STORY = insert(s.stories).returning(s.stories.c.id)
_STORIES_OF_EVENTS = (select(s.articles.c.story_id, s.articles.c.published)
                      .join(s.event_mentions, s.event_mentions.c.article_id == s.articles.c.id)
                      .join(s.events, s.events.c.id == s.event_mentions.c.event_id)
                      .where(s.events.c.key.in_(bindparam("keys", expanding=True))))
_MENTION_COUNTS = (select(s.event_mentions.c.event_id, func.count(),
                          func.count(func.distinct(s.event_mentions.c.article_id)))
                   .where(s.event_mentions.c.event_id.in_(bindparam("ids", expanding=True)))
                   .group_by(s.event_mentions.c.event_id))
_UPDATE_EVENT_COUNTS = update(s.events).where(s.events.c.id == bindparam("b_id")).values(
    num_mentions=bindparam("b_n"), num_articles=bindparam("b_a"))


def _person_seen(conn: Connection) -> Any:
    """Widen a known person's first/last seen dates and fill a missing country (executemany)."""
    p = s.persons.c
    day = bindparam("b_day", type_=String)
    return update(s.persons).where(p.id == bindparam("b_id")).values(
        first_seen=_least(conn, p.first_seen, day), last_seen=_greatest(conn, p.last_seen, day),
        country=func.coalesce(p.country, bindparam("b_country", type_=String)))


def _least(conn: Connection, column: Any, value: Any) -> Any:
    # SQLite's two-argument min() is PostgreSQL's least(); both ignore nothing, so NULL is coalesced first
    fn = func.min if conn.dialect.name == "sqlite" else func.least
    return fn(func.coalesce(column, value), value)


def _greatest(conn: Connection, column: Any, value: Any) -> Any:
    fn = func.max if conn.dialect.name == "sqlite" else func.greatest
    return fn(func.coalesce(column, value), value)
