"""Venues: where an encounter took place, on sentences written for these tests.

The first tests build parsed Docs by hand (no model), one construction each; the marked ones run
the whole pipeline on short reports with a dateline that is not the venue."""
import pytest
import spacy
from spacy.tokens import Doc, Span

from comity.nlp import extensions  # noqa: F401  (registers doc._.dateline_place)
from comity.nlp.venues import phrase_head, venue_in
from comity.pipeline import extract


def parsed(words, heads, deps, pos, places):
    """A Doc with a parse and CITY spans: `places` maps a (start, end) to its country code."""
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    spans = [Span(doc, s, e, label="CITY", kb_id=f"{code}||{doc[s:e].text}") for (s, e), code in places.items()]
    return doc, spans


def test_venues_object_of_in_through_a_province_noun():
    # They met in Cambodia 's Siem Reap province
    doc, spans = parsed(["They", "met", "in", "Cambodia", "'s", "Siem", "Reap", "province"],
                        [1, 1, 1, 7, 3, 6, 7, 2],
                        ["nsubj", "ROOT", "prep", "poss", "case", "compound", "compound", "pobj"],
                        ["PRON", "VERB", "ADP", "PROPN", "PART", "PROPN", "PROPN", "NOUN"],
                        {(5, 7): "KHM"})
    assert phrase_head(spans[0].root).text == "province"
    assert venue_in(doc[:], spans) == ("Siem Reap", "KHM", True)  # named as a province: broad


def test_venues_the_city_of():
    # They met in the city of Da Nang
    doc, spans = parsed(["They", "met", "in", "the", "city", "of", "Da", "Nang"],
                        [1, 1, 1, 4, 2, 4, 7, 5],
                        ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "compound", "pobj"],
                        ["PRON", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PROPN"],
                        {(6, 8): "VNM"})
    assert phrase_head(spans[0].root).text == "city"
    assert venue_in(doc[:], spans) == ("Da Nang", "VNM", False)


def test_venues_antecedent_of_where_and_the_place_it_is_in():
    # He went to Mong Cai city in Quang Ninh province , where they met
    doc, spans = parsed(["He", "went", "to", "Mong", "Cai", "city", "in", "Quang", "Ninh", "province", ",",
                         "where", "they", "met"],
                        [1, 1, 1, 4, 5, 2, 5, 8, 9, 6, 9, 13, 13, 9],
                        ["nsubj", "ROOT", "prep", "compound", "compound", "pobj", "prep", "compound",
                         "compound", "pobj", "punct", "advmod", "nsubj", "relcl"],
                        ["PRON", "VERB", "ADP", "PROPN", "PROPN", "NOUN", "ADP", "PROPN", "PROPN", "NOUN",
                         "PUNCT", "SCONJ", "PRON", "VERB"],
                        {(3, 5): "VNM", (7, 9): "VNM"})
    assert venue_in(doc[:], spans)[:2] == ("Mong Cai", "VNM")  # the province only situates the city


