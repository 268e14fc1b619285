"""A mechanism's occurrence keeps the countries its own report names (`countries`, "LAO-VNM"): the
mechanism row's countries gather every report's, so a report page showed members other reports
had added ("ADMM-Plus AUS-VNM" on a report about Laos and Việt Nam). Rows stored before have none,
and are shown with the mechanism's name only.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("mechanism_occurrences", sa.Column("countries", sa.String(), nullable=True))


def downgrade() -> None:
    op.drop_column("mechanism_occurrences", "countries")
