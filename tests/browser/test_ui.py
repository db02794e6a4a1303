"""The web pages in real headless Chromium: search → article → speaker, right to left, markup inert."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from server_sample import (
    EVIL_ALIAS,
    EVIL_ENTITY,
    EVIL_OUTLET,
    EVIL_QUOTE,
    EVIL_SPEAKER,
    EVIL_TITLE,
    HADDAD,
    OMARI,
    OUTLET_A,
    RELIEF,
    SCRIPT_ID,
)

Shot = Callable[..., Path]


def computed(page: Any, selector: str, prop: str) -> str:
    return str(page.eval_on_selector(selector, f"e => getComputedStyle(e).{prop}"))


def test_search_for_a_speaker_leads_to_the_highlighted_statement_and_the_speaker_timeline(
    page: Any, server_url: str, shot: Shot
) -> None:
    page.goto(server_url + "/")
    assert computed(page, "body", "direction") == "rtl"
    assert page.eval_on_selector("html", "e => [e.lang, e.dir]") == ["ar", "rtl"]
    page.fill("input[name=speaker]", HADDAD)
    page.click("button[type=submit]")
    page.wait_for_url("**/?*speaker=*")
    cards = page.locator("article.statement")
    assert cards.count() == 3
    assert computed(page, ".results", "direction") == "rtl"
    shot(page, "search")

    page.locator("article.statement a.open", has_text="وزير الخارجية يدعو إلى الحوار").first.click()
    page.wait_for_url("**/article/haddad-1*")
    first = page.locator(".article-text .st-0.st")
    assert first.count() >= 1
    assert "".join(first.all_inner_texts()) == "الحوار هو الطريق الوحيد لحل الأزمة"
    background = computed(page, ".article-text .st-0.st", "backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    # the second statement is the same speaker's: the same colour
    assert computed(page, ".article-text .st-1.st", "backgroundColor") == background
    assert page.locator(".legend .keys li", has_text=HADDAD).count() == 1
    assert computed(page, ".article-text", "direction") == "rtl"
    shot(page, "article")

    page.locator(".st-item a.speaker", has_text=HADDAD).first.click()
    page.wait_for_url(f"**/speaker/{quote(HADDAD)}*")
    assert page.locator("h1").inner_text() == HADDAD
    bars = page.locator("svg.timeline rect.bar")
    assert bars.count() >= 2  # March and April 2024
    heights = [float(bars.nth(i).get_attribute("height") or 0) for i in range(bars.count())]
    assert sum(h > 0 for h in heights) == 2
    box = page.locator("svg.timeline").bounding_box()
    assert box and box["width"] > 200 and box["height"] > 60
    assert sorted(page.locator("svg.bars text.label").all_text_contents()) == sorted(["وكالة الأفق", "صحيفة المدار"])
    shot(page, "speaker")


def test_article_markup_shows_as_text_and_nothing_runs(page: Any, server_url: str, shot: Shot) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server_url}/article/{SCRIPT_ID}")
    assert page.evaluate("window.__pwned") is None
    text = page.locator(".article-text").inner_text()
    assert "<script>window.__pwned = 2</script>" in text
    assert '<img src=x onerror="window.__pwned = 3">' in text
    assert "<b>عاجل</b>" in page.locator("h1.article-title").inner_text()
    assert page.locator(".article-text script, .article-text img, h1 b").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert errors == []
    shot(page, "article-markup")


def test_speaker_page_paginates_and_plots_by_month(page: Any, server_url: str, shot: Shot) -> None:
    page.goto(f"{server_url}/speaker/{quote(OMARI)}")
    assert page.locator("svg.timeline rect.bar").count() == 12  # one bar a month of 2023
    assert page.locator("article.statement").count() == 20
    page.locator(".pager a[rel=next]").click()
    assert page.locator("article.statement").count() == 5
    shot(page, "speaker-page-2")


def test_entity_page_lists_aliases(page: Any, server_url: str, shot: Shot) -> None:
    page.goto(f"{server_url}/entity/{quote(HADDAD)}")
    assert page.locator(".aliases .chip").all_inner_texts() == ["الحداد"]
    assert computed(page, "main", "direction") == "rtl"
    shot(page, "entity")


def test_outlet_comparison_draws_its_charts(page: Any, server_url: str, shot: Shot) -> None:
    page.goto(f"{server_url}/outlets")
    assert page.locator("svg.chart").count() == 5
    labels = page.locator("svg.bars").first.locator("text.label").all_text_contents()
    assert sorted(labels) == sorted(["وكالة الأفق", "صحيفة المدار"])
    shot(page, "outlets")


PAGES = {  # every kind of page, by screenshot name
    "search": "/?what=articles",
    "article": "/article/haddad-2",
    "speaker": f"/speaker/{quote(OMARI)}",
    "entity": f"/entity/{quote(RELIEF)}",
    "outlets": "/outlets",
    "error": "/article/no-such-article",
}
# elements sticking out of the viewport, outside any box that scrolls or clips them on purpose
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth, out = [];
  const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) {
    if (["auto", "scroll", "hidden"].includes(getComputedStyle(p).overflowX)) return true; } return false; };
  for (const e of document.querySelectorAll("body *")) {
    const r = e.getBoundingClientRect();
    if ((r.width || r.height) && (r.left < -1 || r.right > width + 1) && !clipped(e))
      out.push(`${e.tagName}.${e.className.baseVal ?? e.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return out.slice(0, 5);
}"""


