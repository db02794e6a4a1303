"""Speakers for reports: names as written, the fullest naming in the article as canonical, roles,
and carry-over for reports with no named subject (``وأضاف``، ``كما أكد``، ``مشيرا``), with gender
agreement between the cue and the speaker it carries over (``وأضافت`` → the last feminine speaker).

Entities found earlier in the pipeline (``doc.found["entities"]``) are used where present: a
speaker whose naming is one of an entity's aliases takes the entity's canonical name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from marsad.models import Entity, Span, Speaker
from marsad.nlp.drafts import Report
from marsad.nlp.honorifics import strip_honorifics
from marsad.nlp.quotes import QUOTE_CHARS
from marsad.nlp.speakers import Subject
from marsad.nlp.wordlists import place_kinds
from marsad.text import Normalized, bare, fold

FieldName = Literal["title", "text"]
SAME_WORDS = frozenset({"نفسه", "نفسها", "ذاته", "ذاتها"})  # المصدر نفسه: the same source
_strip_honorifics = lru_cache(maxsize=65536)(strip_honorifics)


@dataclass
class Named:
    """A speaker as resolved, kept for carry-over."""

    speaker: Speaker
    gender: str
    key: tuple[str, ...]  # folded tokens of the name (or organisation)


def _clean(name: str) -> str:
    """A name without hashtag marks (``#حساب_المواطن`` → ``حساب المواطن``) or quotation marks
    (``وكالة "سبأ"`` → ``وكالة سبأ``)."""
    if "#" in name:
        name = " ".join(name.replace("#", " ").replace("_", " ").split())
    if not QUOTE_CHARS.isdisjoint(name):
        name = " ".join("".join(" " if ch in QUOTE_CHARS else ch for ch in name).split())
    return name


def _without_lam(name: str) -> str:
    """``للوفد`` → ``الوفد``: a source after وفقا/تصريح keeps its ل in the text; its name does not."""
    first, _, rest = name.partition(" ")
    if first.startswith("لل") and len(first) > 4:
        return " ".join(("ال" + first[2:], rest)).strip()
    return name


@lru_cache(maxsize=65536)
def _key(text: str) -> tuple[str, ...]:
    return tuple(fold(_strip_honorifics(text)).replace("،", " ").replace(",", " ").split())


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return n > 0 and any(big[i : i + n] == small for i in range(len(big) - n + 1))


class Resolver:
    """Turns reports of one article into speakers, in reading order."""

    def __init__(
        self,
        fields: dict[FieldName, Normalized],
        reports: list[tuple[FieldName, Report]],
        entities: tuple[Entity, ...],
        make_span: Callable[[FieldName, int, int], Span],
    ) -> None:
        self.fields = fields
        self.make_span = make_span
        self.recent: list[Named] = []
        self.names: list[tuple[tuple[str, ...], str]] = []  # every naming of a person, fullest first
        self.orgs: list[tuple[tuple[str, ...], str]] = []
        self.roles: list[tuple[tuple[str, ...], str]] = []  # role key → name
        self.bodies: set[tuple[str, ...]] = set()  # namings of organisations and places, from entities
        for e in entities:
            if e.type in ("PER", "ORG", "GPE"):
                for alias in (e.canonical, *e.aliases):
                    (self.names if e.type == "PER" else self.orgs).append((_key(alias), e.canonical))
                    if e.type != "PER":
                        self.bodies.add(_key(alias))
        for fname, rep in reports:
            if rep.subject is None:
                continue
            s = rep.subject
            if s.name is not None:
                name = _clean(_strip_honorifics(self._text(fname, s.name)))
                self.names.append((_key(name), name))
                if s.role is not None:
                    self.roles.append((self._bare_key(fname, s.role), name))
            elif s.role is not None and s.category in ("org", "group"):
                org = _clean(self._text(fname, s.role))
                self.orgs.append((_key(org), org))
        self.names.sort(key=lambda x: -len(x[0]))
        self.orgs.sort(key=lambda x: -len(x[0]))

    def _text(self, fname: FieldName, span: tuple[int, int]) -> str:
        return self.fields[fname].original_text(*span)

    def _bare_key(self, fname: FieldName, span: tuple[int, int]) -> tuple[str, ...]:
        return tuple(bare(w) for w in fold(self._text(fname, span)).split())

    def canonical_name(self, name: str) -> str:
        key = _key(name)
        for big, full in self.names:
            if _contains(big, key):
                return full
        return name

    def canonical_org(self, org: str) -> str:
        key = _key(org)
        place = place_kinds().get(fold(org)) is not None  # موسكو is not إذاعة صدى موسكو
        for big, full in self.orgs:
            if _contains(big, key) and (not place or big[: len(key)] == key):
                return full
        if len(key) == 1:  # المنظمة، الخارجية: a definite short reference to a longer name
            b = bare(key[0])
            for big, full in self.orgs:
                if len(big) > 1 and any(bare(w) == b for w in big):
                    return full
        return org

    def name_for_role(self, fname: FieldName, role: tuple[int, int]) -> str | None:
        key = self._bare_key(fname, role)
        if not key:
            return None
        for rkey, name in self.roles:
            if (len(key) == 1 and rkey[:1] == key) or (len(key) >= 2 and set(key) <= set(rkey)):
                return name
            if len(rkey) >= 2 and set(rkey) <= set(key):
                return name
        return None

    def speaker_for(self, fname: FieldName, rep: Report) -> Speaker | None:
        if rep.passive:
            return Speaker(None, "ANON")
        if rep.subject is None:
            carried = self._carry(rep.gender, prefer_person=rep.cue_kind == "verb")
            if carried is None:
                return None
            sp = carried.speaker
            return Speaker(sp.name, sp.type, sp.canonical, None, sp.role, None)
        sp = self._speaker(fname, rep.subject)
        doc_ref = rep.subject.category == "doc" and (sp.name or "").startswith(("ال", "ٱل", "أل"))
        if sp.type == "ORG" and doc_ref and len(_key(sp.name or "")) <= 2:
            carried = self._carry("")
            if carried is not None:  # "البيان": the statement of the last named body
                sp = Speaker(sp.name, "ORG", carried.speaker.canonical, None, None, sp.mention)
        if not rep.extra.get("no_carry"):
            self.recent.append(Named(sp, rep.gender, _key(sp.canonical or sp.name or "")))
        return sp

    def _speaker(self, fname: FieldName, s: Subject) -> Speaker:
        mention = self.make_span(fname, s.start, s.end)
        role = self._text(fname, s.role) if s.role is not None else None
        if s.name is not None:
            name = _clean(_strip_honorifics(self._text(fname, s.name)))
            if _key(name) in self.bodies and s.role is None:  # إيران، الولايات المتحدة: a state speaks
                return Speaker(name, "ORG", self.canonical_org(name), None, None, mention)
            return Speaker(name, "PER", self.canonical_name(name), None, role, mention)
        text = _without_lam(_clean(mention.text))
        role = _without_lam(_clean(role)) if role is not None else None
        if s.category == "role" and role is not None:
            person = self.name_for_role(fname, s.role) if s.role is not None else None
            return Speaker(role, "PER", person or role, None, role, mention)
        if s.category in ("anon",):
            return Speaker(text, "ANON", self._earlier_source(text) or text, None, None, mention)
        person = self.canonical_name(text)
        if person != text:  # العلي: a surname the article gave in full before
            return Speaker(text, "PER", person, None, None, mention)
        return Speaker(text, "ORG" if s.category != "group" else "ANON", self.canonical_org(text), None, None, mention)

    def _earlier_source(self, text: str) -> str | None:
        """``المصدر نفسه``، ``المسؤول``: a definite unnamed source refers back to the latest one the
        article introduced with the same head noun (``مصدر أمني``)."""
        words = fold(text).split()
        if not words or not words[0].startswith("ال") or len(words) > 2 + (words[-1] in SAME_WORDS):
            return None
        head = words[0][2:]
        for n in reversed(self.recent):
            sp = n.speaker
            canon = fold(sp.canonical or "").split()
            if sp.type == "ANON" and len(canon) > 1 and canon[0] == head:
                return sp.canonical
        return None

    def _carry(self, gender: str, prefer_person: bool = False) -> Named | None:
        """The speaker a subjectless cue continues: the latest of its gender; for a finite verb
        (وأضافت) a person is preferred over a body or a place named since."""
        if not self.recent:
            return None
        window = list(reversed(self.recent[-6:]))
        fits = [n for n in window if gender in ("m", "f", "p") and n.gender == gender]
        if not fits or (fits[0] is not window[0] and window[0].gender == ""):
            fits = [n for n in window if gender not in ("m", "f", "p") or n.gender in (gender, "")]
        if prefer_person:
            people = [n for n in fits[:3] if n.speaker.type == "PER" and n.speaker.mention is not None]
            if people and fits and fits[0].speaker.type != "PER":
                return people[0]
        return fits[0] if fits else self.recent[-1]
