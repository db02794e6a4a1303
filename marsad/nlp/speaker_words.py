"""The words a speaker phrase is read from: folded tokens, and what a word is (a stop word, a
definite noun, an honorific) — shared by :mod:`marsad.nlp.speakers` and :mod:`marsad.nlp.preverbal`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from marsad.nlp.cues import match_word
from marsad.nlp.honorifics import honorifics, leading_honorifics
from marsad.nlp.quotes import QUOTE_CHARS
from marsad.nlp.wordlists import (
    clause_words,
    masdar_like,
    name_classes,
    outlets,
    person_words,
    place_kinds,
    speaker_noun,
)

TOKEN_RE = re.compile(r"#?\w+|[^\w\s]")
COMMAS = frozenset({"،", ","})
NAME_LINKS = frozenset({"عبد", "ابو", "بن", "ابن", "ال", "بنت", "ام", "اب", "ولد"})
TIME_WORDS = frozenset({"امس", "اليوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"})


class Tok(NamedTuple):
    """A token of folded text: ``[start, end)`` into the folded string and its text."""

    start: int
    end: int
    text: str


def tokenize_folded(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Tokens of folded ``text[start:end]``, offsets into ``text``."""
    new = tuple.__new__
    stop = len(text) if end is None else end
    return [new(Tok, (m.start(), m.end(), m.group())) for m in TOKEN_RE.finditer(text, start, stop)]


@lru_cache(maxsize=1)
def _honorific_firsts() -> frozenset[str]:
    return frozenset(h.folded[0] for h in honorifics() if h.folded)


def honorific_words(words: tuple[str, ...]) -> int:
    """How many of the leading words are honorifics (سماحة السيد …)."""
    if not words or words[0] not in _honorific_firsts():
        return 0
    return _honorific_count(words)


@lru_cache(maxsize=65536)
def _honorific_count(words: tuple[str, ...]) -> int:
    return sum(len(h.folded) for h in leading_honorifics(list(words)))


def definite(word: str) -> bool:
    return word.startswith(("ال", "لل", "بال", "وال", "كال"))


def is_word(tok: Tok) -> bool:
    return tok.text[0].isalnum() or tok.text[0] in "#_"


def stop_word(word: str) -> bool:
    if len(word) > 2 and word[0] in "وف" and _stop_plain(word[1:]):
        return True
    return _stop_plain(word)


def _stop_plain(word: str) -> bool:
    cw = clause_words()
    return (
        word in cw.adverb
        or word in cw.particle
        or word in cw.comp
        or word in cw.neg
        or word in TIME_WORDS
        or match_word(word) is not None
    )


def segments(toks: list[Tok]) -> list[list[Tok]]:
    """Comma-separated parts of a token run."""
    out: list[list[Tok]] = [[]]
    for t in toks:
        if t.text in COMMAS:
            out.append([])
        else:
            out[-1].append(t)
    return out


def addressee_at(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` opens the addressee of a statement, ل fused to an outlet: ``لسكاي نيوز``,
    ``لـCNN``, ``لوكالة رويترز``, ``لقناة الجزيرة`` (a media noun counts only before a named outlet),
    or to a personal name after the speaker (``قال المتحدث لآبي``)."""
    w = words[i]
    if not w.startswith("ل") or w.startswith("ال"):
        return False
    known = outlets()
    stem = w[1:].rstrip("0123456789") or w[1:]  # لفرانس24: the outlet's number fused to its name
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if w == "ل":
        return bool(nxt) and (nxt[:1].isalpha() or nxt in QUOTE_CHARS)
    if stem in known.firsts or ("ال" + stem) in known.firsts or (stem.startswith("ل") and "ا" + stem in known.firsts):
        return True
    if i > 0 and not stem.startswith("ل") and len(stem) >= 3 and stem in person_words() and speaker_noun(stem) is None:
        return True  # قال المتحدث لآبي: a person spoken to
    return stem in known.media and (nxt in known.firsts or nxt in QUOTE_CHARS)


def place_phrase(word: str) -> bool:
    """Whether the word after في/من can name where a body or source is (مصادر في الوزارة، مصدر في
    حماس), rather than when or where it spoke (في ساعة متأخرة، في صفحتها الأولى)."""
    if len(word) > 4 and word.endswith(("ها", "هم", "ته", "ه")) and speaker_noun(word) is None:
        return definite(word) and not word.endswith(("ها", "هم"))
    if definite(word) or place_kinds().get(word) or speaker_noun(word) is not None:
        return True
    return word in name_classes() and not masdar_like(word)


OBJECT_PREPS = frozenset({"علي", "عن", "من", "الي", "في", "مع"})


def nisba(word: str) -> bool:
    return word.endswith(("ي", "يه", "يون", "يين"))


def object_after_phrase(seg: list[Tok], i: int) -> bool:
    """In a noun phrase after a verb with no complementiser: a definite noun after a definite
    adjective, followed by a preposition (الشرطة المحلية القبض على), or an indefinite accusative after
    a definite word (لائحة الدعوى عددا), opens the verb's object."""
    if i < 2:
        return False
    w, prev = seg[i].text, seg[i - 1].text
    nxt = seg[i + 1].text if i + 1 < len(seg) else ""
    if definite(w) and definite(prev) and nisba(prev) and not nisba(w) and speaker_noun(w) is None:
        return nxt in OBJECT_PREPS
    return accusative_after(seg, i)


def accusative_after(seg: list[Tok], i: int) -> bool:
    w = seg[i].text
    if definite(w) or not definite(seg[i - 1].text) or not w.endswith("ا") or len(w) <= 3:
        return False
    return speaker_noun(w) is None and w not in person_words()


def place_object(seg: list[Tok], i: int) -> bool:
    """``اتهم فلان طهران بدعم …``: a place name (not also a personal name) followed by a preposition
    is the verb's object."""
    w = seg[i].text
    if place_kinds().get(w) not in ("country", "city") or w in person_words():
        return False
    nxt = seg[i + 1].text if i + 1 < len(seg) else ""
    return nxt in ("علي", "من", "عن", "الي", "في") or (
        nxt.startswith("ب") and len(nxt) > 3 and nxt not in person_words()
    )
