"""The batch layer on one machine: partitions, the ordered window over futures, the pure
per-partition function, and `--workers 2` giving exactly the records of one worker."""
from __future__ import annotations

import pickle
import time
from concurrent.futures import Future, ThreadPoolExecutor

import pytest
from typer.testing import CliRunner

from comity.batch import ExtractSettings, ordered, partitions, pipeline_for, process_partition, run_local
from comity.batch.cluster import parse_address
from comity.cli import app
from comity.errors import BatchError
from comity.ingest import read_text

runner = CliRunner()


def reports(n: int) -> list:
    return [read_text(f" date 2025-01-0{1 + i % 9} HÀ NỘI — Report number {i}. — VNS", id=f"r{i}")
            for i in range(n)]


def test_runner_partitions_cover_the_input_in_order():
    parts = list(partitions(reports(10), size=4))
    assert [p.index for p in parts] == [0, 1, 2]
    assert [len(p.articles) for p in parts] == [4, 4, 2] == [p.read for p in parts]
    assert [a.id for p in parts for a in p.articles] == [f"r{i}" for i in range(10)]


def test_runner_ordered_yields_in_input_order_whatever_finishes_first():
    """Later partitions finish first; results still come out in input order, with at most
    `window` partitions in flight."""
    in_flight, peak = 0, 0

    def work(articles):
        nonlocal in_flight
        time.sleep(0.05 * (5 - int(articles[0].id[1:]) % 5))
        in_flight -= 1
        return [a.id for a in articles]

    with ThreadPoolExecutor(4) as pool:
        def submit(articles):
            nonlocal in_flight, peak
            in_flight += 1
            peak = max(peak, in_flight)
            return pool.submit(work, articles)

        out = [(p.index, r) for p, r in ordered(partitions(reports(12), size=1), submit, window=3)]
    assert out == [(i, [f"r{i}"]) for i in range(12)]
    assert peak <= 3


def test_runner_ordered_sends_empty_partitions_nowhere():
    parts = list(partitions(reports(3), size=1))
    parts[1].articles = []  # all known to the store, say
    sent = []

    def submit(articles):
        sent.append(articles)
        f: Future = Future()
        f.set_result(["done"])
        return f

    assert [r for _, r in ordered(parts, submit, window=2)] == [["done"], [], ["done"]]
    assert len(sent) == 2


def test_runner_settings_pickle_and_hash():
    settings = ExtractSettings(dictionaries=("a.yaml",), fast_path=False)
    assert pickle.loads(pickle.dumps(settings)) == settings
    assert hash(settings) == hash(ExtractSettings(dictionaries=("a.yaml",), fast_path=False))


def test_runner_workers_must_be_positive():
    with pytest.raises(BatchError, match="E403"):
        list(run_local(partitions(reports(1)), workers=0))


@pytest.mark.parametrize("address, parsed", [
    ("local", ("local", None)), ("local:3", ("local", 3)), (" tcp://10.0.0.5:8786 ", ("remote", None)),
    ("tls://scheduler.example.org:8786", ("remote", None)),
])
def test_runner_dask_addresses(address, parsed):
    assert parse_address(address) == parsed


@pytest.mark.parametrize("address", ["local:0", "locale", "10.0.0.5:8786", "tcp://", "local:two"])
def test_runner_bad_dask_addresses(address):
    with pytest.raises(BatchError, match="E402"):
        parse_address(address)


@pytest.mark.model
def test_runner_process_partition_is_pure_and_loads_once(shared, pipeline):
    from comity.ingest import read_paths

    articles = [a for a in read_paths([shared / "seeds"]) if hasattr(a, "body")]
    settings = ExtractSettings()
    assert pipeline_for(settings) is pipeline_for(ExtractSettings())
    first, second = process_partition(articles, settings), process_partition(articles, settings)
    assert first == second == list(pipeline.extract_many(articles))
    assert pickle.loads(pickle.dumps(first)) == first  # results travel back from workers


@pytest.mark.model
@pytest.mark.cluster
def test_runner_two_workers_give_the_records_of_one(shared, tmp_path):
    """`comity extract --workers 2` (two spawned processes): the same lines in the same order as
    one worker, on reports of every kind (dev, seeds, samples) in small partitions."""
    from comity.batch import runner as runner_module

    paths = [str(shared / "dev"), str(shared / "seeds"), str(shared / "dev")]
    one = runner.invoke(app, ["extract", "-q", *paths])
    assert one.exit_code == 0, one.stderr
    old = runner_module.DEFAULT_PARTITION
    runner_module.DEFAULT_PARTITION = 5  # many partitions, finishing out of order
    try:
        two = runner.invoke(app, ["extract", "-q", "--workers", "2", *paths])
    finally:
        runner_module.DEFAULT_PARTITION = old
    assert two.exit_code == 0, two.stderr
    assert two.stdout == one.stdout and len(one.stdout.splitlines()) == 2 * 24 + 2


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    from pathlib import Path

    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    from pathlib import Path

    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.model
@pytest.mark.cluster
@pytest.mark.skipif(not __import__("pathlib").Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_runner_workers_leave_when_the_driver_is_killed(shared, tmp_path):
    """`kill -9` of `comity ingest --workers 2` leaves no worker behind: each watches its parent
    (tasks.start_worker). Generous deadlines: this checks that they go, not how fast."""
    import os
    import signal
    import subprocess
    import sys

    env = {**os.environ, "COMITY_DB": str(tmp_path / "store.db")}
    paths = [str(shared / "real" / "texts")] * 3  # long enough to be killed mid-run
    driver = subprocess.Popen([sys.executable, "-m", "comity", "ingest", "-q", "--workers", "2", *paths],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2 and driver.poll() is None:
            # the spawned workers, not the resource tracker: they run multiprocessing's spawn main
            workers = {p for p in _children(driver.pid)
                       if b"spawn_main" in (open(f"/proc/{p}/cmdline", "rb").read() if _alive(p) else b"")}
            time.sleep(0.2)
        assert driver.poll() is None and len(workers) == 2, "the workers did not start"
        time.sleep(2)  # let them load the model and take work
        tracker = _children(driver.pid) - workers
        os.kill(driver.pid, signal.SIGKILL)
        driver.wait()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(_alive(p) for p in workers | tracker):
            time.sleep(0.2)
        assert not [p for p in workers if _alive(p)], "workers outlived their driver"
        assert not [p for p in tracker if _alive(p)], "the resource tracker outlived the driver"
    finally:
        if driver.poll() is None:
            driver.kill()
