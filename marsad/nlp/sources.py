"""Reports made through a source phrase rather than a reporting verb: ``بحسب``، ``وفقا لـ``،
``نقلا عن``، ``على لسان``; ``كما تقول X``; ``بقوله``; relays (``نقلت الصحيفة عن الوزير``); and the
antecedent of a relative clause (``الملك سلمان، الذي نفى``)."""

from __future__ import annotations

from marsad.nlp.content import Field, content_end, content_kind, starts_new_statement
from marsad.nlp.cues import CueForm, match_words
from marsad.nlp.drafts import Report
from marsad.nlp.openers import PREPOSITIONS, RELAY_WORDS, content_start, outlet_before, sentence_limit
from marsad.nlp.speakers import COMMAS, TIME_WORDS, Subject, Tok, parse_subject
from marsad.nlp.wordlists import clause_words


def as_report(f: Field, i: int, j: int, limit: int, cue: CueForm, cue_span: tuple[int, int]) -> Report | None:
    """``، كما تقول وكالة رويترز، …`` / ``مثلما ذكرت الصحافة، …``: the source set off by commas, the
    content the rest of the sentence after it."""
    comma = next((k for k in range(j, limit) if f.words[k] in COMMAS), None)
    if comma is None or comma + 1 >= limit:
        return None
    subject = parse_subject(f.toks[j:comma])
    if subject is None:
        return None
    k = comma + 1
    end = content_end(f, k)
    s0 = f.toks[k].start
    after = [t.text for t in f.toks[k:] if t.end <= end and t.text[0].isalnum()]
    if after and all(w in TIME_WORDS for w in after) and i >= 3:
        ss = f.sentence_start(i)  # …، حسبما أفادت وسائل إعلام، السبت: the sentence before the source
        ss += 1 if f.words[ss] == "و" else 0
        s0, end = f.toks[ss].start, f.toks[i - 3].end
        if len(f.text[s0:end].split()) < 3:
            return None
    return Report(cue_span, (s0, end), content_kind(f, s0, end), subject, cue.gender, False, "verb")


def noun_report(f: Field, i: int, nwords: int, cue: CueForm, cue_span: tuple[int, int]) -> Report | None:
    """بحسب / وفقا لـ / نقلا عن / على لسان X: the content is the rest of the sentence on the other
    side of the cue phrase."""
    j = i + nwords
    limit = sentence_limit(f, j)
    k = j
    if k < limit and f.words[k] == "ما":  # وفق ما أفاد المرصد، بحسب ما أكدته الفنانة
        k += 2
    if k < limit and f.words[k] == "ل":
        k += 1
    seg_end = k
    at_comp = False
    while seg_end < limit and f.words[seg_end] not in COMMAS:
        if f.is_opening_quote(seg_end):
            if seg_end == k or not outlet_before(f.words[seg_end - 1]):
                break
            seg_end = f.after_quote(seg_end)  # بحسب مراسل "سكاي نيوز عربية"، …: the quotation names the outlet
            continue
        if seg_end > k and (f.words[seg_end] in clause_words().comp or f.words[seg_end] in RESULT_WORDS):
            at_comp = True  # بحسب البيان فإن …: no comma, the complementiser ends the source
            break
        seg_end += 1
    toks = strip_lam(list(f.toks[k:seg_end]))  # وفقا للمرصد → المرصد
    if toks and toks[0].text.startswith("ل") and not toks[0].text.startswith("ال") and len(toks[0].text) > 3:
        toks[0] = Tok(toks[0].start + 1, toks[0].end, toks[0].text[1:])  # وفقا لوكالة → وكالة
    subject = parse_subject(toks)
    if subject is None:
        return None
    ss = f.sentence_start(i)
    at_start = i == ss or all(not t.text[0].isalnum() for t in f.toks[ss:i]) or f.words[ss] in ("و",)
    if at_start:
        c = seg_end + (0 if at_comp else 1)
        c = _past_adverbial(f, c, limit)
        while c < limit and (f.words[c] in clause_words().comp or f.words[c] in RESULT_WORDS):
            c += 1  # بحسب الوكالة، فإن …: the complementiser is left out
        if c >= limit or _reports_itself(f, c):
            return None
        end = content_end(f, c)
        return Report(
            cue_span, (f.toks[c].start, end), content_kind(f, f.toks[c].start, end), subject, "", False, "noun"
        )
    cs = ss
    while cs < i - 1 and f.words[cs] in ("و", "كما"):
        cs += 1
    start = f.toks[cs].start
    # a clause break after a comma nearer the cue starts the content there
    end = f.toks[i - 1].end if f.words[i - 1] not in COMMAS else f.toks[i - 1].start
    end = end if f.words[i - 1] not in COMMAS else (f.toks[i - 2].end if i >= 2 else start)
    if end <= start or len(f.text[start:end].split()) < 3 or f.words[i - 1] in POINTER_VERBS:
        return None  # جاء ذلك على لسان …، التهديد الأشد جاء على لسان …: a pointer, not content
    return Report(cue_span, (start, end), content_kind(f, start, end), subject, "", False, "noun")


MAX_ADVERBIAL = 5  # words of an adverbial set off by commas between a source phrase and فإن