def test_every_page_fits_a_phone_screen_right_to_left(phone: Any, server_url: str, shot: Shot) -> None:
    for name, path in PAGES.items():
        phone.goto(server_url + path)
        assert computed(phone, "body", "direction") == "rtl"
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways on a phone ({width}px)"
        assert phone.evaluate(OVERFLOWING) == [], f"{path}: elements outside the screen"
        shot(phone, f"phone-{name}")


def test_on_a_phone_the_side_panels_stack_under_the_text(phone: Any, server_url: str) -> None:
    phone.goto(server_url + "/article/haddad-2")
    text = phone.locator(".article-text").bounding_box()
    legend = phone.locator(".legend").bounding_box()
    assert text and legend and legend["y"] >= text["y"] + text["height"]
    assert text["width"] >= 300  # the text keeps the screen's width, no narrow column
    phone.goto(server_url + "/?what=articles")
    assert phone.locator("input[name=q]").bounding_box()["width"] >= 200  # type: ignore[index]


def test_the_text_is_set_in_an_arabic_font_stack(page: Any, server_url: str) -> None:
    page.goto(server_url + "/article/haddad-1")
    text_font = computed(page, ".article-text", "fontFamily")
    ui_font = computed(page, "body", "fontFamily")
    assert text_font.startswith('"Noto Naskh Arabic"') and "Amiri" in text_font
    assert ui_font.startswith('"Noto Sans Arabic"')


def test_each_speaker_of_an_article_has_its_own_colour_and_legend_entry(page: Any, server_url: str) -> None:
    page.goto(server_url + "/article/haddad-2")
    first = computed(page, ".article-text .st-0.st", "backgroundColor")
    second = computed(page, ".article-text .st-1.st", "backgroundColor")
    assert first != second and "rgba(0, 0, 0, 0)" not in (first, second)
    swatches = page.locator(".legend .keys li .swatch.st")
    assert [swatches.nth(i).evaluate("e => getComputedStyle(e).backgroundColor") for i in range(2)] == [first, second]
    framed = page.locator(".article-text .frame")
    assert framed.count() == 2 and "wavy" in computed(page, ".article-text .frame", "textDecorationStyle")
    assert page.locator(".article-text .ent.ent-ORG").count() >= 1


def test_search_facets_filter_when_clicked_and_fill_the_form(page: Any, server_url: str, shot: Shot) -> None:
    page.goto(server_url + "/")
    page.locator(".facet a", has_text=OUTLET_A).click()
    page.wait_for_url("**outlet=*")
    outlets = page.locator("article.statement .meta a.outlet").all_inner_texts()
    assert outlets and set(outlets) == {OUTLET_A}
    assert page.locator("select[name=outlet]").input_value() == OUTLET_A
    page.locator(".facet a", has_text="2024-03").click()
    page.wait_for_url("**since=*")
    assert page.locator("input[name=since]").input_value() == "2024-03-01"
    assert page.locator("input[name=until]").input_value() == "2024-03-31"
    dates = page.locator("article.statement time").all_inner_texts()
    assert dates and all(d.startswith("2024-03") for d in dates)
    page.click("button[type=submit]")  # the form keeps what the facets chose
    page.wait_for_load_state()
    assert page.locator("article.statement time").all_inner_texts() == dates
    shot(page, "search-facets")


def test_markup_in_any_field_stays_text_in_the_browser(page: Any, hostile_url: str, shot: Shot) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    paths = [
        "/",
        "/article/evil-01",
        f"/speaker/{quote(EVIL_SPEAKER, safe='')}",
        f"/entity/{quote(EVIL_ENTITY, safe='')}",
        "/outlets",
    ]
    for path in paths:
        page.goto(hostile_url + path)
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("[id^=evil]").count() == 0, path
        assert page.locator("main :is(i, u, s, em, mark)").count() == 0, path
    page.goto(hostile_url + "/article/evil-01")
    assert EVIL_TITLE in page.locator("h1.article-title").inner_text()
    text = page.locator(".article-text").inner_text()
    assert all(raw in text for raw in (EVIL_SPEAKER, EVIL_QUOTE, EVIL_ENTITY, EVIL_ALIAS))
    assert EVIL_OUTLET in page.locator(".article .meta a.outlet").inner_text()
    shot(page, "hostile-article")
    page.goto(f"{hostile_url}/speaker/{quote(EVIL_SPEAKER, safe='')}")
    page.locator(".pager a[rel=next]").click()
    assert page.locator("article.statement").count() == 1  # the next page of a name with "#" in it
    assert errors == []


def test_the_api_docs_render_offline_under_the_content_policy(page: Any, server_url: str, shot: Shot) -> None:
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("requestfailed", lambda r: refused.append(r.url))
    page.goto(server_url + "/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    paths = page.locator(".opblock .opblock-summary-path").all_inner_texts()
    assert "/api/statements" in [p.replace("\u200b", "") for p in paths]
    assert page.locator(".opblock-post").count() == 1  # ingest
    assert refused == []
    shot(page, "docs")
