"""The cue lists of the shared sentence analysis (resources/cues.yaml), compiled and checked.

The compiler of cues.yaml, as comity/nlp/triggers.py is of event_triggers.yaml: `SECTIONS` names
every list the file may hold (the file says what each is for), `parse_cues` reads and checks it
through comity/nlp/word_lists.py (a list is addressed as "section.name"),
and `cues()` is the shipped file, read once. comity/nlp/analysis.py reads its words from here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .word_lists import WORDS, read_lists

# the lists cues.yaml may hold, by section (see the file for what each cue means)
SECTIONS: dict[str, tuple[str, ...]] = {
    "negation": ("denials", "failure_heads", "pending", "denying_determiners"),
    "modality": ("future_aux", "hypothetical_aux", "obligation_aux", "advice_aux", "infinitive_marks",
                 "conditional_marks", "planning_heads", "future_phrases", "plan_modifiers", "plan_object_heads",
                 "future_object_heads", "listing_preps",
                 "plan_states", "plan_copulas"),
    "tense": ("past_perfect_aux", "done_aux", "same_day_phrases"),
    "background": ("date_kinds", "headings", "adverbs", "modifiers"),
    "reported_speech": ("embedding_heads", "say_verbs", "accusation_verbs", "proposal_verbs", "attribution_phrases",
                        "violation_verbs", "embedding_nouns", "consequence_verbs", "consequence_nouns"),
}


@dataclass(frozen=True)
class Cues:
    """The word lists of resources/cues.yaml, by section and list name."""

    lists: dict[str, frozenset[str]]  # "section.list" -> words (lower case)
    future_pattern: re.Pattern[str]  # any of modality.future_phrases, as whole words
    attribution_pattern: re.Pattern[str]  # text that ends in an attribution (reported_speech.attribution_phrases)
    heading_pattern: re.Pattern[str]  # a background box's heading (background.headings) opening a text
    same_day_pattern: re.Pattern[str]  # any of tense.same_day_phrases, as whole words

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists[name]


def _path():
    return resources.files("comity.nlp") / "resources" / "cues.yaml"


def parse_cues(text: str, path="cues.yaml", *, complete: bool = False) -> Cues:
    """Read and check cues.yaml's text (comity/nlp/word_lists.py: an unknown section or list, or a
    word that is not text, is an error naming the file and line); with `complete` (the shipped
    file), a list the analysis reads that it does not hold is an error naming the file. A part
    of the file (a test's) may leave lists out: they are empty."""
    lists = read_lists(text, path, {f"{section}.{name}": WORDS for section, names in SECTIONS.items()
                                    for name in names}, complete=complete)
    return Cues(lists=lists, future_pattern=re.compile(r"\b(?:" + _alternatives(lists["modality.future_phrases"]) + r")\b", re.I),
                same_day_pattern=re.compile(
                    r"\b(?:" + _alternatives(lists["tense.same_day_phrases"]) + r")\b", re.I),
                attribution_pattern=re.compile(
                    r"\b(?:" + _alternatives(lists["reported_speech.attribution_phrases"]) + ")"
                    # "said in a statement", "announced in its weekly briefing"
                    r"(?:\s+in\s+(?:a|an|its|the)(?:\s+[\w-]+){1,2})?\s*,?\s*$", re.I),
                # "Background\n", "Background: ...", "Background • ...": the heading alone on its line or
                # before a colon or a bullet, not the word in a sentence ("Background checks were ...")
                heading_pattern=re.compile(r"^\s*(?:" + _alternatives(lists["background.headings"])
                                           + r")\s*(?:[:•·–—]|\n)", re.I))


def _alternatives(phrases) -> str:
    """A regex alternation of `phrases` (longest first; `*` is any one word); one that never
    matches when there are none."""
    if not phrases:
        return "(?!)"
    return "|".join(re.escape(p).replace(r"\*", r"\w+") for p in sorted(phrases, key=lambda p: (-len(p), p)))


@cache
def cues() -> Cues:
    path = _path()
    return parse_cues(path.read_text(encoding="utf-8"), path, complete=True)
