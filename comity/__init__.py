"""comity: news reports about international relations, turned into sourced records."""
from .about import __version__

__all__ = ["__version__"]
