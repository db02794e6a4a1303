"""Small hand-written Arabic analyses for the store, search, export and CLI tests (our own sentences)."""

from __future__ import annotations

from marsad.extract import zones_of
from marsad.ids import article_id
from marsad.models import Analysis, Article, Entity, Span, Speaker, Statement, ZoneSpan


def make_article(
    text: str,
    title: str | None = None,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    record_id: str | None = None,
    zones: tuple[ZoneSpan, ...] | None = None,
) -> Article:
    if zones is None:
        zones, related = zones_of(text)
    else:
        related = ()
    return Article(
        id=article_id(record_id=record_id, url=url, text=text),
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        zones=zones,
        related=related,
    )


def span_of(article: Article, piece: str, nth: int = 0, zone: str | None = None) -> Span:
    """The span of the ``nth`` occurrence of ``piece`` in the article's text (or title)."""
    field = article.title or "" if zone == "title" else article.text
    start = -1
    for _ in range(nth + 1):
        start = field.index(piece, start + 1)
    span = article.span(start, start + len(piece), "title" if zone == "title" else None)  # type: ignore[arg-type]
    assert span.text == piece
    return span


def statement(article: Article, speaker: str | None, cue: str, content: str, **kw: object) -> Statement:
    mention = span_of(article, speaker) if speaker and speaker in article.text else None
    sp = Speaker(
        name=speaker,
        type=kw.get("type", "PER" if speaker else "ANON"),  # type: ignore[arg-type]
        canonical=kw.get("canonical"),  # type: ignore[arg-type]
        entity=kw.get("entity"),  # type: ignore[arg-type]
        role=kw.get("role"),  # type: ignore[arg-type]
        mention=mention,
    )
    return Statement(sp, span_of(article, cue), span_of(article, content), kw.get("kind", "indirect"))  # type: ignore[arg-type]


def entity(article: Article, eid: str, etype: str, canonical: str, aliases: tuple[str, ...], *mentions: str) -> Entity:
    return Entity(eid, etype, canonical, aliases, tuple(span_of(article, m) for m in mentions))  # type: ignore[arg-type]


def plan() -> Analysis:
    a = make_article(
        "قال المتحدث باسم الحكومة إن إسرائيل ستبدأ العمل بالخطة الأسبوع المقبل.\nوأضاف أن الخطة تشمل المدن الساحلية.",
        "إسرائيل تعلن عن خطة جديدة للمدن",
        url="https://Example.org/news/plan/",
        outlet="alpha",
        published="2024-03-01T10:00:00+00:00",
    )
    st = statement(a, "المتحدث باسم الحكومة", "قال", "إسرائيل ستبدأ العمل بالخطة الأسبوع المقبل", type="ANON")
    ent = entity(a, "e1", "GPE", "إسرائيل", (), "إسرائيل")
    return Analysis(a, entities=(ent,), statements=(st,))


def speech() -> Analysis:
    a = make_article(
        "ألقى الأمين العام لحزب الله حسن نصر الله خطابا مساء أمس.\n"
        "وقال السيد حسن نصرالله إن المقاومة مستعدة للدفاع عن لبنان.\n"
        "اقرأ أيضا: الطقس بارد في الجبال هذا الأسبوع",
        "نصر الله يلقي خطابا",
        url="https://example.org/news/speech",
        outlet="beta",
        published="2024-03-05",
    )
    person = entity(
        a, "e1", "PER", "حسن نصر الله", ("نصرالله", "السيد حسن نصرالله"), "حسن نصر الله", "السيد حسن نصرالله"
    )
    party = entity(a, "e2", "ORG", "حزب الله", (), "حزب الله")
    country = entity(a, "e3", "GPE", "لبنان", (), "لبنان")
    st = statement(
        a,
        "السيد حسن نصرالله",
        "قال",
        "المقاومة مستعدة للدفاع عن لبنان",
        canonical="حسن نصر الله",
        entity="e1",
        role="الأمين العام لحزب الله",
    )
    return Analysis(a, entities=(person, party, country), statements=(st,))


def report() -> Analysis:
    a = make_article(
        "نقل مراسل للميادين أن الوفد وصل إلى العاصمة.\nوإسرائيل لم تعلق على التقرير حتى الآن.",
        "تقرير عن وصول الوفد",
        outlet="alpha",
        published="2024-04-10",
        record_id="rep-1",
    )
    return Analysis(a)


def king() -> Analysis:
    a = make_article(
        "أعلنَ الملكُ عبدُ الله الثاني أنَّ الأردنَّ يدعمُ الحوارَ بين الجيران.",
        "الأردن يدعم الحوار",
        outlet="gamma",
        published="2023-12-31",
        record_id="king-1",
    )
    st = statement(a, "الملكُ عبدُ الله الثاني", "أعلنَ", "الأردنَّ يدعمُ الحوارَ بين الجيران", kind="indirect")
    return Analysis(a, statements=(st,))


def all_samples() -> list[Analysis]:
    return [plan(), speech(), report(), king()]
