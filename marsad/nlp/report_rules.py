"""Readings of the words around a verb cue that decide whether and where it reports: a verb after
a fronted phrase with its subject and complementiser, a verbal noun with its subject and preposition,
a short quotation, the end of a noun-phrase content."""

from __future__ import annotations

from marsad.nlp.content import Field
from marsad.nlp.cues import CueForm, match_words
from marsad.nlp.openers import index_after, np_start, sentence_limit, skip_adverbials
from marsad.nlp.sources import strip_lam
from marsad.nlp.speakers import COMMAS, TIME_WORDS, Subject, Tok, agrees, parse_subject
from marsad.nlp.wordlists import clause_words, name_classes, person_words, place_kinds, speaker_noun

RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"})
TIME_HEADS = frozenset({"صباح", "مساء", "ظهر", "فجر", "ليل", "ليله", "يوم", "امس", "اليوم", "منتصف"})


def vso_report(f: Field, j: int, opener: int | None, cue: CueForm) -> bool:
    """``من جهته أكد الوزير أن …``, ``… لفترة خامسة قال أويحيى، وهو …، إن``: a verb after a fronted
    phrase reports where a named subject follows it and then the complementiser."""
    if opener is None or opener <= j or f.words[opener] not in clause_words().comp:
        return False
    region = f.toks[j:opener]
    sub = parse_subject(region)
    if sub is None or sub.start != region[0].start or (sub.name is None and sub.role is None):
        return False
    if sub.category not in ("name", "role", "org") or not agrees(sub, region[0].text, cue.gender, False):
        return False
    k = skip_adverbials(f, index_after(f, sub.end), opener)
    if k == opener:
        return True
    return f.words[k] in ("وهو", "وهي") and f.words[k - 1] in COMMAS and f.words[opener - 1] in COMMAS


def masdar_prep_content(f: Field, j: int, limit: int, cue: CueForm) -> tuple[Subject | None, tuple[int, int]] | None:
    """``بعد إعلان طهران عن خطة لزيادة …``: a verbal noun, its named subject, then the cue's
    preposition and a noun phrase — what was announced.  With a pronoun (``في تشديده على ضرورة …``)
    the speaker is the one the text goes on with."""
    if cue.suffixed and cue.preps and j + 1 < limit and f.words[j] in cue.preps:
        return None, (j + 1, f.toks[j + 1].start)
    if cue.suffixed or not cue.preps:
        return None
    region = strip_lam(f.toks[j:limit])
    subject = parse_subject(region, np_mode=True)
    if subject is None or (subject.name is None and subject.role is None) or subject.start != region[0].start:
        return None
    if subject.category == "name" and " " not in f.text[subject.start : subject.end] and region[0].text[-1] == "ه":
        return None  # إعلان مسؤوليته عن …: a noun with a pronoun is what is announced, not who announces
    k = skip_adverbials(f, index_after(f, subject.end), limit)
    if k + 1 >= limit or f.words[k] not in cue.preps:
        return None
    return subject, (k + 1, f.toks[k + 1].start)


def short_quote(f: Field, k: int) -> bool:
    return f.is_opening_quote(k) and len(f.text[f.toks[k].start : f.pairs[f.toks[k].start]].split()) <= 3


def np_end(f: Field, k: int, end: int) -> int:
    """``طالب الاتحاد بالاستقالة، صباح الإثنين، على خلفية …``: a noun-phrase content ends before a
    time adverbial set off by a comma; what follows is the narrator's."""
    j = k + 1
    while j + 1 < len(f.toks) and f.toks[j + 1].end <= end:
        if f.words[j] in COMMAS and (f.words[j + 1] in TIME_WORDS or f.words[j + 1] in TIME_HEADS):
            return f.toks[j - 1].end
        j += 1
    return end


