"""The CRF tagger: a python-crfsuite model file and the feature set it was trained with.

The shipped model is ``marsad/data/ner.crfsuite`` (built by ``marsad train ner``); it tags IOB2
over PERS, LOC, ORG and MISC, as ANERcorp does.  :meth:`NerModel.tag` asks crfsuite;
:meth:`NerModel.tag_folded` gives the same tags for many sentences at once, computed in numpy
(:mod:`marsad.nlp.ner.scorer`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from marsad.nlp.ner.features import Vocabulary, baseline_features, folded_sentence_features, sentence_features
from marsad.nlp.ner.scorer import FastScorer

Featurizer = Callable[[list[str], frozenset[str] | None], list[list[str]]]
FEATURIZERS: dict[str, Featurizer] = {"full": sentence_features, "baseline": baseline_features}
MODEL_FILE = "ner.crfsuite"


class NerModel:
    """A loaded CRF model; :meth:`tag` gives one IOB2 tag per token, :meth:`tag_folded` the tags of
    many sentences of folded tokens (the fast way, for ``full`` models)."""

    def __init__(self, path: str | Path, features: str = "full") -> None:
        self.path = Path(path)
        self.features = features
        self.featurize = FEATURIZERS[features]
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))
        info = self._tagger.info()
        # the attributes the model has weights for: the others need not be computed or passed
        self.known = Vocabulary(attr for attr, _ in info.state_features)
        self._scorer: FastScorer | None = None
        if features == "full":
            labels = sorted(info.labels, key=lambda name: int(info.labels[name]))
            attributes = {name: int(i) for name, i in info.attributes.items()}
            scorer = FastScorer(self.path, attributes, labels, self.known)
            # the weights read from the file must be those of the dump (rounded there): else crfsuite tags
            if scorer.matches(info.state_features, info.transitions):
                self._scorer = scorer

    def tag(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        return list(self._tagger.tag(self.featurize(tokens, self.known)))

    def tag_folded(self, sentences: list[list[str]]) -> list[list[str]]:
        """The tags of each sentence of folded tokens (``fold`` of each token): what :meth:`tag` gives
        for the tokens, computed together for all the sentences of a text."""
        if self.features != "full":
            raise ValueError(f"{self.path}: tag_folded needs a model with the full features")
        found = self._scorer.tag(sentences) if self._scorer else [None] * len(sentences)
        out: list[list[str]] = []
        for s, tags in zip(sentences, found, strict=True):
            if tags is None:  # a decision too close to call in numpy's sums: crfsuite's own
                tags = list(self._tagger.tag(folded_sentence_features(s, self.known))) if s else []
            out.append(tags)
        return out


def default_model_path() -> Path:
    return Path(str(resources.files("marsad.data").joinpath(MODEL_FILE)))


@lru_cache(maxsize=1)
def default_model() -> NerModel:
    """The model shipped in the package (loaded once)."""
    return NerModel(default_model_path())
