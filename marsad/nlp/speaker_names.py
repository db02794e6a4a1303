"""Where a personal name after a reporting cue ends: honorifics, name links (عبد، بن، آل) and
surnames go on; a preposition, an adverbial, the outlet spoken to, a role in apposition or the
verb's object (see :mod:`marsad.nlp.speaker_objects`) end it.  Used by :mod:`marsad.nlp.speakers`."""

from __future__ import annotations

from marsad.nlp.speaker_objects import object_word
from marsad.nlp.speaker_words import NAME_LINKS, Tok, addressee_at
from marsad.nlp.speaker_words import accusative_after as _accusative_after
from marsad.nlp.speaker_words import definite as _definite
from marsad.nlp.speaker_words import honorific_words as _honorific_words
from marsad.nlp.speaker_words import is_word as _is_word
from marsad.nlp.speaker_words import nisba as _nisba
from marsad.nlp.speaker_words import place_object as _place_object
from marsad.nlp.speaker_words import stop_word as _stop
from marsad.nlp.wordlists import clause_words, masdar_like, person_words, speaker_noun, suffixed_masdar

MAX_NAME = 5
MAX_NP_NAME = 3  # words of a name when nothing but the content's start ends it
PREP_WORDS = frozenset({"في", "من", "علي", "عن", "الي", "مع", "لدي"})


ONE_OF = frozenset({"احد", "احدي"})


def name_run(seg: list[Tok], start: int, np_mode: bool, after_verb: bool = False) -> int:
    """End of a personal name starting at ``seg[start]`` (honorifics included); ``after_verb``: the
    words follow a reporting verb, so a verbal noun or a country after the name is its object."""
    i = start + _honorific_words(tuple(t.text for t in seg[start : start + 4]))
    first = i
    words = [t.text for t in seg]
    cw = clause_words()
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
            and (i == first or seg[i + 1].text in person_words())
        ):
            i += 1  # the name علي, not the preposition على (شدد فلان على ضرورة، قال فلان على تويتر)
            continue
        if w == "ان" and i > start and (i + 1 == len(seg) or seg[i + 1].text in cw.comp):
            i += 1  # مون جاي إن إن …: a name ending in إن before the complementiser
            continue
        if w == "-" and start < i < len(seg) - 1 and seg[i - 1].end == seg[i].start and seg[i].end == seg[i + 1].start:
            i += 1  # جان-إيف: a hyphen inside a name
            continue
        if not _is_word(seg[i]) or _stop(w) or (i > start and w.startswith(("لل", "بال"))):
            break
        if addressee_at(words, i):
            break  # سامي نادر لسكاي نيوز: the outlet spoken to is not part of the name
        if object_word(seg, start, i, np_mode or after_verb):
            break
        if np_mode and i > start and seg[i - 1].text not in NAME_LINKS and (masdar_like(w) or _place_object(seg, i)):
            break  # أعلن ترامب إلغاء اللقاء، اتهم فلان طهران بدعم …: what the verb takes, not the name
        if i > start and len(w) > 4 and w.endswith(("ها", "هم", "ته")):
            break  # كامبريدج أناليتيكا إغلاقها: a noun with a pronoun ends the name
        if i > start and w in ONE_OF:
            break  # فلان الفلاني أحد منظمي الاحتجاجات: "one of" opens a description after the name
        if i > start and w[:1] in "بل" and w[1:] in cw.quantifier:
            break  # لم يدل فلان بأي تصريحات: a preposition and a quantifier open the object
        if i > start and (w in cw.quantifier or (w.endswith("ه") and w[:-1] in cw.speech) or suffixed_masdar(w)):
            break  # كشف الوزير بعض …، اختتم فلان حديثه: the verb's object, not the name
        if i >= start + 2 and len(w) > 4 and w.endswith("ه") and w not in person_words():
            break  # واصل فلان الفلاني تجاهله: a third word with a pronoun is the verb's object
        role = (n := speaker_noun(w)) is not None and n.category == "role"
        if role and (i >= first + 2 or (i > start and w not in person_words())):
            break  # فلان الفلاني وزير شؤون …: a role in apposition after the name
        if i > start and _definite(w) and (n := speaker_noun(w)) is not None and n.category in ("role", "org"):
            break  # هيذر نويرت المتحدثة باسم …: a role after the name
        if i > start and np_mode and (n := speaker_noun(w)) is not None and n.category in ("org", "doc", "anon"):
            break  # انتقد فلان مكتب التحقيقات: a body after the name is the verb's object
        nxt = seg[i + 1].text if i + 1 < len(seg) else ""
        if i > start and _definite(nxt) and (n := speaker_noun(w)) is not None and n.category == "role":
            break  # حسن غونين عميد الجامعة: a role in construct after the name
        if np_mode and i > start + 1 and _accusative_after(seg, i):
            break  # تتهم لائحة الدعوى عددا من …: an indefinite accusative is the verb's object
        if (
            i >= first + 2
            and w.startswith("الم")
            and not _nisba(w)
            and seg[i - 1].text not in NAME_LINKS
            and i + 1 < len(seg)
            and (seg[i + 1].text in PREP_WORDS or seg[i + 1].text[:1] in "بل")
        ):
            break  # جوسلين تريكو المتخصص في …: a participle describing the person ends the name
        surname = w.startswith("ال") and w.endswith("ي") and not _definite(seg[i - 1].text)  # حيدر العبادي
        kept = surname or w in ("الله", "الدين")  # عبد الله، نور الدين
        if np_mode and _definite(w) and i > start and seg[i - 1].text not in NAME_LINKS and not kept:
            break
        i += 1
    return i
