"""Main-text extraction from an HTML page: token F1 against a reference text, beside trafilatura alone.

usage: python benchmarks/html_extraction.py [--page source.html] [--gold expected.txt]

The reference is newspaper3k's gold for the CNN Arabic page of ../shared/data/html/cnn-arabic-2013.
Its last paragraph is the site's comment-policy boilerplate, which that gold includes; F1 is printed
against the whole gold and against the gold without that paragraph.  Rows:
  marsad main text   the lede and body zones of marsad's article (boilerplate and related zones out)
  marsad full text   ``Article.text`` (what trafilatura kept, zones not applied)
  trafilatura ...    ``trafilatura.extract`` with its default settings, then precision / recall modes
Tokens are Arabic-folded words (marsad.text.fold), compared as bags (multiset overlap).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from marsad.extract import extract  # noqa: E402
from marsad.ingest.rawdoc import RawDoc  # noqa: E402
from marsad.text import fold  # noqa: E402

HTML_DIR = ROOT.parent / "shared" / "data" / "html" / "cnn-arabic-2013"
WORD = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(WORD.findall(fold(text)))


def f1(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = tokens(predicted), tokens(gold)
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--page", type=Path, default=HTML_DIR / "source.html")
    ap.add_argument("--gold", type=Path, default=HTML_DIR / "expected_newspaper3k_fulltext.txt")
    args = ap.parse_args()
    data = args.page.read_bytes()
    gold = args.gold.read_text("utf-8").strip()
    paragraphs = [p for p in re.split(r"\n\s*\n", gold) if p.strip()]
    gold_main = "\n\n".join(paragraphs[:-1])

    article = extract(RawDoc(source=str(args.page), kind="html", data=data))
    main_text = "\n".join(article.text[z.start : z.end] for z in article.zones if z.kind in {"lede", "body"})
    rows = [
        ("marsad main text", main_text),
        ("marsad full text", article.text),
        ("trafilatura default", trafilatura.extract(data) or ""),
        ("trafilatura precision", trafilatura.extract(data, favor_precision=True) or ""),
        ("trafilatura recall", trafilatura.extract(data, favor_recall=True) or ""),
    ]
    print(f"page: {args.page}\ngold: {args.gold} ({len(paragraphs)} paragraphs; the last one is site boilerplate)")
    print("left: against the whole gold; right: against the gold without its last (boilerplate) paragraph")
    print(f"{'extractor':<24}{'P':>7}{'R':>7}{'F1':>7}   |{'P':>7}{'R':>7}{'F1':>7}")
    for name, text in rows:
        a, b = f1(text, gold), f1(text, gold_main)
        print(f"{name:<24}{a[0]:7.3f}{a[1]:7.3f}{a[2]:7.3f}   |{b[0]:7.3f}{b[1]:7.3f}{b[2]:7.3f}")
    print(f"marsad zones: {[z.kind for z in article.zones]}")
    print(f"marsad metadata: title={article.title!r} published={article.published} outlet={article.outlet!r}")


if __name__ == "__main__":
    main()
