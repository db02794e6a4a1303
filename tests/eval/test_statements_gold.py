"""F1 gate for statement extraction: the shared scorer on the seed article and the dev gold set.

Runs ``find_statements`` only (so the gate measures this analyser, whatever the others do), writes
the contract's statement JSON to a temporary file, and scores it with
``../shared/tools/score_statements.py`` as a subprocess.  Floors are exact figures measured when
the gate was last raised, rounded down to two decimals; raise them when you beat them.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from marsad.api import read
from marsad.models import Analysis, Article
from marsad.nlp.document import Doc
from marsad.nlp.statements import find_statements
from tests.conftest import shared_path

SEED_E2E_FLOOR = 1.00  # measured 1.000
DEV_E2E_FLOOR = 0.92  # measured 0.920
DEV_DETECTION_FLOOR = 0.93  # measured 0.939
DEV_ATTRIBUTION_FLOOR = 0.98  # measured 0.980

LINE = re.compile(
    r"e2e P=([\d.]+) R=([\d.]+) F1=([\d.]+) \| detection P=[\d.]+ R=[\d.]+ F1=([\d.]+) \| attribution=([\d.]+)"
)


def extract_to(source: Path, out: Path) -> None:
    docs = [Analysis(a, statements=find_statements(Doc(a))).to_dict() for a in read(source) if isinstance(a, Article)]
    if out.suffix == ".jsonl":
        out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    else:
        (doc,) = docs
        out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def score(gold: Path, pred: Path) -> dict[str, float]:
    scorer = shared_path("tools", "score_statements.py")
    done = subprocess.run([sys.executable, str(scorer), str(gold), str(pred)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    m = LINE.search(done.stdout)
    assert m is not None, done.stdout
    return {"e2e": float(m[3]), "detection": float(m[4]), "attribution": float(m[5])}


def test_statements_seed_article_end_to_end_f1(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    extract_to(shared_path("fixtures", "seed-qaani-soleimani.txt"), out)
    figures = score(shared_path("gold", "seed-qaani-soleimani.json"), out)
    assert figures["e2e"] >= SEED_E2E_FLOOR, figures


def test_statements_dev_gold_end_to_end_f1(tmp_path: Path) -> None:
    out = tmp_path / "dev.jsonl"
    extract_to(shared_path("gold", "dev-input.jsonl"), out)
    figures = score(shared_path("gold", "dev.jsonl"), out)
    assert figures["e2e"] >= DEV_E2E_FLOOR, figures
    assert figures["detection"] >= DEV_DETECTION_FLOOR, figures
    assert figures["attribution"] >= DEV_ATTRIBUTION_FLOOR, figures
