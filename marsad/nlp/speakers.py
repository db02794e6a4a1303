"""Who speaks: the subject noun phrase of a reporting cue, split into role and name.

Works on folded tokens (see :class:`Tok`).  The common news orders are handled:

- after the verb (VSO): ``قال الرئيس الأمريكي دونالد ترامب إن`` → role ``الرئيس الأمريكي``, name
  ``دونالد ترامب``;
- with a comma apposition: ``قال قائد قوة القدس …، إسماعيل قاآني، خلال كلمته … إن``;
- before the verb: ``قاآني يؤكد أن`` (see :mod:`marsad.nlp.preverbal`);
- organisations, documents and unnamed sources by their head noun (``speaker_nouns.tsv``), with a
  name in quotation marks (``وكالة "سبأ" الرسمية``).

A name ends where the verb's object begins: a verbal noun (``masdar_patterns.tsv``), a body's head
noun, a place before a preposition, an outlet spoken to (``outlets.tsv``: ``لسكاي نيوز``).  Word
predicates shared with :mod:`marsad.nlp.preverbal` live in :mod:`marsad.nlp.speaker_words`; personal
names are read by :mod:`marsad.nlp.speaker_names`, and the verb's object after a subject is told
apart by :mod:`marsad.nlp.speaker_objects`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from marsad.nlp.quotes import CLOSERS, QUOTE_CHARS
from marsad.nlp.speaker_names import name_run
from marsad.nlp.speaker_objects import (
    DEMONSTRATIVES,
    accusative_noun,
    object_noun,
    second_phrase,
    unknown_then_genitive,
)
from marsad.nlp.speaker_words import COMMAS, NAME_LINKS, TIME_WORDS, TOKEN_RE, Tok, addressee_at, tokenize_folded
from marsad.nlp.speaker_words import definite as _definite
from marsad.nlp.speaker_words import honorific_words as _honorific_words
from marsad.nlp.speaker_words import is_word as _is_word
from marsad.nlp.speaker_words import nisba as _nisba
from marsad.nlp.speaker_words import object_after_phrase as _object_after_phrase
from marsad.nlp.speaker_words import place_phrase as _place_phrase
from marsad.nlp.speaker_words import segments as _segments
from marsad.nlp.speaker_words import stop_word as _stop
from marsad.nlp.wordlists import (
    clause_words,
    masdar_like,
    person_words,
    place_kinds,
    speaker_noun,
    speaker_nouns,
)

__all__ = [
    "COMMAS",
    "TIME_WORDS",
    "TOKEN_RE",
    "Subject",
    "Tok",
    "agrees",
    "parse_subject",
    "tokenize_folded",
]

Category = Literal["role", "org", "doc", "anon", "name", "group"]
CATEGORIES: dict[str, Category] = {"role": "role", "org": "org", "doc": "doc", "anon": "anon"}

ROLE_LINKS = frozenset({"باسم", "لدي"})
LEAD_SKIPS = frozenset({"ايضا", "كذلك", "بدوره", "بدورها", "مجددا", "مساء", "صباح", "ظهر", "الليله", "من"})
MAX_QUOTED_NAME = 5  # words of a name in quotation marks after a body's head noun
SAME_WORDS = frozenset({"نفس", "ذات"})
RESUMPTIVE = frozenset({"به", "بها", "فيه", "فيها", "عنه", "عنها", "منه", "منها", "عليه", "عليها"})


@dataclass(frozen=True, slots=True)
class Subject:
    """A speaker naming found in the text; offsets are into the folded field."""

    start: int
    end: int
    name: tuple[int, int] | None
    role: tuple[int, int] | None
    category: Category

    @property
    def speaker_type(self) -> Literal["PER", "ORG", "ANON"]:
        if self.category in ("anon", "group") and self.name is None:
            return "ANON"
        if self.category in ("org", "doc"):
            return "ORG"
        return "PER"


def _skip_lead(toks: list[Tok]) -> int:
    i = 0
    while i < len(toks):
        w = toks[i].text
        if w in TIME_WORDS or (w in LEAD_SKIPS and w != "من") or (i == 0 and w in RESUMPTIVE):
            i += 1  # اتهم به الممثل …: the pronoun points back; the subject follows
        elif w == "من" and i + 1 < len(toks) and toks[i + 1].text in ("جهته", "جهتها", "جانبه", "جانبها", "ناحيته"):
            i += 2
        elif w in COMMAS:
            i += 1
        elif i + 1 < len(toks) and addressee_at([t.text for t in toks[i : i + 2]], 0) and toks[i].text != "ل":
            i += 1  # وتوضح لفرانس24 فلانة: the outlet spoken to comes before the subject
        else:
            break
    return i


def _head_category(word: str) -> Category:
    noun = speaker_noun(word)
    if noun is not None:
        return CATEGORIES.get(noun.category, "name")
    return "name"


def _nominal_run(seg: list[Tok], start: int, np_mode: bool) -> int:
    """End (exclusive index) of a role or organisation phrase starting at ``seg[start]``:
    the head, then adjectives and genitives (ال words, ل/ب + noun, construct chains, باسم)."""
    i = start + 1
    words = [t.text for t in seg]
    head = seg[start].text
    head_noun = speaker_noun(head)
    plural = head.endswith(("ون", "ين")) and not (head_noun is not None and head_noun.category == "org")  # تلفزيون
    source_head = head_noun is not None and head_noun.category in ("doc", "anon")
    construct = not _definite(head) and not plural
    while i < len(seg):
        w = seg[i].text
        if w == "غير" and i + 1 < len(seg) and _nisba(seg[i + 1].text) and not _definite(seg[i + 1].text):
            i += 2  # منظمات غير حكومية
            continue
        if (
            w in DEMONSTRATIVES
            and i + 1 < len(seg)
            and seg[i + 1].text.startswith("ال")
            and not _definite(words[i - 1])
        ):
            i += 1  # رئيس هذه اللجنة: a demonstrative before the genitive it points at
            continue
        if not _is_word(seg[i]) or (_stop(w) and w not in ROLE_LINKS) or addressee_at(words, i):
            break
        if second_phrase(seg, start, i, head_noun is not None and head_noun.category == "anon"):
            break  # ناشدت الشرطة الناس، طالب التحالف مجلس …: the verb's object after a complete subject
        masdar_object = w.startswith("ال") and masdar_like(w) and speaker_noun(w) is None
        if np_mode and masdar_object and (i > start + 1 or head.startswith("ال")):
            break  # رفض فريق البيت الأبيض التعقيب: a definite verbal noun after the phrase is the verb's object
        if np_mode and i > start + 1 and accusative_noun(w):
            break  # أصدرت وكالة فيتش تحذيرا …، قائلة: an indefinite accusative is the verb's object
        if np_mode and _object_after_phrase(seg, i):
            break  # أعلنت الشرطة المحلية القبض على …، تتهم لائحة الدعوى عددا من …: the verb's object
        if (w.startswith("بال") and speaker_noun(w) is None) or (
            w.startswith("ب") and source_head and not _definite(w)
        ):
            break  # ندد الاتحاد بالقرار، تقارير بإجلاء …: a preposition ends the phrase
        if _definite(w) or (w.startswith("ل") and speaker_noun(w) is not None):
            construct = False
        elif w in ROLE_LINKS or (w.startswith("ل") and len(w) > 3 and not np_mode):
            construct = True
        elif (
            w.startswith("و")
            and len(w) > 3
            and _definite(seg[i - 1].text)
            and i + 1 < len(seg)
            and _definite(seg[i + 1].text)
            and not np_mode
            and w not in person_words()
            and seg[i - 1].text.startswith("لل")
        ):
            construct = True  # المركز الأوروبي للدستور وحقوق الإنسان: a coordinated genitive
        elif plural and w.endswith(("ون", "ين")):  # مسؤولون لبنانيون
            construct = False
        elif w.startswith("و") and w.endswith(("يه", "ي", "يون", "يين")) and seg[i - 1].text.endswith(("يه", "ي")):
            construct = False  # مصادر عسكرية وطبية
        elif construct and i > start + 1 and not _definite(seg[i - 1].text) and seg[i - 1].text.endswith(("ي", "يه")):
            break  # مسؤول كردي فضل: after an indefinite adjective the phrase is over
        elif construct or ((n := speaker_noun(w)) is not None and n.category in ("org", "role")):
            construct = not _definite(w)
        else:
            break
        i += 1
    return i


def parse_subject(toks: list[Tok], np_mode: bool = False, after_verb: bool = False) -> Subject | None:
    """The speaker named at the start of ``toks`` (the words after a cue), or None.

    ``np_mode``: the content follows the subject with no complementiser, so the subject must end
    where a name or a noun phrase plausibly ends.  ``after_verb``: the words follow a reporting verb
    (``أعلن ترمب تعليق …``), not a headline's colon.
    """
    i = _skip_lead(toks)
    segs = _segments(toks[i:])
    if not segs or not segs[0]:
        return None
    seg = segs[0]
    first = seg[0].text
    if first in QUOTE_CHARS and not np_mode and (q := _quoted_name(seg, 0, np_mode)) is not None:
        span = (seg[0].start, seg[q - 1].end)  # قال "مجلس الحكماء"، في بيان، إن: a body named in quotation marks
        return Subject(span[0], span[1], None, span, "org")
    issued = len(seg) > 1 and seg[1].text[:1] == "ل" and not _definite(seg[1].text) and _head_category(first) == "doc"
    issued = issued or _document_subject(segs, after_verb and not np_mode)  # وأوضح بيان مشترك أن …
    role_word = after_verb and (noun := speaker_noun(first)) is not None and noun.category == "role"
    if not _is_word(seg[0]) or (_stop(first) and not issued and not role_word) or first in QUOTE_CHARS:
        return None  # (بيان لوزارة الداخلية: a document and its issuer do speak)
    if np_mode and masdar_like(first) and speaker_noun(first) is None:
        return None  # فيما أعلنت إطلاق "حملة": a verbal noun after the verb is what it announces
    if first in SAME_WORDS and len(seg) > 1 and seg[1].text.removeprefix("ال") in clause_words().speech:
        return None  # فتقول نفس الكلام: "the same words" is what is said, not who says it
    if np_mode and first == "اي":
        return None  # وينفي أي علاقة له بالأمر: "any …" after the verb is its object
    if first in clause_words().quantifier and len(seg) > 1 and not np_mode:
        return _quantified(seg)
    cat = _head_category(first)
    honor = _honorific_words(tuple(t.text for t in seg[:4])) > 0 and cat != "org"  # دولة الإمارات is a state
    name: tuple[int, int] | None = None
    role: tuple[int, int] | None = None
    if honor or (cat == "name" and not _definite(first)):
        end = name_run(seg, 0, np_mode, after_verb)
        if end == 0:
            return None
        if any(t.text[0] == "و" and len(t.text) > 3 for t in seg[1:end]):  # فرنسا وبريطانيا وألمانيا
            return Subject(seg[0].start, seg[end - 1].end, None, (seg[0].start, seg[end - 1].end), "org")
        name = (seg[0].start, seg[end - 1].end)
        cat = "name"
    else:
        end = _nominal_run(seg, 0, np_mode)
        if cat in ("anon", "org", "role") and end < len(seg) and seg[end].text in ("في", "من") and end + 1 < len(seg):
            nxt = seg[end + 1].text
            if _is_word(seg[end + 1]) and not _stop(nxt) and nxt not in TIME_WORDS and _place_phrase(nxt):
                ext = end + 2 if place_kinds().get(nxt) else _nominal_run(seg, end + 1, np_mode)
                if cat != "role" or (
                    ext < len(seg) and not _definite(seg[ext].text) and name_run(seg, ext, np_mode) > ext
                ):
                    end = ext  # نائب الوزير في الولاية فلان الفلاني: a role's place, then its holder
        reporter = seg[end - 1].text.startswith(("مراسل", "لمراسل"))  # مراسل "سكاي نيوز عربية": the outlet's name
        if (cat in ("org", "anon", "doc") or reporter) and (q := _quoted_name(seg, end, np_mode)) is not None:
            end = q  # وكالة "سبأ" الرسمية: the body's name in quotation marks
        if cat == "name":  # a definite unknown head: الولايات المتحدة، الصحافة
            cat = "group" if first.endswith(("ون", "ين")) else "org"
        role = (seg[0].start, seg[end - 1].end)
        if (
            cat in ("role", "org", "anon")
            and end < len(seg)
            and not _definite(seg[end].text)
            and seg[end].text not in clause_words().quantifier
            and not _prep_masdar(seg[end].text)
        ):
            name_end = name_run(seg, end, np_mode)
            nisba = _definite(first) and first.endswith("ي") and end == 1  # الصربي فوك رازوفيتش
            body = (n := speaker_noun(seg[end - 1].text)) is not None and n.category == "org"
            if name_end > end and body and cat == "role" and not _definite(seg[end - 1].text):
                end = name_end  # الرئيس التنفيذي لشركة فيسبوك: the body's name ends the role phrase
                role = (seg[0].start, seg[end - 1].end)
            elif name_end > end and np_mode and unknown_then_genitive(seg, end):
                pass  # وصف الرئيس قادة المعارضة بأنهم: a noun in construct after the role is the object
            elif name_end > end and object_noun(seg[end].text) and name_end == end + 1:
                pass  # طرح مدير غوغل مثالا: an indefinite accusative after the role is the verb's object
            elif name_end > end and (cat == "role" or nisba or _has_role_word(seg[:end])):
                name = (seg[end].start, seg[name_end - 1].end)
                end = name_end
                cat = "role"
    start, stop = seg[0].start, seg[end - 1].end
    if name is None and cat in ("role", "anon"):
        appos = _apposition(segs[1:])
        if appos is not None:
            name = appos
            stop = appos[1]
            if cat == "anon":
                cat = "role"
    elif cat == "role" and name is not None and end == len(seg) and len(segs) > 2 and _construct_role(seg, name):
        appos = _plain_name(segs[1])
        if appos is not None:  # وكيل اللاعب سامي فرح، كريم عادل،: the apposition names the role's holder
            role, name, stop = (start, name[1]), appos, appos[1]
    if cat in ("org", "doc", "anon", "group") and name is None:
        return Subject(start, stop, None, role, cat)
    if name is None:
        return Subject(start, stop, None, role, cat)
    return Subject(start, stop, name, role if role != name else None, cat)


def _prep_masdar(word: str) -> bool:
    """``طالب الوزير بإجراء تحقيق``: ب and a verbal noun after a role open the verb's object, not a name."""
    return word[:1] == "ب" and len(word) > 3 and masdar_like(word[1:]) and word not in person_words()


