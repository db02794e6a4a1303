"""Near-duplicates and stories: throughput and peak memory beside the read+normalise pass, and what they find.

usage: python benchmarks/bench_stories.py [--limit N] [--pairs K] [--seed S] [FILE]

Runs, in one process and in this order, over the first ``--limit`` articles of FILE (default: the
ANT multi-source corpus; 0 = all; ``--by-date``: the ``--limit`` in the middle of the corpus by date):
  baseline  ``marsad.ingest.read`` + ``marsad.text.normalize`` of every text (what analysis starts with;
            with ``--by-date`` the whole file is read, and the rate counts every article read);
  stories   over the articles already read: normalise again, then the MinHash signature, the LSH
            lookup (and insert when kept), and the story
            assignment (TF-IDF terms, window candidates, centroid cosine) of every kept article.
Prints articles/s of each, their ratio, the peak RSS after each phase (ru_maxrss is a high-water
mark), the exact and near duplicates found (exact: the same normalised text as the kept article),
the number of stories and how many span two outlets or more.  ``--pairs K`` prints K random
near-duplicate pairs (ids, outlets, similarity and titles) to look at by hand: the terminal only,
never into the repository.  Entities are not used here (no analysis runs): stories in the store
also share entity features.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common import peak_rss_mb  # noqa: E402

from marsad.dedup import DedupIndex, article_text, signature  # noqa: E402
from marsad.errors import Refusal  # noqa: E402
from marsad.ids import text_hash  # noqa: E402
from marsad.ingest import read  # noqa: E402
from marsad.models import Article  # noqa: E402
from marsad.stories import StoryIndex, StoryItem, day_number, term_counts  # noqa: E402
from marsad.text import normalize  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "news" / "ant-multisource.jsonl.gz"


def articles(path: Path, limit: int, by_date: bool = False) -> list[Article]:
    """The first ``limit`` articles; with ``by_date``, the ``limit`` in the middle of the corpus by publication
    date, in date order (a stretch of weeks that every outlet covers, as a live feed would bring it)."""
    out: list[Article] = []
    for item in read([str(path)]):
        if isinstance(item, Refusal):
            continue
        out.append(item)
        if limit and len(out) >= limit and not by_date:
            break
    if by_date:
        out = sorted((a for a in out if a.published), key=lambda a: (a.published or "")[:10])
        if limit:
            mid = max(0, len(out) // 2 - limit // 2)
            out = out[mid : mid + limit]
    return out


def baseline(docs: list[Article]) -> int:
    n = 0
    for a in docs:
        normalize(a.text)
        n += 1
    return n


class Run:
    """Signatures, LSH and stories over a stream of articles, with what they found."""

    def __init__(self) -> None:
        self.dedup = DedupIndex()
        self.stories = StoryIndex()
        self.hashes: dict[str, str] = {}
        self.exact = 0
        self.near: list[tuple[str, str, float]] = []
        self.kept: dict[str, Article] = {}

    def one(self, a: Article) -> None:
        normalize(a.text)
        sig = signature(article_text(a.title, a.text))
        if sig is not None:
            hit = self.dedup.near_duplicate_of(sig)
            if hit:
                if text_hash(self.kept[hit[0]].text) == text_hash(a.text):
                    self.exact += 1
                else:
                    self.near.append((a.id, hit[0], hit[1]))
                return
            self.dedup.add(a.id, sig)
        self.kept[a.id] = a
        self.stories.assign(StoryItem(a.id, day_number(a.published), a.outlet, a.title, term_counts(a.title, a.text)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=5000)
    ap.add_argument("--pairs", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--by-date", action="store_true", help="the middle of the corpus by date, in date order")
    args = ap.parse_args()

    t = time.perf_counter()
    docs = articles(args.file, args.limit, args.by_date)
    n0 = baseline(docs)
    base_s = time.perf_counter() - t
    read_n = n0 if not args.by_date else sum(1 for _ in read([str(args.file)]))  # by date: the whole file is read
    base_rate = n0 / base_s if not args.by_date else read_n / base_s
    print(
        f"baseline  read+normalise             {n0:6d} articles  {base_rate:8.0f}/s  peak RSS {peak_rss_mb():6.0f} MB"
    )

    run = Run()
    t = time.perf_counter()
    for a in docs:
        run.one(a)
    work_s = time.perf_counter() - t
    rate = len(docs) / work_s
    print(
        f"stories   normalise+dedup+story      {len(docs):6d} articles  {rate:8.0f}/s  peak RSS {peak_rss_mb():6.0f} MB"
    )
    print(f"ratio     stories/baseline articles/s {rate / base_rate:.2f}")
    both = 1 / (1 / base_rate + 1 / rate)
    print(f"together  read+normalise, then dedup+story: {both:.0f}/s")
    sizes = Counter(len(s.members) for s in run.stories.stories.values())
    multi = sum(1 for s in run.stories.stories.values() if len(s.outlets) >= 2)
    print(f"duplicates exact {run.exact}  near {len(run.near)}  kept {len(run.kept)}")
    print(
        f"stories {len(run.stories)}  spanning >=2 outlets {multi}  singletons {sizes[1]}"
        f"  largest {max(sizes) if sizes else 0}"
    )
    if args.pairs and run.near:
        rng = random.Random(args.seed)
        for dup, of, sim in rng.sample(run.near, min(args.pairs, len(run.near))):
            a, b = next(x for x in docs if x.id == dup), run.kept[of]
            print(f"  {sim:.2f} {a.outlet}/{b.outlet} {a.published} {b.published} | {a.title} | {b.title}")


if __name__ == "__main__":
    main()
