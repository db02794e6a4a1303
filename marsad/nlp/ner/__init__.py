"""Named-entity recognition: a CRF over Arabic token features, trained on ANERcorp and shipped in the package.

- :mod:`~marsad.nlp.ner.features` — token features (and the plain baseline's);
- :mod:`~marsad.nlp.ner.model` — the tagger (``marsad/data/ner.crfsuite``);
- :mod:`~marsad.nlp.ner.train` — CoNLL data, the train/dev split, training;
- :mod:`~marsad.nlp.ner.consistency` — a name tagged once is tagged where it recurs;
- :mod:`~marsad.nlp.ner.patterns` — descriptive organisation names (الحكومة السورية);
- :mod:`~marsad.nlp.ner.resources` — the lexicons the features read.
"""
