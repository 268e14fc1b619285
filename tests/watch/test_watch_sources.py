"""The other kinds of source of `comity watch` (issue 18): news sitemaps and sitemap indexes, JSON Lines
files that grow, pages that are no HTML, and the backoff of a source that keeps failing; against the
loopback server of conftest.py and real files."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from comity.watch import Source, command_line_source, sitemap_entries
from tests.cli_run import invoker, said

invoke = invoker(CliRunner(env={"COLUMNS": "200"}))


def query(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_a_news_sitemap_gives_its_pages_and_their_dates(server):
    from tests.watch.conftest import sitemap

    entries = sitemap_entries(sitemap(server.base), f"{server.base}/sitemap-news.xml")
    assert [(e.link.removeprefix(server.base), str(e.published)) for e in entries] == [
        ("/news/vietnam-laos.html", "2025-05-03"),
        ("/news/cambodia-thailand.html", "2025-05-04"),
        ("/files/annual-report.pdf", "None")]
    assert sitemap_entries(b"<rss version='2.0'><channel/></rss>", "x") is None  # a feed is no sitemap


def test_a_sitemap_index_is_followed_and_a_pdf_is_not_read(server, tmp_path):
    db = tmp_path / "w.db"
    first = invoke("watch", "--once", f"{server.base}/sitemap-index.xml", "--db", str(db), ok=False)
    assert first.exit_code == 3  # the PDF is a failure, reported with its reason
    assert f"{server.base}/files/annual-report.pdf: not an HTML page (application/pdf)" in said(first)
    assert sorted(o for (o,) in query(db, "SELECT origin FROM articles")) == [
        f"{server.base}/news/cambodia-thailand.html", f"{server.base}/news/vietnam-laos.html"]
    hits = len(server.hits)
    second = invoke("watch", "--once", f"{server.base}/sitemap-index.xml", "--db", str(db))
    assert "0 new page(s) or file(s) read" in said(second)
    assert not [h for h in server.hits[hits:] if h.startswith(("/news/", "/files/"))]  # nothing twice


def test_sitemap_key_in_a_sources_file(server, tmp_path):
    sources = tmp_path / "watch.yaml"
    sources.write_text(f"- {{sitemap: {server.base}/sitemap-news.xml, every: 1h}}\n")
    done = invoke("watch", "--once", "--sources", str(sources), "--db", str(tmp_path / "w.db"), ok=False)
    assert "2 stored" in said(done)


def line(n: int, text: str) -> str:
    return json.dumps({"id": f"wire-{n}", "title": f"Report {n}", "published": "2025-05-0{}".format(n),
                       "text": text}) + "\n"


def test_a_growing_jsonl_file_is_read_from_where_the_last_round_stopped(tmp_path):
    db, feed = tmp_path / "w.db", tmp_path / "crawl.jsonl"
    assert command_line_source(str(feed)) == Source("jsonl", str(feed), 900)
    feed.write_text(line(1, "Vietnam and Laos signed an agreement on trade in Hanoi on Saturday.")
                    + '{"id": "half-written", "text": "Cambodia')  # a line still being written
    first = invoke("watch", "--once", str(feed), "--db", str(db))
    assert "1 new page(s) or file(s) read: 1 stored" in said(first)
    with feed.open("a") as f:  # the writer finishes its line and adds two more, one of them broken
        f.write(' and Thailand held border talks in Bangkok on Monday."}\n')
        f.write("{not json\n")
        f.write(line(3, "Cambodian Prime Minister Hun Manet met Thai Prime Minister Srettha Thavisin on Sunday."))
    second = invoke("watch", "--once", str(feed), "--db", str(db), ok=False)
    assert f"{feed}:3: " in said(second)  # the broken line is named by its line in the whole file
    assert "3 new page(s) or file(s) read: 2 stored" in said(second)
    assert sorted(i for (i,) in query(db, "SELECT input_id FROM articles")) == ["half-written", "wire-1", "wire-3"]
    third = invoke("watch", "--once", str(feed), "--db", str(db))
    assert "0 new page(s) or file(s) read" in said(third)
    feed.write_text(line(1, "Vietnam and Laos signed an agreement on trade in Hanoi on Saturday."))  # replaced
    fourth = invoke("watch", "--once", str(feed), "--db", str(db))
    assert "shorter than last read; reading it from the start" in said(fourth)
    assert "1 already stored" in said(fourth)
    assert query(db, "SELECT count(*) FROM articles") == [(3,)]


def test_a_failing_feed_waits_longer_each_time_then_recovers(server, tmp_path):
    db = tmp_path / "w.db"
    server.flaky.add("/rss.xml")
    invoke("watch", "--once", f"{server.base}/rss.xml", "--db", str(db), ok=False)
    second = invoke("watch", "--once", f"{server.base}/rss.xml", "--db", str(db), ok=False)
    assert "failed 1 time(s) in a row (last: HTTP 503" in said(second)
    assert server.count("/rss.xml") == 1  # not fetched while it waits
    # a minute later (the store's clock of the last poll is moved back) it is tried again, and fails
    query(db, "UPDATE watch_sources SET checked_at = '2000-01-01T00:00:00+00:00'")
    invoke("watch", "--once", f"{server.base}/rss.xml", "--db", str(db), ok=False)
    assert server.count("/rss.xml") == 2
    assert query(db, "SELECT failures FROM watch_sources") == [(2,)]
    query(db, "UPDATE watch_sources SET checked_at = '2000-01-01T00:00:00+00:00'")
    server.flaky.clear()
    recovered = invoke("watch", "--once", f"{server.base}/rss.xml", "--db", str(db), ok=False)
    assert "1 stored" in said(recovered)
    assert query(db, "SELECT failures, last_error FROM watch_sources") == [(0, None)]
