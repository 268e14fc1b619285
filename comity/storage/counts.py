"""The `event_counts` summary table: events per direction, period and PLOVER type (schema.py says
what its rows are). Store.save adds the events it creates; `rebuild` recounts a whole store (for
stores filled by other means than Store.save, such as bench/web_bench.py's bulk load).

    period_of("2025-12-16") == "2025-12"    period_of("2025") == "2025"    period_of(None) == ""
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, case, delete, func, insert, literal_column, select
from sqlalchemy.dialects import postgresql, sqlite

from . import schema as s

ALL = "*"  # a key column's total
NONE = ""  # an unknown country, an undated event

Cell = tuple[str, str, str, str]  # source, target, period, PLOVER type


def period_of(date: str | None) -> str:
    """The month of an ISO date ("2025-12"), the year of one dated to the year only, "" if undated."""
    if not date:
        return NONE
    return date[:7] if len(date) >= 7 else date[:4]


def cells(source: str | None, target: str | None, date: str | None, plover_type: str) -> tuple[Cell, Cell, Cell]:
    """The three rows one event adds 1 to: its own cell, its direction's total, the store's period and type."""
    src, tgt, period = source or NONE, target or NONE, period_of(date)
    return (src, tgt, period, plover_type), (src, tgt, ALL, ALL), (ALL, ALL, period, plover_type)


def add(conn: Connection, counts: Mapping[Cell, int]) -> None:
    """Add these counts (an upsert per row). Rows go in key order, so two PostgreSQL writers lock the
    rows they share in the same order and never deadlock on them."""
    rows = [{"source_country": k[0], "target_country": k[1], "period": k[2], "plover_type": k[3], "events": n}
            for k, n in sorted(counts.items()) if n]
    if not rows:
        return
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    stmt = dialect.insert(s.event_counts)
    stmt = stmt.on_conflict_do_update(index_elements=[c for c in s.event_counts.primary_key.columns],
                                      set_={"events": s.event_counts.c.events + stmt.excluded.events})
    conn.execute(stmt, rows)


def period_sql(date: Any) -> Any:
    """period_of as SQL (the same on SQLite and PostgreSQL)."""
    # constants as SQL text, not bound parameters: PostgreSQL must see the same expression in the
    # SELECT list and in GROUP BY, and two parameters are never the same expression to it
    empty = literal_column("''")
    return case((func.coalesce(date, empty) == empty, empty), (func.length(date) >= 7, func.substr(date, 1, 7)),
                else_=func.substr(date, 1, 4))


def grouped(conn: Connection) -> Counter[Cell]:
    """Every row the table should hold, counted from the events themselves."""
    e = s.events.c
    empty = literal_column("''")
    src, tgt = func.coalesce(e.source_country, empty), func.coalesce(e.target_country, empty)
    period = period_sql(e.date)
    out: Counter[Cell] = Counter()
    for r in conn.execute(select(src, tgt, period, e.plover_type, func.count()).group_by(src, tgt, period,
                                                                                        e.plover_type)):
        out[(r[0], r[1], r[2], r[3])] += r[4]
    for r in conn.execute(select(src, tgt, func.count()).group_by(src, tgt)):
        out[(r[0], r[1], ALL, ALL)] += r[2]
    for r in conn.execute(select(period, e.plover_type, func.count()).group_by(period, e.plover_type)):
        out[(ALL, ALL, r[0], r[1])] += r[2]
    return out


def rebuild(conn: Connection, *, batch: int = 5000) -> int:
    """Recount the table from the events (one GROUP BY per kind of row); returns the rows written."""
    conn.execute(delete(s.event_counts))
    rows = [{"source_country": k[0], "target_country": k[1], "period": k[2], "plover_type": k[3], "events": n}
            for k, n in sorted(grouped(conn).items())]
    for i in range(0, len(rows), batch):
        conn.execute(insert(s.event_counts), rows[i:i + batch])
    return len(rows)


def table(conn: Connection) -> Counter[Cell]:
    """The table as it is (for checks: it should equal `grouped`)."""
    c = s.event_counts.c
    return Counter({(r[0], r[1], r[2], r[3]): r[4] for r in conn.execute(
        select(c.source_country, c.target_country, c.period, c.plover_type, c.events))})


def of_events(rows: Iterable[Mapping[str, Any]]) -> Counter[Cell]:
    """What these new event rows (as mapping.event_row makes them) add to the table."""
    out: Counter[Cell] = Counter()
    for r in rows:
        out.update(cells(r["source_country"], r["target_country"], r["date"], r["plover_type"]))
    return out
