"""Named-entity recognition: a CRF over Arabic token features, trained on ANERcorp and shipped in the package.

- :mod:`~marsad.nlp.ner.features` — token features (and the plain baseline's);
- :mod:`~marsad.nlp.ner.model` — the tagger (``marsad/data/ner.crfsuite``);
- :mod:`~marsad.nlp.ner.scorer` — its tags for a whole text computed in numpy (crfsuite's tags, faster);
- :mod:`~marsad.nlp.ner.viterbi` — Viterbi over many sentences at once, close calls flagged;
- :mod:`~marsad.nlp.ner.train` — CoNLL data, the train/dev split, training;
- :mod:`~marsad.nlp.ner.consistency` — a name tagged once is tagged where it recurs;
- :mod:`~marsad.nlp.ner.patterns` — descriptive organisation names (الحكومة السورية);
- :mod:`~marsad.nlp.ner.resources` — the lexicons the features read.
"""
