"""Date arithmetic for resolving date expressions: publication date, nearest year, weeks, Hijri.

Values are the contract's: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` — the most precise one the
expression supports.  A stretch of days (a week, a Hijri month) is given as the smallest of those
units that holds all of it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def reference_date(published: str | None) -> date | None:
    """The date part of an ISO publication time (``2018-07-10T11:06:30+00:00`` → 2018-07-10)."""
    if not published:
        return None
    m = _ISO_DATE.match(published)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def iso_day(d: date) -> str:
    return d.isoformat()


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_year(year: int) -> str:
    return f"{year:04d}"


def containing(first: date, last: date) -> str | None:
    """The smallest contract value that holds every day of ``[first, last]``."""
    if first == last:
        return iso_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return iso_month(first.year, first.month)
    if first.year == last.year:
        return iso_year(first.year)
    return None


def shift_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


# a day or month without a year is taken in the publication year, unless the same day or month
# of the year before or after is nearer by more than this (so "يناير" in a December article is next January)
CROSS_YEAR_MONTHS = 4
CROSS_YEAR_DAYS = 122


def month_year(ref: date, month: int, direction: int | None) -> int:
    """The year of ``month`` seen from ``ref``.

    ``direction`` -1: the last such month strictly before ref's month ("يونيو الماضي"); +1: the
    next one strictly after; 0: ref's year ("الجاري"); None: ref's year unless the neighbouring
    year's is nearer by more than :data:`CROSS_YEAR_MONTHS`.
    """
    here = ref.year * 12 + ref.month - 1
    if direction == 0:
        return ref.year
    candidates = [y * 12 + month - 1 for y in (ref.year - 1, ref.year, ref.year + 1)]
    if direction == -1:
        return max(k for k in candidates if k < here) // 12
    if direction == 1:
        return min(k for k in candidates if k > here) // 12
    same = abs(candidates[1] - here)
    best = min(candidates, key=lambda k: (abs(k - here), k > here))
    return best // 12 if same - abs(best - here) > CROSS_YEAR_MONTHS else ref.year


def day_year(ref: date, month: int, day: int, direction: int | None) -> int | None:
    """The year of ``day month`` seen from ``ref`` (direction as in :func:`month_year`, by days,
    with :data:`CROSS_YEAR_DAYS`)."""
    options = [(y, date(y, month, day)) for y in (ref.year - 1, ref.year, ref.year + 1) if valid_day(y, month, day)]
    if not options:
        return None
    if direction == 0:
        return ref.year if valid_day(ref.year, month, day) else None
    if direction == -1:
        past = [y for y, d in options if d < ref]
        return max(past) if past else None
    if direction == 1:
        future = [y for y, d in options if d > ref]
        return min(future) if future else None
    same = [d for y, d in options if y == ref.year]
    best = min(options, key=lambda o: (abs((o[1] - ref).days), o[1] > ref))
    if same and abs((same[0] - ref).days) - abs((best[1] - ref).days) <= CROSS_YEAR_DAYS:
        return ref.year
    return best[0]


def weekday_date(ref: date, weekday: int, mode: str) -> date:
    """The date of ``weekday`` (Monday 0) near ``ref``.

    ``past``: on or before ref; ``future``: on or after; ``last``: strictly before;
    ``next``: strictly after; ``nearest``: within three days either side.
    """
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if mode == "past":
        return ref - timedelta(days=back)
    if mode == "future":
        return ref + timedelta(days=ahead)
    if mode == "last":
        return ref - timedelta(days=back or 7)
    if mode == "next":
        return ref + timedelta(days=ahead or 7)
    return ref - timedelta(days=back) if back <= ahead else ref + timedelta(days=ahead)


def shifted(ref: date, unit: str, n: int) -> str | None:
    """``ref`` moved by ``n`` units, at the unit's precision (days and weeks → day, month, year)."""
    try:
        if unit == "day":
            return iso_day(ref + timedelta(days=n))
        if unit == "week":
            return iso_day(ref + timedelta(weeks=n))
        if unit == "month":
            return iso_month(*shift_months(ref.year, ref.month, n))
        if unit == "year":
            return iso_year(ref.year + n)
    except (OverflowError, ValueError):
        return None
    return None


def period_value(ref: date, unit: str, n: int) -> str | None:
    """The calendar ``unit`` (year, month, week) ``n`` steps from the one holding ``ref``."""
    if unit == "year":
        return iso_year(ref.year + n)
    if unit == "month":
        return iso_month(*shift_months(ref.year, ref.month, n))
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=n)
        return containing(monday, monday + timedelta(days=6))
    return None


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri (Umm al-Qura) date, or None outside hijridate's range."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def hijri_month_value(year: int, month: int) -> str | None:
    """A whole Hijri month as the smallest Gregorian unit holding it."""
    first = hijri_to_gregorian(year, month, 1)
    if first is None:
        return None
    try:
        length = Hijri(year, month, 1).month_length()
    except (ValueError, OverflowError):
        return None
    return containing(first, first + timedelta(days=length - 1))


def hijri_year_value(year: int) -> str | None:
    first = hijri_to_gregorian(year, 1, 1)
    last_month = hijri_to_gregorian(year, 12, 1)
    if first is None or last_month is None:
        return None
    return containing(first, last_month + timedelta(days=29))


def hijri_year_near(ref: date, month: int, day: int | None, direction: int | None) -> int | None:
    """The Hijri year of ``day month`` (Hijri) seen from ``ref``, as :func:`day_year` does."""
    try:
        here = Gregorian(ref.year, ref.month, ref.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    options: list[tuple[int, date]] = []
    for y in (here.year - 1, here.year, here.year + 1):
        g = hijri_to_gregorian(y, month, day or 1)
        if g is not None:
            options.append((y, g))
    if not options:
        return None
    if direction == -1:
        past = [y for y, g in options if g < ref]
        return max(past) if past else None
    if direction == 1:
        future = [y for y, g in options if g > ref]
        return min(future) if future else None
    if direction == 0:
        return here.year
    return min(options, key=lambda o: (abs((o[1] - ref).days), o[1] > ref))[0]
