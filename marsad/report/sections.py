"""The report's sections about people and statements: honorifics, scare quotes, quoted speakers, who is quoted
about whom (the wording sections are in :mod:`marsad.report.render`)."""

from __future__ import annotations

from markupsafe import Markup, escape

from marsad.report.compare import STATEMENT_KINDS, Comparison
from marsad.report.html import LOW, legend, rate
from marsad.report.labels import label
from marsad.report.views import about, honorific_rates, outlets, people, per_100, speaker_name, top_counts
from marsad.server.plots import bar_chart, stacked_chart


def people_section(c: Comparison) -> Markup:
    """Honorifics per person and per outlet."""
    rows = people(c)
    figs = outlets(c)
    if not rows:
        return Markup(
            '<section id="people" class="card"><h2>ألقاب التبجيل لكل شخص</h2>'
            '<p class="empty">لم يُعثر على ألقاب قبل أسماء.</p></section>'
        )
    head = "".join(f"<th class='num'>{escape(o.outlet)}</th>" for o in figs)
    body = []
    for p in rows:
        cells = []
        for cell in p.cells:
            if not cell.mentions and not cell.quoted:
                cells.append(Markup('<td class="heat"><small>لا ذكر</small></td>'))
                continue
            v = cell.honoured.value
            alpha = 0.0 if v is None else 0.1 + 0.55 * v
            terms = "، ".join(f"{t} ×{n}" for t, n in cell.honorifics) or "—"
            quoted = "، ".join(f"{t} ×{n}" for t, n in cell.quoted)
            cells.append(
                Markup(
                    '<td class="heat" style="background:rgba(194,65,12,{:.2f})"><span class="term">{}</span>'
                    "<small>{} من {} ذكر{}</small>{}</td>"
                ).format(
                    alpha,
                    terms,
                    cell.honoured.count,
                    cell.mentions,
                    Markup(f" {LOW}") if cell.honoured.low and cell.mentions else Markup(),
                    Markup("<small>في الاقتباسات: {}</small>").format(quoted) if quoted else Markup(),
                )
            )
        body.append(
            Markup("<tr><td><b class='term'>{}</b><br><span class='n'>{} لقبًا</span></td>{}</tr>").format(
                p.name, p.total, Markup("").join(cells)
            )
        )
    return Markup(
        '<section id="people" class="card"><h2>ألقاب التبجيل لكل شخص</h2>'
        '<p class="note">من ينال «السيد» و«الشيخ» و«الشهيد»… من أي منفذ. في كل خانة: الألقاب في صوت المنفذ، '
        "ثم عدد مرات ذكر الشخص مسبوقًا بلقب من كل مرات ذكره في صوت المنفذ؛ يشتد اللون مع النسبة. "
        "الأشخاص مرتبون بعدد الألقاب في كل المنافذ.</p>"
        '<div class="scroll"><table><thead><tr><th>الشخص</th>{}</tr></thead><tbody>{}</tbody></table></div>'
        "{}<h3>أكثر الألقاب استعمالًا في صوت كل منفذ</h3>"
        '<p class="note">لكل 100 مقالة، وتحتها العدد وما ورد داخل الاقتباسات.</p>{}</section>'
    ).format(Markup(head), Markup("").join(body), _unattributed(c), _honorific_rates(c))


def _honorific_rates(c: Comparison) -> Markup:
    rows = honorific_rates(c)
    top = max((rate for _, cells in rows for _, rate, _ in cells), default=0.0) or 1.0
    body = Markup("").join(
        Markup("<tr><td class='term'>{}</td>{}</tr>").format(
            term,
            Markup("").join(
                Markup(
                    '<td class="heat" style="background:rgba(14,116,144,{:.2f})">{:.1f}'
                    "<small>{} · في الاقتباسات {}</small></td>"
                ).format(0.08 + 0.5 * rate / top if n else 0.0, rate, n, q)
                for n, rate, q in cells
            ),
        )
        for term, cells in rows
    )
    head = "".join(f"<th class='num'>{escape(o.outlet)}</th>" for o in outlets(c))
    return Markup(
        '<div class="scroll"><table><thead><tr><th>اللقب</th>{}</tr></thead><tbody>{}</tbody></table></div>'
    ).format(Markup(head), body)


def _unattributed(c: Comparison) -> Markup:
    n = sum(o.unattributed_honorifics for o in c.outlets.values())
    if not n:
        return Markup()
    return Markup('<p class="note">{} لقبًا لم يُربط باسم تعرّفت عليه طبقة الكيانات؛ لا تظهر في الجدول.</p>').format(n)


