"""Reports found around cues in one folded field: the cue, the speaker named after or before it
(or none: carried over), the content, its kind.  :mod:`marsad.nlp.statements` turns them into
contract statements."""

from __future__ import annotations

from marsad.nlp.content import (
    Field,
    content_end,
    content_kind,
    correlative_bayn,
    predicate_participle,
)
from marsad.nlp.cues import CueForm, match_words
from marsad.nlp.drafts import Report
from marsad.nlp.openers import (
    PREPOSITIONS,
    RELAY_WORDS,
    adverbial_lead,
    content_start,
    find_opener,
    index_after,
    np_start,
    pp_only,
    sentence_limit,
    skip_adverbials,
    starts_with_prep,
)
from marsad.nlp.preverbal import lead_subject, preverbal_subject
from marsad.nlp.report_checks import (
    checked,
    continue_after_short_quote,
    inside_long_quote,
    role_apposition_end,
    role_lead,
    with_surname,
)
from marsad.nlp.report_passes import drop_relayed_sources, main_clause_subjects, nested_relay_subjects
from marsad.nlp.report_rules import (
    RELATIVES,
    attention_object,
    is_naming_only,
    issuer_subject,
    masdar_prep_content,
    nearer_cue,
    np_end,
    passive_reading,
    past_relative,
    place_subject,
    quoted_subject,
    relayed_gender,
    set_off,
    short_quote,
    vso_report,
)
from marsad.nlp.sources import (
    antecedent,
    as_report,
    fronted_quote_report,
    noun_report,
    relay_noun_report,
    relay_subject,
    relays_pronoun,
    strip_lam,
)
from marsad.nlp.speakers import COMMAS, TIME_WORDS, Subject, agrees, parse_subject
from marsad.nlp.wordlists import clause_words

RESUMPTIVE = frozenset({"عنها", "عنه", "عنهم", "فيها", "فيه", "بها", "به", "عليها", "عليه", "اليها", "اليه"})
CLAUSE_OPENERS = frozenset(
    {"وقد", "كما", "وكما", "ثم", "وكان", "كذلك", "حين", "فيما", "بينما", "وقت", "عندما", "حيث", "بعدما", "اذ", "لكن"}
    | {"بل", "ان", "بان", "وان", "مثلما", "حسبما", "ما", "عما", "مما", "الذي", "التي", "الذين", "اليوم", "امس"}
)
PRONOUN_SUBJECTS = frozenset({"لكنه", "ولكنه", "لكنها", "ولكنها", "لكنهم", "ولكنهم", "بل", "وانه", "وانها"})
AS_WORDS = frozenset({"كما", "مثلما", "حسبما", "وكما"})
POINTER_WORDS = frozenset({"جاء", "وجاء", "جاءت", "وجاءت"})  # جاء ذلك في تشديده على …
DESCRIBERS = RELATIVES | {"وهو", "وهي"}  # أكد فلان الذي …، أن / وتوضح فلانة وهي …، أن: the content is after أن
WITHHOLDING = frozenset({"رفض", "طلب"})  # رفض الكشف عن اسمه، طلب عدم ذكر اسمه
DOCUMENT_CUES = frozenset({"جاء في", "ورد في", "جاء فيه", "جاء فيها", "ورد فيه", "ورد فيها"})


def _negated(f: Field, i: int) -> bool:
    neg = clause_words().neg
    for back in (1, 2):
        if i - back < 0:
            break
        w = f.words[i - back]
        if w in neg or (w[:1] in "وف" and w[1:] in neg):
            return True
        if w not in ("قد", "وقد", "يكن", "تكن"):
            break
    return False


