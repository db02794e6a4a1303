"""Errors and the one typed "drop" that stages raise."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


class MarsadError(Exception):
    """Base class of marsad's own errors."""


class Skip(MarsadError):
    """A stage refuses an input: ``reason`` says why, in words a user can act on."""

    def __init__(self, reason: str, source: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" if self.source else self.reason


@dataclass(frozen=True, slots=True)
class Refusal:
    """An input that was not taken, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Tally:
    """Counts of what a batch did, refusals counted by reason."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    refused: Counter[str] = field(default_factory=Counter)

    def refuse(self, refusal: Refusal) -> None:
        self.refused[refusal.reason.split(":")[0]] += 1

    @property
    def refusals(self) -> int:
        return sum(self.refused.values())
