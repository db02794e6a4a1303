"""What the full-text index holds, for every store backend: folded text and its *readings*.

The index holds the normalised (folded) title and text, for exact words and quoted phrases, and a
second column of readings: each word's de-cliticised stems (``وإسرائيل`` → ``اسرائيل``,
``للميادين`` → ``الميادين``, ``ميادين``) and compound names joined and split (``نصر الله`` ↔
``نصرالله``).  Queries are read the same way by :mod:`marsad.search`.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.models import Article
from marsad.text import fold, normalize, proclitic_readings

WORD_RE = re.compile(r"[^\W_]+")  # what FTS5's unicode61 tokenizer calls a token, on folded text
UNINDEXED_ZONES = frozenset({"related", "boilerplate"})  # other articles' headlines, site furniture


# ---- folding, fast -------------------------------------------------------------------------------


def words(folded: str) -> list[str]:
    """The words of folded text, as the full-text index splits them."""
    return WORD_RE.findall(folded)


def text_hash(folded_text: str) -> str:
    """:func:`marsad.ids.text_hash` of a text given already folded."""
    return hashlib.sha1(" ".join(folded_text.split()).encode("utf-8")).hexdigest()[:16]


# ---- compound names ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Compounds:
    first: frozenset[str]
    second: frozenset[str]
    first_tuple: tuple[str, ...]


@lru_cache(maxsize=1)
def _compounds() -> _Compounds:
    text = resources.files("marsad.data").joinpath("compounds.tsv").read_text("utf-8")
    rows = [r for r in csv.reader(text.splitlines(), delimiter="\t") if r and not r[0].startswith("#")]
    first = frozenset(fold(r[0]) for r in rows if r[1] == "first")
    second = frozenset(fold(r[0]) for r in rows if r[1] == "second")
    return _Compounds(first, second, tuple(sorted(first)))


def _joins(a: str, b: str) -> bool:
    c = _compounds()
    return (b in c.second and len(a) >= 2 and a not in c.second) or (a in c.first and len(b) >= 2)


def join_compounds(tokens: list[str]) -> list[str]:
    """Folded words with compound names written apart joined (``نصر الله`` → ``نصرالله``)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens) and _joins(tokens[i], tokens[i + 1]):
            out.append(tokens[i] + tokens[i + 1])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


@lru_cache(maxsize=65536)
def split_compound(word: str) -> tuple[str, ...]:
    """A folded word written joined, split (``نصرالله`` → ``("نصر", "الله")``); else ``(word,)``."""
    c = _compounds()
    for part in c.second:
        if word.endswith(part) and len(word) - len(part) >= 2 and word != part:
            return (word[: -len(part)], part)
    for part in c.first:
        if word.startswith(part) and len(word) - len(part) >= 3:
            return (part, word[len(part) :])
    return (word,)


# ---- what is indexed -----------------------------------------------------------------------------


@lru_cache(maxsize=131072)
def _word_readings(word: str) -> tuple[str, ...]:
    """Extra index terms for one folded word: its de-cliticised stems and the parts of a compound."""
    out = [stem for _, stem in proclitic_readings(word)[1:]]
    for form in (word, *out):
        parts = split_compound(form)
        if len(parts) > 1:
            out.extend(parts)
    return tuple(out)


@lru_cache(maxsize=1)
def _pair_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a compound written apart may be: `` الله`` after a word, ``عبد `` before one.

    Both start with a literal so that the regex engine scans fast; the word on the other side
    is found by :func:`_word_before` / the second group."""
    c = _compounds()
    second = "|".join(sorted(c.second, key=len, reverse=True))
    first = "|".join(sorted(c.first, key=len, reverse=True))
    return (
        re.compile(rf" +({second})(?![^\W_])"),
        re.compile(rf"({first}) +([^\W_]+)"),
    )


def _word_before(text: str, end: int) -> str:
    """The word of ``text`` ending at ``end``."""
    start = end
    while start > 0 and (text[start - 1].isalnum()):
        start -= 1
    return text[start:end]


def _compound_pairs(folded: str) -> Iterator[tuple[str, str]]:
    second_re, first_re = _pair_res()
    for m in second_re.finditer(folded):
        yield _word_before(folded, m.start()), m.group(1)
    for m in first_re.finditer(folded):
        yield _word_before(folded, m.end(1)), m.group(2)


def readings(folded: str) -> str:
    """The readings column for folded text: every word's stems, compound names joined and split."""
    unique = set(WORD_RE.findall(folded))
    terms: set[str] = set().union(*map(_word_readings, unique))  # map and union run in C
    for a, b in _compound_pairs(folded):
        if a and _joins_read(a, b):
            terms.add(a + b)
            terms.update(_word_readings(a + b))
    terms.difference_update(unique)
    return " ".join(terms)


@lru_cache(maxsize=65536)
def _joins_read(a: str, b: str) -> bool:
    """``a b`` is a compound, allowing clitics on ``a`` (``ونصر الله`` → ``ونصرالله``)."""
    if _joins(a, b):
        return True
    return any(_joins(stem, b) for _, stem in proclitic_readings(a)[1:])


@dataclass(frozen=True, slots=True)
class IndexedText:
    """What a backend stores for an article's full-text index, and its duplicate key."""

    title: str  # folded title
    body: str  # folded text, without related links and boilerplate
    readings: str  # the readings column over title and body
    text_hash: str  # equal to marsad.ids.text_hash(article.text)


def index_article(article: Article) -> IndexedText:
    """The index fields of an article."""
    text = article.text
    whole = fold(text)
    dropped = sorted((z for z in article.zones if z.kind in UNINDEXED_ZONES), key=lambda z: z.start)
    if dropped:
        pieces: list[str] = []
        last = 0
        for z in dropped:
            pieces.append(text[last : z.start])
            last = max(last, z.end)
        pieces.append(text[last:])
        body = fold("\n".join(pieces))
    else:
        body = whole
    title = fold(article.title or "")
    extra = readings(title + "\n" + body)  # one pass; compounds never join across the line break
    return IndexedText(title, body, extra.strip(), text_hash(whole))


def index_statement(content: str) -> tuple[str, str]:
    """``(folded content, readings)`` of a statement's content."""
    folded = fold(content)
    return folded, readings(folded)


def original_offset(text: str, folded_pos: int) -> int:
    """The offset in ``text`` of the character that folds to position ``folded_pos`` of ``fold(text)``."""
    n = normalize(text)
    return n.start_of(folded_pos) if folded_pos < len(n.text) else len(text)


__all__ = [
    "UNINDEXED_ZONES",
    "WORD_RE",
    "IndexedText",
    "index_article",
    "index_statement",
    "join_compounds",
    "original_offset",
    "readings",
    "split_compound",
    "text_hash",
    "words",
]
