"""The SQLite store: migrations, idempotent adds, round trips, Arabic-aware search and filters."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from store_samples import all_samples, king, make_article, plan, report, speech

from marsad.models import Analysis
from marsad.settings import Settings
from marsad.store import StoreURLError, open_store, sqlite_path
from marsad.store.base import Query, Store
from marsad.store.sqlite import SqliteStore
from marsad.store.sqlite_migrate import Migration, migrate, migrations


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """The sample articles in a new store, once per backend (SQLite, PostgreSQL)."""
    s = open_store(store_url)
    s.add(all_samples())
    yield s
    s.close()


def article_ids(store: Store, text: str, **kw: object) -> set[str]:
    return {h.id for h in store.search_articles(Query(text=text, what="articles", **kw)).items}  # type: ignore[arg-type]


# ---- schema ---------------------------------------------------------------------------------------


def test_migrations_are_numbered_and_recorded_once(tmp_path: Path) -> None:
    path = str(tmp_path / "m.db")
    SqliteStore(path).close()
    SqliteStore(path).close()
    conn = sqlite3.connect(path)
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [m.version for m in migrations()]
    assert versions[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_failing_migration_leaves_no_trace(tmp_path: Path) -> None:
    conn = sqlite3.connect(str(tmp_path / "x.db"), isolation_level=None)
    good = Migration(1, "good", "CREATE TABLE a (x INTEGER);")
    bad = Migration(2, "bad", "CREATE TABLE b (x INTEGER);\nINSERT INTO nowhere VALUES (1);")
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, [good, bad])
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "a" in tables and "b" not in tables
    assert [r[0] for r in conn.execute("SELECT version FROM schema_migrations")] == [1]


def test_migration_statements_split_on_complete_statements() -> None:
    mig = Migration(1, "x", "-- comment\nCREATE TABLE a (x TEXT DEFAULT ';');\n\nCREATE INDEX i ON a (x);\n")
    assert mig.statements() == ["CREATE TABLE a (x TEXT DEFAULT ';');", "CREATE INDEX i ON a (x);"]


# ---- adding ---------------------------------------------------------------------------------------


def test_adding_the_same_article_twice_stores_it_once(store: Store) -> None:
    again = store.add([plan(), report()])
    assert again.stored == 0 and again.duplicates == 2
    assert store.count()["articles"] == 4


def test_an_article_with_the_same_canonical_url_is_a_duplicate(store: Store) -> None:
    a = make_article("نص مختلف تماما عن الخطة.", url="https://example.org/news/plan", record_id="other-id")
    result = store.add([Analysis(a)])
    assert result.stored == 0 and result.duplicate_ids == ["other-id"]


def test_an_article_with_the_same_text_but_other_diacritics_is_a_duplicate(store: Store) -> None:
    text = king().article.text.replace("َ", "").replace("ُ", "")
    result = store.add([Analysis(make_article(text, record_id="king-2"))])
    assert result.stored == 0


def test_duplicates_inside_one_batch_are_stored_once(tmp_path: Path) -> None:
    s = SqliteStore(str(tmp_path / "b.db"))
    result = s.add([report(), report(), plan()])
    assert (result.stored, result.duplicates) == (2, 1)


def test_get_round_trips_the_article_document(store: Store) -> None:
    original = speech()
    back = store.get(original.article.id)
    assert back is not None
    assert back.to_dict() == original.to_dict()
    assert store.get("missing") is None


def test_has_and_stored_ids(store: Store) -> None:
    assert store.has("rep-1") and not store.has("nope")
    assert store.stored_ids(["rep-1", "nope", "king-1"]) == {"rep-1", "king-1"}


def test_counts_and_outlets(store: Store) -> None:
    counts = store.count()
    assert counts["articles"] == 4 and counts["statements"] == 3 and counts["entities"] == 4
    assert counts["mentions"] == 5
    assert store.outlets() == [("alpha", 2), ("beta", 1), ("gamma", 1)]


def test_iter_analyses_yields_every_article_in_insertion_order(store: Store) -> None:
    assert [a.article.id for a in store.iter_analyses()] == [a.article.id for a in all_samples()]


def test_two_writers_on_one_database_store_each_article_once(store_url: str) -> None:
    """Both backends, and both open the new database at once (migrations wait for each other)."""
    batches = [[plan(), speech()], [speech(), report()], [report(), king(), plan()]]
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            s = open_store(store_url)
            for _ in range(3):
                for batch in batches:
                    s.add(batch)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)
        else:
            s.close()

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(store_url) as s:
        assert s.count()["articles"] == 4 and s.count()["statements"] == 3


# ---- searching articles -------------------------------------------------------------------------


def test_hamza_spelling_does_not_stop_a_match(store: Store) -> None:
    assert plan().article.id in article_ids(store, "اسرائيل")


def test_compound_names_match_written_joined_or_apart(store: Store) -> None:
    sid = speech().article.id
    assert sid in article_ids(store, "نصرالله")
    assert sid in article_ids(store, "نصر الله")
    assert "king-1" in article_ids(store, "عبدالله")


def test_a_bare_word_finds_its_clitic_fused_forms(store: Store) -> None:
    assert "rep-1" in article_ids(store, "الميادين")  # للميادين
    assert "rep-1" in article_ids(store, "ميادين")
    assert "rep-1" in article_ids(store, "إسرائيل")  # وإسرائيل


def test_diacritics_in_the_query_or_the_text_do_not_stop_a_match(store: Store) -> None:
    assert "king-1" in article_ids(store, "الأردن يدعم")
    assert plan().article.id in article_ids(store, "إسرائيلَ")


def test_every_word_must_match(store: Store) -> None:
    assert article_ids(store, "اسرائيل الوفد") == {"rep-1"}


def test_quoted_phrases_match_the_exact_normalised_form(store: Store) -> None:
    assert article_ids(store, '"المدن الساحلية"') == {plan().article.id}
    assert article_ids(store, '"الساحلية المدن"') == set()


def test_a_query_without_words_finds_nothing(store: Store) -> None:
    assert article_ids(store, " ،. ") == set()
    assert store.search_statements(Query(text="؟")).total == 0


def test_related_links_are_not_searched(store: Store) -> None:
    assert article_ids(store, "الطقس") == set()


def test_title_matches_rank_before_body_matches(store: Store) -> None:
    hits = store.search_articles(Query(text="الوفد", what="articles")).items
    assert hits[0].id == "rep-1"
    ranked = [h.id for h in store.search_articles(Query(text="إسرائيل", what="articles")).items]
    assert ranked[0] == plan().article.id  # in its title


def test_article_hits_carry_a_snippet_as_written(store: Store) -> None:
    (hit,) = store.search_articles(Query(text="الاردن", what="articles")).items
    assert "الأردنَّ" in hit.snippet
    assert hit.outlet == "gamma" and hit.published == "2023-12-31"


def test_article_filters_outlet_and_dates(store: Store) -> None:
    assert article_ids(store, "", outlet="ALPHA") == {plan().article.id, "rep-1"}
    assert article_ids(store, "", since="2024-03-02") == {speech().article.id, "rep-1"}
    assert article_ids(store, "", until="2024-03") == {plan().article.id, speech().article.id, "king-1"}
    assert article_ids(store, "", since="2024", until="2024-03-01") == {plan().article.id}


def test_article_filter_by_entity_and_speaker_any_spelling(store: Store) -> None:
    assert article_ids(store, "", entity="نصرالله") == {speech().article.id}
    assert article_ids(store, "", speaker="السيد حسن نصر الله") == {speech().article.id}
    assert article_ids(store, "", speaker="عبدالله الثاني") == {"king-1"}


def test_pages_report_the_total_and_respect_limit_and_offset(store: Store) -> None:
    first = store.search_articles(Query(what="articles", limit=3))
    second = store.search_articles(Query(what="articles", limit=3, offset=3))
    assert first.total == second.total == 4
    assert len(first.items) == 3 and len(second.items) == 1
    assert first.items[0].id == "rep-1"  # newest first without query text


# ---- searching statements -----------------------------------------------------------------------


def statement_texts(store: Store, **kw: object) -> set[str]:
    page = store.search_statements(Query(**kw))  # type: ignore[arg-type]
    return {h.statement.content.text for h in page.items}


def test_statement_search_by_content_text(store: Store) -> None:
    assert statement_texts(store, text="مستعدة") == {"المقاومة مستعدة للدفاع عن لبنان"}
    assert statement_texts(store, text="إسرائيل") == {"إسرائيل ستبدأ العمل بالخطة الأسبوع المقبل"}
    assert statement_texts(store, text="الخطة") == {"إسرائيل ستبدأ العمل بالخطة الأسبوع المقبل"}  # بالخطة


def test_statement_filter_by_speaker_ignores_honorifics_and_compound_spelling(store: Store) -> None:
    expected = {"المقاومة مستعدة للدفاع عن لبنان"}
    for name in ("نصر الله", "نصرالله", "حسن نصر الله", "سماحة السيد حسن نصرالله"):
        assert statement_texts(store, speaker=name) == expected, name
    assert statement_texts(store, speaker="الملك عبد الله") == {"الأردنَّ يدعمُ الحوارَ بين الجيران"}
    assert statement_texts(store, speaker="روحاني") == set()


def test_statement_filter_by_entity_takes_what_it_says_and_what_mentions_it(store: Store) -> None:
    assert statement_texts(store, entity="لبنان") == {"المقاومة مستعدة للدفاع عن لبنان"}  # mentioned inside
    assert statement_texts(store, entity="نصرالله") == {"المقاومة مستعدة للدفاع عن لبنان"}  # the speaker
    assert statement_texts(store, entity="حزب الله") == set()  # named in the article, not in the statement


def test_statement_hits_rebuild_the_statement(store: Store) -> None:
    (hit,) = store.search_statements(Query(speaker="نصرالله")).items
    original = speech().statements[0]
    assert hit.statement == original
    assert hit.index == 0 and hit.article_id == speech().article.id and hit.outlet == "beta"


def test_statement_filters_by_kind_and_date(store: Store) -> None:
    assert statement_texts(store, kind="direct") == set()
    assert len(statement_texts(store, kind="indirect")) == 3
    assert statement_texts(store, until="2023") == {"الأردنَّ يدعمُ الحوارَ بين الجيران"}


# ---- entities ------------------------------------------------------------------------------------


def test_entities_are_grouped_across_articles_by_folded_canonical_name(tmp_path: Path) -> None:
    s = SqliteStore(str(tmp_path / "e.db"))
    other = speech()
    more = (  # enough new text that the copy is not a near-duplicate (marsad.dedup), which would not be stored
        "\nوتابع الخطاب بالحديث عن الوضع الاقتصادي في البلاد وعن خطط الحكومة المقبلة لإصلاح قطاع الكهرباء"
        " والمياه وتحسين الخدمات العامة في المدن والقرى النائية، ودعا النقابات إلى الحوار قبل أي إضراب جديد."
    )
    moved = replace(other.article, id="copy", url=None, text=other.article.text + more)
    renamed = other.entities[0].__class__("x1", "PER", "حسن نصرالله", ("أبو هادي",), other.entities[0].mentions)
    s.add([other, Analysis(moved, entities=(renamed,), statements=other.statements)])
    page = s.entities("نصر الله")
    assert page.total == 1
    (summary,) = page.items
    assert summary.articles == 2 and summary.type == "PER"
    assert {"نصرالله", "أبو هادي"} <= set(summary.aliases)
    assert summary.statements == 1  # the copy's statement points at e1, which is not x1


# ---- opening -------------------------------------------------------------------------------------


def test_open_store_reads_sqlite_and_postgresql_urls_and_refuses_others(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    path = tmp_path / "o.db"
    with open_store(f"sqlite:///{path}") as s:
        assert s.url == f"sqlite:///{path}"
    assert path.exists()
    with open_store(None, Settings(db=f"sqlite:///{tmp_path / 'd.db'}")):
        pass
    assert (tmp_path / "d.db").exists()
    with pytest.raises(StoreURLError):
        open_store("mysql://x")
    assert sqlite_path("sqlite:///rel/m.db") == "rel/m.db"
    assert sqlite_path("sqlite:////abs/m.db") == "/abs/m.db"
    from tests import pg

    pg_url = pg.fresh_database(request.getfixturevalue("pg_server"))  # skips here without PostgreSQL
    with open_store(pg_url) as s:
        assert type(s).__name__ == "PostgresStore" and s.url == pg_url


def test_prepared_adds_equal_plain_adds_and_other_objects_are_refused(tmp_path: Path) -> None:
    s = SqliteStore(str(tmp_path / "p.db"))
    prepare = s.preparer()
    result = s.add_prepared([prepare(a) for a in all_samples()])
    assert result.stored == 4
    assert [a.to_dict() for a in s.iter_analyses()] == [a.to_dict() for a in all_samples()]
    with pytest.raises(TypeError):
        s.add_prepared([plan()])
