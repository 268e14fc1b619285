"""Alert rules may POST each new alert to a webhook (issue 18; docs/alerts.md): `alert_rules.webhook`,
and per alert its delivery (pending / delivered), tries, the time before which it is not tried again,
and the last error, so an alert whose webhook is down is retried later and never lost.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # nullable, or NOT NULL with a default: SQLite adds such columns in place
    op.add_column("alert_rules", sa.Column("webhook", sa.Text(), nullable=True))
    op.add_column("alerts", sa.Column("delivery", sa.String(), nullable=True))
    op.add_column("alerts", sa.Column("delivery_attempts", sa.Integer(), server_default=sa.text("0"),
                                      nullable=False))
    op.add_column("alerts", sa.Column("delivery_after", sa.String(), nullable=True))
    op.add_column("alerts", sa.Column("delivery_error", sa.Text(), nullable=True))
    op.create_index("ix_alerts_delivery", "alerts", ["delivery"])


def downgrade() -> None:
    op.drop_index("ix_alerts_delivery", table_name="alerts")
    for name in ("delivery_error", "delivery_after", "delivery_attempts", "delivery"):
        op.drop_column("alerts", name)
    op.drop_column("alert_rules", "webhook")
