"""Stories: articles about the same event, across outlets, clustered incrementally.

Each article becomes a TF-IDF vector over the stems of its folded words (title words counted
:data:`TITLE_WEIGHT` times, compound names split, conjunctions/prepositions/article removed) and
its entities' canonical names (``@`` features counted :data:`ENTITY_WEIGHT` times, so shared
entities boost the similarity, rare ones most).  A new article joins the existing story whose
centroid *within the window* (the sum of the vectors of its articles published within
``window_days`` of the new one) is most similar by cosine, when that similarity reaches
``threshold``; otherwise it opens a new story named after it.  Nothing is recomputed: document
frequencies are counted as articles arrive (IDF is that of the moment an article is added) and a
story's centroid is the sum of its members' unit vectors, so the whole state can be rebuilt from
stored vectors and a document-frequency table.
Same input order, same stories: ties go to the smaller story id, sums run in sorted term order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from marsad.models import Analysis
from marsad.search import name_forms
from marsad.store.indexing import split_compound, words
from marsad.text import bare, fold

WINDOW_DAYS = 3
THRESHOLD = 0.3
TITLE_WEIGHT = 3  # a title word counts as this many occurrences
ENTITY_WEIGHT = 2  # an entity counts as this many occurrences of its ``@canonical`` feature
MAX_WORDS = 400  # words of the text read (the lede and first paragraphs carry the event)
TOP_TERMS = 40  # an article's vector keeps its heaviest terms only
MIN_STEM = 3  # shorter stems are mostly function words
ENTITY_PREFIX = "@"


def day_number(published: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date or datetime (``None`` when absent or unreadable)."""
    if not published or len(published) < 10:
        return None
    try:
        return (date.fromisoformat(published[:10]) - date(1970, 1, 1)).days
    except ValueError:
        return None


