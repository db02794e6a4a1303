"""The web pages through the ASGI client, the highlighter, the SVG charts and ``marsad serve``."""

from __future__ import annotations

import html as std_html
import re
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from server_sample import (
    EVIL_ALIAS,
    EVIL_ENTITY,
    EVIL_LINK,
    EVIL_OUTLET,
    EVIL_QUOTE,
    EVIL_ROLE,
    EVIL_SPEAKER,
    EVIL_STRINGS,
    EVIL_TERM,
    EVIL_TITLE,
    HADDAD,
    HADDAD_SAYS,
    HOSTILE,
    MANSOUR,
    OMARI,
    OUTLET_A,
    OUTLET_B,
    RELIEF,
    ROUTINE,
    SCRIPT_ID,
    at,
    build_hostile_db,
    build_store_db,
    sample_analyses,
)
from typer.testing import CliRunner

from marsad.models import Analysis, Article, Entity, Speaker, Statement
from marsad.server import create_app, plots
from marsad.server.highlight import Mark, SpeakerColours, marks_of, render
from marsad.server.stats import timeline
from marsad.store import search_plan


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = build_store_db(tmp_path_factory.mktemp("web") / "web.db")
    with TestClient(create_app(url)) as c:
        yield c


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A client over a store whose articles carry markup in every field a page shows."""
    url = build_hostile_db(tmp_path_factory.mktemp("hostile") / "hostile.db")
    with TestClient(create_app(url)) as c:
        yield c


def html(client: TestClient, path: str, status: int = 200) -> str:
    r = client.get(path)
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def strip_tags(s: str) -> str:
    return re.sub(r"<[^>]+>", "", s)


# --- highlighting -------------------------------------------------------------------------------


def test_render_escapes_every_piece_and_keeps_the_text() -> None:
    text = '<b>x</b> & "y" <script>alert(1)</script>'
    out = render(text, [Mark(0, 8, ("st",)), Mark(4, 20, ("ent",))])
    assert "<script>" not in out and "<b>" not in out
    assert std_html.unescape(strip_tags(str(out))) == text


def test_render_nests_overlapping_spans_as_pieces_with_all_classes() -> None:
    text = "قال الوزير إن الحوار مهم"
    out = str(render(text, [Mark(0, 10, ("a",)), Mark(4, 24, ("b",))]))
    assert '<span class="a" title="">قال </span>' in out
    assert '<span class="a b" title="">الوزير</span>' in out
    assert '<span class="b" title=""> إن الحوار مهم</span>' in out


def test_render_drops_spans_outside_the_text() -> None:
    out = str(render("نص قصير", [Mark(3, 99, ("st",)), Mark(-1, 2, ("x",))]))
    assert out == "نص قصير"


def test_statement_marks_point_into_their_own_field() -> None:
    title = "الحداد: الحوار أولا"
    text = "قال سامي الحداد إن الحوار أولا."
    article = Article("t1", text, title)
    speaker = Speaker(HADDAD, "PER", HADDAD, mention=at(text, HADDAD))
    head = Statement(speaker, at(title, ":", zone="title"), at(title, "الحوار أولا", zone="title"), "headline")
    body = Statement(speaker, at(text, "قال"), at(text, "الحوار أولا"), "indirect")
    analysis = Analysis(article, statements=(head, body))
    colours = SpeakerColours(analysis.statements)
    title_marks = marks_of(analysis, "title", colours)
    text_marks = marks_of(analysis, "text", colours)
    assert {title[m.start : m.end] for m in title_marks} == {":", "الحوار أولا"}
    assert {text[m.start : m.end] for m in text_marks} == {"قال", HADDAD, "الحوار أولا"}


def test_each_speaker_gets_its_own_colour_and_keeps_it() -> None:
    analysis = sample_analyses()[1]  # a relief organisation, then HADDAD
    colours = SpeakerColours(analysis.statements)
    assert [colours.css(s) for s in analysis.statements] == ["spk-0", "spk-1"]


def test_entity_type_from_data_cannot_inject_a_class_or_attribute() -> None:
    text = "زار الوفد المدينة"
    evil = Entity("e1", '"><script>', "المدينة", (), (at(text, "المدينة"),))  # type: ignore[arg-type]
    out = str(render(text, marks_of(Analysis(Article("t", text), entities=(evil,)), "text", SpeakerColours(()))))
    assert "<script>" not in out and 'class="ent ent-script"' in out


# --- charts and aggregates ----------------------------------------------------------------------


def test_column_chart_has_one_bar_per_period_scaled_to_the_largest() -> None:
    svg = str(plots.column_chart([("2024-01", 2), ("2024-02", 0), ("2024-03", 4)], "x"))
    heights = [float(h) for h in re.findall(r'<rect class="bar" [^>]*height="([\d.]+)"', svg)]
    assert len(heights) == 3 and heights[1] == 0 and heights[2] == pytest.approx(2 * heights[0])


def test_bar_chart_escapes_labels() -> None:
    svg = str(plots.bar_chart([("<b>منفذ</b>", 3.0)], "x"))
    assert "<b>" not in svg and "&lt;b&gt;" in svg


def _hits(*published: str) -> list[Any]:
    return [SimpleNamespace(published=p) for p in published]


def test_timeline_lists_empty_months_between_the_first_and_last() -> None:
    unit, periods = timeline(_hits("2023-01-15", "2023-09-02T10:00:00+03:00", "2023-09-20"))
    assert unit == "month"
    assert periods == [("2023-01", 1), *((f"2023-{m:02d}", 0) for m in range(2, 9)), ("2023-09", 2)]


def test_timeline_counts_by_day_within_a_month_and_by_week_within_half_a_year() -> None:
    unit, periods = timeline(_hits("2024-03-05", "2024-03-07", "2024-03-07", None))  # type: ignore[arg-type]
    assert unit == "day" and periods == [("2024-03-05", 1), ("2024-03-06", 0), ("2024-03-07", 2)]
    unit, periods = timeline(_hits("2024-03-05", "2024-04-10"))
    assert unit == "week" and periods[0] == ("2024-03-04", 1) and periods[-1] == ("2024-04-08", 1)


# --- pages --------------------------------------------------------------------------------------


def test_every_page_is_right_to_left_arabic(client: TestClient) -> None:
    for path in ("/", "/article/haddad-1", f"/speaker/{quote(HADDAD)}", f"/entity/{quote(HADDAD)}", "/outlets"):
        page = html(client, path)
        assert '<html lang="ar" dir="rtl">' in page
        assert 'name="viewport"' in page


def test_search_page_shows_hits_and_facets(client: TestClient) -> None:
    page = html(client, f"/?speaker={quote(HADDAD)}")
    assert page.count('class="card statement"') == 3
    assert "الحوار هو الطريق الوحيد لحل الأزمة" in page
    assert OUTLET_A in page and OUTLET_B in page
    assert "2024-03" in page  # the month facet


def test_search_page_for_articles_pages_through_results(client: TestClient) -> None:
    page = html(client, "/?what=articles")
    assert page.count('class="card article-hit"') == 20
    assert 'rel="next"' in page
    assert html(client, "/?what=articles&offset=20").count('class="card article-hit"') == 8


def test_search_page_with_a_bad_parameter_is_a_400_page_naming_it(client: TestClient) -> None:
    page = html(client, "/?since=tomorrow", 400)
    assert "since" in page and 'dir="rtl"' in page
    assert "what" in html(client, "/?what=people", 400)


def test_article_page_highlights_statements_and_has_a_legend(client: TestClient) -> None:
    page = html(client, "/article/haddad-2")
    assert re.search(r'<span class="st st-1 spk-1"[^>]*>سنواصل دعم جهود </span>', page)
    assert re.search(r'<span class="st st-1 spk-1 ent ent-ORG"[^>]*>الإغاثة الدولية</span>', page)
    assert 'id="st-1"' in page
    assert 'class="card legend"' in page and "دليل الألوان" in page
    assert "frame-scare-quotes" in page and "frame-loaded-term" in page
    assert f"/entity/{quote(HADDAD, safe='')}" in page


def test_article_markup_is_escaped_and_unsafe_links_dropped(client: TestClient) -> None:
    page = html(client, f"/article/{SCRIPT_ID}")
    assert "&lt;script&gt;window.__pwned = 2&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "javascript:" not in page


def test_speaker_page_has_a_timeline_and_outlets_chart(client: TestClient) -> None:
    page = html(client, f"/speaker/{quote(OMARI)}")
    assert page.count('<rect class="bar"') == 12 + 2  # twelve months, two outlets
    assert 'class="chart timeline"' in page and 'class="chart bars"' in page
    html(client, f"/speaker/{quote('لا أحد')}", 404)


def test_entity_page_shows_aliases(client: TestClient) -> None:
    page = html(client, f"/entity/{quote(HADDAD)}")
    assert '<li class="chip">الحداد</li>' in page
    html(client, "/entity/nobody", 404)


def test_entity_page_lists_what_others_said_about_it_apart_from_its_own_words(client: TestClient) -> None:
    page = html(client, f"/entity/{quote(RELIEF)}")
    quotes = re.findall(r'<blockquote class="quote">(.*?)</blockquote>', page)
    assert quotes == ["المساعدات وصلت إلى المدينة", HADDAD_SAYS]  # its own, then HADDAD's naming it


def test_outlets_page_compares_with_charts(client: TestClient) -> None:
    page = html(client, "/outlets")
    assert page.count("<svg") == 5
    assert OUTLET_A in page and OUTLET_B in page


def test_unknown_page_is_a_404_page_and_static_css_is_served(client: TestClient) -> None:
    assert "غير موجود" in html(client, "/no/such/page", 404)
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "direction" in css.text
    assert "fonts.googleapis" not in css.text and "@import" not in css.text and "url(" not in css.text


# --- marsad serve -------------------------------------------------------------------------------


def test_serve_command_runs_uvicorn_on_the_given_address(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    import uvicorn

    import marsad.cli.serve  # noqa: F401  (registers the command)
    from marsad.cli.app import app

    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: calls.append((application, kw)))
    db = f"sqlite:///{tmp_path / 'serve.db'}"
    result = CliRunner().invoke(app, ["serve", "--db", db, "--port", "8765"])
    assert result.exit_code == 0, result.output
    application, kw = calls[0]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8765
    assert application.state.settings.db == db


def test_serve_command_refuses_a_bad_port() -> None:
    import marsad.cli.serve  # noqa: F401
    from marsad.cli.app import app

    result = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2


def test_a_capped_total_is_shown_with_a_plus(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_plan, "CAP", 10)
    page = strip_tags(html(client, "/?what=articles"))
    assert "المقالات: 10+" in page and "1–10 من 10+" in page
    monkeypatch.setattr(search_plan, "CAP", 10_000)
    assert "المقالات: 28" in strip_tags(html(client, "/?what=articles"))


# --- search facets and filters ------------------------------------------------------------------


def facets(page: str) -> dict[str, list[tuple[str, int, str, bool]]]:
    """The facet boxes of a search page: title → [(label, count, href, chosen)]."""
    out: dict[str, list[tuple[str, int, str, bool]]] = {}
    for title, body in re.findall(r'<section class="facet">\s*<h3>(.*?)</h3>(.*?)</section>', page, re.S):
        rows = re.findall(r'<li( class="on")?><a href="([^"]*)">(.*?)</a><span class="n">(\d+)</span>', body)
        out[title] = [(label, int(n), std_html.unescape(href), bool(on)) for on, href, label, n in rows]
    return out


def cards(page: str) -> list[str]:
    """The article ids the statement cards of a page link to."""
    return re.findall(r'<a class="open" href="/article/([^"#]+)#st-\d+"', page)


def test_search_facets_count_speakers_outlets_and_months_and_their_links_filter(client: TestClient) -> None:
    found = facets(html(client, "/"))
    speakers = {label: (n, href) for label, n, href, _ in found["المتحدثون"]}
    assert speakers[OMARI][0] == 25 and speakers[HADDAD][0] == 3
    by_haddad = html(client, speakers[HADDAD][1])
    assert len(cards(by_haddad)) == 3 and set(cards(by_haddad)) == {"haddad-1", "haddad-2"}
    chosen = [row for row in facets(by_haddad)["المتحدثون"] if row[3]]
    assert [row[0] for row in chosen] == [HADDAD] and "speaker" not in chosen[0][2]  # choosing again clears it

    outlets = {label: href for label, _, href, _ in found["الوسائل"]}
    assert set(outlets) == {OUTLET_A, OUTLET_B}
    in_a = html(client, outlets[OUTLET_A])
    assert re.findall(r'<a class="outlet" href="[^"]*">([^<]*)</a>', in_a) == [OUTLET_A] * 12

    months = {label: href for label, _, href, _ in found["الشهر"]}
    april = html(client, months["2024-04"])
    assert set(cards(april)) == {"haddad-2"} and len(cards(april)) == 2
    assert 'name="since" value="2024-04-01"' in april and 'name="until" value="2024-04-30"' in april


def test_search_page_filters_by_a_date_range_and_by_kind(client: TestClient) -> None:
    spring = html(client, "/?since=2024-04-01&until=2024-05-31")
    assert sorted(cards(spring)) == ["haddad-2", "haddad-2", SCRIPT_ID]
    direct = html(client, "/?kind=direct")
    assert sorted(cards(direct)) == ["haddad-1", "haddad-2"]
    assert "kind" in html(client, "/?kind=rumour", 400)


def test_search_page_by_outlet_lists_articles_of_that_outlet_only(client: TestClient) -> None:
    page = html(client, f"/?what=articles&outlet={quote(OUTLET_B)}")
    outlets = re.findall(r'<span class="outlet">([^<]*)</span>', page)
    assert outlets and set(outlets) == {OUTLET_B}


# --- article highlights: dates, entities, framing, legend ---------------------------------------


def test_article_page_highlights_dates_and_the_legend_explains_every_layer(client: TestClient) -> None:
    one = html(client, "/article/haddad-1")
    assert re.search(r'<span class="[^"]*\bdate\b[^"]*" title="[^"]*2024-03-12">12 آذار</span>', one)
    legend = re.search(r'<section class="card legend".*?</section>', one, re.S)
    assert legend and 'class="sample date"' in legend[0] and 'class="sample ent ent-PER"' in legend[0]
    assert "frame-" not in legend[0]  # no framing in this article: no key for it
    two = re.search(r'<section class="card legend".*?</section>', html(client, "/article/haddad-2"), re.S)
    assert two and 'class="sample date"' not in two[0]
    for key in ("ent ent-ORG", "ent ent-PER", "frame frame-loaded-term", "frame frame-scare-quotes"):
        assert f'class="sample {key}"' in two[0]
    assert re.findall(r'<li><span class="swatch st (spk-\d)"></span>([^<]*)</li>', two[0]) == [
        ("spk-0", RELIEF),
        ("spk-1", HADDAD),
    ]


def test_article_page_marks_framing_spans_in_the_text(client: TestClient) -> None:
    page = html(client, "/article/haddad-2")
    assert re.search(r'<span class="frame frame-loaded-term" title="ما يسمى">ما يسمى</span>', page)
    assert re.search(r'<span class="frame frame-scare-quotes"[^>]*>&#34;خطة التهدئة&#34;</span>', page)


# --- markup in any field is text ----------------------------------------------------------------

HOSTILE_PAGES = {
    "/": (EVIL_OUTLET, EVIL_SPEAKER, EVIL_ROLE, EVIL_QUOTE, EVIL_TITLE),
    "/?what=articles": (EVIL_OUTLET, EVIL_TITLE),
    "/article/evil-03": tuple(e for e in (*EVIL_STRINGS, EVIL_LINK) if e != EVIL_ROLE),
    f"/speaker/{quote(EVIL_SPEAKER, safe='')}": (EVIL_SPEAKER, EVIL_OUTLET, EVIL_QUOTE, EVIL_TITLE),
    f"/entity/{quote(EVIL_ENTITY, safe='')}": (EVIL_ENTITY, EVIL_ALIAS, EVIL_SPEAKER, EVIL_QUOTE),
    f"/entity/{quote(EVIL_ALIAS, safe='')}": (EVIL_ENTITY, EVIL_ALIAS),
    "/outlets": (EVIL_OUTLET, EVIL_SPEAKER, EVIL_TERM),
    f"/?speaker={quote(EVIL_SPEAKER)}&outlet={quote(EVIL_OUTLET)}": (EVIL_SPEAKER, EVIL_OUTLET),
}


@pytest.mark.parametrize("path", list(HOSTILE_PAGES))
def test_markup_in_any_field_shows_as_text_on_every_page(hostile: TestClient, path: str) -> None:
    page = html(hostile, path)
    for raw in (*EVIL_STRINGS, EVIL_LINK):
        assert raw not in page, f"unescaped: {raw}"
    assert 'id="evil-' not in page and "<script" not in page.lower() and 'href="javascript' not in page
    shown = std_html.unescape(page)
    for raw in HOSTILE_PAGES[path]:
        assert raw in shown, f"not shown as text: {raw}"


def test_error_pages_escape_what_the_address_said(hostile: TestClient) -> None:
    for path in ("/article/", "/speaker/", "/entity/"):
        page = html(hostile, path + quote('<img id="evil-404" src=x>'), 404)
        assert 'id="evil-404"' not in page and '<img id="evil-404" src=x>' in std_html.unescape(page)


def test_speaker_pages_link_to_the_next_page_with_the_name_encoded(hostile: TestClient) -> None:
    first = html(hostile, f"/speaker/{quote(EVIL_SPEAKER, safe='')}")
    nxt = re.search(r'<a href="([^"]*)" rel="next">', first)
    assert nxt and std_html.unescape(nxt[1]) == f"/speaker/{quote(EVIL_SPEAKER, safe='')}?offset=20"
    second = html(hostile, std_html.unescape(nxt[1]))
    assert second.count('class="card statement"') == HOSTILE - 20


# --- speaker page: the outlets quoting them -----------------------------------------------------


def test_speaker_page_charts_the_outlets_quoting_them_with_counts(client: TestClient) -> None:
    page = html(client, f"/speaker/{quote(OMARI)}")
    outlets = re.search(r'<svg class="chart bars".*?</svg>', page, re.S)
    assert outlets
    counts = dict(re.findall(r"<title>([^<:]+): (\d+)</title>", outlets[0]))
    in_a = sum(1 for n in range(ROUTINE) if n % 3 == 0)  # the routine statements alternate outlets
    assert counts == {OUTLET_A: str(in_a), OUTLET_B: str(ROUTINE - in_a)}
    mansour = html(client, f"/speaker/{quote(MANSOUR)}")
    assert re.findall(r'<text class="label"[^>]*>([^<]*)</text>', mansour) == [OUTLET_A]


def test_the_demo_ends_by_serving_its_database_and_prints_the_address(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    """The README's main command: analyse a sample, then serve the web UI over that database."""
    import json

    import uvicorn

    import marsad.cli.demo  # noqa: F401  (registers the command)
    from marsad.cli.app import app

    corpus = tmp_path / "news.jsonl"
    records = [
        {"docno": f"d{n}", "src": ("alpha", "beta")[n % 2], "title": f"خبر {n}", "time": f"2024-01-0{n + 1}",
         "text": f"قال وزير الزراعة إن موسم القمح رقم {n} كان جيدا هذا العام. وأضاف أن الأسعار ستنخفض."}
        for n in range(4)
    ]  # fmt: skip
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    served: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: served.append((application, kw)))
    monkeypatch.chdir(tmp_path)
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    result = CliRunner().invoke(
        app, ["demo", "--corpus", str(corpus), "-n", "4", "-j", "1", "--db", db, "--port", "8123"]
    )
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8123/" in result.output
    application, kw = served[0]
    assert (kw["host"], kw["port"]) == ("127.0.0.1", 8123) and application.state.settings.db == db
    with TestClient(application) as c:
        assert c.get("/api/health").json()["counts"]["articles"] == 4
        assert '<html lang="ar" dir="rtl">' in c.get("/").text
