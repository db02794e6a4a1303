"""Passes over the reports of one field once each cue has been read: relayed sources dropped, the
main clause's subject lent to a participle, bare one-word names checked against the article."""

from __future__ import annotations

from marsad.nlp.content import Field
from marsad.nlp.drafts import Report
from marsad.nlp.openers import PREPOSITIONS, index_after
from marsad.nlp.speakers import COMMAS, Subject, Tok, agrees, parse_subject
from marsad.nlp.wordlists import clause_words, name_classes, person_words, place_kinds

MAX_VERB_NAME = 2  # words of a name a later verb with no subject may continue (وحاولت فلان الفلاني … وقالت)

SIDE_WORDS = frozenset({"جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها", "جهتهم", "جانبهم"})
CLAUSE_PARTICLES = frozenset({"كما", "وكما", "بينما", "وبينما", "فيما", "وفيما", "ثم"})  # كما أصدرت …، قائلة
FRONTING = frozenset(
    {"وامام", "امام", "وفي", "في", "وخلال", "خلال", "وعلي", "وبعد", "بعد", "وعقب", "عقب", "واثر", "وفور"}
)


def drop_relayed_sources(f: Field, reps: list[Report]) -> list[Report]:
    """``وقال X، بحسب وكالة …، إن``: a source cue in a sentence that has a reporting verb only
    says where the outlet got it; it is not a statement of its own."""
    first_verb: dict[int, int] = {}
    for r in reps:
        if r.cue_kind in ("verb", "participle"):
            ss = f.sentence_start(index_after(f, r.cue[0]))
            first_verb[ss] = min(first_verb.get(ss, r.cue[0]), r.cue[0])
    return [
        r
        for r in reps
        if r.cue_kind != "noun" or first_verb.get(f.sentence_start(index_after(f, r.cue[0])), r.cue[0]) >= r.cue[0]
    ]


def main_clause_subjects(f: Field, reps: list[Report]) -> list[Report]:
    """A participle with no report before it in its sentence (``وردت الوزارة على المفوضية معتبرة
    أنها``) continues the subject of the sentence's main verb: the noun phrase after its first word,
    where that names a speaker by a known head noun and agrees with the participle."""
    for n, r in enumerate(reps):
        document = r.cue_kind == "noun" and f.text[r.cue[0] : r.cue[1]].endswith(("فيه", "فيها"))
        if r.subject is not None or (r.cue_kind not in ("participle", "verb", "relay") and not document) or r.passive:
            continue  # بيانا جاء فيه: the document's issuer is the sentence's subject
        if r.extra.get("carried") or (r.cue_kind == "relay" and not f.text[r.cue[0] : r.cue[1]].startswith("ب")):
            continue  # نقلت وسائل إعلام عن قوله، نسبت الوكالة إلى فلان قوله: not the outlet
        k = index_after(f, r.cue[0])
        ss = f.sentence_start(k)
        if any(o.cue[0] >= f.toks[ss].start for o in reps[:n]) or k - ss < 3:
            continue
        if any(o < f.toks[ss].start < c for o, c in f.pairs.items()):
            continue  # "… .. أنا الآن …"، مضيفا: a sentence that opens inside a quotation lends no subject
        if f.words[ss] in ("من", "ومن") and f.words[ss + 1] in SIDE_WORDS and k - ss > 4:
            ss += 2  # من جانبها ألقت وسائل الإعلام …، على ما وصفتها: the verb after the fronted phrase
            if f.words[ss] in COMMAS:
                ss += 1
        first = f.words[ss]
        if r.cue_kind in ("verb", "noun") and f.words[ss - 1] in SIDE_WORDS and first[:1] not in "وف":
            first = "و" + first  # a verb right after من جانبها opens the clause as one after و does
        if r.cue_kind in ("verb", "noun") and (
            first[:1] not in "وف" or first in clause_words().particle or _stop_word(first)
        ):
            continue  # ورفضت طهران …، ووصفته …: only a sentence opening with a verb lends its subject
        starts = [ss + 1]
        bare = first[1:] if first[:1] in "وف" else first
        if bare in clause_words().neg:
            starts = [ss + 2]  # ولم يصغ فلان …، وتحدث: the subject after the negated verb
        elif (
            r.cue_kind in ("participle", "relay")
            and first in CLAUSE_PARTICLES
            and k - ss > 3
            and f.words[ss + 1][0].isalpha()
        ):
            starts.append(ss + 2)  # كما أصدرت وكالة فيتش تحذيرا …، قائلة: the verb after the particle
        if r.cue_kind in ("participle", "relay") and first in FRONTING:
            comma = next((c for c in range(ss + 1, min(k, ss + 10)) if f.words[c] in COMMAS), None)
            if comma is not None and comma + 2 < k:
                starts.insert(0, comma + 2)  # وأمام المحكمة، تصدى السفير …، مؤكدا: the verb after the fronted phrase
        for s0 in starts:
            sub = _main_subject(f, f.toks[s0:k], r)
            if sub is not None:
                r.subject = sub
                break
    return reps


