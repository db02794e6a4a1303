"""The HTML report: one self-contained right-to-left page with inline SVG plots, names escaped."""

from __future__ import annotations

import re

from report_samples import analysis, article, entity, statement

from marsad.models import FramingMarker
from marsad.report.compare import Options, compare
from marsad.report.render import render_html
from marsad.report.views import ReportMeta

META = ReportMeta("test corpus", "2026-01-01 00:00 UTC", 1.5)


def _corpus(outlet_x: str = "X") -> list:
    items = []
    for i in range(3):
        a = article(f"x{i}", outlet_x, "هاجمت ميليشيا الحوثي مأرب. وقال الوزير إن الحوثيين خرقوا الهدنة.")
        items.append(analysis(a, statements=(statement(a, "الحوثيين خرقوا الهدنة", "الوزير"),)))
    b = article("y1", "Y", "استقبل الشيخ تميم بن حمد الوفد، وأعلن الحوثيون الهدنة.")
    i = b.text.index("الشيخ")
    items.append(
        analysis(
            b,
            entities=(entity(b, "e1", "تميم بن حمد"),),
            framing=(FramingMarker(b.span(i, i + 5), "honorific", "الشيخ"),),
        )
    )
    return items


def test_report_is_arabic_right_to_left_and_self_contained_with_svg_plots() -> None:
    html = render_html(compare(_corpus()), META)
    assert re.search(r'<html lang="ar" dir="rtl">', html)
    assert html.count("<svg") >= 4
    assert "<script" not in html
    assert not re.search(r'(src|href)="https?://', html)  # no external file
    assert "<style>" in html and "الحوثيون" in html and "ميليشيا الحوثي" in html


def test_report_shows_counts_beside_shares_and_flags_thin_shares() -> None:
    html = render_html(compare(_corpus(), options=Options(min_mentions=5)), META)
    assert '100%<br><span class="n">3/3</span>' in html.replace("'", '"')
    assert "عينة صغيرة" in html


def test_names_from_the_data_are_escaped() -> None:
    html = render_html(compare(_corpus(outlet_x="<b>X&Y</b>")), META)
    assert "<b>X&Y</b>" not in html
    assert "&lt;b&gt;X&amp;Y&lt;/b&gt;" in html


def test_the_honoured_person_appears_with_the_honorific_and_the_outlet() -> None:
    html = render_html(compare(_corpus()), META)
    people = html[html.index('id="people"') : html.index('id="scare"')]
    assert "تميم بن حمد" in people and "الشيخ ×1" in people


def test_an_empty_comparison_still_renders_a_page() -> None:
    html = render_html(compare([]), META)
    assert 'dir="rtl"' in html and "</html>" in html
