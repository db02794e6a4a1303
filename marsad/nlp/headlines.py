"""Headline statements: a title or a line of the form "source: content" (``قاآني: "إسرائيل" انهارت``,
``إقرأ أيضًا: هنية للميادين: …``, ``مصادر تكشف لـCNN: …``)."""

from __future__ import annotations

from functools import lru_cache

from marsad.nlp.content import Field
from marsad.nlp.cues import match_words
from marsad.nlp.drafts import Report
from marsad.nlp.speakers import Tok, parse_subject
from marsad.nlp.wordlists import headline_prefixes, masdar_like, place_kinds, speaker_noun

MAX_SOURCE = 6  # words before the colon
LEAD_BREAKS = frozenset({":", ".", "-", "–", "|"})
DATELINE_MARKS = frozenset({"-", "–", "—", "(", ")"})
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
QUESTION_WORDS = frozenset({"ما", "ماذا", "كيف", "هل", "لماذا", "متي", "اين", "من", "كم"})


@lru_cache(maxsize=1)
def _lead_firsts() -> frozenset[str]:
    return frozenset(words[0] for words, category in headline_prefixes() if category == "lead")


def _lead_end(f: Field, k: int, stop: int) -> int:
    """Index after a lead-in (``اقرأ أيضا:``, ``قد يهمك..``) at token ``k``, or ``k``."""
    if k >= len(f.words) or f.words[k] not in _lead_firsts():
        return k
    for words, category in headline_prefixes():
        if category != "lead":
            continue
        n = len(words)
        if tuple(f.words[k : k + n]) == words:
            j = k + n
            if j < stop and f.words[j] in LEAD_BREAKS:
                while j < stop and f.words[j] in LEAD_BREAKS:
                    j += 1
                return j
    return k


def has_lead(f: Field, first: int, stop: int) -> bool:
    """Whether the line opens with a "read also" lead-in (a linked headline inside the body)."""
    return _lead_end(f, first, stop) > first


def _is_label(words: list[str]) -> bool:
    return any(tuple(words[: len(p)]) == p and c == "label" for p, c in headline_prefixes())


def headline_report(f: Field, first: int, stop: int) -> Report | None:
    """The "source: content" statement of the line made of tokens ``[first, stop)``, if it is one."""
    k = _lead_end(f, first, stop)
    colon = next((c for c in range(k, min(stop, k + MAX_SOURCE + 4)) if f.words[c] == ":"), None)
    if colon is None or colon == k or colon + 1 >= stop:
        return None
    source = f.toks[k:colon]
    words = [t.text for t in source]
    if _is_label(words) or not source[0].text[0].isalnum():
        return None
    if not DATELINE_MARKS.isdisjoint(words):
        return None  # واشنطن - (وكالات): a dateline (place, outlet), not a source
    cue_span = (f.toks[colon].start, f.toks[colon].end)
    gender = ""
    # a verb in the source part: "مصادر تكشف لـCNN" / "تحذر أمريكا"
    for v in range(len(source)):
        m = match_words(f.words, k + v)
        if m is not None and m[2].kind == "verb":
            before, after = source[:v], source[v + m[1] :]
            pick = before if before else after
            cue_tok = source[v]
            cue_span = (cue_tok.start + m[0], cue_tok.end)
            gender = m[2].gender
            source = pick
            break
    if not gender and len(source) >= 2 and _bare_verb(source[-1].text):
        source = source[:-1]  # أبومازن يعتذر: …: a verb that is not a cue still ends the source
    source = _trim_addressee(source)
    if not source or len(source) > MAX_SOURCE or any(t.text.isdigit() for t in source):
        return None  # كأس العالم 2018: الرابح والخاسر: a topic, not a source
    subject = parse_subject(source)
    if subject is None:
        return None
    c = colon + 1
    if not gender and _place_label(source, f.words[c:stop]):
        return None  # سوريا: وصول قافلة مساعدات …: a country label over a news item, not a source
    if not gender and _profile(source, f.words[c:stop]):
        return None  # دميرتاش: المرشح الذي يتحدى …، فرنسا: ما هي …؟: a label over a profile or a question
    end = f.toks[stop - 1].end
    while end > f.toks[c].start and f.text[end - 1] in " .،,":
        end -= 1
    content_words = sum(1 for t in f.toks[c:stop] if t.text[0].isalnum())
    if content_words < 2:
        return None
    return Report(cue_span, (f.toks[c].start, end), "headline", subject, gender, False, "headline")


CLAIM_WORDS = frozenset({"لن", "قد", "سوف", "لم", "لا", "ليس", "يجب", "ان"})  # a predicate someone asserts


def _place_label(source: list[Tok], content: list[str]) -> bool:
    """A source that is only a place name before content that opens with an indefinite verbal noun
    (``اليمن: وصول قوات …``، ``مصر: إحالة 28 متهما …``) labels the news item's country, unless the
    content speaks in the first person or asserts (``واشنطن: إخراج إيران … أولوياتنا``، ``إيران:
    انسحاب أميركا لن يؤثر``)."""
    if not content or place_kinds().get(" ".join(t.text for t in source)) is None:
        return False
    first = content[0]
    if first.startswith("ال") or not masdar_like(first) or first in place_kinds():
        return False
    return not any(
        w in CLAIM_WORDS or (len(w) > 3 and w.endswith("نا")) or w.startswith(("سي", "ست")) for w in content[1:]
    )


@lru_cache(maxsize=1)
def _source_verbs() -> frozenset[str]:
    return frozenset(words[0] for words, category in headline_prefixes() if category == "verb" and len(words) == 1)


def _bare_verb(word: str) -> bool:
    """A present-tense verb that is not a cue closing a headline's source (``أبومازن يعتذر:``), from the list
    in ``headline_prefixes.tsv``: a guess from the letters would take names (``ترامب``، ``بيونغ يانغ``)."""
    return word in _source_verbs()


def _profile(source: list[Tok], content: list[str]) -> bool:
    """``دميرتاش: المرشح الذي …``: a role noun with a relative clause describes the person named; ``فرنسا: ما
    هي …؟``: a place over a question labels the story."""
    if len(content) >= 2 and content[1] in RELATIVES:
        noun = speaker_noun(content[0])
        if content[0].startswith("ال") and noun is not None and noun.category == "role":
            return True
    place = place_kinds().get(" ".join(t.text for t in source)) is not None
    return place and bool(content) and content[0] in QUESTION_WORDS and content[-1] in ("?", "؟")


def _trim_addressee(source: list[Tok]) -> list[Tok]:
    """Drop what follows the source: ``هنية للميادين`` → ``هنية``; ``قاآني في ذكرى سليماني`` → ``قاآني``."""
    for i, t in enumerate(source[1:], start=1):
        w = t.text
        if w in ("في", "خلال", "عن", "حول", "بشان", "ل", "امام", "عبر", "من") or (w.startswith("ل") and len(w) > 2):
            return source[:i]
    return source
