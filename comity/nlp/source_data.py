"""Load and check every human-edited source data file comity ships."""
from __future__ import annotations

from typing import Iterator


def check_all() -> Iterator[str]:
    """Load each source; yield one line per file checked. Raises DataError on the first problem."""
    from .agencies import agency_countries
    from .analysis import cues
    from .coding import load_codebook
    from .components.agreements import agreement_terms
    from .components.mechanisms import cues as mechanism_cues, mechanism_terms
    from .lexicon import titles
    from .roles import role_words
    from .triggers import trigger_table
    from .venues import venue_words
    from .compile import check_compiled

    yield f"agencies.yaml: {len(agency_countries())} agencies"
    yield f"cameo.yaml: {len(load_codebook())} CAMEO codes"
    yield f"titles.yaml: {len(titles().office_words)} office words, {len(titles().ranks)} ranks"
    yield f"cues.yaml: {sum(map(len, cues().lists.values()))} cue words"
    table = trigger_table()
    yield (f"event_triggers.yaml: {sum(len(v) for v in table.by_lemma.values())} triggers, "
           f"{len(table.speech_acts)} speech acts, {len(table.groups)} family groups, "
           f"{len(table.code_groups)} code groups")
    yield f"agreement_terms.yaml: {len(agreement_terms().kinds)} kinds"
    mechanism_cues()  # the regular expressions built from its lists compile
    yield f"mechanism_terms.yaml: {len(mechanism_terms().patterns)} patterns, {len(mechanism_terms().levels)} levels"
    yield f"roles.yaml: {len(role_words())} word lists"
    yield f"venues.yaml: {len(venue_words())} word lists"
    yield check_compiled()
