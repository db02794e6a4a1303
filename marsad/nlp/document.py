"""What every analyser needs of an article, computed once: normalised fields, tokens, sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from marsad.models import Article, Span, Zone
from marsad.text import Normalized, Sentence, Token, normalize, split_sentences, tokenize


@dataclass
class Doc:
    """An article under analysis.  Analysers read from it and return spans into the article."""

    article: Article
    # what earlier analysers found, for later ones (entities → statements → dates → framing)
    found: dict[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def title(self) -> str:
        return self.article.title or ""

    @cached_property
    def norm_text(self) -> Normalized:
        return normalize(self.article.text)

    @cached_property
    def norm_title(self) -> Normalized:
        return normalize(self.title)

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.article.text)

    @cached_property
    def title_tokens(self) -> list[Token]:
        return tokenize(self.title)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.article.text)

    def span(self, start: int, end: int, zone: Zone | None = None) -> Span:
        return self.article.span(start, end, zone)
