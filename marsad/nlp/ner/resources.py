"""The lexicons the NER features read, loaded lazily once from ``marsad/data``.

- ``clusters.tsv``: distributional word clusters (``scripts/build_clusters.py``);
- ``gazetteer_places.tsv``: folded place names and their kind (country | city);
- ``gazetteer_names.tsv``: folded name tokens and their ANETAC classes;
- ``triggers.tsv``: words that stand before or head a name of a given kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.text import fold


def data_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a data file, comment lines (``#``) skipped."""
    text = resources.files("marsad.data").joinpath(name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@dataclass(frozen=True)
class Lexicons:
    clusters: dict[str, tuple[str, str]]  # folded word → (coarse, fine)
    ranks: dict[str, int]  # folded word → frequency rank in the news corpus (the clusters' row order)
    places: dict[str, str]  # folded place name (words joined by one space) → kind
    place_firsts: dict[str, int]  # first word of a multi-word place → longest length in words
    names: dict[str, str]  # folded name token → "PER,LOC"…
    triggers: dict[str, str]  # folded word → category


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    rows = [r for r in data_rows("clusters.tsv") if len(r) >= 3]
    clusters = {r[0]: (r[1], r[2]) for r in rows}
    ranks = {r[0]: i for i, r in enumerate(rows)}
    places = {r[0]: r[1] for r in data_rows("gazetteer_places.tsv") if len(r) >= 2}
    firsts: dict[str, int] = {}
    for name in places:
        words = name.split()
        if len(words) > 1:
            firsts[words[0]] = max(firsts.get(words[0], 0), len(words))
    names = {r[0]: r[1] for r in data_rows("gazetteer_names.tsv") if len(r) >= 2}
    triggers = {fold(r[0]): r[1] for r in data_rows("triggers.tsv") if len(r) >= 2}
    return Lexicons(clusters, ranks, places, firsts, names, triggers)
