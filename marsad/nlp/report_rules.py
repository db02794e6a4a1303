"""Readings of the words around a verb cue that decide whether and where it reports: a verb after
a fronted phrase with its subject and complementiser, a verbal noun with its subject and preposition,
a short quotation, the end of a noun-phrase content."""

from __future__ import annotations

from functools import lru_cache

from marsad.nlp.content import Field
from marsad.nlp.cues import CueForm
from marsad.nlp.ner.resources import data_rows
from marsad.nlp.openers import index_after, skip_adverbials
from marsad.nlp.sources import strip_lam
from marsad.nlp.speakers import COMMAS, TIME_WORDS, Subject, agrees, parse_subject
from marsad.nlp.wordlists import clause_words

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


def masdar_prep_content(f: Field, j: int, limit: int, cue: CueForm) -> tuple[Subject, tuple[int, int]] | None:
    """``بعد إعلان طهران عن خطة لزيادة …``: a verbal noun, its named subject, then the cue's
    preposition and a noun phrase — what was announced."""
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


@lru_cache(maxsize=1)
def _gazetteers() -> tuple[dict[str, str], dict[str, str]]:
    """Folded place names → kind, and folded name tokens → classes (the NER gazetteers, without its clusters)."""
    places = {r[0]: r[1] for r in data_rows("gazetteer_places.tsv") if len(r) >= 2}
    names = {r[0]: r[1] for r in data_rows("gazetteer_names.tsv") if len(r) >= 2}
    return places, names


def place_subject(f: Field, subject: Subject | None) -> Subject | None:
    """A subject that opens with a one-word place (a country or city standing for its government)
    ends there when the cue takes a noun phrase: ``نفت بكين انتهاك …``, ``ترفض موسكو انفصال …`` — a
    place name is not followed by a genitive, so the next word opens the content."""
    if subject is None or subject.category not in ("name", "org"):
        return subject
    k = index_after(f, subject.start)
    if k + 1 >= len(f.toks) or f.toks[k + 1].start >= subject.end:
        return subject
    places, names = _gazetteers()
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
