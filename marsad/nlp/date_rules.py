"""What a date expression means: a match of :mod:`marsad.nlp.date_patterns` → a value.

Every reader takes the match (of its kind's own pattern, over folded text) and the running
:class:`Context` (publication date, the last explicit year and day seen) and returns a
:class:`Found` or None where the words are not a date after all ("بين الاثنين", "مارس الضغط").
This module holds the shared pieces and the readers of calendar dates (day, month, year, Hijri);
:mod:`marsad.nlp.relative_dates` those of weekdays and relative words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from marsad.models import Calendar
from marsad.nlp import calendar as cal
from marsad.nlp.date_lexicon import lexicon
from marsad.nlp.numbers import ordinal_value
from marsad.text import bare, strip_proclitics

WORD = re.compile(r"[\w]+")
SENTENCE_END = re.compile(r"[.!?؟\n]")


@dataclass(frozen=True, slots=True)
class Found:
    """A date expression at ``[start, end)`` of the folded text, with its meaning."""

    start: int
    end: int
    value: str | None
    calendar: Calendar = "gregorian"
    relative: bool = False
    day: date | None = None  # the day it names, when it names one (an anchor for later words)


@dataclass
class Context:
    text: str  # folded
    ref: date | None
    last_year: int | None = None
    days: list[tuple[int, date]] = field(default_factory=list)  # (position, day) of days named so far


def words_before(text: str, pos: int, n: int = 3) -> list[str]:
    """The last ``n`` words before ``pos`` in reading order."""
    return WORD.findall(text[max(0, pos - 12 * n) : pos])[-n:]


def word_after(text: str, pos: int) -> str:
    m = WORD.search(text, pos, min(len(text), pos + 30))
    return m.group() if m and not text[pos : m.start()].strip(" ") else ""


def in_words(word: str, words: dict[str, str]) -> bool:
    """``word`` or its stem without proclitics ("وفي", "لعام") is one of ``words``."""
    if word in words or strip_proclitics(word) in words:
        return True
    return word[:1] in ("و", "ف") and word[1:] in words


def shift_of(word: str | None) -> int | str | None:
    if not word:
        return None
    v = lexicon().kind("shift").get(" ".join(word.split()))
    return int(v) if v is not None and v.lstrip("-").isdigit() else v


def _yearshift_of(word: str | None) -> int:
    """The year offset of "من العام الماضي/المقبل/السابق/التالي" (relative to publication)."""
    sh = shift_of(word)
    if isinstance(sh, int):
        return sh
    return {"prev": -1, "next": 1}.get(str(sh), 0)


def match_start(m: re.Match[str]) -> int:
    return m.end("cl") if m.group("cl") else m.start()


def _gregorian_month(m: re.Match[str]) -> int | None:
    g = lexicon().gregorian
    first = g.get(" ".join(m.group("m").split()))
    if m.group("m2") and g.get(" ".join(m.group("m2").split())) != first:
        return None
    return first


def year_group(m: re.Match[str]) -> int | None:
    y = m.group("y")
    return int(y) if y else None


def read_numeric(m: re.Match[str], ctx: Context) -> Found | None:
    if m.group("y"):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    if m.group("hn") or 1300 <= y <= 1500:
        g = cal.hijri_to_gregorian(y, mo, d) if 1 <= mo <= 12 and 1 <= d <= 30 else None
        return Found(match_start(m), m.end(), g.isoformat(), "hijri", day=g) if g else None
    if not (1000 <= y <= 2100 and cal.valid_day(y, mo, d)):
        return None
    ctx.last_year = y
    return Found(match_start(m), m.end(), cal.iso_day(date(y, mo, d)), day=date(y, mo, d))


def _day_number(m: re.Match[str]) -> int | None:
    if m.group("d"):
        return int(m.group("d"))
    return ordinal_value(" ".join(m.group("o").split())) if m.group("o") else None


def _event_year(text: str, pos: int, day: int, month: int) -> int | None:
    words = words_before(text, pos, 1)  # the noun right before the day: "لأحداث 11 سبتمبر"
    before = {bare(w) for w in words} | {strip_proclitics(w) for w in words}
    for ev in lexicon().events:
        if (ev.day, ev.month) == (day, month) and before & ev.nouns:
            return ev.year
    return None


def names_a_place(text: str, pos: int) -> bool:
    """A day and month right after "مدينة", "شارع", "قوى"... name a place or a group, not a date."""
    before = words_before(text, pos, 1)
    return bool(before) and in_words(before[0], lexicon().kind("not_date_before"))


def read_full(m: re.Match[str], ctx: Context) -> Found | None:
    month, d = _gregorian_month(m), _day_number(m)
    if month is None or d is None or not 1 <= d <= 31:
        return None
    start, y, sh = match_start(m), year_group(m), shift_of(m.group("sh"))
    if not m.group("wd") and names_a_place(ctx.text, m.start()):
        return None
    relative = False
    if y is None and (m.group("sh2") or m.group("this")):
        if ctx.ref is None:
            return Found(start, m.end(), None, relative=True)
        y = ctx.ref.year + _yearshift_of(m.group("sh2"))
        relative = True
    if y is None:
        y = _event_year(ctx.text, start, d, month)
    if y is None:
        relative = True
        if ctx.ref is None:
            return Found(start, m.end(), None, relative=True)
        y = cal.day_year(ctx.ref, month, d, sh if isinstance(sh, int) else None)
    elif not relative:
        ctx.last_year = y
    if y is None or not cal.valid_day(y, month, d):
        return None
    day = date(y, month, d)
    return Found(start, m.end(), cal.iso_day(day), relative=relative, day=day)


def read_day_of_month(m: re.Match[str], ctx: Context) -> Found | None:
    """A day of a month named by its distance ("الـ12 من الشهر الجاري", "العاشر من الشهر الماضي")."""
    d, start = _day_number(m), match_start(m)
    if d is None or not 1 <= d <= 31:
        return None
    if ctx.ref is None:
        return Found(start, m.end(), None, relative=True)
    sh = shift_of(m.group("sh")) if m.group("sh") else 0
    y, month = cal.shift_months(ctx.ref.year, ctx.ref.month, sh if isinstance(sh, int) else 0)
    if not cal.valid_day(y, month, d):
        return None
    return Found(start, m.end(), cal.iso_day(date(y, month, d)), relative=True, day=date(y, month, d))


def read_truncated(m: re.Match[str], ctx: Context) -> Found | None:
    prefix = m.group("m")
    months = {v for k, v in lexicon().gregorian.items() if k.startswith(prefix)}
    d = int(m.group("d"))
    if len(months) != 1 or not 1 <= d <= 31:
        return None
    if ctx.ref is None:
        return Found(match_start(m), m.end(), None, relative=True)
    month = months.pop()
    y = cal.day_year(ctx.ref, month, d, None)
    if y is None:
        return None
    return Found(match_start(m), m.end(), cal.iso_day(date(y, month, d)), relative=True, day=date(y, month, d))


def read_month(m: re.Match[str], ctx: Context) -> Found | None:
    month = _gregorian_month(m)
    if month is None:
        return None
    start, y = match_start(m), year_group(m)
    lex = lexicon()
    alone = not (m.group("m2") or y or m.group("sh") or m.group("sh2") or m.group("this") or m.group("shr"))
    if alone and " ".join(m.group("m").split()) in lex.kind("ambiguous_month") and not m.group("edge"):
        before = words_before(ctx.text, start, 1)
        if not before or not in_words(before[0], lex.kind("year_before")):
            return None
    if y is not None:
        ctx.last_year = y
        return Found(start, m.end(), cal.iso_month(y, month))
    if ctx.ref is None:
        return Found(start, m.end(), None, relative=True)
    if m.group("sh2"):
        y = ctx.ref.year + _yearshift_of(m.group("sh2"))
    elif m.group("this"):
        y = ctx.ref.year
    else:
        sh = shift_of(m.group("sh"))
        y = cal.month_year(ctx.ref, month, sh if isinstance(sh, int) else None)
    return Found(start, m.end(), cal.iso_month(y, month), relative=True)


def read_hijri(m: re.Match[str], ctx: Context) -> Found | None:
    lex = lexicon()
    month = lex.hijri[" ".join(m.group("m").split())]
    d, y = _day_number(m), year_group(m)
    sh = shift_of(m.group("sh"))
    if d is None and not (y or m.group("hn") or m.group("shr") or isinstance(sh, int)):
        return None
    if month == 2 and not (y or m.group("hn")):  # صفر is also "zero"
        return None
    start = match_start(m)
    if d is not None and not 1 <= d <= 30:
        return None
    relative = y is None
    if y is None:
        if ctx.ref is None:
            return Found(start, m.end(), None, "hijri", relative=True)
        y = cal.hijri_year_near(ctx.ref, month, d, sh if isinstance(sh, int) else None)
        if y is None:  # outside the Umm al-Qura tables
            return Found(start, m.end(), None, "hijri", relative=True)
    if d is None:
        return Found(start, m.end(), cal.hijri_month_value(y, month), "hijri", relative)
    g = cal.hijri_to_gregorian(y, month, d)
    return Found(start, m.end(), g.isoformat() if g else None, "hijri", relative, g)


def read_year(m: re.Match[str], ctx: Context) -> Found | None:
    lex = lexicon()
    y, start = int(m.group("y")), match_start(m)
    if m.group("hn"):
        return Found(start, m.end(), cal.hijri_year_value(y), "hijri")
    if not 1000 <= y <= 2100:
        return None
    gn, end = m.group("gn"), m.end()
    if gn and m.start("gn") > m.end("y"):  # "2016 م" counts only before punctuation: "2000 م على" is metres
        after = ctx.text[m.end() : m.end() + 2].lstrip(" ")
        if after[:1].isalnum():
            gn, end = None, m.end("y")
    if not (m.group("pre") or gn):
        text = ctx.text
        before = words_before(text, m.start(), 2)[-1:]
        prev = before[0] if before else ""
        if any(in_words(w, lex.kind("quantity_before")) for w in words_before(text, m.start(), 2)):
            return None
        if word_after(text, end) in lex.kind("counted_after"):
            return None
        lead = text[max(0, start - 2) : start].strip()
        ranged = lead[-1:] in ("(", "-", "–", "/") or bool(re.match(r"\s?[-–]\s?\d{4}", text[end : end + 7]))
        after_year = bool(before) and before[0].isdigit() and len(before[0]) == 4
        if in_words(prev, lex.kind("quantity_before")) or not (
            ranged or after_year or in_words(prev, lex.kind("year_before"))
        ):
            return None
    ctx.last_year = y
    return Found(start, end, cal.iso_year(y))
