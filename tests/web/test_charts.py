"""The SVG charts: well-formed, labelled, and readable without colour (patterns and shapes)."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from comity.query.views import ActivityCount, AgreementRow, StatusMark
from comity.web import charts, figures

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup) -> ET.Element:
    return ET.fromstring(str(markup))


def test_charts_stacked_bars_patterns_legend_and_titles():
    periods = ["2025-01", "2025-02", "2025-03"]
    series = [charts.Series("CONSULT", [1, 0, 4]), charts.Series("AGREE & <SUPPORT>", [2, 3, 0])]
    svg = parse(charts.stacked_bars(periods, series, chart_id="t", title="Events", href=lambda p: f"/events?since={p}"))
    patterns = svg.findall(f".//{SVG}pattern")
    assert [p.get("id") for p in patterns] == ["t-p0", "t-p1"]
    assert ET.tostring(patterns[0]) != ET.tostring(patterns[1])
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "CONSULT (5)" in texts and "AGREE & <SUPPORT> (5)" in texts  # escaped in, read back as written
    titles = [t.text for t in svg.iter(f"{SVG}title")]
    assert "2025-03 · CONSULT: 4 events" in titles and not any("2025-02 · CONSULT" in t for t in titles)
    bars = [r for r in svg.iter(f"{SVG}rect") if (r.get("fill") or "").startswith("url(#t-p")]
    assert len(bars) == 2 + 4  # two legend swatches, four non-empty segments
    assert [a.get("href") for a in svg.iter(f"{SVG}a")] == [f"/events?since={p}" for p in periods]


def test_charts_stacked_bars_without_data():
    for periods, series in (([], []), (["2025"], [charts.Series("X", [0])])):
        svg = parse(charts.stacked_bars(periods, series, chart_id="e", title="Nothing"))
        assert "No dated events" in "".join(svg.itertext())


def test_charts_activity_series_keeps_top_types_and_sums_the_rest():
    periods = ["2025"]
    types = ["CONSULT", "AGREE", "SUPPORT", "AID", "REJECT", "ACCUSE", "THREATEN", "PROTEST", ""]
    activity = [ActivityCount("2025", t, 10 - i) for i, t in enumerate(types)]
    series = figures.activity_series(periods, activity)
    assert len(series) == figures.TOP_TYPES + 1
    assert series[-1].name.startswith("other:") and "CAMEO 01–02" in series[-1].name
    assert sum(s.values[0] for s in series) == sum(c.events for c in activity)


def test_charts_a_plover_type_looks_the_same_on_every_chart():
    """The overview and a dyad page chart different sets of types; each type keeps its own pattern
    and colour whichever others are drawn beside it (and every type's differs from the others')."""
    def pattern_of(svg, name):
        swatch = next(g for g in svg.iter(f"{SVG}g") if g.get("class") == "legend-item"
                      and any((t.text or "").startswith(name + " (") for t in g.iter(f"{SVG}text")))
        ref = next(swatch.iter(f"{SVG}rect")).get("fill")[len("url(#"):-1]
        return ET.tostring(next(p for p in svg.iter(f"{SVG}pattern") if p.get("id") == ref)).replace(
            ref.encode(), b"P")

    overview = [ActivityCount("2025", t, n) for t, n in (("CONSULT", 9), ("AGREE", 5), ("ASSAULT", 2))]
    dyad = [ActivityCount("2025", t, n) for t, n in (("ASSAULT", 7), ("PROTEST", 3), ("CONSULT", 1))]
    one, two = (parse(charts.stacked_bars(["2025"], figures.activity_series(["2025"], a), chart_id=i, title="t"))
                for i, a in (("a", overview), ("b", dyad)))
    for name in ("CONSULT", "ASSAULT"):
        assert pattern_of(one, name) == pattern_of(two, name)
    assert pattern_of(one, "CONSULT") != pattern_of(one, "ASSAULT")
    styles = [charts._pattern("x", figures.TYPE_STYLE[t]) for t in figures.TYPE_STYLE] + [
        charts._pattern("x", figures.OTHER_STYLE)]
    assert len(set(styles)) == len(styles)


@pytest.mark.parametrize("date, year", [("2025-01-01", 2025.0014), ("2025-07", 2025.5417), ("2024", 2024.5),
                                        (None, None), ("garbage", None)])
def test_charts_year_of(date, year):
    got = charts.year_of(date)
    assert got == year if year is None else abs(got - year) < 1e-3


def _agreement(id, kind, start, end, marks):
    return AgreementRow(id=id, key=f"k{id}", kind=kind, name=f"{kind} {id}", parties=("LAO", "VNM"), domain=None,
                        period_start=start, period_end=end, signed_on=None, status=marks[-1][0], first_seen=None,
                        last_seen=None, reports=len(marks), observations=len(marks),
                        marks=tuple(StatusMark(i, d, s, 1, "r", "q") for i, (s, d) in enumerate(marks)))


def test_charts_ladder_bars_marks_and_legend():
    rows = [_agreement(1, "protocol", 2020, 2024, [("negotiating", "2019-05-01"), ("signed", "2019-12-18")]),
            _agreement(2, "annual_plan", None, 2026, [("reviewed", "2025-06")]),
            _agreement(3, "mou", None, None, [("mentioned", "2024")])]
    svg = parse(figures.agreement_ladder(rows, chart_id="l", title="Ladder", current=2))
    texts = "".join(svg.itertext())
    for word in ("signed", "negotiating", "reviewed", "mentioned", "open-ended", "2019", "2026"):
        assert word in texts
    assert "2027" not in [t.text for t in svg.iter(f"{SVG}text")]  # the axis ends where the last year does
    # each status its own shape: circle, open triangle, diamond, cross
    marks = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "mark"]
    shapes = [(child.tag.replace(SVG, ""), child.get("fill")) for g in marks for child in g if child.tag != f"{SVG}title"]
    assert ("polygon", "white") in shapes and ("circle", "#0072B2") in shapes and ("path", None) in shapes
    bars = [r for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(bars) == 2  # protocol (closed) and the plan (open-ended); the MoU has no period
    assert bars[1].get("stroke-dasharray") and not bars[0].get("stroke-dasharray")
    bold = [t for t in svg.iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    assert len(bold) == 1 and "annual plan" in "".join(bold[0].itertext())
    links = {a.get("href") for a in svg.iter(f"{SVG}a")}
    assert {"/agreement/1", "/report/1#agreement-0"} <= links


def test_charts_ladder_empty_and_office_chart():
    assert "Nothing dated" in "".join(parse(charts.ladder([], chart_id="x", title="none")).itertext())
    from comity.query.results import Office

    svg = parse(figures.office_chart([Office("Defence Minister", "2021-04-08", "2025-12-02", 5)],
                                     [Office("General", "2025-12-02", "2025-12-02", 1)], chart_id="o", title="Offices"))
    texts = "".join(svg.itertext())
    assert "office: Defence Minister" in texts and "rank: General" in texts
