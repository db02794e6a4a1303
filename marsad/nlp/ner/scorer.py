"""The shipped CRF's tags computed in numpy: the same model and features, without crfsuite's per-call cost.

crfsuite, given a sentence, turns each of the ~40 attribute strings of every token into an id
and sums their weights: most of the time of tagging an article.  A token's attributes are its
own word's, its neighbours' (as the word at -2, -1, +1, +2) and a few of its own (bias, bounds,
bigrams, multi-word places), so here each distinct word's five score vectors (own, as -2, as -1,
as +1, as +2) are summed once and cached, a token's state scores are five cached vectors and the
few extras, and Viterbi runs over all the sentences of a text at once.

The tags are crfsuite's: the weights are read from the model file as the doubles crfsuite uses
(:func:`read_weights`), and sums taken in another order differ from crfsuite's in the last bits
only, so every Viterbi decision on the chosen path must win by :data:`MARGIN`, far above any
rounding; a sentence where one does not is tagged by crfsuite itself.
"""

from __future__ import annotations

import struct
import threading
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

import numpy as np
import numpy.typing as npt

from marsad.nlp.ner.features import (
    BOUND_LEFT1,
    BOUND_LEFT2,
    BOUND_RIGHT1,
    BOUND_RIGHT2,
    FAR_KEYS,
    NEAR_KEYS,
    _bigram_words,
    _place_matches,
    folded_word_features,
)
from marsad.nlp.ner.resources import lexicons
from marsad.nlp.ner.viterbi import viterbi
from marsad.text import strip_proclitics

Floats = npt.NDArray[np.float64]

ROUNDED = 5.1e-7  # how far a weight of ``Tagger.info()`` (printed with 6 decimals) may be from the file's
MARGIN = 1e-6  # rounding moves a path score by < 1e-9 (≤ 400 tokens × ~50 terms × 1e-15 relative)
MAX_WORDS = 65536  # cached words (5 × labels doubles each: 24 MB); the cache starts afresh when full
MAX_PAIRS = 2 * MAX_WORDS  # cached word features (as many doubles each: 47 MB); afresh when full
MAX_WORD_FEATURES = 32  # more than a word has
HEADER = struct.Struct("<4sI4s9I")
FEATURE = struct.Struct("<IIId")
STATE, TRANSITION = 0, 1
LEFT_PAD, RIGHT_PAD = 0, 1  # cache rows standing for the positions before and after a sentence

# a folded token's cache row, the word its features see, its stem, the longest place (in words) it
# may start, and whether the model has bigram weights for the word
WordEntry = tuple[int, str, str, int, bool]


def read_weights(path: Path, attributes: dict[str, int], n_labels: int) -> tuple[Floats, Floats]:
    """``(state, transitions)`` weights of a crfsuite (``lCRF``/``FOMC``) model file.

    ``state[a, y]``: weight of attribute id ``a`` for label id ``y`` (a last row of zeros is added);
    ``transitions[y, z]``: from label ``y`` to label ``z``.
    """
    data = path.read_bytes()
    header = HEADER.unpack_from(data, 0)
    if header[0] != b"lCRF" or header[2] != b"FOMC":
        raise ValueError(f"{path}: not a crfsuite CRF1d model")
    off = header[7]
    if data[off : off + 4] != b"FEAT":
        raise ValueError(f"{path}: no feature chunk")
    (count,) = struct.unpack_from("<I", data, off + 8)
    state = np.zeros((len(attributes) + 1, n_labels))
    trans = np.zeros((n_labels, n_labels))
    for kind, src, dst, weight in FEATURE.iter_unpack(data[off + 12 : off + 12 + FEATURE.size * count]):
        if kind == STATE:
            state[src, dst] = weight
        elif kind == TRANSITION:
            trans[src, dst] = weight
    return state, trans


