"""The fast path (comity/nlp/fastpath.py): which reports skip tagger, parser and NER, and the
proof that it changes no record: `comity extract` on the seeds, the dev set, the samples and
a mixed news stream gives the same JSON with and without it, so ../shared/tools/score.py
gives the same scores."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from comity.cli import app
from comity.nlp.fastpath import FastPath, required_literals, term_patterns, without_lookarounds

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]


def load_bench_corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def blank_fast_path():
    """Tokenizer and gazetteer only, as the fast path sees a report: no model needed."""
    nlp = spacy.blank("en")
    nlp.add_pipe("comity_actors").initialize()
    return nlp, FastPath.from_nlp(nlp)


# ---- the doors, on tokens alone ----------------------------------------------------------------------

@pytest.mark.parametrize("text, door", [
    ("Riverside United beat Northport City 2-1 on Saturday, moving up to third in the league table.", None),
    ("Heavy rain is forecast over the northern provinces until Friday, forecasters said.", None),
    ("Shares rose on Monday as investors weighed fresh inflation data.", None),
    ("Thailand's exports grew at their fastest pace in a year, data showed.", None),  # a state, no trigger
    ("The two teams will meet again in a friendly on Friday.", None),  # a trigger, no state
    ("Thailand had a good year for exports.", None),  # "have" is a trigger with talks or a meeting only
    ("The Government will meet on Friday.", None),  # an organisation of no state is nobody's
    ("Thailand will have talks with Laos.", "state and trigger"),
    ("Việt Nam and Laos held talks in Vientiane.", "state and trigger"),
    ("Japan will host the delegation for three days.", "state and trigger"),
    ("The Lao side wished to thank its hosts.", "state and trigger"),
    ("Defence Minister Phan Văn Giang attended the ceremony.", "title"),
    ("He spoke with his counterpart by phone.", "title"),
    ("He thanked their counterparts Ana Lima and Rui Costa.", "title"),  # titles.yaml counterpart_words
    # a title in lower case: a person only where a name can stand beside it
    ("The foreign minister, Maria Lopez, said the talks went well.", "title"),
    ("Maria Lopez, the foreign minister, said the talks went well.", "title"),
    ("Lopez, the foreign minister, said the talks went well.", "title"),
    ("Profit beat forecasts, its chief executive citing strong demand.", None),
    ("Rates were left unchanged.\nThe governor said further cuts would depend on the data.", None),
    ("Senior Lieutenant General Khamliang Outhakaysone attended.", "rank"),
    ("The memorandum covers training.", "term"),
    ("The two sides reviewed the 2025 cooperation plan.", "term"),
    ("They discussed the Shangri-La Dialogue.", "term"),
])
def test_fastpath_doors(blank_fast_path, text, door):
    nlp, fast = blank_fast_path
    assert fast.door(nlp.make_doc(text)) == door


@pytest.mark.parametrize("text, route", [
    ("Riverside United beat Northport City 2-1 on Saturday.", "skip"),
    ("Thailand will have talks with Laos.", "no-ner"),  # an event, but nobody with a title: no person
    ("The memorandum covers training.", "no-ner"),
    ("Defence Minister Phan Văn Giang held talks with Laos.", "full"),
])
def test_fastpath_routes(blank_fast_path, text, route):
    nlp, fast = blank_fast_path
    assert fast.route(nlp.make_doc(text)) == route


def test_fastpath_only_persons_read_the_entities():
    """The NO_NER route rests on this: of comity's components only comity_persons reads doc.ents
    (each declares what it reads, spaCy's `requires`)."""
    from spacy.language import Language

    from comity.nlp.pipeline import COMITY_COMPONENTS

    readers = [name for name in COMITY_COMPONENTS
               if any(r.startswith(("doc.ents", "token.ent")) for r in Language.get_factory_meta(name).requires)]
    assert readers == ["comity_persons"]


def test_fastpath_city_alone_opens_nothing(blank_fast_path):
    nlp, fast = blank_fast_path
    doc = nlp.make_doc("Crowds in Sydney met the team at the airport.")
    assert [s.label_ for s in nlp.get_pipe("comity_actors").match(doc)] == ["CITY"]
    assert fast.door(doc) is None  # a city is a place, never an actor


def test_fastpath_term_at_a_seam_between_glued_tokens(blank_fast_path):
    """comity searches terms sentence by sentence, and a sentence may end where two tokens touch
    letter to letter ("can|not"): there `\\b` holds in the sentence but not in the whole text, so
    the fast path also searches the text with a space at each such seam."""
    from dataclasses import replace

    from comity.nlp.fastpath import Term, _seams

    nlp, fast = blank_fast_path
    doc = nlp.make_doc("Officials cannot say more.")
    assert [t.text for t in doc][:3] == ["Officials", "can", "not"]
    assert _seams(doc) == [doc.text.index("not")]
    term = re.compile(r"\bnot\b")
    assert term.search(doc.text) is None and term.search(doc[2:].text)
    assert replace(fast, terms=(Term(term, ("not",)),)).door(doc) == "term"


def test_fastpath_user_dictionary_label_opens_the_parse(blank_fast_path):
    nlp = spacy.blank("en")
    actors = nlp.add_pipe("comity_actors")
    actors.initialize()
    actors.add_patterns([{"label": "PERSON_KNOWN", "pattern": "Jane Roe", "id": "|GOV|Jane Roe"}])
    fast = FastPath.from_nlp(nlp)
    assert fast.door(nlp.make_doc("Jane Roe arrived.")) == "dictionary"


def test_fastpath_none_without_comity_gazetteer():
    assert FastPath.from_nlp(spacy.blank("en")) is None


# ---- the term patterns ---------------------------------------------------------------------------------

@pytest.mark.parametrize("pattern, bare", [
    (r"\bagreements?\b(?! (?:was|were) reached)", r"\bagreements?\b"),
    (r"a(?= and) and b", "a and b"),
    (r"(?<!x)y(?<=y)", "y"),
    (r"a\(?!b\)", r"a\(?!b\)"),  # escaped parentheses are text, not a group
])
def test_fastpath_without_lookarounds(pattern, bare):
    assert without_lookarounds(pattern) == bare


@pytest.mark.parametrize("pattern, literals", [
    ("memorandum of understanding", ("memorandum of understanding",)),
    (r"\bmou\b", ("mou",)),
    ("joint (?:leaders.? )?(?:statement|declaration|communiqu[eé])",
     ("communiqu", "declaration", "statement")),
    ("Shangri-La Dialogue", ("shangri-la dialogue",)),
    (r"(?:19|20)\d\d (?:defen[cs]e |military )?plan", ("plan",)),
    (r"[A-Z]\w+", None),
])
def test_fastpath_required_literals(pattern, literals):
    assert required_literals(pattern) == literals


def test_fastpath_required_literals_hold_for_every_match(shared):
    """Every match of every term pattern in the shared reports contains one of its literals."""
    texts = [p.read_text(encoding="utf-8") for folder in ("seeds", "dev")
             for p in (shared / folder).glob("*.txt")]
    seen = 0
    for term in term_patterns():
        for text in texts:
            for m in term.pattern.finditer(text):
                seen += 1
                assert term.literals is None or any(lit in m.group(0).casefold() for lit in term.literals)
    assert seen > 50


# ---- on the real model ------------------------------------------------------------------------------

@pytest.mark.model
def test_fastpath_lemmas_cover_the_lemmatizer(shared, pipeline):
    """The fast path's possible lemmas of a word include the lemma the model gives it, for every
    token of the shared reports (so no trigger is missed for want of the tagger)."""
    from comity.ingest import read_paths

    fast = pipeline.fast_path
    articles = [a for a in read_paths([shared / "seeds", shared / "dev"]) if hasattr(a, "body")]
    checked = 0
    for doc in pipeline.nlp.pipe(pipeline.make_doc(a) for a in articles):
        for token in doc:
            assert token.lemma_.lower() in fast.possible_lemmas(token.text), (token.text, token.lemma_)
            checked += 1
    assert checked > 5000
    assert {"hold", "meet", "sign", "visit"} <= {lemma for w in ("held", "met", "signed", "visiting")
                                                 for lemma in fast.possible_lemmas(w)}


def _extract(*args: str) -> list[str]:
    result = runner.invoke(app, ["extract", "-q", *args])
    assert result.exit_code == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line.strip()]


