"""comity's NLP layer: spaCy pipeline, comity's components, and the Doc -> record boundary."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pipeline import COMITY_COMPONENTS, build_pipeline

__all__ = ["COMITY_COMPONENTS", "build_pipeline"]


def __getattr__(name: str) -> Any:
    # loaded on first use: the gazetteer (comity.nlp.gazetteer, which names countries for the query
    # layer) is read without spaCy
    if name in __all__:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'comity.nlp' has no attribute {name!r}")
