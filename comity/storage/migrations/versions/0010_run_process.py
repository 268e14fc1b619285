"""A run names the process that does it (issue 16): `pid`, `host` and `process_start` (the process's
start on that machine: boot id and start tick, so a pid the system has since given to another
process is not taken for the run's), and `heartbeat_at`, renewed as it stores; `resumes`, the
interrupted or failed run of the same paths it takes up. A run whose process is gone while it is
still `running` (killed with SIGKILL, or its machine lost) is then marked `interrupted` by the next
ingest and shown so by `comity runs`. Runs stored before have none of these and are judged by
their start time alone.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

COLUMNS = (("pid", sa.Integer()), ("host", sa.String()), ("process_start", sa.String()),
           ("heartbeat_at", sa.String()), ("resumes", sa.Integer()))


def upgrade() -> None:
    for name, type_ in COLUMNS:
        op.add_column("runs", sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    for name, _ in reversed(COLUMNS):
        op.drop_column("runs", name)
