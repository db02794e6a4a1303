"""Build the distributional word clusters that the NER model uses as features.

Reproducible (fixed seed): read the two shared ANT news corpora, fold every word with
:func:`marsad.text.fold`, count left/right co-occurrence (±2 words) of the top ``--vocab`` words
against the top ``--contexts`` words, weight with positive PMI, reduce with a truncated SVD
(scipy), and cluster the unit-length word vectors with k-means (numpy) at two granularities.

Output: ``marsad/data/clusters.tsv`` — ``word<TAB>coarse<TAB>fine`` with a header naming the source.

    python scripts/build_clusters.py ../shared/data/news/ant-multisource.jsonl.gz \
        ../shared/data/news/ant-jawharafm.jsonl.gz --out marsad/data/clusters.tsv
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from marsad.text import fold

WORD_RE = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640]+|[^\w\s]")
WINDOW = (-2, -1, 1, 2)


def read_texts(paths: list[str]) -> list[list[str]]:
    """Folded token lists, one per distinct article (title then text)."""
    seen: set[str] = set()
    cache: dict[str, str] = {}
    docs: list[list[str]] = []
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                body = f"{rec.get('title') or ''}\n{rec.get('text') or ''}"
                key = body[:400]
                if key in seen:
                    continue
                seen.add(key)
                toks = []
                for w in WORD_RE.findall(body):
                    fw = cache.get(w)
                    if fw is None:
                        fw = cache[w] = fold(w)
                    if fw:
                        toks.append(fw)
                docs.append(toks)
    return docs


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator, iters: int = 25) -> np.ndarray:
    """Spherical k-means (cosine) with k-means++-style seeding from a sample; returns labels."""
    n = x.shape[0]
    centers = x[rng.choice(n, size=k, replace=False)].copy()
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iters):
        labels = np.argmax(x @ centers.T, axis=1)
        for j in range(k):
            members = x[labels == j]
            if len(members):
                c = members.sum(axis=0)
                centers[j] = c / (np.linalg.norm(c) or 1.0)
            else:
                centers[j] = x[rng.integers(n)]
    return labels


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+")
    ap.add_argument("--out", default="marsad/data/clusters.tsv")
    ap.add_argument("--vocab", type=int, default=50000)
    ap.add_argument("--contexts", type=int, default=3000)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--coarse", type=int, default=100)
    ap.add_argument("--fine", type=int, default=500)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args(argv)
    t0 = time.time()
    docs = read_texts(a.corpora)
    counts = Counter(w for d in docs for w in d)
    words = [w for w, c in counts.most_common(a.vocab) if c >= a.min_count and w[:1].isalpha()]
    contexts = [w for w, _ in counts.most_common(a.contexts)]
    wid = {w: i for i, w in enumerate(words)}
    cid = {w: i for i, w in enumerate(contexts)}
    print(f"{len(docs)} articles, {sum(map(len, docs))} tokens, vocab {len(words)} ({time.time() - t0:.0f}s)")
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    nc = len(contexts)
    for d in docs:
        w_ids = np.array([wid.get(w, -1) for w in d], dtype=np.int64)
        c_ids = np.array([cid.get(w, -1) for w in d], dtype=np.int64)
        n = len(d)
        for slot, off in enumerate(WINDOW):
            if n <= abs(off):
                continue
            if off > 0:
                ww, cc = w_ids[: n - off], c_ids[off:]
            else:
                ww, cc = w_ids[-off:], c_ids[: n + off]
            keep = (ww >= 0) & (cc >= 0)
            rows.append(ww[keep])
            cols.append(cc[keep] + slot * nc)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=(len(words), nc * len(WINDOW))).tocsr()
    m.sum_duplicates()
    print(f"co-occurrence {m.shape} nnz={m.nnz} ({time.time() - t0:.0f}s)")
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_sum *= total / col_sum.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    u, s, _ = svds(ppmi, k=a.dim, random_state=a.seed)
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    print(f"svd done ({time.time() - t0:.0f}s)")
    rng = np.random.default_rng(a.seed)
    coarse = kmeans(vec, a.coarse, rng)
    fine = kmeans(vec, a.fine, rng)
    print(f"k-means done ({time.time() - t0:.0f}s)")
    out = Path(a.out)
    with out.open("w", encoding="utf-8") as f:
        f.write(
            "# word clusters built by scripts/build_clusters.py (seed "
            f"{a.seed}, vocab {len(words)}, PPMI ±2 window, SVD {a.dim}, k-means {a.coarse}/{a.fine}) "
            "from the ANT corpus v2.1 (Chouigui et al.; citation licence): words folded by marsad.text.fold\n"
        )
        f.write("#word\tcoarse\tfine\n")
        for w, cc_, ff in zip(words, coarse, fine, strict=True):
            f.write(f"{w}\t{cc_}\t{ff}\n")
    print(f"wrote {out} ({out.stat().st_size} bytes, {time.time() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
