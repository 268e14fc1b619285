"""Load and check every human-edited source data file comity ships."""
from __future__ import annotations

from typing import Iterator


def check_all() -> Iterator[str]:
    """Load each source; yield one line per file checked. Raises DataError on the first problem."""
    from .agencies import agency_countries
    from .analysis import cues
    from .coding import load_codebook
    from .components.agreements import agreement_terms
    from .components.mechanisms import mechanism_patterns
    from .lexicon import titles
    from .triggers import trigger_table
    from .compile import check_compiled

    yield f"agencies.yaml: {len(agency_countries())} agencies"
    yield f"cameo.yaml: {len(load_codebook())} CAMEO codes"
    yield f"titles.yaml: {len(titles().office_words)} office words, {len(titles().ranks)} ranks"
    yield f"cues.yaml: {sum(map(len, cues().lists.values()))} cue words"
    table = trigger_table()
    yield (f"event_triggers.yaml: {sum(len(v) for v in table.by_lemma.values())} triggers, "
           f"{len(table.speech_acts)} speech acts")
    yield f"agreement_terms.yaml: {len(agreement_terms().kinds)} kinds"
    yield f"mechanism_terms.yaml: {mechanism_patterns().pattern.count('(?:') and 'ok'}"
    yield check_compiled()
