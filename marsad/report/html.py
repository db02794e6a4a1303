"""Small pieces of HTML the report's sections share: a share cell, a period, a legend, the low-confidence flag."""

from __future__ import annotations

from markupsafe import Markup

from marsad.report.views import Share

LOW = "⚠"


def rate(value: float) -> float:
    """A rate rounded for a chart label: whole numbers from 10 up, one decimal below."""
    return float(round(value)) if value >= 10 else round(value, 1)


def cell(s: Share) -> Markup:
    if s.value is None:
        return Markup('<td class="num">—</td>')
    return Markup('<td class="num">{}<br><span class="n">{}/{}</span></td>').format(s.percent(), s.count, s.total)


def period(first: str | None, last: str | None) -> Markup:
    return Markup('<bdi dir="ltr">{}</bdi> إلى <bdi dir="ltr">{}</bdi>').format(first or "…", last or "…")


def pct(s: Share) -> Markup:
    return Markup('<bdi dir="ltr">{}</bdi>').format(s.percent())


def low_flag(low: bool) -> Markup:
    return Markup(f' <span class="low-flag" title="عينة صغيرة">{LOW} عينة صغيرة</span>') if low else Markup()


def legend(names: list[str], colours: list[str] | None = None) -> Markup:
    items = []
    for i, name in enumerate(names):
        style = f' style="background:{colours[i]}"' if colours else ""
        cls = "" if colours else f' class="s-{i}"'
        items.append(Markup("<span><i{}{}></i>{}</span>").format(Markup(cls), Markup(style), name))
    return Markup('<div class="legend">{}</div>').format(Markup("").join(items))


__all__ = ["LOW", "cell", "legend", "low_flag", "pct", "period", "rate"]
