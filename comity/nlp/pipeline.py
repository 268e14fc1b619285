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


def build_pipeline(model: str | None = None, dictionaries: tuple[str, ...] = ()) -> Language:
    """Load the base model once per process and add comity's components after its NER.

    `dictionaries`: user or PETRARCH actor dictionaries (paths) whose patterns the gazetteer adds
    (docs/dictionaries.md); a DataError names the file and line of a bad entry. One pipeline is
    built and cached per distinct (model, dictionaries)."""
    return _build_pipeline(model, tuple(str(p) for p in dictionaries))


@cache
def _build_pipeline(model: str | None, dictionaries: tuple[str, ...]) -> Language:
    from .dictionaries import load_dictionary

    loaded = [load_dictionary(path) for path in dictionaries]  # fail on a bad file before loading spaCy
    # load_base_model is cached: a pipeline with dictionaries needs a Language of its own
    nlp = load_base_model.__wrapped__(model) if dictionaries else load_base_model(model)
    for name in COMITY_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    gazetteer = nlp.get_pipe("comity_actors")
    gazetteer.initialize()
    for dictionary in loaded:
        gazetteer.add_patterns(dictionary.patterns())
    nlp.meta["comity_dictionaries"] = list(dictionaries)
    return nlp