def quoted_subject(f: Field, j: int, limit: int, cue: CueForm) -> tuple[Subject, tuple[int, int]] | None:
    """``أعلن "مجلس الشورى"، الهيئة العليا للحزب، استعداده …``: a short quotation right after the verb,
    set off by an apposition between commas, names the body that speaks; the noun phrase after is
    the content."""
    if cue.kind != "verb" or cue.content == "clause" or not short_quote(f, j):
        return None
    close = f.pairs[f.toks[j].start]
    k = index_after(f, close + 1)
    if k >= limit or f.words[k] not in COMMAS:
        return None
    second = next((c for c in range(k + 2, min(limit, k + 16)) if f.words[c] in COMMAS), None)
    if second is None:
        return None
    start = skip_adverbials(f, second + 1, limit)
    if start >= limit or not f.toks[start].text[0].isalpha() or f.words[start] in clause_words().comp:
        return None
    if f.words[start] in ("في", "خلال", "عبر", "من", "امام", "لدي"):
        return None
    inner = (f.toks[j].start + 1, close)
    return Subject(inner[0], inner[1], None, inner, "org"), (start, f.toks[start].start)


def place_subject(f: Field, subject: Subject | None) -> Subject | None:
    """A subject that opens with a one-word place (a country or city standing for its government)
    ends there when the cue takes a noun phrase: ``نفت بكين انتهاك …``, ``ترفض موسكو انفصال …`` — a
    place name is not followed by a genitive, so the next word opens the content."""
    if subject is None or subject.category not in ("name", "org"):
        return subject
    k = index_after(f, subject.start)
    if k + 1 >= len(f.toks) or f.toks[k + 1].start >= subject.end:
        return subject
    places, names = place_kinds(), name_classes()
    first, second = f.words[k], f.words[k + 1]
    kind = places.get(first)
    if kind not in ("country", "city") or f"{first} {second}" in places or "PER" in names.get(first, ""):
        return subject  # سارة ساندرز: a place name that is also a first name opens a personal name
    if second in names or second.startswith("و"):
        return subject  # a name, or a list of states (فرنسا وبريطانيا), goes on the subject
    if kind == "city" and second.startswith("ال"):
        return subject  # many city names are also common words: only an indefinite noun after one opens content
    if not second[:1].isalpha() or second in places:
        return subject
    return Subject(subject.start, f.toks[k].end, None, (subject.start, f.toks[k].end), "org")  # the state speaks


def issuer_subject(f: Field, j: int, opener: int) -> Subject | None:
    """``جاء في تصريح أصدرته شركة النور أن …``: the body named after the verb that issued the document."""
    issue = clause_words().issue
    for k in range(j, opener):
        if f.words[k] in issue or (f.words[k][:1] == "و" and f.words[k][1:] in issue):
            stop = next(
                (x for x in range(k + 2, opener) if f.words[x].endswith(("ته", "تها")) and len(f.words[x]) > 4), opener
            )
            region = f.toks[k + 1 : stop]  # … أصدرته الشركة نقلته الصحف: the issuer ends before the next verb
            sub = parse_subject(region) if region else None
            if sub is not None and sub.start == region[0].start and sub.category != "doc":
                return sub
    return _genitive_issuer(f, j, opener)


def _genitive_issuer(f: Field, j: int, opener: int) -> Subject | None:
    """``جاء في تقرير لوكالة "أعماق" أن …``: the body in the ل-genitive of the document."""
    noun = speaker_noun(f.words[j]) if j < opener else None
    if noun is None or noun.category != "doc" or j + 1 >= opener:
        return None
    t = f.toks[j + 1]
    if not t.text.startswith("ل") or t.text.startswith(("ال", "لل")) or len(t.text) < 4:
        return None  # (للحكومة: the mention would keep its ل)
    head = Tok(t.start + 1, t.end, t.text[1:])
    region = [head, *f.toks[j + 2 : opener]]
    sub = parse_subject(region)
    return sub if sub is not None and sub.start == head.start and sub.category in ("org", "role", "name") else None