def _document_subject(segs: list[list[Tok]], after_verb: bool) -> bool:
    """Whether the whole region between a verb and its complementiser is a document noun and up to two
    indefinite adjectives (``أوضح بيان مشترك أن``): the document speaks, though ``بيان`` usually opens an
    adverbial; with a genitive (``بيان البيت الأبيض``، ``بيان للجيش``) the issuer is found as before."""
    seg = segs[0]
    return (
        after_verb
        and len(segs) == 1
        and len(seg) <= 3
        and _head_category(seg[0].text) == "doc"
        and all(_is_word(t) and not _stop(t.text) and not _definite(t.text) and t.text[0] != "ل" for t in seg[1:])
    )


def _quantified(seg: list[Tok]) -> Subject | None:
    """``أربع منظمات غير حكومية``، ``اثنان من أصحاب المتاجر``: a number or quantifier and the noun
    phrase it counts, an unnamed source."""
    k = 2 if seg[1].text == "من" and len(seg) > 2 else 1
    if not _is_word(seg[k]) or _stop(seg[k].text):
        return None
    end = _nominal_run(seg, k, False)
    place = end + 1 < len(seg) and seg[end].text in ("في", "من") and _is_word(seg[end + 1])
    if place and not _stop(seg[end + 1].text) and _place_phrase(seg[end + 1].text):
        end = _nominal_run(seg, end + 1, False)  # بعض الجماهير في الملعب
    span = (seg[0].start, seg[end - 1].end)
    return Subject(span[0], span[1], None, span, "anon")


