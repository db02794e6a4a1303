"""One sense per discourse: a name tagged once in a text is tagged where it recurs untagged.

A news text names the same person or organisation many times; the tagger catches some of the
occurrences.  After tagging, every run of untagged tokens that spells (clitics and article aside)
a name found elsewhere in the same text gets that name's type.  Very frequent single words are not
spread (a wrong tag on a common word must not multiply).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from marsad.nlp.ner.features import bare_form
from marsad.nlp.ner.resources import lexicons

MAX_WORDS = 4
MIN_RANK = 2000  # single words among the most frequent this many of the news corpus are not spread
MIN_LETTERS = 3


def entity_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(first, last + 1, type)`` of each name in IOB2 tags (an ``I-X`` after no ``X`` opens one)."""
    out: list[tuple[int, int, str]] = []
    if tags.count("O") == len(tags):
        return out
    start, typ = -1, ""
    for i, tag in enumerate(tags):
        if tag == "O":
            if typ:
                out.append((start, i, typ))
                typ = ""
        elif tag.startswith("B-") or tag[2:] != typ:
            if typ:
                out.append((start, i, typ))
            start, typ = i, tag[2:]
    if typ:
        out.append((start, len(tags), typ))
    return out


def _spreadable(key: tuple[str, ...]) -> bool:
    if len(key) > 1:
        return True
    word = key[0]
    lex = lexicons()
    return len(word) >= MIN_LETTERS and lex.ranks.get(word, MIN_RANK) >= MIN_RANK and word not in lex.triggers


def propagate(sentences: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """Tags with each name found in ``sentences`` also given to its untagged recurrences."""
    return propagate_bare([[bare_form(t) for t in s] for s in sentences], tags)


def propagate_bare(bares: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """:func:`propagate` given each token's :func:`~marsad.nlp.ner.features.bare_form`."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for words, sent_tags in zip(bares, tags, strict=True):
        for a, b, typ in entity_spans(sent_tags):
            if b - a <= MAX_WORDS:
                votes[tuple(words[a:b])][typ] += 1
            if typ == "PERS" and b - a > 1:  # a person's surname alone names them too
                votes[(words[b - 1],)][typ] += 1
    names = {k: c.most_common(1)[0][0] for k, c in votes.items() if _spreadable(k)}
    if not names:
        return tags
    longest: dict[str, int] = {}  # first word of a name → its most words
    for k in names:
        longest[k[0]] = max(longest.get(k[0], 0), len(k))
    out: list[list[str]] = []
    for words, sent_tags in zip(bares, tags, strict=True):
        if longest.keys().isdisjoint(words):
            out.append(sent_tags)
            continue
        new = list(sent_tags)
        after = 0  # the first token past the last name given
        for i in [i for i, w in enumerate(words) if w in longest]:
            if i < after:
                continue
            for n in range(min(longest[words[i]], len(words) - i), 0, -1):
                key = tuple(words[i : i + n])
                if key in names and new[i : i + n].count("O") == n:
                    typ = names[key]
                    new[i : i + n] = [f"B-{typ}"] + [f"I-{typ}"] * (n - 1)
                    after = i + n
                    break
        out.append(new)
    return out
