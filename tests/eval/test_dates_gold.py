"""F1 gate for dates: the shared scorer on the seed article and the dev set, against pinned floors.

Only the dates analyser runs (the rest of the pipeline has its own gates).  Raise a floor when you
beat it; never lower one to make a change pass.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.api import read
from marsad.models import Article
from marsad.nlp.dates import find_dates
from marsad.nlp.document import Doc
from tests.conftest import shared_path

# pinned at what the rules reach (dev: e2e F1 0.983; seed: 1.000)
FLOORS = {"dev": 0.98, "seed": 1.0}


def _predict(source: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for item in read(str(source)):
            if not isinstance(item, Article):
                continue
            dates = [d.to_dict() for d in find_dates(Doc(item))]
            f.write(json.dumps({"id": item.id, "dates": dates}, ensure_ascii=False) + "\n")


def _score(gold: Path, pred: Path) -> float:
    scorer = shared_path("tools", "score_dates.py")
    done = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred)], capture_output=True, text=True, check=True
    )
    m = re.search(r"e2e P=\S+ R=\S+ F1=([0-9.]+)", done.stdout)
    assert m, done.stdout
    return float(m.group(1))


@pytest.mark.parametrize(
    ("name", "source", "gold"),
    [
        ("dev", ("gold", "dev-input.jsonl"), ("gold", "dev.jsonl")),
        ("seed", ("fixtures", "seed-qaani-soleimani.txt"), ("gold", "seed-qaani-soleimani.json")),
    ],
)
def test_dates_e2e_f1_stays_above_floor(
    name: str, source: tuple[str, str], gold: tuple[str, str], tmp_path: Path
) -> None:
    pred = tmp_path / f"{name}.jsonl"
    _predict(shared_path(*source), pred)
    f1 = _score(shared_path(*gold), pred)
    assert f1 >= FLOORS[name], f"{name}: dates e2e F1 {f1:.3f} below floor {FLOORS[name]}"