@pytest.mark.model
def test_fastpath_same_records_and_scores_on_the_evaluation_sets(shared, tmp_path):
    """`comity extract` on ../shared/seeds and ../shared/dev: the same JSON, byte for byte, and the
    same scores from ../shared/tools/score.py, with and without the fast path."""
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    for name in ("seeds", "dev"):
        fast, full = _extract(str(shared / name)), _extract(str(shared / name), "--no-fast-path")
        assert fast == full
        gold = scorer.load_jsonl(shared / "gold" / f"{name}.jsonl")
        scores = [scorer.score(gold, [json.loads(line) for line in lines]) for lines in (fast, full)]
        tallies = [{k: t.prf() for k, t in s[0].items()} for s in scores]
        assert tallies[0] == tallies[1] and scores[0][1] == scores[1][1] == []


@pytest.mark.model
def test_fastpath_same_records_on_a_mixed_stream(tmp_path):
    """A news stream that is mostly sport, markets and weather (bench/corpus.py), plus comity's
    samples: identical records, and most reports skip the model."""
    corpus = load_bench_corpus()
    feed = tmp_path / "mixed.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                            for i, t in corpus.texts("mixed", 120, seed=11)), encoding="utf-8")
    samples = str(REPO / "comity" / "samples")
    fast, full = _extract(str(feed), samples), _extract(str(feed), samples, "--no-fast-path")
    assert fast == full
    records = [json.loads(line) for line in fast]
    assert any(r["events"] for r in records) and sum(not r["events"] for r in records) > 60


