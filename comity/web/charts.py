"""Charts as SVG drawn on the server: no JavaScript, no library, nothing fetched.

Readable without colour: every series of a bar chart has its own fill pattern (solid,
hatched, dotted...) and a label in the legend, every agreement status its own mark shape
(● signed, ○ proposed, ▲ agreed to implement...), and every bar and mark carries a
<title> that browsers show on hover and screen readers read. The colours (Okabe–Ito,
safe for colour-blind readers) only add to that.

Two kinds: `stacked_bars` (events per period, stacked by type) and `ladder` (rows of
periods drawn as bars on a time axis, with dated marks: the agreement ladder, a
person's offices). Both return Markup to put straight into a page.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D1F", "#999999")
INK = "#222"
FONT = 'font-family="system-ui, sans-serif"'


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _pattern(pid: str, k: int) -> str:
    """Style k: pattern k % 8 (solid, diagonal, dots, horizontal, crosshatch, vertical, back-diagonal,
    sparse dots) in colour (k + k // 8) % 8, so the first 64 styles all differ."""
    c = PALETTE[(k + k // len(PALETTE)) % len(PALETTE)]
    light = f'<rect width="8" height="8" fill="{c}" fill-opacity="0.28"/>'
    line = f'stroke="{c}" stroke-width="2"'
    body = {
        0: f'<rect width="8" height="8" fill="{c}"/>',
        1: light + f'<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {line}/>',
        2: light + f'<circle cx="2" cy="2" r="1.6" fill="{c}"/><circle cx="6" cy="6" r="1.6" fill="{c}"/>',
        3: light + f'<path d="M0,2 h8 M0,6 h8" {line}/>',
        4: light + f'<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4 M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" '
                   f'stroke="{c}" stroke-width="1.3"/>',
        5: light + f'<path d="M2,0 v8 M6,0 v8" {line}/>',
        6: light + f'<path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {line}/>',
        7: light + f'<circle cx="4" cy="4" r="1.2" fill="{c}"/>',
    }[k % 8]
    return f'<pattern id="{pid}-p{k}" width="8" height="8" patternUnits="userSpaceOnUse">{body}</pattern>'


def _nice_max(value: int) -> int:
    if value <= 4:
        return max(value, 1)
    magnitude = 10 ** int(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= value:
            return math.ceil(top)
    return value


def _text_width(text: str, size: float = 11) -> float:
    return len(text) * size * 0.58


@dataclass(frozen=True, slots=True)
class Series:
    name: str  # shown in the legend
    values: Sequence[int]  # one per period
    style: int | None = None  # its fixed pattern and colour (figures.py: one per PLOVER type); else its place


def stacked_bars(periods: Sequence[str], series: Sequence[Series], *, chart_id: str, title: str,
                 href: Callable[[str], str | None] | None = None, width: int = 760, height: int = 260,
                 unit: str = "events") -> Markup:
    """Bars per period, stacked by series, each series with its own pattern; a legend with totals on top."""
    pid = escape(chart_id)
    styles = [s.style if s.style is not None else k for k, s in enumerate(series)]
    totals = [sum(s.values[i] for s in series) for i in range(len(periods))]
    if not periods or not any(totals):
        return Markup(f'<svg class="chart empty" id="{pid}" viewBox="0 0 {width} 40" role="img" '
                      f'aria-label="{escape(title)}: no dated {unit}"><text x="8" y="24" {FONT} font-size="13" '
                      f'fill="{INK}">No dated {escape(unit)} to chart.</text></svg>')
    # legend rows first: their height moves the plot down
    legend, x, y = [], 8.0, 16.0
    for k, s in enumerate(series):
        label = f"{s.name} ({sum(s.values)})"
        w = 18 + _text_width(label) + 16
        if x + w > width - 8 and x > 8:
            x, y = 8.0, y + 20
        legend.append(f'<g class="legend-item"><rect x="{_num(x)}" y="{_num(y - 11)}" width="14" height="14" '
                      f'fill="url(#{pid}-p{styles[k]})" stroke="{INK}" stroke-width="0.8"/>'
                      f'<text x="{_num(x + 19)}" y="{_num(y)}" {FONT} font-size="11" fill="{INK}">'
                      f'{escape(label)}</text></g>')
        x += w
    top = y + 16
    left, right, bottom = 44.0, 10.0, 28.0
    plot_w, plot_h = width - left - right, height - top - bottom
    ymax = _nice_max(max(totals))
    slot = plot_w / len(periods)
    bar_w = max(1.0, slot * 0.78)
    parts = [f'<svg class="chart" id="{pid}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
             f'<title>{escape(title)}</title>'
             f'<defs>{"".join(_pattern(str(pid), k) for k in sorted(set(styles)))}</defs>',
             *legend]
    for frac in (0, 0.5, 1):  # gridlines and y labels
        gy = top + plot_h * (1 - frac)
        parts.append(f'<line x1="{_num(left)}" x2="{_num(width - right)}" y1="{_num(gy)}" y2="{_num(gy)}" '
                     f'stroke="#bbb" stroke-width="0.6"/><text x="{_num(left - 5)}" y="{_num(gy + 4)}" '
                     f'text-anchor="end" {FONT} font-size="10" fill="{INK}">{_num(ymax * frac)}</text>')
    step = max(1, math.ceil(len(periods) / max(1, int(plot_w // 62))))
    for i, period in enumerate(periods):
        bx = left + i * slot + (slot - bar_w) / 2
        base = top + plot_h
        bar = []
        for k, s in enumerate(series):
            v = s.values[i]
            if not v:
                continue
            h = plot_h * v / ymax
            base -= h
            bar.append(f'<rect x="{_num(bx)}" y="{_num(base)}" width="{_num(bar_w)}" height="{_num(h)}" '
                       f'fill="url(#{pid}-p{styles[k]})" stroke="{INK}" stroke-width="0.5">'
                       f'<title>{escape(period)} · {escape(s.name)}: {v} {escape(unit)}</title></rect>')
        if bar:
            link = href(period) if href else None
            group = "".join(bar)
            label = f"{period}: {totals[i]} {unit}"
            parts.append(f'<a href="{escape(link)}" aria-label="{escape(label)}">{group}</a>' if link
                         else f"<g>{group}</g>")
        if i % step == 0:
            parts.append(f'<text x="{_num(left + i * slot + slot / 2)}" y="{_num(top + plot_h + 16)}" '
                         f'text-anchor="middle" {FONT} font-size="10" fill="{INK}">{escape(period)}</text>')
    parts.append(f'<line x1="{_num(left)}" x2="{_num(width - right)}" y1="{_num(top + plot_h)}" '
                 f'y2="{_num(top + plot_h)}" stroke="{INK}" stroke-width="1"/></svg>')
    return Markup("".join(parts))


# ---- the ladder --------------------------------------------------------------------------------------

# status -> (shape, colour, legend text); shapes differ, so colour is never needed to tell them apart
STATUS_MARKS = {
    "signed": ("circle", "#0072B2", "signed"),
    "renewed": ("ring", "#0072B2", "renewed"),
    "agreed_to_implement": ("triangle", "#009E73", "agreed to implement"),
    "implemented": ("square", "#009E73", "implemented"),
    "reviewed": ("diamond", "#CC79A7", "reviewed"),
    "proposed": ("open-circle", "#D55E00", "proposed"),
    "negotiating": ("open-triangle", "#D55E00", "negotiating"),
    "mentioned": ("cross", "#555", "mentioned"),
    "seen": ("bar-tick", "#333", "reported"),
}


def mark_shape(shape: str, x: float, y: float, colour: str, r: float = 5.5) -> str:
    fill, stroke = f'fill="{colour}" stroke="{INK}" stroke-width="0.8"', f'fill="white" stroke="{colour}" stroke-width="2"'
    if shape == "circle":
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" {fill}/>'
    if shape == "ring":
        return (f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" fill="white" stroke="{colour}" stroke-width="1.6"/>'
                f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r * 0.5)}" fill="{colour}"/>')
    if shape == "open-circle":
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r - 1)}" {stroke}/>'
    if shape in ("triangle", "open-triangle"):
        pts = f"{_num(x)},{_num(y - r)} {_num(x + r)},{_num(y + r * 0.8)} {_num(x - r)},{_num(y + r * 0.8)}"
        return f'<polygon points="{pts}" {fill if shape == "triangle" else stroke}/>'
    if shape == "square":
        return f'<rect x="{_num(x - r * 0.85)}" y="{_num(y - r * 0.85)}" width="{_num(r * 1.7)}" height="{_num(r * 1.7)}" {fill}/>'
    if shape == "diamond":
        pts = f"{_num(x)},{_num(y - r * 1.1)} {_num(x + r)},{_num(y)} {_num(x)},{_num(y + r * 1.1)} {_num(x - r)},{_num(y)}"
        return f'<polygon points="{pts}" {fill}/>'
    if shape == "bar-tick":
        return f'<rect x="{_num(x - 1.5)}" y="{_num(y - r)}" width="3" height="{_num(2 * r)}" fill="{colour}"/>'
    d = r * 0.8  # cross
    return (f'<path d="M{_num(x - d)},{_num(y - d)} L{_num(x + d)},{_num(y + d)} M{_num(x - d)},{_num(y + d)} '
            f'L{_num(x + d)},{_num(y - d)}" stroke="{colour}" stroke-width="2.2"/>')


def year_of(date: str | None) -> float | None:
    """"2025-12-16" -> 2025.956 (the day's place in its year); "2025-12" -> mid-month; "2025" -> mid-year."""
    if not date:
        return None
    try:
        year = int(date[:4])
        if len(date) >= 10:
            day = dt.date.fromisoformat(date[:10])
            return year + (day.timetuple().tm_yday - 0.5) / (366 if _leap(year) else 365)
        if len(date) >= 7:
            return year + (int(date[5:7]) - 0.5) / 12
        return year + 0.5
    except ValueError:
        return None


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@dataclass(frozen=True, slots=True)
class Mark:
    at: float  # fractional year
    status: str  # a key of STATUS_MARKS
    title: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    start: float | None = None  # fractional years; a bar is drawn when either is known
    end: float | None = None
    marks: Sequence[Mark] = field(default_factory=tuple)
    href: str | None = None
    title: str = ""  # the bar's tooltip
    emphasis: bool = False  # the row the page is about


def ladder(rows: Sequence[Row], *, chart_id: str, title: str, width: int = 760, label_width: int = 250,
           bar_legend: str = "period covered") -> Markup:
    """One row per item: its period as a bar on a shared time axis, its observations as marks."""
    pid = escape(chart_id)
    xs = [v for r in rows for v in (r.start, r.end, *(m.at for m in r.marks)) if v is not None]
    if not rows or not xs:
        return Markup(f'<svg class="chart empty" id="{pid}" viewBox="0 0 {width} 40" role="img" '
                      f'aria-label="{escape(title)}: nothing dated"><text x="8" y="24" {FONT} font-size="13" '
                      f'fill="{INK}">Nothing dated to chart.</text></svg>')
    y0 = math.floor(min(xs))
    y1 = max(y0 + 1, math.ceil(max(xs)))  # a period ending with 2026 ends at 2027.0: no 2027 column
    row_h, top = 26, 26
    plot_x, plot_w = label_width + 8.0, width - label_width - 20.0
    scale = plot_w / max(1, y1 - y0)

    def px(v: float) -> float:
        return plot_x + (v - y0) * scale

    used = sorted({m.status for r in rows for m in r.marks}, key=list(STATUS_MARKS).index)
    bottom = top + row_h * len(rows)
    bars = [r for r in rows if r.start is not None or r.end is not None]
    items = ([("bar", bar_legend)] if bars else []) + \
        ([("open", "open-ended (one end unknown)")] if any(r.start is None or r.end is None for r in bars) else []) + \
        [(s, STATUS_MARKS[s][2]) for s in used]
    placed, lx, ly = [], 8.0, bottom + 22.0
    for kind, text in items:
        w = 26 + _text_width(text) + 18
        if lx + w > width - 8:
            lx, ly = 8.0, ly + 20
        placed.append((kind, text, lx, ly))
        lx += w
    height = ly + 12
    parts = [f'<svg class="chart ladder" id="{pid}" viewBox="0 0 {width} {_num(height)}" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
             f'<defs><pattern id="{pid}-open" width="8" height="8" patternUnits="userSpaceOnUse">'
             f'<rect width="8" height="8" fill="#8fb8d8"/><path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" '
             f'stroke="white" stroke-width="2"/></pattern></defs>']
    tick = 1 if y1 - y0 <= 12 else 2 if y1 - y0 <= 24 else 5
    for year in range(y0, y1 + 1):
        if (year - y0) % tick:
            continue
        x = px(year)
        parts.append(f'<line x1="{_num(x)}" x2="{_num(x)}" y1="{top - 6}" y2="{_num(bottom)}" stroke="#ccc" '
                     f'stroke-width="0.7"/>')
        if year < y1:  # a label names the year that starts at its line
            parts.append(f'<text x="{_num(x + 3)}" y="{top - 10}" {FONT} font-size="10" fill="{INK}">{year}</text>')
    for i, r in enumerate(rows):
        cy = top + row_h * i + row_h / 2
        if i % 2:
            parts.append(f'<rect x="0" y="{_num(cy - row_h / 2)}" width="{width}" height="{row_h}" fill="#f4f4f4"/>')
        label = r.label if _text_width(r.label) <= label_width else r.label[: int(label_width / 6.4) - 1] + "…"
        weight = ' font-weight="bold"' if r.emphasis else ""
        text = (f'<text x="4" y="{_num(cy + 4)}" {FONT} font-size="11" fill="{INK}"{weight}>'
                f'<title>{escape(r.label)}</title>{escape(label)}</text>')
        parts.append(f'<a href="{escape(r.href)}">{text}</a>' if r.href else text)
        if r.start is not None or r.end is not None:
            known = [v for v in (r.start, r.end) if v is not None]
            ends = known + [m.at for m in r.marks]
            lo, hi = min(ends), max(ends) if r.end is None else max(known)
            if r.start is not None:
                lo = r.start
            open_ended = len(known) < 2
            fill = f"url(#{pid}-open)" if open_ended else "#8fb8d8"
            dash = ' stroke-dasharray="3 2"' if open_ended else ""
            parts.append(f'<rect x="{_num(px(lo))}" y="{_num(cy - 5)}" width="{_num(max(2.0, px(hi) - px(lo)))}" '
                         f'height="10" fill="{fill}" stroke="#2b5d82" stroke-width="0.8"{dash}>'
                         f'<title>{escape(r.title or r.label)}</title></rect>')
        for m in r.marks:
            shape, colour, _ = STATUS_MARKS.get(m.status, STATUS_MARKS["mentioned"])
            mark = f'<g class="mark">{mark_shape(shape, px(m.at), cy, colour)}<title>{escape(m.title)}</title></g>'
            parts.append(f'<a href="{escape(m.href)}">{mark}</a>' if m.href else mark)
    # legend: the bars, then each status shape used
    for kind, text, lx, ly in placed:
        if kind == "bar":
            parts.append(f'<rect x="{_num(lx)}" y="{_num(ly - 9)}" width="20" height="10" fill="#8fb8d8" '
                         f'stroke="#2b5d82" stroke-width="0.8"/>')
        elif kind == "open":
            parts.append(f'<rect x="{_num(lx)}" y="{_num(ly - 9)}" width="20" height="10" fill="url(#{pid}-open)" '
                         f'stroke="#2b5d82" stroke-width="0.8" stroke-dasharray="3 2"/>')
        else:
            shape, colour, _ = STATUS_MARKS[kind]
            parts.append(mark_shape(shape, lx + 10, ly - 4, colour))
        parts.append(f'<text x="{_num(lx + 26)}" y="{_num(ly)}" {FONT} font-size="11" fill="{INK}">{escape(text)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