def _quoted_name(seg: list[Tok], k: int, np_mode: bool) -> int | None:
    """End (exclusive index) of a short name in quotation marks at ``seg[k]`` and the definite
    adjectives or ل-genitive after it (``"فارس" الإيرانية``، ``"فوري" لتكنولوجيا البنوك``), or None."""
    if k >= len(seg) or seg[k].text not in QUOTE_CHARS or seg[k].text in CLOSERS:
        return None
    close = next((c for c in range(k + 1, min(len(seg), k + MAX_QUOTED_NAME + 2)) if seg[c].text in QUOTE_CHARS), None)
    if close is None or close == k + 1 or not _is_word(seg[k + 1]):
        return None
    then = seg[close + 1].text if close + 1 < len(seg) else ""
    if _stop(seg[k + 1].text) and then not in clause_words().comp:
        return None  # صحيفة "ذا وول ستريت جورنال" إن: a name may open with any word before the complementiser
    end = close + 1
    while end < len(seg) and end - close <= 4 and _is_word(seg[end]) and not _stop(seg[end].text):
        w = seg[end].text
        genitive = w.startswith("ل") and not w.startswith("لل") and end + 1 < len(seg) and _definite(seg[end + 1].text)
        if not (_definite(w) and not w.startswith("بال")) and not genitive:
            break
        end += 2 if genitive else 1
    return min(end, len(seg))


