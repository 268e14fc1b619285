"""Build comity's spaCy pipeline: the base English model plus comity's components, in order."""
from __future__ import annotations

from functools import cache

from spacy.language import Language

from . import extensions  # noqa: F401  (registers the Doc/Span extensions)
from .components import (actors, agreements, context, dates, events, mechanisms,  # noqa: F401
                         paragraphs, persons)
from .loader import load_base_model

# Order matters and each factory declares what it requires, so `nlp.analyze_pipes()`
# flags a component placed before what it reads.
COMITY_COMPONENTS = ("comity_actors", "comity_persons", "comity_dates", "comity_context",
                     "comity_events", "comity_agreements", "comity_mechanisms")


def build_pipeline(model: str | None = None, dictionaries: tuple[str, ...] = (), leaders: bool = True) -> Language:
    """Load the base model once per process and add comity's components after its NER.

    `dictionaries`: user or PETRARCH actor dictionaries (paths) whose patterns the gazetteer adds
    (docs/dictionaries.md); a DataError names the file and line of a bad entry. `leaders`: add the
    bundled list of world leaders with dated offices (resources/leaders.yaml); the dictionaries win
    where they name the same spelling or person. One pipeline is built and cached per distinct
    (model, dictionaries, leaders)."""
    return _build_pipeline(model, tuple(str(p) for p in dictionaries), bool(leaders))


@cache
def _build_pipeline(model: str | None, dictionaries: tuple[str, ...], leaders: bool = True) -> Language:
    from .dictionaries import load_dictionary
    from .dictionaries.leaders import leader_patterns, leaders_path, load_leaders

    loaded = [load_dictionary(path) for path in dictionaries]  # fail on a bad file before loading spaCy
    bundled = load_leaders() if leaders else None
    # load_base_model is cached and becomes the default pipeline (with the leaders, without user
    # dictionaries): any other pipeline needs a Language of its own
    own = bool(dictionaries) or not leaders
    nlp = load_base_model.__wrapped__(model) if own else load_base_model(model)
    if "comity_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("comity_paragraphs", before="parser")  # a blank line ends a sentence
    for name in COMITY_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    gazetteer = nlp.get_pipe("comity_actors")
    gazetteer.initialize()
    for dictionary in loaded:
        gazetteer.add_patterns(dictionary.patterns())
    if bundled is not None:
        gazetteer.add_patterns(leader_patterns(bundled, loaded))
    nlp.meta["comity_dictionaries"] = list(dictionaries)
    nlp.meta["comity_leaders"] = str(leaders_path()) if leaders else None
    return nlp
