"""RawDoc → Article: main text and metadata, zones (lede, body, related, boilerplate), related links."""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from importlib import resources

from marsad.errors import Skip
from marsad.ids import article_id
from marsad.ingest.rawdoc import RawDoc
from marsad.models import Article, RelatedLink, ZoneKind, ZoneSpan
from marsad.nlp.dates import publication_date_from_text
from marsad.text import fold, normalize, paragraphs

MAX_CLASSIFIED = 500  # longer lines are article paragraphs, never boilerplate
MAX_LIST_ITEM = 140  # a title in a "read also" list is shorter than this
MAX_LIST_ITEMS = 12
_SENTENCE_END = (".", ":", "،", ";", "؛", "…")


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: ZoneKind
    block: ZoneKind | None  # the kind of the list a bare heading of this rule opens
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class LineClass:
    """What a boilerplate line is: its zone kind, where a related link's title starts (in the
    original line), and for a bare heading the kind of the list of titles that follows it."""

    kind: ZoneKind
    cut: int = 0
    block: ZoneKind | None = None


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[_Rule, ...]:
    """The rules of ``marsad/data/boilerplate.tsv`` (kind, block, regex on the folded line)."""
    path = resources.files("marsad.data").joinpath("boilerplate.tsv")
    rows = [
        r
        for r in csv.reader(path.read_text("utf-8").splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
        if r and not r[0].startswith("#") and r[0] != "kind"
    ]
    return tuple(
        _Rule(row[0], None if row[1] == "-" else row[1], re.compile(_fold_arabic(row[2]), re.IGNORECASE))  # type: ignore[arg-type]
        for row in rows
    )


def _fold_arabic(pattern: str) -> str:
    """The Arabic letters of a pattern folded as lines are (على → علي), regex syntax untouched."""
    return "".join(fold(c) if "\u0600" <= c <= "\u06ff" else c for c in pattern)


def line_class(line: str) -> LineClass | None:
    """How a line (one paragraph, as written) is classified; None for an article line."""
    folded = fold(line)
    lead = len(folded) - len(folded.lstrip())
    folded = folded.strip()
    for rule in boilerplate_rules():
        m = rule.pattern.search(folded)
        if not m:
            continue
        rest = folded[m.end() :].strip()
        if not rest:  # a bare cue: a heading line, maybe opening a list
            return LineClass("boilerplate", 0, rule.block)
        if rule.kind == "related":
            return LineClass("related", _original_offset(line, lead + m.end()))
        return LineClass(rule.kind)
    return None


def classify_line(line: str) -> tuple[ZoneKind, int] | None:
    """``(kind, cut)`` for a boilerplate line (``cut``: where a related link's title starts in
    ``line``, 0 for plain boilerplate); None for a body line."""
    found = line_class(line)
    return None if found is None else (found.kind, found.cut)


def _original_offset(line: str, folded_offset: int) -> int:
    norm = normalize(line)
    return norm.to_original(0, min(folded_offset, len(norm.text)))[1]


def zones_of(text: str, links: Mapping[str, str] | None = None) -> tuple[tuple[ZoneSpan, ...], tuple[RelatedLink, ...]]:
    """Partition ``text`` into zones: the first body paragraph is the lede; boilerplate lines are
    taken out of the body; "read also" lines (and the titles listed under a bare "read also"
    heading) become related links, with their URL where ``links`` (folded anchor text → URL) has it."""
    links = links or {}
    zones: list[ZoneSpan] = []
    related: list[RelatedLink] = []
    lede_done = False
    block: ZoneKind | None = None
    items = 0
    paras = paragraphs(text)
    for start, end in paras:
        line = text[start:end]
        found = line_class(line) if len(line) < MAX_CLASSIFIED else None
        if found is None and block is not None and items < MAX_LIST_ITEMS and _is_list_item(line, links):
            zones.append(ZoneSpan(block, start, end))
            if block == "related":
                related.append(RelatedLink(line, links.get(_key(line))))
            items += 1
            continue
        block, items = None, 0
        if found is None:
            kind: ZoneKind = "body" if lede_done or len(paras) == 1 else "lede"
            lede_done = True
            zones.append(ZoneSpan(kind, start, end))
            continue
        zones.append(ZoneSpan(found.kind, start, end))
        block = found.block
        if found.kind == "related":
            title = line[found.cut :].strip()
            if title:
                related.append(RelatedLink(title, links.get(_key(title))))
    return tuple(zones), tuple(related)


def _is_list_item(line: str, links: Mapping[str, str]) -> bool:
    if _key(line) in links:
        return True
    return len(line) <= MAX_LIST_ITEM and not line.rstrip().endswith(_SENTENCE_END)


def _key(s: str) -> str:
    return " ".join(fold(s).split())


_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")


def iso_datetime(value: str | None) -> str | None:
    """A publication time in ISO 8601 (``YYYY-MM-DD[THH:MM:SS±HH:MM]``), or None if unreadable.

    Reads ISO 8601 (also ``T185600``), RFC 2822 (``Sun, 18 Feb 2018 21:35:43 +0400``) and
    day-first dates (``17/05/2015``, as Arabic outlets write them).
    """
    if not value:
        return None
    v = value.strip()
    m = _DAY_FIRST.match(v) or _YEAR_FIRST.match(v)
    if m:
        return _from_parts(m)
    dt: datetime | None = None
    try:
        dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = parsedate_to_datetime(v)
        except (TypeError, ValueError, IndexError):
            dt = None
    if dt is None:
        m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", v)
        return m.group(0) if m and _valid(int(m[1]), int(m[2]), int(m[3])) else None
    if len(v) <= 10 and "T" not in v and ":" not in v:
        return dt.date().isoformat()
    return dt.isoformat(timespec="seconds")


def _from_parts(m: re.Match[str]) -> str | None:
    groups = m.groups()
    if len(groups[0]) == 4:
        y, mo, d = int(groups[0]), int(groups[1]), int(groups[2])
    else:
        d, mo, y = int(groups[0]), int(groups[1]), int(groups[2])
    if not _valid(y, mo, d):
        return None
    if len(groups) > 3 and groups[3] is not None:
        return datetime(y, mo, d, int(groups[3]), int(groups[4]), int(groups[5] or 0)).isoformat(timespec="seconds")
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _valid(y: int, mo: int, d: int) -> bool:
    try:
        datetime(y, mo, d)
    except ValueError:
        return False
    return True


def extract(raw: RawDoc) -> Article:
    """Turn one RawDoc into an Article (HTML goes through :mod:`marsad.ingest.html` first)."""
    if raw.kind == "html":
        from marsad.ingest.html import html_to_raw

        raw = html_to_raw(raw)
    text = raw.text or ""
    if not text.strip():
        raise Skip("no text found", raw.source)
    links = {_key(label): url for label, url in raw.links} if raw.links else None
    zones, related = zones_of(text, links)
    if raw.related:
        seen = {_key(r.text) for r in related}
        related += tuple(RelatedLink(t, u) for t, u in raw.related if _key(t) not in seen)
    return Article(
        id=article_id(record_id=raw.id, url=raw.url, text=text),
        text=text,
        title=raw.title,
        url=raw.url,
        outlet=raw.outlet,
        published=iso_datetime(raw.published) or publication_date_from_text(text),
        language=guess_language(text),
        zones=zones,
        related=related,
        source=raw.source,
    )


_ARABIC_LETTERS = re.compile("[\u0600-\u06ff\u0750-\u077f]+")
_LATIN_LETTERS = re.compile("[A-Za-z]+")


def guess_language(text: str) -> str:
    """``ar`` where Arabic letters dominate the letters of the text, else ``und``/``en``."""
    sample = text[:1000]
    arabic = sum(map(len, _ARABIC_LETTERS.findall(sample)))
    latin = sum(map(len, _LATIN_LETTERS.findall(sample)))
    if arabic >= latin:
        return "ar" if arabic else "und"
    return "en" if latin else "und"
