"""ActorIndex (comity/nlp/components/actors.py): the gazetteer's spans of a Doc, read once."""
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from comity.nlp.components.actors import SPANS_KEY, actor_index


def doc_with_actors():
    doc = Doc(Vocab(), words="Việt Nam and Laos met in Hanoi . Japan watched".split())
    doc.spans[SPANS_KEY] = [Span(doc, 0, 2, label="COUNTRY"), Span(doc, 3, 4, label="COUNTRY"),
                            Span(doc, 6, 7, label="CAPITAL"), Span(doc, 8, 9, label="COUNTRY")]
    return doc


def test_covering_and_starting_in_read_the_spans_by_token():
    index = actor_index(doc_with_actors())
    assert [s.text for s in index.covering(1)] == ["Việt Nam"]  # the second word of a two-word name
    assert index.covering(2) == []
    assert [s.text for s in index.starting_in(0, 8)] == ["Việt Nam", "Laos", "Hanoi"]  # the first sentence
    assert [s.text for s in index.starting_in(1, 4)] == ["Laos"]  # a span that only ends in the range is not in it


def test_the_index_is_built_once_and_again_when_the_group_changes():
    doc = doc_with_actors()
    first = actor_index(doc)
    assert actor_index(doc) is first
    doc.spans[SPANS_KEY] = [Span(doc, 8, 9, label="COUNTRY")]
    assert [s.text for s in actor_index(doc).spans] == ["Japan"]


def test_a_doc_without_actor_spans_has_an_empty_index():
    index = actor_index(Doc(Vocab(), words=["nothing", "here"]))
    assert index.spans == () and index.covering(0) == [] and index.starting_in(0, 2) == []