def _adjectival_participle(f: Field, i: int, cue: CueForm) -> bool:
    """``هجمات مهددة للحياة``: a participle right after an indefinite noun describes it."""
    if cue.kind != "participle" or i == 0:
        return False
    prev = f.words[i - 1]
    if not prev[0].isalpha() or prev in TIME_WORDS or prev.startswith(("ال", "لل", "بال", "وال")):
        return False
    if i - 1 in f.cues or prev in clause_words().particle or i + 1 >= len(f.words):
        return False
    nxt = f.words[i + 1]  # مشيرا إلى، محذرة من، قائلا: … introduce what was said
    if nxt in RESUMPTIVE:
        return True  # مهمة صغيرة معترفا بها: a preposition with only a pronoun after it
    return not (
        starts_with_prep(f, i + 1, cue) or nxt in clause_words().comp or nxt == ":" or f.is_opening_quote(i + 1)
    )


def _adverbial_masdar(f: Field, i: int, cue: CueForm) -> bool:
    """``في تصريح لـ…``: a verbal noun after في says how something was said; the verb reports it —
    unless only ``جاء ذلك`` points at it (``جاء ذلك في تشديده على …``: the verbal noun reports)."""
    if cue.kind != "masdar" or i == 0 or f.words[i - 1] not in ("في", "خلال", "عبر"):
        return False
    return not (cue.suffixed and i >= 3 and f.words[i - 2] == "ذلك" and f.words[i - 3] in POINTER_WORDS)


def _relative(f: Field, i: int, cue: CueForm) -> bool:
    """``الأزمة التي تحدث عنها``: a relative clause names what was said about, it reports nothing;
    after a preposition (``على رفض التوطين``) the word is a verbal noun, not a verb."""
    if i == 0 or cue.kind not in ("verb", "participle"):
        return False
    prev = f.words[i - 1]
    nxt = f.words[i + 1] if i + 1 < len(f.words) else ""
    resumptive = nxt in RESUMPTIVE
    return (prev in RELATIVES and cue.lemma != "وصف" and resumptive) or prev in PREPOSITIONS


def _after_source_noun(f: Field, i: int) -> bool:
    """``وفق ما أفاد المرصد``: the verb belongs to the noun cue before it."""
    if i < 2 or f.words[i - 1] != "ما":
        return False
    m = match_words(f.words, i - 2)
    return m is not None and m[2].kind == "noun"


RELAY_REACH = 12  # words between نقل and the عن that names its source


def _relay_without_source(f: Field, i: int, prefix: int, cue: CueForm) -> bool:
    """``لحظة نقل الصاروخ``: a bare نقل with no عن after it in its clause is the verbal noun
    "moving", not "relayed"."""
    if cue.lemma != "نقل" or cue.kind != "verb" or prefix or _clause_break(f, i):
        return False
    limit = min(sentence_limit(f, i + 1), i + RELAY_REACH)
    return not any(f.words[k] in ("عن", "نقلا") for k in range(i + 1, limit))


def _clause_break(f: Field, i: int) -> bool:
    if i == 0:
        return True
    prev = f.toks[i - 1]
    if f.breaks_line(i) or not prev.text[0].isalnum():
        return True
    return prev.text in clause_words().particle or prev.text in CLAUSE_OPENERS


def find_reports(f: Field, title: bool = False) -> list[Report]:
    """Every report around a cue in one field."""
    out: list[Report] = []
    done = -1
    withheld = clause_words().withheld
    for i in sorted(f.cues):
        if i <= done:
            continue
        m = match_words(f.words, i)
        if m is None:
            continue
        prefix, nwords, cue = m
        if (
            _negated(f, i)
            or (cue.conj and not prefix and not _clause_break(f, i))
            or _relative(f, i, cue)
            or _relay_without_source(f, i, prefix, cue)
            or (cue.lemma in WITHHOLDING and i + nwords < len(f.words) and f.words[i + nwords] in withheld)
            or _after_source_noun(f, i)
            or _adverbial_masdar(f, i, cue)
            or _adjectival_participle(f, i, cue)
            or correlative_bayn(f, i, cue.lemma)
            or (cue.kind == "participle" and predicate_participle(f, i))
        ):
            continue
        cue_span = (f.toks[i].start + prefix, f.toks[i + nwords - 1].end)
        rep: Report | None = None
        if cue.kind == "verb" and (fronted := fronted_quote_report(f, i, i + nwords, cue, cue_span)) is not None:
            rep = fronted
        elif cue.kind in ("verb", "participle", "passive", "masdar") or cue.lemma in DOCUMENT_CUES:
            rep = _verb_report(f, i, nwords, cue, cue_span, title)
        elif cue.lemma in RELAY_WORDS:
            rep = relay_noun_report(f, i, cue, cue_span)
        else:
            rep = noun_report(f, i, nwords, cue, cue_span)
        if rep is not None and rep.content[1] > rep.content[0]:
            out.append(rep)
        done = i + nwords - 1
    return nested_relay_subjects(f, main_clause_subjects(f, drop_relayed_sources(f, out)))


