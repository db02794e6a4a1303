"""What the benchmarks share: the corpus path, the baseline read + normalise pass, peak RSS."""

from __future__ import annotations

import resource
import sys
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import marsad  # noqa: E402
from marsad.models import Article  # noqa: E402
from marsad.text import normalize  # noqa: E402

DEFAULT_CORPUS = ROOT / ".." / "shared" / "data" / "news" / "ant-multisource.jsonl.gz"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_and_normalise(corpus: Path, n: int) -> tuple[list[Article], float]:
    """The first ``n`` articles of ``corpus`` and the CPU seconds of reading and normalising them:
    the baseline every analysis benchmark is compared with."""
    t0 = time.process_time()
    articles = [a for a in islice(marsad.read(str(corpus)), n) if isinstance(a, Article)]
    for a in articles:
        normalize(a.title or "")
        normalize(a.text)
    return articles, time.process_time() - t0
