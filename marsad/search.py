"""Arabic-aware search, shared by every store backend: how a query and a name filter are read.

A query is folded like the index (:mod:`marsad.store.indexing`) and compound names in it are
joined, so that ``اسرائيل`` finds ``إسرائيل``, ``نصرالله`` finds ``نصر الله`` and a bare word
finds its clitic-fused forms; ``"quoted phrases"`` match the exact normalised form.  Backends turn
a :class:`ParsedQuery` into their own syntax (FTS5 MATCH, tsquery).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from marsad.nlp.honorifics import strip_honorifics
from marsad.store.indexing import join_compounds, original_offset, split_compound, words
from marsad.text import fold, strip_proclitics

MIN_EXPANSION = 3  # a query word's de-cliticised stem must keep this many letters to be searched too


# ---- names (speaker and entity filters) ---------------------------------------------------------


def name_forms(name: str) -> tuple[str, str]:
    """A name folded without its honorifics, compounds joined and split: ``("حسن نصرالله", "حسن نصر الله")``."""
    tokens = words(fold(strip_honorifics(name.strip())))
    joined = join_compounds(tokens)
    split = [part for w in joined for part in split_compound(w)]
    return " ".join(joined), " ".join(split)


def name_key(names: Iterable[str | None]) -> str:
    """One matching key for many namings of one speaker or entity (see :func:`name_pattern`)."""
    forms: list[str] = []
    for name in names:
        if not name:
            continue
        for form in name_forms(name):
            if form and form not in forms:
                forms.append(form)
    return " " + " | ".join(forms) + " " if forms else ""


def name_pattern(name: str) -> str | None:
    """What a name filter looks for inside a :func:`name_key`: its words, in order (None for no words).

    ``نصر الله``, ``نصرالله`` and ``السيد حسن نصر الله`` all find the key of ``حسن نصر الله``."""
    joined, _ = name_forms(name)
    return f" {joined} " if joined else None


_LATIN_RE = re.compile(r"[A-Za-z]")


def arabic_spellings(text: str) -> list[str]:
    """The Arabic spellings of a name written in Latin letters (ANETAC pairs); none for other text."""
    if not _LATIN_RE.search(text):
        return []
    from marsad.nlp.names import latin_to_arabic  # the table is read on first use only

    return latin_to_arabic(text)


def name_patterns(name: str) -> list[str]:
    """:func:`name_pattern` of a name and, when it is written in Latin letters, of its Arabic spellings:
    ``Soleimani`` finds the key of ``قاسم سليماني``."""
    found = [name_pattern(n) for n in (name, *arabic_spellings(name))]
    return list(dict.fromkeys(p for p in found if p))


# ---- queries -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Alternative:
    """One way a clause can match: a word, or a phrase (several words in order)."""

    words: tuple[str, ...]
    exact: bool = False  # True: only the exact normalised columns (quoted phrases)
    prefix: bool = False  # the last word is a prefix (``word*``)


@dataclass(frozen=True, slots=True)
class Clause:
    """Any of its alternatives."""

    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """All of its clauses; ``terms`` are folded words to point out in snippets."""

    clauses: tuple[Clause, ...]
    terms: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.clauses)


_PART_RE = re.compile(r'"([^"]*)"?|(\S+)')
DocFreq = Callable[[str], int]


def parse_query(text: str, doc_freq: DocFreq | None = None) -> ParsedQuery:
    """Read a search query: words (all must match), ``"quoted phrases"`` (exact normalised form), ``word*``.

    A word with a conjunction or preposition on it (``وإسرائيل``, ``للميادين``) is also searched
    without it when that stem is more frequent than the word (``doc_freq``, when given, says how
    many documents hold a term; without it the stem is always searched too)."""
    clauses: list[Clause] = []
    terms: set[str] = set()
    pending: list[tuple[str, bool]] = []  # unquoted words so far (compounds join across them), prefix?

    def flush() -> None:
        tokens = join_compounds([w for w, _ in pending])
        last_is_prefix = bool(pending) and pending[-1][1]
        for i, word in enumerate(tokens):
            clauses.append(_word_clause(word, last_is_prefix and i == len(tokens) - 1, terms, doc_freq))
        pending.clear()

    for m in _PART_RE.finditer(text):
        if m.group(1) is not None:
            flush()
            phrase = tuple(words(fold(m.group(1))))
            if phrase:
                clauses.append(Clause((Alternative(phrase, exact=True),)))
                terms.update(phrase)
            continue
        raw = m.group(2)
        found = words(fold(raw))
        pending.extend((w, raw.endswith("*") and i == len(found) - 1) for i, w in enumerate(found))
    flush()
    return ParsedQuery(tuple(clauses), frozenset(terms))


def _word_clause(word: str, prefix: bool, terms: set[str], doc_freq: DocFreq | None) -> Clause:
    alts = [Alternative((word,), prefix=prefix)]
    terms.add(word)
    terms.update(split_compound(word))
    stem = strip_proclitics(word)
    if (
        not prefix
        and stem != word
        and len(stem) >= MIN_EXPANSION
        and (doc_freq is None or doc_freq(stem) > doc_freq(word))
    ):
        alts.append(Alternative((stem,)))
        terms.add(stem)
    for spelling in arabic_spellings(word):  # a Latin-letter name: also its Arabic spellings
        arabic = tuple(join_compounds(words(fold(spelling))))
        if arabic and all(alt.words != arabic for alt in alts):
            alts.append(Alternative(arabic))
            terms.update(arabic)
    return Clause(tuple(alts))


# ---- snippets ------------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _terms_re(terms: frozenset[str]) -> re.Pattern[str]:
    """Any of ``terms`` ending a word of folded text (clitics may precede it)."""
    alts = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?:{alts})(?![^\W_])")


def snippet(text: str, terms: frozenset[str], width: int = 160) -> str:
    """A short piece of ``text`` as written, around the first word matching ``terms`` (else its start)."""
    start = 0
    if terms:
        m = _terms_re(terms).search(fold(text))
        if m:
            start = max(0, original_offset(text, m.start()) - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    piece = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")


__all__ = [
    "Alternative",
    "Clause",
    "ParsedQuery",
    "arabic_spellings",
    "name_forms",
    "name_key",
    "name_pattern",
    "name_patterns",
    "parse_query",
    "snippet",
]
