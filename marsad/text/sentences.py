"""A sentence splitter for Arabic news that keeps quotations whole and ignores "،"."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = {"«": "»", "“": "”", "„": "”", "‹": "›", "(": ")"}
CLOSING = {v: k for k, v in OPENING.items()}
TERMINALS = ".!?؟…"
MAX_QUOTE = 3000  # an unbalanced quote stops holding a sentence together after this many chars
_SPECIAL = re.compile("[" + re.escape("".join(OPENING) + "".join(CLOSING) + '"' + TERMINALS) + "]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each non-blank line, surrounding spaces excluded."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
        pos += len(line) + 1
    return out


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]``: breaks after . ! ? ؟ … and at line ends, never inside a quote.

    Straight double quotes toggle; typographic quotes nest.  A quote left open for more than
    ``MAX_QUOTE`` characters stops protecting, so one stray mark cannot swallow an article.
    """
    stop = len(text) if end is None else end
    out: list[Sentence] = []
    for ps, pe in paragraphs(text[:stop]):
        if pe <= start:
            continue
        ps = max(ps, start)
        out.extend(_split_paragraph(text, ps, pe))
    return out


def _split_paragraph(text: str, start: int, end: int) -> list[Sentence]:
    out: list[Sentence] = []
    stack: list[str] = []
    straight_open = False
    opened_at = start
    s = start
    i = start
    special = _SPECIAL.search  # only quote marks and terminals change anything: jump from one to the next
    while (m := special(text, i, end)) is not None:
        i = m.start()
        ch = text[i]
        if ch in OPENING:
            if not stack and not straight_open:
                opened_at = i
            stack.append(ch)
        elif ch in CLOSING and stack and stack[-1] == CLOSING[ch]:
            stack.pop()
        elif ch == '"':
            straight_open = not straight_open
            if straight_open and not stack:
                opened_at = i
        quoted = (bool(stack) or straight_open) and i - opened_at < MAX_QUOTE
        if ch in TERMINALS and not quoted and not _inside_number(text, i, end):
            j = i + 1
            while j < end and (text[j] in TERMINALS or text[j] in "»”\"')"):
                j += 1
            if j >= end or text[j].isspace():
                out.append(Sentence(s, j))
                while j < end and text[j].isspace():
                    j += 1
                s = i = j
                stack.clear()
                straight_open = False
                continue
        i += 1
    if s < end:
        out.append(Sentence(s, end))
    return out


def _inside_number(text: str, i: int, end: int) -> bool:
    return text[i] == "." and i > 0 and text[i - 1].isdigit() and i + 1 < end and text[i + 1].isdigit()
