"""Write the export tables (tables.py) as CSV, JSON Lines or Parquet files, one per table.

PLOVER events are always JSON Lines (`events_plover.jsonl`): PLOVER's interchange form is
JSON and its `sources` are nested. Parquet needs pyarrow (`pip install 'comity[parquet]'`);
its column types are fixed per table, so an empty table still has its schema.
"""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ..errors import Errors, StoreError
from .filters import EventFilter
from .tables import CHUNK, TABLES, ExportTable, Row

FORMATS = ("csv", "jsonl", "parquet")
SUFFIX = {"csv": ".csv", "jsonl": ".jsonl", "parquet": ".parquet"}
ALWAYS_JSONL = frozenset({"events_plover"})


def export(conn: Connection, out_dir: str | os.PathLike[str], fmt: str, *, tables: Sequence[str] | None = None,
           events: EventFilter | None = None) -> dict[str, tuple[Path, int]]:
    """Write each table (default: all) to `out_dir`; returns {table: (path, rows)}.
    `events` filters the two event tables; the others are exported whole."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    if fmt == "parquet":
        _pyarrow()
    unknown = [t for t in tables or () if t not in TABLES]
    if unknown:
        raise ValueError(f"unknown table(s) {unknown}; known: {sorted(TABLES)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    f = events or EventFilter()
    written: dict[str, tuple[Path, int]] = {}
    for name in tables or list(TABLES):
        table = TABLES[name]
        kind = "jsonl" if name in ALWAYS_JSONL else fmt
        path = out / f"{name}{SUFFIX[kind]}"
        tmp = path.with_name(path.name + ".part")  # a half-written file never has the final name
        n = WRITERS[kind](table, table.rows(conn, f), tmp)
        tmp.replace(path)
        written[name] = (path, n)
    return written


def _csv_value(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "list":
        return "; ".join(map(str, value))
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(table: ExportTable, rows: Iterable[Row], path: Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([c for c, _ in table.columns])
        for row in rows:
            writer.writerow([_csv_value(row.get(c), kind) for c, kind in table.columns])
            n += 1
    return n


def write_jsonl(table: ExportTable, rows: Iterable[Row], path: Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps({c: row.get(c) for c, _ in table.columns}, ensure_ascii=False) + "\n")
            n += 1
    return n


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as e:
        raise StoreError(Errors.E207) from e
    return pyarrow


def arrow_schema(table: ExportTable) -> Any:
    pa = _pyarrow()
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "list": pa.list_(pa.string()),
             "json": pa.string()}
    return pa.schema([(c, types[kind]) for c, kind in table.columns])


def _batches(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def write_parquet(table: ExportTable, rows: Iterable[Row], path: Path) -> int:
    pa = _pyarrow()
    schema = arrow_schema(table)
    jsons = [c for c, kind in table.columns if kind == "json"]
    lists = [c for c, kind in table.columns if kind == "list"]
    n = 0
    with pa.parquet.ParquetWriter(str(path), schema) as writer:
        for batch in _batches(rows, CHUNK):
            for row in batch:
                for c in jsons:
                    row[c] = json.dumps(row[c], ensure_ascii=False) if row.get(c) is not None else None
                for c in lists:
                    row[c] = [str(v) for v in row[c]] if row.get(c) is not None else None
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "parquet": write_parquet}
