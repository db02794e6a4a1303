"""Stories and near-duplicates on PostgreSQL with several writers: serialised, reloaded, never diverging.

Two writers (two ``PostgresStore`` objects: two pools and two in-memory clustering states, as two
``marsad ingest`` processes have) add interleaved batches at once, with near-copies of each other's
articles.  Afterwards the database must hold what one writer adding the same articles in commit
order would have made, and each writer's state must equal the state rebuilt from the database.
The articles are generated: pseudo-words drawn per event, so that each event is its own story.
All cases need ``PostgresStore`` hooked to ``marsad.store.stories_postgres``.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from collections.abc import Callable

import pytest

psycopg = pytest.importorskip("psycopg")  # the postgres extra

from marsad.models import Analysis  # noqa: E402
from marsad.store import open_store  # noqa: E402
from marsad.store.postgres import PostgresStore  # noqa: E402
from marsad.store.stories_store import StoryState, assign_as_stored  # noqa: E402
from marsad.stories import StoryIndex, item_of  # noqa: E402
from tests.store_samples import make_article  # noqa: E402

LETTERS = "بتثجحخدذرزسشصضطظعغفقكمنهي"
EVENTS = 8
PER_EVENT = 12
OUTLETS = ("a", "b", "c")
BATCH = 6


def _words(rng: random.Random, n: int, taken: set[str]) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        w = "".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 6)))
        if w not in taken:
            taken.add(w)
            out.append(w)
    return out


def corpus(seed: int = 3) -> tuple[list[Analysis], list[tuple[str, str]]]:
    """Articles about ``EVENTS`` events over a fortnight, and near-copies of some (``(original, copy)`` ids)."""
    rng = random.Random(seed)
    taken: set[str] = set()
    common = _words(rng, 80, taken)
    out: list[Analysis] = []
    pairs: list[tuple[str, str]] = []
    for e in range(EVENTS):
        vocab = _words(rng, 30, taken)
        for i in range(PER_EVENT):
            text = " ".join(rng.choices(vocab, k=80) + rng.sample(common, 60) + rng.choices(vocab, k=60) + ["."])
            title = " ".join(rng.sample(vocab, 6))
            day = f"2024-05-{1 + 2 * e + i % 3:02d}"
            outlet = OUTLETS[i % len(OUTLETS)]
            art = make_article(text, title, url=f"https://{outlet}.example/{e}/{i}", outlet=outlet, published=day)
            out.append(Analysis(article=art))
            if i % 4 == 1:  # a copy with one word added, by another outlet (similarity about 0.99)
                ctext = text[:-1] + rng.choice(common) + " ."
                copy = make_article(ctext, title, url=f"https://copy.example/{e}/{i}", outlet="copy", published=day)
                out.append(Analysis(article=copy))
                pairs.append((art.id, copy.id))
    return out, pairs


def streams(analyses: list[Analysis]) -> tuple[list[Analysis], list[Analysis]]:
    """Two writers' inputs: alternate articles, so each copy goes to the other writer than its original."""
    return analyses[0::2], analyses[1::2]


@pytest.fixture
def pg_url(pg_server: str) -> str:
    from tests import pg

    return pg.fresh_database(pg_server)


def _pg(store: PostgresStore) -> psycopg.Connection:
    return psycopg.connect(store.url, autocommit=True)


def in_batches(store: PostgresStore, analyses: list[Analysis], start: threading.Barrier | None = None) -> None:
    if start is not None:
        start.wait()
    for i in range(0, len(analyses), BATCH):
        store.add(analyses[i : i + BATCH])


def run_threads(*jobs: Callable[[], None]) -> None:
    errors: list[BaseException] = []

    def guarded(job: Callable[[], None]) -> None:
        try:
            job()
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(j,)) for j in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors


def stored_story_of(conn: psycopg.Connection) -> dict[str, str]:
    rows = conn.execute(
        "SELECT a.id, s.id FROM story_members m JOIN articles a ON a.rowid = m.article_rowid"
        " JOIN stories s ON s.rowid = m.story_rowid"
    )
    return {str(a): str(s) for a, s in rows}


