"""The numpy tagger gives crfsuite's tags: weights read exactly, many sentences at once, fallback to crfsuite."""

from __future__ import annotations

import itertools

import pytest

from marsad.nlp.ner import scorer
from marsad.nlp.ner.model import NerModel, default_model, default_model_path
from marsad.text import tokenize

SENTENCES = [
    "وقال الرئيس اللبناني ميشال عون في بيروت أمس إن الحكومة ستجتمع .",
    "وأعلنت حركة حماس أن وفدا برئاسة إسماعيل هنية سيصل إلى القاهرة الأحد .",
    "التقى وزير الخارجية الأمريكي بنظيره الفرنسي في أبو ظبي لبحث الأزمة السورية .",
    "وكانت وكالة الأنباء الرسمية قد نقلت عن مصدر في الجيش اللبناني قوله إن الوضع هادئ .",
    "فاز نادي الزمالك على الأهلي بهدفين في الدوري المصري",
    "قال",
    "( ) ، . !",
    "سجل محمد صلاح 32 هدفا لليفربول في موسم 2018 ، وتوج بجائزة أفضل لاعب في إنجلترا .",
]


def folded(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


def texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_weights_are_read_as_the_model_dump_gives_them() -> None:
    model = default_model()
    info = model._tagger.info()
    attributes = {name: int(i) for name, i in info.attributes.items()}
    labels = {name: int(i) for name, i in info.labels.items()}
    state, trans = scorer.read_weights(default_model_path(), attributes, len(labels))
    assert state.shape == (len(attributes) + 1, len(labels)) and not state[-1].any()
    for (attr, label), weight in itertools.islice(info.state_features.items(), 0, None, 97):
        assert state[attributes[attr], labels[label]] == pytest.approx(weight, abs=5e-7)
    for (a, b), weight in info.transitions.items():
        assert trans[labels[a], labels[b]] == pytest.approx(weight, abs=5e-7)


def test_a_file_that_is_no_crf_model_is_refused(tmp_path: scorer.Path) -> None:
    path = tmp_path / "x.crfsuite"
    path.write_bytes(b"\0" * 64)
    with pytest.raises(ValueError):
        scorer.read_weights(path, {}, 2)


def test_tags_of_many_sentences_at_once_are_crfsuites_one_by_one() -> None:
    model = default_model()
    got = model.tag_folded([folded(s) for s in SENTENCES])
    assert got == [model.tag(texts(s)) for s in SENTENCES]
    assert any(tag != "O" for tags in got for tag in tags)  # names are found at all


def test_empty_sentences_keep_their_place() -> None:
    model = default_model()
    out = model.tag_folded([[], folded(SENTENCES[0]), []])
    assert out == [[], model.tag(texts(SENTENCES[0])), []]
    assert model.tag_folded([[]]) == [[]]


def test_a_decision_too_close_to_call_goes_to_crfsuite(monkeypatch: pytest.MonkeyPatch) -> None:
    model = NerModel(default_model_path())
    monkeypatch.setattr(scorer, "MARGIN", float("inf"))  # every sentence is too close to call
    assert model._scorer is not None
    assert all(t is None for t in model._scorer.tag([folded(s) for s in SENTENCES]))
    assert model.tag_folded([folded(s) for s in SENTENCES]) == [model.tag(texts(s)) for s in SENTENCES]


@pytest.mark.parametrize(("limit", "value"), [("MAX_WORDS", 12), ("MAX_PAIRS", 40)])
def test_a_cache_starting_afresh_changes_no_tag(monkeypatch: pytest.MonkeyPatch, limit: str, value: int) -> None:
    model = NerModel(default_model_path())
    monkeypatch.setattr(scorer, limit, value)
    expected = [model.tag(texts(s)) for s in SENTENCES]
    for _ in range(2):
        assert [model.tag_folded([folded(s)])[0] for s in SENTENCES] == expected


def test_a_baseline_model_has_no_fast_path(tmp_path: scorer.Path) -> None:
    from marsad.nlp.ner.train import train

    path = train([[("زار", "O"), ("كريم", "B-PERS")]] * 3, tmp_path / "b.crfsuite", "baseline", {"max_iterations": 5})
    with pytest.raises(ValueError):
        NerModel(path, "baseline").tag_folded([["زار"]])


def test_weights_that_disagree_with_the_dump_are_not_used() -> None:
    model = NerModel(default_model_path())
    assert model._scorer is not None
    info = model._tagger.info()
    assert model._scorer.matches(info.state_features, info.transitions)
    model._scorer.state[0, 0] += 0.01
    assert not model._scorer.matches(info.state_features, info.transitions)


def test_without_a_numpy_scorer_the_tags_are_crfsuites(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scorer.FastScorer, "matches", lambda *_: False)
    model = NerModel(default_model_path())
    assert model._scorer is None
    assert model.tag_folded([folded(s) for s in SENTENCES[:3]]) == [model.tag(texts(s)) for s in SENTENCES[:3]]
