"""Token features for the CRF tagger.

Two feature sets:

- :func:`sentence_features` — what the shipped model uses: folded, clitic-segmented and bare forms,
  affixes, word shape, distributional clusters, gazetteer and trigger-word lookups, and the same
  for the words in a ±2 window, plus word bigrams and multi-word place matches;
- :func:`baseline_features` — the plain baseline it is measured against: the word, its prefixes and
  suffixes (1–3 letters) and the words in a ±2 window.

Per-word features are cached, so tagging a long article costs little more than list joins.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.nlp.ner.resources import lexicons
from marsad.text import fold, proclitic_readings, strip_proclitics

WINDOW = (-2, -1, 1, 2)
NEAR_KEYS = frozenset(("w", "b", "c", "cf", "t", "g", "p", "al"))  # what a word tells its neighbours at ±1
FAR_KEYS = frozenset(("w", "c", "t"))  # … and at ±2
BOUND_LEFT2, BOUND_LEFT1, BOUND_RIGHT1, BOUND_RIGHT2 = ["-2BOUND"], ["-1BOUND"], ["1BOUND"], ["2BOUND"]
LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")
MAX_CACHED_WORDS = 262144  # per model; the cache starts afresh when full


@lru_cache(maxsize=262144)
def word_features(token: str) -> tuple[tuple[str, str], ...]:
    """``(key, value)`` features of one token on its own."""
    return folded_word_features(fold(token))


@lru_cache(maxsize=262144)
def folded_word_features(folded: str) -> tuple[tuple[str, str], ...]:
    """:func:`word_features` of a token given folded (they depend on the folded form only)."""
    lex = lexicons()
    f = folded.strip()
    feats: list[tuple[str, str]] = [("w", f)]
    if not f:
        return (("w", ""), ("shape", "empty"))
    if not f[0].isalnum():
        return (("w", f), ("shape", "punct"))
    if f[0].isdigit():
        feats.append(("shape", "digit"))
        return tuple(feats)
    if f[0] in LATIN:
        feats.append(("shape", "latin"))
    stem = strip_proclitics(f)
    readings = proclitic_readings(f)
    prefix, bare = readings[-1]
    feats += [("s", stem), ("b", bare), ("pre", prefix), ("len", str(min(len(bare), 8)))]
    feats += [("p2", f[:2]), ("p3", f[:3]), ("x1", f[-1:]), ("x2", f[-2:]), ("x3", f[-3:])]
    feats += [("bp2", bare[:2]), ("bx2", bare[-2:]), ("bx3", bare[-3:])]
    forms = (f, stem, bare)
    for form in forms:
        cl = lex.clusters.get(form)
        if cl:
            feats += [("c", cl[0]), ("cf", cl[1])]
            break
    else:
        feats.append(("c", "oov"))
    rank = lex.ranks.get(bare, lex.ranks.get(stem, -1))
    feats.append(("r", str(rank.bit_length()) if rank >= 0 else "oov"))
    if rank >= 0 and not bare.startswith("ال"):
        feats.append(("al", "yes" if "ال" + bare in lex.ranks else "no"))
    classes = {c for form in forms for c in lex.names.get(form, "").split(",") if c}
    feats += [("g", c) for c in sorted(classes)]
    for form in (f, stem, bare, "ال" + bare):
        kind = lex.places.get(form)
        if kind:
            feats.append(("p", kind))
            break
    for form in (stem, f):
        trig = lex.triggers.get(form)
        if trig:
            feats.append(("t", trig))
            break
    return tuple(feats)


class Vocabulary(frozenset[str]):
    """The attributes a model has weights for.  Compared by identity, so that a cache keyed on it
    never compares two models' sets element by element."""

    def __eq__(self, other: object) -> bool:
        return self is other

    def __hash__(self) -> int:
        return id(self)


@lru_cache(maxsize=262144)
def bare_form(token: str) -> str:
    """The folded token without proclitics and article (the folded token where it has no letters)."""
    return folded_bare_form(fold(token))


@lru_cache(maxsize=262144)
def folded_bare_form(folded: str) -> str:
    """:func:`bare_form` of a token given folded."""
    feats = dict(folded_word_features(folded))
    return feats.get("b", feats["w"])


FeatureLists = tuple[list[str], list[str], list[str], list[str], list[str], str, str, int]


def _feature_lists(token: str, known: frozenset[str] | None) -> FeatureLists:
    """Own features; its features as the word at -2, -1, +1 and +2 of another token; folded form; stem;
    the length in words of the longest gazetteer place it may start (0 if none).  With ``known``,
    only the attributes a model has weights for are kept."""
    return folded_feature_lists(fold(token), known)


def folded_feature_lists(folded: str, known: frozenset[str] | None) -> FeatureLists:
    """:func:`_feature_lists` of a token given folded."""
    wf = folded_word_features(folded)
    near = [(k, v) for k, v in wf if k in NEAR_KEYS]
    far = [(k, v) for k, v in wf if k in FAR_KEYS]
    lists = (
        [f"{k}={v}" for k, v in wf],
        [f"-2{k}={v}" for k, v in far],
        [f"-1{k}={v}" for k, v in near],
        [f"1{k}={v}" for k, v in near],
        [f"2{k}={v}" for k, v in far],
    )
    if known is not None:
        lists = tuple([a for a in attrs if a in known] for attrs in lists)  # type: ignore[assignment]
    folded = wf[0][1]
    stem = strip_proclitics(folded) if folded else ""
    firsts = lexicons().place_firsts
    return (*lists, folded, stem, max(firsts.get(stem, 0), firsts.get(folded, 0)))


