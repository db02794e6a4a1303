"""Date expressions resolved to ISO, whatever the region or calendar (CONTRACT.md "dates").

One pass over the folded title and text (:mod:`marsad.nlp.date_patterns`): a precompiled trigger
regex finds where an expression can start, and one precompiled alternation of every kind is
matched there; :mod:`marsad.nlp.date_rules` (calendar dates) and :mod:`marsad.nlp.relative_dates`
(weekdays, relative words) read each match against the publication date.
Month names of every Arabic region and both calendars come from ``marsad/data/months.json``.

A value is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` — as precise as the words are — or null.
``relative`` is true when the value depends on the publication date (أمس، الأحد، الشهر الماضي, or a
day and month without a year); without a publication date such an expression has value null.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from marsad.models import DateMention, Zone
from marsad.nlp import date_rules as absolute
from marsad.nlp import relative_dates as relative
from marsad.nlp.calendar import reference_date
from marsad.nlp.date_patterns import candidates, parse, scanner
from marsad.nlp.date_rules import Context, Found
from marsad.nlp.document import Doc
from marsad.text import Normalized, fold, normalize

Reader = Callable[[re.Match[str], Context], Found | None]

# how each kind of match of marsad.nlp.date_patterns is read
READERS: dict[str, Reader] = {
    "numeric": absolute.read_numeric,
    "hijri": absolute.read_hijri,
    "full": absolute.read_full,
    "day_of_month": absolute.read_day_of_month,
    "truncated": absolute.read_truncated,
    "weekday_day": relative.read_weekday_day,
    "month": absolute.read_month,
    "weekday": relative.read_weekday,
    "relday": relative.read_relday,
    "ago": relative.read_ago,
    "period": relative.read_period,
    "season": relative.read_season,
    "year": absolute.read_year,
}

# words that introduce a publication date in a dateline or byline
_PUBLISHED_CUE = re.compile(r"(?:نشر|تاريخ النشر|بتاريخ|اخر تحديث|تم التحديث|تحديث|published|updated)\W{0,4}$")


def scan(norm: Normalized, published: str | None) -> list[Found]:
    """Every date expression of one field, in order, with offsets into the folded text."""
    text = norm.text
    ctx = Context(text, reference_date(published))
    found: list[Found] = []
    full = scanner()
    pos = 0
    for at in candidates(text):
        if at < pos:
            continue
        m = full.match(text, at)
        if m is None or m.lastgroup is None:
            continue
        pos = m.end()
        kind = m.lastgroup[2:]
        parts = parse(kind, text, m.start(), m.end())
        if parts is None:
            continue
        f = READERS[kind](parts, ctx)
        if f is None or f.end <= f.start:
            continue
        found.append(f)
        if f.day is not None:
            ctx.days.append((f.start, f.day))
    return found


def _mentions(doc: Doc, norm: Normalized, zone: Zone | None) -> list[DateMention]:
    out = []
    original = norm.original
    for f in scan(norm, doc.article.published):
        start, end = norm.to_original(f.start, f.end)
        while end < len(original) and not fold(original[end]):  # trailing tashkeel, tatweel ("غداً", "هـ")
            end += 1
        span = doc.span(start, end, zone)
        out.append(DateMention(span, f.value, f.calendar, f.relative))
    return out


def find_dates(doc: Doc) -> tuple[DateMention, ...]:
    """Every date expression of the title and text, each with its ISO value."""
    mentions = _mentions(doc, doc.norm_title, "title") if doc.title else []
    mentions += _mentions(doc, doc.norm_text, None)
    return tuple(mentions)


def _short_line(text: str, pos: int, words: int = 10) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return len(text[start : end if end >= 0 else len(text)].split()) <= words


def publication_date_from_text(text: str, head: int = 600, tail: int = 300) -> str | None:
    """The publication date a dateline or byline gives (``نشر في 12/03/2019`` → ``2019-03-12``).

    Looks for a full date (day, month and year) after a publication cue (نشر، بتاريخ، آخر تحديث)
    in the opening ``head`` and closing ``tail`` characters; failing that, for the first full date
    of the opening characters that stands on a short line of its own, as datelines do (a date
    inside a sentence of the lede is an event's, not the article's).
    """
    if not text:
        return None
    first: str | None = None
    for part, head_part in ((text[:head], True), (text[-tail:] if len(text) > head else "", False)):
        norm = normalize(part)
        for f in scan(norm, None):
            if f.day is None or f.relative or f.value is None:
                continue
            if _PUBLISHED_CUE.search(norm.text[max(0, f.start - 25) : f.start].rstrip()):
                return f.value
            if first is None and head_part and _short_line(norm.text, f.start):
                first = f.value
    return first
