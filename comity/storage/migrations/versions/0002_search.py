"""Full-text search over reports: a folded copy of each text (diacritics optional), indexed by
SQLite FTS5 or a PostgreSQL GIN index on its tsvector. Existing articles are backfilled.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from comity.storage.textfold import fold_text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BACKFILL_BATCH = 500


def upgrade() -> None:
    conn = op.get_bind()
    op.add_column("articles", sa.Column("search_text", sa.Text(), nullable=True))
    articles = sa.table("articles", sa.column("id", sa.Integer), sa.column("text", sa.Text),
                        sa.column("search_text", sa.Text))
    last = 0
    while True:  # in batches, so a large old store is not read into memory at once
        rows = conn.execute(sa.select(articles.c.id, articles.c.text).where(articles.c.id > last)
                            .order_by(articles.c.id).limit(BACKFILL_BATCH)).all()
        if not rows:
            break
        conn.execute(sa.update(articles).where(articles.c.id == sa.bindparam("b_id"))
                     .values(search_text=sa.bindparam("b_text")),
                     [{"b_id": r.id, "b_text": fold_text(r.text)} for r in rows])
        last = rows[-1].id
    # left nullable: making it NOT NULL would make SQLite rebuild `articles`, which the other
    # tables' foreign keys forbid inside the migration's transaction; the Store always fills it
    if conn.dialect.name == "sqlite":
        # contentless: the text is already in articles.search_text; rowid = articles.id.
        # Only each story's primary copy is indexed, so a search never lists a report twice.
        op.execute("CREATE VIRTUAL TABLE article_fts USING fts5(search_text, content='', "
                   "tokenize='unicode61 remove_diacritics 2')")
        op.execute("INSERT INTO article_fts(rowid, search_text) "
                   "SELECT id, search_text FROM articles WHERE is_primary")
    else:
        op.execute("CREATE INDEX ix_articles_fts ON articles "
                   "USING gin (to_tsvector('simple', search_text)) WHERE is_primary")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE article_fts")
    else:
        op.execute("DROP INDEX ix_articles_fts")
    op.drop_column("articles", "search_text")  # SQLite >= 3.35 drops a column in place
