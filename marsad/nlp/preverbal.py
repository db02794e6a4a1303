"""Subjects written before their verb: ``قاآني يؤكد``, ``جيري سميث، وهو …، حذّر``, ``وكان مدير …،
عباس إبراهيم، قد قال``, and a name set off by commas after the role it explains."""

from __future__ import annotations

from marsad.nlp.quotes import QUOTE_CHARS
from marsad.nlp.speaker_words import COMMAS, Tok, is_word, segments, stop_word
from marsad.nlp.speakers import Subject, agrees, parse_subject
from marsad.nlp.wordlists import clause_words, speaker_noun
from marsad.text import fold

PREVERBAL_SKIPS = frozenset(
    {"لكن", "ولكن", "وكان", "كان", "وكانت", "كانت", "وقد", "قد", "فقد", "بينما", "فيما", "حيث", "و"}
)


def preverbal_subject(toks: list[Tok]) -> Subject | None:
    """The subject written before its verb (``قاآني يؤكد``, ``جيري سميث، وهو …، حذّر``,
    ``وكان مدير …، عباس إبراهيم، قد قال``), where the words before the cue, from the clause start,
    are only that naming (with an apposition, a description after وهو, or a short phrase)."""
    toks = _without_among(toks)
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
    if comma_before_verb and not any(t.text in ("وهو", "وهي") for t in toks) and len(segments(toks)) == 1:
        quoted = parse_subject(toks) if not QUOTE_CHARS.isdisjoint(t.text for t in toks) else None
        if quoted is not None and quoted.category == "org" and quoted.end == toks[-1].end:
            return quoted  # وكانت صحيفة "الأيام"، ذكرت: a body named in quotation marks, set off by a comma
        return None  # ومؤخرا، وصف …: an adverb set off by a comma, not a subject
    if not toks:
        return None
    near = _role_apposition(toks) if comma_before_verb else None
    if near is not None:
        return near
    first = toks[0].text
    if stop_word(first) or first in QUOTE_CHARS or not is_word(toks[0]) or first[0].isdigit():
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


AMONG = frozenset({"بينهم", "بينهن", "منهم", "ومنهم", "بينها", "ومنها", "منها"})


def _without_among(toks: list[Tok]) -> list[Tok]:
    """``مسؤولون، بينهم وزير الدفاع، قالوا``: the members named between commas are left out."""
    for n in range(1, len(toks) - 1):
        if toks[n].text in AMONG and toks[n - 1].text in COMMAS:
            close = next((c for c in range(n + 1, len(toks)) if toks[c].text in COMMAS), None)
            if close is not None:
                return [*toks[: n - 1], *toks[close + 1 :]]
    return toks


def _role_apposition(toks: list[Tok]) -> Subject | None:
    """``… تسجيلا مصورا لزعيمه، فلان الفلاني، يحث فيه``: a name set off by commas right before the
    verb, after a role noun it explains (لزعيمه، لرئيس الحزب), is the verb's subject."""
    segs = segments(toks)
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


ASKED = frozenset(fold(w) for w in ("سئل", "وسئل", "فسئل", "سئلت", "وسئلت"))


def lead_subject(toks: list[Tok], gender: str) -> Subject | None:
    """The subject of a sentence that a later verb with no subject of its own goes on with: ``أما
    فلان فقد قال``, ``وفي مؤتمر صحفي سئل فلان عن … فقال``, ``وكان فلان، قد … وقال``.  ``toks`` runs
    from the sentence start to the cue; ``gender`` is the cue's."""
    lead = clause_words().lead
    for n, t in enumerate(toks):
        if t.text in lead and (n == 0 or t.text in ASKED or t.text.endswith("اما")):
            rest = toks[n + 1 :]
            subject = parse_subject(rest) if rest else None
            first = next((r.text for r in rest if subject is not None and r.start == subject.start), "")
            known = subject is not None and (subject.category in ("name", "role") or speaker_noun(first) is not None)
            if subject is None or not known or not agrees(subject, first, gender, False):
                return None
            return subject
    return None
