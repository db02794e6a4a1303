"""Speed of ``find_entities`` on ANT articles, beside two baselines, single process.

- ``text layer``: tokens and sentences alone (what any analyser pays first);
- ``baseline CRF``: the same sentences tagged by a plain word+affix CRF (trained here on ANERcorp
  train.txt in a few minutes unless ``--baseline-model`` is given);
- ``find_entities``: marsad's tagger, name consistency, descriptive organisations, grouping.

    python benchmarks/bench_entities.py [--n 2000] [--baseline-model PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.models import Article  # noqa: E402
from marsad.nlp.document import Doc  # noqa: E402
from marsad.nlp.entities import find_entities, sentence_tokens  # noqa: E402
from marsad.nlp.ner.model import NerModel, default_model  # noqa: E402
from marsad.nlp.ner.train import read_conll, train  # noqa: E402

SHARED = ROOT.parent / "shared"


def load_articles(n: int) -> list[Article]:
    out: list[Article] = []
    with gzip.open(SHARED / "data" / "news" / "ant-multisource.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            out.append(Article(id=rec["docno"], text=rec.get("text") or "", title=rec.get("title")))
            if len(out) == n:
                break
    return out


def rate(label: str, n: int, seconds: float, ref: float | None = None) -> float:
    per_s = n / seconds
    ratio = f"  ({per_s / ref:.2f}x the text layer)" if ref else ""
    print(f"{label:16s} {per_s:8.1f} articles/s  {seconds:7.2f}s{ratio}")
    return per_s


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--baseline-model", type=Path)
    a = ap.parse_args(argv)
    arts = load_articles(a.n)
    words = sum(len(x.text.split()) for x in arts)
    print(f"{len(arts)} ANT articles, {words} words ({words / len(arts):.0f} a article)")
    baseline_path = a.baseline_model
    if baseline_path is None:
        baseline_path = Path(tempfile.mkdtemp()) / "baseline.crfsuite"
        train(read_conll(SHARED / "data" / "ner" / "anercorp" / "train.txt"), baseline_path, "baseline")
    baseline = NerModel(baseline_path, "baseline")
    default_model()
    find_entities(Doc(Article(id="warm", text="قال الرئيس في بيروت.")))  # load lexicons once

    t0 = time.perf_counter()
    for art in arts:
        doc = Doc(art)
        _ = doc.tokens, doc.sentences, doc.title_tokens
    ref = rate("text layer", len(arts), time.perf_counter() - t0)

    t0 = time.perf_counter()
    for art in arts:
        for toks in sentence_tokens(Doc(art)):
            baseline.tag([t.text for t in toks])
    rate("baseline CRF", len(arts), time.perf_counter() - t0, ref)

    t0 = time.perf_counter()
    n_ents = 0
    for art in arts:
        n_ents += len(find_entities(Doc(art)))
    rate("find_entities", len(arts), time.perf_counter() - t0, ref)
    print(f"{n_ents} entities ({n_ents / len(arts):.1f} a article)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
