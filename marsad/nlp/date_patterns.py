"""The date grammar as regular expressions over folded text, compiled once.

Each kind of expression has its own pattern with named groups; :func:`scanner` joins them, named
groups made plain, into one alternation for a single pass over the text.  A match is then read
again with its kind's own pattern (see :func:`parse`) to get the parts.  Order matters: at one
position the first kind that matches wins, so the longer, more specific kinds come first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from marsad.nlp.date_lexicon import lexicon
from marsad.nlp.numbers import alternation, cardinal_pattern, ordinal_pattern

W_START = r"(?<![\w])"
W_END = r"(?![\w])"
CLITIC = r"(?P<cl>(?:[وف]?(?:لل|[بلك]))|[وف])?"
YEAR = r"(?:1[0-9]|20)[0-9]{2}"
SEP = r"\s*[،,]?\s*"


def _months() -> str:
    g = alternation(lexicon().gregorian)
    return rf"(?P<m>{g})(?:\s*[/\\(\-–]?\s*\(?\s*(?P<m2>{g})(?:\s*\))?)?"


def _year_after() -> str:
    lex = lexicon()
    gnot = alternation(lex.gregorian_notation)
    shift = alternation(lex.kind("shift"))
    period = r"(?:ال)?عام|(?:ال)?سنه"
    return (
        rf"(?:{SEP}(?:من\s+)?(?:ل?(?:{period})\s+)?(?P<y>{YEAR})(?!\d)(?:\s*(?P<gn>{gnot}){W_END})?"
        rf"|\s+(?P<sh>{shift}){W_END}"
        rf"|\s+(?:من\s+)?(?:{period})\s+(?P<sh2>{shift}){W_END}"
        rf"|\s+من\s+(?:هذا|هذه)\s+(?P<this>العام|السنه){W_END})?"
    )


@lru_cache(maxsize=1)
def patterns() -> dict[str, str]:
    """Every kind's pattern (named groups), in the order they are tried."""
    lex = lexicon()
    wd = alternation(lex.kind("weekday"))
    rel = alternation(lex.kind("relday"))
    dp = alternation(lex.kind("daypart"))
    edge = alternation(lex.kind("edge"))
    shift = alternation(lex.kind("shift"))
    period = alternation(lex.kind("period"))
    season = alternation(lex.kind("season"))
    unit = alternation(lex.kind("unit"))
    ago = alternation(lex.kind("ago"))
    approx = alternation(lex.kind("approx"))
    hij = alternation(lex.hijri)
    hnot = alternation(lex.hijri_notation)
    gnot = alternation(lex.gregorian_notation)
    ordinal = ordinal_pattern()
    day = rf"(?:(?:ال\s?)?(?P<d>[0-3]?[0-9])(?!\d)|(?P<o>{ordinal}))"
    weekday_prefix = (
        rf"(?:(?P<dp>{dp})\s+)?(?:(?P<yom>يوم)\s+)?(?:(?P<rel>{rel})\s+)?(?:(?P<wd>{wd}){SEP}(?:الموافق\s+)?)?"
    )
    prefixes = sorted(
        {name[:k] for name in lex.gregorian if len(name) >= 5 for k in range(4, len(name))} - set(lex.gregorian)
    )
    return {
        "numeric": (
            rf"(?<![\d/.\-])(?:(?P<d>[0-3]?[0-9])\s?[/.\-]\s?(?P<m>[01]?[0-9])\s?[/.\-]\s?(?P<y>[12][0-9]{{3}})"
            rf"|(?P<y2>[12][0-9]{{3}})\s?[/.\-]\s?(?P<m2>[01]?[0-9])\s?[/.\-]\s?(?P<d2>[0-3]?[0-9]))(?![\d/])"
            rf"(?:\s*(?P<hn>{hnot}){W_END}|\s*(?P<gn>{gnot}){W_END})?"
        ),
        "hijri": (
            rf"{weekday_prefix}(?:{day}\s*(?:من\s+)?)?(?:(?P<shr>شهر)\s+)?(?P<m>{hij}){W_END}"
            rf"(?:{SEP}(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<y>1[2-5][0-9]{{2}})(?!\d))?"
            rf"(?:\s*(?P<hn>{hnot}){W_END})?(?:\s+(?P<sh>{shift}){W_END})?"
        ),
        "full": rf"{weekday_prefix}{day}\s*(?:من\s+)?(?:شهر\s+)?{_months()}{W_END}{_year_after()}",
        "day_of_month": (
            rf"{weekday_prefix}{day}\s+(?:من\s+(?:(?P<this>هذا)\s+الشهر|الشهر\s+(?P<sh>{shift}))"
            rf"|(?:من\s+)?(?P<cur>الجاري|الحالي)){W_END}"
        ),
        "truncated": rf"(?:ال)?(?P<d>[0-3]?[0-9])\s+(?P<m>{alternation(prefixes)})(?=[ \t]*(?:\n|$|…|\.\.\.))",
        "weekday_day": (
            rf"(?:(?P<dp>{dp})\s+)?(?:(?P<yom>يوم)\s+)?(?:(?P<rel>{rel})\s+)?(?P<wd>{wd}){SEP}(?:ال)?(?P<d>[0-3]?[0-9])"
            r"(?![\d/.:])(?=\s*(?:[-–]|الي\s|حتي\s|[،,.](?!\d)))"
        ),
        "month": rf"(?:(?P<edge>{edge})\s+)?(?:(?P<shr>شهر)\s+)?{_months()}{W_END}{_year_after()}",
        "weekday": (
            rf"(?:(?P<dp>{dp})\s+)?(?:(?P<yom>يوم)\s+)?(?:(?P<rel>{rel}){SEP}(?P<op>\()?\s*)?"
            rf"(?P<wd>{wd}){W_END}(?:\s*(?P<cp>\)))?(?:\s+(?P<sh>{shift}){W_END})?"
        ),
        "relday": (rf"(?:(?P<dp>{dp})\s+)?(?P<vq>وقت\s+(?:سابق|لاحق)\s+(?:من\s+)?)?(?P<rel>{rel}){W_END}"),
        "ago": (
            rf"(?P<ago>{ago})\s+(?:(?P<ap>{approx})\s+)?(?:(?P<n>[0-9]{{1,3}}|{cardinal_pattern()})\s+)?"
            rf"(?P<u>{unit}){W_END}(?!\s*\d)(?!\s+(?:{wd}|{rel}|{alternation(lex.gregorian)}|{hij}){W_END})"
        ),
        "period": (
            rf"(?:(?P<edge>{edge})\s+)?(?:(?P<this>هذا|هذه)\s+(?P<p>{period})|(?P<p2>{period})\s+(?P<sh>{shift}))"
            rf"{W_END}|(?P<edge2>{edge})\s+(?P<p3>العام|السنه|الشهر|الاسبوع){W_END}(?!\s*\d)"
        ),
        "season": (
            rf"(?:(?P<edge>{edge})\s+)?(?:فصل\s+)?(?P<s>{season}){W_END}"
            rf"(?:\s+(?:من\s+)?(?:(?:ال)?عام\s+)?(?P<y>{YEAR})(?!\d)|\s+(?P<sh>{shift}){W_END})?"
        ),
        "year": (
            rf"(?:(?P<pre>(?:ال)?عام|(?:ال)?سنه|عامي|سنتي)\s+)?(?P<y>{YEAR}|1[2-5][0-9]{{2}})(?!\d)(?![.,][0-9])"
            rf"(?:\s*(?P<hn>{hnot}){W_END}|\s*(?P<gn>{gnot}){W_END})?"
        ),
    }


