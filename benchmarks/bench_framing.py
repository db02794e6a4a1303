"""Framing markers: articles/s of ``find_framing`` beside the read + normalise pass, and a first outlet comparison.

    python benchmarks/bench_framing.py [--limit 2000] [--stride 15] [--concepts 8]

Reads ``--limit`` articles of the shared ANT corpus with ``marsad.read``, taking one article in ``--stride`` so
that all five outlets are in the sample (the file is ordered by outlet).  Times, on one core:

- baseline: reading (the rate over everything ``marsad.read`` went through to collect the sample) plus building
  each article's ``Doc`` and normalising its title and text (what every analyser needs);
- framing: ``find_framing`` on those documents (normalised text cached, as in the pipeline).

and prints the rates and the ratios of times.  Then prints, for the concepts with most hits, each outlet's choice of
wording: the share of each lexicon term among the outlet's hits for that concept (neutral terms included).
Counts only measure usage; docs/framing.md says what they do not claim.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import marsad  # noqa: E402
from marsad.models import Article  # noqa: E402
from marsad.nlp.document import Doc  # noqa: E402
from marsad.nlp.framing import find_framing, find_terms  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant-multisource.jsonl.gz"


def sample(limit: int, stride: int) -> tuple[list[Article], float]:
    """The sampled articles, and the read rate (articles/s) over everything read to collect them."""
    out: list[Article] = []
    started = time.perf_counter()
    read = 0
    for i, item in enumerate(marsad.read(str(CORPUS))):
        read += 1
        if isinstance(item, Article) and i % stride == 0:
            out.append(item)
            if len(out) >= limit:
                break
    return out, read / (time.perf_counter() - started)


def timed_normalise(articles: list[Article]) -> tuple[list[Doc], float]:
    started = time.perf_counter()
    docs = []
    for a in articles:
        d = Doc(a)
        _ = d.norm_title, d.norm_text
        docs.append(d)
    return docs, time.perf_counter() - started


def timed_framing(docs: list[Doc]) -> tuple[int, float]:
    started = time.perf_counter()
    n = sum(len(find_framing(d)) for d in docs)
    return n, time.perf_counter() - started


def outlet_table(docs: list[Doc], top: int) -> None:
    by_concept: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for d in docs:
        outlet = d.article.outlet or "?"
        for hit in find_terms(d):
            by_concept[hit.entry.concept][outlet][hit.entry.term] += 1
    outlets = sorted({d.article.outlet or "?" for d in docs})
    ranked = sorted(by_concept, key=lambda c: -sum(sum(x.values()) for x in by_concept[c].values()))
    for concept in ranked[:top]:
        rows = by_concept[concept]
        terms = Counter[str]()
        for counts in rows.values():
            terms.update(counts)
        shown = [t for t, _ in terms.most_common(5)]
        print(f"\n## {concept}  (hits per outlet; share of each wording)")
        print("outlet".ljust(10) + "hits".rjust(6) + "".join(t[:18].rjust(20) for t in shown))
        for outlet in outlets:
            counts = rows.get(outlet, Counter())
            total = sum(counts.values())
            cells = "".join((f"{100 * counts[t] / total:.0f}%" if total else "-").rjust(20) for t in shown)
            print(outlet.ljust(10) + str(total).rjust(6) + cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--stride", type=int, default=15)
    parser.add_argument("--concepts", type=int, default=8)
    args = parser.parse_args()

    articles, read_rate = sample(args.limit, args.stride)
    print(f"{len(articles)} articles; outlets: {dict(Counter(a.outlet for a in articles))}")
    find_framing(Doc(Article(id="warm-up", text="كيان الاحتلال")))  # load the tables outside the timing
    docs, t_norm = timed_normalise(articles)
    markers, t_framing = timed_framing(docs)
    n = len(docs)
    t_read = n / read_rate
    print(f"read (marsad.read):           {read_rate:8.0f} articles/s")
    print(f"normalise (Doc title + text): {n / t_norm:8.0f} articles/s ({t_norm:.2f} s)")
    print(f"baseline read+normalise pass: {n / (t_read + t_norm):8.0f} articles/s")
    print(f"find_framing:                 {n / t_framing:8.0f} articles/s ({t_framing:.2f} s, {markers} markers)")
    print(f"ratio find_framing time / read+normalise time: {t_framing / (t_read + t_norm):.2f}")
    print(f"ratio find_framing time / normalise time:      {t_framing / t_norm:.2f}")
    outlet_table(docs, args.concepts)


if __name__ == "__main__":
    main()
