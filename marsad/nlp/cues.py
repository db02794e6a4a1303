"""Reporting cues: the lexicon in ``marsad/data/cues.tsv``, inflected, and matched on folded tokens.

A verb row gives three stems (past, present, participle); this module makes the third-person
forms of both genders and numbers (قال، قالت، قالوا، يقول، تقول، يقولون، قائلا، قائلة …), with
object pronouns where the verb takes them (وصفه، اتهمها).  Noun and passive cues are matched as
written, several words long where they are (على لسان، على حد قول).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from marsad.text import fold

CueKind = Literal["verb", "participle", "noun", "passive", "masdar"]
ContentMode = Literal["clause", "np", "prep"]
Gender = Literal["m", "f", "p", ""]

OBJECT_SUFFIXES = ("ه", "ها", "هم", "هما")


@dataclass(frozen=True, slots=True)
class CueForm:
    """What one written form of a cue is."""

    lemma: str  # folded past stem or the folded noun cue
    kind: CueKind
    preps: tuple[str, ...]  # folded prepositions that may follow the cue and are dropped
    content: ContentMode
    gender: Gender
    conj: bool  # only a cue after و/ف or a clause break (the bare word has another common reading)
    words: tuple[str, ...] = ()  # the folded words of a several-word cue
    present: bool = False  # a present-tense verb form (يقول، تؤكد)
    suffixed: bool = False  # carries a pronoun that is its subject or object (إعلانه، وصفه)
    transitive: bool = False  # takes an object before its preposition (وصف الخطة بأنها، اتهم الوزارة بـ)
    going_on: bool = False  # with و and no subject it goes on with the last speaker (ويضيف "…"، وتتابع أن)


@dataclass(frozen=True, slots=True)
class Lexicon:
    single: dict[str, CueForm]
    multi: dict[str, tuple[CueForm, ...]]  # first word → several-word cues, longest first
    candidates: frozenset[str]  # every word that may be a cue, clitics included, for a fast first pass


def _past_forms(stem: str) -> list[tuple[str, Gender]]:
    if stem.endswith(("ي", "ا")):  # defective: رأى، دعا، نفى
        base = stem[:-1]
        return [(stem, "m"), (base + "ت", "f"), (base + "وا", "p")]
    return [(stem, "m"), (stem + "ت", "f"), (stem + "وا", "p")]  # duals (قالا) clash with other words (أقرا)


def _present_forms(stem: str) -> list[tuple[str, Gender]]:
    forms: list[tuple[str, Gender]] = [(stem, "m"), ("ت" + stem[1:], "f")]
    if stem.endswith("و"):
        forms.append((stem + "ن", "p"))
    elif stem.endswith("ي"):
        forms.append((stem[:-1] + "ون", "p"))
    else:
        forms += [(stem + "ون", "p"), (stem + "ان", "m")]
    return forms


def _participle_forms(stem: str) -> list[tuple[str, Gender]]:
    return [(stem + "ا", "m"), (stem + "ه", "f"), (stem + "ين", "p")]  # not +ات: مطالبات is a noun


def _with_objects(forms: list[tuple[str, Gender]]) -> list[tuple[str, Gender]]:
    out = list(forms)
    for form, gender in forms:
        base = form[:-1] if form.endswith("وا") else form
        out += [(base + suffix, gender) for suffix in OBJECT_SUFFIXES]
    return out


def _rows() -> list[list[str]]:
    text = resources.files("marsad.data").joinpath("cues.tsv").read_text("utf-8")
    return [r for r in csv.reader(text.splitlines(), delimiter="\t") if r and not r[0].startswith("#")]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Every folded cue form and what it is."""
    single: dict[str, CueForm] = {}
    multi: dict[str, list[CueForm]] = {}
    for kind, past, present, participle, preps_col, content, flags in _rows():
        preps = tuple(fold(p) for p in preps_col.split("|") if p != "-")
        mode: ContentMode = "np" if content == "np" else "prep" if content == "prep" else "clause"
        conj = "conj" in flags.split(",")
        lemma = fold(past)
        if kind == "verb":
            past_forms = _past_forms(lemma)
            present_forms = _present_forms(fold(present)) if present != "-" else []
            obj = "obj" in flags.split(",")
            cont = "cont" in flags.split(",")
            for forms, is_present in ((past_forms, False), (present_forms, True)):
                for form, gender in _with_objects(forms) if obj else forms:
                    suffixed = obj and (form, gender) not in forms
                    single.setdefault(
                        form, CueForm(lemma, "verb", preps, mode, gender, conj, (), is_present, suffixed, obj, cont)
                    )
            if participle != "-":
                for form, gender in _participle_forms(fold(participle)):
                    single.setdefault(form, CueForm(lemma, "participle", preps, mode, gender, False))
            continue
        if kind == "masdar":  # تأكيد الرئيس أن …، إعلانه أن …
            if "suffixed" not in flags.split(","):
                single.setdefault(lemma, CueForm(lemma, "masdar", preps, mode, "", conj))
            for suffix in OBJECT_SUFFIXES:
                single.setdefault(lemma + suffix, CueForm(lemma, "masdar", preps, mode, "", conj, (), False, True))
            continue
        cue_kind: CueKind = "passive" if kind == "passive" else "noun"
        words = tuple(lemma.split())
        form_ = CueForm(lemma, cue_kind, preps, mode, "", conj, words)
        if len(words) == 1:
            single.setdefault(words[0], form_)
        else:
            multi.setdefault(words[0], []).append(form_)
    firsts = set(single) | set(multi)
    candidates = frozenset(firsts | {p + w for w in firsts for p in "وفبل"} | {"وب" + w for w in single})
    return Lexicon(single, {k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in multi.items()}, candidates)


def candidate_indices(words: list[str]) -> list[int]:
    """Indices of the folded words that may be cues (a superset: check each with
    :func:`match_words`).  A set lookup per word, so that cue-free text costs almost nothing."""
    cands = lexicon().candidates
    return [i for i, w in enumerate(words) if w in cands]


def match_word(word: str) -> tuple[int, CueForm] | None:
    """The cue a folded word is, with the length of its conjunction prefix (و/ف), or None."""
    single = lexicon().single
    cue = single.get(word)
    if cue is not None:
        return 0, cue
    if len(word) >= 3 and word[0] in "وفبل":
        cue = single.get(word[1:])
        if cue is not None and (word[0] in "وف" or cue.kind == "masdar"):
            return 1, cue
        if word[1] == "ب" and (cue := single.get(word[2:])) is not None and cue.kind == "noun":
            return 2, cue  # وبقوله
    if len(word) > 3 and word[0] == "ب" and (cue := single.get(word[1:])) is not None and cue.kind == "noun":
        return 1, cue  # بقوله
    return None


def match_words(words: list[str], i: int) -> tuple[int, int, CueForm] | None:
    """The cue starting at ``words[i]``: ``(prefix length, number of words, form)``, several-word cues first."""
    word = words[i]
    for prefix in (0, 1):
        first = word[prefix:]
        if prefix and (len(word) < 3 or word[0] not in "وف"):
            break
        for cue in lexicon().multi.get(first, ()):
            n = len(cue.words)
            if tuple([first, *words[i + 1 : i + n]]) == cue.words:
                return prefix, n, cue
    found = match_word(word)
    if found is None:
        return None
    return found[0], 1, found[1]
