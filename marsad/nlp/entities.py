"""Named entities of an article, with canonical names and aliases.

The CRF tagger (``marsad.nlp.ner``) finds name spans in the title and in each sentence of the text;
honorifics right before a person's name are taken into its mention.  Mentions are then grouped
into entities inside the article: the same name up to spelling, honorifics and clitics, and a
shorter name (surname, first name, short form) joined to the one fuller name that contains it
(``قاآني`` → ``إسماعيل قاآني``).  Each entity's canonical name is its fullest naming as written,
without honorifics or a fused proclitic.  Types: the tagger's PERS/ORG/LOC/MISC, with places split
into GPE and LOC by the gazetteer and head words, and MISC names headed by an event word made EVENT.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.models import Entity, EntityType, Span
from marsad.nlp.document import Doc
from marsad.nlp.honorifics import honorifics, leading_honorifics, strip_honorifics
from marsad.nlp.names import compact, light_stem, name_words, strip_name_clitic
from marsad.nlp.ner.consistency import entity_spans, propagate_bare
from marsad.nlp.ner.features import folded_bare_form
from marsad.nlp.ner.model import default_model
from marsad.nlp.ner.patterns import add_descriptive_orgs
from marsad.nlp.ner.resources import lexicons
from marsad.text import Token

TAG_TYPES: dict[str, EntityType] = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
MAX_HONORIFIC_WORDS = 3
CONJUNCTIONS = "وف"
MAX_SENTENCE_TOKENS = 400
COMMON_RANK = 3000  # words this frequent in the news corpus are not MISC entities on their own


@dataclass
class NameMention:
    span: Span
    type: EntityType
    words: list[str]  # folded, honorifics and clitic removed
    order: tuple[int, int]  # (0 for the title, 1 for the text; offset)


@dataclass
class NameGroup:
    """Mentions taken for one entity; its type and fullest name are computed once per change."""

    mentions: list[NameMention] = field(default_factory=list)
    _type: EntityType | None = field(default=None, repr=False)
    _fullest: NameMention | None = field(default=None, repr=False)

    def absorb(self, mentions: list[NameMention]) -> None:
        self.mentions.extend(mentions)
        self._type = self._fullest = None

    @property
    def fullest(self) -> NameMention:
        if self._fullest is None:
            self._fullest = max(self.mentions, key=lambda m: (len(m.words), len(compact(m.words))))
        return self._fullest

    @property
    def type(self) -> EntityType:
        if self._type is None:
            counts = Counter(m.type for m in self.mentions)
            first = self.fullest.type
            best: EntityType = max(counts, key=lambda t: (counts[t], t == first))
            self._type = best
            return best
        return self._type

    @property
    def words(self) -> list[str]:
        return self.fullest.words


def decode_iob(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(first, last + 1, type)`` of each entity in IOB2 tags (an ``I-X`` after no ``X`` opens one)."""
    return entity_spans(tags)