def _past_adverbial(f: Field, c: int, limit: int) -> int:
    """``بحسب تحليل للصحيفة، في مارس الماضي، فإن …``: a short adverbial between commas before فإن or أن is
    left out of the content."""
    if c >= limit or (f.words[c] not in clause_words().adverb and f.words[c] not in TIME_WORDS):
        return c
    for x in range(c + 1, min(limit, c + MAX_ADVERBIAL + 2)):
        if f.words[x] in COMMAS:
            nxt = x + 1
            if nxt < limit and (f.words[nxt] in RESULT_WORDS or f.words[nxt] in clause_words().comp):
                return nxt
            return c
    return c


def _reports_itself(f: Field, c: int) -> bool:
    """``وحسب فرانس برس، قال القاضي إن …``: the clause after the source phrase opens with its own reporting
    verb and speaker, which that verb's report gives; the source phrase only relays it."""
    m = match_words(f.words, c) if c in f.cues else None
    return m is not None and m[2].kind == "verb" and m[2].content == "clause"


def relay_noun_report(f: Field, i: int, cue: CueForm, cue_span: tuple[int, int]) -> Report | None:
    """``بقوله إن …``: a report whose speaker is the clause's subject (carried over)."""
    back = f.words[max(0, i - 6) : i]
    if "عن" in back or (i and match_words(f.words, i - 1) is not None):
        return None
    k = i + 1
    if k >= len(f.toks):
        return None
    w = f.words[k]
    if w in clause_words().comp or w == ":":
        st = content_start(f, k, cue)
        if st is None:
            return None
        k = st[0]
    if starts_new_statement(f, k):
        return None
    end = content_end(f, k)
    s = f.toks[k].start
    return Report(cue_span, (s, end), content_kind(f, s, end), None, "", False, "relay")


def antecedent(f: Field, rel: int) -> Subject | None:
    """The noun phrase a relative pronoun at token ``rel`` refers to: the comma-bounded naming before it."""
    k = rel
    if k > 0 and f.words[k - 1] in COMMAS:
        k -= 1
    start = k
    while start > 0 and f.words[start - 1] not in COMMAS and not f.is_terminal(start - 1) and k - start < 7:
        start -= 1
    while start < k and (match_words(f.words, start) is not None or f.words[start] in PREPOSITIONS):
        start += 1  # بحسب وزيرة الثقافة …، التي أشارت
    sub = parse_subject(f.toks[start:k])
    if sub is not None and sub.name is not None and sub.end == f.toks[k - 1].end:
        return sub
    for s in range(start + 1, k):  # قامت الممثلة سارة دانيال التي تزعم: the noun phrase right before the pronoun
        sub = parse_subject(f.toks[s:k])
        if sub is not None and sub.end == f.toks[k - 1].end and sub.start == f.toks[s].start:
            named = sub.name is not None and (sub.role is not None or " " in f.text[sub.name[0] : sub.name[1]])
            return sub if named else None
    return None


def relay_subject(f: Field, j: int, opener: int) -> Subject | None:
    """``نقلت وكالة … عن الوزير قوله``, ``ذكرت الصحيفة نقلا عن مصدر أن``: the original speaker."""
    for k in range(j, opener):
        if f.words[k] == "عن" and (k == j or f.words[k - 1] in ("نقلا",) or True):
            sub = parse_subject(f.toks[k + 1 : opener])
            if sub is not None:
                return sub
    return None


def relays_pronoun(f: Field, opener: int | None) -> bool:
    """``نقلت وسائل إعلام عن قوله إن …``: the outlet relays someone the text goes on with, not itself."""
    return opener is not None and opener > 0 and f.words[opener] in RELAY_WORDS and f.words[opener - 1] == "عن"


def strip_lam(toks: list[Tok]) -> list[Tok]:
    """``تصريح للرئيس التركي``: the genitive of a verbal noun may come with ل."""
    if toks and toks[0].text.startswith("لل") and len(toks[0].text) > 4:
        return [Tok(toks[0].start, toks[0].end, "ال" + toks[0].text[2:]), *toks[1:]]  # the mention keeps its ل
    return toks


RESULT_WORDS = frozenset({"فان", "فانه", "فانها"})  # بحسب البيان فإن …
POINTER_VERBS = frozenset({"جاء", "جاءت", "وجاء", "ورد", "وردت", "صدر", "صدرت"})
FRONTED_WORDS = frozenset({"الكلمات", "العبارات", "العباره", "الكلمه", "الجمله", "الجمل", "الكلمتين", "العبارتين"})
FRONTED_POINTERS = frozenset({"بهذه", "وبهذه", "بهاتين", "وبهاتين", "بهذين", "وبهذين"})


def fronted_quote_report(f: Field, i: int, j: int, cue: CueForm, cue_span: tuple[int, int]) -> Report | None:
    """``"…".. بهذه الكلمات علق المدرب فلان على …``: the quotation before the phrase is what the
    subject after the verb said."""
    if i < 2 or f.words[i - 1] not in FRONTED_WORDS or f.words[i - 2] not in FRONTED_POINTERS:
        return None
    before = f.toks[i - 2].start
    closes = [(o, c) for o, c in f.pairs.items() if c < before and not f.newline_between(c, before)]
    if not closes:
        return None
    o, c = max(closes, key=lambda p: p[1])
    if any(ch.isalnum() for ch in f.text[c + 1 : before]):
        return None  # only punctuation between the quotation and بهذه الكلمات
    limit = sentence_limit(f, j)
    limit = next((k for k in range(j + 1, limit) if f.words[k] in cue.preps), limit)  # علق فلان على …
    subject = parse_subject(f.toks[j:limit])
    if subject is None or subject.start != f.toks[j].start:
        return None
    return Report(cue_span, (o, c + 1), "direct", subject, cue.gender, False, "verb")
