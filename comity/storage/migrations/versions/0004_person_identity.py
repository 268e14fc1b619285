"""Persons keyed by name and country, by comity.nlp.names' rules (`comity.storage.identity`): the
listed transliterations of a name are one person, two people of one name in two states are two.
Re-keys the stored persons from their observations, as a fresh ingest of the same reports would.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The current rules, not a copy frozen here: a store's keys must be what comity keys new reports
    # by, and `rekey` reads and writes named columns only, so a later revision does not break it.
    from comity.storage.identity import rekey

    rekey(op.get_bind())


def downgrade() -> None:
    # Back to one person per folded name (0003's key): merge the rows that only the country or a listed
    # spelling keeps apart into the lowest id, as `rekey` re-points references. Not lossless: the
    # country split is undone.
    import sqlalchemy as sa

    from comity.storage.textfold import fold_key

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM persons ORDER BY id")).all()
    by_key: dict[str, int] = {}
    merged: dict[int, int] = {}
    for r in rows:
        keep = by_key.setdefault(fold_key(r.name), r.id)
        if keep != r.id:
            merged[r.id] = keep
    for old, new in merged.items():
        conn.execute(sa.text("UPDATE person_observations SET person_id = :n WHERE person_id = :o"), {"n": new, "o": old})
        for col in ("source_person_id", "target_person_id"):
            conn.execute(sa.text(f"UPDATE event_mentions SET {col} = :n WHERE {col} = :o"), {"n": new, "o": old})
    if merged:
        for name, col in (("meeting_mentions", "participants"), ("agreement_observations", "signatories")):
            t = sa.table(name, sa.column("id"), sa.column(col, sa.JSON))
            for r in conn.execute(t.select()).all():
                ids = r[1] or []
                fixed = [merged.get(i, i) if isinstance(i, int) else i for i in ids]
                if fixed != ids:
                    conn.execute(t.update().where(t.c.id == r[0]).values({col: fixed}))
        conn.execute(sa.text("DELETE FROM persons WHERE id = :id"), [{"id": i} for i in merged])
    if by_key:  # through temporary keys: an old key may equal another row's new one
        conn.execute(sa.text("UPDATE persons SET key = :k WHERE id = :id"),
                     [{"k": f"~down~{i}", "id": i} for i in by_key.values()])
        conn.execute(sa.text("UPDATE persons SET key = :k WHERE id = :id"),
                     [{"k": k, "id": i} for k, i in by_key.items()])