def agrees(subject: Subject, first_word: str, cue_gender: str, np_mode: bool) -> bool:
    """Whether a subject can go with a cue of this gender (``قال المتحدثة`` cannot), and, after a
    verb with no complementiser, whether it is a subject at all rather than the verb's object."""
    head = first_word.lstrip("#")
    noun = speaker_noun(head)
    if head.startswith(("بال", "لل")) or (head.startswith(("ب", "ل")) and not head[1:2].isalpha()):
        return False
    if head[:1] in ("ب", "ل") and speaker_nouns().get(head) is None and speaker_noun(head[1:]) is not None:
        return False  # لوكالة رويترز: an addressee, not a subject
    if noun is not None:
        if cue_gender == "m" and noun.gender == "f" and noun.category not in ("anon",):
            return False
        return not (cue_gender == "f" and noun.gender == "m" and noun.category == "role")
    single_name = subject.category == "name" and subject.name == (subject.start, subject.end) and " " not in head
    if single_name and head.endswith(("ته", "تها", "تهم", "ها", "هم")) and len(head) > 4:
        return False  # ثقته، موقفها: a noun with a pronoun, the verb's object
    if subject.category in ("org", "group"):  # an unknown definite head: الولايات المتحدة or an object
        if cue_gender == "m" and head.endswith("ه"):
            return False
        return not (np_mode and cue_gender == "m" and subject.category == "org")
    return True


