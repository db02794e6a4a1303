"""The HTML report: one self-contained right-to-left page with inline SVG plots (``marsad.server.plots``).

No script, no external file: the stylesheet (``report.css``) is inlined, charts are SVG drawn here, every label
is escaped.  Each table shows counts beside shares; rows over fewer than ``Options.min_mentions`` mentions are
greyed and flagged as low-confidence.
"""

from __future__ import annotations

from collections import Counter
from importlib import resources

from markupsafe import Markup, escape

import marsad
from marsad.report.compare import MARKER_KINDS, Comparison
from marsad.report.html import LOW, cell, legend, low_flag, pct, period, rate
from marsad.report.labels import label
from marsad.report.sections import about_section, people_section, scare_section, statements_section
from marsad.report.views import (
    OTHER,
    ConceptTable,
    ReportMeta,
    category_rates,
    concept_tables,
    outlet_rows,
    outlets,
)
from marsad.server.plots import bar_chart, stacked_chart

NEUTRAL_COLOURS = ("#0e7490", "#4aa8c0", "#0b4f63", "#8ccfe0", "#2f7f94")
MARKED_COLOURS = ("#c2410c", "#f08a4b", "#9a3412", "#f7b27f", "#dc5f1f")
OTHER_COLOUR = "#b6bcc6"
SUBTITLE = "الكلمات التي يختارها كل منفذ للأشخاص والأحداث أنفسهم: عدٌّ وقياس، لا حكم."


def _css() -> str:
    return resources.files("marsad.report").joinpath("report.css").read_text("utf-8")


