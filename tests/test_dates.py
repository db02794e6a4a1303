"""Date expressions: every region's month names, both calendars, relative words, spans into the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.models import Article, DateMention
from marsad.nlp.dates import find_dates, publication_date_from_text
from marsad.nlp.document import Doc

PUB = "2019-11-05T09:30:00+03:00"  # a Tuesday


def dates(text: str, published: str | None = PUB, title: str | None = None) -> list[DateMention]:
    article = Article(id="t", text=text, title=title, published=published)
    found = list(find_dates(Doc(article)))
    for d in found:
        assert article.field_text(d.span.zone)[d.span.start : d.span.end] == d.span.text
    return found


def values(text: str, published: str | None = PUB) -> list[tuple[str, str | None]]:
    return [(d.span.text, d.value) for d in dates(text, published)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وصل الوفد في 3 كانون الثاني 2020 إلى بيروت", "2020-01-03"),  # Levantine / Iraqi
        ("وصل الوفد في 3 تشرين الأول 2020 إلى بغداد", "2020-10-03"),
        ("وصل الوفد في 3 تشرين أول 2020 إلى عمّان", "2020-10-03"),  # without the article
        ("وصل الوفد في 3 جانفي 2020 إلى تونس", "2020-01-03"),  # Algerian / Tunisian
        ("وصل الوفد في 3 فيفري 2020 إلى الجزائر", "2020-02-03"),
        ("وصل الوفد في 3 جويلية 2020 إلى تونس", "2020-07-03"),
        ("وصل الوفد في 3 يوليوز 2020 إلى الرباط", "2020-07-03"),  # Moroccan
        ("وصل الوفد في 3 غشت 2020 إلى الرباط", "2020-08-03"),
        ("وصل الوفد في 3 شتنبر 2020 إلى الرباط", "2020-09-03"),
        ("وصل الوفد في 3 دجنبر 2020 إلى الرباط", "2020-12-03"),
        ("وصل الوفد في 3 يناير 2020 إلى القاهرة", "2020-01-03"),  # Egyptian / Gulf
        ("وصل الوفد في 3 يونيه 2020 إلى القاهرة", "2020-06-03"),
        ("وصل الوفد في 3 أغشت 2020 إلى نواكشوط", "2020-08-03"),  # Mauritanian
    ],
)
def test_month_names_of_every_region_resolve_to_the_same_calendar(text: str, value: str) -> None:
    assert [d.value for d in dates(text)] == [value]


@pytest.mark.parametrize(
    "text", ["في تشرين الأول/أكتوبر 2020 بدأ", "في أيلول (سبتمبر) 2020 بدأ", "في سبتمبر/ أيلول 2020 بدأ"]
)
def test_dual_month_forms_are_one_expression(text: str) -> None:
    (d,) = dates(text)
    assert d.value in ("2020-10", "2020-09")
    assert "2020" in d.span.text and ("/" in d.span.text or "(" in d.span.text)


def test_hijri_date_is_converted_to_gregorian() -> None:
    (d,) = dates("صدر القرار في 12 ربيع الأول 1445 هـ بعد الاجتماع")
    assert (d.value, d.calendar, d.relative) == ("2023-09-27", "hijri", False)
    assert d.span.text == "12 ربيع الأول 1445 هـ"


def test_hijri_date_with_its_gregorian_equivalent_gives_both() -> None:
    found = dates("صدر القرار في 12 ربيع الأول 1445 هـ الموافق 27 سبتمبر 2023 بعد الاجتماع")
    assert [(d.calendar, d.value) for d in found] == [("hijri", "2023-09-27"), ("gregorian", "2023-09-27")]


def test_hijri_month_without_a_number_is_not_a_date() -> None:
    assert dates("استقبل الرئيس رجب طيب أردوغان الوفد") == []
    assert dates("انتهت المباراة 2 صفر لصالح الضيوف") == []


def test_arabic_indic_digits_are_read() -> None:
    assert values("وقع الاتفاق في ٥ أيار ٢٠١٨ في الدوحة") == [("٥ أيار ٢٠١٨", "2018-05-05")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("نشر في 12/03/2019 مساء", "2019-03-12"),
        ("نشر في ١٢/٠٣/٢٠١٩ مساء", "2019-03-12"),
        ("في 2019-03-12", "2019-03-12"),
    ],
)
def test_numeric_dates_are_day_month_year(text: str, value: str) -> None:
    assert [d.value for d in dates(text)] == [value]


def test_numeric_date_with_an_impossible_day_is_dropped() -> None:
    assert dates("الرقم 31/02/2019 غير صحيح") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وقع الهجوم في السابع من تشرين الأول 2023", "2023-10-07"),
        ("وقع الهجوم في الحادي عشر من أيلول 2001", "2001-09-11"),
        ("عقد الاجتماع في الثاني والعشرين من أيار 2017", "2017-05-22"),
        ("عقد الاجتماع في الـ15 من آذار 2011", "2011-03-15"),
    ],
)
def test_ordinal_day_words(text: str, value: str) -> None:
    assert [d.value for d in dates(text)] == [value]


def test_weekday_with_a_date_is_one_expression() -> None:
    assert values("عقد الاجتماع يوم الأحد 3 تشرين الثاني 2019 في بيروت") == [
        ("يوم الأحد 3 تشرين الثاني 2019", "2019-11-03")
    ]


def test_missing_year_is_the_nearest_such_day_to_the_publication() -> None:
    assert [d.value for d in dates("وقع الهجوم في السابع من أكتوبر")] == ["2019-10-07"]
    assert [d.value for d in dates("تبدأ القمة في 20 كانون الثاني المقبل")] == ["2020-01-20"]
    assert [d.value for d in dates("بدأت الأزمة في 20 كانون الثاني الماضي")] == ["2019-01-20"]


def test_missing_year_without_publication_date_is_null_and_relative() -> None:
    (d,) = dates("وقع الهجوم في السابع من أكتوبر", published=None)
    assert (d.value, d.relative) == (None, True)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("أمس", "2019-11-04"),
        ("غداً", "2019-11-06"),
        ("أول أمس", "2019-11-03"),
        ("صباح اليوم", "2019-11-05"),
        ("الأحد الماضي", "2019-11-03"),
        ("الأحد المقبل", "2019-11-10"),
        ("قبل يومين", "2019-11-03"),
        ("قبل أسبوع", "2019-10-29"),
        ("قبل ثلاثة أشهر", "2019-08"),
        ("منذ ست سنوات", "2013"),
        ("الشهر الماضي", "2019-10"),
        ("العام المقبل", "2020"),
        ("هذا العام", "2019"),
        ("مطلع الشهر الحالي", "2019-11"),
        ("اليوم (الاثنين)", "2019-11-04"),
        ("أمس الاثنين", "2019-11-04"),
        ("مساء الأحد", "2019-11-03"),
    ],
)
def test_relative_expressions_resolve_against_the_publication_date(phrase: str, value: str) -> None:
    (d,) = dates(f"وقال المتحدث {phrase} إن المفاوضات مستمرة")
    assert (d.span.text, d.value, d.relative) == (phrase, value, True)


def test_relative_expression_without_publication_date_is_null() -> None:
    (d,) = dates("وقال المتحدث أمس إن المفاوضات مستمرة", published=None)
    assert (d.value, d.relative) == (None, True)


def test_weekday_alone_is_the_last_such_day_on_or_before_publication() -> None:
    assert [d.value for d in dates("وقال الوزير الثلاثاء إن")] == ["2019-11-05"]
    assert [d.value for d in dates("وقال الوزير الخميس إن")] == ["2019-10-31"]


def test_weekday_after_a_future_verb_is_the_coming_day() -> None:
    assert [d.value for d in dates("وسيزور الوزير دمشق الخميس")] == ["2019-11-07"]


def test_quoted_tomorrow_counts_from_the_day_the_words_were_said() -> None:
    found = dates('وقال الوزير مساء الأحد إن "الإجراءات تبدأ غداً"')
    assert [(d.span.text, d.value) for d in found] == [("مساء الأحد", "2019-11-03"), ("غداً", "2019-11-04")]


def test_precision_is_kept() -> None:
    assert values("في آذار 2011 ثم في عام 2012 ثم في 2013") == [
        ("آذار 2011", "2011-03"),
        ("عام 2012", "2012"),
        ("2013", "2013"),
    ]


def test_following_year_counts_from_the_last_year_named() -> None:
    assert values("اندلعت الاحتجاجات في عام 2011. وفي العام التالي بدأت الحرب")[-1] == ("العام التالي", "2012")


@pytest.mark.parametrize(
    "text",
    [
        "قتل أكثر من 2000 شخص في الهجمات",
        "ارتفعت الأسعار بنسبة 15% خلال 24 ساعة",
        "يبلغ من العمر 45 عاما",
        "اجتمع الوفد عند الساعة 10:30 صباحا",
        "خلال الأيام القليلة الماضية",
        "في الفصل الثاني من المباراة",
        "مارس الضغط على الحكومة",
        "بين الاثنين خلاف قديم",
        "كانت الانتفاضة جزءا من الربيع العربي",
        "اليوم الوطني للبلاد",
    ],
)
def test_numbers_and_words_that_are_not_dates_are_not_marked(text: str) -> None:
    assert dates(text) == []


def test_weekday_with_a_day_number_finds_the_month() -> None:
    found = values("تعقد الجلسات من الاثنين 11 إلى الخميس 14 تشرين الثاني")
    assert found == [("الاثنين 11", "2019-11-11"), ("الخميس 14 تشرين الثاني", "2019-11-14")]


def test_day_of_the_current_month() -> None:
    assert values("تعقد القمة في الـ20 من الشهر الجاري") == [("الـ20 من الشهر الجاري", "2019-11-20")]


def test_month_without_year_crosses_the_year_only_near_its_end() -> None:
    assert [d.value for d in dates("تبدأ الخطة في كانون الثاني", "2019-12-20")] == ["2020-01"]
    assert [d.value for d in dates("بدأت الخطة في كانون الثاني", "2019-08-20")] == ["2019-01"]


@pytest.mark.parametrize(
    "text", ["يتحسن الأداء يوماً بعد يوم", "ومسافته 2000 م على المضمار", "فاز فيلم غيت آوت بالجائزة", "سوق الإثنين"]
)
def test_lookalikes_of_dates_are_not_marked(text: str) -> None:
    assert dates(text) == []


def test_explicit_dates_are_not_relative() -> None:
    assert [(d.value, d.relative) for d in dates("في 5 أيار 2018 وأمس")] == [
        ("2018-05-05", False),
        ("2019-11-04", True),
    ]


def test_title_is_scanned_with_title_zone() -> None:
    (d,) = dates("نص الخبر", title="الاقتصاد سيتحسن في 2020")
    assert (d.span.zone, d.span.text, d.value) == ("title", "2020", "2020")


def test_named_event_gives_its_year() -> None:
    assert [d.value for d in dates("في الذكرى الـ18 لهجمات 11 سبتمبر")] == ["2001-09-11"]


def test_year_range_gives_both_years() -> None:
    assert values("عاش الفيلسوف (1694-1778) في فرنسا") == [("1694", "1694"), ("1778", "1778")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("نشر في 12/03/2019\nقال الوزير", "2019-03-12"),
        ("الأحد 3 تشرين الثاني 2019 - 10:30\nقال الوزير", "2019-11-03"),
        ("بيروت - تاريخ النشر: 5 أيار 2018\nالنص", "2018-05-05"),
        ("قال الوزير أمس إن المحادثات مستمرة", None),
        ("أحيت المدينة الذكرى السنوية للهجوم الذي وقع في 5 أيار 2001 وسط العاصمة بحضور المسؤولين", None),
    ],
)
def test_publication_date_from_datelines(text: str, value: str | None) -> None:
    assert publication_date_from_text(text) == value


def test_publication_date_prefers_the_cued_date() -> None:
    text = "وقعت الحرب في 5 أيار 2001 وانتهت.\nنشر بتاريخ 7 حزيران 2019"
    assert publication_date_from_text(text, head=40) == "2019-06-07"


_ALPHABET = st.sampled_from(
    [
        *'ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآةىءؤئ ًٌٍَُِّْـ0123456789٠١٢٣٤٥٦٧٨٩/-().،:«»\n"',
        "أمس",
        "غداً",
        "الاثنين",
        "كانون الثاني",
        "تشرين أول",
        "هـ",
        "ربيع الأول",
        "عام",
        "قبل",
        "الماضي",
        " 2019",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.sampled_from([None, PUB, "2018-02-28", "bad"]))
def test_never_raises_and_every_span_is_valid(text: str, published: str | None) -> None:
    for d in dates(text, published):
        assert 0 <= d.span.start < d.span.end <= len(text)
        assert d.value is None or len(d.value) in (4, 7, 10)