def scare_section(c: Comparison) -> Markup:
    """Scare quotes per outlet."""
    figs = outlets(c)
    own = [(o.outlet, rate(per_100(o.markers["own"]["scare-quotes"], o.articles))) for o in figs]
    lists = []
    for o in figs:
        items = Markup("").join(
            Markup("<li><span class='term'>«{}»</span><span class='n'>{}</span></li>").format(t, n)
            for t, n in top_counts(o.scare_quoted["own"], 6)
        ) or Markup("<li class='empty'>—</li>")
        q = sum(o.scare_quoted["quoted"].values())
        lists.append(
            Markup("<div><h3>{}</h3><ul class='speakers'>{}</ul><p class='note'>و{} داخل الاقتباسات</p></div>").format(
                o.outlet, items, q
            )
        )
    return Markup(
        '<section id="scare" class="card"><h2>علامات التنصيص التشكيكية</h2>'
        '<p class="note">اسم أو مصطلح بين علامتي تنصيص دون أن يكون اقتباسًا («الدولة»، "إسرائيل"): لكل 100 مقالة '
        "في صوت المنفذ، وأكثر ما وُضع بينها.</p>"
        '<div class="concept-chart">{}</div><div class="outlet-lists">{}</div></section>'
    ).format(bar_chart(own, "علامات التنصيص لكل 100 مقالة", css="bar warm"), Markup("").join(lists))


def statements_section(c: Comparison) -> Markup:
    """Statement kinds, anonymous sources and the most quoted speakers per outlet."""
    figs = outlets(c)
    kinds = stacked_chart(
        [(o.outlet, [float(o.statement_kinds[k]) for k in STATEMENT_KINDS]) for o in figs],
        [label("statement-kind", k) for k in STATEMENT_KINDS],
        "أنواع التصريحات",
    )
    anon = bar_chart(
        [(o.outlet, float(round(100 * o.anonymous / o.statements)) if o.statements else 0.0) for o in figs],
        "نسبة التصريحات دون مصدر مسمّى",
        css="bar alt",
    )
    lists = []
    for o in figs:
        items = Markup("").join(
            Markup("<li><span>{}</span><span class='n'>{} · <bdi dir='ltr'>{:.1f}%</bdi></span></li>").format(
                c.name(k), n, 100 * n / o.statements
            )
            for k, n in top_counts(o.speakers, c.options.top_speakers)
        ) or Markup("<li class='empty'>—</li>")
        lists.append(
            Markup(
                "<div><h3>{}</h3><p class='note'>{:,} تصريحًا، {:,} دون مصدر مسمّى</p><ul class='speakers'>{}</ul></div>"
            ).format(o.outlet, o.statements, o.anonymous, items)
        )
    return Markup(
        '<section id="statements"><div class="grid2"><div class="card"><h2>التصريحات</h2>'
        '<p class="note">أنواع التصريحات في كل منفذ (مباشر بين علامتي تنصيص، غير مباشر، مختلط، في العنوان).</p>'
        "{}{}</div>"
        '<div class="card"><h3>نسبة التصريحات دون مصدر مسمّى (%)</h3>'
        '<p class="note">«قال مصدر»، «أفادت تقارير»…</p>{}</div></div>'
        '<div class="card"><h3>أكثر المتحدثين اقتباسًا في كل منفذ</h3>'
        '<p class="note">عدد تصريحات كل متحدث ونسبتها من تصريحات المنفذ.</p>'
        '<div class="outlet-lists">{}</div></div></section>'
    ).format(legend([label("statement-kind", k) for k in STATEMENT_KINDS]), kinds, anon, Markup("").join(lists))


def about_section(c: Comparison) -> Markup:
    """Who each outlet quotes about the same entity."""
    rows = about(c)
    if not rows:
        return Markup(
            '<section id="about" class="card"><h2>من يُقتبس عن الكيان نفسه</h2>'
            '<p class="empty">لا تصريحات تذكر كيانات.</p></section>'
        )
    cards = []
    for r in rows:
        trs = Markup("").join(
            Markup("<tr><td><b>{}</b></td><td class='num'>{}</td><td>{}</td></tr>").format(
                outlet,
                n,
                Markup("، ").join(
                    Markup("{} <span class='n'>({})</span>").format(speaker_name(c, k), m) for k, m in speakers
                ),
            )
            for outlet, n, speakers in r.cells
        )
        cards.append(
            Markup(
                "<div class='card'><h3>{} <span class='en'>{} · {} تصريحًا في {} منافذ</span></h3>"
                "<table><thead><tr><th>المنفذ</th><th class='num'>تصريحات</th><th>أكثر من يُقتبس</th></tr></thead>"
                "<tbody>{}</tbody></table></div>"
            ).format(r.name, label("entity-type", r.type), r.statements, r.outlets, trs)
        )
    return Markup(
        '<section id="about"><div class="card"><h2>من يُقتبس عن الكيان نفسه</h2>'
        '<p class="note">الكيانات التي تذكرها نصوص التصريحات في أكثر المنافذ: من يقتبس كل منفذ حين يُذكر '
        "الكيان (لا يُعدّ الكيان متحدثًا عن نفسه).</p></div>"
        '<div class="grid2">{}</div></section>'
    ).format(Markup("").join(cards))


__all__ = ["about_section", "people_section", "scare_section", "statements_section"]
