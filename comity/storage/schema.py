"""The store's tables (SQLAlchemy Core). Alembic scripts in `migrations/versions` build them;
a test checks that a store migrated to head matches these definitions exactly.

Shape, in GDELT's terms: an *event* is one real-world happening (date, CAMEO code, dyad)
and an *event mention* is one report's sentence about it, so counts never double-count
and every event keeps all its sources. The same goes for meetings, agreements (one row per
instrument, one observation per report) and mechanisms (one row per body, one occurrence
per report). A *story* groups the copies and retellings of one report; an *article* is one
copy as read (its text, header and agency).

Dates are ISO strings: an event may be dated to a month ("2025-12") or a year, and ISO
strings sort and compare correctly as text on every backend.
"""
from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, text

metadata = MetaData()


def provenance_columns() -> list[Column]:
    """What made a record and what changed it (`rule`, `steps`; docs/extraction.md), kept per
    observation: another report may find the same event by another rule (0005). Defaults fill
    the rows of stores written before them."""
    return [Column("rule", String, nullable=False, server_default=text("''")),
            Column("steps", JSON, nullable=False, server_default=text("'[]'"))]


runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", String, nullable=False),
    Column("finished_at", String),
    Column("status", String, nullable=False),  # running | done | failed | interrupted (storage/runs.py)
    Column("paths", JSON, nullable=False),
    Column("comity_version", String, nullable=False),
    Column("n_read", Integer, nullable=False, default=0),
    Column("n_new", Integer, nullable=False, default=0),
    Column("n_known", Integer, nullable=False, default=0),  # already in the store: not extracted again
    Column("n_skipped", Integer, nullable=False, default=0),
    # the process doing the run, so that one killed outright can be told from one still going (0010)
    Column("pid", Integer),
    Column("host", String),
    Column("process_start", String),  # "boot id:start tick" on Linux; None elsewhere
    Column("heartbeat_at", String),  # renewed as the run stores batches
    Column("resumes", Integer),  # the interrupted or failed run of the same paths this one takes up
)

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String, nullable=False, unique=True),  # the body of its first copy
    Column("first_published", String),
    Column("title", Text),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("copy_hash", String, nullable=False, unique=True),  # text and header as read: idempotence
    Column("content_hash", String, nullable=False, index=True),  # the body only: copies of one report
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False, index=True),
    Column("is_primary", Boolean, nullable=False),  # the copy whose records are stored
    Column("input_id", String, nullable=False),
    Column("published", String, index=True),
    Column("dateline", String),
    Column("source", String),
    Column("title", Text),
    Column("url", Text),
    Column("language", String, nullable=False),
    Column("origin", Text),
    Column("body_start", Integer, nullable=False),
    Column("body_end", Integer),
    Column("text", Text, nullable=False),
    Column("search_text", Text),  # fold_text(text), what full-text search indexes (0002; always set)
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("ingested_at", String, nullable=False),
)

persons = Table(
    "persons", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String, nullable=False, unique=True),  # identity.person_key: name and country ("phanvangiang|VNM")
    Column("name", String, nullable=False),
    Column("country", String, index=True),
    Column("first_seen", String),
    Column("last_seen", String),
)

person_observations = Table(
    "person_observations", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer, ForeignKey("persons.id"), nullable=False, index=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("local_id", String, nullable=False),  # the person's id in the article's record ("p1")
    Column("name", String, nullable=False),  # as written in this report
    Column("country", String),
    Column("titles", JSON, nullable=False),
    Column("rank", String),
    Column("aliases", JSON, nullable=False),
    Column("mentions", JSON, nullable=False),
    Column("observed_on", String),  # the report's publication date
    Column("confidence", Float, nullable=False),
    *provenance_columns(),
)
Index("uq_person_observation", person_observations.c.article_id, person_observations.c.local_id, unique=True)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String, nullable=False, unique=True),  # mapping.event_key: date, code, dyad
    Column("date", String),
    Column("date_granularity", String),
    Column("cameo", String, nullable=False),
    Column("cameo_root", String, nullable=False),
    Column("plover_type", String, nullable=False),
    Column("plover_mode", String, nullable=False),
    Column("plover_context", JSON, nullable=False),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("source_country", String),
    Column("source_sector", String),
    Column("source_name", String),
    Column("target_country", String),
    Column("target_sector", String),
    Column("target_name", String),
    Column("place_name", String),
    Column("place_country", String),
    Column("num_mentions", Integer, nullable=False),
    Column("num_articles", Integer, nullable=False),
)
# the dyad and country filters and `comity timeline`: both orders of a pair, then date
Index("ix_events_dyad_date", events.c.source_country, events.c.target_country, events.c.date)
Index("ix_events_target_date", events.c.target_country, events.c.date)
Index("ix_events_date", events.c.date)
Index("ix_events_cameo", events.c.cameo)

