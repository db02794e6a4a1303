"""RawDoc → Article: zones (lede, body, related, boilerplate), related links, publication dates."""

from __future__ import annotations

import pytest

from marsad.extract import classify_line, extract, iso_datetime, line_class, zones_of
from marsad.ingest import read
from marsad.ingest.rawdoc import RawDoc
from marsad.models import Article
from tests.conftest import shared_path

LEDE = "أعلنت البلدية اليوم خطة لتشجير الشوارع الرئيسية في المدينة."
BODY = "وقال رئيس البلدية إن الخطة تشمل زراعة ألف شجرة خلال عامين."


def _article(text: str) -> Article:
    return extract(RawDoc(source="t", kind="record", text=text, title="عنوان"))


def _zones(a: Article) -> list[tuple[str, str]]:
    return [(z.kind, a.text[z.start : z.end]) for z in a.zones]


@pytest.mark.parametrize(
    "line",
    [
        "اقرأ أيضاً: البلدية تفتتح حديقة جديدة",
        "إقرأ أيضًا: البلدية تفتتح حديقة جديدة",
        "اقرأ ايضا - البلدية تفتتح حديقة جديدة",
        "إقرأ أيضا البلدية تفتتح حديقة جديدة",
        "شاهد أيضاً: فيديو افتتاح الحديقة",
        "اقرأ المزيد: البلدية تفتتح حديقة جديدة",
        "قد يهمك| البلدية تفتتح حديقة جديدة",
        "قد يهمك..\u00a0البلدية تفتتح حديقة جديدة",
        "أيضاً.. البلدية تفتتح حديقة جديدة",
    ],
)
def test_every_spelling_of_read_also_is_a_related_line(line: str) -> None:
    found = classify_line(line)
    assert found is not None and found[0] == "related"
    assert line[found[1] :].strip().endswith("حديقة جديدة") or "فيديو" in line[found[1] :]


@pytest.mark.parametrize(
    "line",
    [
        "اخترنا لك",
        "تابعونا على تويتر وفيسبوك",
        "تابعوا آخر الأخبار عبر قناتنا على تلغرام",
        "المصدر: وكالات",
        "المصدر : وكالة الأنباء",
        "شارك على فيسبوك",
        "طباعة",
        "جميع الحقوق محفوظة © 2024",
        "--------------------",
    ],
)
def test_site_furniture_is_boilerplate(line: str) -> None:
    found = classify_line(line)
    assert found is not None and found[0] == "boilerplate"


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "تابعنا حادثة انهيار المبنى منذ صباح الأحد في الحي القديم.",
        "انضم اللاعب إلى الفريق بعد أن نشر صورته على فيسبوك.",
        "وقال المصدر إن الاجتماع سيعقد غدا.",
        "اقرأ الكتاب قبل أن تشاهد الفيلم، نصح الناقد.",
    ],
)
def test_article_sentences_are_not_boilerplate(line: str) -> None:
    assert classify_line(line) is None


def test_first_body_paragraph_is_the_lede_and_zones_point_into_the_text() -> None:
    a = _article(f"{LEDE}\n\n{BODY}\n\nاقرأ أيضاً: الأشجار تخفض حرارة المدن\n\nالمصدر: وكالات")
    assert _zones(a) == [
        ("lede", LEDE),
        ("body", BODY),
        ("related", "اقرأ أيضاً: الأشجار تخفض حرارة المدن"),
        ("boilerplate", "المصدر: وكالات"),
    ]
    assert [r.text for r in a.related] == ["الأشجار تخفض حرارة المدن"]


def test_boilerplate_before_the_article_does_not_take_the_lede() -> None:
    a = _article(f"شارك\n{LEDE}\n{BODY}")
    assert [k for k, _ in _zones(a)] == ["boilerplate", "lede", "body"]


def test_titles_listed_under_a_bare_read_also_heading_are_related_until_the_article_resumes() -> None:
    text = f"{LEDE}\nاقرأ أيضاً:\nالأشجار تخفض حرارة المدن\nهل تنجح خطة التشجير؟\n{BODY}"
    a = _article(text)
    assert [k for k, _ in _zones(a)] == ["lede", "boilerplate", "related", "related", "body"]
    assert [r.text for r in a.related] == ["الأشجار تخفض حرارة المدن", "هل تنجح خطة التشجير؟"]


def test_related_links_get_urls_from_page_anchors() -> None:
    zones, related = zones_of(
        f"{LEDE}\nاقرأ أيضا: الأشجار تخفض حرارة المدن", {"الاشجار تخفض حراره المدن": "https://x.example/1"}
    )
    assert related[0].url == "https://x.example/1"
    assert zones[-1].kind == "related"


def test_line_class_cut_points_into_the_original_line_despite_diacritics() -> None:
    line = "إِقْرَأْ أَيْضًا:\u00a0الحديقة الجديدة"
    found = line_class(line)
    assert found is not None and line[found.cut :].strip() == "الحديقة الجديدة"


def test_seed_article_ends_with_its_related_line_and_boilerplate_outside_the_body() -> None:
    (a,) = list(read([str(shared_path("fixtures", "seed-qaani-soleimani.txt"))]))
    assert isinstance(a, Article)
    kinds = [z.kind for z in a.zones]
    assert kinds[0] == "lede" and kinds[-1] == "boilerplate"
    related = [a.text[z.start : z.end] for z in a.zones if z.kind == "related"]
    assert len(related) == 1 and related[0].startswith("إقرأ أيضًا:")
    assert a.text[a.zones[-1].start : a.zones[-1].end] == "اخترنا لك"
    assert len(a.related) == 1 and a.related[0].text in related[0] and not a.related[0].text.startswith("إقرأ")
    for z in a.zones:
        if z.kind in {"lede", "body"}:
            assert classify_line(a.text[z.start : z.end]) is None


def test_zones_are_ordered_disjoint_and_inside_the_text() -> None:
    a = _article(f"\n  {LEDE}  \n\n{BODY}\nتابعونا على تويتر\n")
    last = 0
    for z in a.zones:
        assert last <= z.start < z.end <= len(a.text)
        assert a.text[z.start : z.end] == a.text[z.start : z.end].strip()
        last = z.end


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18T21:35:43+04:00"),
        ("Wed, 02 May 2018 11:26:53 GMT", "2018-05-02T11:26:53+00:00"),
        ("2017-01-20T21:43:00+01:00", "2017-01-20T21:43:00+01:00"),
        ("2017-01-22T185600", "2017-01-22T18:56:00"),
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:30:00Z", "2024-03-05T10:30:00+00:00"),
        ("17/05/2015", "2015-05-17"),
        ("05-03-2024 14:20", "2024-03-05T14:20:00"),
        ("2024/03/05", "2024-03-05"),
        ("31/02/2015", None),
        ("أمس", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_datetime_reads_rfc2822_iso_and_day_first_dates(value: str | None, iso: str | None) -> None:
    assert iso_datetime(value) == iso


def test_record_without_text_is_skipped() -> None:
    from marsad.errors import Skip

    with pytest.raises(Skip):
        extract(RawDoc(source="t", kind="record", text="  \n "))
