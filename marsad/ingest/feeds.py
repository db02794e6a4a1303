"""RSS/Atom feeds (feedparser): each entry becomes a RawDoc.

From a URL, an entry's linked page is fetched (at most ``Settings.fetch_feed_entries`` of them)
and its main text extracted; where that fails, and for feeds read from a file, the entry's own
content or summary is used (HTML stripped).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import feedparser

from marsad.errors import Refusal, Skip
from marsad.ingest.html import html_fragment_text, html_to_raw
from marsad.ingest.rawdoc import RawDoc
from marsad.settings import Settings


def read_feed(source: str, data: bytes, settings: Settings, *, url: str | None = None) -> Iterator[RawDoc | Refusal]:
    """The entries of a feed; ``url`` is where the feed was fetched from (entries' pages are then fetched)."""
    try:
        parsed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never takes it for a path or URL
    except (ValueError, OverflowError) as e:  # e.g. a character reference past U+10FFFF (&#x110000;)
        yield Refusal(source, f"malformed feed: {e}")
        return
    entries = parsed.entries
    if not entries:
        why = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        yield Refusal(source, f"a feed without entries{why}")
        return
    outlet = _clean(parsed.feed.get("title")) if parsed.get("feed") else None
    fetched = 0
    for n, entry in enumerate(entries, 1):
        where = f"{source}#{n}"
        link = _entry_link(entry, url)
        title = _clean(entry.get("title"))
        published = entry.get("published") or entry.get("updated") or entry.get("created")
        failure = ""
        if url and link and fetched < settings.fetch_feed_entries:
            fetched += 1
            page = _page(link, settings, title=title, published=published, outlet=outlet)
            if isinstance(page, RawDoc):
                yield page
                continue
            failure = f" (its page: {page})"
        text = entry_text(entry)
        if not text:
            yield Refusal(where, f"feed entry without text{failure}")
            continue
        yield RawDoc(source=where, kind="record", text=text, url=link, title=title, published=published, outlet=outlet)


def _page(
    link: str, settings: Settings, *, title: str | None, published: str | None, outlet: str | None
) -> RawDoc | str:
    """The entry's page extracted, or the reason it could not be."""
    from marsad.ingest.fetch import fetch

    try:
        page = fetch(link, settings)
        if not page.is_html:
            return f"not an HTML page ({page.content_type})"
        raw = RawDoc(
            source=link,
            kind="html",
            data=page.data,
            url=page.url,
            encoding=page.charset,
            title=title,
            published=published,
            outlet=outlet,
        )
        return html_to_raw(raw)
    except Skip as e:
        return e.reason


def entry_text(entry: Any) -> str:
    """The longest of an entry's content blocks and summary, as plain text with paragraphs as lines."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    texts = [html_fragment_text(c) for c in candidates if c and c.strip()]
    return max(texts, key=len, default="")


def _entry_link(entry: Any, base: str | None) -> str | None:
    link = entry.get("link")
    if not link:
        return None
    link = urljoin(base, link) if base else link
    return link if link.startswith(("http://", "https://")) else None


def _clean(value: str | None) -> str | None:
    return html_fragment_text(value).replace("\n", " ") or None if value else None
