"""The CRF tagger: a python-crfsuite model file and the feature set it was trained with.

The shipped model is ``marsad/data/ner.crfsuite`` (built by ``marsad train ner``); it tags IOB2
over PERS, LOC, ORG and MISC, as ANERcorp does.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from marsad.nlp.ner.features import Vocabulary, baseline_features, sentence_features

Featurizer = Callable[[list[str], frozenset[str] | None], list[list[str]]]
FEATURIZERS: dict[str, Featurizer] = {"full": sentence_features, "baseline": baseline_features}
MODEL_FILE = "ner.crfsuite"


class NerModel:
    """A loaded CRF model; :meth:`tag` gives one IOB2 tag per token."""

    def __init__(self, path: str | Path, features: str = "full") -> None:
        self.path = Path(path)
        self.featurize = FEATURIZERS[features]
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))
        # the attributes the model has weights for: the others need not be computed or passed
        self.known = Vocabulary(attr for attr, _ in self._tagger.info().state_features)

    def tag(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        return list(self._tagger.tag(self.featurize(tokens, self.known)))


def default_model_path() -> Path:
    return Path(str(resources.files("marsad.data").joinpath(MODEL_FILE)))


@lru_cache(maxsize=1)
def default_model() -> NerModel:
    """The model shipped in the package (loaded once)."""
    return NerModel(default_model_path())
