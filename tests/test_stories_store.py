"""Near-duplicates and stories through the ``Store`` interface, on SQLite and PostgreSQL (``store_url``).

The same behaviours as tests/test_stories_sqlite.py, written once for every backend
(``marsad.store.stories_store``, ``stories_read``).  The PostgreSQL cases need ``PostgresStore`` to call
``marsad.store.stories_postgres`` (the hook in ``add_prepared`` and ``stories``/``story``/``near_duplicates``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marsad.models import Analysis
from marsad.store import open_store
from marsad.store.base import Store
from marsad.store.sqlite import SqliteStore
from marsad.store.stories_sqlite import SqliteStories
from tests.test_stories_sqlite import FAIR, QUAKE, QUAKE_OTHER_OUTLET, analysis, quake

QUAKE_LATER = (
    "ارتفاع عدد ضحايا زلزال جنوب تركيا إلى ستين",
    "ارتفع عدد ضحايا الزلزال الذي ضرب ولاية هاتاي جنوب تركيا إلى ستين، وقالت فرق الإنقاذ إنها ما زالت تبحث عن "
    "ناجين تحت أنقاض المباني المنهارة، فيما أعلنت السلطات التركية الحداد ثلاثة أيام.",
)
STORY_TABLES = ("story_members", "stories", "story_df", "story_meta", "minhash_bands", "minhash")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    yield s
    s.close()


def wire_copy(outlet: str = "y", url: str = "https://y.example/1") -> Analysis:
    """QUAKE as another outlet republished it, one word changed."""
    title, text = QUAKE
    return analysis((title, text.replace("مئات المصابين", "مئات الجرحى")), outlet, "2024-03-01", url)


def other_outlet() -> Analysis:
    return analysis(QUAKE_OTHER_OUTLET, "y", "2024-03-02T10:00:00+00:00", "https://y.example/q")


def fair(published: str = "2024-03-01") -> Analysis:
    return analysis(FAIR, "x", published, "https://x.example/fair")


def test_a_near_copy_is_recorded_not_stored(store: Store) -> None:
    first = quake()
    assert store.add([first]).stored == 1
    copy = wire_copy()
    result = store.add([copy])
    assert result.stored == 0 and result.duplicates == 1 and result.duplicate_ids == [copy.article.id]
    assert not store.has(copy.article.id)
    dups = store.near_duplicates(of=first.article.id)
    assert dups.total == 1
    assert dups.items[0].id == copy.article.id and dups.items[0].of == first.article.id
    assert dups.items[0].outlet == "y" and dups.items[0].similarity >= 0.9
    story = store.story(first.article.id)
    assert story is not None and [c.id for c in story.copies] == [copy.article.id]
    assert story.outlets == ["x", "y"]  # the copy's outlet counts as reporting it


def test_near_copies_within_one_batch_keep_the_first(store: Store) -> None:
    a = quake("x", "https://x.example/a")
    title, text = QUAKE
    b = analysis((title, text + " وهذا ما أكدته الوكالة."), "y", "2024-03-01", "https://y.example/b")
    result = store.add([a, b])
    assert result.stored == 1 and result.duplicate_ids == [b.article.id]
    assert [c.of for c in store.near_duplicates().items] == [a.article.id]


def test_stories_group_outlets_and_list_their_statements(store: Store) -> None:
    store.add([quake(), fair()])
    other = other_outlet()
    store.add([other])  # a later batch joins the stored story
    page = store.stories(min_outlets=2)
    assert page.total == 1
    story = page.items[0]
    assert story.size == 2 and story.outlets == ["x", "y"]
    assert [a.id for a in story.articles] == [quake().article.id, other.article.id]  # by publication date
    assert story.first_date == "2024-03-01" and story.last_date == "2024-03-02"
    assert [s.content for s in story.statements["x"]] == ["إن فرق الإنقاذ انتشلت"]
    assert story.label in (QUAKE[0], QUAKE_OTHER_OUTLET[0])
    assert store.stories().total == 2
    shown = store.story(story.id)
    assert shown is not None and shown.articles == story.articles and shown.copies == story.copies
    assert store.story("nope") is None


def test_stories_are_listed_newest_first_and_paged(store: Store) -> None:
    store.add([fair("2024-01-01")])
    store.add([quake()])
    page = store.stories(limit=1)
    assert page.total == 2 and len(page.items) == 1 and page.items[0].last_date == "2024-03-01"
    assert store.stories(limit=1, offset=1).items[0].last_date == "2024-01-01"


def test_search_finds_stories_by_title_words_in_any_spelling(store: Store) -> None:
    store.add([quake(), fair()])
    hits = store.stories("والزلزال في تركيا")  # a proclitic, the article and a stop word
    assert hits.total == 1 and hits.items[0].id == quake().article.id
    assert store.stories("معرض الكتاب").items[0].label == FAIR[0]
    assert store.stories("بركان").total == 0
    assert store.stories("في").total == 2  # no content word: the list


def test_search_ignores_the_accents_of_latin_words(store: Store) -> None:
    title, text = FAIR
    store.add([analysis((title + " Café Olé", text), "x", "2024-03-01", "https://x.example/fair")])
    assert store.stories("cafe ole").total == 1
    assert store.stories("Café").total == 1


def test_writers_take_turns_on_one_story(store_url: str) -> None:
    """Two store objects open at once (two processes): each loads what the other wrote before it adds."""
    third = analysis(QUAKE_LATER, "z", "2024-03-02T18:00:00+03:00", "https://z.example/later")
    with open_store(store_url) as one, open_store(store_url) as two:
        one.add([quake()])
        two.add([other_outlet()])
        one.add([third])  # the first writer's state must hold the second's member to count it
        story = two.story(quake().article.id)
        assert story is not None and story.size == 3 and story.outlets == ["x", "y", "z"]
        assert [a.id for a in story.articles] == [quake().article.id, other_outlet().article.id, third.article.id]
        assert one.stories().total == two.stories().total == 1


def test_adding_the_same_articles_again_changes_nothing(store: Store) -> None:
    store.add([quake()])
    again = store.add([quake()])
    assert again.stored == 0 and again.duplicates == 1
    assert store.stories().total == 1
    assert store.near_duplicates().total == 0  # an exact re-add is the store's duplicate, not a copy


def _forget_stories(store: Store) -> int:
    """Empty the story tables as if the articles had been stored before them; then backfill them."""
    if isinstance(store, SqliteStore):
        for table in (*STORY_TABLES, "stories_fts"):
            store._conn.execute(f"DELETE FROM {table}")
        return SqliteStories(store._conn).backfill()
    import psycopg

    from marsad.store.postgres import PostgresStore

    assert isinstance(store, PostgresStore)
    with psycopg.connect(store.url, autocommit=True) as conn:
        for table in STORY_TABLES:
            conn.execute(f"DELETE FROM {table}")  # type: ignore[arg-type]
    store.story_state.reset()
    with store._pool.connection() as conn:
        return store.story_state.backfill_with(conn)  # type: ignore[no-any-return]


def test_backfill_indexes_articles_stored_without_stories(store: Store) -> None:
    store.add([quake(), fair()])
    before = [s.id for s in store.stories().items]
    assert _forget_stories(store) == 2
    assert [s.id for s in store.stories().items] == before
    assert store.stories("معرض").total == 1
    store.add([wire_copy()])  # the backfilled signatures screen later copies
    assert store.near_duplicates().total == 1
