"""Story clustering: TF-IDF over folded stems plus entities, a time window, deterministic and incremental."""

from __future__ import annotations

from marsad.models import Analysis, Article, Entity
from marsad.stories import (
    DocFreq,
    Member,
    StoryIndex,
    StoryItem,
    day_number,
    entity_key,
    item_of,
    stems,
    term_counts,
    vector,
)

QUAKE_1 = (
    "زلزال قوي يضرب جنوب تركيا ويوقع عشرات الضحايا",
    "ضرب زلزال بقوة ست درجات جنوب تركيا فجر الجمعة، وأعلنت السلطات سقوط عشرات الضحايا وانهيار مبان "
    "في ولاية هاتاي، فيما تواصل فرق الإنقاذ البحث عن ناجين تحت الأنقاض.",
)
QUAKE_2 = (
    "فرق الإنقاذ تبحث عن ناجين بعد زلزال هاتاي في تركيا",
    "واصلت فرق الإنقاذ التركية البحث عن ناجين تحت أنقاض المباني المنهارة في ولاية هاتاي بعد الزلزال "
    "الذي ضرب جنوب تركيا، وارتفع عدد الضحايا إلى خمسين.",
)
QUAKE_3 = (
    "ارتفاع حصيلة ضحايا زلزال جنوب تركيا",
    "قالت السلطات إن حصيلة ضحايا الزلزال الذي ضرب ولاية هاتاي جنوب تركيا ارتفعت، وإن فرق الإنقاذ "
    "انتشلت ناجين من تحت الأنقاض.",
)
FAIR = (
    "افتتاح معرض الكتاب في الرياض بمشاركة ألف دار نشر",
    "افتتح معرض الكتاب الدولي في الرياض أبوابه أمام الزوار بمشاركة ألف دار نشر من ثلاثين دولة، "
    "ويتضمن برنامجه ندوات وأمسيات شعرية وورشا للأطفال.",
)


def item(
    aid: str, story: tuple[str, str], published: str | None, outlet: str = "a", ents: tuple[str, ...] = ()
) -> StoryItem:
    title, text = story
    return StoryItem(aid, day_number(published), outlet, title, term_counts(title, text, ents))


def test_stems_fold_strip_clitics_split_compounds_and_drop_digits() -> None:
    assert stems("وللمفاوضات والأمم في 2024") == ["مفاوضات", "امم"]
    assert stems("حسن نصرالله") == stems("حسن نصر الله") == ["حسن", "نصر"]


def test_title_words_and_entities_weigh_more() -> None:
    counts = term_counts("زلزال", "زلزال في تركيا", ["حسن نصر الله"])
    assert counts["زلزال"] == 1 + 3
    assert counts["تركيا"] == 1
    assert counts[entity_key("حسن نصرالله")] == 2


def test_day_number_reads_iso_dates_and_refuses_the_rest() -> None:
    assert day_number("1970-01-02T10:00:00+03:00") == 1
    assert day_number("2024-03-01") is not None and day_number("2024-03-02") == day_number("2024-03-01") + 1  # type: ignore[operator]
    assert day_number("yesterday") is None and day_number(None) is None and day_number("2024-13-40") is None


def test_vector_is_unit_length_and_keeps_the_heaviest_terms() -> None:
    df = DocFreq()
    counts = term_counts(*QUAKE_1)
    df.add(counts)
    v = vector(counts, df, top=5)
    assert len(v) == 5
    assert abs(sum(w * w for w in v.values()) - 1.0) < 1e-9
    assert "زلزال" in v


def test_reports_of_one_event_from_two_outlets_join_one_story() -> None:
    index = StoryIndex()
    a1 = index.assign(item("q1", QUAKE_1, "2024-03-01", "x"))
    fair = index.assign(item("f1", FAIR, "2024-03-01", "x"))
    a2 = index.assign(item("q2", QUAKE_2, "2024-03-02", "y"))
    a3 = index.assign(item("q3", QUAKE_3, "2024-03-03", "z"))
    assert a1.new and a1.story_id == "q1"
    assert fair.new and fair.story_id == "f1"
    assert not a2.new and a2.story_id == "q1" and a2.score >= index.threshold
    assert a3.story_id == "q1"
    story = index.stories["q1"]
    assert [m.id for m in story.members] == ["q1", "q2", "q3"]
    assert story.outlets == ["x", "y", "z"]
    assert story.days == (day_number("2024-03-01"), day_number("2024-03-03"))