class FastScorer:
    """Tags folded sentences with the ``full`` features of a model, as crfsuite would (see the module)."""

    def __init__(self, path: Path, attributes: dict[str, int], labels: list[str], known: frozenset[str]) -> None:
        self.labels = labels
        self.known = known
        self.attr = attributes
        self.state, self.trans = read_weights(path, attributes, len(labels))
        self.zero = len(attributes)  # the row of zeros
        self.bias = self.state[attributes.get("bias", self.zero)]
        self.bigram_words = _bigram_words(known)
        self._marks = {m: attributes[f"mp={m}"] for m in ("B", "I") if f"mp={m}" in attributes}
        self._lock = threading.Lock()
        self._reset(1024)
        pads = np.zeros((2, 5, len(labels)))
        pads[LEFT_PAD, 1] = self._row(BOUND_LEFT2[0])
        pads[LEFT_PAD, 2] = self._row(BOUND_LEFT1[0])
        pads[RIGHT_PAD, 3] = self._row(BOUND_RIGHT1[0])
        pads[RIGHT_PAD, 4] = self._row(BOUND_RIGHT2[0])
        self._pads = pads

    def matches(self, state: dict[tuple[str, str], float], transitions: dict[tuple[str, str], float]) -> bool:
        """Whether the weights read agree with ``Tagger.info()``'s (rounded to 6 decimals there), every one."""
        label = {name: i for i, name in enumerate(self.labels)}
        n_state = int(np.count_nonzero(self.state))
        if n_state > len(state) or int(np.count_nonzero(self.trans)) > len(transitions):
            return False
        for (a, y), w in state.items():
            if a not in self.attr or y not in label or abs(self.state[self.attr[a], label[y]] - w) > ROUNDED:
                return False
        return all(abs(self.trans[label[a], label[b]] - w) <= ROUNDED for (a, b), w in transitions.items())

    def _row(self, attr: str) -> Floats:
        return self.state[self.attr.get(attr, self.zero)]

    def _reset(self, capacity: int) -> None:
        self._words: dict[str, WordEntry] = {}
        self._bigrams: dict[tuple[str, str, str], int] = {}
        self._pairs: dict[tuple[str, str], int] = {}  # word feature → its row in the feature table
        self._features = np.zeros((4096, 5 * len(self.labels)))
        self._scores = np.zeros((capacity, 5, len(self.labels)))

    def _add_words(self, new: list[str]) -> None:
        """Sum and cache the five score vectors of words not cached yet."""
        if len(self._pairs) + MAX_WORD_FEATURES * len(new) > MAX_PAIRS:
            self._pairs.clear()
        first = len(self._words)
        need = first + len(new) + 2
        if need > len(self._scores):
            grown = np.zeros((min(max(need, 2 * len(self._scores)), MAX_WORDS + 2), 5, len(self.labels)))
            grown[: first + 2] = self._scores[: first + 2]
            self._scores = grown
        firsts = lexicons().place_firsts
        pairs = self._pairs
        get = pairs.get
        fresh: list[tuple[str, str]] = []
        rows: list[int] = []  # per feature of each word: its row in the feature table
        starts: list[int] = []
        for k, word in enumerate(new):
            feats = folded_word_features(word)
            starts.append(len(rows))
            at = [get(kv, -1) for kv in feats]
            if -1 in at:
                for i, kv in enumerate(feats):
                    if at[i] < 0:
                        size = len(pairs)
                        at[i] = pairs.setdefault(kv, size)
                        if at[i] == size:
                            fresh.append(kv)
            rows += at
            folded = feats[0][1]
            stem = strip_proclitics(folded) if folded else ""
            longest = max(firsts.get(stem, 0), firsts.get(folded, 0))
            self._words[word] = (first + k + 2, folded, stem, longest, folded in self.bigram_words)
        if fresh:
            self._add_features(fresh)
        sums = np.add.reduceat(self._features[np.array(rows, dtype=np.intp)], np.array(starts, dtype=np.intp))
        self._scores[first + 2 : first + 2 + len(new)] = sums.reshape(len(new), 5, len(self.labels))

    def _add_features(self, fresh: list[tuple[str, str]]) -> None:
        """Rows of the feature table for word features ``(key, value)`` new to it: the weights of the
        attributes each gives, its own and as the word at -2, -1, +1, +2 of another token."""
        attr, zero = self.attr.get, self.zero
        ids: list[int] = []
        for key, value in fresh:
            name = f"{key}={value}"
            near, far = key in NEAR_KEYS, key in FAR_KEYS
            ids += (
                attr(name, zero),
                attr(f"-2{name}", zero) if far else zero,
                attr(f"-1{name}", zero) if near else zero,
                attr(f"1{name}", zero) if near else zero,
                attr(f"2{name}", zero) if far else zero,
            )
        end = len(self._pairs)
        if end > len(self._features):
            grown = np.zeros((max(end, min(2 * len(self._features), MAX_PAIRS)), 5 * len(self.labels)))
            used = end - len(fresh)
            grown[:used] = self._features[:used]
            self._features = grown
        self._features[end - len(fresh) : end] = self.state[np.array(ids, dtype=np.intp)].reshape(len(fresh), -1)

    def tag(self, sentences: list[list[str]]) -> list[list[str] | None]:
        """IOB2 tags of each sentence of folded tokens; ``None`` where a decision is too close to call
        (the caller asks crfsuite)."""
        tokens = [w for s in sentences for w in s]
        if not tokens:
            return [[] for _ in sentences]
        lengths = [len(s) for s in sentences]
        with self._lock:
            distinct = dict.fromkeys(tokens)
            if len(distinct) > MAX_WORDS:
                return [None] * len(sentences)
            words = self._words
            new = [w for w in distinct if w not in words]
            if len(words) + len(new) > MAX_WORDS:  # start afresh, this text's words first
                self._reset(len(self._scores))
                new = list(distinct)
            if new:
                self._add_words(new)
            self._scores[:2] = self._pads
            emissions = self._emissions(tokens, lengths)
        labels, ok = viterbi(emissions, lengths, self.trans, MARGIN)
        names = self.labels
        out: list[list[str] | None] = []
        at = 0
        for n, good in zip(lengths, ok, strict=True):
            out.append([names[y] for y in labels[at : at + n]] if good else None)
            at += n
        return out

    def _emissions(self, tokens: list[str], lengths: list[int]) -> Floats:
        """State scores of each token (the sentences' tokens one after another), one row per token."""
        entries = list(map(self._words.__getitem__, tokens))
        n_tok, n_sent = len(tokens), len(lengths)
        # the rows of the word cache for the tokens, each sentence between two pads on either side
        sentence = np.repeat(np.arange(n_sent), lengths)
        at = np.arange(n_tok) + 4 * sentence + 2
        ends = np.cumsum(lengths) + 4 * np.arange(n_sent) + 2
        rows = np.full(n_tok + 4 * n_sent, LEFT_PAD, dtype=np.intp)
        rows[at] = [e[0] for e in entries]
        rows[ends] = RIGHT_PAD
        rows[ends + 1] = RIGHT_PAD
        table = self._scores[rows]
        out: Floats = self.bias + table[at, 0]
        out += table[at - 2, 1]
        out += table[at - 1, 2]
        out += table[at + 1, 3]
        out += table[at + 2, 4]
        extras = self._extras(entries, lengths)
        if extras:
            where, ids = zip(*extras, strict=True)
            np.add.at(out, np.array(where, dtype=np.intp), self.state[np.array(ids, dtype=np.intp)])
        return out

    def _extras(self, entries: list[WordEntry], lengths: list[int]) -> list[tuple[int, int]]:
        """``(token, attribute id)`` of the bigram and multi-word place features that fire."""
        out: list[tuple[int, int]] = []
        ends = list(accumulate(lengths))
        firsts = set(ends[:-1])
        firsts.add(0)
        lasts = {end - 1 for end in ends}
        ws = [e[1] for e in entries]
        bigram = self._bigram
        for i in [i for i, e in enumerate(entries) if e[4]]:  # words the model has bigram weights for
            w = ws[i]
            left = bigram("bi-=", "<s>" if i in firsts else ws[i - 1], w)
            if left >= 0:
                out.append((i, left))
            right = bigram("bi+=", w, "</s>" if i in lasts else ws[i + 1])
            if right >= 0:
                out.append((i, right))
        places = [i for i, e in enumerate(entries) if e[3] > 1]  # words a multi-word place may start
        done = 0  # sentences before this one have been scanned
        for i in places:
            if i < done:
                continue
            k = bisect_right(ends, i)
            first, done = ends[k - 1] if k else 0, ends[k]
            part = entries[first:done]
            marks = _place_matches(ws[first:done], [e[2] for e in part], [e[3] for e in part])
            out += [(first + j, self._marks[m]) for j, m in enumerate(marks) if m in self._marks]
        return out

    def _bigram(self, kind: str, a: str, b: str) -> int:
        """The attribute id of bigram ``kind a|b`` (-1 where the model has no weights for it)."""
        key = (kind, a, b)
        found = self._bigrams.get(key)
        if found is None:
            if len(self._bigrams) > MAX_PAIRS:
                self._bigrams.clear()
            name = f"{kind}{a}|{b}"
            found = self._bigrams[key] = self.attr[name] if name in self.known else -1
        return found