class _Page:
    """Collects the scoped chart colours while sections are written."""

    def __init__(self, c: Comparison, meta: ReportMeta) -> None:
        self.c = c
        self.meta = meta
        self.styles: list[str] = []

    def render(self) -> str:
        body = Markup("").join(
            [
                self.intro(),
                self.overview(),
                self.concepts(),
                people_section(self.c),
                scare_section(self.c),
                statements_section(self.c),
                about_section(self.c),
            ]
        )
        title = "مرصد — كيف تختلف المنافذ في كلماتها"
        return (
            '<!doctype html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="marsad {escape(marsad.__version__)}">\n'
            f"<title>{title}</title>\n<style>\n{_css()}\n{''.join(self.styles)}</style>\n</head>\n<body>\n"
            f'<header class="top"><div class="wrap"><h1>{title}</h1>'
            f'<p class="sub">{SUBTITLE}</p></div></header>\n'
            f'<main class="wrap">\n{body}\n</main>\n{self.footer()}\n</body>\n</html>\n'
        )

    # --- sections -------------------------------------------------------------------------------------------------

    def intro(self) -> Markup:
        c = self.c
        figs = outlets(c)
        days = sorted(d for o in figs for d in (o.first, o.last) if d)
        span = period(days[0], days[-1]) if days else Markup("—")
        statements = sum(o.statements for o in figs)
        tiles = [
            (f"{c.articles:,}", "مقالة"),
            (str(len(figs)), "منفذ"),
            (f"{statements:,}", "تصريح"),
            (Markup('<span class="period">{}</span>').format(span), "الفترة"),
        ]
        filters = self._filters()
        return Markup(
            '<section class="card"><div class="tiles">{}</div>{}'
            '<ul class="howto">'
            "<li><b>صوت المنفذ</b>: الكلمات في سرد المنفذ نفسه. <b>في الاقتباسات</b>: الكلمات داخل نص تصريح منسوب "
            "إلى متحدث، فهي كلمات المتحدث لا المنفذ؛ تُعدّ على حدة ولا تدخل في نسب صوت المنفذ.</li>"
            "<li>كل نسبة تُعرض مع عدّها (العدد/المجموع). النسب المحسوبة على أقل من {} ذكرًا معلّمة {} ومعتّمة: "
            "لا يُبنى عليها.</li>"
            "<li>الأداة لا تنحاز: تعدّ الكلمات كما وردت، وتصنيف المصطلحات تصنيف المعجم "
            "(<code>marsad/data/framing.tsv</code>) لا حكم على المنفذ.</li></ul>"
            '<nav class="toc"><a href="#overview">نظرة عامة</a><a href="#concepts">اختيار الكلمات</a>'
            '<a href="#people">الألقاب</a><a href="#scare">علامات التنصيص</a><a href="#statements">التصريحات</a>'
            '<a href="#about">من يُقتبس عن من</a></nav></section>'
        ).format(
            Markup("").join(Markup("<div class='tile'><b>{}</b><span>{}</span></div>").format(v, k) for v, k in tiles),
            filters,
            c.options.min_mentions,
            LOW,
        )

    def _filters(self) -> Markup:
        f = self.c.filters
        parts = []
        if f.outlets:
            parts.append("المنافذ: " + "، ".join(sorted(f.outlets)))
        if f.since or f.until:
            parts.append(f"من {f.since or '…'} إلى {f.until or '…'}")
        if f.concepts:
            parts.append("المفاهيم: " + "، ".join(label("concept", k) for k in sorted(f.concepts)))
        left = sum(self.c.left_out.values())
        if left:
            parts.append(f"{left:,} مقالة خارج المرشّحات")
        if not parts:
            return Markup()
        return Markup('<p class="note">{}</p>').format(" · ".join(parts))

    def overview(self) -> Markup:
        c = self.c
        rows = outlet_rows(c)
        head = (
            "<tr><th>المنفذ</th><th class='num'>مقالات</th><th>الفترة</th><th class='num'>تصريحات</th>"
            "<th class='num'>لكل مقالة</th><th class='num'>دون مصدر مسمّى</th>"
            + "".join(
                f"<th class='num'>{escape(label('marker', k))}<br><small>لكل 100 مقالة</small></th>"
                for k in MARKER_KINDS
            )
            + "</tr>"
        )
        body = []
        for r in rows:
            markers = "".join(
                f"<td class='num'>{r.own_markers.get(k, 0):.1f}<br><span class='n'>{r.own_counts.get(k, 0)} · "
                f"في الاقتباسات {r.quoted_counts.get(k, 0)}</span></td>"
                for k in MARKER_KINDS
            )
            body.append(
                Markup(
                    "<tr><td><b>{}</b></td><td class='num'>{:,}</td><td>{}</td><td class='num'>{:,}</td>"
                    "<td class='num'>{:.1f}</td>{}{}</tr>"
                ).format(
                    r.outlet,
                    r.articles,
                    period(r.first, r.last),
                    r.statements,
                    r.statements / r.articles if r.articles else 0,
                    cell(r.anonymous),
                    Markup(markers),
                )
            )
        own = [(r.outlet, rate(r.own_markers.get("loaded-term", 0.0))) for r in rows]
        quoted = [(r.outlet, rate(r.quoted_markers.get("loaded-term", 0.0))) for r in rows]
        cats, cat_rows = category_rates(c)
        series = [label("category", k) for k in cats[:5]] + ([OTHER] if len(cats) > 5 else [])
        mix = stacked_chart(
            [
                (o, [*map(float, counts[:5]), *([float(sum(counts[5:]))] if len(cats) > 5 else [])])
                for o, _, counts in cat_rows
            ],
            series,
            "فئات المصطلحات المحمّلة",
        )
        mix_legend = legend(series)
        return Markup(
            '<section id="overview"><div class="card"><h2>نظرة عامة على المنافذ</h2>'
            '<p class="note">المؤشرات في صوت المنفذ لكل 100 مقالة، وتحتها عددها وعدد ما ورد داخل الاقتباسات.</p>'
            '<div class="scroll"><table><thead>{}</thead><tbody>{}</tbody></table></div></div>'
            '<div class="grid2"><div class="card"><h3>المصطلحات المحمّلة لكل 100 مقالة</h3>'
            "<h4>في صوت المنفذ</h4>{}<h4>داخل الاقتباسات</h4>{}</div>"
            '<div class="card"><h3>فئات المصطلحات المحمّلة في صوت المنفذ</h3>'
            '<p class="note">حصة كل فئة من مصطلحات المنفذ المحمّلة (تصنيف المعجم).</p>{}{}</div></div></section>'
        ).format(
            Markup(head),
            Markup("").join(body),
            bar_chart(own, "المصطلحات المحمّلة لكل 100 مقالة في صوت المنفذ"),
            bar_chart(quoted, "المصطلحات المحمّلة لكل 100 مقالة في الاقتباسات", css="bar alt"),
            mix_legend,
            mix,
        )

    def concepts(self) -> Markup:
        tables = concept_tables(self.c)
        if not tables:
            return Markup(
                '<section id="concepts" class="card"><h2>اختيار الكلمات لكل مفهوم</h2>'
                '<p class="empty">لم يرد أي مفهوم من مفاهيم المعجم.</p></section>'
            )
        parts = [
            Markup(
                '<section id="concepts"><div class="card"><h2>اختيار الكلمات لكل مفهوم</h2>'
                '<p class="note">لكل مفهوم من مفاهيم المعجم: حصة كل صيغة من مرات ذكره في صوت المنفذ. '
                "الأزرق صيغ محايدة، والبرتقالي صيغ يصنّفها المعجم غير محايدة، والرمادي بقية الصيغ. "
                "«غير محايد» حصة الصيغ غير المحايدة؛ وعمود الاقتباسات يعدّ ما ورد داخل التصريحات وحده.</p></div>"
            )
        ]
        for i, t in enumerate(tables):
            parts.append(self._concept(i, t))
        parts.append(Markup("</section>"))
        return Markup("").join(parts)

    def _concept(self, i: int, t: ConceptTable) -> Markup:
        colours = _colours(t)
        scope = f"concept-{i}"
        self.styles.append("".join(f"#{scope} .s-{j}{{fill:{col}}}" for j, col in enumerate(colours)) + "\n")
        names = [OTHER if term == OTHER else term for term in t.terms]
        chart_rows = [
            (f"{r.outlet} · {r.total}" + (f" {LOW}" if r.marked.low else ""), [float(s.count) for s in r.shares])
            for r in t.rows
        ]
        head = "".join(
            f"<th class='num'><span class='term'>{escape(term)}</span>"
            f"<span class='cat'>{escape(label('category', cat) if cat else '')}</span></th>"
            for term, cat in zip(t.terms, t.categories, strict=True)
        )
        body = []
        for r in t.rows:
            body.append(
                Markup("<tr{}><td><b>{}</b>{}</td><td class='num'>{}</td>{}{}<td class='num'>{}{}</td></tr>").format(
                    Markup(" class='low'") if r.marked.low else Markup(),
                    r.outlet,
                    low_flag(r.marked.low and r.total > 0),
                    r.total,
                    Markup("").join(cell(s) for s in r.shares),
                    cell(r.marked),
                    r.quoted_total,
                    Markup("<br><span class='n'>غير محايد {}</span>").format(pct(r.quoted_marked))
                    if r.quoted_total
                    else Markup(),
                )
            )
        return Markup(
            '<div class="card" id="{}"><h3>{}<span class="en">{}</span></h3>'
            '<p class="note">{} ذكرًا في صوت المنافذ.</p>{}<div class="concept-chart">{}</div>'
            '<div class="scroll"><table><thead><tr><th>المنفذ</th><th class="num">ن</th>{}'
            '<th class="num">غير محايد</th><th class="num">في الاقتباسات</th></tr></thead><tbody>{}</tbody></table>'
            "</div></div>"
        ).format(
            scope,
            label("concept", t.concept),
            t.concept,
            f"{t.total:,}",
            legend(names, colours),
            stacked_chart(chart_rows, names, label("concept", t.concept)),
            Markup(head),
            Markup("").join(body),
        )

    def footer(self) -> str:
        m = self.meta
        took = f" في {m.seconds:.0f} ثانية" if m.seconds is not None else ""
        return (
            f'<footer class="foot"><div class="wrap">أنشأه marsad {escape(marsad.__version__)} في '
            f'<bdi dir="ltr">{escape(m.generated)}</bdi>{took} من <bdi dir="ltr">{escape(m.source)}</bdi>. '
            "المعجم وتصنيفاته: docs/framing.md؛ طريقة العدّ وحدوده: docs/report.md.</div></footer>"
        )


def _colours(t: ConceptTable) -> list[str]:
    """Neutral wordings in blues, marked ones in oranges, the rest in grey (one colour a column)."""
    out: list[str] = []
    used: Counter[str] = Counter()
    for term, cat in zip(t.terms, t.categories, strict=True):
        if term == OTHER:
            out.append(OTHER_COLOUR)
            continue
        palette = NEUTRAL_COLOURS if cat == "neutral" else MARKED_COLOURS
        out.append(palette[used[palette[0]] % len(palette)])
        used[palette[0]] += 1
    return out


def render_html(c: Comparison, meta: ReportMeta) -> str:
    """The whole report as one HTML document (``lang="ar" dir="rtl"``)."""
    return _Page(c, meta).render()


__all__ = ["render_html"]
