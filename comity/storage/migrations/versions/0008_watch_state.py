"""`comity watch` keeps its state in the store (issue 18; docs/watch.md): `watch_sources`, one row per
feed or folder (ETag, Last-Modified, failures in a row), and `watch_items`, one row per item ingested or
given up on, so a second round (or a restart) fetches nothing it has and ingests nothing twice.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("checked_at", sa.String(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("source"),
    )
    op.create_table(
        "watch_items",
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("item", sa.Text(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("seen_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("source", "item"),
    )


def downgrade() -> None:
    op.drop_table("watch_items")
    op.drop_table("watch_sources")
