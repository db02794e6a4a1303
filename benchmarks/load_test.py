"""A bounded load test on loopback: concurrent clients against search and article pages while an
ingest writes into the same SQLite database.  Counts requests and errors, records p50/p95/p99.

    python benchmarks/load_test.py [--clients 50] [--seconds 60] [--seed-articles 500] [--ingest-articles 3000]

Builds a fresh database in a temporary folder from generated Arabic records (``marsad ingest``),
starts ``uvicorn`` on a free 127.0.0.1 port in a subprocess, starts a second ``marsad ingest`` of
new records into the same database, and runs ``--clients`` threads for ``--seconds`` seconds over
four request kinds (search API, search page, article API, article page).  An error is any
exception or status ≥ 400.  Every loop is bounded in time; traffic goes to 127.0.0.1 only.
Exit status 1 when there was any error.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

WORDS = ("الزراعة", "القمح", "البلدية", "الصيانة", "التطعيم", "المدارس", "الكهرباء", "الأحياء", "التقرير", "حالة")
OPENINGS = (
    "قال وزير الزراعة إن موسم القمح كان جيدا هذا العام.",
    "وأكد رئيس البلدية أن أعمال الصيانة ستنتهي قبل الشتاء.",
    "وصرح المتحدث باسم وزارة الصحة بأن حملة التطعيم بدأت في المدارس.",
    "أعلنت شركة الكهرباء عن خطة لتقليل الانقطاعات في الأحياء الشرقية.",
)


@dataclass
class Result:
    requests: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    by_kind: Counter[str] = field(default_factory=Counter)
    error_samples: list[str] = field(default_factory=list)
    ingest_status: int | None = None

    def percentile(self, p: float) -> float:
        values = sorted(self.latencies)
        return values[min(len(values) - 1, int(p * len(values)))] * 1000 if values else 0.0

    def summary(self) -> str:
        return (
            f"requests {self.requests}, errors {self.errors}, p50 {self.percentile(0.50):.1f} ms, "
            f"p95 {self.percentile(0.95):.1f} ms, p99 {self.percentile(0.99):.1f} ms, "
            f"by kind {dict(self.by_kind)}, ingest exit {self.ingest_status}"
        )


def write_records(path: Path, n: int, prefix: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            a, b = OPENINGS[i % 4], OPENINGS[(i // 4) % 4]
            text = f"{a} وذكر التقرير رقم {prefix}{i} أن العدد بلغ {i * 7 + 3} حالة. {b}"
            rec = {"docno": f"{prefix}{i}", "src": ("alpha", "beta")[i % 2], "title": f"خبر {prefix}{i}", "text": text}
            rec["time"] = f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def ingest_cmd(db_url: str, path: Path) -> list[str]:
    return [sys.executable, "-m", "marsad", "ingest", "--quiet", "--batch-size", "100", "--db", db_url, str(path)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db_url: str, port: int) -> subprocess.Popen[bytes]:
    code = (
        "import uvicorn; from marsad.server import create_app; "
        f"uvicorn.run(create_app({db_url!r}), host='127.0.0.1', port={port}, log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "MARSAD_API_KEY": ""})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not start within 30 s")


def _client(base: str, ids: list[str], until: float, seed: int, result: Result, lock: threading.Lock) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30) as http:
        while time.monotonic() < until:
            kind = rng.choice(("search-api", "search-page", "article-api", "article-page"))
            word = rng.choice(WORDS)
            art = quote(rng.choice(ids), safe="")
            path = {
                "search-api": f"/api/search?q={quote(word)}&what={rng.choice(('articles', 'statements'))}",
                "search-page": f"/?q={quote(word)}",
                "article-api": f"/api/articles/{art}",
                "article-page": f"/article/{art}",
            }[kind]
            start = time.perf_counter()
            error = None
            try:
                r = http.get(path)
                if r.status_code >= 400:
                    error = f"{kind} {path}: HTTP {r.status_code} {r.text[:200]}"
            except httpx.HTTPError as e:
                error = f"{kind} {path}: {type(e).__name__}: {e}"
            elapsed = time.perf_counter() - start
            with lock:
                result.requests += 1
                result.by_kind[kind] += 1
                result.latencies.append(elapsed)
                if error:
                    result.errors += 1
                    if len(result.error_samples) < 10:
                        result.error_samples.append(error)


def run(folder: Path, clients: int, seconds: float, seed_articles: int, ingest_articles: int) -> Result:
    """Build, serve, ingest and load; everything started here is stopped here."""
    db_url = f"sqlite:///{folder / 'load.db'}"
    seed, more = folder / "seed.jsonl", folder / "more.jsonl"
    write_records(seed, seed_articles, "s")
    write_records(more, ingest_articles, "m")
    subprocess.run(ingest_cmd(db_url, seed), check=True, timeout=300)
    port = free_port()
    server = start_server(db_url, port)
    base = f"http://127.0.0.1:{port}"
    result = Result()
    try:
        ids = [a["id"] for a in httpx.get(f"{base}/api/articles?limit=100", timeout=30).json()["items"]]
        ingest = subprocess.Popen(ingest_cmd(db_url, more), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        until = time.monotonic() + seconds
        lock = threading.Lock()
        threads = [
            threading.Thread(target=_client, args=(base, ids, until, n, result, lock), daemon=True)
            for n in range(clients)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=seconds + 60)
        try:
            _, err = ingest.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            ingest.kill()
            _, err = ingest.communicate()
        result.ingest_status = ingest.returncode
        if ingest.returncode:
            result.error_samples.append(f"ingest: {err.decode(errors='replace')[-500:]}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed-articles", type=int, default=500)
    parser.add_argument("--ingest-articles", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = run(Path(folder), args.clients, args.seconds, args.seed_articles, args.ingest_articles)
    print(f"load test: {args.clients} clients, {args.seconds:g} s, loopback, ingest running alongside")
    print(result.summary())
    for sample in result.error_samples:
        print("  error:", sample)
    sys.exit(1 if result.errors or result.ingest_status else 0)


if __name__ == "__main__":
    main()
