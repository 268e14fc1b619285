"""agreement_terms.yaml is checked when read: every section there, none unknown, each of its kind."""
import pytest

from comity.errors import DataError
from comity.nlp.components.agreements import TERM_SECTIONS, Section, _check_terms, agreement_terms
from comity.source_yaml import load_source_lines

# a good value of each kind of section
SAMPLE = {Section.MAPPING: {}, Section.WORDS: ["word"], Section.FOLDED_WORDS: ["Ltd."],
          Section.PAIRS: ["take effect"], Section.CAMEO_CODES: ["057"]}


def sections(**changes):
    data = {name: SAMPLE[kind] for name, kind in TERM_SECTIONS.items()}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_agreement_terms_good_sections_pass():
    _check_terms("agreement_terms.yaml", sections())


def test_agreement_terms_shipped_file_reads():
    terms = agreement_terms()
    assert "renew" in terms.renew_verbs and "for" in terms.period_prepositions and "enter" in terms.force_heads
    assert ("take", "effect") in terms.effect_phrases and "057" in terms.signing_codes and "ltd." in terms.company_words


@pytest.mark.parametrize("data, message", [
    (sections(renew_verb=["renew"]), "unknown sections ['renew_verb']"),
    (sections(force_heads=None), "missing sections ['force_heads']"),
    (sections(kinds=["mou"]), "kinds: a mapping"),
    (sections(definite_words=["the", 2]), "definite_words: a list of words"),
    (sections(effect_phrases=["take"]), "effect_phrases: phrases of two words"),
    (sections(signing_codes=["0577"]), "signing_codes: unknown CAMEO codes ['0577']"),
])
def test_agreement_terms_bad_sections_name_the_file(data, message):
    with pytest.raises(DataError) as e:
        _check_terms("agreement_terms.yaml", data)
    assert "agreement_terms.yaml" in str(e.value) and message in str(e.value)


def test_agreement_terms_unknown_section_names_the_line():
    text = "".join(f"{name}: {{}}\n" if kind is Section.MAPPING else f"{name}: {SAMPLE[kind]}\n"
                   for name, kind in TERM_SECTIONS.items()) + "sign_verb: [sign]\n"
    with pytest.raises(DataError) as e:
        _check_terms("agreement_terms.yaml", load_source_lines(text))
    assert f"agreement_terms.yaml, line {len(TERM_SECTIONS) + 1}" in str(e.value) and "sign_verb" in str(e.value)
