"""RawDoc → Article: main text and metadata, zones (lede, body, related, boilerplate), related links."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from importlib import resources

from marsad.errors import Skip
from marsad.ids import article_id
from marsad.ingest.rawdoc import RawDoc
from marsad.models import Article, RelatedLink, ZoneKind, ZoneSpan
from marsad.text import fold, paragraphs


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: ZoneKind
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[_Rule, ...]:
    path = resources.files("marsad.data").joinpath("boilerplate.tsv")
    rows = [
        r for r in csv.reader(path.read_text("utf-8").splitlines(), delimiter="\t") if r and not r[0].startswith("#")
    ]
    return tuple(_Rule(row[0], re.compile(row[1], re.IGNORECASE)) for row in rows)  # type: ignore[arg-type]


def classify_line(line: str) -> tuple[ZoneKind, int] | None:
    """``(kind, cut)`` for a boilerplate line: ``cut`` is where the related link text starts
    in the folded line (0 for plain boilerplate); None for a body line."""
    folded = fold(line).strip()
    for rule in boilerplate_rules():
        m = rule.pattern.search(folded)
        if m:
            rest = folded[m.end() :].strip()
            if rule.kind == "related" and not rest:
                return "boilerplate", 0
            return rule.kind, m.end()
    return None


def zones_of(text: str) -> tuple[tuple[ZoneSpan, ...], tuple[RelatedLink, ...]]:
    """Partition ``text`` into zones: the first body paragraph is the lede; boilerplate lines are
    taken out of the body; "read also" lines become related links."""
    zones: list[ZoneSpan] = []
    related: list[RelatedLink] = []
    lede_done = False
    paras = paragraphs(text)
    for start, end in paras:
        line = text[start:end]
        found = classify_line(line) if len(line) < 400 else None
        if found is None:
            kind: ZoneKind = "body" if lede_done or len(paras) == 1 else "lede"
            lede_done = True
            zones.append(ZoneSpan(kind, start, end))
            continue
        kind, _ = found
        zones.append(ZoneSpan(kind, start, end))
        if kind == "related":
            link = _link_text(line)
            if link:
                related.append(RelatedLink(link, None))
    return tuple(zones), tuple(related)


def _link_text(line: str) -> str:
    """The linked title after the "read also" cue, as written."""
    m = re.match(r"^\s*[-–•*>]?\s*\S+\s*\S*\s*[:：\-–]\s*", line)
    if m:
        return line[m.end() :].strip()
    parts = line.split(None, 2)
    return parts[2].strip() if len(parts) == 3 else ""


def iso_datetime(value: str | None) -> str | None:
    """A publication time in ISO 8601 (``YYYY-MM-DD[THH:MM:SS±HH:MM]``), or None if unreadable."""
    if not value:
        return None
    v = value.strip()
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
        return m.group(0) if m else None
    if len(v) <= 10 and "T" not in v and ":" not in v:
        return dt.date().isoformat()
    return dt.isoformat(timespec="seconds")


def extract(raw: RawDoc) -> Article:
    """Turn one RawDoc into an Article (HTML goes through :mod:`marsad.ingest.html` first)."""
    if raw.kind == "html":
        from marsad.ingest.html import html_to_raw

        raw = html_to_raw(raw)
    text = raw.text or ""
    if not text.strip():
        raise Skip("no text found", raw.source)
    zones, related = zones_of(text)
    return Article(
        id=article_id(record_id=raw.id, url=raw.url, text=text),
        text=text,
        title=raw.title,
        url=raw.url,
        outlet=raw.outlet,
        published=iso_datetime(raw.published),
        language=guess_language(text),
        zones=zones,
        related=related,
        source=raw.source,
    )


def guess_language(text: str) -> str:
    """``ar`` where Arabic letters dominate the letters of the text, else ``und``/``en``."""
    sample = text[:5000]
    arabic = sum(1 for c in sample if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    if arabic >= latin:
        return "ar" if arabic else "und"
    return "en" if latin else "und"
