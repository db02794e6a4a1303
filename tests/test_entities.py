"""Entities in an article: mentions grouped by name, canonical names, aliases, types, spans."""

from __future__ import annotations

import json

from marsad.models import Article, EntityType
from marsad.nlp.document import Doc
from marsad.nlp.entities import NameGroup, NameMention, decode_iob, find_entities, group_mentions, is_common_misc
from marsad.nlp.names import name_words
from tests.conftest import shared_path

TEXT = (
    "قال الرئيس اللبناني ميشال عون إن الحكومة ستجتمع غدا في بيروت.\n"
    "وأضاف عون في حديث للميادين أن لبنان لن يقبل بأي ضغوط.\n"
    "وكان سماحة السيد حسن نصر الله قد التقى وزير الخارجية جبران باسيل، وقال السيد نصرالله إن المقاومة باقية."
)


def doc_of(text: str, title: str | None = None) -> Doc:
    return Doc(Article(id="t", text=text, title=title))


def mention(doc: Doc, surface: str, typ: EntityType, nth: int = 0) -> NameMention:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(surface, start + 1)
    span = doc.span(start, start + len(surface))
    return NameMention(span, typ, name_words(surface), (1, start))


def test_decode_iob_opens_an_entity_on_a_stray_inside_tag() -> None:
    assert decode_iob(["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-LOC"]) == [
        (0, 2, "PERS"),
        (3, 4, "LOC"),
        (4, 5, "ORG"),
        (5, 6, "LOC"),
    ]


def test_a_surname_joins_the_full_name_and_honorifics_do_not_block_it() -> None:
    doc = doc_of("التقى إسماعيل قاآني بالقائد قاآني ثم تحدث الحاج قاسم عن قاسم سليماني وعن سليماني.")
    ms = [
        mention(doc, "إسماعيل قاآني", "PER"),
        mention(doc, "قاآني", "PER", 1),
        mention(doc, "الحاج قاسم", "PER"),
        mention(doc, "قاسم سليماني", "PER"),
        mention(doc, "سليماني", "PER", 1),
    ]
    groups = group_mentions(ms)
    assert sorted(sorted(m.span.text for m in g.mentions) for g in groups) == [
        ["إسماعيل قاآني", "قاآني"],
        ["الحاج قاسم", "سليماني", "قاسم سليماني"],
    ]


def test_an_ambiguous_short_name_stays_apart() -> None:
    doc = doc_of("زار محمد علي وأحمد علي القاهرة، وقال علي إن الزيارة ناجحة.")
    ms = [mention(doc, "محمد علي", "PER"), mention(doc, "أحمد علي", "PER"), mention(doc, "علي", "PER", 2)]
    assert len(group_mentions(ms)) == 3


def test_spelling_and_noun_adjective_variants_of_an_organisation_meet() -> None:
    doc = doc_of("أعلن حرس الثورة الإيراني أن الحرس الثوري الإيراني سيرد.")
    ms = [mention(doc, "حرس الثورة الإيراني", "ORG"), mention(doc, "الحرس الثوري الإيراني", "ORG")]
    assert len(group_mentions(ms)) == 1


def test_one_name_tagged_with_two_types_becomes_one_entity_of_the_majority_type() -> None:
    doc = doc_of("قال عباس إن عباس زار المدينة وإن عباس عاد.")
    ms = [mention(doc, "عباس", "PER"), mention(doc, "عباس", "ORG", 1), mention(doc, "عباس", "PER", 2)]
    groups = group_mentions(ms)
    assert len(groups) == 1 and groups[0].type == "PER"


def test_a_short_name_does_not_join_a_longer_name_of_another_type() -> None:
    doc = doc_of("زار حسن نصر الله مدينة نصر اليوم.")
    ms = [mention(doc, "حسن نصر الله", "PER"), mention(doc, "نصر", "LOC", 1)]
    assert len(group_mentions(ms)) == 2


def test_find_entities_gives_canonical_names_aliases_and_spans_into_the_original() -> None:
    doc = doc_of(TEXT, title="عون: لبنان لن يقبل بالضغوط")
    ents = find_entities(doc)
    assert [e.id for e in ents] == [f"e{i}" for i in range(1, len(ents) + 1)]
    for e in ents:
        for m in e.mentions:
            field = doc.title if m.zone == "title" else doc.text
            assert field[m.start : m.end] == m.text
        assert set(e.aliases) == {m.text for m in e.mentions}
    by_canonical = {e.canonical: e for e in ents}
    aoun = by_canonical["ميشال عون"]
    assert aoun.type == "PER"
    assert {"ميشال عون", "عون"} <= set(aoun.aliases)
    assert any(m.zone == "title" for m in aoun.mentions)
    assert by_canonical["بيروت"].type == "GPE"
    assert by_canonical["لبنان"].type == "GPE"


def test_honorifics_are_in_the_mention_but_not_in_the_canonical_name() -> None:
    ents = find_entities(doc_of(TEXT))
    nasrallah = [e for e in ents if "نصر" in e.canonical]
    assert len(nasrallah) == 1
    assert nasrallah[0].canonical == "حسن نصر الله"
    assert any(a.startswith("سماحة السيد") for a in nasrallah[0].aliases)


def test_a_clitic_stays_in_the_mention_and_leaves_the_canonical_name() -> None:
    ents = find_entities(doc_of("وقال مراسل قناة الجزيرة للجزيرة إن الوضع هادئ، وقالت الجزيرة إنها ستتابع."))
    jazeera = [e for e in ents if "جزيرة" in e.canonical]
    assert jazeera and all(e.canonical == "الجزيرة" or e.canonical.endswith("الجزيرة") for e in jazeera)


def test_an_empty_article_has_no_entities() -> None:
    assert find_entities(doc_of("")) == ()


def test_seed_article_recall_of_gold_entities() -> None:
    path = shared_path("gold", "seed-qaani-soleimani.json")
    fixture = shared_path("fixtures", "seed-qaani-soleimani.txt")
    gold = json.loads(path.read_text("utf-8"))
    title, _, text = fixture.read_text("utf-8").partition("\n")
    ents = find_entities(doc_of(text, title=title))
    found = {name for e in ents for name in (e.canonical, *e.aliases)}
    hit = sum(1 for g in gold["entities"] if any(s in found for s in g["surface_forms"]))
    assert hit / len(gold["entities"]) >= 0.65


def test_an_everyday_word_tagged_misc_is_not_an_entity_but_a_rare_one_is() -> None:
    doc = doc_of("ارتفع الدولار أمام عملة زمردستانية جديدة.")
    assert is_common_misc(NameGroup([mention(doc, "الدولار", "MISC")]))
    assert not is_common_misc(NameGroup([mention(doc, "زمردستانية", "MISC")]))
    assert not is_common_misc(NameGroup([mention(doc, "الدولار", "ORG")]))
