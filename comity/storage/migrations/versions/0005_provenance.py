"""Provenance: each observation keeps the rule that made its record and the steps that changed it
(`rule`, `steps`; docs/extraction.md). Rows stored before have no rule: '' and [].

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# the tables of one report's records (one row per record); the shared rows (events, agreements...) have none
TABLES = ("person_observations", "event_mentions", "meeting_mentions", "agreement_observations",
          "mechanism_occurrences")


def upgrade() -> None:
    # NOT NULL with a default: SQLite adds such a column in place, filling the rows already there
    for table in TABLES:
        op.add_column(table, sa.Column("rule", sa.String(), server_default=sa.text("''"), nullable=False))
        op.add_column(table, sa.Column("steps", sa.JSON(), server_default=sa.text("'[]'"), nullable=False))


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, "steps")
        op.drop_column(table, "rule")
