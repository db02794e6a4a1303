"""Where reported content opens after a cue: the complementiser (أن، إن، بأن), a colon, a
quotation, a participle (قائلا), or, for cues that take a noun phrase, the phrase after the subject
and its adverbials (في بيان، الأربعاء) and the cue's preposition (إلى، على، بـ)."""

from __future__ import annotations

from bisect import bisect_left

from marsad.nlp.content import Field
from marsad.nlp.cues import CueForm, match_words
from marsad.nlp.quotes import OPENERS, STRAIGHT
from marsad.nlp.speakers import COMMAS, TIME_WORDS
from marsad.nlp.wordlists import clause_words, outlets, person_words, place_kinds, speaker_noun

PREPOSITIONS = frozenset(
    {"علي", "في", "من", "الي", "عن", "مع", "بعد", "قبل", "حول", "بشان", "عبر", "خلال", "دون", "بدون", "بلا"}
)

NOT_COMP_AFTER = frozenset({"دون", "قبل", "بعد", "منذ", "الي", "حتي", "من", "بدون", "لاجل", "ريثما"})

MAX_REGION = 30  # words between a cue and its complementiser

RELAY_WORDS = frozenset({"قوله", "قولها", "قولهم", "بالقول"})

REPORTERS = frozenset({"مراسل", "مراسله", "مراسلو", "مراسلي", "لمراسل"})
MAX_OUTLET_WORDS = 5  # words of an outlet's name in quotation marks after a media noun


def outlet_before(prev: str) -> bool:
    """Whether ``prev`` is a media noun (شبكة، لصحيفة) or a reporter, after which a quotation names an outlet:
    ``لشبكة "ايه بي سي نيوز" الإخبارية إن``, ``مراسل "سكاي نيوز عربية"``."""
    media = outlets().media
    return prev in REPORTERS or prev in media or (prev[:1] in ("ل", "ب") and prev[1:] in media)


ADVERB_NOUNS = frozenset(
    {"بيان", "بيانه", "بيانها", "تصريح", "تصريحات", "تصريحه", "حديث", "مقابله", "كلمه", "كلمته", "كلمتها"}
    | {"تغريده", "مؤتمر", "رساله", "منشور", "تدوينه", "لقاء", "اتصال", "خطاب", "خطابه", "له", "لها", "صحفي"}
    | {"صحفيه", "متلفز", "متلفزه", "هاتفي", "هاتفيه", "مشترك", "رسمي", "نشره", "نشرته", "الصحفي", "تلفزيوني"}
)


def find_opener(f: Field, j: int) -> int | None:
    """Index of the token that opens clause content after a cue (a complementiser, a colon, a
    quotation, a participle cue), before the sentence ends; short quoted names are passed over."""
    comp = clause_words().comp
    n = len(f.toks)
    k = j
    while k < n and k - j <= MAX_REGION:
        t = f.toks[k]
        if (k > j and f.breaks_line(k)) or f.is_terminal(k):
            return None
        w = t.text
        if w in comp and k > j and f.words[k - 1] in NOT_COMP_AFTER:
            k += 1  # دون أن، قبل أن: a conjunction, not the cue's complementiser
            continue
        if w == "ان" and k > j and k + 1 < n and f.words[k + 1] in comp and f.words[k - 1][:1].isalpha():
            return k + 1  # قال مون جاي إن إن …: the first إن ends a name
        if w in comp or w == ":":
            return k
        if w in RELAY_WORDS:
            return k
        if f.is_opening_quote(k) or w in OPENERS or w == STRAIGHT:
            if f.is_opening_quote(k):
                after = f.after_quote(k)
                inner = f.text[t.start + 1 : f.pairs[t.start]].split()
                prev = f.words[k - 1] if k > j else ""
                named_body = not prev.startswith(("ال", "لل")) and (noun := speaker_noun(prev)) is not None
                named_body = named_body and noun is not None and noun.category == "org"
                comp_next = after < n and f.words[after] in comp
                outlet = k > j and outlet_before(prev) and len(inner) <= MAX_OUTLET_WORDS
                if (len(inner) <= 3 or outlet or (named_body and k > j and comp_next and len(inner) <= 5)) and (
                    comp_ahead(f, after, j)
                    or prev in PREPOSITIONS
                    or prev[:1] in ("ل", "ب")
                    or (named_body and k > j)
                    or outlet
                    or (k > j and after < n and f.words[after] == "عن")  # وكالة الأنباء الروسية "تاس" عن فلان
                ):  # شركة "نور" لتقنيات الطاقة ارتفاع …، صحيفة "ذا وول ستريت جورنال" إن: the quotation names the body
                    k = after
                    continue
            return k
        if k > j and k in f.cues:
            m = match_words(f.words, k)
            if m is not None and (m[2].kind == "participle" or (m[0] and m[2].kind == "verb")):
                return k if m[2].kind == "participle" else None
        k += 1
    return None


LEAD_PREPS = frozenset({"في", "خلال", "عبر", "امام", "لدي", "اثناء", "لدى", "مع", "عقب", "اثر", "بعد", "قبل", "ابان"})
NOT_CUE_PREP_AFTER = frozenset({"هامش", "غرار", "خلفيه", "صعيد", "لسان", "قناه", "موقع", "حسابه", "حسابها"})


