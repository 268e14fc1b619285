"""The web view's fixtures: real apps over real stores.

- `web_db`: a SQLite store filled with real extraction results (the seeds and a few dev
  reports through the real pipeline, plus an aggregator's copy of one of them); session-wide.
- `client`: FastAPI's TestClient over `create_app` on that store.
- `small_app`: the app over the hand-made records of tests/store_records.py (no model), on
  SQLite and PostgreSQL.
- `live_server`: the real app served by uvicorn in a thread on 127.0.0.1 (browser tests).
"""
from __future__ import annotations

import dataclasses
import socket
import threading
import time

import pytest
import store_records as rec

from comity.ingest import read_paths
from comity.model import Article, ArticleResult
from comity.storage import Store

DEV = ("dev-01-vietnam-laos-border-exchange.txt", "dev-02-laos-vietnam-policy-dialogue.txt",
       "dev-03-vietnam-cambodia-plan-2026-vna.txt", "dev-04-cambodia-vietnam-plan-2026-xinhua.txt",
       "dev-10-china-vietnam-border-exchange.txt", "dev-15-malaysia-thailand-border-committee.txt",
       "dev-21-vietnam-thailand-football.txt", "dev-23-cambodia-laos-vietnam-trilateral.txt")
REPOST_OF = "dev-03-vietnam-cambodia-plan-2026-vna"


@pytest.fixture(scope="session")
def web_results(pipeline, shared) -> list[ArticleResult]:
    paths = [shared / "seeds"] + [shared / "dev" / name for name in DEV]
    articles = [a for a in read_paths(paths) if isinstance(a, Article)]
    assert len(articles) == 2 + len(DEV)
    results = list(pipeline.extract_many(articles))
    original = next(r.article for r in results if r.article.id == REPOST_OF)
    # the same body under another agency's name: stored as a copy of the story, with no records of its own
    repost = dataclasses.replace(original, id=REPOST_OF + "-repost", source="Aggregator News", origin="repost.txt")
    return results + [ArticleResult(article=repost)]


@pytest.fixture(scope="session")
def web_db(web_results, tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'comity.db'}"
    with Store.open(url) as store:
        store.save(web_results)
    return url


@pytest.fixture(scope="session")
def web_store(web_db):
    store = Store.open(web_db)
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(web_store):
    from fastapi.testclient import TestClient

    from comity.web import create_app

    with TestClient(create_app(web_store), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def small_store(request, tmp_path_factory):
    """The hand-made records (no model needed) in a store on each backend."""
    from conftest import backend_url

    url = backend_url(request, tmp_path_factory, "small")
    store = Store.open(url)
    store.save(rec.all_results())
    yield store
    store.close()


@pytest.fixture(scope="module")
def small_client(small_store):
    from fastapi.testclient import TestClient

    from comity.web import create_app

    with TestClient(create_app(small_store), base_url="http://127.0.0.1") as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(web_store):
    """The app served for real: uvicorn in a thread on 127.0.0.1 and a free port; yields its base URL."""
    import uvicorn

    from comity.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(web_store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