def _verb_report(f: Field, i: int, nwords: int, cue: CueForm, cue_span: tuple[int, int], title: bool) -> Report | None:
    j = i + nwords
    limit = sentence_limit(f, j)
    opener = find_opener(f, j)
    subject: Subject | None = None
    lead: Subject | None = None  # the sentence's subject, for a verb that names none (أما فلان فقال)
    start: tuple[int, int] | None = None
    check_name = False
    pronoun_relay = False
    pre = _preverbal(f, i, cue, cue_span)
    going_on = cue.going_on and cue_span[0] > f.toks[i].start  # ويتابع "…"، وتضيف أن: the last speaker goes on
    if cue.kind == "verb" and cue.present and opener == j and pre is None and f.sentence_start(i) == i and not going_on:
        return None  # يذكر أن …، يشار إلى أن …: the outlet's own narration
    if opener == j and passive_reading(f, i, j, cue):
        return None  # مبادرة تدعى "…"، حيث يتوقع أن …: read as passive, nobody speaks
    bare_mid = cue_span[0] == f.toks[i].start and pre is None and not _clause_break(f, i)
    vso = False
    if cue.kind == "verb" and bare_mid and not (opener == j and cue.present):
        if not vso_report(f, j, opener, cue):
            return None
        vso = True  # أمثلة تكشف …، لم تتح كشف …: inside a noun phrase the word describes or names, it does not report
    if cue.kind == "verb" and i > 1 and f.words[i - 1] in AS_WORDS and f.words[i - 2] in COMMAS:
        comma = next((k for k in range(j, limit) if f.words[k] in COMMAS), limit)
        if opener is None or opener > comma:
            return as_report(f, i, j, limit, cue, cue_span)
    if cue.kind == "masdar" and cue.content == "clause" and opener is not None and nearer_cue(f, j, opener):
        return None  # تصريحات فلان بعد يومين من قول الوزير إن …: the nearer verbal noun reports
    if cue.kind == "masdar" and opener is None and cue.content == "clause":
        found = masdar_prep_content(f, j, limit, cue)
        if found is None:
            return None
        subject, start = found
    if start is None and opener == j and (quoted := quoted_subject(f, j, limit, cue)) is not None:
        subject, start = quoted
    if start is not None:
        pass
    elif pre is not None and opener is None and cue.content != "clause":
        k = skip_adverbials(f, j, limit)
        start = np_start(f, k, cue) if k < limit else None
        subject = pre
    elif pre is not None and opener is not None:
        subject = pre
        if cue.lemma == "نقل":
            subject = relay_subject(f, j, opener) or subject
        after = skip_adverbials(f, j, opener)
        rest = [t for t in f.toks[after:opener] if t.text[0].isalnum()]
        if (
            cue.content != "clause"
            and len(rest) >= 2
            and not pp_only(f, after)
            and not adverbial_lead(f, j, opener, cue)
        ):
            start = np_start(f, after, cue)  # أعرب عن حزنه "…"
        elif len(rest) >= 2 and short_quote(f, opener) and starts_with_prep(f, after, cue):
            start = np_start(f, after, cue)  # أبلغوا عن عدم استجابة … "نشطة": the quotation is inside the phrase
        elif short_quote(f, opener) and f.words[opener - 1] in clause_words().naming:
            return None  # مدون يدعى فلان على القضية اسم "…": the quotation names, it does not report
        else:
            start = content_start(f, opener, cue)
    elif opener is not None:
        region = strip_lam(f.toks[j:opener]) if cue.kind == "masdar" else f.toks[j:opener]
        no_subject = cue.kind == "participle" or (cue.suffixed and cue.kind == "masdar")
        no_subject = no_subject or (i > 0 and f.words[i - 1] in PRONOUN_SUBJECTS and cue.content != "clause")
        object_then_bian = cue.transitive and f.words[opener].startswith("بان")  # وصف فلان العقوبات بأنها
        np_subject = cue.content != "clause" and (f.words[opener] not in clause_words().comp or object_then_bian)
        subject = (
            None
            if no_subject
            else checked(parse_subject(region, np_subject, after_verb=True), region, cue, np_subject, f.words[opener])
        )
        subject = place_subject(f, subject) if np_subject else subject
        if subject is None and not no_subject and cue.kind == "verb":
            lead = lead_subject(f.toks[f.sentence_start(i) : i], cue.gender)  # أما فلان فقد قال إن
        if cue.lemma in DOCUMENT_CUES:
            subject = issuer_subject(f, j, opener) or subject  # جاء في بيان أصدرته الوزارة: the ministry
        if cue.lemma == "نقل" or any(w == "نقلا" for w in f.words[j:opener]):
            subject = relay_subject(f, j, opener) or subject
        pronoun_relay = cue.lemma == "نقل" and relays_pronoun(f, opener)
        after = skip_adverbials(f, j if subject is None else index_after(f, subject.end), opener)
        if subject is not None and cue.content == "prep":
            after = role_apposition_end(f, after, opener, cue)  # عبر فلان المدير الفني عن …، مضيفا
        rest = [t for t in f.toks[after:opener] if t.text[0].isalnum()]
        short_q = short_quote(f, opener)
        prep_at = next(
            (x for x in range(after + 1, opener) if f.words[x] in cue.preps and f.words[x - 1] in COMMAS), None
        )
        at_participle = match_words(f.words, opener) is not None and f.words[opener] not in RELAY_WORDS
        if at_participle and rest and cue.content == "clause":
            return None  # the participle reports; this verb only narrates
        inside = 2 if f.is_opening_quote(opener) else 1  # أعربت في بيان "عن أسفها …": the preposition quoted
        to_comp = "الي" in cue.preps and f.words[opener] == "ان"  # ولفتت المتحدثة أن …: إلى left out
        to_comp = to_comp and not attention_object(f, j, opener)  # لفت انتباهه أن
        if (
            cue.content == "prep"
            and not to_comp
            and not any(starts_with_prep(f, x, cue) for x in range(j, opener + inside))
        ):
            return None  # عبر حسابه على "تويتر": without its preposition the word is not this cue
        prep_then_comp = opener > j and f.words[opener - 1] in cue.preps and f.words[opener] in clause_words().comp
        if cue.content != "clause" and prep_at is not None:
            start = (prep_at + 1, f.toks[prep_at + 1].start)
        elif (
            prep_then_comp
            or adverbial_lead(f, j if subject is None else index_after(f, subject.end), opener, cue)
            or set_off(f, subject, opener)
            or (subject is not None and role_lead(f, after, opener))
            or (subject is not None and f.words[after] in DESCRIBERS and f.words[opener] in clause_words().comp)
        ):
            start = content_start(f, opener, cue)  # لفت السيد نصر الله إلى أن، أوضح في تصريح لـ… أن
        elif (at_participle and rest) or (
            cue.content != "clause"
            and (len(rest) >= 2 or (rest and (short_q or object_then_bian)))
            and f.words[opener] != ":"
            and not pp_only(f, after)
        ):
            start = np_start(f, after, cue)
        elif rest and short_q and not pp_only(f, after):
            return None
        elif not rest and short_q and subject is not None and subject.category == "org":
            return None  # وكالة "فرانس برس": the quotation marks name the body
        else:
            start = content_start(f, opener, cue)
    elif cue.content != "clause":
        if inside_long_quote(f, i):
            return None
        region = f.toks[j:limit]
        if (j < limit and starts_with_prep(f, j, cue)) or cue.kind == "participle":
            subject = None  # متوعدا بمحاربة …: the content follows at once
        elif i > 0 and f.words[i - 1] in PRONOUN_SUBJECTS:
            subject = None  # ولكنه وصف الادعاءات بأنها …: the pronoun is the subject, the noun phrase the object
        else:
            subject = place_subject(f, checked(parse_subject(region, np_mode=True), region, cue, True))
        if subject is None and cue.kind == "verb":
            lead = lead_subject(f.toks[f.sentence_start(i) : i], cue.gender)  # أما فلانة فتشير إلى …
        subject = with_surname(f, subject, cue, limit)
        check_name = subject is not None and subject.category == "name"
        if check_name and subject is not None:
            after_name = index_after(f, subject.end)
            check_name = not (after_name < len(f.toks) and starts_with_prep(f, after_name, cue))
        k = j if subject is None else index_after(f, subject.end)
        k = skip_adverbials(f, k, limit)
        if k >= limit:
            return None
        comma_prep = next(
            (x for x in range(k + 1, min(limit, k + 8)) if f.words[x] in cue.preps and f.words[x - 1] in COMMAS), None
        )
        if comma_prep is not None and comma_prep + 1 < limit:
            k = comma_prep  # شددت الإمارات أمام القضاء الدولي، على ضرورة …
        elif subject is not None and cue.content == "prep":
            k = role_apposition_end(f, k, limit, cue)  # عبر فلان المدير الفني للفريق عن سعادته
        start = np_start(f, k, cue)
        if start is None:
            return None
        if cue.content == "prep" and start[0] == k and not starts_with_prep(f, k, cue):
            return None
    if start is None or start[0] >= len(f.toks):
        return None
    start = past_relative(f, start, cue)
    k0, s0 = start
    if cue.lemma in WITHHOLDING and f.words[k0] in clause_words().withheld:
        return None  # رفض فريق البيت الأبيض التعقيب: declining to comment says nothing
    end = content_end(f, k0)
    end = continue_after_short_quote(f, k0, end)
    if k0 > j and f.words[k0 - 1] not in clause_words().comp and f.words[k0 - 1] != ":" and not f.is_opening_quote(k0):
        end = np_end(f, k0, end)
    if end <= s0 or not any(t.text[0].isalnum() for t in f.toks[k0 : index_after(f, end)]):
        return None
    kind = content_kind(f, s0, end)
    if cue.kind != "passive" and is_naming_only(f, k0, end, cue):
        return None
    relative = i > 0 and f.words[i - 1] in RELATIVES
    if relative:  # العاهل السعودي، الملك سلمان، الذي نفى …
        subject = antecedent(f, i - 1) or subject
    gender = relayed_gender(f, j, k0) if cue.lemma == "نقل" else cue.gender
    if pronoun_relay:
        subject = lead = None  # نقلت وسائل إعلام عن قوله: the speaker is carried over
    rep = Report(cue_span, (s0, end), kind, subject or lead, gender, cue.kind == "passive", cue.kind)
    if pronoun_relay:
        rep.extra["carried"] = True
    if relative:
        rep.extra["no_carry"] = True  # a speaker inside a relative clause is not the one the text goes on with
    if check_name and subject is not None:
        rep.extra["name_check"] = f.toks[j].start
    if vso:
        rep.extra["vso_check"] = True
    return rep


def _preverbal(f: Field, i: int, cue: CueForm, cue_span: tuple[int, int]) -> Subject | None:
    """The subject before a verb with no و/ف (``قاآني يؤكد``), agreeing with it."""
    if cue.kind != "verb" or cue_span[0] > f.toks[i].start:
        return None
    pre = f.toks[f.sentence_start(i) : i]
    subject = preverbal_subject(pre)
    if subject is None:
        return None
    first = next((t.text for t in pre if t.start == subject.start), "")
    return subject if agrees(subject, first, cue.gender, False) else None
