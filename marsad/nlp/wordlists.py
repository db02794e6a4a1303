"""The word lists that shape a reporting clause: function words (``clause_words.tsv``), speaker head
nouns (``speaker_nouns.tsv``) and headline lead-ins and labels (``headline_prefixes.tsv``), folded."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.text import fold, proclitic_readings


def _rows(name: str) -> list[list[str]]:
    text = resources.files("marsad.data").joinpath(name).read_text("utf-8")
    return [r for r in csv.reader(text.splitlines(), delimiter="\t") if r and not r[0].startswith("#")]


@dataclass(frozen=True, slots=True)
class ClauseWords:
    comp: frozenset[str]
    neg: frozenset[str]
    adverb: frozenset[str]
    particle: frozenset[str]
    belief: frozenset[str]
    naming: frozenset[str]  # a short quotation after these is a name (اسم "…", بعنوان "…")
    issue: frozenset[str]  # a verb with a pronoun naming a document's issuer (أصدرته، نشرتها)
    noncue: frozenset[str]  # forms of a cue that are usually another word (مقره: its headquarters)
    quantifier: frozenset[str]  # opens a noun phrase of quantity, never a name's part (بعض، جميع)
    alias: frozenset[str]  # introduces a name in apposition (واسمه، ويدعى)
    speech: frozenset[str]  # nouns of speech: with a pronoun, the verb's object (حديثه، كلامه)
    lead: frozenset[str]  # opens a sentence whose subject speaks through a later verb (أما فلان فقال)
    withheld: frozenset[str]  # after رفض/طلب: a source withholding its name (رفض الكشف عن هويته)
    breaks: tuple[tuple[str, ...], ...]  # narration that ends reported content (في حين، وذلك)
    nobreaks: tuple[tuple[str, ...], ...]  # adverbials that open like a break (في وقت متأخر)


@lru_cache(maxsize=1)
def clause_words() -> ClauseWords:
    groups: dict[str, set[str]] = {
        k: set()
        for k in (
            "comp",
            "neg",
            "adverb",
            "particle",
            "belief",
            "naming",
            "issue",
            "noncue",
            "quantifier",
            "alias",
            "speech",
            "lead",
            "withheld",
        )
    }
    breaks: list[tuple[str, ...]] = []
    nobreaks: list[tuple[str, ...]] = []
    for word, category in _rows("clause_words.tsv"):
        if category == "break":
            breaks.append(tuple(fold(word).split()))
        elif category == "nobreak":
            nobreaks.append(tuple(fold(word).split()))
        else:
            groups[category].add(fold(word))
    g = {k: frozenset(v) for k, v in groups.items()}
    return ClauseWords(
        g["comp"],
        g["neg"],
        g["adverb"],
        g["particle"],
        g["belief"],
        g["naming"],
        g["issue"],
        g["noncue"],
        g["quantifier"],
        g["alias"],
        g["speech"],
        g["lead"],
        g["withheld"],
        tuple(breaks),
        tuple(nobreaks),
    )


@dataclass(frozen=True, slots=True)
class SpeakerNoun:
    category: str  # role | org | doc | anon
    gender: str  # m | f | -


@lru_cache(maxsize=1)
def speaker_nouns() -> dict[str, SpeakerNoun]:
    """Folded head noun as listed (no clitics, no article) → what it names."""
    return {fold(w): SpeakerNoun(c, g) for w, c, g in _rows("speaker_nouns.tsv")}


def speaker_noun(word: str) -> SpeakerNoun | None:
    """The head-noun entry for a folded word with or without clitics (``للمنظمه`` → ``منظمه``)."""
    table = speaker_nouns()
    for _, stem in proclitic_readings(word):
        found = table.get(stem)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=1)
def headline_prefixes() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Folded word sequences of lead-ins and labels, longest first."""
    rows = [(tuple(fold(p).split()), c) for p, c in _rows("headline_prefixes.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@dataclass(frozen=True, slots=True)
class Outlets:
    firsts: frozenset[str]  # folded first words of named outlets (سكاي، رويترز، cnn)
    media: frozenset[str]  # folded media nouns (قناه، صحيفه، وكاله)


@lru_cache(maxsize=1)
def outlets() -> Outlets:
    """The outlets and media nouns of ``outlets.tsv``, folded."""
    firsts: set[str] = set()
    media: set[str] = set()
    for name, kind in _rows("outlets.tsv"):
        words = fold(name).split()
        (media if kind == "medium" else firsts).add(words[0])
    return Outlets(frozenset(firsts), frozenset(media))


@lru_cache(maxsize=1)
def name_classes() -> dict[str, str]:
    """Folded name tokens of the NER gazetteer (``gazetteer_names.tsv``) → their classes (PER, ORG …)."""
    return {r[0]: r[1] for r in _rows("gazetteer_names.tsv") if len(r) >= 2}


@lru_cache(maxsize=1)
def person_words() -> frozenset[str]:
    """Folded name tokens the NER gazetteer knows as parts of personal names."""
    return frozenset(w for w, classes in name_classes().items() if "PER" in classes)


@lru_cache(maxsize=1)
def _masdar_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{r[0]})" for r in _rows("masdar_patterns.tsv") if r[2:3] != ["pronoun"]))


@lru_cache(maxsize=1)
def _suffixed_masdar_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{r[0]})" for r in _rows("masdar_patterns.tsv")))


def suffixed_masdar(word: str) -> bool:
    """Whether a folded word is a verbal noun with a pronoun suffix (تجاهله، إعلانها): the object of a
    verb after a name, not part of the name."""
    for suffix in ("ها", "هم", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            stem = word[: -len(suffix)]
            return _suffixed_masdar_re().fullmatch(stem) is not None and word not in person_words()
    return False


def masdar_like(word: str) -> bool:
    """Whether a folded word has the shape of a derived verbal noun (الغاء، اقامه، انسحاب، تعيين),
    article or not, and the NER gazetteers do not know it as a personal or place name."""
    stem = word[2:] if word.startswith("ال") else word
    if _masdar_re().fullmatch(stem) is None:
        return False
    return word not in person_words() and word not in place_kinds()  # تركيا has the shape of تفعيل


@lru_cache(maxsize=1)
def place_kinds() -> dict[str, str]:
    """Folded place names of the NER gazetteer (``gazetteer_places.tsv``) → kind (country | city)."""
    return {r[0]: r[1] for r in _rows("gazetteer_places.tsv") if len(r) >= 2}