def adverbial_lead(f: Field, first: int, opener: int, cue: CueForm) -> bool:
    """Whether the words between a cue's subject and its complementiser are only adverbials
    (في تصريح لـ…، خلال استضافته في برنامج …، اليوم الخميس 9 فيفري), so that the content opens at the
    complementiser: a noun-phrase content would not begin with a preposition, a date or a recipient."""
    if not (first < opener < len(f.toks)) or f.words[opener] not in clause_words().comp:
        return False
    w = f.words[first]
    lead = w in LEAD_PREPS or w in TIME_WORDS or w in ("امس", "اليوم") or (w.startswith("ل") and w[1:2] != "ا")
    if not lead or cue.content == "prep":
        return False
    for x in range(first, opener):
        if x in f.cues and (m := match_words(f.words, x)) is not None and m[2].kind == "verb":
            return False  # أعلن الخميس إلغاء القمة، قال الجمعة إن …: the complementiser is another cue's
        if f.words[x] in cue.preps and (x + 1 >= opener or f.words[x + 1] not in NOT_CUE_PREP_AFTER):
            return False  # أكد في بيانه على ضرورة أن …: the cue's own preposition opens a noun phrase
    return True


def comp_ahead(f: Field, k: int, j: int) -> bool:
    comp = clause_words().comp
    while k < len(f.toks) and k - j <= MAX_REGION and not f.is_terminal(k):
        if f.words[k] in comp or f.words[k] == ":":
            return True
        k += 1
    return False


def content_start(f: Field, k: int, cue: CueForm) -> tuple[int, int] | None:
    """``(token index, offset)`` where content begins, given the opener at token ``k``."""
    comp = clause_words().comp
    n = len(f.toks)
    w = f.words[k]
    if w in comp or w == ":" or w in RELAY_WORDS:
        k += 1
        while k < n and (f.words[k] in (":", "،", ",") or f.words[k] in comp):
            k += 1
        return (k, f.toks[k].start) if k < n else None
    m = match_words(f.words, k)
    if m is not None and m[2].kind == "participle":
        sub = find_opener(f, k + 1)
        if sub is not None and sub <= k + 3:
            return content_start(f, sub, m[2])
        return (k + 1, f.toks[k + 1].start) if k + 1 < n else None
    return k, f.toks[k].start


def skip_adverbials(f: Field, k: int, limit: int) -> int:
    """Pass over ``في بيان له``, ``الأربعاء``, ``أمس``, commas after a subject."""
    while k < limit:
        w = f.words[k]
        if w in COMMAS or w in TIME_WORDS or w in ("امس", "اليوم", "ايضا", "مجددا", "يوم", "فيه", "فيها"):
            k += 1
        elif w in ("في", "خلال", "عبر") and k + 1 < limit and f.words[k + 1] in ADVERB_NOUNS:
            k += 2
            while k < limit and f.words[k] in ADVERB_NOUNS:
                k += 1
        elif w in ("خلال", "منذ", "مرارا", "مساء", "صباح", "الثلاثاء") or (w in ("في",) and comma_within(f, k, limit)):
            c = comma_within(f, k, limit)
            if not c:
                k += 1
            else:
                k = c + 1
        else:
            break
    return k


def comma_within(f: Field, k: int, limit: int, n: int = 5) -> int:
    """Index of a comma within ``n`` words after ``k`` (an adverbial set off by commas), or 0."""
    for c in range(k + 1, min(limit, k + n + 1)):
        if f.words[c] in COMMAS:
            return c
        if f.is_opening_quote(c) or f.words[c] in clause_words().comp:
            return 0
    return 0


def sentence_limit(f: Field, j: int) -> int:
    """Index of the token that ends the sentence from token ``j`` on (its terminal, or the line's end)."""
    return f.sentence_stop(j)


def index_after(f: Field, offset: int) -> int:
    """Index of the first token starting at or after ``offset``."""
    return bisect_left(f.starts, offset)


def pp_only(f: Field, k: int) -> bool:
    return f.words[k] in ("في", "خلال", "امام", "عبر", "لدي", "من") if k < len(f.words) else True


def starts_with_prep(f: Field, k: int, cue: CueForm) -> bool:
    w = f.words[k]
    return w in cue.preps or any(len(p) == 1 and w.startswith(p) and not _name_word(f, w, p) for p in cue.preps)


def _name_word(f: Field, w: str, p: str) -> bool:
    """``اتهم بومبيو طهران``: a word that merely begins with the cue's one-letter preposition is a
    personal name the gazetteer knows, or one the article writes after another name word."""
    if w.startswith(p + "ال") or len(w) < 4 or w in clause_words().comp:
        return False  # بأنه is the preposition and the complementiser, whatever the gazetteer says
    people = person_words()
    if w in people or w in place_kinds():
        return True  # بومبيو، باكستان
    return w in f.after_names(people)


def np_start(f: Field, k: int, cue: CueForm) -> tuple[int, int] | None:
    """Where a noun-phrase content begins at token ``k``: after the cue's preposition (إلى، على، بـ)."""
    if k >= len(f.toks):
        return None
    w = f.words[k]
    if w in cue.preps and k + 1 < len(f.toks):
        if f.words[k + 1] in clause_words().comp:
            return (k + 2, f.toks[k + 2].start) if k + 2 < len(f.toks) else None
        return k + 1, f.toks[k + 1].start
    for p in cue.preps:
        if len(p) == 1 and w.startswith(p) and len(w) > 3 and not w.startswith(p + "ان") and not _name_word(f, w, p):
            return k, f.toks[k].start + 1
    return k, f.toks[k].start