@lru_cache(maxsize=1)
def kind_regexes() -> dict[str, re.Pattern[str]]:
    """Each kind's own pattern, to read the parts of a match of that kind."""
    return {k: re.compile(rf"{CLITIC}{p}") for k, p in patterns().items()}


@lru_cache(maxsize=1)
def scanner() -> re.Pattern[str]:
    """One alternation of every kind, named ``k_<kind>``, for a single pass over the folded text."""
    parts = []
    for kind, pat in patterns().items():
        plain = re.sub(r"\(\?P<\w+>", "(?:", pat)
        parts.append(rf"(?P<k_{kind}>{re.sub(r'[(][?]P<cl>', '(?:', CLITIC)}(?:{plain}))")
    return re.compile(W_START + "(?:" + "|".join(parts) + ")")


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """Every word that can open a date expression (after a proclitic)."""
    lex = lexicon()
    first: set[str] = {"يوم", "شهر", "فصل", "وقت", "عامي", "سنتي"}
    for kind in ("weekday", "relday", "daypart", "edge", "period", "season", "ago", "this", "ordinal", "ordinal_tens"):
        first |= {w.split()[0] for w in lex.kind(kind)}
    first |= {w.split()[0] for w in lex.gregorian} | {w.split()[0] for w in lex.hijri}
    return frozenset(first)


@lru_cache(maxsize=1)
def trigger() -> re.Pattern[str]:
    """Where a date expression can start: a word of :func:`first_words` (after a proclitic) or a number.

    Searching for these first (one trie-shaped regex) and trying :func:`scanner` only there keeps
    the pass fast.
    """
    clitic = re.sub(r"\(\?P<\w+>", "(?:", CLITIC)
    return re.compile(rf"{W_START}{clitic}(?:{alternation(first_words())}|(?:ال)?[0-9])")


def candidates(text: str) -> Iterator[int]:
    """The positions of :func:`trigger` matches in ``text``."""
    for m in trigger().finditer(text):
        yield m.start()


def parse(kind: str, text: str, start: int, end: int) -> re.Match[str] | None:
    """The match of ``kind``'s own pattern at ``start``, ending at ``end`` as the scanner's did."""
    m = kind_regexes()[kind].match(text, start)
    return m if m is not None and m.end() == end else None
