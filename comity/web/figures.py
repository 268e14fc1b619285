"""The pages' charts, drawn from their contexts with charts.py (templates call these).

Only the HTML pages have charts; the JSON twins carry the same data as numbers
(`activity`, `agreements[].marks`, `detail.offices`).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from urllib.parse import urlencode

from markupsafe import Markup

from ..model.event import PLOVER_TYPE_ORDER
from ..query.results import Office
from ..query.views import ActivityCount, AgreementRow
from .charts import Mark, Row, Series, ladder, stacked_bars, year_of

TOP_TYPES = 6  # series beyond these are summed as "other"
# each PLOVER type's pattern and colour, the same on every chart (the overview's and a dyad's); "other" last
TYPE_STYLE = {t: k for k, t in enumerate(PLOVER_TYPE_ORDER)}
OTHER_STYLE = len(PLOVER_TYPE_ORDER)
NO_TYPE = "no PLOVER type (CAMEO 01–02)"


def activity_series(periods: Sequence[str], activity: Sequence[ActivityCount]) -> list[Series]:
    """One series per PLOVER type (the TOP_TYPES largest, the rest as "other"), aligned with `periods`."""
    index = {period: i for i, period in enumerate(periods)}
    per_type: dict[str, list[int]] = defaultdict(lambda: [0] * len(periods))
    for c in activity:
        if c.period in index:
            per_type[c.plover_type][index[c.period]] += c.events
    ranked = sorted(per_type, key=lambda t: (-sum(per_type[t]), t))
    series = [Series(t or NO_TYPE, per_type[t], TYPE_STYLE.get(t)) for t in ranked[:TOP_TYPES]]
    rest = ranked[TOP_TYPES:]
    if rest:
        series.append(Series("other: " + ", ".join(t or "CAMEO 01–02" for t in rest),
                             [sum(per_type[t][i] for t in rest) for i in range(len(periods))], OTHER_STYLE))
    return series


def activity_chart(periods: Sequence[str], activity: Sequence[ActivityCount], *, chart_id: str, title: str,
                   dyad: str | None = None) -> Markup:
    def href(period: str) -> str:
        return "/events?" + urlencode({k: v for k, v in (("dyad", dyad), ("since", period), ("until", period)) if v})

    return stacked_bars(periods, activity_series(periods, activity), chart_id=chart_id, title=title, href=href)


def _mark_title(status: str, date: str | None, report: str) -> str:
    return f"{status.replace('_', ' ')} {date or 'undated'} (report {report})"


def period_of(ag: AgreementRow) -> str:
    return f"{ag.period_start or '?'}–{ag.period_end or '?'}" if ag.period_start or ag.period_end else ""


def short_label(ag: AgreementRow) -> str:
    """"protocol 2025–2029" or "mou #4": enough to tell an instrument from its neighbours on one page."""
    return f"{ag.kind.replace('_', ' ')} {period_of(ag) or '#' + str(ag.id)}"


def by_id(agreements: Sequence[AgreementRow]) -> dict[int, AgreementRow]:
    return {ag.id: ag for ag in agreements}


def agreement_rows(agreements: Sequence[AgreementRow], *, current: int | None = None) -> list[Row]:
    rows = []
    for ag in agreements:
        period = period_of(ag) or "no period given"
        marks = [Mark(at=at, status=m.status, title=_mark_title(m.status, m.date, m.report),
                      href=f"/report/{m.article_id}#agreement-{m.observation_id}")
                 for m in ag.marks if (at := year_of(m.date)) is not None]
        label = f"{ag.kind.replace('_', ' ')} {period_of(ag)}".strip() + f": {ag.name}"
        rows.append(Row(label=label, href=f"/agreement/{ag.id}",
                        start=float(ag.period_start) if ag.period_start else None,
                        end=float(ag.period_end) + 1 if ag.period_end else None, marks=marks,
                        title=f"{ag.name}: {period}", emphasis=ag.id == current))
    return rows


def agreement_ladder(agreements: Sequence[AgreementRow], *, chart_id: str, title: str,
                     current: int | None = None) -> Markup:
    return ladder(agreement_rows(agreements, current=current), chart_id=chart_id, title=title, label_width=300)


def office_chart(offices: Sequence[Office], ranks: Sequence[Office], *, chart_id: str, title: str) -> Markup:
    """A person's titles and ranks: from the first report that gave one to the last."""
    rows = []
    for kind, items in (("office", offices), ("rank", ranks)):
        for o in items:
            lo, hi = year_of(o.first_seen), year_of(o.last_seen)
            marks = [Mark(at=v, status="seen", title=f"{o.title}: reported {d}")
                     for v, d in ((lo, o.first_seen), (hi, o.last_seen)) if v is not None]
            spans = lo is not None and hi is not None and hi > lo
            rows.append(Row(label=f"{kind}: {o.title}", start=lo if spans else None, end=hi if spans else None,
                            marks=marks,
                            title=f"{o.title}: {o.first_seen or '?'} to {o.last_seen or '?'} "
                                  f"({o.reports} report{'s' if o.reports != 1 else ''})"))
    return ladder(rows, chart_id=chart_id, title=title, bar_legend="reported in office from first to last report")

