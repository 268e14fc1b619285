"""How fast the web view answers over a big store: p50/p95 latency of its pages and JSON twins.

    .venv/bin/python bench/web_bench.py                      # 1,000,000 events, 60 requests per URL
    .venv/bin/python bench/web_bench.py --events 100000 --requests 30 --db /tmp/web-bench.db --keep

Builds a SQLite store of synthetic records (generated, not extracted: bulk inserts through the
store's own schema, migrated by Store.open; event_counts recounted after, as Store.save would have
kept it), starts `comity serve` on it in another process, and
times sequential GETs from here. The goal (issue 7): p95 <= 200 ms for the dyad page.

The synthetic store: 40 countries; 780 dyads drawn with a long tail (weights fall as 1/rank^0.9:
VNM-LAO, the busiest, has about 10 % of all events, 100,000 of 1,000,000); dates over 2015-2025;
5 events per report; a meeting, an agreement observation and a mechanism occurrence every few
reports; two persons named in each. Not filled: the full-text index (search is not measured).

Measured: the dyad page and API on first view (a sample of dyads never asked for before, so
nothing is cached) and repeated (the app keeps built pages until the store changes), the
overview, the events listing and the other pages.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sqlalchemy import insert, text

from comity.storage import Store
from comity.storage import counts as event_counts
from comity.storage import schema as s

COUNTRIES = ["VNM", "LAO", "KHM", "THA", "CHN", "JPN", "USA", "IND", "AUS", "IDN", "MYS", "PHL", "SGP", "KOR", "RUS", "FRA", "GBR", "DEU", "BRA", "ARG", "TUR", "AZE", "PNG", "NZL", "CAN", "MEX", "EGY", "ZAF", "NGA", "KEN", "SAU", "IRN", "PAK", "BGD", "LKA", "MMR", "BRN", "TLS", "MNG", "PRK"]
TYPES = [("040", "CONSULT"), ("042", "CONSULT"), ("043", "CONSULT"), ("057", "SUPPORT"), ("051", "SUPPORT"),
         ("0312", "AGREE"), ("036", "AGREE"), ("061", "COOPERATE"), ("070", "AID"), ("112", "ACCUSE"),
         ("130", "THREATEN"), ("140", "PROTEST"), ("010", ""), ("020", "")]
KINDS = ["protocol", "annual_plan", "mou", "agreement", "joint_statement", "action_plan"]
STATUSES = ["proposed", "negotiating", "signed", "agreed_to_implement", "implemented", "reviewed", "mentioned"]
EVENTS_PER_REPORT = 5
BATCH = 20_000


def dyad_pool(rng: random.Random) -> list[tuple[str, str]]:
    """Dyads weighted with a long tail: a few busy relationships, many quiet ones."""
    pairs = [(a, b) for i, a in enumerate(COUNTRIES) for b in COUNTRIES[i + 1:]]
    rng.shuffle(pairs)
    pairs.remove(("VNM", "LAO"))
    pairs.insert(0, ("VNM", "LAO"))  # the busiest
    return pairs


def build(path: Path, n_events: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    pairs = dyad_pool(rng)
    weights = [1 / (k + 1) ** 0.9 for k in range(len(pairs))]
    n_reports = n_events // EVENTS_PER_REPORT
    n_persons = 4000
    store = Store.open(f"sqlite:///{path}")
    started = time.perf_counter()
    counts = dict.fromkeys(s.COUNTED, 0)
    with store.write() as conn:
        person_country = [rng.choice(COUNTRIES) for _ in range(n_persons)]
        rows = [{"id": i, "key": f"person{i}", "name": f"Person {i} {person_country[i - 1]}",
                 "country": person_country[i - 1], "first_seen": "2015-01-01", "last_seen": "2025-12-31"}
                for i in range(1, n_persons + 1)]
        conn.execute(insert(s.persons), rows)
        counts["persons"] = n_persons
        by_country: dict[str, list[int]] = {}
        for i, c in enumerate(person_country, 1):
            by_country.setdefault(c, []).append(i)
        event_id = meeting_id = agreement_obs = mech_occ = 0
        agreements: dict[tuple[str, str], list[int]] = {}
        mechanisms: dict[tuple[str, str], int] = {}
        pending: dict[str, list[dict]] = {name: [] for name in (*s.COUNTED, "meeting_countries", "agreement_parties")}

        def flush() -> None:  # every table at once, parents first: the foreign keys hold at every step
            for name in ("stories", "articles", "person_observations", "events", "event_mentions", "meetings",
                         "meeting_countries", "meeting_mentions", "agreements", "agreement_parties",
                         "agreement_observations", "mechanisms", "mechanism_occurrences"):
                rows = pending.setdefault(name, [])
                if rows:
                    conn.execute(insert(s.metadata.tables[name]), rows)
                    counts[name] = counts.get(name, 0) + len(rows)
                    rows.clear()

        for report in range(1, n_reports + 1):
            a, b = rng.choices(pairs, weights)[0]
            day = f"{rng.randrange(2015, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            body = (f"Officials of {a} and {b} met on {day} and discussed defence cooperation. "
                    f"They agreed to strengthen exchanges. Report {report}.")
            header = f" date {day} CAPITAL — "
            txt = header + body + " — AGENCY"
            pending["stories"].append({"id": report, "content_hash": f"c{report}", "first_published": day,
                                       "title": None})
            pending["articles"].append({
                "id": report, "copy_hash": f"h{report}", "content_hash": f"c{report}", "story_id": report,
                "is_primary": True, "input_id": f"synthetic-{report}", "published": day, "dateline": "CAPITAL",
                "source": rng.choice(("VNA", "Xinhua", "Kyodo", "AFP")), "title": None, "url": None,
                "language": "en", "origin": None, "body_start": len(header), "body_end": len(header) + len(body),
                "text": txt, "search_text": txt.lower(), "run_id": None, "ingested_at": "2026-01-01T00:00:00"})
            people = [rng.choice(by_country.get(c) or [1]) for c in (a, b)]
            for k, pid in enumerate(people):
                pending["person_observations"].append({
                    "person_id": pid, "article_id": report, "local_id": f"p{k + 1}", "name": f"Person {pid}",
                    "country": person_country[pid - 1], "titles": ["Defence Minister"], "rank": None,
                    "aliases": [], "mentions": [[len(header) + 13, len(header) + 16]], "observed_on": day,
                    "confidence": 0.9})
            quote = body.split(". ")[0] + "."
            for k in range(EVENTS_PER_REPORT):
                event_id += 1
                cameo, plover = rng.choice(TYPES)
                src, tgt = (a, b) if rng.random() < 0.5 else (b, a)
                pending["events"].append({
                    "id": event_id, "key": f"e{event_id}", "date": day, "date_granularity": "day", "cameo": cameo,
                    "cameo_root": cameo[:2], "plover_type": plover, "plover_mode": "", "plover_context": [],
                    "quad_class": 1, "goldstein": 1.0, "source_country": src, "source_sector": "GOV",
                    "source_name": None, "target_country": tgt, "target_sector": "GOV", "target_name": None,
                    "place_name": None, "place_country": None, "num_mentions": 1, "num_articles": 1})
                pending["event_mentions"].append({
                    "event_id": event_id, "article_id": report, "local_id": f"e{k + 1}",
                    "source_person_id": people[0], "target_person_id": people[1], "date_text": None,
                    "trigger": "met", "confidence": 0.8, "sentence": 0, "start_char": len(header),
                    "end_char": len(header) + len(quote), "evidence": quote, "evidence_fold": quote.lower(),
                    "more_evidence": []})
            if report % 4 == 0:  # a meeting
                meeting_id += 1
                pending["meetings"].append({"id": meeting_id, "key": f"m{meeting_id}", "date": day, "kind": "talks",
                                            "countries": "-".join(sorted((a, b))), "place_name": "Capital",
                                            "place_country": a, "host_country": a, "status": "held"})
                pending["meeting_countries"] += [{"meeting_id": meeting_id, "country": c} for c in sorted({a, b})]
                pending["meeting_mentions"].append({"meeting_id": meeting_id, "article_id": report, "local_id": "m1",
                                                    "kind": "talks", "status": "held", "participants": people,
                                                    "events": [event_id]})
            if report % 7 == 0:  # a report's word on an instrument of the dyad (a few per dyad, many reports)
                pair = tuple(sorted((a, b)))
                ids = agreements.setdefault(pair, [])
                if len(ids) < 12 and (not ids or rng.random() < 0.05):
                    new = sum(len(v) for v in agreements.values()) + 1
                    kind = rng.choice(KINDS)
                    start = rng.randrange(2012, 2026)
                    pending["agreements"].append({
                        "id": new, "key": f"a{new}", "kind": kind, "name": f"{kind} on defence cooperation {new}",
                        "parties": "-".join(pair), "domain": "defence", "period_start": start,
                        "period_end": start + (0 if kind == "annual_plan" else 4), "signed_on": None,
                        "status": "signed", "first_seen": day, "last_seen": day})
                    pending["agreement_parties"] += [{"agreement_id": new, "country": c} for c in pair]
                    ids.append(new)
                agreement_obs += 1
                pending["agreement_observations"].append({
                    "agreement_id": rng.choice(ids), "article_id": report, "local_id": "a1", "name": "the plan",
                    "status": rng.choice(STATUSES), "signed_on": None, "observed_on": day, "signatories": people,
                    "witnesses": [], "confidence": 0.8, "sentence": 1, "start_char": len(header),
                    "end_char": len(header) + len(quote), "evidence": quote})
            if report % 11 == 0:  # an occurrence of the dyad's dialogue
                pair = tuple(sorted((a, b)))
                if pair not in mechanisms:
                    mechanisms[pair] = len(mechanisms) + 1
                    pending["mechanisms"].append({"id": mechanisms[pair], "key": f"x{mechanisms[pair]}",
                                                  "name": "defence policy dialogue", "countries": "-".join(pair),
                                                  "level": "deputy_ministerial"})
                mech_occ += 1
                pending["mechanism_occurrences"].append({
                    "mechanism_id": mechanisms[pair], "article_id": report, "local_id": "x1", "ordinal": None,
                    "level": None, "status": "held", "date": day, "place_name": None, "place_country": None,
                    "observed_on": day, "confidence": 0.8, "sentence": 0, "start_char": len(header),
                    "end_char": len(header) + len(quote), "evidence": quote})
            if report % (BATCH // EVENTS_PER_REPORT) == 0:
                flush()
        flush()
    with store.write() as conn:  # what Store.save keeps for each event it stores, the bulk load skipped
        counted = time.perf_counter()
        n_counts = event_counts.rebuild(conn)
        print(f"event_counts: {n_counts:,} rows in {time.perf_counter() - counted:.0f} s", file=sys.stderr)
    with store.write() as conn:
        conn.execute(text("ANALYZE"))
    store.close()
    print(f"built {path} in {time.perf_counter() - started:.0f} s: " +
          ", ".join(f"{v:,} {k}" for k, v in counts.items() if v), file=sys.stderr)
    return counts


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as r:
        body = r.read()
    return (time.perf_counter() - started) * 1000, len(body)


def summary(label: str, times: list[float], size: int) -> dict:
    times = sorted(times)
    row = {"what": label, "n": len(times), "p50": statistics.median(times),
           "p95": times[int(0.95 * (len(times) - 1))], "max": times[-1], "bytes": size}
    print(f"{label:52} p50 {row['p50']:7.1f} ms  p95 {row['p95']:7.1f} ms  max {row['max']:7.1f} ms"
          f"  ({size:,} bytes)", file=sys.stderr)
    return row


def repeated(base: str, path: str, n: int) -> dict:
    """The same URL n times after a warm-up (a page the app has built before: a cached page is served)."""
    for _ in range(3):
        fetch(base + path)
    times, size = [], 0
    for _ in range(n):
        ms, size = fetch(base + path)
        times.append(ms)
    return summary(f"`{path}` (repeated)", times, size)


def first_views(base: str, template: str, dyads: list[tuple[str, str]], label: str) -> dict:
    """One request per dyad, none seen before: what a first view costs (nothing cached)."""
    times, size = [], 0
    for a, b in dyads:
        ms, size = fetch(base + template.format(pair=f"{a}-{b}"))
        times.append(ms)
    return summary(label, times, size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=60, help="timed requests per URL (and dyads per sample)")
    parser.add_argument("--db", type=Path, default=None, help="store file (default: a temp file)")
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the store file")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    db = args.db or Path(os.environ.get("TMPDIR", "/tmp")) / f"comity-web-bench-{args.events}.db"
    if not (args.keep and db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        build(db, args.events)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "comity", "serve", "--db", str(db), "--port", str(port)],
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                fetch(base + "/favicon.ico")
                break
            except OSError:
                time.sleep(0.1)
        pool = dyad_pool(random.Random(7))  # the order build() drew weights in: busiest first
        n = args.requests
        figures = [
            first_views(base, "/dyad/{pair}", pool[:n], f"dyad page, first view, the {n} busiest dyads"),
            first_views(base, "/api/dyad/{pair}", pool[n:2 * n], f"dyad API, first view, the next {n} dyads"),
            first_views(base, "/dyad/{pair}", pool[-n:], f"dyad page, first view, the {n} quietest dyads"),
            repeated(base, "/dyad/VNM-LAO", n), repeated(base, "/api/dyad/VNM-LAO", n),
        ]
        started = time.perf_counter()
        fetch(base + "/")
        figures.append(summary("`/` first view", [(time.perf_counter() - started) * 1000], 0))
        for path in ["/", "/api/overview", "/events?dyad=VNM-LAO", "/api/events?dyad=VNM-LAO&page=200",
                     "/events?type=CONSULT&since=2020&until=2021", "/report/1000", "/agreement/10", "/person/10",
                     f"/event/{args.events // 2}"]:
            figures.append(repeated(base, path, n))
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print("| what | requests | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|")
        for f in figures:
            print(f"| {f['what']} | {f['n']} | {f['p50']:.0f} | {f['p95']:.0f} | {f['max']:.0f} |")


if __name__ == "__main__":
    main()
