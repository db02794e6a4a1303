"""Speed of ``find_entities`` on ANT articles, beside the text layer and crfsuite's own tagging, one process.

CPU time of this process (other load on the shared machine counts less), per article:

- ``text layer``: tokens and sentences alone (what any analyser pays first; the reference);
- ``baseline CRF``: the sentences tagged by a plain word+affix CRF through crfsuite (trained here on
  ANERcorp train.txt in a few minutes; only with ``--baseline``, or given by ``--baseline-model``);
- ``find_entities``: tagger, name consistency, descriptive organisations, grouping: first on words
  it has not seen (``cold``), then again (``warm``, all caches filled);
- ``crfsuite tag``: the shipped model through crfsuite, sentence by sentence (``NerModel.tag``, as
  find_entities tagged before it used the numpy tagger), cold then warm;
- ``numpy tag``: the same model's tags for all sentences of an article at once (``NerModel.tag_folded``),
  cold then warm; checked equal to crfsuite's, sentence by sentence.

    python benchmarks/bench_entities.py [--n 1000] [--baseline | --baseline-model PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.models import Article  # noqa: E402
from marsad.nlp.document import Doc  # noqa: E402
from marsad.nlp.entities import find_entities, sentence_tokens  # noqa: E402
from marsad.nlp.ner.model import NerModel, default_model_path  # noqa: E402
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


def timed(run: Callable[[], object]) -> float:
    t0 = time.process_time()
    run()
    return time.process_time() - t0


def show(label: str, n: int, seconds: float, ref: float) -> None:
    rate = f"{1000 * seconds / n:7.2f} ms/article  {n / seconds:8.1f} articles/s"
    print(f"{label:22s} {rate}  {seconds / ref:6.2f}x the text layer")


def count_entities(docs: list[Doc], counts: list[int]) -> None:
    counts.extend(len(find_entities(d)) for d in docs)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--baseline", action="store_true", help="train and time the plain baseline CRF")
    ap.add_argument("--baseline-model", type=Path)
    a = ap.parse_args(argv)
    arts = load_articles(a.n)
    n = len(arts)
    words = sum(len(x.text.split()) for x in arts)
    print(f"{n} ANT articles, {words} words ({words / n:.0f} a article); load average {os.getloadavg()[0]:.2f}")
    find_entities(Doc(Article(id="warm", text="قال الرئيس في بيروت.")))  # load lexicons and the model once
    docs = [Doc(art) for art in arts]
    ref = timed(lambda: [(d.tokens, d.sentences, d.title_tokens) for d in docs])
    show("text layer", n, ref, ref)

    n_ents = 0
    for label in ("find_entities, cold", "find_entities, warm"):
        docs = [Doc(art) for art in arts]
        for d in docs:
            _ = d.tokens, d.sentences, d.title_tokens
        counts: list[int] = []
        show(label, n, timed(partial(count_entities, docs, counts)), ref)
        n_ents = sum(counts)
    print(f"{'':22s} {n_ents} entities ({n_ents / n:.1f} a article)")

    baseline_path = a.baseline_model
    if baseline_path is None and a.baseline:
        baseline_path = Path(tempfile.mkdtemp()) / "baseline.crfsuite"
        train(read_conll(SHARED / "data" / "ner" / "anercorp" / "train.txt"), baseline_path, "baseline")
    parts = [[toks for toks in [d.title_tokens, *sentence_tokens(d)] if toks] for d in docs]
    if baseline_path is not None:
        baseline = NerModel(baseline_path, "baseline")
        show("baseline CRF", n, timed(lambda: [baseline.tag([t.text for t in s]) for p in parts for s in p]), ref)
    # the shipped model again, with caches of its own (the word features are computed by now)
    crf = NerModel(default_model_path())
    expected: list[list[list[str]]] = []
    for label in ("crfsuite tag, cold", "crfsuite tag, warm"):
        expected.clear()
        show(label, n, timed(lambda: expected.extend([crf.tag([t.text for t in s]) for s in p] for p in parts)), ref)
    got: list[list[list[str]]] = []
    for label in ("numpy tag, cold", "numpy tag, warm"):
        got.clear()
        show(label, n, timed(lambda: got.extend(crf.tag_folded([[t.norm for t in s] for s in p]) for p in parts)), ref)
    differ = sum(x != y for p, q in zip(expected, got, strict=True) for x, y in zip(p, q, strict=True))
    print(f"{'':22s} {differ} of {sum(map(len, parts))} sentences tagged differently by numpy and crfsuite")
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