def test_the_same_event_outside_the_window_opens_a_new_story() -> None:
    index = StoryIndex(window_days=3)
    index.assign(item("q1", QUAKE_1, "2024-03-01"))
    late = index.assign(item("q2", QUAKE_2, "2024-03-09"))
    assert late.new and late.story_id == "q2"


def test_a_threshold_of_one_keeps_every_article_apart() -> None:
    index = StoryIndex(threshold=1.01)
    index.assign_all([item("q1", QUAKE_1, "2024-03-01"), item("q2", QUAKE_2, "2024-03-01")])
    assert len(index) == 2


def test_clustering_is_deterministic_for_the_same_order() -> None:
    items = [
        item("q1", QUAKE_1, "2024-03-01", "x"),
        item("f1", FAIR, "2024-03-01", "y"),
        item("q2", QUAKE_2, "2024-03-02", "y"),
        item("q3", QUAKE_3, "2024-03-02", "z"),
    ]
    first = StoryIndex().assign_all(items)
    second = StoryIndex().assign_all(items)
    assert first == second


def test_an_article_already_placed_keeps_its_story() -> None:
    index = StoryIndex()
    index.assign(item("q1", QUAKE_1, "2024-03-01"))
    again = index.assign(item("q1", FAIR, "2024-03-01"))
    assert again.story_id == "q1" and not again.new
    assert index.docfreq.n == 1


def test_label_is_the_title_closest_to_the_centroid() -> None:
    index = StoryIndex(threshold=0.0)
    index.assign_all(
        [item("q1", QUAKE_1, "2024-03-01"), item("q2", QUAKE_2, "2024-03-01"), item("q3", QUAKE_3, "2024-03-01")]
    )
    story = index.stories["q1"]
    norm = story.norm

    def cos(m: Member) -> float:
        return sum(w * story.centroid.get(t, 0.0) for t, w in m.vector.items()) / norm

    best = max(story.members, key=cos)
    assert story.label() == best.title


def test_undated_articles_cluster_among_themselves() -> None:
    index = StoryIndex()
    index.assign(item("q1", QUAKE_1, "2024-03-01"))
    undated = index.assign(item("q2", QUAKE_2, None))
    assert undated.new
    assert index.assign(item("q3", QUAKE_3, None)).story_id == "q2"


def test_state_restored_from_members_gives_the_same_next_assignment() -> None:
    live = StoryIndex()
    live.assign_all([item("q1", QUAKE_1, "2024-03-01", "x"), item("f1", FAIR, "2024-03-01", "x")])
    restored = StoryIndex()
    restored.docfreq = DocFreq(live.docfreq.n, live.docfreq.df.copy())
    for story in live.stories.values():
        for m in story.members:
            restored.place(m, story.id)
    nxt = item("q2", QUAKE_2, "2024-03-02", "y")
    assert restored.assign(nxt) == live.assign(nxt)


def test_shared_entities_raise_the_similarity() -> None:
    plain, boosted = StoryIndex(threshold=0.0), StoryIndex(threshold=0.0)
    names = ("رجب طيب أردوغان", "الهلال الأحمر التركي")
    plain.assign(item("q1", QUAKE_1, "2024-03-01"))
    boosted.assign(item("q1", QUAKE_1, "2024-03-01", ents=names))
    without = plain.assign(item("q3", QUAKE_3, "2024-03-01"))
    with_ = boosted.assign(item("q3", QUAKE_3, "2024-03-01", ents=names))
    assert with_.score > without.score


def test_item_of_takes_entities_from_the_analysis() -> None:
    title, text = QUAKE_1
    article = Article(id="q1", text=text, title=title, outlet="x", published="2024-03-01T08:00:00+03:00")
    analysis = Analysis(article=article, entities=(Entity(id="e1", type="LOC", canonical="هاتاي"),))
    got = item_of(analysis)
    assert got.day == day_number("2024-03-01") and got.outlet == "x" and got.title == title
    assert got.counts[entity_key("هاتاي")] == 2
