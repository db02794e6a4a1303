"""The NER features, the CoNLL reader and split, training, and ``marsad tag --conll``."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import marsad.cli.ner as ner_cli
from marsad.cli.app import app
from marsad.nlp.ner.features import baseline_features, sentence_features, word_features
from marsad.nlp.ner.model import NerModel, default_model, default_model_path
from marsad.nlp.ner.train import read_conll, read_conll_lines, split_dev, train

TOY = """\
قال O
الرئيس O
سمير B-PERS
خليل I-PERS
في O
بيروت B-LOC
إن O
وزارة B-ORG
الزراعة I-ORG
ستعمل O

زار O
كريم B-PERS
سعيد I-PERS
دمشق B-LOC
"""


def feats(tokens: list[str], i: int) -> set[str]:
    return set(sentence_features(tokens)[i])


def test_word_features_see_through_clitics_and_spelling() -> None:
    f = dict(word_features("وللمدينة"))
    assert f["w"] == "وللمدينه"
    assert f["s"] == "المدينه"
    assert dict(word_features("أحمد"))["w"] == dict(word_features("احمد"))["w"]


def test_gazetteer_and_trigger_features_fire() -> None:
    assert "p=country" in feats(["زار", "لبنان"], 1)
    assert "t=ORG_HEAD" in feats(["وزارة", "الزراعة"], 0)
    assert "-1t=PER_TITLE" in feats(["الرئيس", "سمير"], 1)


def test_multiword_places_are_marked_even_behind_a_clitic() -> None:
    tokens = ["وصل", "إلى", "وأبو", "ظبي", "أمس"]
    marks = [{f for f in sentence_features(tokens)[i] if f.startswith("mp=")} for i in range(len(tokens))]
    assert marks == [set(), set(), {"mp=B"}, {"mp=I"}, set()]


def test_window_features_mark_sentence_bounds() -> None:
    out = sentence_features(["سمير"])
    assert {"-2BOUND", "-1BOUND", "1BOUND", "2BOUND"} <= set(out[0])


def test_baseline_features_are_word_affixes_and_window() -> None:
    out = baseline_features(["قال", "سمير", "خليل"])
    assert "w=سمير" in out[1] and "-1w=قال" in out[1] and "1w=خليل" in out[1] and "x2=ير" in out[1]
    assert not any(f.startswith("c=") for f in out[1])


def test_read_conll_splits_on_the_last_space_and_defaults_to_o(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("نيو يورك B-LOC\nأمس\n\nهنا O\n", "utf-8")
    assert read_conll(path) == [[("نيو يورك", "B-LOC"), ("أمس", "O")], [("هنا", "O")]]
    assert read_conll_lines("أ\n\n\nب O\n") == [[("أ", None)], [("ب", "O")]]


def test_split_dev_takes_the_tail() -> None:
    sents = [[(str(i), "O")] for i in range(20)]
    tr, dev = split_dev(sents, 0.1)
    assert tr == sents[:18] and dev == sents[18:]


def test_a_model_trained_on_toy_data_tags_its_training_sentences(tmp_path: Path) -> None:
    sents = read_conll_lines(TOY)
    data = [[(t, tag or "O") for t, tag in s] for s in sents] * 5
    path = train(data, tmp_path / "toy.crfsuite", "baseline", {"max_iterations": 50})
    model = NerModel(path, "baseline")
    assert model.tag(["زار", "كريم", "سعيد", "دمشق"]) == ["O", "B-PERS", "I-PERS", "B-LOC"]
    assert model.tag([]) == []


def test_the_shipped_model_is_small_and_tags_names() -> None:
    assert default_model_path().stat().st_size < 30 * 1024 * 1024
    tags = default_model().tag(["وقال", "الرئيس", "اللبناني", "ميشال", "عون", "في", "بيروت", "أمس"])
    assert tags == ["O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"]
    assert default_model().tag(["وأعلنت", "حركة", "حماس", "أن", "وفدا", "سيصل"])[2] == "B-ORG"


def test_split_token_drops_only_a_tag_column() -> None:
    assert ner_cli.split_token("بيروت B-LOC") == "بيروت"
    assert ner_cli.split_token("بيروت") == "بيروت"
    assert ner_cli.split_token("نيو يورك") == "نيو يورك"


@pytest.fixture
def conll_file(tmp_path: Path) -> Path:
    path = tmp_path / "in.txt"
    path.write_text(TOY.replace("ستعمل O\n", "ستعمل\n") + "\n\n", "utf-8")
    return path


def test_tag_cli_prints_one_tagged_line_per_token_and_keeps_blank_lines(conll_file: Path) -> None:
    result = CliRunner().invoke(app, ["tag", "--conll", str(conll_file)])
    assert result.exit_code == 0, result.output
    lines = result.output.split("\n")
    src = conll_file.read_text("utf-8").split("\n")
    assert len(lines) == len(src)
    for got, given in zip(lines, src, strict=True):
        if not given.strip():
            assert got == ""
            continue
        token, tag = got.split("\t")
        assert token == ner_cli.split_token(given)
        assert tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in ("PERS", "LOC", "ORG", "MISC"))


def test_tag_cli_refuses_a_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["tag", "--conll", str(tmp_path / "none.txt")])
    assert result.exit_code == 2


def test_train_cli_writes_a_model(tmp_path: Path) -> None:
    data = tmp_path / "train.txt"
    data.write_text(TOY * 3, "utf-8")
    out = tmp_path / "m.crfsuite"
    result = CliRunner().invoke(
        app,
        ["train", "ner", "--train", str(data), "--out", str(out), "--features", "baseline", "--max-iterations", "20"],
    )
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
