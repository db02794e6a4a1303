"""Where a speaker phrase ends and the verb's object begins: a plural or a second body after a
complete subject (``ناشدت الشرطة الناس``، ``طالب التحالف مجلس …``), a verbal noun, a country or a
counterpart after a name (``أعلن فلان تعليق …``، ``طالب فلان كوريا الجنوبية``، ``اتهم فلان خصمه``),
an indefinite accusative (``تحذيرا``، ``مثالا``).  Used by :mod:`marsad.nlp.speakers`."""

from __future__ import annotations

from marsad.nlp.speaker_words import NAME_LINKS, Tok, definite, honorific_words, nisba, place_object
from marsad.nlp.wordlists import masdar_like, name_classes, outlets, person_words, place_kinds, speaker_noun

DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك"})
PLURAL_OBJECTS = frozenset({"الناس", "الجميع", "المواطنين", "الصحفيين", "الصحافيين", "الحاضرين", "المشاركين"})


def unknown_then_genitive(seg: list[Tok], k: int) -> bool:
    """``قادة المعارضة``: a noun with the feminine ending that no name list knows, followed by a
    definite genitive."""
    w = seg[k].text
    nxt = seg[k + 1].text if k + 1 < len(seg) else ""
    return w.endswith("ه") and nxt.startswith("ال") and w not in person_words() and w not in name_classes()


def object_noun(word: str) -> bool:
    """``مثالا``، ``أسلوبه``: a word with the accusative's alif, or a noun with a pronoun, that no
    name list knows."""
    shape = (word.endswith("ا") and len(word) > 3) or (word.endswith("ه") and len(word) > 4)
    return shape and word not in person_words() and word not in name_classes()


def accusative_noun(word: str) -> bool:
    """``تحذيرا``، ``بيانا``: an indefinite verbal or document noun with the accusative's alif."""
    if definite(word) or not word.endswith("ا") or len(word) < 5:
        return False
    stem = word[:-1]
    return masdar_like(stem) or ((n := speaker_noun(stem)) is not None and n.category == "doc")


def second_phrase(seg: list[Tok], start: int, i: int, anon_head: bool) -> bool:
    """Whether ``seg[i]`` opens a second noun phrase after a complete definite subject: a plural
    object (الشرطة المتظاهرين، الشرطة الناس), another body's head noun (السفارة … في المملكة المتحدة
    الحكومة البريطانية، التحالف مجلس حقوق الإنسان), or a newspaper spoken to (مصادر للصحيفة)."""
    w, prev, head = seg[i].text, seg[i - 1].text, seg[start].text
    if anon_head and w.startswith("لل") and (n := speaker_noun(w)) is not None and n.category == "org":
        return "ال" + w[2:] in outlets().media or w[2:] in outlets().media
    if not definite(prev) or not head.startswith("ال"):
        return False
    if (n := speaker_noun(w)) is not None and n.category in ("org", "role") and not w.startswith(("ل", "ب")):
        if nisba(w) or honorific_words((w, "x")) or (w.startswith("ال") and i == start + 1):
            return False  # التقارير الصحفية، المتحدث باسم التحالف العقيد فلان، الهيئة المنظمة: not a new phrase
        return w.startswith("ال") or w[:1] != "و"
    if not w.startswith("ال") or head.endswith(("ون", "ين", "ات")) or (i > start + 1 and not nisba(prev)):
        return False
    return w in PLURAL_OBJECTS or (w.endswith(("ين", "ات")) and not w.endswith(("يين", "يات")) and len(w) >= 7)


def object_word(seg: list[Tok], start: int, i: int, after_verb: bool) -> bool:
    """A word after a personal name that is the verb's object, whatever follows: a verbal noun
    with its genitive (أعلن ترمب تعليق التدريبات), a country (طالب ترمب كوريا الجنوبية), a
    counterpart with a pronoun (اتهم فلان خصمه), a definite plural (أبلغ ترامب الصحفيين)."""
    w = seg[i].text
    nxt = seg[i + 1].text if i + 1 < len(seg) else ""
    if i == start or seg[i - 1].text in NAME_LINKS or w in person_words():
        return False
    if after_verb and masdar_like(w) and not definite(w) and nxt.startswith("ال"):
        return True
    if place_object(seg, i) or (after_verb and nxt.startswith("ال") and place_kinds().get(w + " " + nxt) == "country"):
        return True
    for cut in (1, 2):
        if len(w) > cut + 2 and w.endswith(("ه", "ها")[cut - 1]) and (n := speaker_noun(w[:-cut])) is not None:
            return n.category == "role"
    return w in PLURAL_OBJECTS
