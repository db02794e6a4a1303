"""HTML pages: main text with paragraphs as lines, metadata, charset from bytes, "read also" links."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import Skip
from marsad.extract import extract
from marsad.ingest import read
from marsad.ingest.html import html_fragment_text, html_to_raw
from marsad.ingest.rawdoc import RawDoc
from marsad.models import Article

P1 = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في شمال المدينة يضم مئتي سرير."
P2 = "وقال وزير الصحة في مؤتمر صحفي إن المستشفى سيخدم أكثر من مئة ألف نسمة."
P3 = "وأضاف أن العمل في المبنى استمر ثلاث سنوات بتمويل من الحكومة."


def page(charset_meta: str = '<meta charset="utf-8">', extra: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="ar"><head>{charset_meta}
<title>افتتاح مستشفى جديد - موقع الأخبار</title>
<meta property="og:title" content="افتتاح مستشفى جديد">
<meta property="og:site_name" content="موقع الأخبار">
<meta property="article:published_time" content="2024-03-05T10:30:00+03:00">
<link rel="canonical" href="https://news.example.org/health/123">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
<li><a href="/sport">رياضة</a></li></ul></nav>
<article><h1>افتتاح مستشفى جديد</h1>
<p>{P1}</p><p>{P2}</p>
<p>اقرأ أيضاً: <a href="/health/99">الوزارة تطلق حملة تطعيم في المدارس</a></p>
<p>{P3}</p>{extra}
</article>
<footer><p>جميع الحقوق محفوظة لموقع الأخبار 2024</p></footer>
</body></html>"""


def _raw(html: str, encoding: str = "utf-8", url: str | None = None) -> RawDoc:
    return RawDoc(source="page.html", kind="html", data=html.encode(encoding), url=url)


def test_main_text_keeps_every_paragraph_as_a_line_and_drops_the_menu() -> None:
    raw = html_to_raw(_raw(page()))
    assert raw.kind == "record" and raw.text is not None
    lines = raw.text.split("\n")
    assert lines[0] == P1  # the <h1> repeating the title is not the lede
    assert P2 in lines and P3 in lines
    assert "الرئيسية" not in raw.text and "رياضة" not in raw.text


def test_metadata_title_date_url_and_outlet_come_from_the_page() -> None:
    raw = html_to_raw(_raw(page()))
    assert raw.title == "افتتاح مستشفى جديد"
    assert raw.url == "https://news.example.org/health/123"
    assert raw.outlet == "موقع الأخبار"
    assert raw.published is not None and raw.published.startswith("2024-03-05")


def test_windows_1256_page_with_meta_charset_is_decoded() -> None:
    raw = html_to_raw(
        _raw(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'), "cp1256")
    )
    assert raw.text is not None and P1 in raw.text


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_arabic_single_byte_page_without_declared_charset_is_decoded(encoding: str) -> None:
    html = page("").replace("اقرأ أيضاً: ", "اقرأ أيضا: ")
    raw = html_to_raw(_raw(html, encoding))
    assert raw.text is not None and P2 in raw.text


def test_read_also_line_becomes_a_related_zone_with_its_url() -> None:
    article = extract(_raw(page()))
    related = [z for z in article.zones if z.kind == "related"]
    assert len(related) == 1
    assert article.text[related[0].start : related[0].end].startswith("اقرأ أيضاً")
    assert article.related[0].text == "الوزارة تطلق حملة تطعيم في المدارس"
    assert article.related[0].url == "https://news.example.org/health/99"
    body = " ".join(article.text[z.start : z.end] for z in article.zones if z.kind in {"lede", "body"})
    assert "اقرأ" not in body


def test_related_list_under_a_bare_heading_is_collected_with_urls() -> None:
    extra = (
        '<h3>مواضيع ذات صلة</h3><ul><li><a href="/a/1">افتتاح مدرسة للتمريض في الجنوب</a></li>'
        '<li><a href="/a/2">نقص الأدوية في الصيدليات</a></li></ul>'
    )
    article = extract(_raw(page(extra=extra)))
    urls = {r.url for r in article.related}
    assert {"https://news.example.org/a/1", "https://news.example.org/a/2"} <= urls


def test_page_without_text_is_refused() -> None:
    with pytest.raises(Skip) as e:
        html_to_raw(_raw("<html><head><title>x</title><style>p{}</style></head><body></body></html>"))
    assert "no main text" in e.value.reason


def test_given_fields_win_over_the_page() -> None:
    raw = html_to_raw(RawDoc(source="f", kind="html", data=page().encode(), title="عنوان من الخلاصة"))
    assert raw.title == "عنوان من الخلاصة"


def test_fragment_text_turns_blocks_into_lines_and_drops_tags() -> None:
    assert html_fragment_text("<p>سطر <b>أول</b></p><p>سطر ثان<br>ثالث</p><script>x()</script>") == (
        "سطر أول\nسطر ثان\nثالث"
    )
    assert html_fragment_text("نص بلا وسوم") == "نص بلا وسوم"


def test_an_html_fragment_is_read_as_a_page(tmp_path: Path) -> None:
    p = tmp_path / "fragment.html"
    p.write_text(f"  <div><p>{P1}</p></div>", encoding="utf-8")
    (a,) = list(read([str(p)]))
    assert isinstance(a, Article) and a.text == P1
