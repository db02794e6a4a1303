"""Name variants: matching keys that fold spelling, honorifics and clitics, and English→Arabic lookup.

- :func:`name_words` — a name as folded words, honorifics and a fused proclitic dropped
  (``سماحة السيد حسن نصر الله`` → ``حسن نصر الله``; ``للميادين`` → ``الميادين``);
- :func:`strip_name_clitic` — the written name without the proclitic fused onto its first word;
- :func:`light_stem` — a word without article and the endings that turn a noun into its adjective
  (``الثورة``/``الثوري`` → ``ثور``), for organisation and place names;
- :func:`entity_key` — one key per entity name for merging across articles;
- :func:`latin_to_arabic` — Arabic spellings of a Latin-script name (ANETAC table, loaded lazily).
"""

from __future__ import annotations

import gzip
import itertools
import unicodedata
from collections import defaultdict
from functools import lru_cache
from importlib import resources

from marsad.nlp.honorifics import leading_honorifics
from marsad.nlp.ner.resources import lexicons
from marsad.text import fold

PROCLITICS = "وفبلك"
ARTICLE = "ال"
ADJ_ENDINGS = ("يون", "يين", "يات", "يه", "ات", "ون", "ين", "ه", "ي")
MAX_LOOKUPS = 12


def _known(word: str) -> bool:
    lex = lexicons()
    return word in lex.places or word in lex.names or word in lex.clusters


def _likelier(stem: str, word: str) -> bool:
    """``stem`` is a known word and, where the news corpus has both, the more frequent reading."""
    if not _known(stem):
        return False
    ranks = lexicons().ranks
    return ranks.get(stem, len(ranks)) <= ranks.get(word, len(ranks))


def _is_name(word: str) -> bool:
    lex = lexicons()
    return word in lex.places or word in lex.names


@lru_cache(maxsize=65536)
def clitic_length(word: str) -> int:
    """How many leading letters of a folded word are a proclitic fused onto a name (0 if none).

    ``والحرس`` → 1, ``للميادين`` → 1 (``ل`` + ``الميادين``), ``وأردوغان`` → 1, ``بيروت`` → 0.
    """
    n = 0
    rest = word
    if rest[:1] in "وف" and len(rest) > 3:
        n, rest = 1, rest[1:]
    if rest[:1] in "بلك" and len(rest) > 3:
        if rest.startswith("لل") and len(rest) > 3:
            return n + 1
        if rest[1:].startswith(ARTICLE) and len(rest) - 1 >= len(ARTICLE) + 2:  # not وكالة = و + ك + اله
            return n + 1
        if not _is_name(rest) and len(rest) >= 5 and _likelier(rest[1:], rest):
            return n + 1
    if n and (rest.startswith(ARTICLE) or (not _is_name(word) and _likelier(rest, word))):
        return n
    return 0


def strip_name_clitic(name: str) -> str:
    """The name as written without a proclitic fused onto its first word (``للميادين`` → ``الميادين``)."""
    words = name.split()
    if not words:
        return name
    first = words[0]
    folded = fold(first)
    n = clitic_length(folded)
    if not n:
        return name
    # map folded letters back: proclitics are single base letters, so skip n letters (and their marks)
    seen, cut = 0, 0
    for i, ch in enumerate(first):
        if fold(ch):
            seen += 1
        if seen > n:
            cut = i
            break
    rest = first[cut:]
    if folded[:n].endswith("ل") and folded[n:].startswith("ل"):
        rest = "ا" + rest  # ل + ال spelled لل: give the article its alef back
    return " ".join([rest, *words[1:]])


def name_words(name: str) -> list[str]:
    """Folded words of a name, leading honorifics and a fused proclitic removed."""
    words = [w.replace(".", "") for w in fold(name).replace("_", " ").split()]
    words = [w for w in words if w]
    if not words:
        return []
    skip = sum(len(h.folded) for h in leading_honorifics(words))
    words = words[skip:]
    n = clitic_length(words[0])
    if n:
        first = words[0][n:]
        words[0] = ARTICLE + first[1:] if words[0][:n].endswith("ل") and first.startswith("ل") else first
    return words


def light_stem(word: str) -> str:
    """Article and adjectival/plural endings removed (``الإيرانية`` → ``ايران``); folded input."""
    if word.startswith(ARTICLE) and len(word) > 4:
        word = word[2:]
    for end in ADJ_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)]
    return word


def compact(words: list[str]) -> str:
    """Words joined without spaces, so that ``نصرالله`` and ``نصر الله`` meet."""
    return "".join(words)


def entity_key(canonical: str, type: str) -> str:
    """A key that folds an entity name for merging across articles: ``TYPE:folded-name``.

    Persons keep their folded spelling (spaces dropped); other types use light stems, so that
    ``حرس الثورة الإيراني`` and ``الحرس الثوري الإيراني`` share a key.
    """
    words = name_words(canonical)
    if type != "PER":
        words = [light_stem(w) for w in words]
    return f"{type}:{compact(words)}"


def _latin_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _en_ar() -> dict[str, tuple[str, ...]]:
    raw = resources.files("marsad.data").joinpath("names_en_ar.tsv.gz").read_bytes()
    table: dict[str, list[str]] = defaultdict(list)
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        key = parts[0] if parts[0].isascii() and parts[0].isalnum() else _latin_fold(parts[0])
        if parts[1] not in table[key]:
            table[key].append(parts[1])
    return {k: tuple(v) for k, v in table.items()}


def _word_to_arabic(word: str) -> list[str]:
    table = _en_ar()
    key = _latin_fold(word)
    if key in table:
        return list(table[key])
    for art in ("al", "el", "ul"):
        if word.lower().startswith(art + "-") and _latin_fold(word[len(art) + 1 :]) in table:
            return [ARTICLE + w for w in table[_latin_fold(word[len(art) + 1 :])]]
    return []


def latin_to_arabic(query: str) -> list[str]:
    """Arabic spellings of a Latin-script name, word by word (``Soleimani`` → ``سليماني``).

    Where every word is known, the combinations (at most ``MAX_LOOKUPS``); otherwise the spellings
    of the words that are known.
    """
    words = [w for w in query.replace("'", "").split() if _latin_fold(w)]
    options = [_word_to_arabic(w) for w in words]
    if options and all(options):
        return [" ".join(c) for c in itertools.islice(itertools.product(*options), MAX_LOOKUPS)]
    return [a for opts in options for a in opts][:MAX_LOOKUPS]
