"""HTML pages → main text and metadata (trafilatura), links for "read also" lines.

The page is decoded here (``decode``: an HTTP charset, then the page's ``<meta charset>``,
then detection) so that windows-1256 pages come out as Arabic whatever trafilatura would guess.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any
from urllib.parse import urljoin

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from marsad.errors import Skip
from marsad.ingest.decode import declared_charset, decode
from marsad.ingest.rawdoc import RawDoc
from marsad.text import fold

# trafilatura options: precision first (menus, comments and footers out) but every article paragraph
# kept; dates only from the page's metadata and markup (its year-only guesses are made-up values)
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
    "deduplicate": False,
    "with_metadata": True,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}
MAX_LINKS = 3000
_BLOCK_TAGS = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article"}
_SPACES = re.compile(r"[ \t\u00a0\u200f\u200e]+")


def html_to_raw(raw: RawDoc) -> RawDoc:
    """Main text (paragraphs as lines) and metadata of an HTML page, as a ``record`` RawDoc.

    Fields already on ``raw`` (a feed entry's title or date) win over the page's own.
    Raises :class:`Skip` when the page yields no text.
    """
    data = raw.data or b""
    page = decode(data, raw.encoding or declared_charset(data))
    tree = load_html(page)
    if tree is None and "<html" not in page[:2000].lower():  # a fragment: trafilatura wants a whole page
        tree = load_html(f"<html><body>{page}</body></html>")
    if tree is None:
        raise Skip("broken HTML: the page could not be parsed", raw.source)
    base = raw.url or _canonical_link(tree)
    links = page_links(tree, base)
    related = related_links(tree, base)
    doc = trafilatura.bare_extraction(tree, url=base, **EXTRACT_OPTIONS)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise Skip("broken or empty HTML: no main text found", raw.source)
    page_title = getattr(doc, "title", None)
    title = raw.title or page_title
    return replace(
        raw,
        kind="record",
        data=None,
        text=_drop_title_line(text, {t for t in (title, page_title) if t}),
        url=raw.url or getattr(doc, "url", None) or base,
        outlet=raw.outlet or getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        published=raw.published or getattr(doc, "date", None),
        title=title,
        links=links,
        related=related,
    )


def _drop_title_line(text: str, titles: set[str]) -> str:
    """The text without a first line that repeats a title (the page's ``<h1>``)."""
    text = text.strip("\n")
    if not titles or "\n" not in text:
        return text
    first, rest = text.split("\n", 1)
    keys = {" ".join(fold(t).split()) for t in titles}
    return rest.lstrip("\n") if " ".join(fold(first).split()) in keys else text


def _canonical_link(tree: Any) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = tree.xpath(xpath)
        if found and str(found[0]).startswith(("http://", "https://")):
            return str(found[0]).strip()
    return None


def page_links(tree: Any, base: str | None) -> tuple[tuple[str, str], ...]:
    """``(anchor text, absolute URL)`` of the page's links with some text."""
    out: list[tuple[str, str]] = []
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        label = _clean(a.text_content())
        if not href or len(label) < 4 or href.startswith(("#", "javascript:", "mailto:")):
            continue
        url = urljoin(base, href) if base else href
        if url.startswith(("http://", "https://")):
            out.append((label, url))
            if len(out) >= MAX_LINKS:
                break
    return tuple(out)


def related_links(tree: Any, base: str | None) -> tuple[tuple[str, str], ...]:
    """The "read also" links of a page: anchors in a block that opens with a related cue, or in the
    list that follows a related heading."""
    from marsad.extract import line_class

    out: list[tuple[str, str]] = []
    for block in tree.iter("p", "li", "div", "h2", "h3", "h4", "span", "strong"):
        own = _clean(block.text_content())
        if not own or len(own) > 300:
            continue
        found = line_class(own)
        if found is None:
            continue
        anchors = list(block.iter("a"))
        if found.kind == "related" and anchors:
            out.extend(_anchor_pairs(anchors, base))
        elif found.block == "related" and not anchors:  # a bare heading: take the list after it
            nxt = block.getnext()
            if nxt is not None and nxt.tag in {"ul", "ol", "div"}:
                out.extend(_anchor_pairs(list(nxt.iter("a"))[:20], base))
    seen: set[str] = set()
    unique = []
    for label, url in out:
        if url not in seen:
            seen.add(url)
            unique.append((label, url))
    return tuple(unique)


def _anchor_pairs(anchors: list[Any], base: str | None) -> list[tuple[str, str]]:
    pairs = []
    for a in anchors:
        href = (a.get("href") or "").strip()
        label = _clean(a.text_content())
        if href and label and not href.startswith(("#", "javascript:")):
            pairs.append((label, urljoin(base, href) if base else href))
    return pairs


def _clean(s: str) -> str:
    return _SPACES.sub(" ", s).strip()


def html_fragment_text(fragment: str) -> str:
    """Readable text of an HTML fragment (a feed entry's content): block elements become lines."""
    if "<" not in fragment:
        return "\n".join(line for line in (_clean(x) for x in fragment.splitlines()) if line)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _clean(re.sub(r"<[^>]+>", " ", fragment))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.text and tag not in {"script", "style"}:
                parts.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    lines = (_clean(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
