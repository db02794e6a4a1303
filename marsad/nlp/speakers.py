"""Who speaks: the subject noun phrase of a reporting cue, split into role and name.

Works on folded tokens (see :class:`Tok`).  The common news orders are handled:

- after the verb (VSO): ``قال الرئيس الأمريكي دونالد ترامب إن`` → role ``الرئيس الأمريكي``, name
  ``دونالد ترامب``;
- with a comma apposition: ``قال قائد قوة القدس …، إسماعيل قاآني، خلال كلمته … إن``;
- before the verb: ``قاآني يؤكد أن`` (see :func:`preverbal_subject`);
- organisations, documents and unnamed sources by their head noun (``speaker_nouns.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from marsad.nlp.cues import match_word
from marsad.nlp.honorifics import honorifics, leading_honorifics
from marsad.nlp.quotes import QUOTE_CHARS
from marsad.nlp.wordlists import clause_words, speaker_noun, speaker_nouns

Category = Literal["role", "org", "doc", "anon", "name", "group"]
CATEGORIES: dict[str, Category] = {"role": "role", "org": "org", "doc": "doc", "anon": "anon"}

TOKEN_RE = re.compile(r"#?\w+|[^\w\s]")
COMMAS = frozenset({"،", ","})
NAME_LINKS = frozenset({"عبد", "ابو", "بن", "ابن", "ال", "بنت", "ام", "اب", "ولد"})
ROLE_LINKS = frozenset({"باسم", "لدي"})
TIME_WORDS = frozenset({"امس", "اليوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"})
LEAD_SKIPS = frozenset({"ايضا", "كذلك", "بدوره", "بدورها", "مجددا", "مساء", "صباح", "ظهر", "الليله", "من"})
MAX_NAME = 5
RESUMPTIVE = frozenset({"به", "بها", "فيه", "فيها", "عنه", "عنها", "منه", "منها", "عليه", "عليها"})
MAX_NP_NAME = 3  # words of a name when nothing but the content's start ends it
PREVERBAL_SKIPS = frozenset(
    {"لكن", "ولكن", "وكان", "كان", "وكانت", "كانت", "وقد", "قد", "فقد", "بينما", "فيما", "حيث", "و"}
)


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


def _honorific_words(words: tuple[str, ...]) -> int:
    """How many of the leading words are honorifics (سماحة السيد …)."""
    if not words or words[0] not in _honorific_firsts():
        return 0
    return _honorific_count(words)


@lru_cache(maxsize=65536)
def _honorific_count(words: tuple[str, ...]) -> int:
    return sum(len(h.folded) for h in leading_honorifics(list(words)))


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


def _definite(word: str) -> bool:
    return word.startswith(("ال", "لل", "بال", "وال", "كال"))


def _is_word(tok: Tok) -> bool:
    return tok.text[0].isalnum() or tok.text[0] in "#_"


def _stop(word: str) -> bool:
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


def _segments(toks: list[Tok]) -> list[list[Tok]]:
    """Comma-separated parts of a token run."""
    out: list[list[Tok]] = [[]]
    for t in toks:
        if t.text in COMMAS:
            out.append([])
        else:
            out[-1].append(t)
    return out


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
    head = seg[start].text
    plural = head.endswith(("ون", "ين"))
    head_noun = speaker_noun(head)
    source_head = head_noun is not None and head_noun.category in ("doc", "anon")
    construct = not _definite(head) and not plural
    while i < len(seg):
        w = seg[i].text
        if not _is_word(seg[i]) or (_stop(w) and w not in ROLE_LINKS):
            break
        if (w.startswith("بال") and speaker_noun(w) is None) or (
            w.startswith("ب") and source_head and not _definite(w)
        ):
            break  # ندد الاتحاد بالقرار، تقارير بإجلاء …: a preposition ends the phrase
        if _definite(w) or (w.startswith("ل") and speaker_noun(w) is not None):
            construct = False
        elif w in ROLE_LINKS or (w.startswith("ل") and len(w) > 3 and not np_mode):
            construct = True
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


def _name_run(seg: list[Tok], start: int, np_mode: bool) -> int:
    """End of a personal name starting at ``seg[start]`` (honorifics included)."""
    i = start + _honorific_words(tuple(t.text for t in seg[start : start + 4]))
    limit = i + (MAX_NP_NAME if np_mode else MAX_NAME)
    while i < len(seg) and i < limit:
        w = seg[i].text
        if (
            w == "علي"
            and i + 1 < len(seg)
            and _is_word(seg[i + 1])
            and not _stop(seg[i + 1].text)
            and not _definite(seg[i + 1].text)
            and speaker_noun(seg[i + 1].text) is None
        ):
            i += 1  # the name علي, not the preposition على
            continue
        if not _is_word(seg[i]) or _stop(w) or (i > start and w.startswith(("لل", "بال"))):
            break
        if i > start and len(w) > 4 and w.endswith(("ها", "هم", "ته")):
            break  # كامبريدج أناليتيكا إغلاقها: a noun with a pronoun ends the name
        if i > start and _definite(w) and (n := speaker_noun(w)) is not None and n.category in ("role", "org"):
            break  # هيذر نويرت المتحدثة باسم …: a role after the name
        nxt = seg[i + 1].text if i + 1 < len(seg) else ""
        if i > start and _definite(nxt) and (n := speaker_noun(w)) is not None and n.category == "role":
            break  # حسن غونين عميد الجامعة: a role in construct after the name
        surname = w.startswith("ال") and w.endswith("ي") and not _definite(seg[i - 1].text)  # حيدر العبادي
        if np_mode and _definite(w) and i > start and seg[i - 1].text not in NAME_LINKS and w != "الله" and not surname:
            break
        i += 1
    return i


def parse_subject(toks: list[Tok], np_mode: bool = False) -> Subject | None:
    """The speaker named at the start of ``toks`` (the words after a cue), or None.

    ``np_mode``: the content follows the subject with no complementiser, so the subject must end
    where a name or a noun phrase plausibly ends.
    """
    i = _skip_lead(toks)
    segs = _segments(toks[i:])
    if not segs or not segs[0]:
        return None
    seg = segs[0]
    first = seg[0].text
    if not _is_word(seg[0]) or _stop(first) or first in QUOTE_CHARS:
        return None
    cat = _head_category(first)
    honor = _honorific_words(tuple(t.text for t in seg[:4])) > 0 and cat != "org"  # دولة الإمارات is a state
    name: tuple[int, int] | None = None
    role: tuple[int, int] | None = None
    if honor or (cat == "name" and not _definite(first)):
        end = _name_run(seg, 0, np_mode)
        if end == 0:
            return None
        if any(t.text[0] == "و" and len(t.text) > 3 for t in seg[1:end]):  # فرنسا وبريطانيا وألمانيا
            return Subject(seg[0].start, seg[end - 1].end, None, (seg[0].start, seg[end - 1].end), "org")
        name = (seg[0].start, seg[end - 1].end)
        cat = "name"
    else:
        end = _nominal_run(seg, 0, np_mode)
        if cat in ("anon", "org") and end < len(seg) and seg[end].text in ("في", "من") and end + 1 < len(seg):
            nxt = seg[end + 1].text
            if _is_word(seg[end + 1]) and not _stop(nxt) and nxt not in TIME_WORDS:
                end = _nominal_run(seg, end + 1, np_mode)
        if cat == "name":  # a definite unknown head: الولايات المتحدة، الصحافة
            cat = "group" if first.endswith(("ون", "ين")) else "org"
        role = (seg[0].start, seg[end - 1].end)
        if cat in ("role", "org", "anon") and end < len(seg) and not _definite(seg[end].text):
            name_end = _name_run(seg, end, np_mode)
            nisba = _definite(first) and first.endswith("ي") and end == 1  # الصربي فوك رازوفيتش
            if name_end > end and (cat == "role" or nisba or _has_role_word(seg[:end])):
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
    return (seg[0].start, seg[-1].end) if _name_run(seg, 0, False) == len(seg) else None


def _apposition(segs: list[list[Tok]]) -> tuple[int, int] | None:
    """A name set off by commas after a role: ``الرئيس التركي، رجب طيب أردوغان،``."""
    for seg in segs[:3]:
        if not seg:
            continue
        first = seg[0].text
        if first in TIME_WORDS:
            continue
        if not _is_word(seg[0]) or _stop(first) or first in ("وهو", "وهي"):
            return None
        end = _name_run(seg, 0, False)
        if end == 0 or end > 4 or (_definite(first) and not _honorific_words((first, "x"))):
            return None
        if end < len(seg) and not _stop(seg[end].text):
            return None
        return seg[0].start, seg[end - 1].end
    return None


def preverbal_subject(toks: list[Tok]) -> Subject | None:
    """The subject written before its verb (``قاآني يؤكد``, ``جيري سميث، وهو …، حذّر``,
    ``وكان مدير …، عباس إبراهيم، قد قال``), where the words before the cue, from the clause start,
    are only that naming (with an apposition, a description after وهو, or a short phrase)."""
    comps = [n for n, t in enumerate(toks) if t.text in clause_words().comp]
    if comps:  # غير أن مقدم البرامج أعرب، إلا أن الوزير قال
        toks = toks[comps[-1] + 1 :]
    joins = [n for n in range(1, len(toks) - 1) if toks[n].text in PREVERBAL_SKIPS and toks[n - 1].text in COMMAS]
    joined = bool(joins)
    if joins:  # لم يحدد الوزير …، لكن صحيفة محلية نقلت: a new clause after the comma
        toks = toks[joins[-1] :]
    if len(toks) > 2 and toks[0].text == "من" and toks[1].text in ("جهته", "جهتها", "جانبه", "جانبها", "ناحيته"):
        toks = toks[2:]
    while toks and toks[0].text in PREVERBAL_SKIPS:
        toks = toks[1:]
    comma_before_verb = bool(toks) and toks[-1].text in COMMAS
    while toks and toks[-1].text in ("قد", "،", ","):
        toks = toks[:-1]
    if comma_before_verb and not any(t.text in ("وهو", "وهي") for t in toks) and len(_segments(toks)) == 1:
        return None  # ومؤخرا، وصف …: an adverb set off by a comma, not a subject
    if not toks:
        return None
    near = _role_apposition(toks) if comma_before_verb else None
    if near is not None:
        return near
    first = toks[0].text
    if _stop(first) or first in QUOTE_CHARS or not _is_word(toks[0]) or first[0].isdigit():
        return None
    subj = parse_subject(toks, np_mode=False)
    if subj is None or (joined and subj.category in ("name", "group")):
        return None  # …، فيما ردت الأمر …: after a comma only a body or a role is read as a subject
    rest = [t for t in toks if t.start >= subj.end]
    if not rest:
        return subj
    words = [t.text for t in rest]
    if words[0] in COMMAS and len(words) > 1 and words[1] in ("وهو", "وهي"):
        return subj
    if len(rest) <= 5 and (words[0] in ("في", "عن", "خلال") or words[0].startswith("ل")):
        return subj
    return None


def _role_apposition(toks: list[Tok]) -> Subject | None:
    """``… تسجيلا مصورا لزعيمه، فلان الفلاني، يحث فيه``: a name set off by commas right before the
    verb, after a role noun it explains (لزعيمه، لرئيس الحزب), is the verb's subject."""
    segs = _segments(toks)
    if len(segs) < 2 or not segs[-1] or not segs[-2]:
        return None
    last = segs[-1]
    near = parse_subject(last)
    if near is None or near.category != "name" or near.start != last[0].start or near.end != last[-1].end:
        return None
    for t in segs[-2][-3:]:
        w = t.text
        stem = w[1:] if w.startswith("ل") else ""
        stem = stem[:-2] if stem.endswith("ها") else stem[:-1] if stem.endswith("ه") else stem
        found = speaker_noun(stem) or speaker_noun("ال" + stem) if stem else None
        if found is not None and found.category == "role":
            return near
    return None
