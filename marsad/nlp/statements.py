"""Attributed statements (issue: "Who said what"): who reports what, through which cue.

The pipeline over one article, on folded text with offsets mapped back to the original:

1. cues (:mod:`marsad.nlp.cues`) — reporting verbs, participles, noun, masdar and passive cues;
2. reports (:mod:`marsad.nlp.reports`) — the subject after or before the cue
   (:mod:`marsad.nlp.speakers`) and the content after the complementiser or in quotation marks
   (:mod:`marsad.nlp.content`, :mod:`marsad.nlp.quotes`); "source: content" lines
   (:mod:`marsad.nlp.headlines`);
3. attribution (:mod:`marsad.nlp.attribution`) — canonical names, roles, carry-over.

Reported content never runs over a line break, so each line is analysed on its own, and a line
with no cue word (nor a colon) is passed over without being tokenised.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from marsad.models import Entity, Span, Statement
from marsad.nlp.attribution import FieldName, Resolver
from marsad.nlp.content import Field
from marsad.nlp.cues import lexicon, match_word
from marsad.nlp.document import Doc
from marsad.nlp.drafts import Report
from marsad.nlp.headlines import has_lead, headline_report
from marsad.nlp.quotes import pair_quotes
from marsad.nlp.report_passes import check_names
from marsad.nlp.reports import find_reports
from marsad.nlp.speakers import TOKEN_RE, tokenize_folded
from marsad.text import Normalized, fold

HEADLINE_ZONES = frozenset({"related", "caption"})
SPEAKER_TYPES = frozenset({"PER", "ORG", "GPE"})
DAMMA = "\u064f"
PASSIVE_DAMMA_WITHIN = 3  # letters before the damma of a passive past verb (وُ، اتُّ، أُ)


def _with_marks(original: str, end: int) -> int:
    """Extend a span's end over the diacritics and tatweel of its last word (``قالَ``, ``قريباً``)."""
    while end < len(original) and (original[end] == "\u0640" or unicodedata.combining(original[end])):
        end += 1
    return end


def _past(text: str, cue: tuple[int, int]) -> bool:
    """A past-tense cue (the present's prefix يُ، تُ carries a damma in the active voice too: يُؤكد)."""
    m = match_word(text[cue[0] : cue[1]])
    return m is not None and not m[1].present


def _marked_passive(norm: Normalized, cue: tuple[int, int]) -> bool:
    """Whether the cue word is written with a damma on its first letters (وُصفت، اتُّهمت، أُعلن), the
    passive voice; the folded text has lost the vowel."""
    s, e = norm.to_original(*cue)
    word = norm.original[s : _with_marks(norm.original, e)]
    letters = 0
    for ch in word:
        if ch == DAMMA:
            return letters <= PASSIVE_DAMMA_WITHIN
        if not unicodedata.combining(ch):
            letters += 1
    return False


def _line_fields(text: str) -> Iterator[Field]:
    """A :class:`Field` for each line of folded ``text`` that may hold a report."""
    candidates = lexicon().candidates
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if ":" in line or not candidates.isdisjoint(TOKEN_RE.findall(line)):
            toks = tokenize_folded(text, start, end)
            if toks:
                yield Field.build(text, toks, pair_quotes(text, start, end), start, end)
        start = end + 1


def _reports(f: Field, headline_line: bool, title: bool) -> list[Report]:
    head = headline_report(f, 0, len(f.toks)) if headline_line else None
    if head is not None:
        return [head]  # a "source: content" line holds that one statement
    return _dedupe(find_reports(f, title))


def _dedupe(reps: list[Report]) -> list[Report]:
    out: list[Report] = []
    seen: set[tuple[int, int]] = set()
    for r in sorted(reps, key=lambda r: (r.cue[0], r.content[0])):
        if r.content in seen:
            continue
        if r.cue_kind in ("noun", "verb", "masdar") and any(
            o is not r
            and o.content[0] <= r.cue[0] < o.content[1]
            and (o.kind == "indirect" or (o.kind == "mixed" and r.cue_kind == "masdar"))
            for o in reps
        ):
            continue  # a report inside another's indirect content (or a verbal noun in its unquoted part) is part of it
        if r.cue_kind == "noun" and any(
            o is not r and o.cue[0] < r.cue[0] and o.content[0] <= r.content[0] and r.content[1] <= o.content[1] + 1
            for o in reps
        ):
            continue  # "…"، وفق ما ذكرت الوكالة: the outlet that relayed a statement already found
        seen.add(r.content)
        out.append(r)
    return out


def find_statements(doc: Doc) -> tuple[Statement, ...]:
    """Every statement of the article, title first, in reading order."""
    items: list[tuple[FieldName, Report]] = []
    fields: dict[FieldName, Normalized] = {"text": doc.norm_text}
    if doc.title:
        fields["title"] = doc.norm_title
        for f in _line_fields(doc.norm_title.text):
            items += [("title", r) for r in _reports(f, True, title=True)]
    norm = doc.norm_text
    for f in _line_fields(norm.text):
        s, _ = norm.to_original(f.toks[0].start, f.toks[0].end)
        headline_line = doc.article.zone_at(s) in HEADLINE_ZONES or has_lead(f, 0, len(f.toks))
        items += [("text", r) for r in _reports(f, headline_line, title=False)]
    for name, r in items:
        if (
            r.cue_kind == "verb"
            and not r.passive
            and _past(fields[name].text, r.cue)
            and _marked_passive(fields[name], r.cue)
        ):
            r.passive, r.subject = True, None  # وُصفت، اتُّهم: a verb voweled as passive has no speaker
    found = doc.found.get("entities")
    entities = tuple(e for e in found if isinstance(e, Entity)) if isinstance(found, tuple) else ()
    named = frozenset(w for e in entities if e.type in SPEAKER_TYPES for a in e.aliases for w in fold(a).split())
    check_names([(fields[name].text, r) for name, r in items], named)
    items = [(name, r) for name, r in items if not r.extra.get("drop")]

    def make_span(fname: FieldName, start: int, end: int) -> Span:
        s, e = fields[fname].to_original(start, end)
        e = _with_marks(fields[fname].original, e)
        return doc.span(s, e, "title") if fname == "title" else doc.span(s, e)

    resolver = Resolver(fields, items, entities, make_span)
    out: list[Statement] = []
    for fname, rep in items:
        speaker = resolver.speaker_for(fname, rep)
        if speaker is None:
            continue
        out.append(Statement(speaker, make_span(fname, *rep.cue), make_span(fname, *rep.content), rep.kind))
    return tuple(out)
