"""Events counted per direction, period and PLOVER type (`event_counts`, issue 7): the web view's
charts and dyad ranking read it instead of every event. Backfilled from the events already stored.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# As comity.storage.counts.period_of, written out here so that this revision keeps doing what it did
# when that module changes: the month of a date, the year of one dated to the year only, '' if undated.
PERIOD = ("CASE WHEN COALESCE(date, '') = '' THEN '' WHEN length(date) >= 7 THEN substr(date, 1, 7) "
          "ELSE substr(date, 1, 4) END")
SOURCE, TARGET = "COALESCE(source_country, '')", "COALESCE(target_country, '')"


def upgrade() -> None:
    op.create_table(
        "event_counts",
        sa.Column("source_country", sa.String(), nullable=False),
        sa.Column("target_country", sa.String(), nullable=False),
        sa.Column("period", sa.String(), nullable=False),
        sa.Column("plover_type", sa.String(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("source_country", "target_country", "period", "plover_type"),
    )
    op.create_index("ix_event_counts_period", "event_counts", ["period", "plover_type"], unique=False)
    # the three kinds of rows (schema.py): each event's cell, each direction's total, the store's
    # period-and-type totals; one GROUP BY each, inside the migration's transaction
    columns = "INSERT INTO event_counts (source_country, target_country, period, plover_type, events) "
    op.execute(columns + f"SELECT {SOURCE}, {TARGET}, {PERIOD}, plover_type, count(*) FROM events "
               f"GROUP BY {SOURCE}, {TARGET}, {PERIOD}, plover_type")
    op.execute(columns + f"SELECT {SOURCE}, {TARGET}, '*', '*', count(*) FROM events GROUP BY {SOURCE}, {TARGET}")
    op.execute(columns + f"SELECT '*', '*', {PERIOD}, plover_type, count(*) FROM events "
               f"GROUP BY {PERIOD}, plover_type")


def downgrade() -> None:
    op.drop_index("ix_event_counts_period", table_name="event_counts")
    op.drop_table("event_counts")
