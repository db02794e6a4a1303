"""Arabic number words: cardinals ("ست سنوات") and day ordinals ("السابع من", "الحادي والعشرين").

Works on folded text; the words come from ``marsad/data/date_words.tsv`` (kinds ``cardinal``,
``ordinal``, ``ordinal_tens``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from marsad.nlp.date_lexicon import lexicon


def alternation(words: Iterable[object]) -> str:
    """A regex matching any of the folded ``words``, longest first, spaces matching any run of spaces.

    Built as a trie (shared prefixes factored out), so a failing position is rejected after one
    character instead of after trying every word in turn.
    """
    trie: dict[str, Any] = {}
    for w in {str(x) for x in words}:
        if not w:
            continue
        node = trie
        for ch in " ".join(w.split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) if trie else "(?!)"


def _trie_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child) for ch, child in node.items() if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


@lru_cache(maxsize=1)
def ordinal_pattern() -> str:
    """Ordinal day words from 1 to 31: unit, unit + عشر, unit + و + tens, or tens alone."""
    lex = lexicon()
    units = alternation(lex.kind("ordinal"))
    tens = {w: int(v) for w, v in lex.kind("ordinal_tens").items()}
    teen = alternation(w for w, v in tens.items() if v == 10)
    decades = alternation(w for w, v in tens.items() if v > 10)
    return rf"(?:{units}(?:\s+{teen}|\s+و{decades})?|{decades})"


@lru_cache(maxsize=1)
def cardinal_pattern() -> str:
    return alternation(lexicon().kind("cardinal"))


def ordinal_value(text: str) -> int | None:
    """The number an ordinal phrase names (``الثاني والعشرين`` → 22), or None."""
    lex = lexicon()
    units = lex.ints("ordinal")
    tens = lex.ints("ordinal_tens")
    total = 0
    for word in text.split():
        w = word[1:] if word.startswith("و") and word[1:] in tens else word
        if w in units:
            total += units[w]
        elif w in tens:
            total += tens[w]
        else:
            return None
    return total or None


def cardinal_value(text: str) -> int | None:
    """The number a cardinal word or digits name (``ست`` → 6, ``12`` → 12), or None."""
    t = " ".join(text.split())
    if t.isdigit():
        return int(t)
    v = lexicon().ints("cardinal").get(t)
    return v
