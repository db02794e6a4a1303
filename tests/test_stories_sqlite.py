"""Near-duplicates and stories in the SQLite store: screened, recorded, clustered incrementally, listed, searched."""

from __future__ import annotations

from pathlib import Path

from marsad.models import Analysis
from marsad.store.sqlite import SqliteStore
from marsad.store.stories_sqlite import SqliteStories, add
from marsad.store.stories_sqlite_read import get_story, list_stories, near_duplicates, search_stories, story_of
from tests.store_samples import make_article, statement

QUAKE = (
    "زلزال قوي يضرب جنوب تركيا ويوقع عشرات الضحايا",
    "ضرب زلزال بقوة ست درجات جنوب تركيا فجر الجمعة، وأعلنت السلطات سقوط عشرات الضحايا وانهيار مبان في ولاية "
    "هاتاي، فيما تواصل فرق الإنقاذ البحث عن ناجين تحت الأنقاض. وقال وزير الداخلية إن فرق الإنقاذ انتشلت "
    "حتى الآن عشرين ناجيا من تحت الركام، وإن المستشفيات في المنطقة استقبلت مئات المصابين.",
)
QUAKE_OTHER_OUTLET = (
    "فرق الإنقاذ تبحث عن ناجين بعد زلزال هاتاي في تركيا",
    "واصلت فرق الإنقاذ التركية البحث عن ناجين تحت أنقاض المباني المنهارة في ولاية هاتاي بعد الزلزال الذي ضرب "
    "جنوب تركيا، وارتفع عدد الضحايا إلى خمسين. وقال محافظ هاتاي إن الأمطار تعرقل عمل فرق الإنقاذ.",
)
FAIR = (
    "افتتاح معرض الكتاب في الرياض بمشاركة ألف دار نشر",
    "افتتح معرض الكتاب الدولي في الرياض أبوابه أمام الزوار بمشاركة ألف دار نشر من ثلاثين دولة، ويتضمن "
    "برنامجه ندوات وأمسيات شعرية وورشا للأطفال، وقال مدير المعرض إن الإقبال فاق التوقعات في يومه الأول.",
)


def analysis(story: tuple[str, str], outlet: str, published: str, url: str, with_statement: bool = False) -> Analysis:
    title, text = story
    article = make_article(text, title, url=url, outlet=outlet, published=published)
    statements = (statement(article, "وزير الداخلية", "وقال", "إن فرق الإنقاذ انتشلت"),) if with_statement else ()
    return Analysis(article=article, statements=statements)


def quake(outlet: str = "x", url: str = "https://x.example/quake") -> Analysis:
    return analysis(QUAKE, outlet, "2024-03-01T08:00:00+03:00", url, with_statement=True)


def test_near_copy_is_recorded_not_stored(tmp_path: Path) -> None:
    with SqliteStore(str(tmp_path / "m.db")) as store:
        first = quake()
        assert add(store, [first]).stored == 1
        title, text = QUAKE
        edited = text.replace("مئات المصابين", "مئات الجرحى")  # a wire copy with one word changed
        copy = analysis((title, edited), "y", "2024-03-01", "https://y.example/1")
        result = add(store, [copy])
        assert result.stored == 0 and result.duplicates == 1 and result.duplicate_ids == [copy.article.id]
        assert not store.has(copy.article.id)
        dups = near_duplicates(store._conn, of=first.article.id)
        assert dups.total == 1
        assert dups.items[0].id == copy.article.id and dups.items[0].outlet == "y" and dups.items[0].similarity >= 0.9
        assert story_of(store._conn, copy.article.id) == story_of(store._conn, first.article.id)


def test_near_copies_within_one_batch_keep_the_first(tmp_path: Path) -> None:
    with SqliteStore(str(tmp_path / "m.db")) as store:
        a = quake("x", "https://x.example/a")
        title, text = QUAKE
        b = analysis((title, text + " وهذا ما أكدته الوكالة."), "y", "2024-03-01", "https://y.example/b")
        result = add(store, [a, b])
        assert result.stored == 1 and result.duplicate_ids == [b.article.id]
        assert near_duplicates(store._conn).items[0].of == a.article.id


