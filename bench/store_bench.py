"""Store benchmark: ingest rate into SQLite and PostgreSQL, and query latency on 1,000,000 events.

    .venv/bin/python bench/store_bench.py                 # both backends; writes docs/benchmarks.md "Store"
    .venv/bin/python bench/store_bench.py --events 200000 --no-write   # a quicker look

1. Ingest: synthetic ArticleResults (tests/store_records.py: ~3 events, 2 people and an agreement
   per report) saved through Store.save in batches of 32, as `comity ingest` does. A record is
   one article, person, event, agreement, meeting or mechanism; the NLP is not timed (see
   bench/throughput.py for that).
2. Latency: a store of N synthetic events (default 1,000,000, four per article, with mentions and
   articles) loaded in bulk, then `comity timeline A B` (comity.query.timeline) and
   `comity events --dyad A-B` (list_events + count_events, what the table view runs) timed in
   process, for the busiest dyad and for typical ones; median and worst of the repeats.

PostgreSQL is Debian's server started in a temp dir (as the tests do), or --pg URL.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the synthetic records the tests use

from comity.query import EventFilter, count_events, list_events, timeline  # noqa: E402
from comity.storage import Store  # noqa: E402

PG_BIN = Path("/usr/lib/postgresql/15/bin")
DOC = REPO / "docs" / "benchmarks.md"
# 40 states; a few pairs carry most events, as in real coverage (VNM-LAO, VNM-KHM, VNM-CHN...)
STATES = ["VNM", "LAO", "KHM", "CHN", "USA", "JPN", "IND", "AUS", "THA", "IDN", "MYS", "SGP", "PHL", "KOR",
          "RUS", "FRA", "GBR", "DEU", "MMR", "BRN", "NZL", "CAN", "ITA", "ESP", "TUR", "AZE", "PNG", "TLS",
          "BGD", "PAK", "LKA", "NPL", "MNG", "PRK", "TWN", "BRA", "MEX", "ZAF", "EGY", "ISR"]
HEAVY = [("VNM", "LAO"), ("VNM", "KHM"), ("VNM", "CHN"), ("VNM", "USA"), ("CHN", "USA")]
CODES = [("040", "04", "CONSULT"), ("042", "04", "CONSULT"), ("043", "04", "CONSULT"), ("057", "05", "SUPPORT"),
         ("051", "05", "SUPPORT"), ("0312", "03", "AGREE"), ("036", "03", "AGREE"), ("061", "06", "COOPERATE"),
         ("112", "11", "ACCUSE"), ("130", "13", "THREATEN")]


# ---- PostgreSQL ----------------------------------------------------------------------------------------

class Postgres:
    """A throwaway server (STACK.md): initdb + pg_ctl as the postgres user, on a free port."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="comity-bench-pg-"))
        self.sudo = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.sudo:
            shutil.chown(self.root, "postgres", "postgres")
        self.root.chmod(0o700)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self._run(PG_BIN / "initdb", "-D", self.root / "data", "-U", "app", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")
        # durable settings left at their defaults: the ingest figure includes real commits
        self._run(PG_BIN / "pg_ctl", "-D", self.root / "data", "-l", self.root / "log", "-o",
                  f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c shared_buffers=512MB", "-w",
                  "start")
        self.url = f"postgresql+psycopg://app@127.0.0.1:{self.port}"

    def _run(self, *args: object) -> None:
        subprocess.run([*self.sudo, *map(str, args)], check=True, capture_output=True)

    def database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"postgresql://app@127.0.0.1:{self.port}/postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return f"{self.url}/{name}"

    def stop(self) -> None:
        subprocess.run([*self.sudo, str(PG_BIN / "pg_ctl"), "-D", str(self.root / "data"), "-m", "fast", "-w",
                        "stop"], capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)


# ---- 1. ingest rate ------------------------------------------------------------------------------------

def ingest_rate(url: str, reports: int) -> dict[str, float]:
    import store_records as rec

    results = rec.synthetic(reports, seed=11)
    records = sum(1 + len(r.persons) + len(r.events) + len(r.agreements) + len(r.meetings) + len(r.mechanisms)
                  for r in results)
    with Store.open(url) as store:
        store.save(results[:1])  # warm: the gazetteer that agreement keys need loads once
        started = time.perf_counter()
        for i in range(1, len(results), 32):
            store.save(results[i:i + 32])
        seconds = time.perf_counter() - started
    return {"reports": reports, "records": records, "seconds": seconds, "reports_s": (reports - 1) / seconds,
            "records_s": records * (reports - 1) / reports / seconds}


# ---- 2. a large store, loaded in bulk ------------------------------------------------------------------

def synthetic_rows(n_events: int, seed: int = 5):
    """Rows for articles, events and event_mentions: four events per article, a skewed dyad mix."""
    rng = random.Random(seed)
    pairs = [(a, b) for i, a in enumerate(STATES) for b in STATES[i + 1:]]
    start = 18000  # days since 1970: 2019-04
    for i in range(n_events):
        article = i // 4 + 1
        if rng.random() < 0.4:
            a, b = rng.choice(HEAVY)
        else:
            a, b = rng.choice(pairs)
        if rng.random() < 0.5:
            a, b = b, a
        cameo, root, plover = rng.choice(CODES)
        day = time.strftime("%Y-%m-%d", time.gmtime((start + rng.randrange(2400)) * 86400))
        yield article, (i + 1, f"{day}|{cameo}|{a}>{b}|{i}", day, "day", cameo, root, plover, "", "[]", 1,
                        rng.uniform(-10, 10), a, "GOV", None, b, "MIL", None, None, None, 1, 1)


EVENT_COLS = ("id, key, date, date_granularity, cameo, cameo_root, plover_type, plover_mode, plover_context, "
              "quad_class, goldstein, source_country, source_sector, source_name, target_country, target_sector, "
              "target_name, place_name, place_country, num_mentions, num_articles")
ARTICLE_COLS = ("id, copy_hash, content_hash, story_id, is_primary, input_id, published, language, body_start, "
                "text, search_text, ingested_at")
MENTION_COLS = ("event_id, article_id, local_id, trigger, confidence, sentence, start_char, end_char, evidence, "
                "evidence_fold, more_evidence")


def load_large(url: str, n_events: int) -> float:
    """Fill an empty store with `n_events` events (bulk, bypassing Store.save: that is measured above)."""
    started = time.perf_counter()
    Store.open(url).close()  # the schema and indexes, by the migrations
    n_articles = (n_events + 3) // 4
    text = "Officials of the two states met and agreed to deepen defence cooperation. " * 3
    stories = ((a, f"h{a}", "2020-01-01") for a in range(1, n_articles + 1))
    articles = ((a, f"c{a}", f"h{a}", a, True, f"synthetic-{a}", "2020-01-01", "en", 0, text, text.lower(),
                 "2026-01-01T00:00:00+00:00") for a in range(1, n_articles + 1))
    events_and_mentions = synthetic_rows(n_events)
    if url.startswith("sqlite"):
        import sqlite3

        db = sqlite3.connect(url.removeprefix("sqlite:///"))
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=OFF")
        db.executemany("INSERT INTO stories (id, content_hash, first_published) VALUES (?, ?, ?)", stories)
        db.executemany(f"INSERT INTO articles ({ARTICLE_COLS}) VALUES ({', '.join('?' * 12)})", articles)
        mentions = []
        for article, row in events_and_mentions:
            db.execute(f"INSERT INTO events ({EVENT_COLS}) VALUES ({', '.join('?' * 21)})", row)
            mentions.append((row[0], article, f"e{row[0]}", "met", 0.5, 0, 0, 10, text[:70], text[:70].lower(), "[]"))
            if len(mentions) >= 50_000:
                db.executemany(f"INSERT INTO event_mentions ({MENTION_COLS}) VALUES ({', '.join('?' * 11)})", mentions)
                mentions.clear()
        db.executemany(f"INSERT INTO event_mentions ({MENTION_COLS}) VALUES ({', '.join('?' * 11)})", mentions)
        db.commit()
        db.execute("ANALYZE")
        db.close()
    else:
        import psycopg

        with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as db, db.cursor() as cur:
            with cur.copy("COPY stories (id, content_hash, first_published) FROM STDIN") as copy:
                for row in stories:
                    copy.write_row(row)
            with cur.copy(f"COPY articles ({ARTICLE_COLS}) FROM STDIN") as copy:
                for row in articles:
                    copy.write_row(row)
            mentions = []
            with cur.copy(f"COPY events ({EVENT_COLS}) FROM STDIN") as copy:
                for article, row in events_and_mentions:
                    copy.write_row(row)
                    mentions.append((row[0], article, f"e{row[0]}", "met", 0.5, 0, 0, 10, text[:70],
                                     text[:70].lower(), "[]"))
            with cur.copy(f"COPY event_mentions ({MENTION_COLS}) FROM STDIN") as copy:
                for row in mentions:
                    copy.write_row(row)
            for table in ("stories", "articles", "events", "event_mentions"):
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
            db.commit()
            db.autocommit = True
            # what autovacuum does to a store after bulk inserts: statistics, and the visibility
            # map that lets counts be read from an index alone
            cur.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def latency(url: str, repeats: int = 7) -> dict[str, dict[str, float]]:
    """Median and worst milliseconds of each query, busiest dyad and typical dyads."""
    cases = {
        "timeline (busiest dyad)": lambda c: timeline(c, "VNM", "LAO"),
        "timeline (typical dyad)": lambda c: timeline(c, "THA", "NZL"),
        "events --dyad (busiest)": lambda c: (list_events(c, EventFilter.parse(dyad="LAO-VNM")),
                                              count_events(c, EventFilter.parse(dyad="LAO-VNM"))),
        "events --dyad (typical)": lambda c: (list_events(c, EventFilter.parse(dyad="NZL-THA")),
                                              count_events(c, EventFilter.parse(dyad="NZL-THA"))),
        "events --dyad --type 04 --since 2022": lambda c: list_events(
            c, EventFilter.parse(dyad="VNM-LAO", type="04", since="2022")),
    }
    out = {}
    with Store.open(url) as store, store.read() as conn:
        for name, query in cases.items():
            query(conn)  # warm the cache, as a second command would find it
            times = []
            for _ in range(repeats):
                started = time.perf_counter()
                query(conn)
                times.append((time.perf_counter() - started) * 1000)
            out[name] = {"median": statistics.median(times), "worst": max(times)}
    return out


# ---- report --------------------------------------------------------------------------------------------

def markdown(ingest: dict[str, dict], lat: dict[str, dict], loads: dict[str, float], n_events: int) -> str:
    lines = ["## Store", "",
             f"`bench/store_bench.py`, {time.strftime('%Y-%m-%d')}, on this project's machine kind (2 slow cores). "
             "SQLite in WAL mode on local disk; PostgreSQL 15 (Debian) on the same machine, default durability.",
             "", "Ingest through `Store.save` (one transaction per 32 reports; NLP not included):", "",
             "| backend | reports | records | reports/s | records/s |", "|---|---:|---:|---:|---:|"]
    for backend, r in ingest.items():
        lines.append(f"| {backend} | {r['reports']:,} | {r['records']:,} | {r['reports_s']:,.0f} | "
                     f"{r['records_s']:,.0f} |")
    lines += ["", f"Query latency on a store of {n_events:,} events (in process, warm; median / worst of 7 "
                  "runs, in ms). Goal: 100 ms.", "",
              "| query | " + " | ".join(lat) + " |", "|---|" + "---:|" * len(lat)]
    for name in next(iter(lat.values())):
        lines.append(f"| `comity {name}` | " + " | ".join(
            f"{lat[b][name]['median']:.1f} / {lat[b][name]['worst']:.1f}" for b in lat) + " |")
    lines += ["", "Bulk load of the large store (not a comity path): " + ", ".join(
        f"{b} {s:.0f} s" for b, s in loads.items()) + ".", "",
              "The indexes that take it there (migration 0001): `events (source_country, target_country, date)` "
              "and `events (target_country, date)` serve `--dyad` (both orders) and `--country`; "
              "`events (date)` the default newest-first list; `event_mentions (event_id)` the sources and "
              "quotes of one page; `meeting_countries (country)` and `agreement_parties (country)` the "
              "timeline's meetings and agreements. The busiest dyad holds about a tenth of all events. "
              "Each dyad or country filter is read per direction, each branch one index range in date order that "
              "stops after a page; counts are summed per branch (index-only on PostgreSQL once autovacuum has "
              "run); and lists of ids are one array parameter on PostgreSQL (`= ANY(:ids)`). The timeline reads "
              "up to 500 events per direction, most of its time. Worst cases are with other jobs sharing the "
              "two cores.", ""]
    return "\n".join(lines)


def write_section(text: str) -> None:
    """Replace the "## Store" section of docs/benchmarks.md (or add it), leaving the rest as it is."""
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n\n"
    if "## Store" in old:
        head, rest = old.split("## Store", 1)
        after = rest.find("\n## ")
        new = head + text + ("\n" + rest[after + 1:] if after >= 0 else "")
    else:
        new = old.rstrip("\n") + "\n\n" + text
    DOC.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the large store")
    parser.add_argument("--reports", type=int, default=3000, help="reports for the ingest rate")
    parser.add_argument("--pg", help="a PostgreSQL server URL (postgresql+psycopg://USER@HOST:PORT) to use")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--no-write", action="store_true", help="print the section, do not write the docs")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="comity-bench-"))
    server = None
    if not args.no_pg and not args.pg and (PG_BIN / "pg_ctl").exists():
        server = Postgres()
    pg = args.pg or (server.url if server else None)
    try:
        backends = {"SQLite": lambda name: f"sqlite:///{work / name}.db"}
        if pg:
            backends["PostgreSQL"] = lambda name: _pg_database(server, pg, name)
        ingest, lat, loads = {}, {}, {}
        for backend, new in backends.items():
            ingest[backend] = ingest_rate(new("ingest"), args.reports)
            print(backend, "ingest", {k: round(v, 1) for k, v in ingest[backend].items()}, flush=True)
            url = new("large")
            loads[backend] = load_large(url, args.events)
            print(backend, f"loaded {args.events:,} events in {loads[backend]:.0f} s", flush=True)
            lat[backend] = latency(url)
            for name, t in lat[backend].items():
                print(f"  {name}: median {t['median']:.1f} ms, worst {t['worst']:.1f} ms", flush=True)
        text = markdown(ingest, lat, loads, args.events)
        print(text)
        if not args.no_write:
            write_section(text)
            print(f"wrote the Store section of {DOC}")
    finally:
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


def _pg_database(server: Postgres | None, base: str, name: str) -> str:
    if server:
        return server.database(name)
    import psycopg

    unique = f"comity_bench_{name}_{os.getpid()}"
    with psycopg.connect(base.replace("postgresql+psycopg", "postgresql") + "/postgres", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{unique}"')
    return f"{base}/{unique}"


if __name__ == "__main__":
    main()
