"""Dask plumbing for `run_dask`: the client (a LocalCluster or a running scheduler) and the
WorkerPlugin that builds comity's pipeline once per worker.

Imported only when Dask is used (`pip install 'comity[dask]'`); `connect()` says how to
install it when it is missing.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import BatchError, Errors
from .tasks import ExtractSettings, warm

try:
    import dask
    import distributed
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - the extra is not installed
    dask = distributed = None
    WorkerPlugin = object

LOCAL = re.compile(r"local(?::(\d+))?")
REMOTE = re.compile(r"[a-z][a-z0-9+]*://[^\s/]+/?")
DEFAULT_LOCAL_WORKERS = 2


def parse_address(address: str) -> tuple[str, int | None]:
    """("local", N or None) or ("remote", None); E402 for anything else."""
    address = address.strip()
    m = LOCAL.fullmatch(address)
    if m and (m.group(1) is None or int(m.group(1)) >= 1):
        return "local", int(m.group(1)) if m.group(1) else None
    if REMOTE.fullmatch(address):
        return "remote", None
    raise BatchError(Errors.E402.format(value=address))


class PipelinePlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Builds comity's pipeline on each worker as it joins, replacements after a crash included,
    so tasks never pay the model's load time. Lives in an importable module: Dask ships it by
    reference, not by value."""

    name = "comity-pipeline"

    def __init__(self, settings: ExtractSettings):
        self.settings = settings

    def setup(self, worker: Any) -> None:
        warm(self.settings)


@contextmanager
def connect(address: str, settings: ExtractSettings, *, timeout: float = 5.0) -> Iterator[Any]:
    """A Dask client with comity's plugin registered: on a LocalCluster started here (stopped
    on exit; its scratch space in a temporary folder, removed on exit), or on the scheduler at
    `address` (E401 within about `timeout` seconds if it does not answer)."""
    kind, n = parse_address(address)
    if distributed is None:
        raise BatchError(Errors.E404)
    scratch = tempfile.mkdtemp(prefix="comity-dask-")
    try:
        with dask.config.set({"temporary-directory": scratch}):
            if kind == "local":
                # on 127.0.0.1 only; the scheduler's HTTP endpoints on a free port, not the fixed 8787
                with distributed.LocalCluster(n_workers=n or DEFAULT_LOCAL_WORKERS, threads_per_worker=1,
                                              processes=True, host="127.0.0.1",
                                              dashboard_address="127.0.0.1:0", local_directory=scratch,
                                              silence_logs=40) as cluster, \
                        distributed.Client(cluster) as client:
                    client.register_plugin(PipelinePlugin(settings))
                    yield client
            else:
                try:
                    client = distributed.Client(address, timeout=f"{timeout}s")
                except (OSError, TimeoutError) as e:
                    raise BatchError(Errors.E401.format(address=address, seconds=f"{timeout:g}")) from e
                with client:
                    client.register_plugin(PipelinePlugin(settings))
                    yield client
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