def test_venues_a_destination_alone_is_not_a_venue():
    # He flew to Hanoi
    doc, spans = parsed(["He", "flew", "to", "Hanoi"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
                        ["PRON", "VERB", "ADP", "PROPN"], {(3, 4): "VNM"})
    assert venue_in(doc[:], spans) is None


def test_venues_a_place_that_situates_a_topic_is_not_a_venue():
    # They discussed the clashes in Aleppo
    doc, spans = parsed(["They", "discussed", "the", "clashes", "in", "Aleppo"], [1, 1, 3, 1, 3, 4],
                        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj"],
                        ["PRON", "VERB", "DET", "NOUN", "ADP", "PROPN"], {(5, 6): "SYR"})
    assert venue_in(doc[:], spans) is None


def test_venues_here_is_the_dateline():
    doc, spans = parsed(["They", "met", "here"], [1, 1, 1], ["nsubj", "ROOT", "advmod"],
                        ["PRON", "VERB", "ADV"], {})
    doc._.dateline_place = ("Hà Nội", "VNM")
    assert venue_in(doc[:], spans) == ("Hà Nội", "VNM")


# ---- the whole pipeline: the report's venue, not its dateline -------------------------------------

def venues(text, published="2025-06-11"):
    r = extract(text, published=published)
    return {(m.place.name if m.place else None) for m in r.meetings}, {
        (e.cameo, e.place.name if e.place else None) for e in r.events if e.cameo.startswith("04")}


@pytest.mark.model
@pytest.mark.parametrize("text, place", [
    ("KUALA LUMPUR — Malaysia and Thailand agreed on Tuesday to step up joint patrols at the 12th border "
     "committee meeting in Bangkok. Malaysian Defence Minister Mohamed Khaled Nordin co-chaired the meeting "
     "with Thai Defence Minister Phumtham Wechayachai.", "Bangkok"),
    ("HANOI — Vietnamese Defence Minister Phan Van Giang held talks with his Lao counterpart Chansamone "
     "Chanyalath in Laos's Luang Prabang province on Tuesday.", "Luang Prabang"),
    ("BEIJING — On Tuesday, Giang led a Vietnamese delegation across the border to Pingxiang city in China's "
     "Guangxi Zhuang Autonomous Region, where Chinese Defence Minister Dong Jun and Vietnamese Defence Minister "
     "Phan Van Giang held talks.", "Pingxiang"),
    ("TOKYO — Japanese Defence Minister Gen Nakatani met Philippine Defence Secretary Gilberto Teodoro at the "
     "port of Subic on Tuesday.", "Subic"),
    ("CANBERRA — Australian Defence Minister Richard Marles met Indonesian Defence Minister Sjafrie "
     "Sjamsoeddin on Tuesday in Darwin, where the two ministers watched a joint exercise.", "Darwin"),
])
def test_venues_named_in_the_body_over_the_dateline(text, place):
    meetings, events = venues(text)
    assert meetings == {place}
    assert {p for _, p in events} == {place}


@pytest.mark.model
def test_venues_history_does_not_place_the_news():
    # the earlier signing names a city; today's talks were at the dateline's
    meetings, _ = venues("CANBERRA — The two countries signed a defence cooperation agreement in Jakarta last "
                         "year. Australian Defence Minister Richard Marles held talks on Tuesday with Indonesian "
                         "Defence Minister Sjafrie Sjamsoeddin, who is visiting.")
    assert meetings == {"Canberra"}


@pytest.mark.model
def test_venues_handover_ceremony_places_the_talks_after_it():
    meetings, _ = venues("SYDNEY — Australia on Friday handed over a patrol boat to Fiji at a ceremony in "
                         "Townsville. After the ceremony, Australian Defence Minister Richard Marles and Fijian "
                         "Defence Minister Pio Tikoduadua held talks.", published="2025-06-14")
    assert meetings == {"Townsville"}


@pytest.mark.model
def test_venues_an_encounter_at_a_region_and_a_city_in_it_was_at_the_city():
    meetings, events = venues("HANOI — Vietnamese Defence Minister Phan Van Giang and his Lao counterpart Chansamone "
                              "Chanyalath co-chaired a border friendship exchange in the province of Quang Ninh on "
                              "Tuesday. The two ministers held talks in Ha Long city before the main ceremony.")
    assert meetings == {"Ha Long"}
    assert {p for _, p in events} == {"Ha Long"}


def test_venues_a_region_is_broad_a_city_is_not():
    # in the province of Quang Ninh
    doc, spans = parsed(["in", "the", "province", "of", "Quang", "Ninh"], [0, 2, 0, 2, 5, 3],
                        ["ROOT", "det", "pobj", "prep", "compound", "pobj"],
                        ["ADP", "DET", "NOUN", "ADP", "PROPN", "PROPN"], {(4, 6): "VNM"})
    assert venue_in(doc[:], spans).broad
    doc, spans = parsed(["in", "Ha", "Long", "city"], [0, 2, 3, 0], ["ROOT", "compound", "compound", "pobj"],
                        ["ADP", "PROPN", "PROPN", "NOUN"], {(1, 3): "VNM"})
    assert not venue_in(doc[:], spans).broad


@pytest.mark.model
def test_venues_a_dateline_after_the_page_banner_places_the_talks():
    # a page's banner and headline lines come before the dateline
    meetings, _ = venues(" date 2025-06-14 World News\n\nMinisters meet\n\nCANBERRA, June 13 (Agency) -- "
                         "Australian Defence Minister Richard Marles held talks on Friday with Indonesian "
                         "Defence Minister Sjafrie Sjamsoeddin, who is visiting.")
    assert meetings == {"Canberra"}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a city in a clause of what is still to come
    "BERLIN — German Defence Minister Boris Pistorius held talks with Polish Defence Minister Wladyslaw "
    "Kosiniak-Kamysz on Tuesday and said he expects that Poland will take part in the next summit in Warsaw "
    "in May.",
    # a city in an agreement's name
    "BERLIN — German Defence Minister Boris Pistorius held talks with Polish Defence Minister Wladyslaw "
    "Kosiniak-Kamysz on Tuesday about the mutual aid clause in the EU Lisbon treaty.",
    # a city in a university's name
    "BERLIN — German Defence Minister Boris Pistorius held talks with Polish Defence Minister Wladyslaw "
    "Kosiniak-Kamysz on Tuesday. Jan Nowak, a professor at Warsaw University, said the talks went well.",
])
def test_venues_a_city_named_for_something_else_is_no_venue(text):
    meetings, _ = venues(text)
    assert meetings == {"Berlin"}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "ANKARA — Turkish Foreign Minister Hakan Fidan met Greek Foreign Minister George Gerapetritis on the "
    "sidelines of the Munich Security Conference on Saturday.",
    "ANKARA — Attending the Munich Security Conference in Germany, Turkish Foreign Minister Hakan Fidan held "
    "talks with Greek Foreign Minister George Gerapetritis on Saturday.",
])
def test_venues_a_forum_named_for_its_city_is_in_it(text):
    meetings, events = venues(text, published="2025-02-16")
    assert meetings == {"Munich"}
    assert {c for c, _ in events} == {"044"}


@pytest.mark.model
def test_a_second_gathering_after_one_whose_name_holds_no_city_is_read():
    # the first forum is located ("at the Shangri-La Dialogue") but names no city; the second does
    r = extract("Japanese Defence Minister Gen Nakatani met his Philippine counterpart Gilberto Teodoro at the "
                "Shangri-La Dialogue and at the Munich Security Conference on Saturday.", published="2025-06-01")
    assert [(e.cameo, e.place.country if e.place else None) for e in r.events] == [("044", "DEU")]