def check_consistent(store: PostgresStore, analyses: list[Analysis], pairs: list[tuple[str, str]]) -> dict[str, str]:
    """What one writer adding the stored articles in commit order would have made; returns article → story."""
    by_id = {a.article.id: a for a in analyses}
    with _pg(store) as conn:
        stored = [str(r[0]) for r in conn.execute("SELECT id FROM articles ORDER BY rowid")]
        near = {
            str(r[0]): str(r[1])
            for r in conn.execute("SELECT d.id, a.id FROM near_duplicates d JOIN articles a ON a.rowid = d.of_rowid")
        }
        assert len(stored) + len(near) == len(analyses)
        for original, copy in pairs:  # whichever writer came first, one is stored and the other points to it
            assert (original in stored) != (copy in stored)
            kept, dropped = (original, copy) if original in stored else (copy, original)
            assert near[dropped] == kept
        story_of = stored_story_of(conn)
        assert sorted(story_of) == sorted(stored)  # every stored article in exactly one story
        sizes = dict(conn.execute("SELECT s.id, s.size FROM stories s").fetchall())
        assert sizes == dict(Counter(story_of.values()))
        assert conn.execute("SELECT value FROM story_meta WHERE key = 'docs'").fetchone()[0] == len(stored)
        df = Counter(t for aid in stored for t in set(item_of(by_id[aid]).counts))
        assert dict(conn.execute("SELECT term, df FROM story_df").fetchall()) == dict(df)
    replay = StoryIndex()
    for aid in stored:
        assign_as_stored(replay, item_of(by_id[aid]))
    assert replay.story_of == story_of
    return story_of


def state_after_sync(store: PostgresStore) -> StoryState:
    with store._pool.connection() as conn, store.story_state.writing(conn) as st:
        st.sync()
    return store.story_state


def test_two_writers_at_once_cluster_as_one_writer_in_commit_order(pg_url: str) -> None:
    analyses, pairs = corpus()
    one_input, two_input = streams(analyses)
    start = threading.Barrier(2)
    with open_store(pg_url) as one, open_store(pg_url) as two:
        assert isinstance(one, PostgresStore) and isinstance(two, PostgresStore)
        run_threads(lambda: in_batches(one, one_input, start), lambda: in_batches(two, two_input, start))
        story_of = check_consistent(one, analyses, pairs)
        for writer in (one, two):  # neither in-memory state diverged from the database
            assert state_after_sync(writer).index.story_of == story_of
    assert len(set(story_of.values())) >= EVENTS  # the check is not vacuous: there are stories and copies
    assert len(story_of) <= len(analyses) - len(pairs)


def test_threads_sharing_one_store_take_turns(pg_url: str) -> None:
    analyses, pairs = corpus(seed=5)
    one_input, two_input = streams(analyses)
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore)
        run_threads(lambda: in_batches(store, one_input), lambda: in_batches(store, two_input))
        assert state_after_sync(store).index.story_of == check_consistent(store, analyses, pairs)


def test_a_failed_write_leaves_no_trace_and_the_state_is_rebuilt(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    analyses, _ = corpus()
    first, second = analyses[0], analyses[2]  # two articles of one event
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore)
        store.add([first])
        real = StoryState._write_stories

        def broken(self: StoryState, *args: object) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr(StoryState, "_write_stories", broken)
        with pytest.raises(RuntimeError):
            store.add([second])
        assert not store.has(second.article.id)
        assert len(store.story_state.index) == 0  # forgotten: it held the rolled-back member
        monkeypatch.setattr(StoryState, "_write_stories", real)
        assert store.add([second]).stored == 1
        story = store.story(first.article.id)
        assert story is not None and [a.id for a in story.articles] == [first.article.id, second.article.id]


def test_a_writer_sees_a_near_copy_stored_by_another_since_it_last_wrote(pg_url: str) -> None:
    analyses, pairs = corpus()
    by_id = {a.article.id: a for a in analyses}
    original, copy = pairs[0]
    with open_store(pg_url) as one, open_store(pg_url) as two:
        one.add([by_id[original]])
        result = two.add([by_id[copy]])
        assert result.duplicate_ids == [copy]
        assert one.add([by_id[copy]]).duplicate_ids == [copy]  # the first writer sees it was recorded
    with open_store(pg_url) as fresh:
        assert [c.id for c in fresh.near_duplicates(of=original).items] == [copy]