def _has_role_word(seg: list[Tok]) -> bool:
    return any((n := speaker_noun(t.text)) is not None and n.category == "role" for t in seg)


def _construct_role(seg: list[Tok], name: tuple[int, int]) -> bool:
    """``وكيل اللاعب سامي فرح``: a head noun in construct (no article) whose genitive holds the name."""
    before = [t for t in seg if t.end <= name[0]]
    return len(before) >= 2 and not _definite(before[0].text) and _honorific_words((before[0].text, "x")) == 0


def _plain_name(seg: list[Tok]) -> tuple[int, int] | None:
    """A segment that is only a plain two- to four-word name (no article, no clitic preposition)."""
    if not 2 <= len(seg) <= 4 or not all(_is_word(t) for t in seg):
        return None
    words = [t.text for t in seg]
    if any(_definite(w) or _stop(w) or speaker_noun(w) is not None for w in words) or words[0][0] in "لبف":
        return None
    return (seg[0].start, seg[-1].end) if name_run(seg, 0, False) == len(seg) else None


def _apposition(segs: list[list[Tok]]) -> tuple[int, int] | None:
    """A name set off by commas after a role: ``الرئيس التركي، رجب طيب أردوغان،``."""
    for seg in segs[:3]:
        if not seg:
            continue
        first = seg[0].text
        if first in TIME_WORDS:
            continue
        if first in clause_words().alias and len(seg) > 1:
            seg = seg[1:]  # أحد الشهود، واسمه فلان،: the name after واسمه
            first = seg[0].text
        if not _is_word(seg[0]) or _stop(first) or first in ("وهو", "وهي"):
            return None
        if len(seg) > 1 and _definite(first) and (n := speaker_noun(first)) is not None and n.category == "role":
            seg = seg[1:]  # العاهل السعودي، الملك سلمان،: a title before the name in the apposition
            first = seg[0].text
            if _definite(first) or _stop(first):
                return None
        end = name_run(seg, 0, False)
        honor = _honorific_words(tuple(t.text for t in seg[:4]))
        words = [t for t in seg[honor:end] if _is_word(t) and t.text not in NAME_LINKS]
        if end == 0 or len(words) > 4 or (_definite(first) and not honor):
            return None
        if end < len(seg) and not _stop(seg[end].text):
            return None
        return seg[0].start, seg[end - 1].end
    return None
