"""Exports: GDELT-style event columns, PLOVER JSON, the other tables; Parquet read by DuckDB and Polars."""
from __future__ import annotations

import csv
import json

import pytest

from comity.query import EventFilter
from comity.query.export import export
from comity.query.tables import EVENT_COLUMNS, TABLES


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_writes_every_table(conn, tmp_path, fmt):
    written = export(conn, tmp_path, fmt)
    assert set(written) == set(TABLES)
    counts = {name: n for name, (_, n) in written.items()}
    assert counts["events"] == counts["events_plover"] == 6
    assert counts["agreements"] == 2 and counts["agreement_status"] == 4
    assert counts["persons"] == 3 and counts["meetings"] == 3 and counts["mechanisms"] == 1
    assert written["events_plover"][0].name == "events_plover.jsonl"
    assert not list(tmp_path.glob("*.part"))


def test_export_events_csv_cameo_columns(conn, tmp_path):
    path, _ = export(conn, tmp_path, "csv", tables=["events"])["events"]
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == [c for c, _ in EVENT_COLUMNS]
    signing = [r for r in rows if r["EventCode"] == "057" and r["SQLDATE"] == "20251216"]
    assert len(signing) == 1
    r = signing[0]
    assert (r["EventRootCode"], r["EventBaseCode"], r["QuadClass"], r["GoldsteinScale"]) == ("05", "057", "1", "8.0")
    assert (r["NumMentions"], r["NumArticles"], r["NumSources"]) == ("2", "2", "3")
    assert {r["Actor1CountryCode"], r["Actor2CountryCode"]} == {"KHM", "VNM"}
    assert r["Actor1Code"] in ("VNMGOV", "KHMGOV") and r["MonthYear"] == "202512" and r["Year"] == "2025"
    undated = [r for r in rows if not r["EventDate"]]
    assert len(undated) == 1 and undated[0]["SQLDATE"] == "" and undated[0]["Actor1Name"] == "ASEAN"


def test_export_plover_json(conn, tmp_path):
    path, _ = export(conn, tmp_path, "csv", tables=["events_plover"])["events_plover"]
    events = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    signing = next(e for e in events if e["cameo"] == "057" and e["event_date"] == "2025-12-16")
    assert signing["event_type"] == "SUPPORT" and signing["contexts"] == ["military"]
    assert [s["report"] for s in signing["sources"]] == ["vna-2025-12-16", "xinhua-2025-12-17"]
    assert all(s["quote"] and s["end"] > s["start"] for s in signing["sources"])
    assert signing["location"] == {"name": "Hà Nội", "country": "VNM"}


def test_export_agreements_linked_and_timeline(conn, tmp_path):
    out = export(conn, tmp_path, "jsonl", tables=["agreements", "agreement_status", "person_offices"])
    agreements = [json.loads(x) for x in out["agreements"][0].read_text().splitlines()]
    protocol = next(a for a in agreements if a["kind"] == "protocol")
    assert (protocol["status"], protocol["signed_on"], protocol["parties"]) == ("signed", "2025-12-02", ["LAO", "VNM"])
    assert protocol["reports"] == 2 and "children" in protocol
    status = [json.loads(x) for x in out["agreement_status"][0].read_text().splitlines()]
    assert [s["status"] for s in status if s["key"] == protocol["key"]] == ["negotiating", "signed"]
    offices = [json.loads(x) for x in out["person_offices"][0].read_text().splitlines()]
    assert {"name": "Phan Văn Giang", "kind": "rank", "title": "General"}.items() <= \
        next(o for o in offices if o["kind"] == "rank" and o["name"] == "Phan Văn Giang").items()


def test_export_parquet_readable_by_duckdb_and_polars(conn, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    polars = pytest.importorskip("polars")
    written = export(conn, tmp_path, "parquet")
    path = written["events"][0]
    with duckdb.connect() as db:
        n, roots = db.execute("SELECT count(*), string_agg(DISTINCT EventRootCode, ',' ORDER BY EventRootCode) "
                              "FROM read_parquet(?)", [str(path)]).fetchall()[0]
    assert (n, roots) == (6, "04,05")
    frame = polars.read_parquet(path)
    assert frame.height == 6 and frame.schema["SQLDATE"] == polars.Int64
    persons = polars.read_parquet(written["persons"][0])
    giang = persons.filter(polars.col("key") == "phanvangiang|VNM")
    assert giang["names"].to_list()[0] == ["Phan Văn Giang", "Phan Van Giang"]


def test_export_parquet_empty_table_has_schema(conn, tmp_path):
    polars = pytest.importorskip("polars")
    path, n = export(conn, tmp_path, "parquet", tables=["events"],
                     events=EventFilter.parse(dyad="USA-CHN"))["events"]
    assert n == 0
    assert polars.read_parquet(path).columns == [c for c, _ in EVENT_COLUMNS]


def test_export_event_filter(conn, tmp_path):
    _, n = export(conn, tmp_path, "csv", tables=["events"], events=EventFilter.parse(dyad="VNM-LAO"))["events"]
    assert n == 3


def test_export_unknown_table(conn, tmp_path):
    with pytest.raises(ValueError, match="unknown table"):
        export(conn, tmp_path, "csv", tables=["nope"])


@pytest.mark.parametrize("cameo, gdelt, phoenix", [
    ("010", 1, 0), ("020", 1, 0), ("036", 1, 1), ("057", 1, 1), ("061", 2, 2), ("111", 3, 3),
    ("130", 3, 3), ("141", 4, 4), ("160", 4, 3), ("190", 4, 4), (None, None, None),
])
def test_export_quadclass_is_gdelts_own(cameo, gdelt, phoenix):
    """The GDELT-named export speaks GDELT's QuadClass (01-05 verbal cooperation, 14 and 16 material
    conflict...); the records keep the Phoenix classes (0 neutral for 01-02)."""
    from comity.nlp.coding import quad_class
    from comity.query.tables import gdelt_quad_class

    assert gdelt_quad_class(cameo) == gdelt
    if cameo:
        assert quad_class(cameo) == phoenix
