"""The web pages in real headless Chromium: search → article → speaker, right to left, markup inert."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from server_sample import HADDAD, OMARI, SCRIPT_ID

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


def test_pages_fit_a_phone_screen(phone: Any, server_url: str, shot: Shot) -> None:
    for path, name in (("/?what=articles", "phone-search"), ("/article/haddad-2", "phone-article")):
        phone.goto(server_url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways on a phone ({width}px)"
        shot(phone, name, full_page=False)