@lru_cache(maxsize=262144)
def _word_stems(word: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in split_compound(word):
        stem = bare(part)
        if len(stem) >= MIN_STEM and not stem.isdigit():
            out.append(stem)
    return tuple(out)


def stems(text: str) -> list[str]:
    """The content stems of ``text``: folded, compounds split, proclitics and article removed, no digits."""
    out: list[str] = []
    for w in words(fold(text)):
        out.extend(_word_stems(w))
    return out


def entity_key(name: str) -> str:
    """The feature of an entity: its canonical name folded, honorifics dropped, compounds joined."""
    return ENTITY_PREFIX + name_forms(name)[0]


def term_counts(title: str | None, text: str, entities: Iterable[str] = ()) -> Counter[str]:
    """Raw term counts of an article: text stems, title stems (weighted) and entity features (weighted)."""
    counts: Counter[str] = Counter(stems(" ".join(text.split()[:MAX_WORDS])))
    for s in stems(title or ""):
        counts[s] += TITLE_WEIGHT
    for name in set(entities):
        key = entity_key(name)
        if len(key) > 1:
            counts[key] += ENTITY_WEIGHT
    return counts


@dataclass(frozen=True, slots=True)
class StoryItem:
    """One article as the clusterer sees it."""

    id: str
    day: int | None
    outlet: str | None
    title: str | None
    counts: Mapping[str, int]


def item_of(analysis: Analysis) -> StoryItem:
    a = analysis.article
    counts = term_counts(a.title, a.text, (e.canonical for e in analysis.entities))
    return StoryItem(a.id, day_number(a.published), a.outlet, a.title, counts)


@dataclass
class DocFreq:
    """How many articles hold each term; IDF is ``log((1 + n) / (1 + df)) + 1``."""

    n: int = 0
    df: Counter[str] = field(default_factory=Counter)

    def add(self, terms: Iterable[str]) -> None:
        self.n += 1
        self.df.update(set(terms))

    def idf(self, term: str) -> float:
        return math.log((1 + self.n) / (1 + self.df.get(term, 0))) + 1.0


def vector(counts: Mapping[str, int], docfreq: DocFreq, top: int = TOP_TERMS) -> dict[str, float]:
    """The unit TF-IDF vector (sublinear TF) of ``counts``, its ``top`` heaviest terms only."""
    weights = {t: (1.0 + math.log(c)) * docfreq.idf(t) for t, c in counts.items() if c > 0}
    kept = sorted(weights.items(), key=lambda tw: (-tw[1], tw[0]))[:top]
    norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
    return {t: w / norm for t, w in sorted(kept)}


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    day: int | None
    outlet: str | None
    title: str | None
    vector: dict[str, float]
    score: float  # similarity to the story when it joined (1.0 for the article that opened it)


@dataclass
class Story:
    """A cluster: its members in the order they joined, and the sum of their unit vectors."""

    id: str
    members: list[Member] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0

    by_day: dict[int | None, dict[str, float]] = field(default_factory=dict)
    _norms: dict[tuple[int | None, ...], float] = field(default_factory=dict)  # window_norm, until a member joins

    def add(self, member: Member) -> None:
        self.members.append(member)
        self._norms.clear()
        day_sum = self.by_day.setdefault(member.day, {})
        for t, w in member.vector.items():
            self.centroid[t] = self.centroid.get(t, 0.0) + w
            day_sum[t] = day_sum.get(t, 0.0) + w
        self.norm = math.sqrt(sum(w * w for w in self.centroid.values()))

    def window_norm(self, days: tuple[int | None, ...]) -> float:
        """The length of the sum of the vectors of the members published on ``days``."""
        cached = self._norms.get(days)
        if cached is not None:
            return cached
        total: dict[str, float] = {}
        for d in days:
            for t, w in self.by_day.get(d, {}).items():
                total[t] = total.get(t, 0.0) + w
        norm = self._norms[days] = math.sqrt(sum(w * w for w in total.values()))
        return norm

    @property
    def days(self) -> tuple[int | None, int | None]:
        known = [m.day for m in self.members if m.day is not None]
        return (min(known), max(known)) if known else (None, None)

    @property
    def outlets(self) -> list[str]:
        return sorted({m.outlet for m in self.members if m.outlet})

    def label(self) -> str:
        """The most representative title: the titled member closest to the centroid (ties: the earlier)."""
        best: tuple[float, int] | None = None
        for i, m in enumerate(self.members):
            if not m.title:
                continue
            cos = sum(w * self.centroid.get(t, 0.0) for t, w in m.vector.items()) / (self.norm or 1.0)
            if best is None or cos > best[0] + 1e-12:
                best = (cos, i)
        return self.members[best[1]].title or "" if best else self.members[0].id


@dataclass(frozen=True, slots=True)
class Assignment:
    article_id: str
    story_id: str
    score: float
    new: bool  # True: the article opened this story


class StoryIndex:
    """Stories so far, an inverted index ``(term, day) → stories`` and the document frequencies."""

    def __init__(self, window_days: int = WINDOW_DAYS, threshold: float = THRESHOLD) -> None:
        self.window_days = window_days
        self.threshold = threshold
        self.docfreq = DocFreq()
        self.stories: dict[str, Story] = {}
        self.story_of: dict[str, str] = {}
        self.postings: dict[tuple[str, int | None], set[str]] = {}

    def __len__(self) -> int:
        return len(self.stories)

    def _days(self, day: int | None) -> tuple[int | None, ...]:
        return (None,) if day is None else tuple(range(day - self.window_days, day + self.window_days + 1))

    def candidates(self, vec: Mapping[str, float], day: int | None) -> dict[str, float]:
        """Cosine similarity of ``vec`` to each story's centroid *within the window*: the sum of the vectors
        of its members published within ``window_days`` of ``day`` (so a long story does not drift)."""
        dots: dict[str, float] = {}
        days = self._days(day)
        for d in days:
            for t in sorted(vec):
                sids = self.postings.get((t, d))
                if not sids:
                    continue
                w = vec[t]
                for sid in sorted(sids):
                    dots[sid] = dots.get(sid, 0.0) + w * self.stories[sid].by_day[d].get(t, 0.0)
        return {sid: dot / (self.stories[sid].window_norm(days) or 1.0) for sid, dot in dots.items()}

    def best(self, vec: Mapping[str, float], day: int | None) -> tuple[str, float] | None:
        """The most similar story in the window at or above the threshold (ties: the smaller id)."""
        scored = self.candidates(vec, day)
        if not scored:
            return None
        sid, score = min(scored.items(), key=lambda kv: (-kv[1], kv[0]))
        return (sid, score) if score >= self.threshold else None

    def place(self, member: Member, story_id: str) -> None:
        """Put ``member`` into ``story_id`` (opened if new) and index it; used to restore stored stories too."""
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = Story(story_id)
        story.add(member)
        self.story_of[member.id] = story_id
        for t in member.vector:
            self.postings.setdefault((t, member.day), set()).add(story_id)

    def assign(self, item: StoryItem) -> Assignment:
        """Count the item's terms, then put it into the best story in its window or open a new one.

        An article already placed keeps its story."""
        if item.id in self.story_of:
            return Assignment(item.id, self.story_of[item.id], 1.0, False)
        self.docfreq.add(item.counts)
        vec = vector(item.counts, self.docfreq)
        hit = self.best(vec, item.day)
        sid, score, new = (hit[0], hit[1], False) if hit else (item.id, 1.0, True)
        self.place(Member(item.id, item.day, item.outlet, item.title, vec, round(score, 6)), sid)
        return Assignment(item.id, sid, round(score, 6), new)

    def assign_all(self, items: Iterable[StoryItem]) -> list[Assignment]:
        return [self.assign(i) for i in items]


# ---- what a stored story looks like to a reader (every backend returns these) ---------------------


@dataclass(frozen=True, slots=True)
class StoryArticle:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    score: float  # similarity to the story when it joined


@dataclass(frozen=True, slots=True)
class StoryStatement:
    article_id: str
    speaker: str | None  # canonical name, else the name as written
    content: str
    kind: str


@dataclass(frozen=True, slots=True)
class StoryCopy:
    """A near-duplicate that was not stored: ``id`` copies the stored article ``of``."""

    id: str
    of: str
    similarity: float
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class StoryView:
    id: str
    label: str | None
    first_date: str | None
    last_date: str | None
    size: int
    outlets: list[str]
    articles: list[StoryArticle]
    statements: dict[str, list[StoryStatement]]  # outlet → the statements its articles carried
    copies: list[StoryCopy]


__all__ = [
    "THRESHOLD",
    "WINDOW_DAYS",
    "Assignment",
    "DocFreq",
    "Member",
    "Story",
    "StoryArticle",
    "StoryCopy",
    "StoryIndex",
    "StoryItem",
    "StoryStatement",
    "StoryView",
    "day_number",
    "entity_key",
    "item_of",
    "stems",
    "term_counts",
    "vector",
]
