"""comity's NLP layer: spaCy pipeline, comity's components, and the Doc -> record boundary."""
from .pipeline import COMITY_COMPONENTS, build_pipeline

__all__ = ["COMITY_COMPONENTS", "build_pipeline"]
