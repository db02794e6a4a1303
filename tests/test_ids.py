"""Stable ids: the record's own id, else the canonical URL, else the normalised text."""

from __future__ import annotations

from marsad.ids import article_id, canonical_url


def test_canonical_url_drops_tracking_parameters_fragment_and_trailing_slash() -> None:
    assert (
        canonical_url("HTTPS://Example.COM/news/1/?utm_source=x&id=5&fbclid=abc#top")
        == "https://example.com/news/1?id=5"
    )


def test_the_same_page_from_a_feed_and_directly_gets_one_id() -> None:
    assert article_id(url="https://a.com/x?utm_medium=rss") == article_id(url="https://a.com/x/")


def test_text_ids_ignore_spelling_variants_and_diacritics() -> None:
    assert article_id(text="أكّد الوزير أنّ الحوار مستمر") == article_id(text="اكد الوزير ان الحوار مستمر")
    assert article_id(record_id="AB-12") == "AB-12"
