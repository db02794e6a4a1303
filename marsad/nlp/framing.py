"""Framing markers: loaded terms, scare quotes and honorifics, each a span into the original text.

The tool takes no side: it measures.  ``marsad/data/framing.tsv`` holds, for each concept (Israel, deaths of
people, armed groups …), the wordings of every side and the neutral one; :func:`find_terms` finds all of them
(for comparing outlets' choices), :func:`find_framing` reports the non-neutral ones as ``loaded-term`` markers,
plus ``scare-quotes`` (quotation marks around a bare name or term) and ``honorific`` (a title of reverence before
a name, from ``marsad/data/honorifics.tsv``).  Cue words live in ``marsad/data/framing_cues.tsv``.
See docs/framing.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from marsad.models import Entity, FramingMarker, Span, Zone
from marsad.nlp.document import Doc
from marsad.nlp.framing_lexicon import (
    PRONOUN_SUFFIXES,
    Cues,
    Entry,
    clitic_surfaces,
    concept_of,
    cues,
    entry,
    lexicon,
    load,
)
from marsad.nlp.honorifics import Honorific, honorifics, leading_honorifics
from marsad.text import Normalized, fold_key, proclitic_readings

SKIPPED_ZONES = frozenset({"related", "boilerplate"})  # other articles' headlines and site furniture
MAX_QUOTED_WORDS = 3
MAX_QUOTE_CHARS = 60

_WORD_RE = re.compile(r"[^\W_]+")
_QUOTE_RE = re.compile(r"[\"«“]")
_CLOSERS = {"«": "»", "“": "”", '"': '"'}
_BEFORE_OPEN = " \n([{:،,؛;-–—/"
_AFTER_CLOSE = " \n)]}.،,؛;:!?؟-–—/…"
_CLAUSE_END = ".،,؛;:!?؟)]…\n"
_IN_NAME_PUNCT = ".،,؛;:!?؟\n"
_CLITIC_LETTERS = frozenset("وفبلك")


@dataclass(frozen=True, slots=True)
class TermHit:
    """A lexicon term found in an article: where, and which entry."""

    span: Span
    entry: Entry


# --- one folded field, scanned once ---------------------------------------------------------------------------

_FOLLOWING_RE = re.compile(r"[ _]+([^\W_]+)")  # the next word, joined by spaces only (or a hashtag's "_")
_PREVIOUS_RE = re.compile(r"([^\W_]+)[ _]+$")
_BEFORE_QUOTE_RE = re.compile(r"(?<![^\W_])([^\W_]+) *(?:(?<![^\W_])[وفبلك] *)?$")

Place = tuple[int, int]  # [start, end) in the folded field


def _following(text: str, pos: int, k: int) -> list[tuple[int, int, str]]:
    """Up to ``k`` words after ``pos`` that only spaces separate (no punctuation, no line break)."""
    out: list[tuple[int, int, str]] = []
    while len(out) < k and (m := _FOLLOWING_RE.match(text, pos)):
        out.append((m.start(1), m.end(1), m.group(1)))
        pos = m.end()
    return out


def _stems(word: str) -> list[str]:
    """The word and its readings without proclitics (see :func:`marsad.text.proclitic_readings`)."""
    return [stem for _, stem in proclitic_readings(word)]


def _has(word: str, vocabulary: frozenset[str], suffixes: bool = False) -> bool:
    for stem in _stems(word):
        if stem in vocabulary:
            return True
        if suffixes and any(stem.endswith(x) and stem[: -len(x)] in vocabulary for x in PRONOUN_SUFFIXES):
            return True
    return False


@lru_cache(maxsize=1)
def _honorific_surfaces() -> dict[str, tuple[tuple[str, int], ...]]:
    return clitic_surfaces({h.folded[0] for h in honorifics()}, article=False)  # the table writes its ال


def _scan(
    text: str, per_starts: set[int], starts: Callable[[int], int]
) -> tuple[list[tuple[Place, Entry]], list[tuple[Place, Honorific]]]:
    """Lexicon terms (longest first, left to right, not overlapping) and honorifics before names, in one pass."""
    lex = load()
    hon_surfaces = _honorific_surfaces()
    terms: list[tuple[Place, Entry]] = []
    found_honorifics: list[tuple[Place, Honorific]] = []
    consumed = blocked = honoured = 0  # ends of the last term, homonym phrase and honorific chain
    present = _candidates().intersection(_WORD_RE.findall(text))
    if not present:
        return terms, found_honorifics
    for s, e, word in _positions(text, present):
        readings = lex.surfaces.get(word)
        if readings is not None and s >= consumed:
            best: tuple[int, int, Entry] | None = None  # (words, skip, entry)
            following: list[tuple[int, int, str]] = []
            for key, skip in readings:
                node = lex.trie[key]
                depth = 1
                while True:
                    if node.entry is not None and (best is None or depth > best[0]):
                        best = (depth, skip, node.entry)
                    if not node.next:
                        break
                    if len(following) < depth:
                        following += _following(text, following[-1][1] if following else e, 1)
                        if len(following) < depth:
                            break
                    nxt = node.next.get(following[depth - 1][2])
                    if nxt is None:
                        break
                    node, depth = nxt, depth + 1
            if best is not None:
                consumed = following[best[0] - 2][1] if best[0] > 1 else e
                terms.append(((s + best[1], consumed), best[2]))
                if best[2].category == "homonym":
                    blocked = consumed
        hon = hon_surfaces.get(word)
        if hon is not None and s >= blocked and s >= honoured and not _after_introducer(text, s):
            chain = _honorific_chain(text, s, e, hon[0], per_starts, starts)
            if chain:
                found_honorifics.extend(chain[0])
                honoured = chain[1]
    return terms, found_honorifics


@lru_cache(maxsize=1)
def _candidates() -> frozenset[str]:
    """Every word as written that can start a term or an honorific."""
    return frozenset(load().surfaces) | frozenset(_honorific_surfaces())


def _positions(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """Where these words occur as whole words, in text order (a few candidates an article: ``str.find`` is enough)."""
    out: list[tuple[int, int, str]] = []
    n = len(text)
    for w in words:
        i = text.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or not _is_word_char(text[i - 1])) and (j == n or not _is_word_char(text[j])):
                out.append((i, j, w))
            i = text.find(w, i + 1)
    out.sort()
    return out


def _is_word_char(c: str) -> bool:
    return c.isalnum()


def _after_introducer(text: str, s: int) -> bool:
    """Whether the word before ``s``, joined by spaces only, names a place or work (حي الشيخ جراح)."""
    m = _PREVIOUS_RE.search(text, max(0, s - 40), s)
    return m is not None and _has(m.group(1), cues().introducer)


def _honorific_chain(
    text: str, s: int, e: int, reading: tuple[str, int], per_starts: set[int], starts: Callable[[int], int]
) -> tuple[list[tuple[Place, Honorific]], int] | None:
    """The framing honorifics of a chain starting at this word, if a name follows it, and where the chain ends."""
    key, skip = reading
    following = _following(text, e, 7)
    places = [(s + skip, e)] + [(a, b) for a, b, _ in following]
    chain = leading_honorifics([key] + [w for _, _, w in following])
    size = sum(len(h.folded) for h in chain)
    if not chain or size > len(following) or not _looks_like_name(following[size - 1][2], cues()):
        return None
    single = len(chain) == 1 and " ".join(chain[0].folded) in cues().ambiguous
    # a person's mention may start at the honorific (the entities layer takes it in) or right after it
    if single and not {starts(s + skip), starts(following[size - 1][0])} & per_starts:
        return None
    out: list[tuple[Place, Honorific]] = []
    pos = 0
    for h in chain:
        if h.framing:
            out.append(((places[pos][0], places[pos + len(h.folded) - 1][1]), h))
        pos += len(h.folded)
    return out, places[size - 1][1]


def _looks_like_name(word: str, cw: Cues) -> bool:
    """Not a number, function word or descriptor, nor a word with a clitic and the article (محمد السيد والبالغة)."""
    return not (word.isdigit() or word in cw.function or word in cw.not_name or word.startswith(_CLITIC_ARTICLE))


_CLITIC_ARTICLE = ("وال", "فال", "بال", "كال", "لل")


def _quotes(text: str, gpe: set[str]) -> list[tuple[Place, str]]:
    """Scare quotes: where quotation marks around a bare name or term are, and the lexicon term ("" for none)."""
    cw = cues()
    names = load().names
    out: list[tuple[Place, str]] = []
    for m in _QUOTE_RE.finditer(text):
        a = m.start()
        b = text.find(_CLOSERS[m.group()], a + 1, a + 2 + MAX_QUOTE_CHARS)
        if b < 0:
            continue
        inner = text[a + 1 : b]
        if not inner or inner != inner.strip() or any(c in _IN_NAME_PUNCT or c in '"«»“”' for c in inner):
            continue
        if not _opens(text, a) or (b + 1 < len(text) and text[b + 1] not in _AFTER_CLOSE):
            continue
        inner_words = _WORD_RE.findall(inner)
        if not 1 <= len(inner_words) <= MAX_QUOTED_WORDS or not inner.startswith(inner_words[0]):
            continue
        term = _name_term(inner_words, names, gpe)
        if term is None:
            continue
        before = _BEFORE_QUOTE_RE.search(text, max(0, a - 40), a)
        prev = before.group(1) if before else ""  # the word before, past a detached clitic: تصريح لـ«…»
        if prev and _has(prev, cw.introducer):
            continue
        after = text[b + 1 : b + 3].lstrip(" ")
        closes_clause = not after or after[0] in _CLAUSE_END
        if prev and _has(prev, cw.reporting, suffixes=True):
            continue  # the object of a reporting verb: a quotation
        if closes_clause and ((prev and _has(prev, cw.complementiser)) or _after_colon(text, a)):
            continue  # a short quotation, not scare quotes
        out.append(((a, b + 1), term))
    return out


def _opens(text: str, a: int) -> bool:
    """Whether the quote mark at ``a`` can open a quotation: after a space, punctuation, or a lone clitic letter."""
    if a == 0 or text[a - 1] in _BEFORE_OPEN:
        return True
    return text[a - 1] in _CLITIC_LETTERS and (a == 1 or text[a - 2] in _BEFORE_OPEN)


def _after_colon(text: str, a: int) -> bool:
    i = a - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i] == ":"


def _name_term(words: list[str], names: dict[tuple[str, ...], Entry | None], gpe: set[str]) -> str | None:
    """The lexicon term of a quoted name ("" for a bare name without its own entry), or None if not a name."""
    for stem in _stems(words[0]):
        key = (stem, *words[1:])
        e = names.get(key, False)
        if isinstance(e, Entry):
            return e.term
        if e is None and stem == words[0]:
            return ""
    joined = " ".join(words)
    return "" if joined in gpe or joined in cues().quotable else None


def _with_marks(text: str, end: int) -> int:
    """``end`` moved past the combining marks (tashkeel) that belong to the span's last letter."""
    while end < len(text) and unicodedata.category(text[end]) == "Mn":
        end += 1
    return end