@pytest.mark.model
def test_fastpath_skips_most_of_a_mixed_stream(pipeline):
    corpus = load_bench_corpus()
    articles = corpus.articles("mixed", 200, seed=11)
    parsed = [pipeline.fast_path.needs_parse(pipeline.make_doc(a)) for a in articles]
    diplomatic = [p for p, a in zip(parsed, articles) if a.id.startswith("diplomatic")]
    assert all(diplomatic) and sum(parsed) < 0.5 * len(parsed)
    routes = {pipeline.fast_path.route(pipeline.make_doc(a)) for a in articles}
    assert routes == {"skip", "no-ner", "full"}
    some = articles[:40]
    assert [pipeline.extract(a) for a in some] == list(pipeline.extract_many(some))  # one by one as in batches


# ---- the speech acts: the fast path reads the coder's one table (nlp/triggers.py) -----------------

@pytest.fixture(scope="module")
def full_route(pipeline):
    """The same spaCy pipeline with the fast path off: every report parsed."""
    from comity.pipeline import Pipeline

    return Pipeline(pipeline.nlp, fast_path=False)


def _codes(result) -> list[tuple[str, str, str]]:
    return sorted((e.cameo, e.source.country, e.target.country if e.target else "") for e in result.events)


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Peru proposed that Chile continue the fisheries programme.", ("020", "PER", "CHL")),
    ("Chile suggested Bolivia send more officers.", ("020", "CHL", "BOL")),
    ("Chile said Bolivia must pay back the loan.", ("100", "CHL", "BOL")),
    ("Argentina said Uruguayan troops had violated the border.", ("112", "ARG", "URY")),
])
def test_fastpath_speech_acts_give_the_same_records_both_ways(pipeline, full_route, text, expected):
    """A speech act's verb ("proposed", "said") is no row of a trigger family: a fast path that
    read those rows only skipped such reports, which the pipeline codes. Both read the compiled
    table now, speech acts included."""
    from dataclasses import replace

    from comity.ingest import Article
    from comity.nlp.triggers import trigger_table

    article = Article(id="speech", text=text)
    fast, full = pipeline.extract(article), full_route.extract(article)
    assert expected in _codes(full)
    assert _codes(fast) == _codes(full)
    rows_only = {lemma: tuple((t.objects, t.requires_word) for t in found)
                 for lemma, found in trigger_table().by_lemma.items()}
    doc = pipeline.make_doc(article)
    assert replace(pipeline.fast_path, triggers=rows_only, _lemmas={}).route(doc) == "skip"  # the old bug
    assert pipeline.fast_path.route(doc) != "skip"


def test_fastpath_sees_every_lemma_the_coder_starts_from(blank_fast_path):
    """The fast path's trigger words are the compiled table's: trigger rows and speech acts."""
    from comity.nlp.triggers import trigger_table

    _, fast = blank_fast_path
    table = trigger_table()
    assert set(fast.triggers) == set(table.lemmas)
    assert {"propose", "suggest", "say", "allege"} <= set(fast.triggers)


@pytest.mark.model
def test_fastpath_same_records_on_every_shared_report(shared, pipeline, full_route):
    """Every seed, dev and real report: the same records with the fast path (the default) and
    without it, through one spaCy pipeline."""
    from comity.ingest import read_paths
    from comity.model.jsonio import result_to_json

    articles = [a for a in read_paths([shared / "seeds", shared / "dev", shared / "real" / "texts"])
                if hasattr(a, "body")]
    assert len(articles) > 100
    fast = [result_to_json(r) for r in pipeline.extract_many(articles)]
    full = [result_to_json(r) for r in full_route.extract_many(articles)]
    assert fast == full
