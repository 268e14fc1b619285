"""Fixtures shared by every test: the real pipeline (session-wide), paths to shared data."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"../shared is not beside the checkout ({SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    """comity's pipeline on the real spaCy model (loaded once for the whole session)."""
    from comity.pipeline import Pipeline

    return Pipeline()
