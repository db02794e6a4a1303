"""One sense per discourse: a name tagged once is tagged where it recurs untagged."""

from __future__ import annotations

from marsad.nlp.ner.consistency import entity_spans, propagate


def test_entity_spans_reads_iob2_like_conlleval() -> None:
    assert entity_spans(["B-PERS", "I-PERS", "I-ORG", "O", "B-LOC"]) == [(0, 2, "PERS"), (2, 3, "ORG"), (4, 5, "LOC")]


def test_a_name_tagged_once_is_given_to_its_recurrence_behind_a_clitic() -> None:
    sents = [["وصل", "سمير", "خليفاوي", "أمس"], ["وقال", "لخليفاوي", "مرحبا"], ["ثم", "غادر", "سمير", "خليفاوي"]]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O"], ["O", "O", "O", "O"]]
    out = propagate(sents, tags)
    assert out[2] == ["O", "O", "B-PERS", "I-PERS"]
    assert out[1] == ["O", "B-PERS", "O"]  # the surname alone names the person too
    assert out[0] == tags[0]


def test_tagged_tokens_are_not_overwritten() -> None:
    sents = [["زار", "زحلاوي"], ["زحلاوي", "مدينة"]]
    tags = [["O", "B-LOC"], ["B-ORG", "O"]]
    assert propagate(sents, tags) == tags


def test_very_frequent_words_are_not_spread() -> None:
    sents = [["قال", "الرئيس"], ["وقال", "الرئيس"]]
    tags = [["O", "B-PERS"], ["O", "O"]]
    assert propagate(sents, tags)[1] == ["O", "O"]