def _main_subject(f: Field, region: list[Tok], r: Report) -> Subject | None:
    sub = parse_subject(region) if region else None
    if sub is None or sub.start != region[0].start:
        return None
    named = sub.category == "name" and sub.name is not None and " " not in f.text[sub.name[0] : sub.name[1]]
    if r.cue_kind in ("participle", "relay") or (sub.category == "name" and not named):
        sub = parse_subject(region, np_mode=True)  # وهاجم فلان الصحافة، واصفا: the name ends before the object
        if sub is None or (sub.category == "name" and not _person(f, sub, r)):
            return None
    if sub.category not in ("role", "org", "anon") and not (r.cue_kind == "verb" and named) and not _person(f, sub, r):
        return None
    if sub.name is None and sub.role is None:
        return None
    return sub if agrees(sub, region[0].text, r.gender, False) else None


def _person(f: Field, sub: Subject, r: Report) -> bool:
    """``وهاجم فلان الفلاني الصحافة، واصفا …``: a participle continues a main verb's subject that is
    a personal name (two words, or one the name lists know), not a place."""
    if r.cue_kind not in ("participle", "verb", "relay") or sub.category != "name" or sub.name is None:
        return False
    words = f.text[sub.name[0] : sub.name[1]].split()
    if r.cue_kind == "verb" and (
        len(words) > MAX_VERB_NAME
        or any(w.endswith(("ات", "ه")) and w not in person_words() and w not in name_classes() for w in words[1:])
    ):
        return False  # وواجه فلان انتقادات …، وقال: a noun after the name is the verb's object
    return (len(words) >= 2 or words[0] in person_words()) and place_kinds().get(words[0]) is None


def _stop_word(word: str) -> bool:
    bare = word[1:] if word[:1] in "وف" else word
    return bare in PREPOSITIONS or bare in clause_words().adverb or bare in clause_words().particle


def check_names(items: list[tuple[str, Report]], named: frozenset[str] = frozenset()) -> None:
    """A bare word after a verb with no complementiser (أكد استمرار …) is taken as its subject only
    where the article names someone with that word elsewhere; a report read only because such a word
    follows its verb mid-sentence is marked ``drop`` where the word is not known.
    ``items``: (folded field text, report)."""
    known: set[str] = set(named)  # words of the names entity recognition found, when it ran
    for text, r in items:
        if r.subject is not None and r.subject.name is not None and not r.extra.keys() & {"name_check", "vso_check"}:
            known.update(text[r.subject.name[0] : r.subject.name[1]].split())
    for text, r in items:
        check = r.extra.get("name_check")
        if isinstance(check, int) and r.subject is not None and r.subject.name is not None:
            words = text[r.subject.name[0] : r.subject.name[1]].split()
            if (
                not known.intersection(words)
                and len(words) < 2
                and place_kinds().get(words[0]) not in ("country", "city")
            ):
                r.subject = None  # … but a country speaks for its government (نفت أنقرة)
                r.content = (check, r.content[1])
        elif r.extra.get("vso_check") and r.subject is not None and r.subject.name is not None:
            words = text[r.subject.name[0] : r.subject.name[1]].split()
            if r.subject.category == "name" and not known.intersection(words) and len(words) < 2:
                r.extra["drop"] = True  # … لفترة خامسة قال علنا إنه: an unknown word after the verb is no speaker


def nested_relay_subjects(f: Field, reps: list[Report]) -> list[Report]:
    """``قالت المتحدثة إن الوزير "كان واضحا" … بقوله إن …``: a ``بقوله`` inside another report's
    content speaks for the subject that content opens with, not for the outer speaker."""
    for r in reps:
        if r.cue_kind != "relay" or r.subject is not None:
            continue
        outer = next((o for o in reps if o is not r and o.content[0] < r.cue[0] < o.content[1]), None)
        if outer is None:
            continue
        k, stop = index_after(f, outer.content[0]), index_after(f, r.cue[0])
        region = f.toks[k:stop]
        sub = parse_subject(region) if region else None
        if sub is None or sub.start != region[0].start or sub.name is None:
            continue
        cue_word = f.text[r.cue[0] : r.cue[1]]
        gender = "f" if cue_word.endswith("ها") else "p" if cue_word.endswith("هم") else "m"
        if sub.category in ("name", "role") and agrees(sub, region[0].text, gender, False):
            r.subject = sub
            r.extra["no_carry"] = True
    return reps