event_mentions = Table(
    "event_mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("local_id", String, nullable=False),
    Column("source_person_id", Integer, ForeignKey("persons.id"), index=True),
    Column("target_person_id", Integer, ForeignKey("persons.id"), index=True),
    Column("date_text", String),
    Column("trigger", String, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("evidence_fold", Text, nullable=False),  # for the `--text` filter, diacritics optional
    Column("more_evidence", JSON, nullable=False),
    *provenance_columns(),
)
Index("uq_event_mention", event_mentions.c.article_id, event_mentions.c.local_id, unique=True)

meetings = Table(
    "meetings", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String, nullable=False, unique=True),  # date and countries, as the scorer keys them
    Column("date", String),
    Column("kind", String, nullable=False),
    Column("countries", String, nullable=False),  # "KHM-VNM": sorted codes
    Column("place_name", String),
    Column("place_country", String),
    Column("host_country", String),
    Column("status", String, nullable=False),
)
Index("ix_meetings_date", meetings.c.date)

meeting_countries = Table(
    "meeting_countries", metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id"), primary_key=True),
    Column("country", String, primary_key=True, index=True),
)

meeting_mentions = Table(
    "meeting_mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meetings.id"), nullable=False, index=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("local_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("status", String, nullable=False),
    Column("participants", JSON, nullable=False),  # store person ids
    Column("events", JSON, nullable=False),  # store event ids
    *provenance_columns(),
)
Index("uq_meeting_mention", meeting_mentions.c.article_id, meeting_mentions.c.local_id, unique=True)

agreements = Table(
    "agreements", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String, nullable=False, unique=True),  # comity.link.agreements.identity_key
    Column("kind", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("parties", String, nullable=False),  # "KHM-VNM"
    Column("domain", String),
    Column("period_start", Integer),
    Column("period_end", Integer),
    Column("signed_on", String),
    Column("status", String, nullable=False),  # the latest observed
    Column("first_seen", String),
    Column("last_seen", String),
)

agreement_parties = Table(
    "agreement_parties", metadata,
    Column("agreement_id", Integer, ForeignKey("agreements.id"), primary_key=True),
    Column("country", String, primary_key=True, index=True),
)

