"""Limits on one input, so that no single file or line can stop a run or eat the memory.

Each is a setting with a safe default, read from the environment when it is used
(docs/limits.md). Over a limit, that input is skipped with a numbered error naming it;
the run goes on.

| setting                   | default     | what                                                  |
| ------------------------- | ----------- | ----------------------------------------------------- |
| COMITY_MAX_REPORT_CHARS   | 1,000,000   | characters in one report                              |
| COMITY_SECTION_CHARS      | 100,000     | characters the model reads at once: a longer report   |
|                           |             | is read in sections (comity/sections.py)              |
| COMITY_MAX_GZIP_MB        | 50          | decompressed size of one .gz file, in MB              |
| COMITY_MAX_LINE_MB        | 10          | bytes in one JSON line, in MB                         |
| COMITY_RUN_STALE_MINUTES  | 60          | a run started on another machine that has stored      |
|                           |             | nothing for this long is taken as interrupted         |
"""
from __future__ import annotations

import os

MAX_REPORT_CHARS = 1_000_000
SECTION_CHARS = 100_000
MAX_GZIP_MB = 50
MAX_LINE_MB = 10
RUN_STALE_MINUTES = 60


def _setting(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip().replace("_", "")
    try:
        number = int(value) if value else default
    except ValueError:
        return default
    return number if number > 0 else default


def max_report_chars() -> int:
    """Characters one report may have (`COMITY_MAX_REPORT_CHARS`, default 1,000,000)."""
    return _setting("COMITY_MAX_REPORT_CHARS", MAX_REPORT_CHARS)


def section_chars() -> int:
    """Characters of a report the model reads at once (`COMITY_SECTION_CHARS`, default 100,000: spaCy's
    parser takes about 1 GB per 100,000); a longer report is read in sections (comity/sections.py)."""
    return _setting("COMITY_SECTION_CHARS", SECTION_CHARS)


def max_gzip_bytes() -> int:
    """Bytes one .gz file may decompress to (`COMITY_MAX_GZIP_MB`, default 50 MB)."""
    return _setting("COMITY_MAX_GZIP_MB", MAX_GZIP_MB) * 1024 * 1024


def max_line_bytes() -> int:
    """Bytes one line of a JSON Lines file may have (`COMITY_MAX_LINE_MB`, default 10 MB: a report at
    the character limit, escaped, with room to spare); lines are read one at a time up to it."""
    return _setting("COMITY_MAX_LINE_MB", MAX_LINE_MB) * 1024 * 1024


def run_stale_minutes() -> int:
    """Minutes with no sign of life after which a `running` run of another machine (or one that did not
    record its process) is taken as interrupted (`COMITY_RUN_STALE_MINUTES`, default 60). A run of this
    machine is judged by its process instead (comity/storage/runs.py)."""
    return _setting("COMITY_RUN_STALE_MINUTES", RUN_STALE_MINUTES)