@lru_cache(maxsize=262144)
def _token_feature_lists(token: str) -> FeatureLists:
    """:func:`_feature_lists` of a token, all attributes kept (for training)."""
    return _feature_lists(token, None)


@lru_cache(maxsize=8)
def _known_cache(known: frozenset[str], folded: bool) -> dict[str, FeatureLists]:
    """Per model: token (or folded token) → :func:`_feature_lists` keeping only the attributes the model
    has weights for."""
    return {}


def _known_lists(tokens: list[str], known: frozenset[str], folded: bool = False) -> list[FeatureLists]:
    cache = _known_cache(known, folded)
    lists_of = folded_feature_lists if folded else _feature_lists
    out: list[FeatureLists] = []
    for t in tokens:
        lists = cache.get(t)
        if lists is None:
            if len(cache) >= MAX_CACHED_WORDS:
                cache.clear()
            lists = cache[t] = lists_of(t, known)
        out.append(lists)
    return out


@lru_cache(maxsize=4)
def _bigram_words(known: frozenset[str]) -> frozenset[str]:
    """The words of a token that has a weighted bigram attribute (``bi-=x|word``, ``bi+=word|y``)."""
    out: set[str] = set()
    for attr in known:
        if attr.startswith(("bi-=", "bi+=")):
            pair = attr[4:]  # a word may hold "|" itself: every split point is a candidate
            cuts = [i for i, ch in enumerate(pair) if ch == "|"]
            out.update(pair[i + 1 :] if attr[2] == "-" else pair[:i] for i in cuts)
    return frozenset(out)


def _place_matches(forms: list[str], stems: list[str], longests: list[int] | None = None) -> list[str]:
    """``B``/``I``/``""`` per token: multi-word gazetteer places (first word may carry clitics).

    ``longests``: per token, the longest place (in words) its stem or form starts, if known already."""
    lex = lexicons()
    out = [""] * len(forms)
    if longests is None:
        longests = [
            max(lex.place_firsts.get(s, 0), lex.place_firsts.get(f, 0)) for f, s in zip(forms, stems, strict=True)
        ]
    starts = [i for i, longest in enumerate(longests) if longest > 1]  # a place has 2 words or more
    size, after = len(forms), 0  # ``after``: the first token past the last place found
    for i in starts:
        if i < after:
            continue
        for n in range(min(longests[i], size - i), 1, -1):
            rest = " ".join(forms[i + 1 : i + n])
            if f"{stems[i]} {rest}" in lex.places or f"{forms[i]} {rest}" in lex.places:
                out[i] = "B"
                out[i + 1 : i + n] = ["I"] * (n - 1)
                after = i + n
                break
    return out


def sentence_features(tokens: list[str], known: frozenset[str] | None = None) -> list[list[str]]:
    """The shipped model's features for each token of one sentence.

    With ``known`` (the attributes a model has weights for), features the model ignores anyway are
    left out: the tags do not change, the tagging gets faster.
    """
    lists = [_token_feature_lists(t) for t in tokens] if known is None else _known_lists(tokens, known)
    return _sentence_features(lists, known)


def folded_sentence_features(folded: list[str], known: frozenset[str]) -> list[list[str]]:
    """:func:`sentence_features` of a sentence given as folded tokens."""
    return _sentence_features(_known_lists(folded, known, folded=True), known)


def _sentence_features(lists: list[FeatureLists], known: frozenset[str] | None) -> list[list[str]]:
    n = len(lists)
    bigram_words = None if known is None else _bigram_words(known)
    words = [x[5] for x in lists]
    stems = [x[6] for x in lists]
    places = _place_matches(words, stems, [x[7] for x in lists])
    out: list[list[str]] = []
    for i in range(n):
        feats = ["bias", *lists[i][0]]
        feats += lists[i - 2][1] if i >= 2 else BOUND_LEFT2
        feats += lists[i - 1][2] if i >= 1 else BOUND_LEFT1
        feats += lists[i + 1][3] if i + 1 < n else BOUND_RIGHT1
        feats += lists[i + 2][4] if i + 2 < n else BOUND_RIGHT2
        if bigram_words is None or words[i] in bigram_words:
            left = f"bi-={words[i - 1] if i else '<s>'}|{words[i]}"
            right = f"bi+={words[i]}|{words[i + 1] if i + 1 < n else '</s>'}"
            if known is None or left in known:
                feats.append(left)
            if known is None or right in known:
                feats.append(right)
        if places[i]:
            feats.append(f"mp={places[i]}")
        out.append(feats)
    return out


def baseline_features(tokens: list[str], known: frozenset[str] | None = None) -> list[list[str]]:
    """The plain baseline: word, prefixes and suffixes (1–3), and the words in a ±2 window."""
    n = len(tokens)
    out: list[list[str]] = []
    for i, tok in enumerate(tokens):
        feats = ["bias", f"w={tok}"]
        feats += [f"p{k}={tok[:k]}" for k in (1, 2, 3)] + [f"x{k}={tok[-k:]}" for k in (1, 2, 3)]
        for off in WINDOW:
            j = i + off
            feats.append(f"{off}w={tokens[j]}" if 0 <= j < n else f"{off}BOUND")
        out.append(feats if known is None else [f for f in feats if f in known])
    return out
