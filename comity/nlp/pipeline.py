"""Build comity's spaCy pipeline: the base English model plus comity's components, in order."""
from __future__ import annotations

from functools import cache

from spacy.language import Language

from . import extensions  # noqa: F401  (registers the Doc/Span extensions)
from .components import actors, agreements, context, dates, events, mechanisms, persons  # noqa: F401
from .loader import load_base_model

# Order matters and each factory declares what it requires, so `nlp.analyze_pipes()`
# flags a component placed before what it reads.
COMITY_COMPONENTS = ("comity_actors", "comity_persons", "comity_dates", "comity_context",
                     "comity_events", "comity_agreements", "comity_mechanisms")


@cache
def build_pipeline(model: str | None = None) -> Language:
    """Load the base model once per process and add comity's components after its NER."""
    nlp = load_base_model(model)
    for name in COMITY_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    nlp.get_pipe("comity_actors").initialize()
    return nlp