agreement_observations = Table(
    "agreement_observations", metadata,
    Column("id", Integer, primary_key=True),
    Column("agreement_id", Integer, ForeignKey("agreements.id"), nullable=False, index=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("local_id", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("status", String, nullable=False),
    Column("signed_on", String),
    Column("observed_on", String),
    Column("signatories", JSON, nullable=False),  # store person ids
    Column("witnesses", JSON, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    *provenance_columns(),
)
Index("uq_agreement_observation", agreement_observations.c.article_id, agreement_observations.c.local_id,
      unique=True)

mechanisms = Table(
    "mechanisms", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String, nullable=False, unique=True),  # folded name and countries
    Column("name", Text, nullable=False),
    Column("countries", String, nullable=False),
    Column("level", String),
)

mechanism_occurrences = Table(
    "mechanism_occurrences", metadata,
    Column("id", Integer, primary_key=True),
    Column("mechanism_id", Integer, ForeignKey("mechanisms.id"), nullable=False, index=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("local_id", String, nullable=False),
    Column("ordinal", Integer),
    Column("countries", String),  # the countries this report names for it ("LAO-VNM"; 0007)
    Column("level", String),
    Column("status", String, nullable=False),
    Column("date", String),
    Column("place_name", String),
    Column("place_country", String),
    Column("observed_on", String),
    Column("confidence", Float, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    *provenance_columns(),
)
Index("uq_mechanism_occurrence", mechanism_occurrences.c.article_id, mechanism_occurrences.c.local_id,
      unique=True)

# Events counted per direction, period and PLOVER type, so that charts and rankings read a few hundred
# rows instead of every event (issue 7). Kept by Store.save in the transaction that stores the events
# (an event row is counted once, when it is created; its date, dyad and type never change after).
# Key columns are never NULL (they make the primary key): "" is an unknown country or an undated event,
# and "*" is the total over that column. Three kinds of rows:
#   (source, target, period, type)  an event's own cell: period "2025-12", or "2025" when dated to the year
#   (source, target, "*", "*")      all events of one direction of a dyad (the overview's ranking)
#   ("*", "*", period, type)        the whole store per period and type (the overview's chart)
event_counts = Table(
    "event_counts", metadata,
    Column("source_country", String, primary_key=True),
    Column("target_country", String, primary_key=True),
    Column("period", String, primary_key=True),
    Column("plover_type", String, primary_key=True),
    Column("events", Integer, nullable=False),
)
Index("ix_event_counts_period", event_counts.c.period, event_counts.c.plover_type)  # the per-dyad totals

# Alert rules and the alerts they raised (issue 18; docs/alerts.md). A rule is kept by name (adding it again
# replaces its definition, not its alerts); `Store.save` evaluates the rules on what each batch adds, in the
# batch's transaction. An alert is one fact for one rule: (kind, fact_id, status) is an event, a meeting, an
# agreement at one status, or a person in one story; more reports of it update `sources`, never add a row.
alert_rules = Table(
    "alert_rules", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String, nullable=False, unique=True),
    Column("on_kinds", JSON, nullable=False),  # ["agreement", "meeting", "event", "person"]: at least one
    Column("dyad", String),  # "LAO-VNM": sorted codes; both must take part
    Column("country", String),  # one state taking part
    Column("types", JSON, nullable=False),  # events: PLOVER types or CAMEO prefixes ([] = any)
    Column("statuses", JSON, nullable=False),  # agreements: the statuses that raise an alert ([] = any)
    Column("person", String),  # a person's name as given; matched by identity.name_key
    Column("min_sources", Integer, nullable=False),
    Column("origin", Text, nullable=False),  # "alerts.yaml:3" or "command line"
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("webhook", Text),  # an http(s) URL each new alert is POSTed to (migration 0009)
)

alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True),
    Column("rule_id", Integer, ForeignKey("alert_rules.id"), nullable=False),
    Column("kind", String, nullable=False),  # agreement | meeting | event | person
    Column("fact_id", Integer, nullable=False),  # agreements.id, meetings.id, events.id or persons.id
    Column("status", String, nullable=False),  # an agreement's status, "story N" for a person; '' otherwise
    Column("fact_date", String),
    Column("summary", Text, nullable=False),
    Column("sources", Integer, nullable=False),  # reports and copies telling it (updated by later ones)
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),  # the report that raised it
    Column("evidence", Text, nullable=False),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
    # its POST to the rule's webhook (migration 0009; comity.webhooks): NULL when the rule has none,
    # "pending" until an answer 2xx, then "delivered"; a failed try counts, says why and waits
    Column("delivery", String),
    Column("delivery_attempts", Integer, nullable=False, server_default=text("0")),
    Column("delivery_after", String),  # not tried again before this time (UTC, ISO)
    Column("delivery_error", Text),
)
Index("uq_alert", alerts.c.rule_id, alerts.c.kind, alerts.c.fact_id, alerts.c.status, unique=True)
Index("ix_alerts_created", alerts.c.created_at)
Index("ix_alerts_delivery", alerts.c.delivery)

# `comity watch` (issue 18; docs/watch.md): per source (a feed URL or a folder), what its last poll sent
# back (ETag, Last-Modified) and how it went; per source and item (a feed entry's id or link, a file's
# path with its size and time), the items already ingested or given up on, so no round repeats one.
watch_sources = Table(
    "watch_sources", metadata,
    Column("source", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", String),
    Column("failures", Integer, nullable=False),  # failed polls in a row (0 after a good one)
    Column("last_error", Text),
)

watch_items = Table(
    "watch_items", metadata,
    Column("source", Text, primary_key=True),
    Column("item", Text, primary_key=True),
    Column("status", String, nullable=False),  # "ingested" or "failed: REASON" (a page that is gone)
    Column("seen_at", String, nullable=False),
)

# tables whose row counts `comity` reports and the idempotence tests compare
COUNTED = ("stories", "articles", "persons", "person_observations", "events", "event_mentions", "meetings",
           "meeting_mentions", "agreements", "agreement_observations", "mechanisms", "mechanism_occurrences")
