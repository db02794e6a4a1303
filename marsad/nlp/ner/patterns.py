"""Descriptive organisation names that a news tagger trained on ANERcorp leaves untagged.

``الحكومة السورية``, ``وزارة الخارجية الأمريكية``, ``الجيش اللبناني``, ``منتخب مصر``: an organisation
head word (``triggers.tsv``, ORG_HEAD), at most two words of its complement, and a nationality
adjective (``السوري`` → سوريا, through the place gazetteer and ``demonyms.tsv``) or, after an
indefinite head, a place name.  Used for the entities of articles (not for CoNLL tagging, whose
ANERcorp scheme does not mark such names).
"""

from __future__ import annotations

from functools import lru_cache

from marsad.nlp.ner.consistency import entity_spans
from marsad.nlp.ner.resources import data_rows, lexicons
from marsad.text import fold, strip_proclitics

ARTICLE = "ال"
ADJ_ENDINGS = ("يين", "يون", "يه", "ي")
PLACE_ENDINGS = ("", "ا", "يا", "ان", "ستان")
MAX_COMPLEMENT = 2


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {fold(r[0]): fold(r[1]) for r in data_rows("demonyms.tsv") if len(r) >= 2}


@lru_cache(maxsize=65536)
def demonym_place(word: str) -> str | None:
    """The place a folded nationality adjective with the article refers to (``السوريه`` → ``سوريا``)."""
    if not word.startswith(ARTICLE) or len(word) < 5:
        return None
    body = word[2:]
    for end in ADJ_ENDINGS:
        if body.endswith(end) and len(body) - len(end) >= 2:
            stem = body[: -len(end)]
            if stem in _demonyms():
                return _demonyms()[stem]
            places = lexicons().places
            for tail in PLACE_ENDINGS:
                for cand in (stem + tail, ARTICLE + stem + tail):
                    if places.get(cand) == "country" or (places.get(cand) and len(stem) >= 4):
                        return cand
            return None
    return None


@lru_cache(maxsize=131072)
def _stem(word: str) -> str:
    return strip_proclitics(word)


def _is_place(word: str) -> bool:
    return word in lexicons().places


@lru_cache(maxsize=131072)
def _org_head(word: str) -> str | None:
    """The organisation head word a folded word is (itself, or its stem behind proclitics), if any."""
    triggers = lexicons().triggers
    head = word if triggers.get(word) == "ORG_HEAD" else _stem(word)
    return head if triggers.get(head) == "ORG_HEAD" else None


def descriptive_orgs(words: list[str]) -> list[tuple[int, int]]:
    """``[first, last + 1)`` token runs of descriptive organisation names in a sentence of folded words."""
    out: list[tuple[int, int]] = []
    heads = list(map(_org_head, words))
    after = 0  # the first token past the last name found
    for i, head in enumerate(heads):
        if head is None or i < after:
            continue
        end = 0
        definite = head.startswith(ARTICLE)
        for j in range(i + 1, min(i + 2 + MAX_COMPLEMENT, len(words))):
            w = words[j]
            if demonym_place(w):
                end = j + 1
                break
            if not definite and j == i + 1 and _is_place(w):
                end = j + 1
                break
            if not w.startswith(ARTICLE):
                break
        if end:
            out.append((i, end))
            after = end
    return out


def add_descriptive_orgs(words: list[str], tags: list[str]) -> list[str]:
    """Tags with descriptive organisation names added where the tagger left the tokens untagged
    (or tagged only the place inside them)."""
    new = list(tags)
    found = descriptive_orgs(words)
    spans = entity_spans(tags) if found else []
    for a, b in found:
        inside = [s for s in spans if s[0] < b and s[1] > a]
        if all(s[0] >= a and s[1] <= b and s[2] == "LOC" for s in inside):
            new[a:b] = ["B-ORG"] + ["I-ORG"] * (b - a - 1)
    return new
