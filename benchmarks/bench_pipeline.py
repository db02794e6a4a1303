"""The whole analysis pipeline on ANT articles: per-analyser ms/article beside the read + normalise pass.

usage: python benchmarks/bench_pipeline.py [N] [--corpus PATH] [--warmup M]

Reads the first N articles (default 300) of ``../shared/data/news/ant-multisource.jsonl.gz`` on one
core (CPU time of this process, so other load on the machine counts less), then times:

- baseline: ``marsad.read`` + ``marsad.text.normalize`` of title and text;
- text layer: a fresh ``Doc``'s tokens, title tokens and sentences (paid by the first analyser);
- each analyser of :func:`marsad.nlp.pipeline` in order, on the same ``Doc`` (as ``analyse`` runs them);

and prints ms/article for each, its ratio to the baseline, and the total articles/s of the pipeline.
With ``--warmup M``, M other articles (those after the N) are analysed first, untimed: the caches
of words seen (the tagger's above all) are then as in a process that has run for a while, not empty.
The load average of the machine is printed before and after.  Speed is measured here, never
asserted by a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from common import DEFAULT_CORPUS, read_and_normalise

from marsad.models import Article
from marsad.nlp import pipeline
from marsad.nlp.document import Doc


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=300)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--warmup", type=int, default=0, help="articles analysed first, untimed")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    print(f"load average {os.getloadavg()[0]:.2f}")
    articles, base = read_and_normalise(args.corpus, args.n + args.warmup)
    articles, others = articles[: args.n], articles[args.n :]
    base *= len(articles) / max(1, len(articles) + len(others))
    n = len(articles)
    steps = pipeline()
    warm = Doc(Article(id="warm", text="قال الرئيس اللبناني ميشال عون في بيروت أمس إن الحكومة ستجتمع."))
    for name, step in steps:  # load models and lexicons outside the timing
        warm.found[name] = step(warm)
    for a in others:
        doc = Doc(a)
        for name, step in steps:
            doc.found[name] = step(doc)
    spent = {"text layer": 0.0, **{name: 0.0 for name, _ in steps}}
    for a in articles:
        doc = Doc(a)
        t0 = time.process_time()
        _ = doc.tokens, doc.title_tokens, doc.sentences, doc.norm_text, doc.norm_title
        spent["text layer"] += time.process_time() - t0
        for name, step in steps:
            t0 = time.process_time()
            doc.found[name] = step(doc)
            spent[name] += time.process_time() - t0
    total = sum(spent.values())
    print(f"{n} ANT articles, one process" + (f", after {len(others)} others" if others else ""))
    print(f"{'read + normalise':18s} {1000 * base / n:7.2f} ms/article  {n / base:8.1f} articles/s  (baseline)")
    for name, secs in spent.items():
        print(f"{name:18s} {1000 * secs / n:7.2f} ms/article  {secs / base:6.2f}x the baseline")
    print(f"{'pipeline':18s} {1000 * total / n:7.2f} ms/article  {n / total:8.1f} articles/s  {total / base:.2f}x")
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