def sentence_tokens(doc: Doc) -> list[list[Token]]:
    tokens = doc.tokens
    starts = [t.start for t in tokens]
    out: list[list[Token]] = []
    for s in doc.sentences:
        chunk = tokens[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
        for i in range(0, len(chunk), MAX_SENTENCE_TOKENS):
            out.append(chunk[i : i + MAX_SENTENCE_TOKENS])
    return out


@lru_cache(maxsize=1)
def _honorific_words() -> frozenset[str]:
    return frozenset(w for h in honorifics() for w in h.folded)


def _with_honorifics(toks: list[Token], first: int) -> tuple[int, int]:
    """``(token, letters to skip)`` where a person's mention starts once the honorifics right before
    ``toks[first]`` are taken in; a conjunction fused onto the first honorific (والشهيد) stays out."""
    before = toks[first - 1].norm if first else ""
    if before.replace(".", "") not in _honorific_words() and before[1:] not in _honorific_words():
        return first, 0
    for k in range(min(MAX_HONORIFIC_WORDS, first), 0, -1):
        words = [t.norm.replace(".", "") for t in toks[first - k : first + 1]]
        skip = 0
        if words[0][:1] in CONJUNCTIONS and toks[first - k].text[:1] in CONJUNCTIONS:
            skip, words[0] = 1, words[0][1:]
        if sum(len(h.folded) for h in leading_honorifics(words)) == k:
            return first - k, skip
    return first, 0


@lru_cache(maxsize=65536)
def _name_words(text: str) -> tuple[str, ...]:
    return tuple(name_words(text))


def tagged_mentions(doc: Doc) -> list[NameMention]:
    """Every name span the tagger finds in the title and the text (boilerplate skipped)."""
    model = default_model()
    out: list[NameMention] = []
    parts: list[tuple[int, list[Token]]] = [(0, doc.title_tokens)] if doc.title_tokens else []
    parts += [(1, toks) for toks in sentence_tokens(doc)]
    parts = [(part, toks) for part, toks in parts if not part or doc.article.zone_at(toks[0].start) != "boilerplate"]
    folded = [[t.norm for t in toks] for _, toks in parts]
    bares = [list(map(folded_bare_form, words)) for words in folded]
    all_tags = propagate_bare(bares, model.tag_folded(folded))
    all_tags = [add_descriptive_orgs(words, tags) for words, tags in zip(folded, all_tags, strict=True)]
    for (part, toks), tags in zip(parts, all_tags, strict=True):
        for a, b, tag in decode_iob(tags):
            typ = TAG_TYPES.get(tag)
            if typ is None:
                continue
            skip = 0
            if typ == "PER":
                a, skip = _with_honorifics(toks, a)
            start, end = toks[a].start + skip, toks[b - 1].end
            span = doc.span(start, end, "title") if part == 0 else doc.span(start, end)
            words = list(_name_words(span.text))
            if words and len(compact(words)) >= 2 and any(ch.isalpha() for ch in compact(words)):
                out.append(NameMention(span, typ, words, (part, start)))
    return out


def _contains(long: list[str], short: list[str]) -> bool:
    """Whether ``short`` is a run of whole words of ``long`` (spaces inside names ignored)."""
    target = compact(short)
    for i in range(len(long)):
        acc = ""
        for j in range(i, len(long)):
            acc += long[j]
            if acc == target:
                return True
            if len(acc) >= len(target):
                break
    return False


def _key(words: list[str], typ: EntityType) -> str:
    return compact(words) if typ == "PER" else compact([light_stem(w) for w in words])


def group_mentions(mentions: list[NameMention]) -> list[NameGroup]:
    """Mentions → entities: same name first, then shorter names joined to the one fuller name holding them."""
    by_key: dict[str, NameGroup] = {}
    for m in mentions:
        by_key.setdefault(compact(m.words), NameGroup()).absorb([m])
    merged: dict[str, NameGroup] = {}
    for g in by_key.values():
        key = f"{g.type}:{_key(g.words, g.type)}"
        if key in merged:
            merged[key].absorb(g.mentions)
        else:
            merged[key] = g
    groups = sorted(merged.values(), key=lambda g: -len(g.words))
    kept: list[NameGroup] = []
    for g in groups:
        typ, size = g.type, len(g.words)
        if typ in ("PER", "ORG", "MISC", "EVENT"):
            homes = [h for h in kept if h.type == typ and len(h.words) > size and _holds(h, g)]
            if len(homes) == 1 or (homes and all(_holds(homes[0], h) for h in homes[1:])):
                homes[0].absorb(g.mentions)
                continue
        kept.append(g)
    return kept


def _holds(long: NameGroup, short: NameGroup) -> bool:
    if long.type == "PER":
        return _contains(long.words, short.words)
    # organisations: a short form is the head of the full name (حزب الله ← حزب الله اللبناني)
    lw, sw = [light_stem(w) for w in long.words], [light_stem(w) for w in short.words]
    return len(sw) >= 2 and lw[: len(sw)] == sw


def _place_type(words: list[str]) -> EntityType:
    lex = lexicons()
    name = " ".join(words)
    if name in lex.places or name.removeprefix("ال") in lex.places or "ال" + name in lex.places:
        return "GPE"
    if len(words) > 1 and lex.triggers.get(words[0]) == "GPE_HEAD":
        return "GPE"
    return "LOC"


def _final_type(g: NameGroup) -> EntityType:
    typ = g.type
    if typ == "LOC":
        return _place_type(g.words)
    if typ == "MISC" and lexicons().triggers.get(g.words[0]) == "EVENT_HEAD":
        return "EVENT"
    return typ


@lru_cache(maxsize=65536)
def _written_name(text: str) -> str:
    """A mention as written without honorifics and a fused proclitic."""
    return strip_honorifics(strip_name_clitic(text))


def _canonical(g: NameGroup) -> str:
    counts = Counter(_written_name(m.span.text) for m in g.mentions)
    first = {name: i for i, name in reversed(list(enumerate(counts)))}
    return max(counts, key=lambda n: (len(n.split()), counts[n], -first[n]))


def is_common_misc(g: NameGroup) -> bool:
    """A MISC "name" that is one everyday word (دولار, the way ANERcorp tags currencies): not an entity."""
    if g.type != "MISC" or len(g.words) != 1:
        return False
    lex, word = lexicons(), g.words[0]
    rank = min(lex.ranks.get(word, COMMON_RANK), lex.ranks.get(light_stem(word), COMMON_RANK))
    return rank < COMMON_RANK and word not in lex.triggers


def find_entities(doc: Doc) -> tuple[Entity, ...]:
    """The entities of one article, numbered ``e1``… in order of first mention (title first)."""
    groups = [g for g in group_mentions(tagged_mentions(doc)) if not is_common_misc(g)]
    for g in groups:
        g.mentions.sort(key=lambda m: m.order)
    groups.sort(key=lambda g: g.mentions[0].order)
    out: list[Entity] = []
    for i, g in enumerate(groups, 1):
        aliases = tuple(dict.fromkeys(m.span.text for m in g.mentions))
        out.append(Entity(f"e{i}", _final_type(g), _canonical(g), aliases, tuple(m.span for m in g.mentions)))
    return tuple(out)
