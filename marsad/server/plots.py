"""Small inline SVG charts drawn on the server: no JavaScript, no chart library, labels escaped.

Colours come from the stylesheet through classes, so the charts follow the page's theme.
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

WIDTH = 1000  # the timeline's drawing width (it fills a wide card)
BARS_WIDTH = 560  # bar charts sit in half-width cards: drawn near their shown size, text stays legible


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * exp:
            return float(step * exp)
    return float(10 * exp)


def _nice_step(value: float) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``value`` (at least 1)."""
    power = 1
    while True:
        for step in (power, 2 * power, 5 * power):
            if step >= value:
                return step
        power *= 10


def column_chart(periods: list[tuple[str, int]], label: str, height: int = 240) -> Markup:
    """Counts per period as vertical bars, time running left to right, with a labelled axis."""
    if not periods:
        return Markup('<p class="empty">لا توجد تواريخ لرسمها.</p>')
    left, right, top, bottom = 40, 34, 12, 48
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    step = _nice_step(max(c for _, c in periods) / 4)
    top_value = 4 * step
    slot = plot_w / len(periods)
    bar_w = max(1.0, min(slot * 0.72, 56.0))
    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(label)}" '
        f'direction="ltr" preserveAspectRatio="xMidYMid meet">'
    ]
    for i in range(5):  # horizontal grid and y ticks
        value = top_value * i / 4
        y = top + plot_h - plot_h * i / 4
        parts.append(f'<line class="grid" x1="{left}" x2="{WIDTH - right}" y1="{_num(y)}" y2="{_num(y)}"/>')
        parts.append(f'<text class="tick" x="{left - 6}" y="{_num(y + 4)}" text-anchor="end">{_fmt(value)}</text>')
    every = max(1, math.ceil(len(periods) / 10))
    for i, (period, count) in enumerate(periods):
        h = plot_h * count / top_value
        x = left + i * slot + (slot - bar_w) / 2
        parts.append(
            f'<rect class="bar" x="{_num(x)}" y="{_num(top + plot_h - h)}" width="{_num(bar_w)}" height="{_num(h)}">'
            f"<title>{escape(period)}: {count}</title></rect>"
        )
        if i % every == 0:
            cx = left + i * slot + slot / 2
            parts.append(
                f'<text class="tick" x="{_num(cx)}" y="{top + plot_h + 16}" text-anchor="middle">'
                f"{escape(period)}</text>"
            )
    parts.append(f'<line class="axis" x1="{left}" x2="{WIDTH - right}" y1="{top + plot_h}" y2="{top + plot_h}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def bar_chart(rows: list[tuple[str, float]], label: str, css: str = "bar", width: int = BARS_WIDTH) -> Markup:
    """Horizontal bars, labels on the right (right-to-left reading), values at the bar ends."""
    if not rows:
        return Markup('<p class="empty">لا توجد بيانات.</p>')
    row_h, label_w, pad = 30, 190, 52
    height = row_h * len(rows) + 8
    top_value = max(v for _, v in rows) or 1.0
    span_w = width - label_w - pad
    parts = [
        f'<svg class="chart bars" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" '
        f'preserveAspectRatio="xMidYMid meet">'
    ]
    for i, (name, value) in enumerate(rows):
        y = 4 + i * row_h
        w = max(0.0, span_w * value / top_value)
        x_end = width - label_w
        parts.append(f'<text class="label" x="{width - 4}" y="{y + 19}" text-anchor="end">{escape(_clip(name))}</text>')
        parts.append(
            f'<rect class="{escape(css)}" x="{_num(x_end - w)}" y="{y + 5}" width="{_num(w)}" height="{row_h - 10}" '
            f'rx="3"><title>{escape(name)}: {_fmt(value)}</title></rect>'
        )
        parts.append(
            f'<text class="value" x="{_num(x_end - w - 6)}" y="{y + 19}" text-anchor="end">{_fmt(value)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_chart(
    rows: list[tuple[str, list[float]]], series: list[str], label: str, width: int = BARS_WIDTH
) -> Markup:
    """Horizontal 100% stacked bars: each row's share of each series (classes ``s-0``, ``s-1``, ...)."""
    rows = [r for r in rows if sum(r[1]) > 0]
    if not rows:
        return Markup('<p class="empty">لا توجد بيانات.</p>')
    row_h, label_w, pad = 30, 190, 8
    height = row_h * len(rows) + 8
    span_w = width - label_w - pad
    parts = [
        f'<svg class="chart stacked" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" '
        f'preserveAspectRatio="xMidYMid meet">'
    ]
    for i, (name, values) in enumerate(rows):
        y = 4 + i * row_h
        total = sum(values)
        parts.append(f'<text class="label" x="{width - 4}" y="{y + 19}" text-anchor="end">{escape(_clip(name))}</text>')
        x: float = width - label_w  # shares run right to left, like the reading
        for j, value in enumerate(values):
            w = span_w * value / total
            x -= w
            share = 100 * value / total
            parts.append(
                f'<rect class="s-{j}" x="{_num(x)}" y="{y + 5}" width="{_num(w)}" height="{row_h - 10}">'
                f"<title>{escape(name)} — {escape(series[j])}: {share:.0f}%</title></rect>"
            )
            if w > 34:
                parts.append(
                    f'<text class="inbar" x="{_num(x + w / 2)}" y="{y + 19}" text-anchor="middle">{share:.0f}%</text>'
                )
    parts.append("</svg>")
    return Markup("".join(parts))


def _clip(name: str, n: int = 28) -> str:
    return name if len(name) <= n else name[: n - 1] + "…"
