"""A store filled with the hand-made records (tests/store_records.py), once per module and backend."""
from __future__ import annotations

import pytest

import store_records as rec
from comity.storage import Store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def filled(request, tmp_path_factory):
    from conftest import backend_url

    url = backend_url(request, tmp_path_factory, "q")
    store = Store.open(url)
    store.save(rec.all_results())
    yield store
    store.close()


@pytest.fixture
def conn(filled):
    with filled.read() as c:
        yield c
