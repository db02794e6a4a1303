"""Checks on a report's subject and content that :mod:`marsad.nlp.reports` applies: whether a noun
phrase after the cue is its subject or its object, a surname before the cue's preposition, a cue
inside a long quotation, and content that opens with a short quoted term."""

from __future__ import annotations

from marsad.nlp.content import Field, content_end, narration_break, starts_new_statement
from marsad.nlp.cues import CueForm
from marsad.nlp.openers import index_after, starts_with_prep
from marsad.nlp.speakers import Subject, Tok, agrees
from marsad.nlp.wordlists import clause_words, speaker_noun

QUOTE_TAILS = frozenset({"وهو", "وهي", "حيث", "الذي", "التي", "وذلك", "وقال", "في", "عبر", "خلال", "مما", "بما"})


def with_surname(f: Field, subject: Subject | None, cue: CueForm, limit: int) -> Subject | None:
    """``تلويح الرئيس بشار الأسد باستخدام …``: a definite surname right before the cue's preposition
    belongs to the name, not to the content."""
    if subject is None or subject.name is None or subject.name[1] != subject.end:
        return subject
    k = index_after(f, subject.end)
    if k + 1 < limit and f.words[k].startswith("ال") and starts_with_prep(f, k + 1, cue):
        end = f.toks[k].end
        full = f.text[subject.name[0] : end]
        if not f.words[k].endswith("ي") and f.text.count(full) < 2:
            return subject  # حث الوزير سامي المواطنين على …: an object, not a surname
        return Subject(subject.start, end, (subject.name[0], end), subject.role, subject.category)
    return subject


def inside_long_quote(f: Field, i: int) -> bool:
    pos = f.toks[i].start
    return any(o < pos < c and len(f.text[o:c].split()) > 4 for o, c in f.pairs.items())


def checked(
    subject: Subject | None, region: list[Tok], cue: CueForm, np_mode: bool, following: str = ""
) -> Subject | None:
    if subject is None:
        return None
    first = next((t.text for t in region if t.start == subject.start), "")
    if not agrees(subject, first, cue.gender, np_mode) or first in cue.preps:
        return None  # أكد على أهمية …: the cue's preposition opens the content, not a subject
    name_first = next((t.text for t in region if subject.name is not None and t.start == subject.name[0]), "")
    if np_mode and name_first in cue.preps:  # أكد الملك على أهمية: على is the preposition, not the name علي
        if subject.role is None:
            return None
        subject = Subject(subject.start, subject.role[1], None, subject.role, subject.category)
    if cue.transitive and subject.category in ("org", "group"):
        after = next((t.text for t in region if t.start >= subject.end), following)
        object_first = after in cue.preps or after in clause_words().comp or after.startswith("ب")
        if speaker_noun(first) is None and object_first:
            return None  # ووصفت الخطة بأنها: the only noun phrase is the object
        if after in ("بان", "بانه", "بانها", "بانهم"):
            return None  # واتهم المكتب بأنه …: a body right before بأن is what is described, not who speaks
    return subject


def continue_after_short_quote(f: Field, k: int, end: int) -> int:
    """Content that opens with a short quoted term ("إسرائيل" لم تتمكن …) goes on to the sentence end."""
    if not f.is_opening_quote(k):
        return end
    close = f.pairs[f.toks[k].start]
    if k and f.words[k - 1] not in clause_words().comp and len(f.text[f.toks[k].start : close].split()) > 3:
        return end  # مؤكدا "…" ونظر …: a whole quotation after the cue is the content; what follows narrates
    nxt = index_after(f, close + 1)
    if nxt >= len(f.toks) or not f.toks[nxt].text[0].isalnum() or f.newline_between(close, f.toks[nxt].start):
        return end
    if starts_new_statement(f, nxt) or narration_break(f, nxt) or f.words[nxt] in QUOTE_TAILS:
        return end
    return max(end, content_end(f, nxt))


ROLE_APPOSITION = 6  # words of a role phrase between a name and the cue's preposition


def role_apposition_end(f: Field, k: int, limit: int, cue: CueForm) -> int:
    """``عبر فلان المدير الفني للفريق عن سعادته``: a definite role phrase right after the speaker's
    name, before the cue's preposition, describes the speaker; the content starts at the preposition."""
    noun = speaker_noun(f.words[k]) if k < limit else None
    if noun is None or noun.category != "role" or not f.words[k].startswith("ال"):
        return k
    for x in range(k + 1, min(limit, k + ROLE_APPOSITION)):
        if starts_with_prep(f, x, cue):
            return x
        if not f.toks[x].text[0].isalpha() or f.words[x] in clause_words().comp:
            break
    return k


def role_lead(f: Field, k: int, opener: int) -> bool:
    """``أكد فلان الفلاني رئيس النادي أنه …``: a role noun right after the speaker's name describes
    the speaker; the content starts at the complementiser."""
    if k >= opener or f.words[opener] not in clause_words().comp:
        return False
    noun = speaker_noun(f.words[k])
    return noun is not None and noun.category == "role"
