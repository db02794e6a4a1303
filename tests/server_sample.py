"""A small store of hand-made analyses for the API, web and browser tests (our own Arabic sentences)."""

from __future__ import annotations

from pathlib import Path

from marsad.models import (
    Analysis,
    Article,
    DateMention,
    Entity,
    FramingMarker,
    RelatedLink,
    Span,
    Speaker,
    Statement,
)

HADDAD = "سامي الحداد"
MANSOUR = "ليلى منصور"
OMARI = "خالد العمري"
RELIEF = "منظمة الإغاثة الدولية"
OUTLET_A = "وكالة الأفق"
OUTLET_B = "صحيفة المدار"
SCRIPT_ID = "xss-1"
HADDAD_SAYS = "سنواصل دعم جهود الإغاثة الدولية في المدينة"  # names RELIEF
ROUTINE = 25  # statements by OMARI, one an article, to page through


def at(text: str, piece: str, nth: int = 0, zone: str = "body") -> Span:
    """The span of the ``nth`` occurrence of ``piece`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Span(start, start + len(piece), piece, zone)  # type: ignore[arg-type]


def _haddad_1() -> Analysis:
    title = "وزير الخارجية يدعو إلى الحوار"
    text = (
        'قال وزير الخارجية سامي الحداد إن "الحوار هو الطريق الوحيد لحل الأزمة". '
        "وأضاف الحداد أن الحكومة ستعقد اجتماعا في 12 آذار المقبل."
    )
    who = Entity("e-haddad", "PER", HADDAD, ("الحداد",), (at(text, HADDAD), at(text, "الحداد", 1)))
    speaker = Speaker(HADDAD, "PER", HADDAD, "e-haddad", "وزير الخارجية", at(text, HADDAD))
    return Analysis(
        Article("haddad-1", text, title, "https://example.org/a/1", OUTLET_A, "2024-03-05"),
        entities=(who,),
        statements=(
            Statement(speaker, at(text, "قال"), at(text, "الحوار هو الطريق الوحيد لحل الأزمة"), "direct"),
            Statement(
                Speaker("الحداد", "PER", HADDAD, "e-haddad", None, at(text, "الحداد", 1)),
                at(text, "وأضاف"),
                at(text, "الحكومة ستعقد اجتماعا في 12 آذار المقبل"),
                "indirect",
            ),
        ),
        dates=(DateMention(at(text, "12 آذار"), "2024-03-12"),),
    )


def _haddad_2() -> Analysis:
    title = "وصول المساعدات إلى المدينة"
    text = (
        "أعلنت منظمة الإغاثة الدولية أن المساعدات وصلت إلى المدينة. "
        'وقال سامي الحداد في مؤتمر صحفي: "سنواصل دعم جهود الإغاثة الدولية في المدينة". '
        'ووصفت الصحيفة ما يسمى "خطة التهدئة" بأنها غامضة.'
    )
    haddad = Entity("e-haddad", "PER", HADDAD, ("الحداد",), (at(text, HADDAD),))
    relief = Entity("e-relief", "ORG", RELIEF, ("الإغاثة الدولية",), (at(text, RELIEF), at(text, "الإغاثة الدولية", 1)))
    return Analysis(
        Article("haddad-2", text, title, "https://example.org/b/2", OUTLET_B, "2024-04-10"),
        entities=(haddad, relief),
        statements=(
            Statement(
                Speaker(RELIEF, "ORG", RELIEF, "e-relief", None, at(text, RELIEF)),
                at(text, "أعلنت"),
                at(text, "المساعدات وصلت إلى المدينة"),
                "indirect",
            ),
            Statement(
                Speaker(HADDAD, "PER", HADDAD, "e-haddad", None, at(text, HADDAD)),
                at(text, "وقال"),
                at(text, HADDAD_SAYS),
                "direct",
            ),
        ),
        framing=(
            FramingMarker(at(text, "ما يسمى"), "loaded-term", "ما يسمى"),
            FramingMarker(at(text, '"خطة التهدئة"'), "scare-quotes", None),
        ),
    )


def _script_article() -> Analysis:
    """An article whose title and text carry markup: it must show as text and nothing may run."""
    title = "<b>عاجل</b> الوضع مستقر <script>window.__pwned = 1</script>"
    text = (
        '<script>window.__pwned = 2</script><img src=x onerror="window.__pwned = 3"> '
        "قالت الناطقة باسم الوزارة ليلى منصور إن الوضع مستقر تماما."
    )
    speaker = Speaker(MANSOUR, "PER", MANSOUR, "e-mansour", "الناطقة باسم الوزارة", at(text, MANSOUR))
    return Analysis(
        Article(SCRIPT_ID, text, title, "javascript:alert(1)", OUTLET_A, "2024-05-20"),
        entities=(Entity("e-mansour", "PER", MANSOUR, (), (at(text, MANSOUR),)),),
        statements=(Statement(speaker, at(text, "قالت"), at(text, "الوضع مستقر تماما"), "indirect"),),
    )


def _routine(n: int) -> Analysis:
    month = 1 + n % 12
    text = f"صرّح المتحدث خالد العمري بأن الاجتماع رقم {n} انتهى بنجاح."
    speaker = Speaker(OMARI, "PER", OMARI, "e-omari", "المتحدث", at(text, OMARI))
    return Analysis(
        Article(
            f"omari-{n:02d}", text, f"اجتماع رقم {n}", None, OUTLET_B if n % 3 else OUTLET_A, f"2023-{month:02d}-15"
        ),
        entities=(Entity("e-omari", "PER", OMARI, ("العمري",), (at(text, OMARI),)),),
        statements=(Statement(speaker, at(text, "صرّح"), at(text, f"الاجتماع رقم {n} انتهى بنجاح"), "indirect"),),
    )


def sample_analyses() -> list[Analysis]:
    return [_haddad_1(), _haddad_2(), _script_article(), *(_routine(n) for n in range(ROUTINE))]


def build_store_db(path: Path) -> str:
    """A SQLite store at ``path`` holding the sample analyses; returns its URL."""
    import marsad

    url = f"sqlite:///{path}"
    with marsad.open_store(url) as store:
        store.add(sample_analyses())
    return url


# --- a hostile store: markup in every field a page shows ------------------------------------------

EVIL_OUTLET = '<i id="evil-outlet">منبر</i>'
EVIL_SPEAKER = '<b id="evil-speaker">نادر#1</b>'  # "#" cuts a link whose path is not encoded
EVIL_ROLE = '<script id="evil-role">window.__pwned = 4</script>'
EVIL_ENTITY = '<u id="evil-entity">هيئة</u>'
EVIL_ALIAS = '<s id="evil-alias">الهيئة</s>'
EVIL_QUOTE = '<em id="evil-quote">الهدوء</em> عاد'
EVIL_TERM = '<mark id="evil-term">المزعوم</mark>'
EVIL_LINK = '<a id="evil-link" href="javascript:alert(1)">اقرأ</a>'
EVIL_TITLE = '<h2 id="evil-title">خبر</h2>'
EVIL_STRINGS = (EVIL_OUTLET, EVIL_SPEAKER, EVIL_ROLE, EVIL_ENTITY, EVIL_ALIAS, EVIL_QUOTE, EVIL_TERM, EVIL_TITLE)
HOSTILE = 21  # statements by EVIL_SPEAKER: more than one page


FILLER = ("الطقس", "السوق", "المدرسة", "الجسر", "النهر", "الحديقة", "المصنع", "الميناء", "الملعب", "المكتبة", "المطار")


def _hostile(n: int) -> Analysis:
    words = " و".join(FILLER[(n * k + k) % len(FILLER)] for k in range(1, 8))  # varied: no near-copies
    text = (
        f'تناول اللقاء {words} في الجلسة {n}. قال {EVIL_SPEAKER} إن "{EVIL_QUOTE} بحسب {EVIL_ENTITY}" '
        f"أو {EVIL_ALIAS} رقم {n}. ووصف الحل {EVIL_TERM}."
    )
    entity = Entity("e-evil", "ORG", EVIL_ENTITY, (EVIL_ALIAS,), (at(text, EVIL_ENTITY), at(text, EVIL_ALIAS)))
    speaker = Speaker(EVIL_SPEAKER, "PER", EVIL_SPEAKER, "e-evil-speaker", EVIL_ROLE, at(text, EVIL_SPEAKER))
    return Analysis(
        Article(
            f"evil-{n:02d}",
            text,
            f"{EVIL_TITLE} {n}",
            f"https://example.org/evil/{n}",
            EVIL_OUTLET,
            f"2024-0{1 + n % 3}-1{n % 10}",
            related=(RelatedLink(EVIL_LINK, "https://example.org/more"),),
        ),
        entities=(entity,),
        statements=(Statement(speaker, at(text, "قال"), at(text, f"{EVIL_QUOTE} بحسب {EVIL_ENTITY}"), "direct"),),
        framing=(FramingMarker(at(text, EVIL_TERM), "loaded-term", EVIL_TERM),),
    )


def hostile_analyses() -> list[Analysis]:
    return [_hostile(n) for n in range(HOSTILE)]


def build_hostile_db(path: Path) -> str:
    """A SQLite store at ``path`` whose articles carry markup in every field; returns its URL."""
    import marsad

    url = f"sqlite:///{path}"
    with marsad.open_store(url) as store:
        store.add(hostile_analyses())
    return url
