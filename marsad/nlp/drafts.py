"""A report as first found: offsets into one folded field, the speaker naming or none (carried
over), the content and its kind.  :mod:`marsad.nlp.attribution` resolves it into a statement."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from marsad.nlp.speakers import Subject


@dataclass
class Report:
    """One statement before names are resolved; offsets into the folded field."""

    cue: tuple[int, int]
    content: tuple[int, int]
    kind: Literal["direct", "indirect", "mixed", "headline"]
    subject: Subject | None  # None: the speaker carries over (or, for a passive cue, there is none)
    gender: str
    passive: bool = False
    cue_kind: str = "verb"
    extra: dict[str, object] = field(default_factory=dict)
