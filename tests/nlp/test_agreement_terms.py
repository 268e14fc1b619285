"""agreement_terms.yaml is checked when read: every section there, none unknown, each of its kind."""
import pytest

from comity.errors import DataError
from comity.nlp.components.agreements import TERM_LISTS, TERM_MAPPINGS, _check_terms, agreement_terms


def sections(**changes):
    data = {name: {} for name in TERM_MAPPINGS} | {name: ["word"] for name in TERM_LISTS}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_agreement_terms_shipped_file_reads():
    terms = agreement_terms()
    assert "renew" in terms.renew_verbs and "for" in terms.period_prepositions and "enter" in terms.force_heads


@pytest.mark.parametrize("data, message", [
    (sections(renew_verb=["renew"]), "unknown sections ['renew_verb']"),
    (sections(force_heads=None), "missing sections ['force_heads']"),
    (sections(kinds=["mou"]), "kinds: a mapping"),
    (sections(definite_words=["the", 2]), "definite_words: a list of words"),
])
def test_agreement_terms_bad_sections_name_the_file(data, message):
    with pytest.raises(DataError) as e:
        _check_terms("agreement_terms.yaml", data)
    assert "agreement_terms.yaml" in str(e.value) and message in str(e.value)
