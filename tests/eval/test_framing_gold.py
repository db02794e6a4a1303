"""Framing markers against the seed gold's ``framing`` list: precision and recall, with pinned floors.

The gold lists distinct surface forms with their marker ("إسرائيل" and "اسرائيل" in quotes, كيان الاحتلال), not
every occurrence, so both sides are compared as sets of ``(fold(text), marker)``.  The gold marks only the most
evident framing, and no honorifics: precision over all markers is low by construction, so it is also reported
per marker kind.  Raise a floor when you beat it.
"""

from __future__ import annotations

import json

from marsad import read
from marsad.models import Article
from marsad.nlp.document import Doc
from marsad.nlp.framing import find_framing
from marsad.text import fold
from tests.conftest import shared_path

# what find_framing reaches on the seed today (see the report printed by -s)
FLOOR_RECALL = 1.0
FLOOR_PRECISION = 0.13
FLOOR_SCARE_QUOTES_PRECISION = 1.0
FLOOR_LOADED_RECALL = 1.0

Pair = tuple[str, str]


def seed() -> tuple[Article, set[Pair]]:
    gold = json.loads(shared_path("gold", "seed-qaani-soleimani.json").read_text("utf-8"))
    (article,) = [a for a in read(str(shared_path(gold["doc"]))) if isinstance(a, Article)]
    return article, {(fold(x["text"]), x["marker"]) for x in gold["framing"]}


def scores(predicted: set[Pair], gold: set[Pair], kind: str | None = None) -> tuple[float, float]:
    p = {x for x in predicted if kind is None or x[1] == kind}
    g = {x for x in gold if kind is None or x[1] == kind}
    hit = len(p & g)
    return (hit / len(p) if p else 1.0), (hit / len(g) if g else 1.0)


def test_framing_markers_reach_the_floors_on_the_seed_gold() -> None:
    article, gold = seed()
    predicted = {(fold(m.span.text), m.marker) for m in find_framing(Doc(article))}
    precision, recall = scores(predicted, gold)
    sq_p, sq_r = scores(predicted, gold, "scare-quotes")
    lt_p, lt_r = scores(predicted, gold, "loaded-term")
    print(
        f"\nframing vs seed gold: P={precision:.3f} R={recall:.3f} "
        f"(scare-quotes P={sq_p:.3f} R={sq_r:.3f}; loaded-term P={lt_p:.3f} R={lt_r:.3f}; "
        f"{len(predicted)} distinct predicted, {len(gold)} distinct gold)"
    )
    assert recall >= FLOOR_RECALL
    assert precision >= FLOOR_PRECISION
    assert sq_p >= FLOOR_SCARE_QUOTES_PRECISION
    assert lt_r >= FLOOR_LOADED_RECALL


def test_title_after_battle_is_not_reported_as_scare_quotes_on_the_seed() -> None:
    article, _ = seed()
    quoted = {fold(m.span.text) for m in find_framing(Doc(article)) if m.marker == "scare-quotes"}
    assert all("طوفان" not in q for q in quoted)
