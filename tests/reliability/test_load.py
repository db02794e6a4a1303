"""A short bounded load test (20 clients, 10 s, loopback) while an ingest writes: no request
fails and the ingest completes.  Timing is recorded by ``benchmarks/load_test.py``, not asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_twenty_clients_for_ten_seconds_during_an_ingest_see_no_errors(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("load_test", ROOT / "benchmarks" / "load_test.py")
    assert spec and spec.loader
    load_test = importlib.util.module_from_spec(spec)
    sys.modules["load_test"] = load_test  # dataclasses look their module up there
    spec.loader.exec_module(load_test)
    result = load_test.run(tmp_path, clients=20, seconds=10, seed_articles=200, ingest_articles=800)
    print(result.summary())
    assert result.requests > 0
    assert result.errors == 0, result.error_samples
    assert result.ingest_status == 0, result.error_samples
    assert set(result.by_kind) == {"search-api", "search-page", "article-api", "article-page"}
