"""NER on the dev split (the last 10% of ANERcorp train.txt): plain baseline beside marsad's model.

Trains both CRFs on the first 90% of the sentences (or reuses the model files in ``--work``), tags
the dev split as ``marsad tag --conll`` does, and scores each with the shared scorer
(``../shared/tools/score_ner.py``), side by side: the baseline (word + affixes, ±2 window), marsad's
model sentence by sentence, and marsad's model with name consistency over 20-sentence blocks (what
``marsad tag --conll`` prints).

    python benchmarks/ner_eval.py [--train ../shared/data/ner/anercorp/train.txt] [--work DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.cli.ner import CONTEXT_SENTENCES, tag_lines  # noqa: E402
from marsad.nlp.ner.model import NerModel  # noqa: E402
from marsad.nlp.ner.train import read_conll, split_dev, train, write_conll  # noqa: E402

SHARED = ROOT.parent / "shared"


def score(gold: Path, pred: Path) -> dict[str, str]:
    """Per-type and overall lines of the shared scorer, keyed by their first word."""
    run = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_ner.py"), str(gold), str(pred)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {line.split()[0].rstrip(":"): line for line in run.stdout.splitlines() if line.strip()}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=SHARED / "data" / "ner" / "anercorp" / "train.txt")
    ap.add_argument("--work", type=Path, help="Keep models and predictions here (default: a temporary folder).")
    ap.add_argument("--dev-fraction", type=float, default=0.1)
    a = ap.parse_args(argv)
    work = a.work or Path(tempfile.mkdtemp(prefix="ner_eval_"))
    work.mkdir(parents=True, exist_ok=True)
    tr, dev = split_dev(read_conll(a.train), a.dev_fraction)
    gold = work / "dev.gold"
    write_conll(gold, dev)
    print(f"train {len(tr)} sentences, dev {len(dev)} sentences ({sum(map(len, dev))} tokens)")
    results: dict[str, dict[str, str]] = {}
    lines = (gold.read_text("utf-8")).splitlines()
    runs = (("baseline", "baseline", 0), ("marsad", "full", 0), ("marsad+names", "full", CONTEXT_SENTENCES))
    for label, features, context in runs:
        model_path = work / f"{features}.crfsuite"
        if not model_path.exists():
            t0 = time.time()
            train(tr, model_path, features)
            print(f"{features}: trained in {time.time() - t0:.0f}s, {model_path.stat().st_size} bytes")
        model = NerModel(model_path, features)
        t0 = time.time()
        out = tag_lines(lines, model, context)
        print(f"{label}: tagged dev in {time.time() - t0:.2f}s")
        pred = work / f"{label}.pred"
        pred.write_text("".join(line + "\n" for line in out), "utf-8")
        results[label] = score(gold, pred)
    labels = [r[0] for r in runs]
    print()
    print(f"{'':8s}" + "".join(f"{x:44s}" for x in labels))
    for key in sorted(set().union(*results.values()), key=lambda k: (k == "ner", k)):
        cells = [results[x].get(key, "").split("|")[0].removeprefix(key).strip(": ") for x in labels]
        print(f"{key:8s}" + "".join(f"{c:44s}" for c in cells))
    print(f"\nmodels and predictions in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
