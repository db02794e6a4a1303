"""Date arithmetic of marsad.nlp.calendar: nearest year, weekdays, weeks, Hijri."""

from __future__ import annotations

from datetime import date

from marsad.nlp import calendar as cal


def test_reference_date_takes_the_date_part_of_an_iso_time() -> None:
    assert cal.reference_date("2018-07-10T23:06:30-05:00") == date(2018, 7, 10)
    assert cal.reference_date("Tue, 10 Jul 2018") is None
    assert cal.reference_date(None) is None


def test_month_year_nearest_and_directed() -> None:
    ref = date(2018, 6, 29)
    assert cal.month_year(ref, 6, -1) == 2017  # "يونيو الماضي" in June is last year's
    assert cal.month_year(ref, 5, None) == 2018
    assert cal.month_year(ref, 9, None) == 2018
    assert cal.month_year(ref, 1, 1) == 2019
    assert cal.month_year(date(2018, 1, 5), 12, None) == 2017


def test_day_year_picks_the_nearest_day() -> None:
    assert cal.day_year(date(2018, 6, 1), 9, 14, None) == 2018
    assert cal.day_year(date(2018, 3, 10), 1, 20, None) == 2018
    assert cal.day_year(date(2018, 3, 10), 12, 20, None) == 2017
    assert cal.day_year(date(2018, 3, 10), 2, 29, None) is None


def test_weekday_modes() -> None:
    tuesday = date(2019, 11, 5)
    assert cal.weekday_date(tuesday, 1, "past") == tuesday
    assert cal.weekday_date(tuesday, 1, "last") == date(2019, 10, 29)
    assert cal.weekday_date(tuesday, 3, "future") == date(2019, 11, 7)
    assert cal.weekday_date(tuesday, 0, "nearest") == date(2019, 11, 4)


def test_week_is_the_smallest_unit_that_holds_it() -> None:
    assert cal.period_value(date(2018, 9, 10), "week", -1) == "2018-09"
    assert cal.period_value(date(2018, 8, 1), "week", 0) == "2018"


def test_hijri_conversion() -> None:
    assert cal.hijri_to_gregorian(1445, 3, 12) == date(2023, 9, 27)
    assert cal.hijri_to_gregorian(900, 1, 1) is None
    assert cal.hijri_month_value(1439, 9) == "2018"  # Ramadan 1439: May-June 2018
    assert cal.hijri_year_near(date(2023, 9, 1), 3, 12, None) == 1445
