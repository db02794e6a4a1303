"""Reported content: where it starts after its cue, where it ends, and whether it is quoted.

All offsets are into one folded field (title or text) and its tokens (:class:`Tok`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from marsad.nlp.cues import candidate_indices, match_words
from marsad.nlp.quotes import CLOSERS, OPENERS, STRAIGHT
from marsad.nlp.speaker_words import definite
from marsad.nlp.speakers import COMMAS, Tok
from marsad.nlp.wordlists import clause_words, place_kinds, speaker_noun

COMMA_BREAKS = frozenset({"لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "التي", "الذي", "الذين", "الا"})
RELATIVE_BREAKS = frozenset({"التي", "الذي", "الذين"})
EMBEDDED_HEAD = 6  # tokens of content (a noun phrase and its comma) before a relative clause that describes it
NEWLINE_RE = re.compile("\n")
TERMINALS = frozenset({".", "!", "?", "؟", "…"})
TRAILING = " \t.,،:;؛-–—"
ABBREVIATION_PART = 3  # letters of one part of a dotted abbreviation (إف.بي.آي)
ContentKind = Literal["direct", "indirect", "mixed"]
FIRST_NAME_AN = "اان"  # the first name آن, which folding would spell like the complementiser ان


def _first_name_an(words: list[str], k: int) -> bool:
    """Whether the folded ``ان`` at ``k`` is the first name آن (folding drops the madda): after a title or role
    noun, followed by a surname and then the real complementiser (الأخت آن شابيل إن، الراهبة آن ماري أن)."""
    if k == 0 or words[k] != "ان" or not definite(words[k - 1]):
        return False
    noun = speaker_noun(words[k - 1])
    if noun is None or noun.category != "role":
        return False
    comp = clause_words().comp
    for x in (k + 2, k + 3):
        if x < len(words) and words[x] in comp:
            if x + 1 < len(words) and words[x + 1] == "شاء":
                return False  # قال إن مصر إن شاء الله …
            return all(
                w[:1].isalpha()
                and not definite(w)
                and w not in comp
                and w not in place_kinds()
                and match_words(words, y) is None
                for y, w in enumerate(words[k + 1 : x], start=k + 1)
            )
    return False


@dataclass
class Field:
    """One folded field (the title or the text) prepared for cue analysis."""

    text: str
    toks: list[Tok]
    words: list[str]
    pairs: dict[int, int]  # opening quote offset → closing quote offset
    index: dict[int, int]  # token start offset → token index
    starts: list[int]  # token start offsets, for bisect
    cues: frozenset[int]  # indices of the tokens that may be cues
    newlines: list[int]  # offsets of line breaks
    line_starts: frozenset[int]  # indices of the tokens that open a line
    terminals: frozenset[int]  # indices of the tokens that end a sentence
    bounds: tuple[list[int], list[int]] | None = None  # sentence first/stop per token, computed on demand
    named_after: frozenset[str] | None = None  # words written right after a known first name, on demand

    @classmethod
    def build(cls, text: str, toks: list[Tok], pairs: dict[int, int], start: int = 0, end: int | None = None) -> Field:
        """A field over ``text[start:end]`` (a line, or all of it) with its tokens and quotation pairs."""
        starts = [t.start for t in toks]
        words = [t.text for t in toks]
        for k in [k for k, w in enumerate(words) if w == "ان" and _first_name_an(words, k)]:
            toks[k] = Tok(toks[k].start, toks[k].end, FIRST_NAME_AN)  # الأخت آن شابيل إن: a name, not إن
            words[k] = FIRST_NAME_AN
        index = {s: i for i, s in enumerate(starts)}
        newlines = [m.start() for m in NEWLINE_RE.finditer(text, start, len(text) if end is None else end)]
        line_starts = frozenset(bisect_left(starts, nl) for nl in newlines)
        terminals = frozenset(i for i, w in enumerate(words) if w in TERMINALS and not _decimal_point(text, toks[i]))
        noncue = clause_words().noncue
        cues = frozenset(i for i in candidate_indices(words) if words[i] not in noncue and words[i][1:] not in noncue)
        return cls(text, toks, words, pairs, index, starts, cues, newlines, line_starts, terminals)

    def newline_between(self, a: int, b: int) -> bool:
        return bool(self.newlines) and bisect_left(self.newlines, a) < bisect_left(self.newlines, b)

    def breaks_line(self, k: int) -> bool:
        """Whether a line break comes between token ``k - 1`` and token ``k``."""
        return k in self.line_starts

    def is_terminal(self, k: int) -> bool:
        return k in self.terminals

    def is_opening_quote(self, k: int) -> bool:
        t = self.toks[k]
        return (t.text in OPENERS or t.text == STRAIGHT) and t.start in self.pairs

    def after_quote(self, k: int) -> int:
        """Index of the token after the quotation opened at token ``k``."""
        close = self.pairs[self.toks[k].start]
        return self.index.get(close, k) + 1

    def sentence_start(self, k: int) -> int:
        """Index of the first token of the sentence holding token ``k`` (within its line)."""
        return self._bounds()[0][k] if k < len(self.toks) else self._bounds()[0][-1] if self.toks else 0

    def sentence_stop(self, k: int) -> int:
        """Index of the terminal token (or the line's end) of the sentence holding token ``k``."""
        return self._bounds()[1][k] if k < len(self.toks) else len(self.toks)

    def _bounds(self) -> tuple[list[int], list[int]]:
        """Per token: its sentence's first token and its sentence's terminal (or line end), computed once."""
        if self.bounds is None:
            n = len(self.toks)
            first = [0] * n
            stop = [n] * n
            start = 0
            for i in range(n):
                if i and (i in self.line_starts or i - 1 in self.terminals):
                    start = i
                first[i] = start
            end = n
            for i in range(n - 1, -1, -1):
                if i + 1 < n and i + 1 in self.line_starts:
                    end = i + 1
                if i in self.terminals:
                    end = i
                stop[i] = end
            self.bounds = (first, stop)
        return self.bounds

    def after_names(self, people: frozenset[str]) -> frozenset[str]:
        """The words that follow a word of ``people`` somewhere in the field (جبران باسيل → باسيل)."""
        if self.named_after is None:
            pairs = zip(self.words, self.words[1:], strict=False)
            self.named_after = frozenset(w for prev, w in pairs if prev in people)
        return self.named_after

    def line_end(self, pos: int) -> int:
        nl = self.text.find("\n", pos)
        return len(self.text) if nl < 0 else nl


def starts_new_statement(f: Field, k: int) -> bool:
    """Whether token ``k`` opens a new report that ends the current content: a participle cue
    (مشيرا، مضيفا), a verb cue with و/ف (وأضاف), or a noun cue after a comma (، بحسب)."""
    if k not in f.cues:
        return False
    m = match_words(f.words, k)
    if m is None:
        return False
    prefix, _, cue = m
    if cue.kind == "participle":
        return not predicate_participle(f, k)
    if correlative_bayn(f, k, cue.lemma):
        return False
    prev = f.words[k - 1] if k else ""
    if cue.kind == "verb" and (prefix or (prev in COMMAS and not cue.present)):
        return True
    if cue.kind != "noun" or prev not in COMMAS:
        return False
    return cue.lemma not in ("قوله", "قولها", "قولهم") or prefix > 0  # ، بقوله


def correlative_bayn(f: Field, i: int, lemma: str) -> bool:
    """``اللقاء بينه وبين نظيره``: the second بين of "between … and …" is a preposition, not بيّن."""
    if lemma != "بين":
        return False
    return any(w.startswith("بين") for w in f.words[max(f.sentence_start(i), i - 8) : i])


def predicate_participle(f: Field, k: int) -> bool:
    """``أن الدول المجاورة مطالبة بالانخراط``: a participle right after the definite subject of a
    complementiser clause is that clause's predicate, not an adverbial cue (مطالبا، مشيرا إلى)."""
    if k < 2 or f.words[k].endswith("ا") or not f.words[k - 1].startswith("ال"):
        return False
    comp = clause_words().comp
    for back in range(2, 5):
        w = f.words[k - back] if k - back >= 0 else ""
        if w in comp or (k - back >= 0 and f.sentence_start(k) == k - back and w.startswith(("ال", "وال"))):
            return True  # … أن الدول مطالبة، والمرأة الروسية متهمة بـ: the predicate of a nominal sentence
        if not w.startswith("ال"):
            return False
    return False


def _decimal_point(text: str, t: Tok) -> bool:
    """A point inside a number (2.5) or an abbreviation (إف.بي.آي، أ.ف.ب), not a sentence end."""
    if t.text != "." or t.start == 0:
        return False
    before, after = text[t.start - 1 : t.start], text[t.end : t.end + 1]
    if before.isdigit() and after.isdigit():
        return True
    if not (before.isalpha() and after.isalpha()):
        return False
    word = text[: t.start].rsplit(None, 1)[-1].rsplit(".", 1)[-1]
    return len(word) <= ABBREVIATION_PART  # إف.بي: a short part before the point


def narration_break(f: Field, k: int) -> bool:
    """Narration that takes over after reported content: في حين، وذلك، ، لكنها لم …"""
    if k and f.words[k - 1] in COMMAS:
        w = f.words[k]
        if w in COMMA_BREAKS:
            return True
        if len(w) >= 5 and w[0] == "م" and w[-1] in "اه" and (k + 1 >= len(f.words) or f.words[k + 1] not in COMMAS):
            return True  # ، مفندة …: a circumstantial participle opens the narrator's next clause
    if f.words[k] not in _break_firsts():
        return False
    if any(tuple(f.words[k : k + len(w)]) == w for w in clause_words().nobreaks):
        return False  # في وقت متأخر: an adverbial of the content, not في وقت (while)
    return any(f.words[k] == w[0] and tuple(f.words[k : k + len(w)]) == w for w in clause_words().breaks)


@lru_cache(maxsize=1)
def _break_firsts() -> frozenset[str]:
    return frozenset(w[0] for w in clause_words().breaks)


def content_end(f: Field, k: int, stop_at_cues: bool = True) -> int:
    """Folded end offset of content starting at token ``k``: a whole quotation when it opens with
    one, else the sentence (quotations inside skipped), cut before the next report."""
    n = len(f.toks)
    if k >= n:
        return f.toks[-1].end if f.toks else 0
    if f.is_opening_quote(k):
        close = f.pairs[f.toks[k].start]
        return close + 1
    if f.toks[k].text in OPENERS or f.toks[k].text == STRAIGHT:  # unclosed: runs to the line end
        return _trim(f, f.toks[k].start, f.line_end(f.toks[k].start))
    j = k
    end = f.toks[k].end
    while j < n:
        t = f.toks[j]
        if j > k and f.breaks_line(j):
            break
        if f.is_opening_quote(j):
            j = f.after_quote(j)
            end = f.toks[j - 1].end
            continue
        if f.is_terminal(j):
            break
        if stop_at_cues and j > k and (starts_new_statement(f, j) or narration_break(f, j)):
            after = _embedded_relative(f, k, j)
            if after is None:
                break
            j = after  # أن الطفل، الذي عثر عليه …، كان مريضا: the relative clause describes the content's subject
            continue
        if j > k and (t.text in CLOSERS or (t.text == STRAIGHT and t.start in f.pairs.values())):
            break  # a closing mark whose opener is before the content: the quotation we are in ends
        end = t.end
        j += 1
    return _trim(f, f.toks[k].start, end)


def _embedded_relative(f: Field, k: int, j: int) -> int | None:
    """Where content goes on after a relative clause set off by commas right after its first noun
    phrase (``أن الضحية، التي …، تعرضت``): the index after the closing comma, or None."""
    if j - k > EMBEDDED_HEAD or f.words[j] not in RELATIVE_BREAKS or f.words[j - 1] not in COMMAS:
        return None
    stop = f.sentence_stop(j)
    close = next((c for c in range(j + 2, stop) if f.words[c] in COMMAS), None)
    if close is None or close + 1 >= stop or not f.toks[close + 1].text[0].isalpha():
        return None
    if starts_new_statement(f, close + 1) or narration_break(f, close + 1) or f.is_opening_quote(close + 1):
        return None
    return close + 1


def _trim(f: Field, start: int, end: int) -> int:
    while end > start and f.text[end - 1] in TRAILING:
        end -= 1
    return end


def content_kind(f: Field, start: int, end: int) -> ContentKind:
    """direct: all inside one quotation; mixed: a quoted stretch of two words or more; else indirect."""
    if start in f.pairs and f.pairs[start] == end - 1:
        return "direct"
    for o, c in f.pairs.items():
        if start <= o and c < end and len(f.text[o + 1 : c].split()) >= 2:
            return "mixed"
    return "indirect"