def test_stories_group_outlets_and_list_their_statements(tmp_path: Path) -> None:
    with SqliteStore(str(tmp_path / "m.db")) as store:
        add(store, [quake(), analysis(FAIR, "x", "2024-03-01", "https://x.example/fair")])
        other = analysis(QUAKE_OTHER_OUTLET, "y", "2024-03-02T10:00:00+00:00", "https://y.example/q")
        add(store, [other])  # a later batch joins the stored story
        page = list_stories(store._conn, min_outlets=2)
        assert page.total == 1
        story = page.items[0]
        assert story.size == 2 and story.outlets == ["x", "y"]
        assert {a.id for a in story.articles} == {quake().article.id, other.article.id}
        assert story.first_date == "2024-03-01" and story.last_date == "2024-03-02"
        assert [s.content for s in story.statements["x"]] == ["إن فرق الإنقاذ انتشلت"]
        assert story.label in (QUAKE[0], QUAKE_OTHER_OUTLET[0])
        assert list_stories(store._conn).total == 2
        assert get_story(store._conn, story.id) == get_story(store._conn, story.id)
        assert get_story(store._conn, "nope") is None


def test_stories_are_listed_newest_first_and_paged(tmp_path: Path) -> None:
    with SqliteStore(str(tmp_path / "m.db")) as store:
        add(store, [analysis(FAIR, "x", "2024-01-01", "https://x.example/f")])
        add(store, [quake()])
        page = list_stories(store._conn, limit=1)
        assert page.total == 2 and len(page.items) == 1 and page.items[0].last_date == "2024-03-01"
        assert list_stories(store._conn, limit=1, offset=1).items[0].last_date == "2024-01-01"


def test_search_finds_stories_by_title_words_in_any_spelling(tmp_path: Path) -> None:
    with SqliteStore(str(tmp_path / "m.db")) as store:
        add(store, [quake(), analysis(FAIR, "x", "2024-03-01", "https://x.example/fair")])
        hits = search_stories(store._conn, "والزلزال في تركيا")
        assert hits.total == 1 and hits.items[0].id == quake().article.id
        assert search_stories(store._conn, "معرض الكتاب").items[0].label == FAIR[0]
        assert search_stories(store._conn, "بركان").total == 0


def test_a_new_connection_continues_the_stored_stories(tmp_path: Path) -> None:
    path = str(tmp_path / "m.db")
    with SqliteStore(path) as store:
        add(store, [quake()])
    with SqliteStore(path) as store:
        other = analysis(QUAKE_OTHER_OUTLET, "y", "2024-03-02", "https://y.example/q")
        add(store, [other])
        assert story_of(store._conn, other.article.id) == quake().article.id
        row = store._conn.execute("SELECT value FROM story_meta WHERE key = 'docs'").fetchone()
        assert row[0] == 2


def test_backfill_indexes_articles_stored_without_stories(tmp_path: Path) -> None:
    with SqliteStore(str(tmp_path / "m.db")) as store:
        add(store, [quake(), analysis(FAIR, "x", "2024-03-01", "https://x.example/fair")])
        for table in ("story_members", "stories", "stories_fts", "story_df", "story_meta", "minhash", "minhash_bands"):
            store._conn.execute(f"DELETE FROM {table}")  # as if stored before the stories tables existed
        assert list_stories(store._conn).total == 0
        assert SqliteStories(store._conn).backfill() == 2
        assert list_stories(store._conn).total == 2
        assert store._conn.execute("SELECT count(*) FROM minhash").fetchone()[0] == 2
        assert SqliteStories(store._conn).backfill() == 0


def test_adding_the_same_articles_again_changes_nothing(tmp_path: Path) -> None:
    with SqliteStore(str(tmp_path / "m.db")) as store:
        add(store, [quake()])
        again = add(store, [quake()])
        assert again.stored == 0 and again.duplicates == 1
        assert list_stories(store._conn).total == 1
        assert near_duplicates(store._conn).total == 0  # an exact re-add is the store's duplicate, not a copy
