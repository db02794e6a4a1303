"""Near-duplicate articles: MinHash signatures over word shingles of the folded text, and an LSH index.

The text is folded (:func:`marsad.text.fold`: hamza/alef forms, ى/ي, ة/ه, tashkeel, tatweel,
digits) and compound names are split the same way whichever way they were written (``نصرالله`` and
``نصر الله`` both become ``نصر الله``), so a spelling variant does not hide a copy.  The signature
is datasketch's :class:`~datasketch.MinHash` (``num_perm`` 32-bit values, fixed seed: the same text
gives the same signature in every process), stored as bytes; :class:`DedupIndex` is datasketch's
:class:`~datasketch.MinHashLSH` plus the signatures, so that a candidate is confirmed by its
estimated Jaccard similarity before it is called a near-duplicate.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

from marsad.store.indexing import split_compound, words
from marsad.text import fold

NUM_PERM = 128
SHINGLE = 3  # words per shingle
# estimated Jaccard of shingle sets at or above which a text is a near-copy; 0.8–0.9 still holds rewrites and
# running updates that add a new lede to a shared background (measured on ANT, docs/stories.md)
THRESHOLD = 0.9
MIN_SHINGLES = 10  # shorter texts get no signature: too few shingles to call a near-copy (exact copies are the store's)
SEED = 1
SCHEME = "affine32"  # datasketch 2's 32-bit hashing scheme (values stored as uint32)


def dedup_words(text: str) -> list[str]:
    """The folded words of ``text``, compound names split (``نصرالله`` → ``نصر``, ``الله``)."""
    out: list[str] = []
    for w in words(fold(text)):
        out.extend(split_compound(w))
    return out


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The distinct ``k``-word shingles of the folded text (fewer than ``k`` words: the words joined)."""
    ws = dedup_words(text)
    if len(ws) < k:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i : i + k]) for i in range(len(ws) - k + 1)}


def article_text(title: str | None, text: str) -> str:
    """What an article's signature is made of: its title and its text."""
    return f"{title}\n{text}" if title else text


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    m = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
    a, b = m.permutations
    return a, b


def minhash(shingle_set: Iterable[str], num_perm: int = NUM_PERM) -> MinHash:
    """datasketch's MinHash of a set of shingles: CRC-32 of each shingle (fast, the same in every process) under
    datasketch's random affine permutations (computed once per ``num_perm``)."""
    m = MinHash(num_perm=num_perm, seed=SEED, hashfunc=zlib.crc32, permutations=_permutations(num_perm), scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    return m


def signature(text: str, num_perm: int = NUM_PERM, min_shingles: int = MIN_SHINGLES) -> np.ndarray | None:
    """The MinHash values (``uint32``, ``num_perm`` of them) of ``text``; None when it is too short."""
    sh = shingles(text)
    if len(sh) < min_shingles:
        return None
    return np.asarray(minhash(sh, num_perm).hashvalues, dtype=np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    """A signature as stored (little-endian ``uint32``)."""
    return sig.astype("<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets (share of equal MinHash values)."""
    return float(np.count_nonzero(a == b)) / len(a)


@lru_cache(maxsize=16)
def lsh_params(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """``(bands, rows)`` that datasketch picks for ``threshold`` (equal false-positive/negative weights; it
    integrates numerically, so the answer is kept)."""
    b, r = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(b), int(r)


def band_keys(sig: np.ndarray, threshold: float = THRESHOLD) -> list[int]:
    """One 63-bit key per LSH band: two signatures share a band key when that band of values is equal.

    Lets a database find candidates with an index on ``(band, key)`` instead of a whole LSH in memory."""
    bands, rows = lsh_params(threshold, len(sig))
    keys: list[int] = []
    for i in range(bands):
        chunk = sig[i * rows : (i + 1) * rows].astype("<u4").tobytes()
        keys.append(int.from_bytes(_digest(chunk), "little") & 0x7FFF_FFFF_FFFF_FFFF)
    return keys


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=8).digest()


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """``id`` is a near-copy of the already indexed ``of``, with estimated Jaccard ``similarity``."""

    id: str
    of: str
    similarity: float


def best_match(sig: np.ndarray, candidates: Iterable[tuple[str, np.ndarray]], threshold: float) -> tuple[str, float]:
    """The most similar candidate at or above ``threshold`` (ties: the smallest key); ``("", 0.0)`` if none."""
    best_key, best_sim = "", 0.0
    for key, other in candidates:
        s = similarity(sig, other)
        if s >= threshold and (s > best_sim or (s == best_sim and key < best_key)):
            best_key, best_sim = key, s
    return best_key, best_sim


class DedupIndex:
    """Signatures of kept articles behind an LSH index: ``near_duplicate_of`` then ``add``."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, params=lsh_params(threshold, num_perm))
        self.signatures: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def __contains__(self, key: object) -> bool:
        return key in self.signatures

    def _lean(self, sig: np.ndarray) -> MinHash:
        return MinHash(
            num_perm=self.num_perm, seed=SEED, hashvalues=sig, permutations=_permutations(self.num_perm), scheme=SCHEME
        )

    def add(self, key: str, sig: np.ndarray) -> None:
        """Index ``sig`` under ``key`` (a key already indexed is left as it is)."""
        if key in self.signatures:
            return
        self.signatures[key] = sig
        self.lsh.insert(key, self._lean(sig))

    def near_duplicate_of(self, sig: np.ndarray) -> tuple[str, float] | None:
        """The indexed key most similar to ``sig`` (estimated Jaccard ≥ threshold), or None."""
        found = self.lsh.query(self._lean(sig))
        key, sim = best_match(sig, ((k, self.signatures[k]) for k in found), self.threshold)
        return (key, sim) if key else None

    def check_and_add(self, key: str, text: str) -> NearDuplicate | None:
        """Is ``text`` a near-copy of an indexed one?  If not, index it under ``key``."""
        sig = signature(text, self.num_perm)
        if sig is None:
            return None
        hit = self.near_duplicate_of(sig)
        if hit:
            return NearDuplicate(key, hit[0], hit[1])
        self.add(key, sig)
        return None


__all__ = [
    "MIN_SHINGLES",
    "NUM_PERM",
    "THRESHOLD",
    "DedupIndex",
    "NearDuplicate",
    "article_text",
    "band_keys",
    "best_match",
    "dedup_words",
    "from_bytes",
    "lsh_params",
    "minhash",
    "shingles",
    "signature",
    "similarity",
    "to_bytes",
]
