"""comity: news reports about international relations, turned into sourced records.

    >>> import comity
    >>> result = comity.extract(text, published="2025-12-02")
    >>> pipe = comity.Pipeline()          # loads the model once
    >>> from comity.model import Article   # read_paths also yields InputError/InputWarning items
    >>> results = pipe.extract_many(a for a in comity.read_paths(["reports/"]) if isinstance(a, Article))
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .about import __version__

if TYPE_CHECKING:
    from .ingest import read_paths
    from .pipeline import Pipeline, extract

__all__ = ["Pipeline", "__version__", "extract", "read_paths"]


def __getattr__(name: str) -> Any:
    # loaded on first use: `import comity` (and the CLI's --help) stays free of spaCy
    if name in ("Pipeline", "extract"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "read_paths":
        from .ingest import read_paths

        return read_paths
    raise AttributeError(f"module 'comity' has no attribute {name!r}")
