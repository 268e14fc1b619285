"""agreement_terms.yaml is checked when read: every section there, none unknown, each of its kind
(its lists through comity/nlp/word_lists.py)."""
import pytest

from comity.errors import DataError
from comity.nlp.components.agreements import TERM_LISTS, TERM_MAPPINGS, agreement_terms, read_terms
from comity.nlp.word_lists import CAMEO_CODES, FOLDED, PAIRS, WORDS

# a good value of each kind of list
SAMPLE = {WORDS: "[word]", FOLDED: "[Ltd.]", PAIRS: "[take effect]", CAMEO_CODES: "['057']"}


def text(**changes) -> str:
    data = {name: "{}" for name in TERM_MAPPINGS} | {name: SAMPLE[kind] for name, kind in TERM_LISTS.items()}
    data.update(changes)
    return "".join(f"{k}: {v}\n" for k, v in data.items() if v is not None)


def test_agreement_terms_good_sections_pass():
    terms = read_terms(text())
    assert terms.company_words == frozenset({"ltd."}) and terms.effect_phrases == frozenset({("take", "effect")})


def test_agreement_terms_shipped_file_reads():
    terms = agreement_terms()
    assert "renew" in terms.renew_verbs and "for" in terms.period_prepositions and "enter" in terms.force_heads
    assert ("take", "effect") in terms.effect_phrases and "057" in terms.signing_codes and "ltd." in terms.company_words


@pytest.mark.parametrize("changes, message", [
    ({"renew_verb": "[renew]"}, f"line {len(TERM_LISTS) + len(TERM_MAPPINGS) + 1} is invalid: unknown section or list 'renew_verb'"),
    ({"force_heads": None}, "missing lists: force_heads"),
    ({"kinds": "[mou]"}, "line 1 is invalid: kinds: a mapping"),
    ({"definite_words": "[the, 2]"}, "definite_words: words must be text"),
    ({"effect_phrases": "[take]"}, "effect_phrases: phrases of two words"),
    ({"signing_codes": "['0577']"}, "signing_codes: unknown CAMEO codes ['0577']"),
])
def test_agreement_terms_bad_sections_name_the_file_and_line(changes, message):
    with pytest.raises(DataError, match=r"^\[E104\]") as e:
        read_terms(text(**changes))
    assert "agreement_terms.yaml" in str(e.value) and message in str(e.value)