# --- the analyser ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    terms: tuple[TermHit, ...]
    markers: tuple[FramingMarker, ...]


def _entities(doc: Doc) -> tuple[Entity, ...]:
    found = doc.found.get("entities")
    return tuple(e for e in found if isinstance(e, Entity)) if isinstance(found, tuple) else ()


def _analyse(doc: Doc) -> _Found:
    cached = doc.found.get("framing.found")
    if isinstance(cached, _Found):
        return cached
    entities = _entities(doc)
    gpe = {fold_key(m.text) for e in entities if e.type == "GPE" for m in e.mentions}
    terms: list[TermHit] = []
    markers: list[FramingMarker] = []
    fields: tuple[tuple[Zone | None, Normalized], ...] = (("title", doc.norm_title), (None, doc.norm_text))
    for zone, norm in fields:
        per = {
            m.start for e in entities if e.type == "PER" for m in e.mentions if (m.zone == "title") == (zone == "title")
        }

        def span(ns: int, ne: int, zone: Zone | None = zone, norm: Normalized = norm) -> Span | None:
            s, e = norm.to_original(ns, ne)
            e = _with_marks(norm.original, e)
            z = zone or doc.article.zone_at(s)
            return None if z in SKIPPED_ZONES else doc.span(s, e, z)

        found_terms, found_honorifics = _scan(norm.text, per, norm.start_of)
        honorific_spans: list[Span] = []
        for (ns, ne), h in found_honorifics:
            if sp := span(ns, ne):
                honorific_spans.append(sp)
                markers.append(FramingMarker(sp, "honorific", h.term))
        for (ns, ne), e in found_terms:
            if (sp := span(ns, ne)) is None:
                continue
            terms.append(TermHit(sp, e))
            if e.marked and not any(h.start < sp.end and sp.start < h.end for h in honorific_spans):
                markers.append(FramingMarker(sp, "loaded-term", e.term))
        for (ns, ne), term in _quotes(norm.text, gpe):
            if sp := span(ns, ne):
                markers.append(FramingMarker(sp, "scare-quotes", term or sp.text[1:-1]))
    order = {"title": 0}
    found = _Found(
        tuple(sorted(terms, key=lambda t: (order.get(t.span.zone, 1), t.span.start))),
        tuple(sorted(markers, key=lambda m: (order.get(m.span.zone, 1), m.span.start, m.marker))),
    )
    doc.found["framing.found"] = found
    return found


def find_terms(doc: Doc) -> tuple[TermHit, ...]:
    """Every lexicon term in the article, neutral ones included: what reports compare across outlets."""
    return tuple(t for t in _analyse(doc).terms if t.entry.category != "homonym")


def find_framing(doc: Doc) -> tuple[FramingMarker, ...]:
    """Loaded terms, scare quotes and honorifics, as spans into the title and text."""
    return _analyse(doc).markers


__all__ = ["Entry", "TermHit", "concept_of", "entry", "find_framing", "find_terms", "lexicon"]
