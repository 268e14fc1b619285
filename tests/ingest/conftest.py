"""Fixtures for the reader tests (the shared seeds and dev set come from tests/conftest.py: `shared`)."""
from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


@pytest.fixture
def data_dir() -> Path:
    return DATA