def relayed_gender(f: Field, j: int, k: int) -> str:
    """``نقلت الوكالة عن الوزير قوله``: the relayed speaker's gender, read from قوله/قولها/قولهم
    (the one a later ``وقال`` carries over), not the relaying outlet's."""
    for w in f.words[j:k]:
        if w in ("قولها", "بقولها"):
            return "f"
        if w in ("قولهم", "بقولهم"):
            return "p"
        if w in ("قوله", "بقوله"):
            return "m"
    return ""


def past_relative(f: Field, start: tuple[int, int], cue: CueForm) -> tuple[int, int]:
    """``رحب المركز، الذي قدم الشكوى، بخطوة …``: a relative clause set off by commas after the subject
    describes the speaker; the content follows it."""
    k = start[0]
    if f.words[k] not in RELATIVES or k == 0 or f.words[k - 1] not in COMMAS:
        return start
    limit = sentence_limit(f, k)
    comma = next((c for c in range(k + 2, min(limit, k + 16)) if f.words[c] in COMMAS or f.is_opening_quote(c)), None)
    if comma is None or comma + 1 >= limit or f.words[comma] not in COMMAS:
        return start
    return np_start(f, comma + 1, cue) or start


def is_naming_only(f: Field, k: int, end: int, cue: CueForm) -> bool:
    """A noun followed only by a quoted name (أعلنت … معركة "طوفان الأقصى") names an operation or a
    title; it is not reported content."""
    if cue.content == "clause" or (k > 0 and f.words[k - 1] in clause_words().comp):
        return False  # after أن the content is a clause, whatever its words
    words = [t for t in f.toks[k:] if t.start < end]
    if len(words) < 2:
        return False
    if f.words[k] in cue.preps or (len(f.words[k]) <= 3 and f.words[k][:1] in ("ب", "ل")):
        return False  # وصفته بالـ"سخيف": a preposition, then the quoted words reported
    if k + 1 < len(f.toks) and f.is_opening_quote(k + 1):
        close = f.pairs[f.toks[k + 1].start]
        if len(f.text[f.toks[k + 1].start + 1 : close].split()) > 3:
            return False
        nxt = index_after(f, close + 1)
        return close + 1 >= end or (nxt < len(f.toks) and f.words[nxt] in COMMAS)
    return False


def nearer_cue(f: Field, j: int, opener: int) -> bool:
    for k in range(j, opener):
        if k in f.cues and (m := match_words(f.words, k)) is not None and m[2].kind in ("masdar", "verb"):
            return True
    return False


def set_off(f: Field, subject: Subject | None, opener: int) -> bool:
    """``أعلن المركز، ومقره برلين، إن …``: words between commas after the subject describe it; the
    content opens at the complementiser."""
    if subject is None or f.words[opener] not in clause_words().comp:
        return False
    k = index_after(f, subject.end)
    return k < opener - 1 and f.words[k] in COMMAS and f.words[opener - 1] in COMMAS


IMPERSONAL = frozenset({"توقع", "رجح", "اعتبر"})  # present forms usually read as passive after حيث
IMPERSONAL_AFTER = frozenset({"حيث", "اذ", "كما", "بينما", "فيما"})
ATTENTION = ("انتباه", "الانتباه", "انظار", "الانظار", "نظر", "النظر")


def passive_reading(f: Field, i: int, j: int, cue: CueForm) -> bool:
    """Whether a present cue with its content right after it reads as a passive: ``مبادرة تدعى "…"``
    (يُدعى after an indefinite noun names), ``حيث يتوقع أن`` (يُتوقع after a clause opener)."""
    if not cue.present or i == 0:
        return False
    prev = f.words[i - 1]
    if cue.lemma in IMPERSONAL and prev in IMPERSONAL_AFTER:
        return True
    if cue.lemma != "ادعي" or not short_quote(f, j) or not prev[:1].isalpha():
        return False
    return not prev.startswith("ال") and prev not in clause_words().particle and prev not in person_words()


def attention_object(f: Field, j: int, opener: int) -> bool:
    """``لفت انتباهه أن``: attention is what is caught, the verb does not report."""
    return any(w.startswith(ATTENTION) for w in f.words[j:opener])
