"""Relative date expressions: weekdays, أمس/غداً, "قبل يومين", "الشهر الماضي", seasons.

Each reader resolves its match (see :mod:`marsad.nlp.date_patterns`) against the publication date
in the :class:`~marsad.nlp.date_rules.Context`; without one the value is null and ``relative`` true.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from marsad.nlp import calendar as cal
from marsad.nlp.date_lexicon import lexicon
from marsad.nlp.date_rules import (
    SENTENCE_END,
    WORD,
    Context,
    Found,
    match_start,
    shift_of,
    word_after,
    words_before,
    year_group,
)
from marsad.nlp.numbers import cardinal_value

_OPEN_QUOTE = re.compile(r"[\"«“:]|\s(?:ان|بان)\s")


def _is_future_word(word: str) -> bool:
    lex = lexicon()
    w = word[1:] if word.startswith("و") and len(word) > 3 else word
    if w in lex.kind("future"):
        return True
    return len(w) >= 4 and w[0] == "س" and w[1] in "يتن" and w not in lex.kind("not_future")


def _future_before(text: str, pos: int) -> bool:
    """A word announcing a future event just before ``pos`` in its clause, or opening its sentence.

    The clause ends at a comma, unless the comma stands right before ``pos`` ("سيزور الرئيس، الخميس").
    """
    ends = list(SENTENCE_END.finditer(text, max(0, pos - 300), pos))
    sentence = text[ends[-1].end() if ends else max(0, pos - 300) : pos]
    words = WORD.findall(sentence)
    if (ends or pos <= 300) and words and _is_future_word(words[0]):
        return True
    parts = re.split(r"[،,؛;]", sentence)
    if len(parts) > 1 and not parts[-1].strip():
        parts.pop()
    return any(_is_future_word(w) for w in WORD.findall(parts[-1])[-5:])


def _anchor(ctx: Context, pos: int) -> date | None:
    """A day named earlier in the same sentence that a quoted or reported "غداً" counts from."""
    text = ctx.text
    ends = list(SENTENCE_END.finditer(text, max(0, pos - 400), pos))
    begin = ends[-1].end() if ends else max(0, pos - 400)
    for at, day in reversed(ctx.days):
        if begin <= at < pos and _OPEN_QUOTE.search(text, at, pos):
            return day
    return None


def read_weekday_day(m: re.Match[str], ctx: Context) -> Found | None:
    """A weekday and a day of the month, the month left to the reader ("الاثنين 27 إلى الخميس 30 آب")."""
    d, start = int(m.group("d")), match_start(m)
    if not 1 <= d <= 31:
        return None
    if ctx.ref is None:
        return Found(start, m.end(), None, relative=True)
    wd = int(lexicon().kind("weekday")[m.group("wd")])
    options = []
    for k in range(-2, 3):
        y, mo = cal.shift_months(ctx.ref.year, ctx.ref.month, k)
        if cal.valid_day(y, mo, d) and date(y, mo, d).weekday() == wd:
            options.append(date(y, mo, d))
    if not options:
        return None
    day = min(options, key=lambda o: (abs((o - ctx.ref).days), o > ctx.ref))  # type: ignore[operator]
    return Found(start, m.end(), cal.iso_day(day), relative=True, day=day)


def read_weekday(m: re.Match[str], ctx: Context) -> Found | None:
    lex = lexicon()
    start, end = match_start(m), m.end()
    before = words_before(ctx.text, start, 1)
    if before and before[0] in lex.kind("not_weekday_before"):
        return None
    if m.group("cp") and not m.group("op"):
        end = m.start("cp")
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
    if ctx.ref is None:
        return Found(start, end, None, relative=True)
    wd = int(lex.kind("weekday")[m.group("wd")])
    sh = shift_of(m.group("sh"))
    if m.group("rel"):
        base = ctx.ref + timedelta(days=int(lex.kind("relday")[" ".join(m.group("rel").split())]))
        day = cal.weekday_date(base, wd, "nearest")
    elif sh in (-1, 1):
        day = cal.weekday_date(ctx.ref, wd, "last" if sh == -1 else "next")
    else:
        day = cal.weekday_date(ctx.ref, wd, "future" if _future_before(ctx.text, start) else "past")
    return Found(start, end, cal.iso_day(day), relative=True, day=day)


def read_relday(m: re.Match[str], ctx: Context) -> Found | None:
    lex = lexicon()
    rel = " ".join(m.group("rel").split())
    start = m.start("dp") if m.group("dp") else m.start("rel")
    if rel == "اليوم":
        after = word_after(ctx.text, m.end())
        if not (m.group("dp") or m.group("vq")) or after.startswith("ال"):
            return None
    if ctx.ref is None:
        return Found(start, m.end(), None, relative=True)
    base = _anchor(ctx, start) or ctx.ref
    day = base + timedelta(days=int(lex.kind("relday")[rel]))
    return Found(start, m.end(), cal.iso_day(day), relative=True, day=day)


def read_ago(m: re.Match[str], ctx: Context) -> Found | None:
    lex = lexicon()
    if word_after(ctx.text, m.end()) in ("من", "علي", "عن"):
        return None
    before = words_before(ctx.text, m.start(), 1)
    if before and before[0] in lex.kind("unit"):  # "يوماً بعد يوم", "عاماً قبل عام"
        return None
    unit, count = lex.kind("unit")[" ".join(m.group("u").split())].split(":")
    n = cardinal_value(m.group("n")) if m.group("n") else None
    total = n if n is not None else int(count)
    if not total:
        return None
    if unit == "decade":
        unit, total = "year", total * 10
    start = match_start(m)
    if ctx.ref is None:
        return Found(start, m.end(), None, relative=True)
    sign = int(lex.kind("ago")[m.group("ago")])
    value = cal.shifted(ctx.ref, unit, sign * total)
    return Found(start, m.end(), value, relative=True) if value else None


def read_period(m: re.Match[str], ctx: Context) -> Found | None:
    lex = lexicon()
    word = m.group("p") or m.group("p2") or m.group("p3")
    unit = lex.kind("period")[word]
    start = match_start(m)
    if m.group("p3") and word_after(ctx.text, m.end()).startswith("ال"):  # "نهاية السنة الدراسية"
        return None
    if ctx.ref is None:
        return Found(start, m.end(), None, relative=True)
    sh = shift_of(m.group("sh")) if m.group("sh") else 0
    if sh == "next" or sh == "prev":
        step = 1 if sh == "next" else -1
        if unit == "year" and ctx.last_year is not None:
            return Found(start, m.end(), cal.iso_year(ctx.last_year + step), relative=True)
        if sh == "next":
            return None
        sh = -1
    steps = sh if isinstance(sh, int) else 0
    return Found(start, m.end(), cal.period_value(ctx.ref, unit, steps), relative=True)


def read_season(m: re.Match[str], ctx: Context) -> Found | None:
    season = m.group("s")
    y, sh = year_group(m), shift_of(m.group("sh"))
    start = match_start(m)
    if y is not None:
        ctx.last_year = y
        return Found(start, m.end(), cal.iso_year(y))
    if not isinstance(sh, int) and not (m.group("edge") and season.startswith("ال")):
        return None
    if lexicon().kind("season")[season] == "spring" and not isinstance(sh, int):
        return None
    if ctx.ref is None:
        return Found(start, m.end(), None, relative=True)
    return Found(start, m.end(), cal.iso_year(ctx.ref.year + (sh if isinstance(sh, int) else 0)), relative=True)
