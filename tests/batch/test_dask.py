"""Scale-out with real processes: a real Dask LocalCluster, worker processes, a worker killed
with SIGKILL mid-run, a scheduler that does not answer. The store each run leaves is compared
row by row with the store of a plain single-process `ingest`."""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from comity.batch import ExtractSettings, ingest, run_dask
from comity.cli import app
from comity.errors import BatchError
from comity.ingest import read_paths
from comity.model import Article
from comity.storage import Store
from comity.storage import schema as s
from comity.storage.batches import ingest_articles

distributed = pytest.importorskip("distributed", reason="the [dask] extra is not installed")
pytestmark = pytest.mark.cluster
runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
VOLATILE = {"run_id", "ingested_at"}  # which run stored a row, and when: not what was stored


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def dump(url: str) -> dict[str, list[tuple]]:
    """Every row of every table but `runs`, in id order, without the run-specific columns."""
    out = {}
    with Store.open(url) as store, store.read() as conn:
        for table in s.metadata.sorted_tables:
            if table.name == "runs":
                continue
            cols = [c for c in table.columns if c.name not in VOLATILE]
            order = list(table.primary_key.columns) or cols
            out[table.name] = [tuple(r) for r in conn.execute(select(*cols).order_by(*order))]
    return out


# ---- no model needed -------------------------------------------------------------------------------

def test_dask_unreachable_scheduler_is_a_clear_error_within_seconds(tmp_path):
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    started = time.monotonic()
    with pytest.raises(BatchError, match=r"E401.*no Dask scheduler answered at tcp://127\.0\.0\.1"):
        list(run_dask(iter([]), address=address, connect_timeout=2))
    assert time.monotonic() - started < 15

    report = tmp_path / "r.txt"
    report.write_text(" date 2025-01-02 HÀ NỘI — Nothing here. — VNS", encoding="utf-8")
    started = time.monotonic()
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "s.db"), "--dask", address, str(report)])
    assert time.monotonic() - started < 30
    assert result.exit_code == 2 and "E401" in result.stderr and "Traceback" not in result.stderr


def test_dask_bad_address_is_refused_before_anything_starts(tmp_path):
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "s.db"), "--dask", "10.0.0.1:8786",
                                 str(tmp_path)])
    assert result.exit_code == 2 and "E402" in result.stderr


# ---- real clusters, real model ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def feed(shared, tmp_path_factory) -> Path:
    """One JSON Lines file: the seeds, the dev reports, a mixed stream, and the seeds again (copies
    the store already holds by then)."""
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    reports = [a for a in read_paths([shared / "seeds", shared / "dev"]) if isinstance(a, Article)]
    lines = [{"id": a.id, "text": a.text} for a in reports]
    lines += [{"id": id, "text": text} for id, text in corpus.texts("mixed", 30, seed=5)]
    lines += lines[:2]
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


def articles(feed: Path) -> list[Article]:
    return [a for a in read_paths([feed]) if isinstance(a, Article)]


@pytest.fixture(scope="module")
def clean(feed, tmp_path_factory) -> dict:
    """The reference: the single-process ingest (comity.storage.batches) of the feed."""
    from comity.pipeline import Pipeline

    url = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.db'}"
    pipeline = Pipeline()
    with Store.open(url) as store:
        count = ingest_articles(store, articles(feed), pipeline.extract_many, batch_size=8)
    assert count.read == 58 and count.known >= 2
    return dump(url)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A real LocalCluster of two worker processes, reached by its tcp:// address like any
    running cluster."""
    scratch = str(tmp_path_factory.mktemp("dask"))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0", local_directory=scratch,
                                  silence_logs=40) as cluster:
        yield cluster


@pytest.mark.model
def test_dask_store_equals_the_single_process_store(feed, clean, cluster, tmp_path):
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    with Store.open(url) as store:
        count = ingest(store, articles(feed), ExtractSettings(), dask=cluster.scheduler_address,
                       partition_size=8)
    assert count.read == 58 and count.known >= 2
    assert dump(url) == clean


@pytest.mark.model
def test_dask_killed_worker_costs_a_retry_not_data(feed, clean, cluster, tmp_path):
    """SIGKILL one worker process while partitions are in flight: its partitions run again on the
    other worker (and on the nanny's replacement), and the store equals a clean run's."""
    with distributed.Client(cluster.scheduler_address) as client:
        before = client.run(os.getpid)
    killed: list[int] = []

    def kill_once(n: int) -> None:
        if not killed:
            pid = min(before.values())
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    url = f"sqlite:///{tmp_path / 'killed.db'}"
    with Store.open(url) as store:
        count = ingest(store, articles(feed), ExtractSettings(), dask=cluster.scheduler_address,
                       partition_size=3, on_partition=kill_once)
    assert killed and count.read == 58
    assert dump(url) == clean
    with distributed.Client(cluster.scheduler_address) as client:
        assert killed[0] not in client.run(os.getpid).values()  # that process really died


@pytest.mark.model
@pytest.mark.parametrize("option", [["--dask", "local:2"], ["--workers", "2"]])
def test_dask_cli_ingest_in_parallel_equals_the_single_process_store(feed, clean, tmp_path, option,
                                                                    monkeypatch):
    """`comity ingest --dask local:2` (a LocalCluster of its own) and `--workers 2`."""
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = runner.invoke(app, ["ingest", "--db", url, "--batch-size", "8", *option, str(feed)])
    assert result.exit_code == 0, result.stderr
    assert "58 report(s) read" in result.stderr
    assert dump(url) == clean
    assert list(scratch.iterdir()) == []  # Dask's scratch space is gone with the cluster


ALERT_RULES = """\
- name: vnm
  country: VNM
  on: [agreement, meeting, event]
- name: talks-twice
  on: event
  types: [CONSULT]
  min_sources: 2
- name: giang
  on: person
  person: Phan Van Giang
"""


def alert_rows(url: str) -> list[tuple]:
    """The alerts a store holds, without their times."""
    a = s.alerts.c
    with Store.open(url) as store, store.read() as conn:
        cols = (a.rule_id, a.kind, a.fact_id, a.status, a.fact_date, a.summary, a.sources, a.article_id,
                a.evidence)
        return [tuple(r) for r in conn.execute(select(*cols).order_by(a.id))]


@pytest.mark.model
def test_dask_raises_the_alerts_of_the_single_process_ingest(feed, cluster, tmp_path):
    """Alert rules are evaluated where Dask's results are stored (Store.save): the same alerts, once."""
    from comity.alert_rules import parse_rules
    from comity.pipeline import Pipeline

    rules = parse_rules(ALERT_RULES, "alerts.yaml")
    single, dask = f"sqlite:///{tmp_path / 'single.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    with Store.open(single) as store:
        store.save_rules(rules)
        ingest_articles(store, articles(feed), Pipeline().extract_many, batch_size=8)
    with Store.open(dask) as store:
        store.save_rules(rules)
        count = ingest(store, articles(feed), ExtractSettings(), dask=cluster.scheduler_address,
                       partition_size=8)
    expected = alert_rows(single)
    assert len(expected) > 10 and {r[0] for r in expected} == {1, 2, 3}
    assert count.alerts == len(expected) and alert_rows(dask) == expected
